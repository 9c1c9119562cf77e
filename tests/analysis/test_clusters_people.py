"""Person clusters and cluster labels on the names real news gives
(``newsprov.analysis.clusters``): relatives share a surname, headlines leak into names."""

from __future__ import annotations

from newsprov.analysis.clusters import EntityRecord, cluster_entities

B = "https://newsprov.org/id/"


def person(
    name: str, *aliases: str, articles: int = 1, labels: tuple[str, ...] = ()
) -> EntityRecord:
    slug = name.lower().replace(" ", "-")
    return EntityRecord(
        iri=f"{B}person/{slug}",
        type="Person",
        labels=frozenset({name, *labels}),
        aliases=frozenset(aliases),
        articles=frozenset(f"{B}article/{slug}-{n}" for n in range(articles)),
    )


def clusters(ents: list[EntityRecord]) -> set[frozenset[str]]:
    return {frozenset(m.rsplit("/", 1)[-1] for m in c.members) for c in cluster_entities(ents)}


def test_a_relative_in_an_alias_does_not_join_two_people() -> None:
    # one article's surname coreference gave Tomas Brell the alias "Anika Brell" (his
    # daughter); Anika Brell is a person of her own elsewhere
    ents = [
        person("Tomas Brell", "Brell", "Anika Brell"),
        person("Anika Brell", "Brell"),
        person("Tomas J. Brell", "Tomas Brell"),
    ]
    assert clusters(ents) == {
        frozenset({"tomas-brell", "tomas-j.-brell"}),
        frozenset({"anika-brell"}),
    }


def test_an_alias_with_the_same_first_name_still_joins() -> None:
    ents = [person("Tomas Brell", "Tomas J. Brell"), person("Tomas J. Brell")]
    assert clusters(ents) == {frozenset({"tomas-brell", "tomas-j.-brell"})}


def test_the_label_is_the_name_used_widely_not_a_headline_fragment() -> None:
    ents = [
        person("Mara Lind", articles=12),
        person("Mara Lind Slams Rival", "Mara Lind", articles=1),
    ]
    (cluster,) = cluster_entities(ents)
    assert cluster.label == "Mara Lind"


def test_among_widely_used_names_the_longest_is_the_label() -> None:
    ents = [person("Mara Lind", articles=10), person("Mara K. Lind", "Mara Lind", articles=6)]
    (cluster,) = cluster_entities(ents)
    assert cluster.label == "Mara K. Lind"


def test_a_label_with_stray_brackets_or_in_capitals_gives_way() -> None:
    assert person("Mara Lind", labels=("Mara] Lind",)).label == "Mara Lind"
    assert person("Mara Lind", labels=("MARA LIND",)).label == "Mara Lind"
    assert person("UNHCR", labels=("UN",)).label == "UNHCR"
