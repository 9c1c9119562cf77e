"""Entity clustering across articles: names, acronyms, aliases, transliterations."""

from __future__ import annotations

import pytest

from newsprov.analysis.clusters import EntityRecord, UnionFind, cluster_entities, word_endings
from newsprov.analysis.names import (
    acronym_form,
    acronyms,
    content_words,
    name_key,
    person_key,
    surname_key,
)

B = "https://newsprov.org/id/"


def ent(
    name: str,
    kind: str = "Organisation",
    *,
    aliases: tuple[str, ...] = (),
    articles: tuple[str, ...] = ("a1",),
    iri: str | None = None,
    anonymous: bool = False,
) -> EntityRecord:
    slug = name.lower().replace(" ", "-")
    return EntityRecord(
        iri=iri or f"{B}{kind.lower()}/{slug}",
        type=kind,
        labels=frozenset({name}),
        aliases=frozenset(aliases),
        anonymous=anonymous,
        articles=frozenset(f"{B}article/{a}" for a in articles),
    )


def together(entities: list[EntityRecord], a: str, b: str) -> bool:
    """Whether the entities labelled ``a`` and ``b`` end in one cluster."""
    by_label = {next(iter(e.labels)): e.iri for e in entities}
    for cl in cluster_entities(entities):
        if by_label[a] in cl.members:
            return by_label[b] in cl.members
    raise AssertionError(a)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Rami Abdurrahman", "Rami Abdel-Rahman", True),
        ("Rami Abdurrahman", "Rami Abdul Rahman", True),
        ("Rami Abdel Rahman", "Rami Abd al-Rahman", True),
        ("Bashar al-Assad", "Bashar Assad", True),
        ("Mohammed bin Salman", "Muhammad bin Salman", True),
        ("Abdel Fattah el-Sisi", "Abdelfattah al-Sisi", True),
        ("Rami Abdurrahman", "Rami Makhlouf", False),
        ("Bashar al-Assad", "Hafez al-Assad", False),
        ("Rihab Kamel", "Rania Kamel", False),
    ],
)
def test_person_transliterations(a: str, b: str, same: bool) -> None:
    people = [ent(a, "Person", articles=("a1",)), ent(b, "Person", articles=("a2",))]
    assert together(people, a, b) is same


def test_one_word_name_joins_the_full_name_it_co_occurs_with() -> None:
    ents = [
        ent("Rami Abdurrahman", "Person", articles=("a1",)),
        ent("Abdurrahman", "Person", articles=("a2",)),
        ent("Syrian Observatory for Human Rights", articles=("a1", "a2")),
    ]
    assert together(ents, "Abdurrahman", "Rami Abdurrahman")


def test_one_word_name_without_shared_context_stays_apart() -> None:
    ents = [
        ent("Rami Abdurrahman", "Person", articles=("a1",)),
        ent("Abdurrahman", "Person", articles=("a2",)),
    ]
    assert not together(ents, "Abdurrahman", "Rami Abdurrahman")


def test_one_word_name_with_two_candidates_is_ambiguous() -> None:
    ents = [
        ent("Bashar al-Assad", "Person", articles=("a1",)),
        ent("Hafez al-Assad", "Person", articles=("a1",)),
        ent("Assad", "Person", articles=("a1",)),
    ]
    assert not together(ents, "Assad", "Bashar al-Assad")
    assert not together(ents, "Assad", "Hafez al-Assad")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("SOHR", "Syrian Observatory for Human Rights", True),
        ("U.N.", "United Nations", True),
        ("Ministry of Health", "Health Ministry", True),
        ("The Associated Press", "Associated Press", True),
        (
            "Britain-based Syrian Observatory for Human Rights",
            "Syrian Observatory for Human Rights",
            True,
        ),
        ("SOHR", "Syrian Army", False),
        ("Health Ministry", "Interior Ministry", False),
    ],
)
def test_organisation_names(a: str, b: str, same: bool) -> None:
    ents = [ent(a, articles=("a1",)), ent(b, articles=("a2",))]
    assert together(ents, a, b) is same


def test_alias_overlap_merges_when_one_full_name_claims_it() -> None:
    ents = [
        ent("Disaster and Emergency Management Authority", aliases=("AFAD",)),
        ent("AFAD", articles=("a2",)),
    ]
    assert together(ents, "AFAD", "Disaster and Emergency Management Authority")


def test_ambiguous_acronym_merges_nothing() -> None:
    ents = [ent("Arab Press"), ent("Associated Press"), ent("AP", "Outlet")]
    assert not together(ents, "AP", "Arab Press")
    assert not together(ents, "AP", "Associated Press")


def test_anonymous_entities_never_merge() -> None:
    ents = [
        ent("unnamed resident", "Person", iri=f"{B}article/a1/anon/resident", anonymous=True),
        ent("unnamed resident", "Person", iri=f"{B}article/a2/anon/resident", anonymous=True),
    ]
    assert len(cluster_entities(ents)) == 2


def test_canonical_is_longest_label_and_aliases_are_kept() -> None:
    ents = [
        ent("SOHR", articles=("a1",)),
        ent("Syrian Observatory for Human Rights", aliases=("the Observatory",)),
    ]
    (cluster,) = cluster_entities(ents)
    assert cluster.label == "Syrian Observatory for Human Rights"
    assert cluster.canonical.endswith("syrian-observatory-for-human-rights")
    assert cluster.aliases == ("SOHR", "the Observatory")


def test_clustering_does_not_depend_on_input_order() -> None:
    ents = [
        ent("SOHR"),
        ent("Syrian Observatory for Human Rights"),
        ent("U.N."),
        ent("United Nations"),
        ent("Rami Abdurrahman", "Person"),
        ent("Rami Abdel-Rahman", "Person"),
    ]
    assert cluster_entities(ents) == cluster_entities(list(reversed(ents)))


def test_key_helpers() -> None:
    assert name_key("The Syrian Observatory for Human Rights") == (
        "syrian observatory for human rights"
    )
    assert acronym_form("SOHR") == "sohr" and acronym_form("Reuters") is None
    assert "sohr" in acronyms("Syrian Observatory for Human Rights")
    assert person_key("Rami Abdurrahman") == person_key("Rami Abdel-Rahman")
    assert surname_key("Abdurrahman") == person_key("Rami Abdurrahman")[1]  # type: ignore[index]
    assert content_words("the country's disaster management agency") == {"disaster", "management"}


def test_union_find_roots_are_the_smallest_member() -> None:
    uf = UnionFind(["c", "b", "a"])
    uf.union("c", "b")
    uf.union("b", "a")
    assert uf.groups() == [["a", "b", "c"]]
    assert uf.find("c") == "a"


def test_shorter_name_joins_the_one_longer_name_it_ends_near_a_shared_place() -> None:
    ents = [
        ent("county sheriff's department", articles=("efe",)),
        ent("San Bernardino County Sheriff’s Department", articles=("cnn",)),
        ent("San Bernardino County", "Place", articles=("efe", "cnn")),
    ]
    assert together(
        ents, "county sheriff's department", "San Bernardino County Sheriff’s Department"
    )


def test_shorter_name_stays_apart_without_a_shared_place_or_when_ambiguous() -> None:
    apart = [ent("Red Crescent", articles=("a1",)), ent("Turkish Red Crescent", articles=("a2",))]
    assert not together(apart, "Red Crescent", "Turkish Red Crescent")
    ambiguous = [
        ent("Foreign Ministry", articles=("a1",)),
        ent("Japanese Foreign Ministry", articles=("a1",)),
        ent("Turkish Foreign Ministry", articles=("a1",)),
    ]
    assert not together(ambiguous, "Foreign Ministry", "Japanese Foreign Ministry")


def test_word_endings_are_what_follows_each_space() -> None:
    assert word_endings("san bernardino county") == ["bernardino county", "county"]
    assert word_endings("reuters") == []
    assert word_endings("") == []


@pytest.mark.parametrize(
    ("name", "short", "ends"),
    [
        ("san bernardino county sheriff's department", "county sheriff's department", True),
        ("turkish red crescent", "red crescent", True),
        ("red crescent", "red crescent", False),  # the name itself is no ending of it
        ("tred crescent", "red crescent", False),  # mid-word is no ending
        ("red crescent society", "red crescent", False),  # a prefix is no ending
        ("a  b", " b", True),  # odd spacing: exactly what endswith(" " + k) says
    ],
)
def test_word_endings_agree_with_endswith(name: str, short: str, ends: bool) -> None:
    assert name.endswith(" " + short) is ends
    assert (short in word_endings(name)) is ends
