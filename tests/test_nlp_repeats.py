"""An article restating its own figure from the same source yields one figure."""

from __future__ import annotations

import pytest

from newsprov.ingest import parse_text
from newsprov.nlp import extract

TEXT = (
    "Source: Reuters\ndate 2024-05-06\n\n"
    "At least 40 people were killed, the health ministry said on Monday.\n\n"
    "Rescuers kept digging through the night.\n\n"
    "The health ministry said at least 40 people were killed and 12 were missing.\n\n"
    "A local monitor said at least 40 people were killed.\n"
)


@pytest.mark.model
def test_same_figure_same_source_is_one_claim(pipeline) -> None:  # type: ignore[no-untyped-def]
    (ex,) = extract(pipeline, [parse_text(TEXT, article_id="r")])
    forty = [(f.source, f.measure) for f in ex.figures if f.value == 40]
    # the ministry's restatement is dropped; the monitor's same number is its own claim
    names = sorted(str(ex.entity(s).name).lower() for s, _ in forty if s)  # type: ignore[union-attr]
    assert len(forty) == 2
    assert "ministry" in names[0] and "monitor" in names[1]
    assert ex.figures[0].sentence.text.startswith("At least 40")  # kept where first made
