"""The explorer on stores too big to draw whole: the aggregate, the cap, and focus and
filters that read only the article graphs naming what they ask for. A small ``cap``
makes the fixture store "big" (its articles times NODES_PER_ARTICLE exceed the cap)."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
import rdflib

from newsprov.rdf.store import Store
from newsprov.viz import build_graph, explorer_html, mark_conflicts
from newsprov.viz.scale import (
    NODES_PER_ARTICLE,
    aggregate_graph,
    article_count,
    cut,
    find_entity,
    graphs_naming,
)
from test_server_data import AGENCY, AP, FIG_AGENCY, FIG_CROWD, FIG_MAYOR, MAYOR, B, make_store

NP = "https://newsprov.org/ontology#"


@pytest.fixture(scope="module")
def store() -> Store:
    return make_store()


def _edges(g: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, v, k) for u, v, k in g.edges(keys=True)}


def test_a_graph_of_every_article_graph_is_the_whole_graph(store: Store) -> None:
    whole = build_graph(store)
    articles = [g for g in store.graphs() if "/graph/" in g]
    parts = build_graph(store, articles)
    assert dict(parts.nodes(data="kind")) == dict(whole.nodes(data="kind"))
    assert _edges(parts) == _edges(whole)
    assert parts.nodes[FIG_MAYOR]["lines"] == whole.nodes[FIG_MAYOR]["lines"]


def test_graphs_naming_an_entity(store: Store) -> None:
    scoped = graphs_naming(store, MAYOR, 10)
    assert scoped.total == len(scoped.graphs) >= 1
    assert all(g.startswith(B + "graph/") for g in scoped.graphs)
    drawn = build_graph(store, scoped.graphs)
    assert MAYOR in drawn and FIG_MAYOR in drawn and FIG_CROWD not in drawn
    one = graphs_naming(store, AP, 1)
    assert len(one.graphs) == 1 and one.total >= 1
    assert graphs_naming(store, B + "person/nobody", 5).total == 0


def test_find_entity_by_iri_key_or_exact_name(store: Store) -> None:
    assert find_entity(store, MAYOR, B) == MAYOR
    assert find_entity(store, "person/mara-quill", B) == MAYOR
    label = next(
        q.object.value
        for q in store.quads_matching(None, None, None, None)
        if q.subject.value == AGENCY and q.predicate.value.endswith("#label")
    )
    assert find_entity(store, label, B) == AGENCY
    assert find_entity(store, "Nobody At All", B) is None
    assert find_entity(store, "person/nobody", B) is None


def test_aggregate_draws_outlets_and_sources_weighted(store: Store) -> None:
    g = aggregate_graph(store)
    kinds = set(dict(g.nodes(data="kind")).values())
    assert kinds and kinds <= {"outlet", "person", "organisation", "place", "entity"}
    assert MAYOR in g and AGENCY in g
    assert all(d["weight"] >= 1 for _, _, d in g.edges(data=True))
    total = sum(d["weight"] for u, v, k, d in g.edges(keys=True, data=True) if k != "relayed")
    figures_and_quotes = store.select(
        f"SELECT ?i ?s WHERE {{ GRAPH ?g {{ ?i <{NP}reportedIn> ?a ; "
        "<http://www.w3.org/ns/prov#wasAttributedTo> ?s }}"
    )
    assert total == len(figures_and_quotes)  # every claim once, on its source's edge
    small = aggregate_graph(store, cap=2)
    assert small.number_of_nodes() == 2


def test_a_big_store_is_drawn_as_its_aggregate(store: Store) -> None:
    cap = article_count(store) * NODES_PER_ARTICLE - 1
    page = explorer_html(store, cap=cap)
    assert "this is the aggregate" in page
    assert FIG_MAYOR not in page  # no claim drawn
    assert MAYOR in page
    assert "this is the aggregate" not in explorer_html(store)  # a small store is drawn whole


def test_focus_on_a_big_store_reads_the_articles_naming_it(store: Store) -> None:
    cap = article_count(store) * NODES_PER_ARTICLE - 1
    page = explorer_html(store, focus="person/mara-quill", cap=cap)
    assert FIG_MAYOR in page and FIG_CROWD not in page
    assert "aggregate" not in page
    missing = explorer_html(store, focus="Nobody At All", cap=cap)
    assert "Nobody At All: no such name, key or IRI in the store" in missing


def test_a_filter_on_a_big_store_reads_the_articles_naming_it(store: Store) -> None:
    from newsprov.viz import Filters

    cap = article_count(store) * NODES_PER_ARTICLE - 1
    page = explorer_html(store, filters=Filters(source=MAYOR), cap=cap)
    assert FIG_MAYOR in page and FIG_AGENCY not in page and "aggregate" not in page


def test_cut_keeps_the_nearest_nodes_first() -> None:
    g = nx.MultiDiGraph()
    nx.add_path(g, [str(i) for i in range(10)])
    kept, left_out = cut(g, 4, "5")
    assert set(kept) == {"3", "4", "5", "6"} and left_out == 6
    same, none = cut(g, 10, None)
    assert same is g and none == 0
    star = nx.MultiDiGraph()
    star.add_edges_from([("hub", f"leaf{i}") for i in range(5)] + [("a", "b")])
    hub_first, _ = cut(star, 3, None)
    assert "hub" in hub_first and set(hub_first) <= {"hub", *(f"leaf{i}" for i in range(5))}


def test_a_page_over_the_cap_says_what_it_left_out(store: Store) -> None:
    focused = explorer_html(store, focus=MAYOR, hops=3, cap=3)
    assert "more nodes not drawn (at most 3; nearest first)" in focused
    assert 'id="summary">3 nodes' in focused


def test_verdicts_looked_up_per_figure_mark_the_same(store: Store) -> None:
    verdicts = make_store()
    v = rdflib.URIRef(B + "verdict/1")
    graph = rdflib.Graph()
    graph.add((v, rdflib.RDF.type, rdflib.URIRef(NP + "Conflict")))
    graph.add((v, rdflib.URIRef(NP + "verdictFigure"), rdflib.URIRef(FIG_CROWD)))
    graph.add((v, rdflib.URIRef(NP + "firstFigure"), rdflib.URIRef(FIG_CROWD)))
    graph.add((v, rdflib.URIRef(NP + "secondFigure"), rdflib.URIRef(FIG_MAYOR)))
    verdicts.replace_graph(B + "graph/verdicts", graph)
    whole, part = build_graph(verdicts), build_graph(verdicts)
    assert mark_conflicts(whole, verdicts) == mark_conflicts(part, verdicts, part=True) == 1
    assert dict(whole.nodes(data="conflict")) == dict(part.nodes(data="conflict"))
    assert _edges(whole) == _edges(part)


def test_the_command_line_cap_defaults_to_the_library_cap(tmp_path: Path) -> None:
    from newsprov.cli import build_parser, main
    from newsprov.viz.scale import CAP

    args = build_parser().parse_args(["viz"])
    assert args.cap == CAP
    store = make_store(path=tmp_path / "store")
    store.close()
    out = tmp_path / "page.html"
    code = main(
        [
            "viz",
            "--store",
            str(tmp_path / "store"),
            "--out",
            str(out),
            "--cap",
            "3",
            "--focus",
            "person/mara-quill",
            "--hops",
            "3",
        ]
    )
    assert code == 0 and "at most 3; nearest first" in out.read_text(encoding="utf-8")
    with pytest.raises(SystemExit):
        build_parser().parse_args(["viz", "--cap", "0"])


def _one_more_article(n: int) -> tuple[str, rdflib.Graph]:
    """An invented article graph: a new outlet citing a new source for one figure."""
    base = f"{B}article/extra-{n}"
    article, figure = rdflib.URIRef(base), rdflib.URIRef(f"{base}/figure/0-9")
    outlet, source = rdflib.URIRef(f"{B}outlet/extra-{n}"), rdflib.URIRef(f"{B}person/extra-{n}")
    g = rdflib.Graph()
    g.add((article, rdflib.RDF.type, rdflib.URIRef(NP + "Article")))
    g.add((article, rdflib.URIRef("https://schema.org/publisher"), outlet))
    g.add((outlet, rdflib.RDF.type, rdflib.URIRef(NP + "Outlet")))
    g.add((outlet, rdflib.RDFS.label, rdflib.Literal(f"Extra Outlet {n}")))
    g.add((source, rdflib.RDF.type, rdflib.URIRef(NP + "Person")))
    g.add((source, rdflib.RDFS.label, rdflib.Literal(f"Extra Source {n}")))
    g.add((figure, rdflib.RDF.type, rdflib.URIRef(NP + "Figure")))
    g.add((figure, rdflib.URIRef(NP + "reportedIn"), article))
    g.add((figure, rdflib.URIRef("http://www.w3.org/ns/prov#wasAttributedTo"), source))
    return f"{B}graph/extra-{n}", g


def _aggregate_page(store: Store) -> str:
    return explorer_html(store, cap=article_count(store) * NODES_PER_ARTICLE - 1)


def test_the_aggregate_of_a_published_store_is_counted_once_per_generation(
    tmp_path: Path,
) -> None:
    from newsprov.viz.scale import AGGREGATE_CACHE

    path = tmp_path / "store"
    reader = make_store(path=path)
    cache = path / AGGREGATE_CACHE
    first = _aggregate_page(reader)
    assert "this is the aggregate" in first and cache.is_file()
    # The next page reads the counts kept for this generation, not the store: a count
    # planted in the cache shows on the page.
    kept = json.loads(cache.read_text(encoding="utf-8"))
    mayor = kept["nodes"].index(MAYOR)
    cites = kept["links"]["cites"]
    at = next(i for i in range(0, len(cites), 3) if cites[i + 1] == mayor)
    assert cites[at + 2] == 2  # the mayor's figure and quote
    cites[at + 2] = 777
    cache.write_text(json.dumps(kept), encoding="utf-8")
    assert "figures and quotes: 777" in _aggregate_page(reader)
    # Ingesting one more article publishes a new generation: the page counts it afresh.
    with Store(path) as writer:
        writer.replace_graph(*_one_more_article(1))
    assert reader.refresh()
    after = _aggregate_page(reader)
    assert "Extra Outlet 1" in after and "Extra Source 1" in after
    assert "Extra Outlet 1" not in first and "figures and quotes: 777" not in after
    # A cache that is not valid JSON of the expected shape is counted again, not trusted.
    key = json.loads(cache.read_text(encoding="utf-8"))["key"]
    for bad in (
        {"key": "x"},
        {"key": key, "nodes": [MAYOR], "links": {"cites": [0, 5, 1]}},  # no node 5
        {"key": key, "nodes": [MAYOR], "links": {"cites": [0, 0]}},
        {"key": key, "nodes": [MAYOR], "links": {"knows": [0, 0, 1]}},
        {"key": key, "nodes": [3], "links": {}},
    ):
        cache.write_text(json.dumps(bad), encoding="utf-8")
        assert _aggregate_page(reader) == after


def test_the_aggregate_of_a_store_being_written_follows_each_write() -> None:
    store = make_store()
    before = _aggregate_page(store)
    assert _aggregate_page(store) == before  # counted once, kept in-process
    store.replace_graph(*_one_more_article(2))
    after = _aggregate_page(store)
    assert "Extra Source 2" in after and "Extra Source 2" not in before
    g = aggregate_graph(store)
    assert g.has_edge(f"{B}outlet/extra-2", f"{B}person/extra-2", key="cites")
