"""Which numbers are figures (trained parse, texts of our own)."""

from __future__ import annotations

import pytest

from nlp_docs import extract_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a day before a month, cut from it by the sentence split of a byline line
        (
            "World\n\nHealth agency: 16 cholera deaths in Aldport\n\n11 October 2022 - 12:03 "
            "By Wirefeed\nA boy carries a bucket past a clinic in Aldport, October 4, 2022.\n\n"
            "There have been 16 deaths from cholera in Aldport, a health official said on "
            "Tuesday.\n",
            [16],
        ),
        (
            "Cholera in Aldport\n\nThere have been 16 deaths from cholera in Aldport since 4 "
            "October, a health official said.\n",
            [16],
        ),
    ],
)
def test_dates_are_no_figures(pipeline, text, values):  # type: ignore[no-untyped-def]
    assert [f.value for f in extract_text(pipeline, text).figures] == values
