"""The compiled SHACL check gives pyshacl's verdict on conforming and broken graphs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

from golden.rdf_samples import BASE, SAMPLES, flood
from newsprov.analysis import refresh
from newsprov.analysis.crossref import derived_graphs
from newsprov.analysis.synthetic import scenario_extractions
from newsprov.errors import ValidationError
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.namespaces import NP, OA, PROV, RDF, RDFS, SCHEMA
from newsprov.rdf.store import Store
from newsprov.rdf.validate import validate
from newsprov.rdf.validate_compiled import check, compiled_shapes

ARTICLE = URIRef(BASE + "article/flood-001")
FIGURE = URIRef(BASE + "article/flood-001/figure/15-26")
VIA_FIGURE = URIRef(BASE + "article/flood-001/figure/138-153")
QUOTE = URIRef(BASE + "article/flood-001/quote/202-244")
SENTENCE = URIRef(BASE + "article/flood-001/sentence/15-137")
ATTRIBUTION = URIRef(BASE + "article/flood-001/figure/15-26/attribution/source")
AFP = URIRef(BASE + "outlet/afp")
PERSON = URIRef(BASE + "person/ana-ferreira")

Mutation = Callable[[Graph], object]
MUTATIONS: dict[str, Mutation] = {
    "no value": lambda g: g.remove((FIGURE, NP.value, None)),
    "two values": lambda g: g.add((FIGURE, NP.value, Literal("24", datatype=XSD.decimal))),
    "double value": lambda g: g.set((FIGURE, NP.value, Literal(23.0))),
    "unknown qualifier": lambda g: g.set((FIGURE, NP.qualifier, Literal("roughly"))),
    "unknown measure": lambda g: g.set((FIGURE, NP.measure, URIRef(BASE + "measure/vibes"))),
    "no evidence": lambda g: g.remove((FIGURE, NP.evidence, None)),
    "evidence not typed": lambda g: g.remove((SENTENCE, RDF.type, NP.Evidence)),
    "no exact text": lambda g: g.remove((SENTENCE, OA.exact, None)),
    "start after end": lambda g: g.set((SENTENCE, OA.start, Literal(999))),
    "negative start": lambda g: g.set((SENTENCE, OA.start, Literal(-1))),
    "selector type missing": lambda g: g.remove((SENTENCE, RDF.type, OA.TextQuoteSelector)),
    "no quote text": lambda g: g.remove((QUOTE, NP.quoteText, None)),
    "two labels": lambda g: g.add((AFP, RDFS.label, Literal("Agence France-Presse"))),
    "empty label": lambda g: g.set((AFP, RDFS.label, Literal(""))),
    "tagged label": lambda g: g.set((AFP, RDFS.label, Literal("AFP", lang="en"))),
    "undescribed via": lambda g: g.set((VIA_FIGURE, NP.via, URIRef(BASE + "outlet/ghost"))),
    "no article id": lambda g: g.remove((None, NP.articleId, None)),
    "date as string": lambda g: g.set((FIGURE, NP.figureDate, Literal("Tuesday"))),
    "two kinds": lambda g: g.add((AFP, RDF.type, NP.Person)),
    "blank figure": lambda g: g.add((BNode(), RDF.type, NP.Figure)),
    "bad role": lambda g: g.set((ATTRIBUTION, PROV.hadRole, URIRef(BASE + "role/nobody"))),
    "attribution untyped": lambda g: g.remove((ATTRIBUTION, RDF.type, None)),
    "publisher not an outlet": lambda g: g.set((ARTICLE, SCHEMA.publisher, PERSON)),
    "reported in nothing": lambda g: g.set((QUOTE, NP.reportedIn, URIRef(BASE + "x"))),
    "offset as string": lambda g: g.set((QUOTE, NP.startOffset, Literal("202"))),
}


def _pyshacl_conforms(graph: Graph) -> bool:
    try:
        validate(graph)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_sample_graph_passes_both(name: str) -> None:
    graph = extraction_to_graph(SAMPLES[name](), BASE)
    check(graph)
    assert _pyshacl_conforms(graph)


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_broken_graph_fails_both(name: str) -> None:
    graph = extraction_to_graph(flood(), BASE)
    MUTATIONS[name](graph)
    assert not _pyshacl_conforms(graph), "the mutation should break pyshacl's verdict too"
    with pytest.raises(ValidationError):
        check(graph)


def test_problem_names_the_node_and_the_property() -> None:
    graph = extraction_to_graph(flood(), BASE)
    graph.remove((FIGURE, NP.value, None))
    with pytest.raises(ValidationError, match=r"np:value of <.*figure/15-26>: a figure has"):
        check(graph)


def test_crossref_graph_passes_both_and_breaks_both() -> None:
    store = Store()
    for ex in scenario_extractions():
        store.replace_graph(graph_iri(ex.article.id, BASE), extraction_to_graph(ex, BASE))
    refresh(store, BASE)
    xref = Graph()  # the clusters, and each event's claims and verdicts
    for name in derived_graphs(store, BASE):
        xref += store.graph(name)
    check(xref)
    assert _pyshacl_conforms(xref)
    verdict = next(xref.subjects(RDF.type, NP.Conflict))
    xref.remove((verdict, NP.verdictNote, None))
    assert not _pyshacl_conforms(xref)
    with pytest.raises(ValidationError, match="verdictNote"):
        check(xref)


def test_every_shape_with_a_target_is_compiled() -> None:
    names = {s.name for s in compiled_shapes().shapes}
    assert {"npsh:FigureShape", "npsh:QuoteShape", "npsh:VerdictShape"} <= names
    assert len(names) == 11
