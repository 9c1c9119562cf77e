"""Entity clean-up, alias resolution and the entity table (rule tests need no model)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
import spacy
from spacy.tokens import Doc

from newsprov.model import EntityType
from newsprov.nlp.aliases import (
    acronym,
    clean_name,
    group_names,
    is_acronym_of,
    is_demonym_phrase,
    person_matches,
    place_variant,
    slugify,
)
from newsprov.nlp.entities import EntityFix, build_entity_table

VOCAB = spacy.blank("en").vocab
_NO_SPACE_BEFORE = {",", ".", "”", ":", "?", "!", ")", "’s", "'s", ";"}
_NO_SPACE_AFTER = {"“", "("}


def parsed(spec: str, ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    """A Doc from "word|POS|dep|head[|lemma]" items; ``head`` is an absolute index and
    ``ents`` are (start, end, label) token spans."""
    items = [item.split("|") for item in spec.split()]
    words = [i[0] for i in items]
    spaces = [
        k + 1 < len(words) and words[k + 1] not in _NO_SPACE_BEFORE and w not in _NO_SPACE_AFTER
        for k, w in enumerate(words)
    ]
    iob = ["O"] * len(words)
    for start, end, label in ents:
        iob[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=[i[1] for i in items],
        deps=[i[2] for i in items],
        heads=[int(i[3]) for i in items],
        lemmas=[i[4] if len(i) > 4 else i[0].lower() for i in items],
        ents=iob,
    )


@pytest.mark.parametrize(
    ("text", "kind", "clean"),
    [
        (
            "the Britain-based Syrian Observatory for Human Rights",
            "Organisation",
            "Syrian Observatory for Human Rights",
        ),
        ("SOHR’s", "Organisation", "SOHR"),
        ("The Associated Press", "Outlet", "Associated Press"),
        ("ousted President Bashar al-Assad", "Person", "Bashar al-Assad"),
        ("former President Assad", "Person", "Assad"),
        ("Dr. Amal Haddad", "Person", "Amal Haddad"),
        (
            "United Nations Children's Fund (UNICEF)",
            "Organisation",
            "United Nations Children's Fund",
        ),
        ("KHARTOUM", "Place", "Khartoum"),
        ("UAE", "Place", "UAE"),
        ("President", "Person", "President"),  # a lone title is left alone
    ],
)
def test_clean_name(text: str, kind: str, clean: str) -> None:
    assert clean_name(text, kind) == clean


@pytest.mark.parametrize(
    ("text", "demonym"),
    [
        ("Alawite", True),
        ("Alawites", True),
        ("Syrian", True),
        ("Sunni Muslim", True),
        ("Shia", True),
        ("Kurdish", True),
        ("the Alawite sect", True),
        ("Lebanese", True),
        ("Syrian Observatory for Human Rights", False),
        ("Kurdistan Regional Government", False),
        ("Lebanon", False),
        ("Syrian Arab Red Crescent", False),
    ],
)
def test_demonym_phrase(text: str, demonym: bool) -> None:
    assert is_demonym_phrase(text) is demonym


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [
        ("SOHR", "Syrian Observatory for Human Rights", True),
        ("UNHCR", "United Nations High Commissioner for Refugees", True),
        ("MSF", "Doctors Without Borders", False),
        ("Red", "Red Crescent", False),
    ],
)
def test_acronyms(short: str, long: str, same: bool) -> None:
    assert is_acronym_of(short, long) is same


def test_acronym_letters() -> None:
    assert acronym("Syrian Observatory for Human Rights") == "SOHR"


@pytest.mark.parametrize(
    ("short", "long", "same"),
    [
        ("Assad", "Bashar al-Assad", True),
        ("al-Assad", "Bashar al-Assad", True),
        ("Kamel", "Rihab Kamel", True),
        ("Bashar", "Bashar al-Assad", False),  # a first name alone is not the person
        ("Smith", "John Smithson", False),
        ("Rihab Kamel", "Rihab Kamel", False),  # not shorter
        ("Abdel-Rahman", "Rami Abdel-Rahman", True),
    ],
)
def test_person_matches(short: str, long: str, same: bool) -> None:
    assert person_matches(short, long) is same


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Baniyas", "Baniyasin", True),
        ("Homs", "Homsi", False),  # too short to trust
        ("Latakia", "Latakia Governorate", False),
        ("Tartus", "Tartous", False),
    ],
)
def test_place_variant(a: str, b: str, same: bool) -> None:
    assert place_variant(a, b) is same


def test_group_names_merges_aliases_and_defined_acronyms() -> None:
    groups = group_names(
        "Organisation",
        ["Doctors Without Borders", "MSF", "World Health Organization", "WHO"],
        [("Doctors Without Borders", "MSF")],
    )
    assert groups == [["Doctors Without Borders", "MSF"], ["World Health Organization", "WHO"]]


def test_group_names_persons_keep_distinct_people() -> None:
    groups = group_names("Person", ["Rihab Kamel", "Kamel", "Omar Haddad", "Haddad"])
    assert groups == [["Rihab Kamel", "Kamel"], ["Omar Haddad", "Haddad"]]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Bashar al-Assad", "bashar-al-assad"),
        ("Agence France-Presse", "agence-france-presse"),
        ("Ñandú Café’s", "nandu-cafes"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


# --- the entity table over hand-built Docs ----------------------------------------------

SOHR_DOC = (
    "The|DET|det|2 Syrian|PROPN|compound|2 Observatory|PROPN|nsubj|9 for|ADP|prep|2 "
    "Human|PROPN|compound|5 Rights|PROPN|pobj|3 (|PUNCT|punct|7 SOHR|PROPN|appos|2 "
    ")|PUNCT|punct|7 said|VERB|ROOT|9|say .|PUNCT|punct|9 "
    "SOHR|PROPN|poss|14 ’s|PART|case|11 founder|NOUN|nsubj|14 spoke|VERB|ROOT|14|speak "
    ".|PUNCT|punct|14"
)


def test_acronym_definition_and_possessive_join_one_entity() -> None:
    doc = parsed(SOHR_DOC, ents=[(0, 6, "ORG"), (11, 12, "ORG")])
    table = build_entity_table(doc)
    [org] = [e for e in table.entities() if e.type is EntityType.ORGANISATION]
    assert org.name == "Syrian Observatory for Human Rights"
    assert org.key == "organisation/syrian-observatory-for-human-rights"
    assert org.aliases == ("SOHR",)
    assert len(org.mentions) == 3


def test_surname_and_outlet_resolution() -> None:
    doc = parsed(
        "Rihab|PROPN|compound|1 Kamel|PROPN|nsubj|2 hid|VERB|ROOT|2|hide .|PUNCT|punct|2 "
        "Kamel|PROPN|nsubj|5 told|VERB|ROOT|5|tell AFP|PROPN|dobj|5 .|PUNCT|punct|5",
        ents=[(0, 2, "PERSON"), (4, 5, "NORP"), (6, 7, "ORG")],
    )
    doc = EntityFix()(doc)
    table = build_entity_table(doc)
    keys = {e.key: e for e in table.entities()}
    assert keys["person/rihab-kamel"].aliases == ("Kamel",)
    assert keys["outlet/afp"].type is EntityType.OUTLET
    assert table.at(4) is table.get("person/rihab-kamel")


@pytest.mark.parametrize(
    ("spec", "ents", "kept"),
    [
        # "Alawite" tagged PERSON is a sect word
        ("Alawite|PROPN|nsubj|1 families|NOUN|ROOT|1", [(0, 1, "PERSON")], []),
        # "Britain" in "Britain-based" is no entity of the article
        (
            "Britain|PROPN|npadvmod|2 -|PUNCT|punct|2 based|VERB|amod|3 monitor|NOUN|ROOT|3",
            [(0, 1, "GPE")],
            [],
        ),
        # lower-case phrase tagged LOC
        ("the|DET|det|2 west|ADJ|amod|2 coast|NOUN|ROOT|2", [(1, 3, "LOC")], []),
        # "In Baniyas," tagged DATE is a place
        (
            "In|ADP|prep|3 Baniyas|PROPN|pobj|0 ,|PUNCT|punct|3 bodies|NOUN|ROOT|3 .|PUNCT|punct|3",
            [(1, 2, "DATE")],
            [("Baniyas", EntityType.PLACE)],
        ),
        # "the town of Marbella" tagged PERSON is a place
        (
            "the|DET|det|1 town|NOUN|ROOT|1 of|ADP|prep|1 Marbella|PROPN|pobj|2",
            [(3, 4, "PERSON")],
            [("Marbella", EntityType.PLACE)],
        ),
        # a newspaper not in the registry, named with a cue word
        (
            "the|DET|det|2 daily|ADJ|amod|2 Al-Watan|PROPN|ROOT|2",
            [(2, 3, "ORG")],
            [("Al-Watan", EntityType.OUTLET)],
        ),
        # "a resident of Jableh" tagged ORG
        (
            "A|DET|det|1 resident|NOUN|nsubj|4 of|ADP|prep|1 Jableh|PROPN|pobj|2 "
            "said|VERB|ROOT|4|say so|ADV|advmod|4 .|PUNCT|punct|4",
            [(3, 4, "ORG")],
            [("Jableh", EntityType.PLACE)],
        ),
        # a name joined to a place is a place
        (
            "Troops|NOUN|nsubj|1|troop entered|VERB|ROOT|1|enter the|DET|det|3 "
            "provinces|NOUN|dobj|1|province of|ADP|prep|3 Latakia|PROPN|pobj|4 and|CCONJ|cc|5 "
            "Tartus|PROPN|conj|5 .|PUNCT|punct|1",
            [(5, 6, "GPE"), (7, 8, "ORG")],
            [("Latakia", EntityType.PLACE), ("Tartus", EntityType.PLACE)],
        ),
        # "the Akkar region" tagged PERSON
        (
            "Rescuers|NOUN|nsubj|1|rescuer reached|VERB|ROOT|1|reach the|DET|det|4 "
            "Akkar|PROPN|compound|4 region|NOUN|dobj|1 .|PUNCT|punct|1",
            [(3, 4, "PERSON")],
            [("Akkar", EntityType.PLACE)],
        ),
        # a name ending in an organisation word is an organisation
        (
            "The|DET|det|2 Kandilli|PROPN|compound|2 Observatory|PROPN|nsubj|5 in|ADP|prep|2 "
            "Istanbul|PROPN|pobj|3 recorded|VERB|ROOT|5|record it|PRON|dobj|5 .|PUNCT|punct|5",
            [(0, 3, "PERSON"), (4, 5, "GPE")],
            [("Kandilli Observatory", EntityType.ORGANISATION), ("Istanbul", EntityType.PLACE)],
        ),
        # "Name (ACR)" the model missed
        (
            "Rapid|PROPN|compound|2 Support|PROPN|compound|2 Forces|PROPN|nmod|6 (|PUNCT|punct|2 "
            "RSF|PROPN|nmod|6 )|PUNCT|punct|6 fighters|NOUN|nsubj|7|fighter "
            "shelled|VERB|ROOT|7|shell it|PRON|dobj|7 .|PUNCT|punct|7",
            [],
            [("Rapid Support Forces", EntityType.ORGANISATION)],
        ),
        # a common noun opening a sentence is no organisation
        (
            "Time|NOUN|nsubj|2 will|AUX|aux|2 tell|VERB|ccomp|4 ,|PUNCT|punct|4 "
            "said|VERB|ROOT|4|say Michael|PROPN|compound|6 Bloomberg|PROPN|nsubj|4 .|PUNCT|punct|4",
            [(0, 1, "ORG"), (5, 7, "PERSON")],
            [("Michael Bloomberg", EntityType.PERSON)],
        ),
        # a person span grown over a proper noun the model left out
        (
            "Officials|NOUN|nsubj|1 quoted|VERB|ROOT|1|quote Bilal|PROPN|compound|3 "
            "Faizi|PROPN|dobj|1 .|PUNCT|punct|1",
            [(3, 4, "PERSON")],
            [("Bilal Faizi", EntityType.PERSON)],
        ),
        # a dateline city in capitals
        (
            "BEIRUT|PROPN|ROOT|0 ,|PUNCT|punct|0 March|PROPN|appos|0 10|NUM|nummod|2 "
            "(|PUNCT|punct|0 Reuters|PROPN|appos|0 )|PUNCT|punct|0 -|PUNCT|punct|0 "
            "Talks|NOUN|nsubj|9|talk resumed|VERB|ROOT|9|resume .|PUNCT|punct|9",
            [(2, 4, "DATE"), (5, 6, "OUTLET")],
            [("Reuters", EntityType.OUTLET), ("Beirut", EntityType.PLACE)],
        ),
    ],
)
def test_entity_fixes(
    spec: str, ents: list[tuple[int, int, str]], kept: list[tuple[str, EntityType]]
) -> None:
    doc = EntityFix()(parsed(spec, ents))
    found = [(e.name, e.type) for e in build_entity_table(doc).entities()]
    assert found == kept


def test_credit_person_is_a_person_and_outlet_an_outlet() -> None:
    doc = parsed(
        "Smoke|NOUN|ROOT|0 (|PUNCT|punct|0 Omar|PROPN|compound|3 Albam|PROPN|appos|0 "
        "/|PUNCT|punct|3 AP|PROPN|appos|3 )|PUNCT|punct|0"
    )
    table = build_entity_table(EntityFix()(doc))
    found = {(e.name, e.type) for e in table.entities()}
    assert found == {("Omar Albam", EntityType.PERSON), ("Associated Press", EntityType.OUTLET)}


def test_anonymous_and_outlet_entities_on_demand() -> None:
    doc = parsed("It|PRON|nsubj|1 rained|VERB|ROOT|1|rain")
    table = build_entity_table(doc)
    resident = table.anonymous("residents")
    assert (resident.key, resident.name) == ("anon/resident", "unnamed resident")
    assert table.outlet("The Associated Press").key == "outlet/associated-press"
    assert table.outlet("Jagran New Media").name == "JND"
    assert table.outlet("Valley Courier").key == "outlet/valley-courier"
