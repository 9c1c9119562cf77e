"""The explorer on big stores: a cap on what one page draws, an aggregate picture of the
whole store, and focus and filters that read only the articles they concern.

A page that draws every article, figure and quote stops being usable long before the
store stops growing (25 MB of HTML at 3,000 articles, and a browser busy for minutes).
So a page draws at most ``cap`` nodes (:data:`CAP` by default):

- Asked for the whole of a store whose articles alone would pass the cap, the explorer
  draws the **aggregate**: outlets and sources as nodes, an edge per outlet and source
  weighted by the figures and quotes the outlet published from that source (through a
  relaying outlet when there is one). One aggregate query, counted by Oxigraph over its
  indexes without building the graph of claims, and counted once per version of the
  store (:data:`AGGREGATE_CACHE`); only the best-connected ``cap`` nodes are kept.
- **Focus** and **filters** on such a store read only the article graphs that name the
  focus entity (or the filter's outlet, source, event or measure), found through the
  store's object index, at most ``cap // NODES_PER_ARTICLE`` of them.
- Whatever remains above the cap is **cut** nearest first: breadth-first from the focus,
  or from the best-connected nodes, with a notice saying how many nodes were left out.
"""

from __future__ import annotations

import contextlib
import hashlib
import heapq
import json
import os
import weakref
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
from rdflib import URIRef

from newsprov.rdf.store import Store
from newsprov.viz.graph import local_name

__all__ = [
    "AGGREGATE_CACHE",
    "CAP",
    "NODES_PER_ARTICLE",
    "Scoped",
    "aggregate_graph",
    "aggregate_weights",
    "article_count",
    "cut",
    "find_entity",
    "graphs_naming",
]

CAP = 1500
"""Nodes one page draws at most: vis-network draws that many precomputed positions in
about a second (benchmarks/bench_viz.py), and the file stays a few megabytes."""
NODES_PER_ARTICLE = 8
"""About how many nodes an article brings (itself, its figures and quotes, its sources)."""

_NP = "https://newsprov.org/ontology#"
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_KIND = {
    _NP + "Outlet": "outlet",
    _NP + "Organisation": "organisation",
    _NP + "Person": "person",
    _NP + "Place": "place",
}
_KIND_NODES = tuple((ox.NamedNode(cls), kind) for cls, kind in _KIND.items())
_ARTICLES = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a a <{_NP}Article> }} }}"
_AGGREGATE = """SELECT ?publisher ?source ?via (COUNT(*) AS ?n) WHERE {
  GRAPH ?g {
    ?item np:reportedIn ?article ; prov:wasAttributedTo ?source .
    OPTIONAL { ?article schema:publisher ?publisher }
    OPTIONAL { ?item np:via ?via }
  }
} GROUP BY ?publisher ?source ?via"""
_LINKS = frozenset({"via", "relayed", "cites"})
AGGREGATE_CACHE = "newsprov-cache-aggregate.json"
"""The aggregate's counts, kept in the store folder for the published generation they
were counted on (with a digest of the query): counting them reads every figure and
quote, 17 s at 100,000 articles, and a published copy never changes, while any write
is published under a new generation, which the cache then no longer matches. Handles
that read no published copy (writers, in-memory stores) keep the counts in-process for
as long as they have not written a graph since."""
_MEMO: weakref.WeakKeyDictionary[Store, tuple[int, Counter[tuple[str, str, str]]]] = (
    weakref.WeakKeyDictionary()
)
_GRAPHS = "SELECT DISTINCT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_NAMING = "SELECT (COUNT(DISTINCT ?g) AS ?n) ?o WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?o"


def article_count(store: Store) -> int:
    """How many articles the store holds (an index count: no term is read)."""
    return int(next(iter(store.raw_query(_ARTICLES, own_text=True)))[0].value)


@dataclass(frozen=True, slots=True)
class Scoped:
    """The article graphs chosen for a focus or filter, and how many named it in all."""

    graphs: list[str]
    total: int


def graphs_naming(store: Store, iri: str, limit: int) -> Scoped:
    """Up to ``limit`` article graphs in which some triple has ``iri`` as its object."""
    term = {"o": URIRef(iri)}
    found = store.raw_query(_GRAPHS + f" LIMIT {int(limit)}", term, own_text=True)
    graphs = sorted({sol["g"].value for sol in found})
    count = store.raw_query(_NAMING, term, own_text=True)
    total = next((int(sol["n"].value) for sol in count), 0)
    return Scoped(graphs, total)


def find_entity(store: Store, text: str, base_iri: str) -> str | None:
    """The IRI ``text`` names in the store: an IRI, a key under ``base_iri``
    (``person/jane-doe``) or an exact name (``rdfs:label``); None when nothing matches."""
    iri = text if ":" in text else base_iri + text.strip("/")
    try:
        node = ox.NamedNode(iri)
    except ValueError:  # a name with spaces is no key
        node = None
    if node is not None and (_first(store, node, None, None) or _first(store, None, None, node)):
        return iri
    quad = _first(store, None, _LABEL, ox.Literal(text.strip()))
    return None if quad is None else _value(quad.subject)


def _first(store: Store, s: object, p: object, o: object) -> ox.Quad | None:
    return next(iter(store.quads_matching(s, p, o, None)), None)


def aggregate_graph(store: Store, cap: int = CAP) -> nx.MultiDiGraph:
    """Outlets and sources with the claims between them, the ``cap`` best-connected."""
    weights = aggregate_weights(store)
    degree: Counter[str] = Counter()
    for (u, v, _), n in weights.items():
        degree[u] += n
        degree[v] += n
    ranked = heapq.nsmallest(cap, degree.items(), key=lambda item: (-item[1], item[0]))
    kept = {node for node, _ in ranked}  # ties by IRI: the same however counted
    g = nx.MultiDiGraph()
    for node in sorted(kept):
        _add_entity(g, store, node, degree[node])
    drawn = sorted(item for item in weights.items() if item[0][0] in kept and item[0][1] in kept)
    for (u, v, label), n in drawn:
        g.add_edge(u, v, key=label, label=f"{label} {n:,}", weight=n)
    return g


def aggregate_weights(store: Store) -> Counter[tuple[str, str, str]]:
    """Figures and quotes per (outlet or source, source or relaying outlet, link kind),
    counted once per version of the store's data (see :data:`AGGREGATE_CACHE`)."""
    published = store.published_version
    if published is not None and store.path is not None:
        cached = _read_cache(store.path / AGGREGATE_CACHE, published)
        if cached is not None:
            return cached
    else:
        memo = _MEMO.get(store)
        if memo is not None and memo[0] == store.writes:
            return Counter(memo[1])
    weights = _count_weights(store)
    if published is not None and store.path is not None:
        _write_cache(store.path / AGGREGATE_CACHE, published, weights)
    else:
        _MEMO[store] = (store.writes, Counter(weights))
    return weights


def _count_weights(store: Store) -> Counter[tuple[str, str, str]]:
    weights: Counter[tuple[str, str, str]] = Counter()
    for sol in store.raw_query(_AGGREGATE, own_text=True):
        n = int(sol["n"].value)
        publisher, source, via = (_value(sol[k]) for k in ("publisher", "source", "via"))
        if via and via != publisher:
            weights[(via, source, "via")] += n
            if publisher:
                weights[(publisher, via, "relayed")] += n
        elif publisher:
            weights[(publisher, source, "cites")] += n
    return Counter(dict(sorted(weights.items())))  # in the order the cache keeps


def _cache_key(version: int) -> str:
    digest = hashlib.sha256(_AGGREGATE.encode("utf-8")).hexdigest()[:16]
    return f"{version}:{digest}"


def _read_cache(path: Path, version: int) -> Counter[tuple[str, str, str]] | None:
    """The weights cached at ``path`` for ``version``; None when absent, stale or bad."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != _cache_key(version):
        return None
    nodes, links = data.get("nodes"), data.get("links")
    if not (isinstance(nodes, list) and all(type(n) is str for n in nodes)):
        return None
    if not (isinstance(links, dict) and set(links) <= _LINKS):
        return None
    weights: Counter[tuple[str, str, str]] = Counter()
    for link, flat in links.items():
        if not (isinstance(flat, list) and len(flat) % 3 == 0):
            return None
        if not all(type(x) is int and x >= 0 for x in flat):
            return None
        ends, counts = flat[0::3] + flat[1::3], flat[2::3]
        if ends and max(ends) >= len(nodes):
            return None
        for u, v, n in zip(flat[0::3], flat[1::3], counts, strict=True):
            weights[(nodes[u], nodes[v], link)] = n
    return weights


def _write_cache(path: Path, version: int, weights: Counter[tuple[str, str, str]]) -> None:
    """Keep ``weights`` beside the store for ``version`` (best effort: a store folder a
    reader may not write to is simply not cached). Each IRI is written once, in
    ``nodes``; each link as three numbers: the two ends' places there and the count."""
    nodes = sorted({end for u, v, _ in weights for end in (u, v)})
    index = {node: i for i, node in enumerate(nodes)}
    links: dict[str, list[int]] = {}
    for (u, v, link), n in sorted(weights.items()):
        links.setdefault(link, []).extend((index[u], index[v], n))
    data = {"key": _cache_key(version), "nodes": nodes, "links": links}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)  # readers see the old cache or the new one
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _value(term: object) -> str:
    return "" if term is None else str(getattr(term, "value", term))


def _add_entity(g: nx.MultiDiGraph, store: Store, iri: str, claims: int) -> None:
    node = ox.NamedNode(iri)
    # One look-up per kind: an outlet is typed again in each of its articles' graphs.
    kind = next((k for cls, k in _KIND_NODES if _first(store, node, _TYPE, cls)), "entity")
    label_quad = _first(store, node, _LABEL, None)
    label = local_name(iri) if label_quad is None else _value(label_quad.object)
    short = label if len(label) <= 40 else label[:39].rstrip() + "…"
    lines = [f"{kind}: {label}", f"figures and quotes: {claims:,}"]
    g.add_node(iri, kind=kind, label=short, name=label, lines=lines, evidence=[])


def cut(view: nx.MultiDiGraph, cap: int, focus: str | None) -> tuple[nx.MultiDiGraph, int]:
    """``view`` with at most ``cap`` nodes, nearest first; and how many were left out.

    Breadth-first (edges either way) from ``focus``, or else from the best-connected
    nodes in turn, so what is drawn stays connected around its centres."""
    n = view.number_of_nodes()
    if n <= cap:
        return view, 0
    undirected = view.to_undirected(as_view=True)
    seeds = [focus] if focus is not None and focus in view else []
    seeds += sorted(view, key=lambda node: (-view.degree(node), str(node)))
    kept = _breadth_first(undirected, seeds, cap)
    return view.subgraph(kept).copy(), n - len(kept)


def _breadth_first(g: nx.Graph, seeds: Iterable[str], cap: int) -> list[str]:
    kept: dict[str, None] = {}
    for seed in seeds:
        if seed in kept:
            continue
        queue = deque([seed])
        kept[seed] = None
        while queue and len(kept) < cap:
            for near in sorted(g[queue.popleft()], key=str):
                if near not in kept and len(kept) < cap:
                    kept[near] = None
                    queue.append(near)
        if len(kept) >= cap:
            break
    return list(kept)
