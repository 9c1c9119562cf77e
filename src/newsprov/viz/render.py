"""From the explorer's networkx graph to pyvis/vis-network node and edge records.

Each node kind has one colour and one shape; conflicting figures are red with a thick
dark border. Positions are computed here with networkx and handed to vis-network as
x/y (see :mod:`newsprov.viz.layout`), so big graphs need no in-browser simulation:
above :data:`PHYSICS_THRESHOLD` nodes, physics is switched off and the precomputed
layout is final.

Node and edge lists are built directly instead of through ``Network.add_node``, whose
duplicate check makes building n nodes O(n²) (4.6 s for 10k nodes).
"""

from __future__ import annotations

import html
from typing import Any

import networkx as nx
from pyvis.network import Network

from newsprov.viz.graph import evidence_of
from newsprov.viz.layout import layout

__all__ = [
    "CONFLICT_COLOR",
    "CONFLICT_LINK",
    "PHYSICS_THRESHOLD",
    "STYLES",
    "to_network",
    "tooltip",
]

# Measured with benchmarks/bench_viz.py --browser (headless Chromium, vis-network 9.1.2):
# stabilising with physics on took 0.5 s at 115 nodes, 1.0 s at 309, 4.8 s at 984 and
# 20.6 s at 4,847 (the page is frozen meanwhile); precomputed positions with physics off
# drew the same graphs in 0.14 / 0.21 / 0.48 / 1.17 s. Up to this many nodes physics
# tidies the picture in about a second; above it the networkx layout is final.
PHYSICS_THRESHOLD = 300
_MAX_EVIDENCE = 5

STYLES: dict[str, dict[str, str]] = {
    "article": {"color": "#4e79a7", "shape": "box"},
    "outlet": {"color": "#f28e2b", "shape": "diamond"},
    "person": {"color": "#59a14f", "shape": "dot"},
    "organisation": {"color": "#76b7b2", "shape": "square"},
    "place": {"color": "#edc948", "shape": "triangle"},
    "figure": {"color": "#b07aa1", "shape": "ellipse"},
    "quote": {"color": "#9c755f", "shape": "hexagon"},
    "entity": {"color": "#bab0ac", "shape": "dot"},
}
"""Colour and vis-network shape per node kind (also drawn in the legend)."""
CONFLICT_COLOR = {"background": "#e15759", "border": "#7a0000"}
CONFLICT_LINK = "#d62728"
"""Colour of the edge between two figures that disagree."""
_TEXT_INSIDE = {"box", "ellipse"}  # shapes that draw their label inside themselves


def tooltip(g: nx.MultiDiGraph, node: str) -> str:
    """The hover text of ``node``: details and evidence sentences, HTML-escaped.

    Escaped because pyvis and older vis-network versions put titles into the page as
    HTML; the explorer page turns it back into plain text nodes (never innerHTML).
    """
    lines = list(g.nodes[node]["lines"])
    evidence = evidence_of(g, node)
    if evidence:
        lines += ["", "Evidence:"] + [f"“{s}”" for s in evidence[:_MAX_EVIDENCE]]
        if len(evidence) > _MAX_EVIDENCE:
            lines.append(f"(+{len(evidence) - _MAX_EVIDENCE} more)")
    return html.escape("\n".join(lines))


def _node_record(
    g: nx.MultiDiGraph, node: str, xy: tuple[float, float], focus: str | None
) -> dict[str, Any]:
    data = g.nodes[node]
    style = STYLES.get(data["kind"], STYLES["entity"])
    record: dict[str, Any] = {
        "id": node,
        "label": data["label"],
        "name": data.get("name") or data["label"],
        "title": tooltip(g, node),
        "kind": data["kind"],
        "shape": style["shape"],
        "color": style["color"],
        "x": xy[0],
        "y": xy[1],
        "borderWidth": 1,
        "conflict": bool(data.get("conflict")),
    }
    if style["shape"] in _TEXT_INSIDE:
        record["font"] = {"color": "#ffffff"}
    if record["conflict"]:
        record.update(color=dict(CONFLICT_COLOR), borderWidth=4)
    if node == focus:
        record.update(borderWidth=5, size=30)
        record["font"] = {**record.get("font", {}), "size": 18, "bold": True}
    return record


def _edge_record(u: str, v: str, data: dict[str, Any]) -> dict[str, Any]:
    label = str(data.get("label", ""))
    record: dict[str, Any] = {
        "from": u,
        "to": v,
        "label": label,
        "title": html.escape(label),
        "arrows": "to",
    }
    if data.get("conflict"):  # two figures that disagree: a thick red link, both ways
        record.update(
            color={"color": CONFLICT_LINK, "highlight": CONFLICT_LINK},
            width=3,
            arrows="",
            dashes=False,
            font={"color": CONFLICT_LINK},
        )
    return record


def _options(n: int, physics: bool) -> dict[str, Any]:
    return {
        "physics": {
            "enabled": physics,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -60,
                "springLength": 140,
                "avoidOverlap": 0.4,
            },
            "stabilization": {"enabled": physics, "iterations": 200, "fit": True},
        },
        "layout": {"improvedLayout": False},  # positions come from networkx
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "hideEdgesOnDrag": n > 1000,
            "navigationButtons": False,
            "keyboard": True,
        },
        "edges": {
            "smooth": False,
            "color": {"color": "#9aa5b1", "highlight": "#2b3a55"},
            "font": {"size": 9, "align": "middle", "color": "#555555"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        },
        "nodes": {"font": {"size": 12}, "size": 16},
    }


def to_network(
    g: nx.MultiDiGraph, *, focus: str | None = None, physics: bool | None = None
) -> Network:
    """A pyvis Network holding ``g``'s nodes (with positions) and labelled edges.

    ``physics`` None means: on up to PHYSICS_THRESHOLD nodes, off above.
    """
    n = g.number_of_nodes()
    physics = n <= PHYSICS_THRESHOLD if physics is None else physics
    positions = layout(g)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.nodes = [_node_record(g, node, positions[node], focus) for node in g.nodes]
    net.edges = [_edge_record(u, v, data) for u, v, data in g.edges(data=True)]
    net.node_ids = [record["id"] for record in net.nodes]
    net.node_map = {record["id"]: record for record in net.nodes}
    net.options = _options(n, physics)
    return net
