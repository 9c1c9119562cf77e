"""The citation network: which outlets relay which sources, through which wires.

Built from the rows of the canned ``outlets-citing-source`` query (source, outlet, via,
count). Nodes are canonical names with a ``roles`` attribute (``outlet``, ``via``,
``source``; one node can play several roles: AP publishes and relays). Edges point the
way a citation is read, publisher -> via -> source, weighted by the figures and quotes
relayed; without a via the edge is publisher -> source.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx
from rdflib.term import Node

from newsprov.query import run
from newsprov.rdf.store import Rows, Store

__all__ = [
    "UNKNOWN_OUTLET",
    "Centrality",
    "ChainCount",
    "centrality",
    "citation_network",
    "corroboration_independence",
    "network_from_store",
    "single_wire_sources",
]

UNKNOWN_OUTLET = "(unknown outlet)"
Row = Mapping[str, Node | str | int | None]

_CORROBORATIONS = """
PREFIX np:   <https://newsprov.org/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?verdict ?comment ?chains ?figure ?source ?via ?outlet WHERE {
  ?verdict a np:Corroboration ; np:verdictNote ?comment ; np:independentChains ?chains ;
      np:verdictFigure ?figure .
  ?figure np:reportedIn ?article .
  OPTIONAL { ?figure prov:wasAttributedTo/np:canonical/skos:prefLabel ?source }
  OPTIONAL { ?figure np:via/np:canonical/skos:prefLabel ?via }
  OPTIONAL { ?article schema:publisher/np:canonical/skos:prefLabel ?outlet }
}
ORDER BY ?verdict ?figure
"""


def _text(value: object) -> str | None:
    return None if value is None or str(value) == "" else str(value)


def _bump(g: nx.DiGraph, a: str, b: str, weight: int, kind: str) -> None:
    """Add ``weight`` to edge a -> b; ``kinds`` records how it was used (direct, relay, via)."""
    if g.has_edge(a, b):
        g[a][b]["weight"] += weight
        g[a][b]["kinds"].add(kind)
    else:
        g.add_edge(a, b, weight=weight, kinds={kind})


def _role(g: nx.DiGraph, node: str, role: str) -> None:
    if node not in g:
        g.add_node(node, roles=set())
    g.nodes[node]["roles"].add(role)


def citation_network(rows: Rows | Iterable[Row]) -> nx.DiGraph:
    """Outlet -> via -> source graph from ``outlets-citing-source`` rows."""
    g = nx.DiGraph()
    dicts = rows.dicts() if isinstance(rows, Rows) else rows
    for row in dicts:
        source = _text(row.get("source"))
        if source is None:
            continue
        outlet = _text(row.get("outlet")) or UNKNOWN_OUTLET
        via = _text(row.get("via"))
        weight = int(str(row.get("count") or 1))
        _role(g, outlet, "outlet")
        _role(g, source, "source")
        if via and via != outlet:
            _role(g, via, "via")
            _bump(g, outlet, via, weight, "relay")
            _bump(g, via, source, weight, "via")
        else:
            _bump(g, outlet, source, weight, "direct")
    return g


def network_from_store(store: Store) -> nx.DiGraph:
    """The citation network of everything in ``store``."""
    return citation_network(run(store, "outlets-citing-source"))


@dataclass(frozen=True, slots=True)
class Centrality:
    """How central a node is: degree centrality (in + out) and weighted PageRank."""

    node: str
    degree: float
    pagerank: float
    roles: tuple[str, ...]


def centrality(g: nx.DiGraph) -> list[Centrality]:
    """Every node's centrality, most central (by PageRank) first."""
    if g.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(g)
    rank = nx.pagerank(g, weight="weight")
    out = [
        Centrality(n, degree[n], rank[n], tuple(sorted(g.nodes[n].get("roles", ()))))
        for n in g.nodes
    ]
    return sorted(out, key=lambda c: (-c.pagerank, c.node))


def single_wire_sources(g: nx.DiGraph) -> dict[str, str]:
    """Sources whose every citation passes through one and the same via outlet.

    Such a source is only *seen* through that wire: every outlet repeating it depends on
    the wire's reporting, however many outlets there are. Returns source -> via.
    """
    found: dict[str, str] = {}
    for node, data in g.nodes(data=True):
        if "source" not in data.get("roles", ()):
            continue
        edges = [(p, g[p][node]["kinds"]) for p in g.predecessors(node)]
        if len(edges) == 1 and edges[0][1] == {"via"}:
            found[node] = edges[0][0]
    return dict(sorted(found.items()))


@dataclass(frozen=True, slots=True)
class ChainCount:
    """A corroboration verdict and the independent reporting chains behind it."""

    verdict: str
    comment: str
    chains: int  # as stored by the cross-reference (wire copy counted once)
    origins: tuple[str, ...]  # source, else via, else publisher, of each compared figure


def corroboration_independence(store: Store) -> list[ChainCount]:
    """Per corroboration verdict, how many independent chains agree, and which."""
    origins: dict[str, set[str]] = {}
    meta: dict[str, tuple[str, int]] = {}
    for row in store.select(_CORROBORATIONS).dicts():
        verdict = str(row["verdict"])
        meta[verdict] = (str(row["comment"]), int(str(row["chains"])))
        origin = _text(row["source"]) or _text(row["via"]) or _text(row["outlet"])
        origins.setdefault(verdict, set()).add(origin or UNKNOWN_OUTLET)
    return [
        ChainCount(v, meta[v][0], meta[v][1], tuple(sorted(origins[v])))
        for v in sorted(meta, key=lambda v: (-meta[v][1], v))
    ]
