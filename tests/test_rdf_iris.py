"""IRI minting: deterministic, percent-encoded, base with or without a trailing slash."""

from __future__ import annotations

import pytest

from newsprov.rdf.iris import (
    article_iri,
    entity_iri,
    event_iri,
    figure_iri,
    graph_iri,
    quote_iri,
    sentence_iri,
    slugify,
)

B = "https://newsprov.org/id/"


def test_article_and_graph_iris_quote_the_id() -> None:
    assert graph_iri("003_b2e4", B) == B + "graph/003_b2e4"
    assert str(article_iri("a/b c#d?e", B)) == B + "article/a%2Fb%20c%23d%3Fe"
    assert graph_iri("x", "https://example.org/id") == "https://example.org/id/graph/x"


def test_spans_in_an_article() -> None:
    assert str(figure_iri("a1", 10, 25, B)) == B + "article/a1/figure/10-25"
    assert str(quote_iri("a1", 3, 9, B)) == B + "article/a1/quote/3-9"
    assert str(sentence_iri("a 1", 0, 80, B)) == B + "article/a%201/sentence/0-80"


@pytest.mark.parametrize(
    ("key", "article_id", "expected"),
    [
        ("person/bashar-al-assad", None, B + "person/bashar-al-assad"),
        ("person/bashar-al-assad", "a1", B + "person/bashar-al-assad"),
        ("outlet/sky news", None, B + "outlet/sky%20news"),
        ("anon/resident", None, B + "anon/resident"),
        ("anon/resident", "a1", B + "article/a1/anon/resident"),
    ],
)
def test_entity_iri(key: str, article_id: str | None, expected: str) -> None:
    assert str(entity_iri(key, B, article_id=article_id)) == expected


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Syria coast clashes 2025", "syria-coast-clashes-2025"),
        ("  Événement  A ", "evenement-a"),
        ("A", "a"),
        ("حلب", "%D8%AD%D9%84%D8%A8"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_event_iri_uses_slug() -> None:
    assert str(event_iri("Event A", B)) == B + "event/event-a"
    assert event_iri("event-a", B) == event_iri("Event A", B)
