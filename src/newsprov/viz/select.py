"""Narrowing the explorer graph: filters by event, outlet, source and measure, and focus.

A filter keeps the figures and quotes ("claims") that pass it with their immediate
neighbours (article, sources, outlets, places). When only event and outlet filters are
set, matching articles are kept too, with their publishers and mentions, so an event
without any figure still shows its coverage. Focus then keeps the nodes within ``hops``
steps of one entity, ignoring edge direction.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from newsprov.viz.graph import CLAIM_KINDS, local_name

__all__ = [
    "Filters",
    "FocusError",
    "apply_filters",
    "filter_choices",
    "filter_data",
    "focus_on",
    "resolve_focus",
]

_MEASURE_NS = "https://newsprov.org/measure/"


class FocusError(LookupError):
    """The focus entity is not in the (filtered) graph."""


@dataclass(frozen=True, slots=True)
class Filters:
    """Which part of the graph to show; None means "any".

    Each value is an IRI; :meth:`resolved` also accepts keys relative to the base IRI
    (``event/flood-2025``, ``outlet/associated-press``, ``person/jane-doe``) and measure
    local names (``deaths``).
    """

    event: str | None = None
    outlet: str | None = None
    source: str | None = None
    measure: str | None = None

    @property
    def active(self) -> bool:
        return any((self.event, self.outlet, self.source, self.measure))

    def resolved(self, base_iri: str) -> Filters:
        """The same filters with keys and local names turned into IRIs."""

        def iri(value: str | None, namespace: str, folder: str = "") -> str | None:
            if value is None or ":" in value:
                return value
            if folder and not value.startswith(folder):
                value = folder + value
            return namespace + value

        return replace(
            self,
            event=iri(self.event, base_iri, "event/"),
            outlet=iri(self.outlet, base_iri, "outlet/"),
            source=iri(self.source, base_iri),
            measure=iri(self.measure, _MEASURE_NS),
        )


def _article(g: nx.MultiDiGraph, claim: dict[str, Any]) -> dict[str, Any]:
    return g.nodes[claim["article"]] if claim["article"] in g else {}


def _published_by(article: dict[str, Any], outlet: str) -> bool:
    return outlet == article.get("publisher") or outlet in article.get("wires", ())


def _article_passes(article: dict[str, Any], f: Filters) -> bool:
    if f.event and f.event not in article.get("events", {}):
        return False
    return not f.outlet or _published_by(article, f.outlet)


def _claim_passes(g: nx.MultiDiGraph, claim: dict[str, Any], f: Filters) -> bool:
    if f.measure and claim.get("measure") != f.measure:
        return False
    if f.source and f.source not in claim["sources"]:
        return False
    article = _article(g, claim)
    if f.event and f.event not in article.get("events", {}):
        return False
    return not f.outlet or f.outlet in claim["vias"] or _published_by(article, f.outlet)


def apply_filters(g: nx.MultiDiGraph, f: Filters) -> nx.MultiDiGraph:
    """The part of ``g`` that ``f`` selects (``g`` itself when no filter is set)."""
    if not f.active:
        return g
    keep: set[str] = set()
    for node, data in g.nodes(data=True):
        if data["kind"] in CLAIM_KINDS and _claim_passes(g, data, f):
            keep.add(node)  # with its article and agents, not the claims it conflicts with
            keep.update(
                n for n in nx.all_neighbors(g, node) if g.nodes[n]["kind"] not in CLAIM_KINDS
            )
        elif data["kind"] == "article" and not (f.source or f.measure) and _article_passes(data, f):
            keep.add(node)
            keep.update(
                n for n in nx.all_neighbors(g, node) if g.nodes[n]["kind"] not in CLAIM_KINDS
            )
    for node in list(keep):  # kept articles bring their publisher along
        publisher = g.nodes[node].get("publisher") if g.nodes[node]["kind"] == "article" else None
        if isinstance(publisher, str) and publisher in g:
            keep.add(publisher)
    return g.subgraph(keep).copy()


def focus_on(g: nx.MultiDiGraph, focus: str, hops: int) -> nx.MultiDiGraph:
    """Nodes within ``hops`` undirected steps of ``focus``; FocusError when it is absent."""
    if focus not in g:
        raise FocusError(f"{focus} is not in the graph (or is hidden by the filters)")
    near = nx.ego_graph(g.to_undirected(as_view=True), focus, radius=hops)
    return g.subgraph(near.nodes).copy()


def filter_choices(g: nx.MultiDiGraph) -> dict[str, list[tuple[str, str]]]:
    """Values the filter controls offer, as sorted (IRI, label) pairs per filter."""
    events: dict[str, str] = {}
    outlets: dict[str, str] = {}
    sources: dict[str, str] = {}
    measures: dict[str, str] = {}
    for node, data in g.nodes(data=True):
        kind = data["kind"]
        if kind == "article":
            events.update(data.get("events", {}))
        elif kind == "outlet":
            outlets[node] = data["label"]
        if kind in CLAIM_KINDS:
            sources.update((s, g.nodes[s]["label"]) for s in data["sources"])
            if data.get("measure"):
                measures[data["measure"]] = local_name(data["measure"])
    return {
        name: sorted(d.items(), key=lambda kv: (kv[1].lower(), kv[0]))
        for name, d in (
            ("event", events),
            ("outlet", outlets),
            ("source", sources),
            ("measure", measures),
        )
    }


def resolve_focus(g: nx.MultiDiGraph, focus: str, base_iri: str) -> str:
    """The node ``focus`` names: an IRI, a key relative to ``base_iri`` (``person/jane-doe``)
    or a name, matched without regard to case, whole names before parts of names.

    Returns ``focus`` as an IRI when nothing matches, so focus_on reports it missing."""
    if focus in g:
        return focus
    if ":" not in focus and base_iri + focus in g:
        return base_iri + focus
    wanted = focus.casefold().strip()
    named = sorted(
        (str(d.get("name") or d["label"]).casefold(), n)
        for n, d in g.nodes(data=True)
        if d["kind"] not in CLAIM_KINDS
    )
    for test in (str.__eq__, str.__contains__):
        for name, node in named:
            if wanted and test(name, wanted):
                return node
    return focus if ":" in focus else base_iri + focus


def filter_data(g: nx.MultiDiGraph) -> dict[str, dict[str, dict[str, Any]]]:
    """What the standalone page needs to filter in the browser as :func:`apply_filters`
    does: per claim its article, measure, sources and vias; per article its events,
    publisher and wires."""
    claims, articles = {}, {}
    for node, d in g.nodes(data=True):
        if d["kind"] in CLAIM_KINDS:
            claims[node] = {
                "article": d["article"],
                "measure": d.get("measure"),
                "sources": sorted(d["sources"]),
                "vias": sorted(d["vias"]),
            }
        elif d["kind"] == "article":
            articles[node] = {
                "events": sorted(d.get("events", {})),
                "publisher": d.get("publisher"),
                "wires": sorted(d.get("wires", ())),
            }
    return {"claims": claims, "articles": articles}
