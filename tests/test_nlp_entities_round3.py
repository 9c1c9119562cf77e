"""Round-3 entity rules: vowel variants of places, given-name second mentions, Greek
transliteration, organisation short forms, credit roles and places, bracketed agency
credits, browser notices, listed places, "The National" inside a longer name, and
words that are not names (month abbreviations, "the X calendar", ethnonyms)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsprov.model import EntityType
from newsprov.nlp.aliases import (
    clean_name,
    group_names,
    is_demonym_phrase,
    place_variant,
    transliteration_variant,
)
from newsprov.nlp.entities import _credit_ents
from newsprov.nlp.evidence import _bracket_credit, _told_acronym, name_kind
from newsprov.nlp.gazetteer import clutter_lines, route_between, split_coordinated
from newsprov.nlp.mentions import _is_junk
from newsprov.nlp.outlet_names import ambiguous_outlet

_NLP = spacy.blank("en")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Wonberta", "Wenberta", True),
        ("Kalamata", "Kalamaka", False),  # a consonant differs
        ("Mosul", "Masul", False),  # too short to tell
        ("Baniyas", "Baniyasin", True),
    ],
)
def test_place_variant(a: str, b: str, expected: bool) -> None:
    assert place_variant(a, b) is expected


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Tesfaye Alemu", "Tesfaye", "Abebe"], [["Tesfaye Alemu", "Tesfaye"], ["Abebe"]]),
        # two people share the given name: the lone word stays apart
        (
            ["Tesfaye Alemu", "Tesfaye Bekele", "Tesfaye"],
            [["Tesfaye Alemu"], ["Tesfaye Bekele"], ["Tesfaye"]],
        ),
        # the word is another person's family name
        (["Grant Lee", "Maria Grant", "Grant"], [["Grant Lee"], ["Maria Grant", "Grant"]]),
    ],
)
def test_given_name_second_mention(names: list[str], expected: list[list[str]]) -> None:
    assert group_names("Person", names) == expected


def test_greek_transliteration() -> None:
    assert transliteration_variant("Yiorgos Lykos", "Giorgos Lykos")
    assert not transliteration_variant("Yiorgos Lykos", "Giorgos Pappas")


def test_organisation_short_form_ends_long_name() -> None:
    long = "Ministry for Climate Crisis and Civil Protection"
    assert group_names("Organisation", [long, "Civil Protection"]) == [[long, "Civil Protection"]]
    red_cross = group_names("Organisation", ["Nepal Red Cross Society", "Red Cross"])
    assert red_cross == [["Nepal Red Cross Society"], ["Red Cross"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("With AFP", "AFP"), ("with Reuters", "Reuters"), ("Withers Group", "Withers Group")],
)
def test_clean_name_drops_with(text: str, expected: str) -> None:
    assert clean_name(text, "Person") == expected


def test_browser_notice_is_clutter() -> None:
    notice = "This site does not support your browser. Please update to Edge or Safari."
    text = f"{notice}\nSales of the Chrome browser rose in May."
    spans = clutter_lines(text)
    assert (0, len(notice)) in spans
    assert not any(s > len(notice) for s, _ in spans)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("A drop over a hillside. [Eurokinissi]\nNext line", "Eurokinissi", True),
        ("A drop. [Eurokinissi] more text", "Eurokinissi", False),
        ("He said [Smith] was", "Smith", False),
    ],
)
def test_bracket_credit(text: str, word: str, expected: bool) -> None:
    doc = _NLP(text)
    i = [t.text for t in doc].index(word)
    assert _bracket_credit(doc, i, i + 1) is expected


def test_credit_roles_and_places() -> None:
    text = (
        "Body.\n(Reporting by Tsion Mersha in Addis Ababa; Additional reporting by "
        "Lukas Brenner in Geneva; Editing by Anna Whitcombe)"
    )
    doc = _NLP(text)
    start = text.index("(")
    found = {(s.text, s.label_) for s in _credit_ents(doc, [(start, len(text))])}
    assert found == {
        ("Tsion Mersha", "PERSON"),
        ("Addis Ababa", "GPE"),
        ("Lukas Brenner", "PERSON"),
        ("Geneva", "GPE"),
        ("Anna Whitcombe", "PERSON"),
    }


def test_credit_without_role_keeps_photographer() -> None:
    text = "A caption. (Omar Albam/AP)"
    doc = _NLP(text)
    found = {s.text for s in _credit_ents(doc, [(text.index("("), len(text))])}
    assert "Omar Albam" in found
    assert not any(s.label_ == "GPE" for s in _credit_ents(doc, [(text.index("("), len(text))]))


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> tuple[Doc, list[Span]]:
    doc = Doc(_NLP.vocab, words=words)
    return doc, [Span(doc, s, e, label=lab) for s, e, lab in ents]


def test_listed_places_split_at_and() -> None:
    words = ["including", "Cusco", ",", "Puno", ",", "Arequipa", "and", "Cajamarca", "."]
    doc, ents = _doc(words, [(1, 2, "GPE"), (3, 4, "GPE"), (5, 8, "GPE")])
    assert [e.text for e in split_coordinated(doc, ents)][-2:] == ["Arequipa", "Cajamarca"]


def test_org_after_comma_not_split() -> None:
    words = ["including", "Acme", ",", "Marks", "and", "Spencer", "."]
    doc, ents = _doc(words, [(1, 2, "ORG"), (3, 6, "ORG")])
    assert [e.text for e in split_coordinated(doc, ents)] == ["Acme", "Marks and Spencer"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["The", "National", "Front", "for", "Water", "said"], True),
        (["The", "National", "reported", "on", "Friday"], False),
    ],
)
def test_the_national_inside_longer_name(words: list[str], expected: bool) -> None:
    doc = Doc(_NLP.vocab, words=words)
    assert ambiguous_outlet(doc[0:2]) is expected


@pytest.mark.parametrize(
    ("words", "start", "end", "expected"),
    [
        (["in", "the", "Bikram", "Sambat", "calendar", "."], 2, 4, True),
        (["up", "to", "8", "on", "the", "Beaufort", "scale"], 5, 6, True),
        (["Bikram", "Sambat", "said", "so", "."], 0, 2, False),
        (["ROME", ",", "AUG", "13", "-"], 2, 3, True),
        (["Augusta", "said", "so"], 0, 1, False),
    ],
)
def test_not_names(words: list[str], start: int, end: int, expected: bool) -> None:
    doc = Doc(_NLP.vocab, words=words)
    span = doc[start:end]
    assert _is_junk(span, span.text, EntityType.PERSON) is expected


@pytest.mark.parametrize(
    ("text", "expected"), [("Quechua", True), ("Indigenous", True), ("Quezon", False)]
)
def test_ethnonyms_are_not_names(text: str, expected: bool) -> None:
    assert is_demonym_phrase(text) is expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["a", "woman", "told", "ERT", "as", "she", "left"], True),
        (["a", "woman", "told", "UNICEF", "."], False),  # a known body
        (["a", "woman", "told", "the", "ERT", "."], False),
        (["she", "said", "ERT", "was", "there"], False),
    ],
)
def test_told_initials_are_an_outlet(words: list[str], expected: bool) -> None:
    doc = Doc(_NLP.vocab, words=words)
    i = next(t.i for t in doc if t.text in {"ERT", "UNICEF"})
    assert _told_acronym(doc, i, i + 1) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("European Forest Fire Information System", EntityType.ORGANISATION),
        ("Peruvian Congress", EntityType.ORGANISATION),
        ("Debre Markos", None),
    ],
)
def test_org_heads(name: str, expected: EntityType | None) -> None:
    assert name_kind(name) is expected


def test_listed_places_with_mislabelled_member() -> None:
    words = ["in", "Cusco", ",", "Puno", ",", "Arequipa", "and", "Cajamarca", "."]
    doc, ents = _doc(words, [(1, 2, "GPE"), (3, 4, "ORG"), (5, 8, "ORG")])
    split = split_coordinated(doc, ents)
    assert [(e.text, e.label_) for e in split][-2:] == [("Arequipa", "GPE"), ("Cajamarca", "GPE")]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["the", "road", "between", "Bahir", "Dar", "and", "Debre", "Markos"], True),
        (["talks", "between", "Abiy", "Ahmed", "and", "Fano"], False),
        (["Bahir", "Dar"], False),
    ],
)
def test_route_between(words: list[str], expected: bool) -> None:
    doc = Doc(_NLP.vocab, words=words)
    start = next(t.i for t in doc if t.text in {"Bahir", "Abiy"})
    assert route_between(doc, start) is expected


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("With files from The Canadian Press", {("The Canadian Press", "OUTLET")}),
        ("With reporting by Ana Ruiz", {("Ana Ruiz", "PERSON")}),
    ],
)
def test_with_credit_names_the_outlet_or_reporter(
    credit: str, expected: set[tuple[str, str]]
) -> None:
    text = f"Body.\n\n{credit}"
    doc = _NLP(text)
    start = text.index(credit)
    assert {(s.text, s.label_) for s in _credit_ents(doc, [(start, len(text))])} == expected
