"""Which numbers are figures (texts of our own; the trained parse where marked)."""

from __future__ import annotations

import pytest

from newsprov.nlp.figures import find_figures
from nlp_docs import extract_text


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
        # years the model calls a date, a range of them
        (
            "Budget\n\nThe plan will add $256 billion to deficits between 2021 and 2031, a "
            "report from the budget office found.\n",
            [256e9],
        ),
        # ... but not a count of people
        ("Protest\n\nBetween 2000 and 2500 people marched on Sunday, police said.\n", [2000, 2500]),
    ],
)
@pytest.mark.model
def test_dates_are_no_figures(pipeline, text, values):  # type: ignore[no-untyped-def]
    assert [f.value for f in extract_text(pipeline, text).figures] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a capital scale letter glued to a number of two digits or a decimal
        ("Outages fell to more than 2.4M on Friday.", [2.4e6]),
        ("Outages total 886K in the state.", [886e3]),
        ("The firm 3M said it would hire staff.", []),  # a name, not three million
        # a range of money, each end with its scale letter
        ("The storm could cost insurers $30B-$60B, an analyst said.", [30e9, 60e9]),
        ("The jet is an F-16 fighter.", []),
        # a bill's initials
        ("Enacting H.R. 3684 would add $256 billion to deficits.", [256e9]),
        # a bracketed credit's name, and a name opening a bracket
        ("ERBIL (Harbour 24) – Clashes killed 24 more people.", [24]),
        ("The toll (Harbour 24 counted it) rose to 40.", [40]),
    ],
)
def test_scales_and_labels_written_with_capital_letters(text: str, values: list[float]) -> None:
    import spacy

    doc = spacy.blank("en")(text)
    assert [f.value for f in find_figures(doc)] == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # thousands set apart by spaces, two groups or more
        ("Out of 3 291 312 voters, 3 017 801 cast their ballots.", [3291312, 3017801]),
        # ... or one group after a no-break space
        ("Some 12\u00a0500 people fled the town.", [12500]),
    ],
)
def test_thousands_set_apart_by_spaces(text: str, values: list[float]) -> None:
    import spacy

    doc = spacy.blank("en")(text)
    assert [f.value for f in find_figures(doc)] == values
