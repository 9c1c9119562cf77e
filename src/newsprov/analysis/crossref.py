"""One graph across outlets: entity clusters, events and figure verdicts.

:func:`refresh` reads the whole store (every article graph), and replaces the derived
named graph ``{base}graph/crossref`` with:

- **entity clusters** — ``?member np:canonical ?canonical`` for every entity,
  ``owl:sameAs`` from the other members, ``skos:prefLabel`` and every alias as
  ``skos:altLabel`` on the canonical one (:mod:`newsprov.analysis.clusters`);
- **events** — ``np:Event`` nodes with ``rdfs:label``, ``np:eventOf`` and ``np:event``
  links, found from shared entities and dates, respecting event names given at ingest
  (:mod:`newsprov.analysis.events`);
- **verdicts** — ``np:Corroboration``, ``np:Conflict`` and ``np:Revision`` nodes comparing
  the figures of one event, measure and population (:mod:`newsprov.analysis.verdicts`),
  plus ``np:DerivedTotal`` nodes summing a source's breakdown.

The result depends only on the store's content, never on the order articles arrived in.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, replace

from newsprov.analysis import _emit
from newsprov.analysis._load import RawArticle, StoreData, load
from newsprov.analysis.claims import build_claims
from newsprov.analysis.clusters import Cluster, EntityRecord, cluster_entities
from newsprov.analysis.descriptions import resolve_descriptions
from newsprov.analysis.events import group_events
from newsprov.analysis.records import ArticleRecord, EventGroup, FigureRecord, parse_date
from newsprov.analysis.verdicts import find_verdicts
from newsprov.rdf.store import Store

__all__ = ["CROSSREF_GRAPH", "CrossrefSummary", "crossref_graph_iri", "refresh"]

CROSSREF_GRAPH = "graph/crossref"
"""Path of the derived graph under the base IRI."""

_FEATURE_TYPES = frozenset({"Person", "Organisation", "Place"})


def crossref_graph_iri(base_iri: str) -> str:
    """``{base}graph/crossref``: the named graph :func:`refresh` writes."""
    base = base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"
    return base + CROSSREF_GRAPH


@dataclass(frozen=True, slots=True)
class CrossrefSummary:
    """What one :func:`refresh` found."""

    graph: str
    articles: int
    entities: int
    merged_clusters: int  # clusters with two or more member IRIs
    events: int
    claims: int  # independent claims compared (derived totals included)
    corroborations: int
    conflicts: int
    revisions: int
    triples: int
    seconds: float
    stages: tuple[tuple[str, float], ...] = ()  # seconds per stage: load, clusters+events, ...


def _canonical_map(clusters: list[Cluster]) -> dict[str, str]:
    return {m: cl.canonical for cl in clusters for m in cl.members}


def _article_records(
    data: StoreData, canon: Mapping[str, str], entities: Mapping[str, EntityRecord]
) -> list[ArticleRecord]:
    measures: dict[str, set[str]] = {}
    for fig in data.figures:
        if fig.measure:
            measures.setdefault(fig.article, set()).add(fig.measure)
    return [
        _article(raw, canon, entities, frozenset(measures.get(raw.iri, ())))
        for raw in sorted(data.articles.values(), key=lambda a: a.iri)
    ]


def _article(
    raw: RawArticle,
    canon: Mapping[str, str],
    entities: Mapping[str, EntityRecord],
    measures: frozenset[str],
) -> ArticleRecord:
    named = [
        e
        for e in raw.mentions
        if e in entities and entities[e].type in _FEATURE_TYPES and not entities[e].anonymous
    ]
    places = frozenset(canon.get(e, e) for e in named if entities[e].type == "Place")
    return ArticleRecord(
        iri=raw.iri,
        article_id=raw.article_id,
        date=parse_date(raw.date),
        publisher=canon.get(raw.publisher, raw.publisher) if raw.publisher else None,
        wires=frozenset(canon.get(w, w) for w in raw.wires),
        user_event=raw.event,
        user_event_label=raw.event_label,
        entities=frozenset(canon.get(e, e) for e in named),
        places=places,
        measures=measures,
    )


def _canonical_figure(
    fig: FigureRecord, canon: Mapping[str, str], entities: Mapping[str, EntityRecord]
) -> FigureRecord:
    """``fig`` with canonical source and via IRIs.

    An unnamed person is a source of its own in each article ("a resident"): its chain
    is made article-local, whatever IRI the NLP gave it.
    """
    via = canon.get(fig.via, fig.via) if fig.via else None
    source = canon.get(fig.source, fig.source) if fig.source else None
    ent = entities.get(fig.source or "")
    if source and ent is not None and ent.anonymous and ent.type == "Person":
        return replace(
            fig,
            source=source,
            via=via,
            source_chain=f"{source}@{fig.article}",
            source_label=ent.label,
        )
    return replace(fig, source=source, via=via)


class _Stopwatch:
    """Seconds spent in each named stage, for the summary (and the benchmark)."""

    def __init__(self) -> None:
        self.started = self.last = time.perf_counter()
        self.stages: list[tuple[str, float]] = []

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.stages.append((name, now - self.last))
        self.last = now


def _entities_and_events(
    data: StoreData, base_iri: str
) -> tuple[list[Cluster], list[ArticleRecord], list[EventGroup]]:
    """Clusters (unnamed organisations resolved within their event), articles, events."""
    clusters = cluster_entities(data.entities)
    canon = _canonical_map(clusters)
    entities = {e.iri: e for e in data.entities}
    labels = {cl.canonical: cl.label for cl in clusters}
    articles = _article_records(data, canon, entities)
    places = {iri: labels[iri] for iri in _place_iris(clusters, entities)}
    events = group_events(articles, places, base_iri)
    event_of = {a: ev.iri for ev in events for a in ev.articles}
    return resolve_descriptions(clusters, entities, event_of), articles, events


def refresh(store: Store, base_iri: str) -> CrossrefSummary:
    """Recompute the cross-reference graph over the whole store and replace it."""
    watch = _Stopwatch()
    graph_iri = crossref_graph_iri(base_iri)
    data = load(store, graph_iri)
    watch.lap("load")
    clusters, articles, events = _entities_and_events(data, base_iri)
    watch.lap("clusters+events")
    canon = _canonical_map(clusters)
    entities = {e.iri: e for e in data.entities}
    figures = [_canonical_figure(f, canon, entities) for f in data.figures]
    claims = build_claims(
        figures,
        {a.iri: a for a in articles},
        {a: ev.iri for ev in events for a in ev.articles},
        {cl.canonical: cl.label for cl in clusters},
        base_iri,
    )
    verdicts = find_verdicts(claims)
    watch.lap("verdicts")
    graph = _emit.crossref_graph(clusters, events, claims, verdicts, base_iri)
    triples = store.replace_graph(graph_iri, graph)
    watch.lap("write")
    kinds = [v.kind for v in verdicts]
    return CrossrefSummary(
        graph=graph_iri,
        articles=len(articles),
        entities=len(data.entities),
        merged_clusters=sum(1 for cl in clusters if len(cl.members) > 1),
        events=len(events),
        claims=len(claims),
        corroborations=kinds.count("corroboration"),
        conflicts=kinds.count("conflict"),
        revisions=kinds.count("revision"),
        triples=triples,
        seconds=time.perf_counter() - watch.started,
        stages=tuple(watch.stages),
    )


def _place_iris(clusters: list[Cluster], entities: Mapping[str, EntityRecord]) -> list[str]:
    return [cl.canonical for cl in clusters if entities[cl.canonical].type == "Place"]
