"""Cross-referencing the store: derived graphs kept up to date, event by event.

The result of :func:`~newsprov.analysis.core.crossref` is stored, so queries read
verdicts instead of joining figures at query time:

- ``{base}graph/crossref`` — **entity clusters**: ``?member np:canonical ?canonical`` for
  every entity, ``owl:sameAs`` from the other members, ``skos:prefLabel`` and every alias
  as ``skos:altLabel`` on the canonical one;
- ``{base}graph/crossref/event/{digest}`` — one graph per **event**: the ``np:Event`` node
  with its articles, the event's ``np:Claim`` rows (derived totals included) and its
  ``np:Corroboration`` / ``np:Conflict`` / ``np:Revision`` verdicts.

:func:`update` (run by every ingest) regroups the whole store from its cheap rows
(which articles exist, and the index each event graph stores for its articles; only the
articles the ingest wrote are read from their own graphs), then recomputes only the
events that contain a new or changed article or whose grouping changed (each event graph
stores a signature of what it was computed from); :func:`refresh` (``newsprov crossref``)
recomputes every event and rewrites those whose result changed. New graphs replace old
ones in one transaction per batch of events (an ingest's update is one batch), written
only after they are fully built, so an interrupted run leaves every event with either its
previous result or its new one, never a half-written or missing graph; the signatures let
the next run finish the rest. The result never depends on the order articles arrived in.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from newsprov.analysis._load import GraphRows, derived, load_figures, load_index, load_state
from newsprov.analysis.core import EventResult, Grouping, compare_event, group
from newsprov.analysis.records import EventGroup, FigureRecord
from newsprov.rdf.crossref_mapping import (
    CROSSREF_GRAPH,
    Triples,
    crossref_graph_iri,
    event_graph_iri,
)
from newsprov.rdf.guard import vetted
from newsprov.rdf.iris import graph_iri
from newsprov.rdf.mapping import clusters_graph, event_graph
from newsprov.rdf.store import Store

__all__ = [
    "CROSSREF_GRAPH",
    "CrossrefSummary",
    "crossref_graph_iri",
    "derived_graphs",
    "refresh",
    "update",
]

_COUNTS = vetted("""
PREFIX np: <https://newsprov.org/ontology#>
SELECT ?class (COUNT(?v) AS ?n) WHERE {
  VALUES ?class { np:Corroboration np:Conflict np:Revision }
  ?v a ?class
} GROUP BY ?class""")
_WHOLE_READ = 0.5  # recomputing more than this share of articles reads figures in one pass
BATCH_ARTICLES = 2000
"""Events recomputed together are swapped in per batch of about this many articles: an
ingest's update is one batch, one transaction; a full recompute of a large store is several,
each replacing whole event graphs, so memory stays bounded."""


@dataclass(frozen=True, slots=True)
class CrossrefSummary:
    """What one run found (verdict counts are the whole store's, after the run)."""

    graph: str
    articles: int
    entities: int
    merged_clusters: int  # clusters with two or more member IRIs
    events: int
    recomputed: int  # events whose claims and verdicts were computed in this run
    claims: int  # claims of the recomputed events (derived totals included)
    corroborations: int
    conflicts: int
    revisions: int
    triples: int  # triples written
    seconds: float
    stages: tuple[tuple[str, float], ...] = ()  # seconds per stage: load, group, ...


class _Stopwatch:
    """Seconds spent in each named stage, for the summary (and the benchmark)."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.stages: list[tuple[str, float]] = []

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stages.append((name, now - self.last))
        self.last = now


def _to_redo(
    g: Grouping, state: dict[str, tuple[str, str]], touched: set[str] | None, base: str
) -> list[EventGroup]:
    """Events to recompute: all (``touched`` None), else new, changed or touched ones."""
    if touched is None:
        return list(g.events)
    redo = []
    for ev in g.events:
        node, signature = state.get(event_graph_iri(ev.iri, base), ("", ""))
        same = node == ev.iri and signature.split(":")[0] == g.signature(ev)
        if not same or touched.intersection(ev.articles):
            redo.append(ev)
    return redo


def _figures_for(
    store: Store,
    g: Grouping,
    events: Sequence[EventGroup],
    base: str,
    given: Mapping[str, GraphRows] | None,
) -> list[FigureRecord]:
    prefix = crossref_graph_iri(base)
    articles = [a for ev in events for a in ev.articles]
    if len(articles) > _WHOLE_READ * max(len(g.articles), 1):
        return load_figures(store, prefix, given=given)
    graphs = (graph_iri(g.articles[a].article_id, base) for a in articles)
    return load_figures(store, prefix, graphs, given)


def _counts(store: Store) -> dict[str, int]:
    return {
        str(r["class"]).rsplit("#", 1)[-1]: int(str(r["n"])) for r in store.select(_COUNTS).dicts()
    }


def _batches(events: Sequence[EventGroup], size: int) -> Iterator[list[EventGroup]]:
    """Events in batches of about ``size`` articles (at least one event each)."""
    batch: list[EventGroup] = []
    count = 0
    for ev in events:
        if batch and count + len(ev.articles) > size:
            yield batch
            batch, count = [], 0
        batch.append(ev)
        count += len(ev.articles)
    yield batch


def _run(
    store: Store,
    base: str,
    touched: set[str] | None,
    given: Mapping[str, GraphRows] | None = None,
) -> CrossrefSummary:
    watch = _Stopwatch()
    prefix = crossref_graph_iri(base)
    articles, entities = load_index(store, prefix, touched, given)
    state = load_state(store, prefix)
    watch.lap("load")
    g = group(articles, entities, base)
    redo = _to_redo(g, state, touched, base)
    watch.lap("group")
    by_article: dict[str, list[FigureRecord]] = {}
    for fig in _figures_for(store, g, redo, base, given):
        by_article.setdefault(fig.article, []).append(fig)
    watch.lap("figures")
    swap = _Swap(store, g, state, base, full=touched is None)
    claims = 0
    for batch in _batches(redo, BATCH_ARTICLES):
        results = [
            compare_event(g, ev, (f for a in ev.articles for f in by_article.get(a, ())), base)
            for ev in batch
        ]
        claims += sum(len(r.claims) for r in results)
        swap.write(results)
    swap.finish()
    watch.lap("verdicts+write")
    counts = _counts(store)
    watch.lap("count")
    return CrossrefSummary(
        graph=prefix,
        articles=len(articles),
        entities=len(entities),
        merged_clusters=sum(1 for cl in g.clusters if len(cl.members) > 1),
        events=len(g.events),
        recomputed=len(redo),
        claims=claims,
        corroborations=counts.get("Corroboration", 0),
        conflicts=counts.get("Conflict", 0),
        revisions=counts.get("Revision", 0),
        triples=swap.triples,
        seconds=time.perf_counter() - watch.started,
        stages=tuple(watch.stages),
    )


class _Swap:
    """Writes new event graphs (and the clusters), dropping stale graphs with the last
    batch; an event whose stored signature (grouping and figures) is unchanged is kept."""

    def __init__(
        self,
        store: Store,
        g: Grouping,
        state: dict[str, tuple[str, str]],
        base: str,
        *,
        full: bool,
    ) -> None:
        self.store, self.g, self.state, self.base = store, g, state, base
        prefix = crossref_graph_iri(base)
        wanted = {event_graph_iri(ev.iri, base) for ev in g.events} | {prefix}
        self.drop = [graph for graph in state if graph not in wanted]
        if full:
            self.drop += [x for x in store.graphs() if derived(x, prefix) and x not in wanted]
        if not g.clusters:
            self.drop.append(prefix)
        self.signature = g.cluster_signature()
        self.clusters = bool(g.clusters) and state.get(prefix, ("", ""))[1] != self.signature
        self.pending: list[EventResult] = []
        self.triples = 0

    def write(self, results: Sequence[EventResult]) -> None:
        """Swap in the previous batch (one transaction), keep this one for the next call:
        the last batch goes with the drops."""
        if self.pending:
            self._swap([])
        self.pending = [
            r
            for r in results
            if self.state.get(event_graph_iri(r.event.iri, self.base)) != (r.event.iri, r.signature)
        ]

    def finish(self) -> None:
        """Swap in the last batch and drop the stale graphs, in one transaction."""
        if self.pending or self.drop or self.clusters:
            self._swap(self.drop)

    def _swap(self, drop: list[str]) -> None:
        prefix = crossref_graph_iri(self.base)
        results, clusters = self.pending, self.clusters
        self.pending, self.clusters = [], False

        def graphs() -> Iterator[tuple[str, Triples]]:
            if clusters:
                yield prefix, clusters_graph(self.g.clusters, prefix, self.signature)
            for r in results:
                iri = event_graph_iri(r.event.iri, self.base)
                yield iri, event_graph(r, self.g, r.signature, self.base)

        self.triples += self.store.swap_graphs(drop, graphs())


def derived_graphs(store: Store, base_iri: str) -> list[str]:
    """IRIs of every stored cross-reference graph (clusters first, then events)."""
    prefix = crossref_graph_iri(base_iri)
    return [graph for graph in store.graphs() if derived(graph, prefix)]


def refresh(store: Store, base_iri: str) -> CrossrefSummary:
    """Recompute every event's claims and verdicts, and the clusters, and store them."""
    return _run(store, base_iri, None)


def update(
    store: Store,
    base_iri: str,
    articles: Iterable[str],
    given: Mapping[str, GraphRows] | None = None,
) -> CrossrefSummary:
    """Recompute what the articles ``articles`` (IRIs, new or re-ingested) touch: their
    events, and any event whose grouping changed; keep every other stored event.

    ``given``: the input rows of graphs just written, as stored (graph IRI ->
    :func:`~newsprov.analysis._load.graph_rows`), so they need not be read back."""
    return _run(store, base_iri, set(articles), given)
