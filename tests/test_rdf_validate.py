"""SHACL: every graph the mapping emits conforms; broken graphs fail with a message."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef

from golden.rdf_samples import BASE, SAMPLES, flood
from newsprov.errors import ValidationError
from newsprov.rdf.mapping import extraction_to_graph
from newsprov.rdf.namespaces import NP, OA, RDFS
from newsprov.rdf.validate import shapes_graph, validate

FIGURE = URIRef(BASE + "article/flood-001/figure/15-26")
QUOTE = URIRef(BASE + "article/flood-001/quote/202-244")
SENTENCE = URIRef(BASE + "article/flood-001/sentence/15-137")
AFP = URIRef(BASE + "outlet/afp")


@pytest.fixture
def graph() -> Graph:
    return extraction_to_graph(flood(), BASE)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_sample_graph_conforms(name: str) -> None:
    validate(extraction_to_graph(SAMPLES[name](), BASE))


def test_figure_without_value_fails(graph: Graph) -> None:
    graph.remove((FIGURE, NP.value, None))
    with pytest.raises(ValidationError, match="exactly one xsd:decimal np:value"):
        validate(graph)


def test_figure_with_float_value_fails(graph: Graph) -> None:
    graph.set((FIGURE, NP.value, Literal(23.0)))  # xsd:double, not xsd:decimal
    with pytest.raises(ValidationError, match="np:value"):
        validate(graph)


def test_unknown_qualifier_fails(graph: Graph) -> None:
    graph.set((FIGURE, NP.qualifier, Literal("roughly")))
    with pytest.raises(ValidationError, match="qualifier"):
        validate(graph)


def test_figure_without_evidence_fails(graph: Graph) -> None:
    graph.remove((FIGURE, NP.evidence, None))
    with pytest.raises(ValidationError, match="Evidence"):
        validate(graph)


def test_evidence_without_exact_text_fails(graph: Graph) -> None:
    graph.remove((SENTENCE, OA.exact, None))
    with pytest.raises(ValidationError, match="oa:exact"):
        validate(graph)


def test_quote_without_text_fails(graph: Graph) -> None:
    graph.remove((QUOTE, NP.quoteText, None))
    with pytest.raises(ValidationError, match="quoteText"):
        validate(graph)


def test_entity_with_two_labels_fails(graph: Graph) -> None:
    graph.add((AFP, RDFS.label, Literal("Agence France-Presse")))
    with pytest.raises(ValidationError, match="rdfs:label"):
        validate(graph)


def test_reference_to_undescribed_entity_fails(graph: Graph) -> None:
    graph.set((FIGURE, NP.via, URIRef(BASE + "outlet/ghost")))
    with pytest.raises(ValidationError, match="rdfs:label"):
        validate(graph)


def test_article_without_id_fails(graph: Graph) -> None:
    graph.remove((None, NP.articleId, None))
    with pytest.raises(ValidationError, match="articleId"):
        validate(graph)


def test_shapes_graph_is_parsed_once() -> None:
    assert shapes_graph() is shapes_graph()
    assert len(shapes_graph()) > 100
