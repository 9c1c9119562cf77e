"""The explorer: graph building, conflicts, filters, focus, and the self-contained page."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib

from newsprov.rdf.store import Store
from newsprov.viz import (
    Filters,
    FocusError,
    apply_filters,
    build_graph,
    explorer_html,
    focus_on,
    mark_conflicts,
    to_network,
    write_explorer,
)
from newsprov.viz.conflicts import interval
from newsprov.viz.select import filter_choices
from test_server_data import (
    AGENCY,
    AP,
    EVENT_FLOOD,
    FIG_AGENCY,
    FIG_CROWD,
    FIG_MAYOR,
    MAYOR,
    QUOTE_XSS,
    REMOTE,
    RIVERTON,
    XSS,
    B,
    graph_data,
    make_store,
)

NP = "https://newsprov.org/ontology#"


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


@pytest.fixture(scope="module")
def graph(store: Store) -> nx.MultiDiGraph:
    g = build_graph(store)
    mark_conflicts(g, store)
    return g


def test_nodes_have_one_kind_each(graph: nx.MultiDiGraph) -> None:
    kinds = nx.get_node_attributes(graph, "kind")
    assert kinds[MAYOR] == "person"
    assert kinds[AP] == "outlet"
    assert kinds[RIVERTON] == "place"
    assert kinds[AGENCY] == "organisation"
    assert kinds[B + "article/flood-1"] == "article"
    assert kinds[FIG_AGENCY] == "figure"
    assert kinds[QUOTE_XSS] == "quote"
    assert sum(k == "article" for k in kinds.values()) == 3


def test_edges_are_labelled(graph: nx.MultiDiGraph) -> None:
    labels = {(u, v): k for u, v, k in graph.edges(keys=True)}
    assert labels[(B + "outlet/daily-ledger", B + "article/flood-1")] == "published"
    assert labels[(AP, B + "article/flood-1")] == "wire"
    assert labels[(FIG_AGENCY, AGENCY)] == "attributed to"
    assert labels[(FIG_AGENCY, AP)] == "via"
    assert labels[(FIG_AGENCY, RIVERTON)] == "about"
    assert labels[(B + "article/flood-2", QUOTE_XSS)] == "quotes"
    assert labels[(B + "article/flood-2", FIG_MAYOR)] == "reports"
    assert labels[(B + "article/flood-2", MAYOR)] == "mentions"


def test_claims_carry_their_evidence(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes[FIG_MAYOR]["evidence"] == [
        "Twelve people died, Mayor Mara Quill told Reuters."
    ]
    assert "source: Mara Quill" in graph.nodes[FIG_MAYOR]["lines"]


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ({"value": 12.0, "qualifier": "exact"}, (12.0, 12.0)),
        ({"value": 40.0, "qualifier": "more than"}, (40.0, math.inf)),
        ({"value": 50.0, "qualifier": "up to"}, (-math.inf, 50.0)),
        ({"value": 100.0, "qualifier": "about"}, (90.0, 110.00000000000001)),
        ({"value": 10.0, "lower": 8.0, "upper": None}, (8.0, math.inf)),
    ],
)
def test_interval(number: dict[str, Any], expected: tuple[float, float]) -> None:
    assert interval(number) == pytest.approx(expected)


def test_clashing_tolls_from_different_sources_conflict(graph: nx.MultiDiGraph) -> None:
    conflicts = {n for n, c in graph.nodes(data="conflict") if c}
    assert conflicts == {FIG_AGENCY, FIG_MAYOR}
    assert any(line.startswith("CONFLICT") for line in graph.nodes[FIG_MAYOR]["lines"])


def test_conflict_verdicts_in_the_store_take_over() -> None:
    store = make_store()
    verdict = rdflib.Graph()
    v = rdflib.URIRef(B + "verdict/1")
    verdict.add((v, rdflib.RDF.type, rdflib.URIRef(NP + "Conflict")))
    verdict.add((v, rdflib.URIRef(NP + "verdictFigure"), rdflib.URIRef(FIG_CROWD)))
    verdict.add((v, rdflib.URIRef(NP + "verdictNote"), rdflib.Literal("counts disagree")))
    store.replace_graph(B + "graph/verdicts", verdict)
    g = build_graph(store)
    assert mark_conflicts(g, store) == 1
    assert g.nodes[FIG_CROWD]["conflict"] and not g.nodes[FIG_MAYOR]["conflict"]
    assert "CONFLICT: counts disagree" in g.nodes[FIG_CROWD]["lines"]


def test_filters_resolve_keys() -> None:
    f = Filters(
        event="valley-floods-2025",
        outlet="associated-press",
        source="person/mara-quill",
        measure="deaths",
    ).resolved(B)
    assert f == Filters(EVENT_FLOOD, AP, MAYOR, "https://newsprov.org/measure/deaths")
    assert Filters(event=EVENT_FLOOD).resolved(B).event == EVENT_FLOOD


def test_event_filter(graph: nx.MultiDiGraph) -> None:
    view = apply_filters(graph, Filters(event=EVENT_FLOOD))
    assert {FIG_AGENCY, FIG_MAYOR, QUOTE_XSS, B + "article/flood-1"} <= set(view)
    assert FIG_CROWD not in view and B + "article/protest-1" not in view


def test_measure_and_source_filters(graph: nx.MultiDiGraph) -> None:
    deaths = apply_filters(graph, Filters(measure="https://newsprov.org/measure/deaths"))
    claims = {n for n, k in deaths.nodes(data="kind") if k in ("figure", "quote")}
    assert claims == {FIG_AGENCY, FIG_MAYOR}
    mayor = apply_filters(graph, Filters(source=MAYOR))
    claims = {n for n, k in mayor.nodes(data="kind") if k in ("figure", "quote")}
    assert claims == {FIG_MAYOR, QUOTE_XSS}


def test_outlet_filter_keeps_relayed_and_published_claims(graph: nx.MultiDiGraph) -> None:
    view = apply_filters(graph, Filters(outlet=AP))
    claims = {n for n, k in view.nodes(data="kind") if k in ("figure", "quote")}
    assert claims == {FIG_AGENCY, FIG_CROWD, B + "article/protest-1/quote/90-120"}


def test_focus_keeps_the_neighbourhood(graph: nx.MultiDiGraph) -> None:
    near = focus_on(graph, MAYOR, 1)
    assert set(near) == {MAYOR, FIG_MAYOR, QUOTE_XSS, B + "article/flood-2"}
    assert len(focus_on(graph, MAYOR, 2)) > len(near)
    with pytest.raises(FocusError):
        focus_on(graph, B + "person/nobody", 2)


def test_filter_choices(graph: nx.MultiDiGraph) -> None:
    choices = filter_choices(graph)
    assert (EVENT_FLOOD, "Valley floods 2025") in choices["event"]
    assert [label for _, label in choices["measure"]] == ["crowd-size", "deaths"]
    assert (MAYOR, "Mara Quill") in choices["source"]


def test_network_records(graph: nx.MultiDiGraph) -> None:
    net = to_network(graph, focus=MAYOR)
    records = {r["id"]: r for r in net.nodes}
    assert len(records) == graph.number_of_nodes() and len(net.edges) == graph.number_of_edges()
    assert all(isinstance(r["x"], float) and isinstance(r["y"], float) for r in records.values())
    assert records[FIG_MAYOR]["color"]["background"] == "#e15759"
    assert records[FIG_MAYOR]["borderWidth"] == 4
    assert records[FIG_CROWD]["borderWidth"] == 1
    assert records[MAYOR]["borderWidth"] == 5
    assert records[AP]["shape"] != records[MAYOR]["shape"]
    assert net.options["physics"]["enabled"] is True
    assert to_network(graph, physics=False).options["physics"]["enabled"] is False


def test_page_escapes_article_text(store: Store) -> None:
    page = explorer_html(store)
    assert XSS not in page
    assert "alert(1)" in page  # present, but only in escaped form
    data = graph_data(page)
    quote = next(n for n in data["nodes"] if n["id"] == QUOTE_XSS)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in quote["title"]
    assert "<script>" not in quote["title"]


def test_page_is_self_contained(store: Store) -> None:
    page = explorer_html(store, served=True)
    assert not REMOTE.search(page)
    assert "vis-network" in page and "new vis.Network" in page
    assert 'id="filters"' in page


def test_page_shows_focus_errors(store: Store) -> None:
    page = explorer_html(store, focus="person/nobody")
    assert "is not in the graph" in page
    assert graph_data(page)["nodes"] == []


def test_write_explorer(store: Store, tmp_path: Path) -> None:
    out = write_explorer(store, tmp_path / "sub" / "explorer.html", focus=MAYOR, hops=1)
    page = out.read_text(encoding="utf-8")
    assert {n["id"] for n in graph_data(page)["nodes"]} == {
        MAYOR,
        FIG_MAYOR,
        QUOTE_XSS,
        B + "article/flood-2",
    }
    assert 'id="filters"' not in page  # the standalone file has no server to ask
    assert not REMOTE.search(page)
