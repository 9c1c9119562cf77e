"""Round-4 entity rules: country names the model misses, slash credits, closing credit
lines, credits naming two reporters, double-hyphen and two-comma datelines, an age after
a name, "X News Agency" outlets and the lists under a "Related" line."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsprov.model import EntityType
from newsprov.nlp.aliases import is_demonym_phrase
from newsprov.nlp.entities import _CREDIT_PART, _DATELINE, _credit_ents
from newsprov.nlp.evidence import _after, name_kind
from newsprov.nlp.gazetteer import clutter_lines
from newsprov.nlp.known_names import (
    credit_mention,
    with_compound_places,
    with_countries,
    with_credit_line_names,
    with_place_bodies,
    with_slash_credits,
)
from newsprov.nlp.mentions import _is_junk
from newsprov.nlp.outlet_names import looks_like_outlet

_NLP = spacy.blank("en")


def _names(spans: list[Span]) -> set[tuple[str, str]]:
    return {(s.text, s.label_) for s in spans}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A truce between Kyrgyzstan and Tajikistan held.", {("Tajikistan", "GPE")}),
        ("Aid came from South Korea on Friday.", {("South Korea", "GPE")}),
        ("Ali Hassan, Iraq Correspondent, wrote it.", set()),  # part of a longer name
        ("Listen to Radio Free Kenya tonight.", set()),
        ("The georgia peach is sweet.", set()),  # lower case: a word, not a country
    ],
)
def test_countries_are_added(text: str, expected: set[tuple[str, str]]) -> None:
    doc = _NLP(text)
    kyrgyzstan = [Span(doc, 3, 4, label="GPE")] if "Kyrgyzstan" in text else []
    found = with_countries(doc, kyrgyzstan, [])
    assert _names(found) - _names(kyrgyzstan) == expected


def test_country_relabelled_and_clutter_skipped() -> None:
    doc = _NLP("Japan sent aid.\nTajikistan\n")
    found = with_countries(doc, [Span(doc, 0, 1, label="ORG")], [(16, 26)])
    assert _names(found) == {("Japan", "GPE")}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Rescuers dig. Photo by Ronnie Sarmiento/Rappler.com", "Ronnie Sarmiento"),
        ("A plane drops water. REUTERS/Pedro Lobo Marinho", "Pedro Lobo Marinho"),
        ("Trains run Kyiv/Moscow again.", None),  # no outlet beside the slash
        ("He flew from Tom Hale/Dubai.", None),
    ],
)
def test_slash_credits(text: str, person: str | None) -> None:
    doc = _NLP(text)
    found = [s for s in with_slash_credits(doc, []) if s.label_ == "PERSON"]
    assert [s.text for s in found] == ([person] if person else [])


@pytest.mark.parametrize(
    ("text", "name", "credited"),
    [
        (
            "Body.\nWith reporting by Azattyk correspondent Kubat Osmonov, AFP",
            "Kubat Osmonov",
            True,
        ),
        ("Body.\n– With files from Global News’ Rachel Sandhu", "Rachel Sandhu", True),
        ("Body.\nTranslation by Anya Korsunova", "Anya Korsunova", True),
        ("Body.\nMinister Anya Korsunova speaks", "Anya Korsunova", False),
    ],
)
def test_credit_lines(text: str, name: str, credited: bool) -> None:
    doc = _NLP(text)
    found = [s for s in with_credit_line_names(doc, []) if s.text == name]
    assert bool(found) is credited
    span = doc.char_span(text.index(name), text.index(name) + len(name), label="PERSON")
    assert span is not None
    assert credit_mention(span) is credited


def test_credit_parts_split_two_reporters() -> None:
    text = "(Reporting by Paolo Reyes-Navarro and Andrea Quiambao in Manila; Editing by M Hollis)"
    parts = [m.group().strip() for m in _CREDIT_PART.finditer(text)]
    assert parts == [
        "Reporting by Paolo Reyes-Navarro",
        "Andrea Quiambao in Manila",
        "Editing by M Hollis",
    ]
    doc = _NLP("Quake.\n" + text)
    start = doc.text.index("(")
    found = _names(_credit_ents(doc, [(start, len(doc.text))]))
    assert ("Andrea Quiambao", "PERSON") in found
    assert ("Manila", "GPE") in found
    assert not any("and" in name.split() for name, _ in found)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("BISHKEK -- A cease-fire held.", "BISHKEK"),
        ("SAN JOSE DE BUENAVISTA, Antique, Philippines — Rain fell.", "SAN JOSE DE BUENAVISTA"),
        ("LISBON, Portugal (AP) — Fires burned.", "LISBON"),
        ("READ MORE -- on the quake", "READ MORE"),  # matched, then refused by the label list
        ("The town -- small and poor -- slept.", None),
    ],
)
def test_dateline_forms(text: str, place: str | None) -> None:
    m = _DATELINE.match(text)
    assert (m.group(1) if m else None) == place


def _doc(words: list[str]) -> Doc:
    return Doc(_NLP.vocab, words=words)


@pytest.mark.parametrize(
    ("words", "end", "kind"),
    [
        (["Aijamal", "Sydykova", ",", "63", ",", "fled"], 2, EntityType.PERSON),
        (["Joaquim", "Nunes", ",", "71", "."], 2, EntityType.PERSON),
        (["Batken", ",", "2021", ",", "saw"], 1, None),  # a year, not an age
        (["Batken", ",", "63", "km", "away"], 1, None),
    ],
)
def test_age_after_name(words: list[str], end: int, kind: EntityType | None) -> None:
    assert _after(_doc(words), 0, end) is kind


def test_news_agency_is_an_outlet() -> None:
    doc = _doc(["the", "Philippine", "News", "Agency", "said"])
    assert looks_like_outlet(Span(doc, 1, 4, label="ORG"))
    other = _doc(["the", "Philippine", "Space", "Agency", "said"])
    assert not looks_like_outlet(Span(other, 1, 4, label="ORG"))


def test_related_list_is_clutter() -> None:
    text = "Body text.\n\nRelated Article\n- Indonesia offers help after quake\n"
    spans = clutter_lines(text)
    assert any(s <= text.index("Indonesia") < e for s, e in spans)
    body = "Body text.\n- Indonesia offers help, officials said.\n"
    assert not any(s <= body.index("Indonesia") < e for s, e in clutter_lines(body))


@pytest.mark.parametrize(("word", "demonym"), [("Kyrgyz", True), ("Kyrgyzstan", False)])
def test_kyrgyz_demonym(word: str, demonym: bool) -> None:
    assert is_demonym_phrase(word) is demonym


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("EU", EntityType.ORGANISATION),
        ("United Nations", EntityType.ORGANISATION),
        ("Eu", None),  # only the listed spelling
        ("Batken", None),
    ],
)
def test_known_bodies_are_organisations(name: str, kind: EntityType | None) -> None:
    assert name_kind(name) is kind


@pytest.mark.parametrize(
    ("text", "start", "end", "outlet"),
    [
        ("Interfax reported , citing the ministry , that", 0, 1, True),
        ("Interfax said on Monday that", 0, 1, False),  # sentence-initial: could be a word
        ("Omar reported , citing no one", 0, 1, False),  # a PERSON, not an ORG: not asked
        ("RFE/RL 's Kyrgyz Service said", 2, 4, True),
        ("the ministry 's Kyrgyz Service said", 3, 5, False),  # the owner is no outlet
    ],
)
def test_outlet_cues(text: str, start: int, end: int, outlet: bool) -> None:
    doc = _doc(text.split())
    label = "PERSON" if text.startswith("Omar") else "ORG"
    assert looks_like_outlet(Span(doc, start, end, label=label)) is outlet


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Crews left Proença-a-Nova at dawn.", "Proença-a-Nova"),
        ("He was born in Stratford-upon-Avon in 1950.", "Stratford-upon-Avon"),
        ("The Kara-Sogot clash went on.", None),  # no linking word: left to the model
        ("Choi Ji-won said so.", None),
    ],
)
def test_compound_places(text: str, place: str | None) -> None:
    doc = _NLP(text)
    found = [s.text for s in with_compound_places(doc, []) if s.label_ == "GPE"]
    assert found == ([place] if place else [])


def test_compound_place_replaces_its_pieces() -> None:
    doc = _NLP("Crews left Proença-a-Nova at dawn.")
    found = with_compound_places(doc, [Span(doc, 2, 3, label="ORG")])
    assert _names(found) == {("Proença-a-Nova", "GPE")}


@pytest.mark.parametrize(
    ("words", "end", "kind"),
    [
        (["Sertã", "mayor", "Carlos", "Farinha", "said"], 1, EntityType.PLACE),
        (["Batken", "residents", "fled", "."], 1, EntityType.PLACE),
        (["Sertã", "Council", "met", "."], 1, None),
        (["Tidewater", "newspaper", "reported", "."], 1, EntityType.OUTLET),
        (["Telegram", "channel", "for", "news"], 1, None),  # a platform is no outlet
    ],
)
def test_office_of_a_place(words: list[str], end: int, kind: EntityType | None) -> None:
    assert _after(_doc(words), 0, end) is kind


@pytest.mark.parametrize(
    ("words", "junk"),
    [(["ATTN"], True), (["END"], True), (["Writer"], True), (["Endo", "Kaito"], False)],
)
def test_wire_labels_are_junk(words: list[str], junk: bool) -> None:
    doc = _doc(["x", *words, "y"])
    span = Span(doc, 1, 1 + len(words), label="ORG")
    assert _is_junk(span, span.text, EntityType.ORGANISATION) is junk


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "He said the Batken regional administration counted 400.",
            "Batken regional administration",
        ),
        ("Funds came from the Antique provincial board today.", "Antique provincial board"),
        ("Aid from the Kyrgyz regional government arrived.", None),  # a demonym, no place
        ("The Batken regional office opened.", None),  # not a governing body
        ("Residents of Batken regional towns left.", None),
    ],
)
def test_place_bodies(text: str, body: str | None) -> None:
    doc = _NLP(text)
    found = [s.text for s in with_place_bodies(doc, []) if s.label_ == "ORG"]
    assert found == ([body] if body else [])
