"""The date a figure is stated for: (sentence, article date, expected) tables."""

from __future__ import annotations

import pytest

from newsprov.nlp.sentence_dates import figure_date

# 2024-05-06 is a Monday
CASES = [
    ("The ministry said on Saturday that 71 people had died.", "2024-05-06", "2024-05-04"),
    ("The toll stood at 96 as of May 5, the monitor said.", "2024-05-06", "2024-05-05"),
    ("By Monday evening, 143 deaths had been recorded.", "2024-05-06", "2024-05-06"),
    ("The agency said on 4 March 2025 that 212 people were killed.", None, "2025-03-04"),
    ("Officials said yesterday that 30 homes burned.", "2024-05-06", "2024-05-05"),
    ("On Thursday, May 2, the group counted 58 deaths.", "2024-05-06", "2024-05-02"),
    # a December date in a January story is last year's
    ("The count reached 40 on December 30, police said.", "2025-01-03", "2024-12-30"),
    # period starts and passing mentions are not the figure's date
    ("More than 1,000 people have been killed since Thursday.", "2024-05-06", None),
    ("Fighting that began on Friday has killed 40 people.", "2024-05-06", None),
    ("Between Monday and Wednesday 12 people died.", "2024-05-06", None),
    # relative dates need the article's date
    ("The ministry said on Saturday that 71 people had died.", None, None),
    ("At least 12 people died, police said.", "2024-05-06", None),
    ("At least 12 people died, police said Sunday.", "2024-05-06", "2024-05-05"),
    # "May" the verb is not a month, and an impossible date is no date
    ("Officials said the toll may rise above 50 on Monday.", "2024-05-06", "2024-05-06"),
    ("The count was 9 on February 30, 2024.", None, None),
]


TWO_DATES = (
    "The toll has risen to 143, the monitor said Monday, up from the 96 it reported on Saturday."
)


@pytest.mark.parametrize(("number", "expected"), [("143", "2024-05-06"), ("96", "2024-05-04")])
def test_nearest_date_to_the_figure_wins(number: str, expected: str) -> None:
    assert figure_date(TWO_DATES, "2024-05-06", TWO_DATES.index(number)) == expected


@pytest.mark.parametrize(("sentence", "published", "expected"), CASES)
def test_figure_date(sentence: str, published: str | None, expected: str | None) -> None:
    assert figure_date(sentence, published) == expected
