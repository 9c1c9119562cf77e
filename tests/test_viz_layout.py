"""Explorer layouts: every node placed, deterministic, cheap enough for big graphs."""

from __future__ import annotations

import networkx as nx
import pytest

from newsprov.rdf.store import Store
from newsprov.viz import PHYSICS_THRESHOLD, explorer_html, to_network
from newsprov.viz.layout import SPRING_MAX, layout
from test_server_data import graph_data


def star_forest(n_nodes: int, hubs: int = 5) -> nx.MultiDiGraph:
    """Hubs with leaves, plus a few isolated pairs no hub reaches, as explorer nodes."""
    g = nx.MultiDiGraph()
    for i in range(n_nodes):
        g.add_node(f"urn:n{i}", kind="person", label=str(i), lines=[f"person {i}"], evidence=[])
    for i in range(hubs, n_nodes - 4):
        g.add_edge(f"urn:n{i % hubs}", f"urn:n{i}", key="mentions", label="mentions")
    if n_nodes >= 8:
        g.add_edge(f"urn:n{n_nodes - 4}", f"urn:n{n_nodes - 3}", key="via", label="via")
    return g


@pytest.mark.parametrize("n_nodes", [1, 12, SPRING_MAX + 100])
def test_layout_places_every_node_apart(n_nodes: int) -> None:
    g = star_forest(n_nodes, hubs=min(5, n_nodes))
    positions = layout(g)
    assert set(positions) == set(g)
    assert len(set(positions.values())) == len(g)
    assert positions == layout(g)  # deterministic


def test_big_graphs_get_a_fixed_layout_without_physics() -> None:
    g = star_forest(PHYSICS_THRESHOLD + 1)
    net = to_network(g)
    assert net.options["physics"]["enabled"] is False
    assert to_network(star_forest(PHYSICS_THRESHOLD)).options["physics"]["enabled"] is True


def test_empty_store_draws_an_empty_page() -> None:
    page = explorer_html(Store())
    data = graph_data(page)
    assert data["nodes"] == [] and data["edges"] == []
    assert "0 nodes" in page
