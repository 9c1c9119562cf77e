"""Round-3 attribution rules, end to end with the trained model on invented sentences;
each rule has a case that fires and one that must not.

Rules: "according to" an unknown capitalised name makes it an organisation; "according
to the mayor of X, <Name>" is the named person; a name taken for a place speaks through
its bracketed acronym; "Data from X show"; "its estimate" binds to the clause's
organisation subject; "N people, a figure the <org> warned …"; "…, the <org> (ACR) said";
"organisers" are the body a passive "was called by" names.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp_docs import extract_text, source_label

pytestmark = pytest.mark.model


SOURCE_CASES = [
    (
        "according to an acronym no one else knows",
        "According to UNHAS, the UN's air service, at least 43 people were evacuated "
        "and more than 70 were treated.",
        43,
        "UNHAS",
    ),
    (
        "according to a role with the person's name beside it",
        "Almost 300 houses have been destroyed, according to the mayor of the island, "
        "Maria Kostopoulou, who said whole streets had burned.",
        300,
        "Maria Kostopoulou",
    ),
    (
        "data from a body with a bracketed acronym",
        "Data from the Copernicus Emergency Management Service (CEMS) show more than "
        "8,400 hectares burned.",
        8400,
        "Copernicus Emergency Management Service",
    ),
    (
        "its estimate binds to the clause subject",
        "The Transport Ministry, for its part, stood by its estimate of some 12,000 "
        "stranded passengers.",
        12000,
        "Transport Ministry",
    ),
    (
        "a figure apposition naming its owner",
        "Flooding in the south has killed at least 57 people, a figure the Disaster "
        "Management Centre warned could rise as waters recede.",
        57,
        "Disaster Management Centre",
    ),
    (
        "a final speaker with a bracketed acronym",
        "Kenya on Monday sent medical supplies on three military transport planes, the "
        "Ministry of Foreign Affairs (MFA) said.",
        3,
        "Ministry of Foreign Affairs",
    ),
]


@pytest.mark.parametrize(
    ("rule", "text", "value", "expected"), SOURCE_CASES, ids=[c[0] for c in SOURCE_CASES]
)
def test_round3source_label(
    pipeline: Language, rule: str, text: str, value: float, expected: str
) -> None:
    assert source_label(extract_text(pipeline, text), value) == expected


NO_SOURCE_CASES = [
    (
        "according to a place is no organisation",
        "According to Kenya, the crossing stayed open while 40 trucks waited at it.",
        40,
    ),
    (
        "a bracketed abbreviation that is no acronym",
        "Supplies arrived on three planes on Monday (local time).",
        3,
    ),
]


def test_role_without_a_name_beside_it(pipeline: Language) -> None:
    ex = extract_text(
        pipeline,
        "Almost 300 houses have been destroyed, according to the mayor of the island, "
        "but the house of Maria Kostopoulou was spared.",
    )
    assert source_label(ex, 300) == "unnamed mayor"


@pytest.mark.parametrize(
    ("rule", "text", "value"), NO_SOURCE_CASES, ids=[c[0] for c in NO_SOURCE_CASES]
)
def test_round3_nosource_label(pipeline: Language, rule: str, text: str, value: float) -> None:
    assert source_label(extract_text(pipeline, text), value) is None


def test_its_estimate_without_an_organisation_subject(pipeline: Language) -> None:
    """ "its" with a person subject does not bind to the person."""
    ex = extract_text(
        pipeline,
        "The Red Crescent said 300 families had fled.\n\nAmina Yusuf, for her part, "
        "cited its estimate of 300 families.",
    )
    assert source_label(ex, 300) == "Red Crescent"


def test_organisers_are_who_called_the_march(pipeline: Language) -> None:
    text = (
        "Organizers said more than 90,000 people took part. The Interior Ministry put "
        "the crowd at around 15,000.\n\nThe march was called by the Teachers Front for "
        "Public Education, a coalition of unions and student groups."
    )
    ex = extract_text(pipeline, text)
    assert source_label(ex, 90000) == "Teachers Front for Public Education"
    assert source_label(ex, 15000) == "Interior Ministry"
