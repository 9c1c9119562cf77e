"""Who an unnamed organisation is: "the country's disaster management agency", "police".

The NLP layer writes a description it could not tie to a name as an anonymous entity
(local to its article). For independence that is too fine (four articles quoting
"police" are one source, not four) and sometimes wrong (the description names a body the
event's articles also name). Within the one event the description occurs in, it:

- joins the named organisation whose distinctive words contain all of its own, when
  exactly one organisation cluster of the event qualifies ("disaster agency" ->
  "Disaster and Emergency Management Authority"; "health ministry" -> "Ministry of
  Health");
- otherwise joins the other descriptions of that event with the same normalised wording
  (every "police" of one event is one source).

Descriptions occurring in several events, and anonymous *people* ("unnamed resident":
two residents are two people), are left alone. The result is written like any cluster
(``np:canonical``, ``owl:sameAs``), so queries name the source consistently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from newsprov.analysis.clusters import Cluster, EntityRecord
from newsprov.analysis.names import content_words, name_key

__all__ = ["DescriptionResolver", "resolve_descriptions"]


class DescriptionResolver:
    """Resolves an unnamed organisation, within one event, to a named cluster or a key."""

    def __init__(
        self,
        entities: Mapping[str, EntityRecord],
        canon: Mapping[str, str],
        event_entities: Mapping[str, Iterable[str]],
    ) -> None:
        self._entities = entities
        self._named = {
            event: self._organisations(members, canon) for event, members in event_entities.items()
        }

    def _organisations(
        self, members: Iterable[str], canon: Mapping[str, str]
    ) -> list[tuple[str, list[frozenset[str]]]]:
        by_canon: dict[str, set[frozenset[str]]] = defaultdict(set)
        for iri in members:
            ent = self._entities.get(iri)
            if ent is None or ent.anonymous or ent.type not in {"Organisation", "Outlet"}:
                continue
            by_canon[canon.get(iri, iri)].update(content_words(n) for n in ent.labels | ent.aliases)
        return [(c, sorted(w, key=sorted)) for c, w in sorted(by_canon.items())]

    def is_description(self, iri: str) -> bool:
        """Whether ``iri`` is an anonymous organisation."""
        ent = self._entities.get(iri)
        return ent is not None and ent.anonymous and ent.type == "Organisation"

    def resolve(self, iri: str, event: str) -> tuple[str, bool]:
        """(named canonical IRI, True), or (event-level key, False), for ``iri`` in ``event``."""
        ent = self._entities[iri]
        words = frozenset().union(*(content_words(label) for label in ent.labels))
        if words:
            hits = [c for c, names in self._named.get(event, ()) if any(words <= w for w in names)]
            if len(hits) == 1:
                return hits[0], True
        return f"{name_key(ent.label)}@{event}", False


def _events_of(
    iri: str, entities: Mapping[str, EntityRecord], event_of: Mapping[str, str]
) -> set[str]:
    return {event_of[a] for a in entities[iri].articles if a in event_of}


def resolve_descriptions(
    clusters: list[Cluster],
    entities: Mapping[str, EntityRecord],
    event_of: Mapping[str, str],
) -> list[Cluster]:
    """``clusters`` with each unnamed organisation moved into the cluster it denotes."""
    canon = {m: cl.canonical for cl in clusters for m in cl.members}
    per_event: dict[str, set[str]] = defaultdict(set)
    for ent in entities.values():
        for art in ent.articles:
            if art in event_of:
                per_event[event_of[art]].add(ent.iri)
    resolver = DescriptionResolver(entities, canon, per_event)
    joins: dict[str, list[str]] = defaultdict(list)  # target (canonical or key) -> IRIs
    for iri in sorted(entities):
        events = _events_of(iri, entities, event_of)
        if resolver.is_description(iri) and len(events) == 1:
            target, _named = resolver.resolve(iri, events.pop())
            joins[target].append(iri)
    return _rebuild(clusters, joins, entities)


def _rebuild(
    clusters: list[Cluster], joins: Mapping[str, list[str]], entities: Mapping[str, EntityRecord]
) -> list[Cluster]:
    moved = {i for members in joins.values() for i in members}
    out = []
    for cl in clusters:
        kept = tuple(m for m in cl.members if m not in moved)
        if not kept:
            continue
        extra = joins.get(cl.canonical, [])
        out.append(Cluster(cl.canonical, cl.label, tuple(sorted({*kept, *extra})), cl.aliases))
    known = {cl.canonical for cl in out}
    for target, members in sorted(joins.items()):
        if target not in known:  # descriptions of one event that name no known body
            head = min(members)
            out.append(Cluster(head, entities[head].label, tuple(sorted(members)), ()))
    return sorted(out, key=lambda c: c.canonical)
