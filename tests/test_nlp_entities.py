"""Entity clean-up, alias resolution and the entity table (rule tests need no model)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
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
from newsprov.nlp.coref import Cluster, Mention
from newsprov.nlp.entities import EntityFix, build_entity_table
from nlp_docs import doc_builder

_NO_SPACE_BEFORE = {",", ".", "”", ":", "?", "!", ")", "’s", "'s", ";"}
_NO_SPACE_AFTER = {"“", "("}


parsed = doc_builder(_NO_SPACE_BEFORE, _NO_SPACE_AFTER)


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
        # a place written short, as datelines do, is named in full
        ("Calif.", "Place", "California"),
        ("N.Y.", "Place", "New York"),
        ("Miss", "Person", "Miss"),  # ... only a place
        # initials keep their last stop
        ("the U.S.", "Place", "U.S."),
        ("U.N.", "Organisation", "U.N."),
        ("Police Superintendent Dave Cliff", "Person", "Dave Cliff"),
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


@pytest.mark.parametrize(
    ("kind", "names", "groups"),
    [
        # the same letters spaced or hyphenated otherwise
        ("Organisation", ["Cal Fire", "CalFire"], [["Cal Fire", "CalFire"]]),
        ("Organisation", ["Al Qaeda", "Al-Qaeda"], [["Al Qaeda", "Al-Qaeda"]]),
        # one word each: no spacing to compare
        ("Organisation", ["Calfire", "CalFire"], [["Calfire", "CalFire"]]),
        ("Place", ["Sri Lanka", "Srilanka"], [["Sri Lanka", "Srilanka"]]),
        # persons are never merged on spacing alone
        ("Person", ["Ann Marie", "Annmarie"], [["Ann Marie"], ["Annmarie"]]),
    ],
)
def test_group_names_spacing(kind: str, names: list[str], groups: list[list[str]]) -> None:
    assert group_names(kind, names) == groups


def test_group_names_persons_keep_distinct_people() -> None:
    groups = group_names("Person", ["Rihab Kamel", "Kamel", "Omar Haddad", "Haddad"])
    assert groups == [["Rihab Kamel", "Kamel"], ["Omar Haddad", "Haddad"]]


@pytest.mark.parametrize(
    ("names", "groups"),
    [
        # two people who share a family name stay two; the lone family name is the one
        # named first
        (
            ["Dana Whitfield", "Carl Whitfield", "Whitfield"],
            [["Dana Whitfield", "Whitfield"], ["Carl Whitfield"]],
        ),
        (
            ["Whitfield", "Dana Whitfield", "Carl Whitfield", "Dana Marie Whitfield"],
            [["Whitfield", "Dana Whitfield", "Dana Marie Whitfield"], ["Carl Whitfield"]],
        ),
        # one person written with and without a later given name or a spelling variant
        (
            ["Haziq Abdullah", "Muhammad Haziq Abdullah"],
            [["Haziq Abdullah", "Muhammad Haziq Abdullah"]],
        ),
        # a title or role opening a name is no given name
        (
            ["AG Ortiz", "Rafa Ortiz", "Senators Lund", "Mira Lund"],
            [["AG Ortiz", "Rafa Ortiz"], ["Senators Lund", "Mira Lund"]],
        ),
    ],
)
def test_group_names_shared_family_name(names: list[str], groups: list[list[str]]) -> None:
    assert group_names("Person", names) == groups


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (["Senators Lund", "Mira Lund", "Lund"], "Mira Lund"),
        (["Lund", "Mira Lund", "Mira Anne Lund"], "Mira Anne Lund"),
    ],
)
def test_person_canonical_name_opens_with_a_given_name(names: list[str], canonical: str) -> None:
    mentions = [Mention(i, i + 1, i, i + 1, n, EntityType.PERSON) for i, n in enumerate(names)]
    assert Cluster.from_mentions(EntityType.PERSON, mentions).name == canonical


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


@pytest.mark.parametrize(
    ("spec", "apposed"),
    [
        # a role set beside a person's name is theirs ...
        (
            "Carl|PROPN|compound|1 Whitfield|PROPN|nsubj|6 ,|PUNCT|punct|1 "
            "the|DET|det|4 mayor|NOUN|appos|1 ,|PUNCT|punct|1 "
            "said|VERB|ROOT|6|say .|PUNCT|punct|6",
            "person/carl-whitfield",
        ),
        # ... another name set beside it is not ("Carl Whitfield, Rafa Ortiz said")
        (
            "Carl|PROPN|compound|1 Whitfield|PROPN|nsubj|6 ,|PUNCT|punct|1 "
            "Rafa|PROPN|compound|4 Ortiz|PROPN|appos|1 ,|PUNCT|punct|1 "
            "said|VERB|ROOT|6|say .|PUNCT|punct|6",
            None,
        ),
    ],
)
def test_apposed_to_a_person(spec: str, apposed: str | None) -> None:
    table = build_entity_table(EntityFix()(parsed(spec, ents=[(0, 2, "PERSON")])))
    found = table.apposed_to(table.doc[4])
    assert (found.key if found else None) == apposed


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
        # a participle cue opening the sentence is no part of the name after it
        (
            "Quoting|PROPN|compound|2|quote Rana|PROPN|compound|2 Haddad|PROPN|npadvmod|6 "
            ",|PUNCT|punct|6 "
            "the|DET|det|5 agency|NOUN|nsubj|6 said|VERB|ROOT|6|say .|PUNCT|punct|6",
            [(0, 3, "PERSON")],
            [("Rana Haddad", EntityType.PERSON)],
        ),
        # a transcript label run on into its line ends at the colon
        (
            "Rana|PROPN|compound|1 Haddad|PROPN|ROOT|1 :|PUNCT|punct|1 Saying|VERB|dep|1 "
            "no|DET|det|5 deal|NOUN|dobj|3 .|PUNCT|punct|1",
            [(0, 4, "PERSON")],
            [("Rana Haddad", EntityType.PERSON)],
        ),
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


# --- rule-based names, context types, second pass (patterns / evidence / gazetteer) ----


def flat(spec: str, ents: Sequence[tuple[int, int, str]] = ()) -> Doc:
    """A one-sentence Doc from "word|POS" items (every token hangs off the first)."""
    items = [item.split("|") for item in spec.split()]
    full = " ".join(
        f"{w}|{pos}|{'ROOT' if k == 0 else 'dep'}|0" for k, (w, pos) in enumerate(items)
    )
    return parsed(full, ents)


def names(doc: Doc) -> list[tuple[str, EntityType]]:
    return [(e.name, e.type) for e in build_entity_table(EntityFix()(doc)).entities()]


@pytest.mark.parametrize(
    ("spec", "ents", "kept"),
    [
        # an organisation word ends a capitalised run: one organisation, not a county + org
        (
            "Six|NUM died|VERB ,|PUNCT the|DET San|PROPN Bernardino|PROPN County|PROPN "
            "Sheriff|PROPN ’s|PART Department|PROPN said|VERB .|PUNCT",
            [(3, 7, "GPE"), (7, 10, "ORG")],
            [("San Bernardino County Sheriff’s Department", EntityType.ORGANISATION)],
        ),
        # the possessor is split off a full name after it
        (
            "Sudan|PROPN 's|PART Ministry|PROPN of|ADP Health|PROPN said|VERB so|ADV .|PUNCT",
            [(0, 1, "GPE")],
            [("Ministry of Health", EntityType.ORGANISATION), ("Sudan", EntityType.PLACE)],
        ),
        # a street word opens a place name the model calls a person
        (
            "He|PRON runs|VERB a|DET cafe|NOUN on|ADP Via|PROPN Merulana|PROPN .|PUNCT",
            [(5, 7, "PERSON")],
            [("Via Merulana", EntityType.PLACE)],
        ),
        # an untagged mountain range
        (
            "Fire|NOUN spread|VERB in|ADP the|DET San|PROPN Bernardino|PROPN "
            "Mountains|PROPN .|PUNCT",
            [],
            [("San Bernardino Mountains", EntityType.PLACE)],
        ),
        # "X District" is a place unless the name says it is an agency
        (
            "the|DET South|PROPN Coast|PROPN Air|PROPN Quality|PROPN Management|PROPN "
            "District|PROPN said|VERB",
            [(0, 3, "LOC")],
            [("South Coast Air Quality Management District", EntityType.ORGANISATION)],
        ),
        # a surname that is also a place word does not make a person a place
        ("said|VERB Dana|PROPN Lake|PROPN", [(1, 3, "PERSON")], [("Dana Lake", EntityType.PERSON)]),
        # a demonym before an organisation word is no name ("the Syrian Army")
        ("the|DET Syrian|ADJ Army|PROPN said|VERB", [], []),
        # lower-case descriptions that name one body
        (
            "The|DET labour|NOUN ministry|NOUN defends|VERB the|DET bill|NOUN .|PUNCT",
            [],
            [("labour ministry", EntityType.ORGANISATION)],
        ),
        (
            "The|DET Mexican|ADJ consulate|NOUN said|VERB so|ADV .|PUNCT",
            [(1, 2, "NORP")],
            [("Mexican consulate", EntityType.ORGANISATION)],
        ),
        (
            "according|VERB to|ADP the|DET county|NOUN sheriff|NOUN 's|PART "
            "department|NOUN .|PUNCT",
            [],
            [("county sheriff's department", EntityType.ORGANISATION)],
        ),
        # "the ministry", "the same ministry": no name
        ("The|DET ministry|NOUN said|VERB so|ADV .|PUNCT", [], []),
        ("the|DET same|ADJ ministry|NOUN said|VERB so|ADV", [], []),
        # a span cut at a lower-case verb
        (
            "Many|ADJ in|ADP Pine|PROPN Hollow|PROPN are|AUX Latino|PROPN .|PUNCT",
            [(2, 6, "ORG")],
            [("Pine Hollow", EntityType.PLACE)],
        ),
        # a rank inside a person span: the organisation before it, the person after it
        (
            "said|VERB Cal|PROPN Fire|PROPN Capt|PROPN .|PUNCT Ruben|PROPN Ortega|PROPN",
            [(1, 4, "PERSON"), (5, 7, "PERSON")],
            [("Cal Fire", EntityType.ORGANISATION), ("Ruben Ortega", EntityType.PERSON)],
        ),
        # a title before the name is no affiliation
        (
            "said|VERB Prime|PROPN Minister|PROPN Giorgia|PROPN Meloni|PROPN",
            [(1, 5, "PERSON")],
            [("Giorgia Meloni", EntityType.PERSON)],
        ),
        # a named fire is an event; a fire service without "the" is an organisation
        (
            "The|DET Sawtooth|PROPN Fire|PROPN grew|VERB ,|PUNCT Cal|PROPN Fire|PROPN "
            "said|VERB .|PUNCT",
            [(0, 3, "ORG"), (5, 7, "PERSON")],
            [("Cal Fire", EntityType.ORGANISATION)],
        ),
        ("Hurricane|PROPN Helene|PROPN hit|VERB", [(0, 2, "PERSON")], []),
        # a name the model calls NORP is a person; a sect word stays out
        (
            "spokesperson|NOUN Amna|PROPN Yousif|PROPN said|VERB",
            [(1, 3, "NORP")],
            [("Amna Yousif", EntityType.PERSON)],
        ),
        ("Sunni|PROPN Muslims|PROPN fled|VERB", [(0, 2, "NORP")], []),
        # a rank cut off a name is no person; "UN" is no rank
        ("Sgt|PROPN .|PUNCT said|VERB", [(0, 1, "PERSON")], []),
        # a registry outlet written in lower case
        (
            "Photo|NOUN :|PUNCT dpa|PROPN .|PUNCT",
            [(2, 3, "OUTLET")],
            [("dpa", EntityType.OUTLET)],
        ),
    ],
)
def test_rule_names(
    spec: str, ents: list[tuple[int, int, str]], kept: list[tuple[str, EntityType]]
) -> None:
    assert sorted(names(flat(spec, ents))) == sorted(kept)


@pytest.mark.parametrize(
    ("spec", "ents", "kept"),
    [
        # a description after the name decides against the model
        (
            "They|PRON stormed|VERB Um|PROPN Sidra|PROPN .|PUNCT Um|PROPN Sidra|PROPN ,|PUNCT "
            "a|DET farming|NOUN town|NOUN of|ADP 45,000|NUM ,|PUNCT lies|VERB north|ADV",
            [(2, 4, "PERSON")],
            [("Um Sidra", EntityType.PLACE)],
        ),
        (
            "Then|ADV Contafolla|PROPN ,|PUNCT a|DET group|NOUN of|ADP statisticians|NOUN ,|PUNCT "
            "said|VERB so|ADV .|PUNCT",
            [(1, 2, "PERSON")],
            [("Contafolla", EntityType.ORGANISATION)],
        ),
        # a describing noun before the name
        (
            "the|DET state|NOUN 's|PART fire|NOUN agency|NOUN Cal|PROPN Fire|PROPN said|VERB",
            [(5, 7, "PERSON")],
            [("Cal Fire", EntityType.ORGANISATION)],
        ),
        # a new clause after the comma is no description of the place before it
        (
            "villages|NOUN around|ADP Latakia|PROPN ,|PUNCT the|DET observatory|NOUN "
            "said|VERB .|PUNCT",
            [(2, 3, "GPE")],
            [("Latakia", EntityType.PLACE)],
        ),
        # nor are words describing the next name ("the state's fire agency Cal Fire")
        (
            "died|VERB in|ADP Southern|PROPN California|PROPN ,|PUNCT the|DET state|NOUN "
            "'s|PART fire|NOUN agency|NOUN Cal|PROPN Fire|PROPN said|VERB",
            [(2, 4, "LOC"), (10, 12, "ORG")],
            [("Cal Fire", EntityType.ORGANISATION), ("Southern California", EntityType.PLACE)],
        ),
        # "in X" tips an organisation label, never a person ("a message from Kamel")
        (
            "homes|NOUN in|ADP Pine|PROPN Hollow|PROPN burned|VERB",
            [(2, 4, "ORG")],
            [("Pine Hollow", EntityType.PLACE)],
        ),
        (
            "a|DET message|NOUN from|ADP Rihab|PROPN Kamel|PROPN",
            [(3, 5, "PERSON")],
            [("Rihab Kamel", EntityType.PERSON)],
        ),
        # "according to X" says nothing about a place
        (
            "according|VERB to|ADP Kestrel|PROPN Analytics|PROPN",
            [(2, 4, "ORG")],
            [("Kestrel Analytics", EntityType.ORGANISATION)],
        ),
        # an untagged name the text describes
        (
            "Residents|NOUN of|ADP Pine|PROPN Hollow|PROPN ,|PUNCT a|DET community|NOUN "
            "of|ADP 6,000|NUM ,|PUNCT left|VERB .|PUNCT",
            [],
            [("Pine Hollow", EntityType.PLACE)],
        ),
        ("“|PUNCT This|DET square|NOUN cannot|AUX be|AUX ignored|VERB", [], []),
        # "a resident of X" when the model calls X a product
        (
            "A|DET resident|NOUN of|ADP Baniyas|PROPN told|VERB AFP|PROPN .|PUNCT",
            [(3, 4, "PRODUCT"), (5, 6, "ORG")],
            [("AFP", EntityType.OUTLET), ("Baniyas", EntityType.PLACE)],
        ),
    ],
)
def test_context_types(
    spec: str, ents: list[tuple[int, int, str]], kept: list[tuple[str, EntityType]]
) -> None:
    assert sorted(names(flat(spec, ents))) == sorted(kept)


def test_second_pass_tags_other_occurrences_and_replaces_cut_spans() -> None:
    doc = flat(
        "the|DET town|NOUN of|ADP Um|PROPN Sidra|PROPN ;|PUNCT Um|PROPN Sidra|PROPN "
        "fell|VERB ;|PUNCT Um|PROPN Sidra|PROPN burned|VERB .|PUNCT",
        [(3, 5, "GPE"), (11, 12, "PERSON")],
    )
    doc = EntityFix()(doc)
    assert [e.text for e in doc.ents] == ["Um Sidra"] * 3
    [place] = build_entity_table(doc).entities()
    assert (place.name, len(place.mentions)) == ("Um Sidra", 3)


def test_owner_of_a_described_body_is_dropped() -> None:
    doc = flat(
        "The|DET UN|PROPN ’s|PART humanitarian|ADJ office|NOUN ,|PUNCT OCHA|PROPN ,|PUNCT "
        "said|VERB so|ADV .|PUNCT",
        [(1, 2, "ORG"), (6, 7, "ORG")],
    )
    assert names(doc) == [("OCHA", EntityType.ORGANISATION)]
    # a place owning the body stays ("Turkey's disaster agency, AFAD")
    doc = flat(
        "Turkey|PROPN ’s|PART disaster|NOUN agency|NOUN ,|PUNCT AFAD|PROPN ,|PUNCT said|VERB "
        ".|PUNCT",
        [(0, 1, "GPE"), (5, 6, "ORG")],
    )
    assert sorted(names(doc)) == [("AFAD", EntityType.ORGANISATION), ("Turkey", EntityType.PLACE)]


@pytest.mark.parametrize(
    ("spec", "ents", "kept"),
    [
        (
            "the|DET Disaster|PROPN and|CCONJ Emergency|PROPN Management|PROPN "
            "Authority|PROPN ,|PUNCT known|VERB as|ADP AFAD|PROPN ,|PUNCT said|VERB",
            [(1, 6, "ORG"), (9, 10, "ORG")],
            [("Disaster and Emergency Management Authority", ("AFAD",))],
        ),
        (
            "The|DET Turkish|PROPN Red|PROPN Crescent|PROPN said|VERB .|PUNCT The|DET "
            "organisation|NOUN ,|PUNCT known|VERB in|ADP Turkey|PROPN as|ADP Kızılay|PROPN ,|PUNCT "
            "said|VERB",
            [(1, 4, "ORG"), (11, 12, "GPE"), (13, 14, "GPE")],
            [("Turkish Red Crescent", ("Kızılay",)), ("Turkey", ())],
        ),
        # "known for" is no alias
        (
            "Rome|PROPN ,|PUNCT known|VERB for|ADP Trastevere|PROPN .|PUNCT",
            [(0, 1, "GPE"), (4, 5, "GPE")],
            [("Rome", ()), ("Trastevere", ())],
        ),
    ],
)
def test_known_as_aliases(
    spec: str, ents: list[tuple[int, int, str]], kept: list[tuple[str, tuple[str, ...]]]
) -> None:
    table = build_entity_table(EntityFix()(flat(spec, ents)))
    assert sorted((e.name, e.aliases) for e in table.entities()) == sorted(kept)


def test_dateline_credit_in_brackets_is_no_acronym_of_the_place() -> None:
    doc = flat(
        "MALATYA|PROPN ,|PUNCT Türkiye|PROPN (|PUNCT AA|PROPN )|PUNCT -|PUNCT The|DET "
        "toll|NOUN rose|VERB .|PUNCT",
        [(2, 3, "GPE")],
    )
    found = names(doc)
    assert ("AA", EntityType.ORGANISATION) not in found
    assert ("Türkiye", EntityType.PLACE) in found


@pytest.mark.parametrize(
    ("names_in", "groups"),
    [
        (["Ministry of Health", "health ministry"], [["Ministry of Health", "health ministry"]]),
        (
            ["Foreign Ministry", "Ministry of Interior"],
            [["Foreign Ministry"], ["Ministry of Interior"]],
        ),
        (
            ["Syrian Observatory for Human Rights", "Observatory"],
            [["Syrian Observatory for Human Rights", "Observatory"]],
        ),
        # a lone "Ministry" with two ministries in the article names neither
        (
            ["Ministry of Health", "Ministry of Interior", "Ministry"],
            [["Ministry of Health"], ["Ministry of Interior"], ["Ministry"]],
        ),
    ],
)
def test_group_organisations(names_in: list[str], groups: list[list[str]]) -> None:
    assert group_names("Organisation", names_in) == groups


@pytest.mark.model
def test_model_invented_wildfire_report(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Flames reached the hamlet of Cedar Gulch on Friday, the Modoc County Sheriff's "
        "Department said, according to Cal Fire, the state's firefighting agency.\n\n"
        "Residents of Cedar Gulch, a community of about 900 people, were told to leave. "
        "The forestry ministry said the Ridgeback Fire had burned 3,000 acres."
    )
    doc = pipeline(text)
    found = {(e.name, e.type) for e in build_entity_table(doc).entities()}
    assert ("Cedar Gulch", EntityType.PLACE) in found
    assert ("Modoc County Sheriff's Department", EntityType.ORGANISATION) in found
    assert ("Cal Fire", EntityType.ORGANISATION) in found
    assert ("forestry ministry", EntityType.ORGANISATION) in found
    assert not any("Ridgeback" in name for name, _ in found)
