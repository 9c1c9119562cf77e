"""The pure cross-reference: store rows in, clusters, events, claims and verdicts out.

:func:`group` turns the cheap global rows (articles and the entities they name) into entity
clusters and events; :func:`compare_event` turns one event's figures into claims and
verdicts; :func:`crossref` does both for a whole store. Nothing here reads or writes a
store, so the same rows always give the same result, whatever order they came in.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from newsprov.analysis._load import RawArticle, StoreData, article_fields, article_index
from newsprov.analysis.claims import build_claims
from newsprov.analysis.clusters import Cluster, EntityRecord, cluster_entities
from newsprov.analysis.descriptions import resolve_descriptions
from newsprov.analysis.events import event_names, event_nouns, group_events
from newsprov.analysis.identities import resolve_identities
from newsprov.analysis.names import name_key
from newsprov.analysis.records import (
    ArticleRecord,
    Claim,
    EventGroup,
    FigureRecord,
    Verdict,
    parse_date,
)
from newsprov.analysis.verdicts import find_verdicts

__all__ = [
    "ALGORITHM",
    "CrossrefResult",
    "EventResult",
    "Grouping",
    "compare_event",
    "crossref",
    "group",
]

ALGORITHM = "xr-4"
"""Changes whenever verdicts would differ for the same rows: stored events are then redone."""

_FEATURE_TYPES = frozenset({"Person", "Organisation", "Place"})


@dataclass(frozen=True, slots=True)
class Grouping:
    """Entity clusters and events of the whole store."""

    clusters: list[Cluster]
    entities: dict[str, EntityRecord]
    articles: dict[str, ArticleRecord]
    events: list[EventGroup]
    canon: dict[str, str] = field(default_factory=dict)  # member IRI -> canonical IRI
    labels: dict[str, str] = field(default_factory=dict)  # canonical IRI -> label
    named: dict[str, frozenset[str]] = field(default_factory=dict)  # article -> entity IRIs
    names: dict[str, frozenset[str]] = field(default_factory=dict)  # canonical -> every name
    raw: Mapping[str, RawArticle] = field(default_factory=dict)  # articles as read

    def index(self, article: str) -> str:
        """The article's stored index (see :func:`~newsprov.analysis._load.article_index`)."""
        return article_index(self.raw[article], self.entities)

    @property
    def event_of(self) -> dict[str, str]:
        """Article IRI -> event IRI."""
        return {a: ev.iri for ev in self.events for a in ev.articles}

    def signature(self, event: EventGroup) -> str:
        """A digest of everything the event's verdicts depend on besides its figures."""
        lines = [ALGORITHM, event.iri, event.label]
        for a in event.articles:
            art = self.articles[a]
            lines.append(f"{a} {art.date} {art.publisher} {sorted(art.wires)} {art.title}")
            if (raw := self.raw.get(a)) is not None:  # as read: what its stored index holds
                lines.append(json.dumps(article_fields(raw), ensure_ascii=False))
        members = sorted({e for a in event.articles for e in self.named.get(a, ())})
        for e in members:
            canonical = self.canon.get(e, e)
            lines.append(f"{e} {canonical} {self.labels.get(canonical)}")
        return hashlib.sha1("\n".join(lines).encode()).hexdigest()

    def cluster_signature(self) -> str:
        """A digest of the clusters (what the cluster graph holds)."""
        text = "\n".join(f"{c.canonical} {c.label} {c.members} {c.aliases}" for c in self.clusters)
        return hashlib.sha1(f"{ALGORITHM}\n{text}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class EventResult:
    """One event's claims and verdicts."""

    event: EventGroup
    claims: list[Claim]
    verdicts: list[Verdict]
    signature: str = ""  # "{grouping signature}:{digest of the event's figures}"


@dataclass(frozen=True, slots=True)
class CrossrefResult:
    """A whole store's cross-reference."""

    grouping: Grouping
    results: list[EventResult]


def _article(
    raw: RawArticle, canon: Mapping[str, str], entities: Mapping[str, EntityRecord]
) -> ArticleRecord:
    named = [
        e
        for e in raw.mentions
        if e in entities and entities[e].type in _FEATURE_TYPES and not entities[e].anonymous
    ]
    return ArticleRecord(
        iri=raw.iri,
        article_id=raw.article_id,
        date=parse_date(raw.date),
        publisher=canon.get(raw.publisher, raw.publisher) if raw.publisher else None,
        wires=frozenset(canon.get(w, w) for w in raw.wires),
        user_event=raw.event,
        user_event_label=raw.event_label,
        entities=frozenset(canon.get(e, e) for e in named),
        places=frozenset(canon.get(e, e) for e in named if entities[e].type == "Place"),
        title=raw.title,
        url=raw.url,
        nouns=event_nouns(raw.title, raw.article_id),
        names=_own_storm(raw, entities),
    )


def _own_storm(raw: RawArticle, entities: Mapping[str, EntityRecord]) -> frozenset[str]:
    """The named event an article is about: the one its headline names, else the only one
    among the names it mentions (a story on one hurricane that recalls another names two)."""
    own = event_names(raw.title)
    if own:
        return own
    mentioned = event_names(*(entities[e].label for e in raw.mentions if e in entities))
    return mentioned if len(mentioned) == 1 else frozenset()


def _canon(clusters: Iterable[Cluster]) -> dict[str, str]:
    return {m: cl.canonical for cl in clusters for m in cl.members}


def group(
    articles: Mapping[str, RawArticle], entities: Sequence[EntityRecord], base_iri: str
) -> Grouping:
    """Clusters (unnamed organisations resolved within their event) and events.

    Only articles and entities are read (never figures), so an ingest can regroup the
    whole store cheaply and then compare the figures of the events it touched."""
    clusters = cluster_entities(entities)
    canon = _canon(clusters)
    by_iri = {e.iri: e for e in entities}
    labels = {cl.canonical: cl.label for cl in clusters}
    records = {
        raw.iri: _article(raw, canon, by_iri)
        for raw in sorted(articles.values(), key=lambda a: a.iri)
    }
    places = {cl.canonical: cl.label for cl in clusters if by_iri[cl.canonical].type == "Place"}
    events = group_events(list(records.values()), places, base_iri)
    event_of = {a: ev.iri for ev in events for a in ev.articles}
    clusters = resolve_descriptions(clusters, by_iri, event_of)
    canon = _canon(clusters)
    named: dict[str, set[str]] = {}
    for ent in entities:
        for art in ent.articles:
            named.setdefault(art, set()).add(ent.iri)
    labels = {cl.canonical: cl.label for cl in clusters}
    frozen = {a: frozenset(v) for a, v in named.items()}
    names = {cl.canonical: frozenset({cl.label, *cl.aliases}) for cl in clusters}
    return Grouping(clusters, by_iri, records, events, canon, labels, frozen, names, articles)


def _canonical_figure(fig: FigureRecord, g: Grouping) -> FigureRecord:
    """``fig`` with canonical source and via IRIs; an unnamed person ("a resident") is a
    source of its own in each article, whatever IRI the NLP gave it."""
    via = g.canon.get(fig.via, fig.via) if fig.via else None
    source = g.canon.get(fig.source, fig.source) if fig.source else None
    place = g.canon.get(fig.place, fig.place) if fig.place else None
    ent = g.entities.get(fig.source or "")
    if source and ent is not None and ent.anonymous and ent.type == "Person":
        chain = f"{source}@{fig.article}"
        return replace(
            fig, source=source, via=via, place=place, source_chain=chain, source_label=ent.label
        )
    return replace(fig, source=source, via=via, place=place)


def _own_places(g: Grouping, event: EventGroup) -> frozenset[str]:
    """Name keys of the event's own places: the most frequent one, and any named by at
    least three quarters of its articles."""
    counts = Counter(p for a in event.articles for p in g.articles[a].places)
    if not counts:
        return frozenset()
    top = max(counts.values())
    most = 0.75 * len(event.articles)
    return frozenset(
        name_key(g.labels.get(p, p)) for p, n in counts.items() if n == top or n >= most
    )


def _identities(g: Grouping, figs: Sequence[FigureRecord]) -> dict[str, str]:
    """Source IRI -> identity IRI within one event (see :mod:`.identities`)."""
    sources: dict[str, tuple[str, str, frozenset[str]]] = {}
    unnamed = []
    for iri in sorted({f.source for f in figs if f.source}):
        ent = g.entities.get(iri)
        if ent is None:
            continue
        sources[iri] = (ent.type, g.labels.get(iri, ent.label), g.names.get(iri, ent.labels))
        if ent.anonymous:
            unnamed.append(iri)
    return resolve_identities(sorted({f.sentence for f in figs}), sources, unnamed)


def compare_event(
    g: Grouping, event: EventGroup, figures: Iterable[FigureRecord], base_iri: str
) -> EventResult:
    """Claims and verdicts of one event from the figures of its articles."""
    members = set(event.articles)
    raw = sorted((f for f in figures if f.article in members), key=lambda f: f.iri)
    digest = hashlib.sha1("\n".join(map(repr, raw)).encode()).hexdigest()
    figs = [_canonical_figure(f, g) for f in raw]
    ident = _identities(g, figs)
    figs = [replace(f, source=ident.get(f.source, f.source)) if f.source else f for f in figs]
    event_of = dict.fromkeys(event.articles, event.iri)
    places = {event.iri: _own_places(g, event)}
    claims = build_claims(figs, g.articles, event_of, g.labels, base_iri, places)
    signature = f"{g.signature(event)}:{digest}"
    return EventResult(event, claims, find_verdicts(claims), signature)


def crossref(data: StoreData, base_iri: str) -> CrossrefResult:
    """The whole store's cross-reference from its rows."""
    by_article: dict[str, list[FigureRecord]] = {}
    for fig in data.figures:
        by_article.setdefault(fig.article, []).append(fig)
    g = group(data.articles, data.entities, base_iri)
    results = [
        compare_event(g, ev, (f for a in ev.articles for f in by_article.get(a, ())), base_iri)
        for ev in g.events
    ]
    return CrossrefResult(g, results)
