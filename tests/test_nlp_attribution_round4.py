"""Round-4 attribution rules, end to end with the trained model on invented sentences;
each rule has a case that fires and one where it must not.

Rules: an organisation noun a place modifies is that place's unnamed body ("the Kursk
regional administration", "Canada's embassy in Lima"); "the office of the <role>" is an
office called as written; "a poll … conducted by X found that N percent" is X's; an
unknown name an apposition calls an agency is an organisation; "police … their estimate";
"a team from <Unknown Capitalised Name>"; an indefinite description is the organisation
named next, not an earlier or later one sharing a word; "police" in a description is the
unnamed police; a definite generic description is the organisation cited earlier in its
own sentence; "its spokesman X told" keeps the organisation he speaks for.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsprov.nlp.coref import EntityTable
from newsprov.nlp.org_phrases import described_name
from nlp_docs import extract_text, source_label

pytestmark = pytest.mark.model


# (rule, text, value, expected source label; None = no source)
CASES = [
    (
        "place-modified body",
        "The Kursk regional administration said 40 houses had been damaged.",
        40,
        "Kursk regional administration",
    ),
    (
        "possessive place and embassy",
        "Canada's embassy in Lima said Ottawa would send relief goods worth $2 million.",
        2_000_000,
        "Canada's embassy in Lima",
    ),
    (
        "office of a role",
        "The office of the UN humanitarian coordinator in Chad said 9,000 people had fled.",
        9000,
        "office of the UN humanitarian coordinator in Chad",
    ),
    (
        "poll conducted by a named body",
        "A poll of 1,500 voters conducted by Civic Pulse Institute found that 62 percent "
        "backed the plan.",
        62,
        "Civic Pulse Institute",
    ),
    (
        "poll with no one conducting it",
        "A survey of 800 farmers found that 40 percent had lost crops.",
        40,
        None,
    ),
    (
        "police and their estimate",
        "Organisers said 50,000 people marched.\n\nPolice have stood by their estimate "
        "of some 12,000.",
        12000,
        "police",
    ),
    (
        "team from an unknown capitalised body",
        "A medical team from Doctors for Peace said it had treated 85 people.",
        85,
        "Doctors for Peace",
    ),
    (
        "indefinite description introduces the next-named body",
        "A Somali rights group said 30 civilians had died in the strike.\n\n"
        "The Baidoa Civilian Monitor, which tracks abuses, said most were farmers.\n\n"
        "The Somali Human Rights Commission said it would investigate.",
        30,
        "Baidoa Civilian Monitor",
    ),
    (
        "police in a description",
        "The Armed Police Force deployed 300 officers.\n\n"
        "Eight villages remain cut off, the district police office said, and 12 "
        "people were missing, the district police office added.",
        12,
        "police",
    ),
    (
        "generic description after a body cited in its own sentence",
        "The UN Office for the Coordination of Humanitarian Affairs said 40 people died.\n\n"
        "The Kenya Red Cross's figures are higher: the humanitarian group has counted 52 dead.",
        52,
        "Kenya Red Cross",
    ),
    (
        "its spokesman speaks for the body",
        "In the south, the Kabul provincial administration raised the toll to 11, its "
        "spokesman Bakyt Osmonov told Reuters.",
        11,
        "Kabul provincial administration",
    ),
    (
        "a named speaker still reports unnamed authorities",
        "Local authorities had counted 312 dead, governor Bakyt Osmonov told Reuters.",
        312,
        "Bakyt Osmonov",
    ),
]


@pytest.mark.parametrize(("rule", "text", "value", "expected"), CASES, ids=[c[0] for c in CASES])
def testsource_label(
    pipeline: Language, rule: str, text: str, value: float, expected: str | None
) -> None:
    assert source_label(extract_text(pipeline, text), value) == expected


def test_place_alone_is_no_body(pipeline: Language) -> None:
    """A place that is not modifying an organisation noun never speaks."""
    ex = extract_text(pipeline, "In Kursk, 40 houses had been damaged, residents said.")
    assert source_label(ex, 40) != "Kursk"


def test_office_of_a_named_body_is_not_renamed(pipeline: Language) -> None:
    ex = extract_text(pipeline, "The office of Oxfam in Chad said 9,000 people had fled.")
    assert not (source_label(ex, 9000) or "").startswith("office of")


def test_agency_name_needs_its_apposition(pipeline: Language) -> None:
    text = "Volcanet, the national volcano monitoring agency, has recorded 640 tremors."
    assert source_label(extract_text(pipeline, text), 640) == "Volcanet"


def _appos_doc(noun: str) -> Doc:
    """ "Volcanet, the <noun>, has recorded 640 tremors." parsed by hand."""
    words = ["Volcanet", ",", "the", noun, ",", "has", "recorded", "640", "tremors", "."]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        pos=["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "AUX", "VERB", "NUM", "NOUN", "PUNCT"],
        deps=["nsubj", "punct", "det", "appos", "punct", "aux", "ROOT", "nummod", "dobj", "punct"],
        heads=[6, 0, 3, 0, 0, 6, 6, 8, 6, 6],
    )


def test_described_name_needs_an_organisation_noun() -> None:
    doc = _appos_doc("agency")
    found = described_name(EntityTable(doc, []), doc[0])
    assert found is not None and found.name == "Volcanet"
    village = _appos_doc("village")
    assert described_name(EntityTable(village, []), village[0]) is None


def test_team_from_a_place_is_not_a_body(pipeline: Language) -> None:
    ex = extract_text(pipeline, "A medical team from Nairobi said it had treated 85 people.")
    assert source_label(ex, 85) != "Nairobi"


def test_definite_description_without_a_cited_body_shares_words(pipeline: Language) -> None:
    text = (
        "The UN Office for the Coordination of Humanitarian Affairs said 40 people died.\n\n"
        "The humanitarian office has counted 52 dead."
    )
    assert source_label(extract_text(pipeline, text), 52) == (
        "UN Office for the Coordination of Humanitarian Affairs"
    )
