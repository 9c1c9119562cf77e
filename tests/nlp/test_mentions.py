"""Mentions clustered into entities (``newsprov.nlp.mentions``): which names survive and
how they are typed, on short articles of our own writing."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsprov.model import EntityType
from newsprov.nlp.coref import Mention
from newsprov.nlp.mentions import _lower_tails, _title_case_names
from nlp_docs import extract_text

_HEAD = "Source: Reuters\ndate 2024-05-04\n\n"


def _entities(pipeline, text):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, _HEAD + text)
    return {(e.name, e.type.value) for e in ex.entities}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a common noun after a dateline's dash is no name
        (
            "KATMANDU, Nepal -- Crews searching through the night in the rubble of a "
            "mountain village found 15 bodies, but more than 30 people remained missing.\n",
            {"Nepal"},
            {"Crews"},
        ),
        # a last word the article also writes in lower case is no part of the name
        (
            "Flooding killed nine people in the Varn Valley State, police said. Another "
            "four died elsewhere in Varn Valley state on Sunday.\n",
            {"Varn Valley"},
            {"Varn Valley State"},
        ),
        # ... but a name always written whole keeps it
        (
            "The Varn Valley State Assembly met on Monday after 40 people died, police said.\n",
            {"Varn Valley State Assembly"},
            {"Varn Valley"},
        ),
        # a storm's name is no organisation
        (
            "At least 17 people died as tropical storm Pelagia battered the coast, the "
            "disaster agency said.\n",
            set(),
            {"Pelagia"},
        ),
        # an organisation ends before the rank of the person named next
        (
            "The fire grew to 300 acres, Harlow County Fire Authority Capt. Neve Orrin said.\n",
            {"Harlow County Fire Authority", "Neve Orrin"},
            {"Harlow County Fire Authority Capt"},
        ),
        # a title before a name is no part of it
        (
            "Police Superintendent Dave Cliff said 12 people were missing.\n",
            {"Dave Cliff"},
            {"Superintendent Dave Cliff", "Police Superintendent Dave Cliff"},
        ),
        # a full name the model calls a body, beside "Mr" and the surname, is a person
        (
            "The agency's head, Sutopo Purwo Nugroho, said 20 people died. Mr Nugroho said "
            "1,655 rescuers were deployed.\n",
            {"Sutopo Purwo Nugroho"},
            set(),
        ),
        # a credit line's agency is no person
        (
            "The mayor spoke on Monday after 12 people died, police said.\n"
            "Ivo Marek/Stellar Press Agency/Getty Images\n\nThe toll may rise.\n",
            {"Ivo Marek", "Getty Images", "Stellar Press Agency"},
            {"Getty"},
        ),
        # a dateline's bracketed credits: each outlet apart, no date, no bracket
        (
            "KABUL (Valmont Daily News / Sputnik - 12th May, 2020) The toll rose to 14, the "
            "Interior Ministry said.\n",
            {"Valmont Daily News", "Sputnik", "Kabul"},
            {"Valmont Daily News / Sputnik - 12th"},
        ),
        (
            "Niamey, April 25 (RHC)-- Niger's health minister says the toll reached 130.\n",
            {"Niger"},
            {"RHC)-- Niger"},
        ),
        # an acronym in a bracket the span does not close is a name apart
        (
            "The World Health Organization (WHO) says 40 people died.\n",
            {"World Health Organization"},
            {"World Health Organization (WHO"},
        ),
        # a lower-case adjective opens no name; a disease is no place
        (
            "An outbreak of Ebola in eastern Democratic Republic of Congo killed 75 people, "
            "the ministry said. DR Congo has seen 12 outbreaks.\n",
            {"Democratic Republic of Congo", "DR Congo"},
            {"eastern Democratic Republic of Congo", "Ebola"},
        ),
        # a preposition opening the sentence is no part of the name after it
        (
            "Smoke rose.\n\nIn Shasta County, Sheriff Eric Magrini said three people died.\n",
            {"Shasta County"},
            {"In Shasta County"},
        ),
        # a body's short form after ", or" is its alias, not a body apart
        (
            "The Federal Emergency Management Agency, or FEMA, said 40 homes burned. FEMA "
            "said 12 people died.\n",
            {"Federal Emergency Management Agency"},
            {"FEMA"},
        ),
        # ... but a list of bodies keeps each
        (
            "Aid came from the Red Cross, UNICEF, or the World Food Programme, officials said.\n",
            {"Red Cross", "UNICEF", "World Food Programme"},
            set(),
        ),
        # a transcript's label in capitals is the person of that family name, no place
        (
            "Chris Wallace interviewed Mike Pence on Sunday.\n\nWALLACE: Why?\n\n"
            "PENCE: Well, about 40 percent of voters care.\n",
            {"Mike Pence", "Chris Wallace"},
            {"Pence", "Wallace", "PENCE"},
        ),
        # "NGO" alone is no name
        ("The Ravelle-based NGO said 25 people had died.\n", set(), {"NGO"}),
    ],
)
@pytest.mark.model
def test_which_names_survive(pipeline, text, present, absent):  # type: ignore[no-untyped-def]
    names = {n for n, _ in _entities(pipeline, text)}
    assert present <= names, names
    assert not (absent & names), names


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a full name set off by commas after a place is no place
        (
            "The mayor of the town of Westbury, Tommy Muska, said 14 people died.\n",
            "Tommy Muska",
            "Person",
        ),
        # a role's title and "of" are no part of the body named after them
        (
            "The toll rose to 120, according to the Director General of Rescue Services in "
            "Varna Province, Anil Sharma.\n",
            "Rescue Services",
            "Organisation",
        ),
        # a role's title and "of" before a person's name leave the person a person
        (
            "Vice Minister of Civil Defense Juan Quispe said 11 people died.\n",
            "Juan Quispe",
            "Person",
        ),
        # initials of a body named in the article are that body, whatever the model says
        (
            "European Union leaders met in Bratislava on Friday. The E.U. has 27 members, "
            "and E.U. officials said 40 percent of voters backed it.\n",
            "European Union",
            "Organisation",
        ),
        # a person after a body's possessive is a person of their own
        (
            "The Green Party’s Jill Stein polled 2 percent, the survey found.\n",
            "Jill Stein",
            "Person",
        ),
        # an honorific makes a person
        ("Mr Nugroho said 1,655 rescuers were deployed.\n", "Nugroho", "Person"),
        (
            "The agency's head, Sutopo Purwo Nugroho, said 20 people died. Mr Nugroho said "
            "1,655 rescuers were deployed.\n",
            "Sutopo Purwo Nugroho",
            "Person",
        ),
        # a county sheriff is an office
        (
            "About 1,000 residents fled, Harlow County Sheriff's spokeswoman Neve Orrin said.\n",
            "Harlow County Sheriff",
            "Organisation",
        ),
    ],
)
@pytest.mark.model
def test_typed(pipeline, text, name, kind):  # type: ignore[no-untyped-def]
    ents = _entities(pipeline, text)
    assert (name, kind) in ents, ents


_NLP = spacy.blank("en")
_PLACE, _ORG, _PERSON = EntityType.PLACE, EntityType.ORGANISATION, EntityType.PERSON


def _mentions(text: str, names: list[tuple[str, EntityType, int]]) -> tuple[Doc, list[Mention]]:
    """A tokenised Doc and a mention of each name at its ``k``-th occurrence (from 0)."""
    doc = _NLP.make_doc(text)
    out = []
    for name, kind, k in names:
        at = -1
        for _ in range(k + 1):
            at = text.index(name, at + 1)
        span = doc.char_span(at, at + len(name))
        assert span is not None, name
        out.append(Mention(span.start, span.end, at, at + len(name), name, kind))
    return doc, out


_HEADLINE = "Scores Killed in Air Strikes on Northern Town of Ravelle\n\n"


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a headline's common words are no name; its name written in the body stays
        (
            _HEADLINE + "Scores of people were killed in air strikes on the northern town "
            "of Ravelle, a monitor said.\n",
            [("Air Strikes", _PLACE, 0), ("Northern Town", _PLACE, 0), ("Ravelle", _PLACE, 0)],
            ["Ravelle"],
        ),
        # a nationality with a common noun is no name either
        (
            "Scores Killed in Shelling of Syrian Town\n\nShelling hit the Syrian town.\n",
            [("Syrian Town", _PLACE, 0)],
            [],
        ),
        # a run of headline words holding a name written in the body is cut to it
        (
            "Farmers Cheer Governor Maria Lopez After Vote\n\nMaria Lopez won the vote.\n",
            [("Farmers Cheer Governor Maria Lopez", _PERSON, 0), ("Maria Lopez", _PERSON, 1)],
            ["Maria Lopez", "Maria Lopez"],
        ),
        # a byline's names are no common words: they stay
        (
            "Doran Pelley and Quill Avensa in Ravelle\n\nThe fire burned 40 homes.\n",
            [("Doran Pelley", _PERSON, 0), ("Quill Avensa", _PERSON, 0)],
            ["Doran Pelley", "Quill Avensa"],
        ),
        # outside a title-case line nothing changes
        (
            "Air Strikes hit the town, and air strikes went on.\n",
            [("Air Strikes", _PLACE, 0)],
            ["Air Strikes"],
        ),
    ],
)
def test_title_case_names(
    text: str, names: list[tuple[str, EntityType, int]], expected: list[str]
) -> None:
    doc, mentions = _mentions(text, names)
    assert [m.name for m in _title_case_names(doc, mentions)] == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Nine died in Varn Valley State. Four died in Varn Valley state.",
            "Varn Valley State",
            "Varn Valley",
        ),
        (
            "The Varn Valley State Assembly met.",
            "Varn Valley State Assembly",
            "Varn Valley State Assembly",
        ),
        ("Shelling hit a Syrian City. A Syrian city burned.", "Syrian City", None),
    ],
)
def test_lower_tails(text: str, name: str, expected: str | None) -> None:
    doc, mentions = _mentions(text, [(name, _PLACE, 0)])
    out = _lower_tails(doc, mentions)
    assert (out[0].name if out else None) == expected


def test_title_case_name_cut_takes_the_kind_written_elsewhere() -> None:
    # the model's tag on a headline's run ("Maria Lopez's Film" as an organisation) does
    # not retype the person the body names
    text = "Maria Lopez’s Film Wins Award At Festival\n\nMaria Lopez said the film was hers.\n"
    doc, mentions = _mentions(text, [("Maria Lopez’s Film", _ORG, 0), ("Maria Lopez", _PERSON, 1)])
    out = _title_case_names(doc, mentions)
    assert [(m.name, m.kind) for m in out] == [("Maria Lopez", _PERSON)] * 2
