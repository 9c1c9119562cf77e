"""Who a figure counts, when the predicate rather than the counted noun says it."""

from __future__ import annotations

import pytest
import spacy

from newsprov.nlp.figures import find_figures


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The monitor said 612 of the dead were civilians.", {612: "civilians"}),
        (
            "It said 612 of the dead were civilians, while 97 belonged to the security forces.",
            {612: "civilians", 97: "security-forces"},
        ),
        ("Of those killed, 58 were gunmen loyal to the former government.", {58: "militants"}),
        ("At least 40 of the victims were children, the ministry said.", {40: "children"}),
        ("It said 97 members of the government's security forces died.", {97: "security-forces"}),
        ("Police said 14 people of the town were hurt.", {14: "people"}),
        # the number's own noun names the group: the predicate is not needed
        ("Some 30 soldiers were among the dead.", {30: "soldiers"}),
        # a later clause's group is not taken across the clause end or the next number
        ("In all, 210 people died, and rescuers said many were children.", {210: "people"}),
        ("The toll rose to 88 as 12 civilians were found.", {88: None, 12: "civilians"}),
    ],
)
def test_population_from_predicate(nlp, text, expected):
    found = {int(f.value): f.population for f in find_figures(nlp(text))}
    assert {k: found.get(k) for k in expected} == expected
