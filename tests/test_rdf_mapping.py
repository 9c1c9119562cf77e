"""Records -> triples: golden graphs, determinism, and the mapping's edge cases."""

from __future__ import annotations

import dataclasses
import math
import os
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from golden.rdf_samples import BASE, SAMPLES, flood, protest, quiet
from newsprov.model import Entity, EntityType, Extraction
from newsprov.rdf.mapping import (
    decimal_literal,
    extraction_to_graph,
    graph_iri,
    temporal_literal,
)
from newsprov.rdf.namespaces import NP, NPM, OA, PROV, RDF, RDFS, SCHEMA

GOLDEN = Path(__file__).parent / "golden"
XSD = "http://www.w3.org/2001/XMLSchema#"  # a plain string: pytest probes namespace objects
XSD_DECIMAL, XSD_DATE = URIRef(XSD + "decimal"), URIRef(XSD + "date")


def _canonical(graph: Graph) -> Graph:
    """``graph`` with decimals in canonical form: Turtle writes 8000 as "8000.0"."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD_DECIMAL:
            o = decimal_literal(float(o))
        out.add((s, p, o))
    return out


# derived: see test_rdf_views.py
VIEW_ROWS = {
    NP.figuresRow,
    NP.quotesRow,
    NP.articlesRow,
    NP.keyedRow,
    NP.rowsDigest,
    NP.keyedOrder,
}


def _facts(graph: Graph) -> Graph:
    """``graph`` without the materialised query rows (they follow the .rq files)."""
    out = Graph()
    for triple in graph:
        if triple[1] not in VIEW_ROWS:
            out.add(triple)
    return out


def _diff_text(got: Graph, want: Graph) -> str:
    _both, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
    lines = ["only in mapping output:"]
    lines += sorted(f"  {t}" for t in only_got.serialize(format="nt").splitlines() if t)
    lines.append("only in golden file:")
    lines += sorted(f"  {t}" for t in only_want.serialize(format="nt").splitlines() if t)
    return "\n".join(lines)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_mapping_matches_golden_turtle(name: str) -> None:
    got = _facts(extraction_to_graph(SAMPLES[name](), BASE))
    path = GOLDEN / f"{name}.ttl"
    if os.environ.get("NEWSPROV_REGEN_GOLDEN"):
        header = (
            f'# Expected triples for the "{name}" sample of rdf_samples.py (reviewed by hand).\n'
        )
        path.write_text(header + got.serialize(format="turtle"), "utf-8")
    want = _canonical(Graph().parse(path, format="turtle"))
    assert isomorphic(got, want), _diff_text(got, want)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_mapping_is_deterministic_and_has_no_blank_nodes(name: str) -> None:
    first = extraction_to_graph(SAMPLES[name](), BASE)
    second = extraction_to_graph(SAMPLES[name](), BASE)
    assert set(first) == set(second)  # equal triple sets, not merely isomorphic
    assert not any(isinstance(term, BNode) for triple in first for term in triple)


def test_every_figure_and_quote_links_to_its_evidence_sentence() -> None:
    ex = flood()
    g = extraction_to_graph(ex, BASE)
    facts = [*g.subjects(RDF.type, NP.Figure), *g.subjects(RDF.type, NP.Quote)]
    assert len(facts) == len(ex.figures) + len(ex.quotes)
    for fact in facts:
        sent = g.value(fact, NP.evidence)
        start, end = int(str(g.value(sent, OA.start))), int(str(g.value(sent, OA.end)))
        assert ex.article.text[start:end] == str(g.value(sent, OA.exact))
        assert g.value(sent, NP.inArticle) == URIRef(f"{BASE}article/flood-001")
        assert (sent, RDF.type, OA.TextQuoteSelector) in g


def test_figure_values_bounds_and_measures() -> None:
    g = extraction_to_graph(protest(), BASE)
    article = URIRef(BASE + "article/protest%202%2Fb%23x")
    values = {
        str(g.value(f, NP.numberText)): g.value(f, NP.value)
        for f in g.subjects(NP.reportedIn, article)
        if (f, RDF.type, NP.Figure) in g
    }
    assert values == {
        "Between 8,000": Literal("8000", datatype=XSD_DECIMAL),
        "12,000": Literal("12000", datatype=XSD_DECIMAL),
        "$2.5 million": Literal("2500000", datatype=XSD_DECIMAL),
        "3.75 percent": Literal("3.75", datatype=XSD_DECIMAL),
    }
    measures = set(g.objects(None, NP.measure))
    # "not-a-measure" is outside the scheme, so it becomes npm:other
    assert measures == {NPM["crowd-size"], NPM["economic-loss"], NPM.other}
    assert len(set(g.subjects(NP.rangeGroup, Literal("r1")))) == 2


def test_attributions_are_iri_nodes_with_roles() -> None:
    g = extraction_to_graph(flood(), BASE)
    fig = URIRef(BASE + "article/flood-001/figure/138-153")
    (qa,) = g.objects(fig, PROV.qualifiedAttribution)
    assert qa == URIRef(f"{fig}/attribution/via")
    assert g.value(qa, PROV.hadRole) == NP.ViaRole
    assert g.value(qa, PROV.agent) == URIRef(BASE + "outlet/afp")
    assert g.value(fig, PROV.wasAttributedTo) is None  # "officials" is not a named source


def test_anonymous_speaker_is_local_to_its_article() -> None:
    g = extraction_to_graph(flood(), BASE)
    anon = URIRef(BASE + "article/flood-001/anon/resident")
    assert g.value(anon, RDFS.label) == Literal("unnamed resident")
    assert g.value(anon, NP.anonymous) == Literal(True)
    assert g.value(anon, NP.role) == Literal("resident")
    assert (None, NP.speaker, anon) in g


def test_unused_entities_and_dangling_keys_are_left_out() -> None:
    g = extraction_to_graph(quiet(), BASE)
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    assert labels == {"Dunmore Times", "Dunmore", "council"}  # not "Nobody"
    assert not list(g.objects(None, NP.wire))  # outlet/missing-wire is not defined


def test_duplicate_entity_keys_keep_one_label() -> None:
    ex = quiet()
    twin = Entity("place/dunmore", "Dunmore town", EntityType.PLACE)
    g = extraction_to_graph(dataclasses.replace(ex, entities=(*ex.entities, twin)), BASE)
    assert list(g.objects(URIRef(BASE + "place/dunmore"), RDFS.label)) == [Literal("Dunmore")]


def test_nameless_entity_is_treated_as_undefined() -> None:
    ex = flood()
    blank = Entity("outlet/riverside-herald", " ", EntityType.OUTLET)
    g = extraction_to_graph(dataclasses.replace(ex, entities=(blank, *ex.entities[1:])), BASE)
    assert g.value(URIRef(BASE + "article/flood-001"), SCHEMA.publisher) is None
    assert (URIRef(BASE + "outlet/riverside-herald"), None, None) not in g


def test_figures_sharing_a_span_get_distinct_iris() -> None:
    ex = protest()
    fig = ex.figures[0]
    again = dataclasses.replace(fig, id="p/dup", value=9000.0, lower=9000.0)
    g = extraction_to_graph(dataclasses.replace(ex, figures=(fig, again)), BASE)
    figures = set(g.subjects(RDF.type, NP.Figure))
    assert len(figures) == 2
    assert all(len(list(g.objects(f, NP.value))) == 1 for f in figures)


def test_non_finite_figure_is_skipped() -> None:
    ex = protest()
    bad = dataclasses.replace(ex.figures[0], value=math.nan)
    g = extraction_to_graph(dataclasses.replace(ex, figures=(bad,)), BASE)
    assert not list(g.subjects(RDF.type, NP.Figure))


def test_article_without_metadata() -> None:
    ex = Extraction(article=dataclasses.replace(quiet().article, outlet=None, date="soon"))
    g = extraction_to_graph(ex, BASE)
    article = URIRef(BASE + "article/quiet")
    assert g.value(article, NP.articleId) == Literal("quiet")
    assert g.value(article, SCHEMA.publisher) is None
    assert g.value(article, SCHEMA.datePublished) is None  # "soon" is not a date
    assert g.value(article, SCHEMA.articleBody) == Literal(quiet().article.text)
    assert g.value(article, NP.publisherFrom) is None  # no publisher, no step that found it
    assert len(_facts(g)) == 4


def test_publisher_marked_with_the_step_that_found_it() -> None:
    ex = quiet()
    derived = dataclasses.replace(ex.article, outlet_from="domain")
    g = extraction_to_graph(dataclasses.replace(ex, article=derived), BASE)
    article = URIRef(BASE + "article/quiet")
    assert g.value(article, SCHEMA.publisher) is not None
    assert g.value(article, NP.publisherFrom) == Literal("domain")


def test_graph_iri_is_reexported() -> None:
    assert graph_iri("a b", BASE) == BASE + "graph/a%20b"


@pytest.mark.parametrize(
    ("value", "lexical"),
    [
        (1000.0, "1000"),
        (1500000.0, "1500000"),
        (1.5, "1.5"),
        (0.1, "0.1"),
        (3.75, "3.75"),
        (1e16, "10000000000000000"),
        (-2.0, "-2"),
        (0.0, "0"),
    ],
)
def test_decimal_literal_is_canonical(value: float, lexical: str) -> None:
    lit = decimal_literal(value)
    assert str(lit) == lexical
    assert lit.datatype == XSD_DECIMAL
    assert float(str(lit)) == value  # what the scorer's to_float does


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan])
def test_decimal_literal_rejects_non_finite(value: float) -> None:
    with pytest.raises(ValueError, match="finite"):
        decimal_literal(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-03-09", Literal("2025-03-09", datatype=XSD_DATE)),
        (" 2025-03 ", Literal("2025-03", datatype=URIRef(XSD + "gYearMonth"))),
        ("2025", Literal("2025", datatype=URIRef(XSD + "gYear"))),
        ("March 2025", None),
        ("2025-3-9", None),
        ("", None),
        (None, None),
    ],
)
def test_temporal_literal(text: str | None, expected: Literal | None) -> None:
    assert temporal_literal(text) == expected
