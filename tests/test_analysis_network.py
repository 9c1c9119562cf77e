"""Citation networks from query rows: edges, centrality, single-wire sources."""

from __future__ import annotations

from newsprov.analysis import refresh
from newsprov.analysis.network import (
    UNKNOWN_OUTLET,
    centrality,
    citation_network,
    corroboration_independence,
    network_from_store,
    single_wire_sources,
)
from newsprov.analysis.synthetic import scenario_extractions
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store

B = "https://newsprov.org/id/"

ROWS: list[dict[str, str | int | None]] = [
    {"source": "SOHR", "outlet": "France 24", "via": "AFP", "count": 3},
    {"source": "SOHR", "outlet": "The Hindu", "via": "AFP", "count": 2},
    {"source": "Monitor", "outlet": "France 24", "via": "AFP", "count": 1},
    {"source": "Monitor", "outlet": "BBC", "via": None, "count": 4},
    {"source": "Ministry", "outlet": None, "via": None, "count": 1},
    {"source": None, "outlet": "BBC", "via": None, "count": 9},
]


def test_edges_run_publisher_to_via_to_source_with_weights() -> None:
    g = citation_network(ROWS)
    assert g["France 24"]["AFP"]["weight"] == 4
    assert g["AFP"]["SOHR"]["weight"] == 5
    assert g["BBC"]["Monitor"]["weight"] == 4
    assert g.has_edge(UNKNOWN_OUTLET, "Ministry")
    assert g.nodes["AFP"]["roles"] == {"via"}
    assert g.nodes["France 24"]["roles"] == {"outlet"}


def test_sources_only_reached_through_one_wire() -> None:
    assert single_wire_sources(citation_network(ROWS)) == {"SOHR": "AFP"}


def test_publisher_relaying_itself_makes_no_via_hop() -> None:
    g = citation_network([{"source": "X", "outlet": "AFP", "via": "AFP", "count": 1}])
    assert list(g.edges) == [("AFP", "X")]
    assert single_wire_sources(g) == {}


def test_centrality_ranks_the_wire_and_its_sources() -> None:
    ranked = centrality(citation_network(ROWS))
    names = [c.node for c in ranked]
    assert names.index("SOHR") < names.index("France 24")
    afp = next(c for c in ranked if c.node == "AFP")
    assert afp.roles == ("via",) and afp.degree > 0
    assert abs(sum(c.pagerank for c in ranked) - 1.0) < 1e-6
    assert centrality(citation_network([])) == []


def test_network_and_independence_from_a_store() -> None:
    store = Store()
    for ex in scenario_extractions():
        store.replace_graph(graph_iri(ex.article.id, B), extraction_to_graph(ex, B))
    refresh(store, B)
    g = network_from_store(store)
    assert g.has_edge("Reuters", "Syrian Observatory for Human Rights")
    assert g.has_edge("France 24", "AFP")
    chains = corroboration_independence(store)
    assert len(chains) == 4 and all(c.chains == 2 for c in chains)
    quake = next(c for c in chains if "AFAD" in c.comment)
    assert quake.origins == ("AFAD", "Turkish Red Crescent")
