"""The explorer as people use it: conflicts drawn as red links, bylines not drawn as
people, focus and search by name, filters inside the standalone file."""

from __future__ import annotations

import json
import re

import rdflib

from newsprov.viz import build_graph, explorer_html, mark_conflicts, to_network
from newsprov.viz.conflicts import CONFLICT_EDGE
from newsprov.viz.render import CONFLICT_LINK
from newsprov.viz.select import Filters, apply_filters, filter_data, resolve_focus
from test_server_data import AGENCY, FIG_AGENCY, FIG_CROWD, FIG_MAYOR, MAYOR, B, make_store

NP = "https://newsprov.org/ontology#"
SCHEMA = "https://schema.org/"
REPORTER = B + "person/rhea-byline"


def _json(page: str, element: str) -> object:
    found = re.search(rf'<script type="application/json" id="{element}">(.*?)</script>', page, re.S)
    assert found, element
    return json.loads(found.group(1))


def test_figures_that_disagree_are_linked_in_red() -> None:
    store = make_store()
    g = build_graph(store)
    mark_conflicts(g, store)
    linked = {frozenset((u, v)) for u, v, k in g.edges(keys=True) if k == CONFLICT_EDGE}
    assert linked == {frozenset((FIG_AGENCY, FIG_MAYOR))}
    red = [e for e in to_network(g).edges if e.get("color", {}).get("color") == CONFLICT_LINK]
    assert len(red) == 1 and red[0]["label"] == CONFLICT_EDGE


def test_conflict_verdicts_link_their_two_figures() -> None:
    store = make_store()
    verdict = rdflib.Graph()
    v = rdflib.URIRef(B + "verdict/2")
    verdict.add((v, rdflib.RDF.type, rdflib.URIRef(NP + "Conflict")))
    for p, figure in (("firstFigure", FIG_CROWD), ("secondFigure", FIG_MAYOR)):
        verdict.add((v, rdflib.URIRef(NP + p), rdflib.URIRef(figure)))
        verdict.add((v, rdflib.URIRef(NP + "verdictFigure"), rdflib.URIRef(figure)))
    store.replace_graph(B + "graph/verdicts", verdict)
    g = build_graph(store)
    mark_conflicts(g, store)
    assert g.has_edge(FIG_CROWD, FIG_MAYOR, CONFLICT_EDGE)
    assert not g.has_edge(FIG_AGENCY, FIG_MAYOR, CONFLICT_EDGE)  # verdicts take over


def test_byline_authors_are_not_drawn_as_people() -> None:
    store = make_store()
    article = next(
        iter(
            store.select(
                f"SELECT ?a ?g WHERE {{ GRAPH ?g {{ ?a a <{NP}Article> }} }} ORDER BY ?a"
            ).dicts()
        )
    )
    graph = store.graph(str(article["g"]))
    graph.add((article["a"], rdflib.URIRef(SCHEMA + "author"), rdflib.URIRef(REPORTER)))
    graph.add((rdflib.URIRef(REPORTER), rdflib.RDF.type, rdflib.URIRef(NP + "Person")))
    graph.add((rdflib.URIRef(REPORTER), rdflib.RDFS.label, rdflib.Literal("Rhea Byline")))
    store.replace_graph(str(article["g"]), graph)
    g = build_graph(store)
    assert REPORTER not in g
    assert MAYOR in g  # people the articles report on stay


def test_focus_by_name_key_or_iri() -> None:
    g = build_graph(make_store())
    assert resolve_focus(g, "Mara Quill", B) == MAYOR
    assert resolve_focus(g, "quill", B) == MAYOR
    assert resolve_focus(g, "person/mara-quill", B) == MAYOR
    assert resolve_focus(g, MAYOR, B) == MAYOR
    assert resolve_focus(g, "Nobody Here", B) == B + "Nobody Here"
    page = explorer_html(make_store(), focus="mara quill", hops=1)
    assert _json(page, "graph-data")["nodes"]  # type: ignore[index]
    assert MAYOR in page


def test_standalone_file_carries_its_filters() -> None:
    page = explorer_html(make_store())
    assert 'id="local-filters"' in page and 'id="lf-source"' in page
    data = _json(page, "filter-data")
    assert isinstance(data, dict) and FIG_MAYOR in data["claims"]
    assert data["claims"][FIG_MAYOR]["sources"] == [MAYOR]
    served = explorer_html(make_store(), served=True)
    assert 'id="local-filters"' not in served and _json(served, "filter-data") is None


def test_filter_data_mirrors_the_server_side_filter() -> None:
    """The page's filter logic reads filter_data; the claims it would keep for a source are
    those apply_filters keeps."""
    g = build_graph(make_store())
    data = filter_data(g)
    kept = {
        n
        for n, k in apply_filters(g, Filters(source=AGENCY)).nodes(data="kind")
        if k in ("figure", "quote")
    }
    assert kept == {c for c, d in data["claims"].items() if AGENCY in d["sources"]}


def test_nodes_carry_full_names_for_search() -> None:
    nodes = to_network(build_graph(make_store())).nodes
    assert {"Mara Quill"} <= {n["name"] for n in nodes}
