"""Graphs for other tools: GEXF (Gephi) and GraphML (Gephi, Cytoscape, yEd) via networkx.

Both formats take only scalar attributes, so set-valued ones (a node's ``roles``, an
edge's ``kinds``) are written as sorted, comma-separated text, and anything else that is
not a number, string or boolean as its text.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from newsprov.errors import NewsprovError

__all__ = ["GRAPH_FORMATS", "scalar_graph", "write_graph"]

GRAPH_FORMATS = ("gexf", "graphml")


def _scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, set | frozenset | list | tuple):
        return ",".join(sorted(str(v) for v in value))
    return "" if value is None else str(value)


def _attrs(data: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _scalar(value) for key, value in data.items() if value is not None}


def scalar_graph(g: nx.Graph) -> nx.Graph:
    """A copy of ``g`` whose node and edge attributes are all scalars; nodes gain a
    ``label`` (their name) when they have none."""
    out = g.__class__()
    for node, data in g.nodes(data=True):
        attrs = _attrs(data)
        attrs.setdefault("label", str(node))
        out.add_node(node, **attrs)
    if g.is_multigraph():
        for u, v, key, data in g.edges(keys=True, data=True):
            out.add_edge(u, v, key=key, **_attrs(data))
    else:
        for u, v, data in g.edges(data=True):
            out.add_edge(u, v, **_attrs(data))
    return out


def write_graph(g: nx.Graph, out: Path, fmt: str) -> Path:
    """Write ``g`` to ``out`` as ``fmt`` (gexf or graphml) and return the path."""
    if fmt not in GRAPH_FORMATS:
        raise NewsprovError(f"unknown graph format {fmt!r}; choose from {', '.join(GRAPH_FORMATS)}")
    flat = scalar_graph(g)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "gexf":
        nx.write_gexf(flat, out)
    else:
        nx.write_graphml(flat, out)
    return out
