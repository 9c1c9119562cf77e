"""Grouping articles into events without hand labels.

Two articles are *linked* when their dates are at most ``window`` days apart (or one is
undated) and they share enough named entities (persons, organisations, places, after
clustering): at least two shared with Jaccard >= 0.15, or one shared with Jaccard >= 0.5.
The event's own nouns (:func:`event_nouns`: "earthquake", "wildfire", "stampede",
"protest" in the headline or id) and names (:func:`event_names`: "Hurricane Helene" in the
headline or among the names an article mentions) decide on top of that:

- two articles about the same named storm (:attr:`ArticleRecord.names`: the one its
  headline names, else the only one it mentions) within ``window`` days are linked,
  whatever else they name (one names the firms estimating its losses, the other the
  states it hit); articles about two different storms are not;

- two articles naming the same kind of event within ``NOUN_WINDOW`` days and sharing an
  entity are linked, however many incidental places each names (one wildfire is one
  event, not three);
- articles naming different kinds of event only ("flood" / "earthquake") are not;
- a recurring kind (protest, rally, march, vigil) more than a day apart is a different
  event (a report published the morning after still joins its day).
Names in more than a tenth of a large store (more than 50 articles: the two candidates of
a campaign year, its country) are not evidence of one event and are left out of links.
Events are the connected components of the links, joined strongest link first, with two
rules on top: articles given the same event name at ingest stay together, and two
different user-named events are never merged; and an unnamed event's dated articles span
at most ``window`` days, so links do not chain day by day into one "event" of a whole
news year (a campaign's articles each share names with the next week's).

An unnamed event is called after its most frequent place and first date
("syria-2025-03-08"). Everything is ordered by IRI, so the result does not depend on the
order articles were ingested in.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import combinations

from newsprov.analysis.clusters import UnionFind
from newsprov.analysis.records import ArticleRecord, EventGroup
from newsprov.rdf.iris import event_iri, slugify

__all__ = [
    "COMMON_MIN",
    "COMMON_SHARE",
    "DEFAULT_WINDOW_DAYS",
    "NOUN_WINDOW",
    "event_names",
    "event_nouns",
    "group_events",
    "link_score",
]

DEFAULT_WINDOW_DAYS = 10
NOUN_WINDOW = 3
_NOUN_LINK = 0.5
_KINDS = {
    "earthquake": r"earthquakes?|quakes?|tremors?|aftershocks?",
    "wildfire": r"wildfires?|bushfires?|forest fires?|blazes?",
    "flood": r"floods?|flooding|flash floods?",
    "storm": r"hurricanes?|typhoons?|cyclones?|storms?|tornado(?:es)?",
    "landslide": r"landslides?|mudslides?",
    "stampede": r"stampedes?|crush|crowd crush",
    "explosion": r"explosions?|blasts?",
    "crash": r"crash(?:es)?|derail\w*|collision",
    "collapse": r"collapses?|collapsed",
    "shooting": r"shootings?|gunman|gunmen",
    "protest": r"protests?|protesters?|demonstrations?|rall(?:y|ies)|march(?:es)?|vigils?|sit-ins?",
    "fighting": r"fighting|clashes|offensive|airstrikes?|air strikes?|shelling",
}
_RECURRING = frozenset({"protest"})
_KIND_RE = {k: re.compile(rf"\b(?:{v})\b", re.I) for k, v in _KINDS.items()}


def event_nouns(*texts: str | None) -> frozenset[str]:
    """The kinds of event the texts (headline, article id) name: {"earthquake"}, ..."""
    words = " ".join(t.replace("-", " ").replace("_", " ") for t in texts if t)
    return frozenset(k for k, pattern in _KIND_RE.items() if pattern.search(words))


# a named storm is one event: "Hurricane Helene", "Typhoon Haiyan", "Storm Ciarán"
_STORM_NAME = re.compile(
    r"\b(?:Super\s+Typhoon|Hurricane|Typhoon|(?:Tropical\s+|Severe\s+)?(?:Cyclone|Storm)|"
    r"Tropical\s+Depression)\s+(?!(?:Season|Center|Centre|Warning|Warnings|Watch|Watches|"
    r"Surge|Damage|Hunters?|Shelters?|Tracker|Update|Forecasts?|Predictions?|Shadow|Drains?|"
    r"Names?|Preparedness|Relief|Recovery|Insurance|Categories|Category|Risk|Deductibles?)\b)"
    r"([A-Z][^\W\d_]+)\b"
)


def event_names(*texts: str | None) -> frozenset[str]:
    """The named events the texts (headline, the names an article mentions) name:
    {"storm:helene"} for "Hurricane Helene" or "Tropical Storm Helene"."""
    return frozenset(
        f"storm:{m.group(1).lower()}" for t in texts if t for m in _STORM_NAME.finditer(t)
    )


_MIN_JACCARD_MANY = 0.15
_MIN_JACCARD_ONE = 0.5
_MAX_POSTING = 400  # a feature shared by more articles than this proposes no pairs
COMMON_SHARE = 0.1
COMMON_MIN = 50


def link_score(a: ArticleRecord, b: ArticleRecord, window: int = DEFAULT_WINDOW_DAYS) -> float:
    """How strongly two articles look like one event; 0.0 when they are not linked."""
    gap = abs((a.date - b.date).days) if a.date and b.date else 0
    if gap > window:
        return 0.0
    if a.names and b.names:  # each is about a named storm: the same one, or two events
        return max(_NOUN_LINK, _jaccard(a, b)) if a.names & b.names else 0.0
    if a.nouns and b.nouns and not a.nouns & b.nouns:
        return 0.0  # a flood and an earthquake
    if gap > 1 and (a.nouns | b.nouns) & _RECURRING:
        return 0.0  # one Saturday's march and the next one's are two events
    shared = len(a.entities & b.entities)
    if not shared:
        return 0.0
    jaccard = shared / len(a.entities | b.entities)
    if a.nouns & b.nouns and gap <= NOUN_WINDOW:
        return max(jaccard, _NOUN_LINK)
    if not ((shared >= 2 and jaccard >= _MIN_JACCARD_MANY) or jaccard >= _MIN_JACCARD_ONE):
        return 0.0
    return jaccard


def _jaccard(a: ArticleRecord, b: ArticleRecord) -> float:
    union = len(a.entities | b.entities)
    return len(a.entities & b.entities) / union if union else 0.0


def _candidate_pairs(articles: Sequence[ArticleRecord]) -> set[tuple[int, int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for i, art in enumerate(articles):
        for feature in art.entities | art.names:
            postings[feature].append(i)
    pairs: set[tuple[int, int]] = set()
    for idx in postings.values():
        if len(idx) <= _MAX_POSTING:
            pairs.update(combinations(idx, 2))
    return pairs


def _without_common(articles: Sequence[ArticleRecord]) -> list[ArticleRecord]:
    """The articles with the names too common in the store to tell events apart: named by
    more than ``COMMON_SHARE`` of the articles, and by more than ``COMMON_MIN`` (two
    candidates named in most articles of a campaign year link every pair of them)."""
    counts = Counter(e for a in articles for e in a.entities)
    limit = max(COMMON_MIN, COMMON_SHARE * len(articles))
    common = {e for e, n in counts.items() if n > limit}
    if not common:
        return list(articles)
    return [replace(a, entities=a.entities - common) for a in articles]


def _links(articles: Sequence[ArticleRecord], window: int) -> list[tuple[float, str, str]]:
    articles = _without_common(articles)
    links = []
    for i, j in _candidate_pairs(articles):
        score = link_score(articles[i], articles[j], window)
        if score > 0:
            links.append((-score, articles[i].iri, articles[j].iri))
    return sorted(links)


def _join(articles: Sequence[ArticleRecord], window: int) -> UnionFind:
    """Union-find over article IRIs: user events first, then links strongest first; a
    link that would stretch an unnamed event beyond ``window`` days is not taken."""
    uf = UnionFind(a.iri for a in articles)
    label: dict[str, str | None] = {}
    span = {a.iri: (a.date, a.date) for a in articles if a.date}
    by_event: dict[str, list[str]] = defaultdict(list)
    for art in articles:
        if art.user_event:
            by_event[art.user_event].append(art.iri)
    for event, members in by_event.items():
        for m in members[1:]:
            uf.union(members[0], m)
        label[uf.find(members[0])] = event
    for _, a, b in _links(articles, window):
        ra, rb = uf.find(a), uf.find(b)
        la, lb = label.get(ra), label.get(rb)
        if ra == rb or (la and lb and la != lb):
            continue
        joined = _span(span.get(ra), span.get(rb))
        if not (la or lb) and joined and (joined[1] - joined[0]).days > window:
            continue
        uf.union(ra, rb)
        root = uf.find(ra)
        label[root] = la or lb
        if joined:
            span[root] = joined
    return uf


Span = tuple[dt.date, dt.date]


def _span(a: Span | None, b: Span | None) -> Span | None:
    """The first and last date of two sets of articles (None when neither is dated)."""
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _auto_name(
    members: Sequence[ArticleRecord], place_labels: Mapping[str, str]
) -> tuple[str, str]:
    """(slug, label) from the most frequent place and the first date."""
    counts = Counter(p for m in members for p in m.places if p in place_labels)
    place = min(counts, key=lambda p: (-counts[p], place_labels[p]), default=None)
    dates = sorted(m.date for m in members if m.date)
    first: dt.date | None = dates[0] if dates else None
    name = place_labels[place] if place else members[0].article_id
    label = f"{name}, {first.isoformat()}" if first else name
    return slugify(label), label


def group_events(
    articles: Sequence[ArticleRecord],
    place_labels: Mapping[str, str],
    base_iri: str,
    *,
    window: int = DEFAULT_WINDOW_DAYS,
) -> list[EventGroup]:
    """Every article in exactly one event; events sorted by IRI."""
    ordered = sorted(articles, key=lambda a: a.iri)
    by_iri = {a.iri: a for a in ordered}
    groups = _join(ordered, window).groups()
    taken: set[str] = {a.user_event for a in ordered if a.user_event}
    events: list[EventGroup] = []
    for members in sorted(groups, key=lambda g: g[0]):
        recs = [by_iri[m] for m in members]
        user = next((r for r in recs if r.user_event), None)
        if user is not None and user.user_event:
            label = user.user_event_label or user.user_event.rsplit("/", 1)[-1]
            events.append(EventGroup(user.user_event, label, tuple(members), True))
            continue
        slug, label = _auto_name(recs, place_labels)
        iri = _free_iri(slug, base_iri, taken)
        events.append(EventGroup(iri, label, tuple(members)))
    return sorted(events, key=lambda e: e.iri)


def _free_iri(slug: str, base_iri: str, taken: set[str]) -> str:
    iri, n = str(event_iri(slug, base_iri)), 1
    while iri in taken:
        n += 1
        iri = str(event_iri(f"{slug}-{n}", base_iri))
    taken.add(iri)
    return iri
