"""What the cross-reference report shows, read from the store as plain strings."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from newsprov.errors import QueryError
from newsprov.query import run
from newsprov.rdf.iris import slugify
from newsprov.rdf.store import Store

__all__ = ["EventData", "FigureRow", "QuoteRow", "ReportData", "collect"]

_PREFIXES = """
PREFIX np:     <https://newsprov.org/ontology#>
PREFIX oa:     <http://www.w3.org/ns/oa#>
PREFIX prov:   <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
"""

FIGURES = (
    _PREFIXES
    + """
SELECT DISTINCT ?event ?figure ?measure ?population ?source ?via ?outlet ?value ?qualifier
       ?text ?date ?article_id ?sentence ?derived ?start ?unit WHERE {
  ?article np:event ?event ; np:articleId ?article_id .
  { ?figure a np:Figure . BIND(false AS ?derived) }
  UNION { ?figure a np:DerivedTotal . BIND(true AS ?derived) }
  ?figure np:reportedIn ?article ; np:value ?value ; np:qualifier ?qualifier .
  OPTIONAL { ?figure np:measure ?m }
  BIND(STRAFTER(STR(?m), "https://newsprov.org/measure/") AS ?measure)
  OPTIONAL { ?figure np:population ?population }
  OPTIONAL { ?figure np:unit ?unit }
  OPTIONAL { ?figure np:numberText ?text }
  OPTIONAL { ?figure np:startOffset ?start }
  OPTIONAL { ?figure np:evidence/oa:exact ?sentence }
  OPTIONAL { ?figure np:figureDate ?fdate }
  OPTIONAL { ?article schema:datePublished ?adate }
  BIND(COALESCE(?fdate, ?adate) AS ?date)
  OPTIONAL { ?figure prov:wasAttributedTo/np:canonical/skos:prefLabel ?source }
  OPTIONAL { ?figure np:via/np:canonical/skos:prefLabel ?via }
  OPTIONAL { ?article schema:publisher/np:canonical/skos:prefLabel ?outlet }
}"""
)

CONFLICTED = (
    _PREFIXES
    + """
SELECT DISTINCT ?figure WHERE { ?verdict a np:Conflict ; np:verdictFigure ?figure }"""
)

QUOTES = (
    _PREFIXES
    + """
SELECT DISTINCT ?event ?quote ?speaker ?outlet ?via ?text ?article_id ?start WHERE {
  ?article np:event ?event ; np:articleId ?article_id .
  ?quote a np:Quote ; np:reportedIn ?article ; np:quoteText ?text ;
      np:speaker/np:canonical/skos:prefLabel ?speaker .
  OPTIONAL { ?quote np:startOffset ?start }
  OPTIONAL { ?quote np:via/np:canonical/skos:prefLabel ?via }
  OPTIONAL { ?article schema:publisher/np:canonical/skos:prefLabel ?outlet }
}"""
)


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure as the report shows it (all text, "" when absent)."""

    figure: str
    measure: str
    population: str
    source: str
    via: str
    outlet: str
    value: float
    qualifier: str
    text: str
    date: str
    article_id: str
    sentence: str
    derived: bool
    start: int = 0
    unit: str = ""

    @property
    def origin(self) -> str:
        """Who the figure comes from: its source, else via, else the publisher."""
        return self.source or self.via or self.outlet or "unattributed"


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote as the report shows it."""

    speaker: str
    via: str
    outlet: str
    article_id: str
    text: str
    start: int = 0


@dataclass(slots=True)
class EventData:
    """Everything the report shows for one event."""

    iri: str
    label: str
    slug: str
    articles: int = 0
    article_ids: str = ""
    outlets: str = ""
    first_date: str = ""
    last_date: str = ""
    figures: list[FigureRow] = field(default_factory=list)
    verdicts: list[dict[str, str]] = field(default_factory=list)
    claims: list[dict[str, str]] = field(default_factory=list)  # figure-timeline rows
    quotes: list[QuoteRow] = field(default_factory=list)
    matrix: Counter[tuple[str, str]] = field(default_factory=Counter)
    in_conflict: set[str] = field(default_factory=set)  # IRIs of figures in a conflict

    def conflicted(self) -> set[str]:
        """IRIs of figures some conflict verdict compares (repeats included)."""
        return self.in_conflict


@dataclass(slots=True)
class ReportData:
    """The events shown, in report order."""

    events: list[EventData]


def _s(value: object) -> str:
    return "" if value is None else str(value)


def _events(store: Store) -> dict[str, EventData]:
    events: dict[str, EventData] = {}
    for r in run(store, "events").dicts():
        iri = _s(r["event"])
        events[iri] = EventData(
            iri=iri,
            label=_s(r["label"]),
            slug=slugify(iri.rsplit("/", 1)[-1]),
            articles=int(_s(r["articles"]) or 0),
            article_ids=_s(r["article_ids"]),
            outlets=_s(r["outlets"]),
            first_date=_s(r["first_date"]),
            last_date=_s(r["last_date"]),
        )
    return events


def _figure(r: Mapping[str, object]) -> FigureRow:
    return FigureRow(
        figure=_s(r["figure"]),
        measure=_s(r["measure"]) or "(none)",
        population=_s(r["population"]) or "people",
        source=_s(r["source"]),
        via=_s(r["via"]),
        outlet=_s(r["outlet"]),
        value=float(_s(r["value"]) or 0),
        qualifier=_s(r["qualifier"]),
        text=_s(r["text"]) or _s(r["value"]),
        date=_s(r["date"])[:10],
        article_id=_s(r["article_id"]),
        sentence=_s(r["sentence"]),
        derived=_s(r["derived"]) == "true",
        start=int(_s(r["start"]) or 0),
        unit=_s(r["unit"]),
    )


def _pick(events: dict[str, EventData], wanted: str | None) -> list[EventData]:
    ordered = list(events.values())
    if wanted is None:
        return ordered
    key = wanted.strip().lower()
    chosen = [e for e in ordered if key in {e.iri.lower(), e.label.lower(), e.slug}]
    if not chosen:
        known = ", ".join(f"{e.slug} ({e.label})" for e in ordered) or "none"
        raise QueryError(f"no event {wanted!r} in the store; known events: {known}")
    return chosen


def collect(store: Store, event: str | None = None) -> ReportData:
    """Events (all, or the one named by IRI, label or slug) with figures and verdicts."""
    events = _events(store)
    chosen = {e.iri: e for e in _pick(events, event)}
    figures: dict[str, list[FigureRow]] = defaultdict(list)
    for r in store.select(FIGURES).dicts():
        if _s(r["event"]) in chosen:
            figures[_s(r["event"])].append(_figure(r))
    for iri, rows in figures.items():
        chosen[iri].figures = sorted(
            rows, key=lambda f: (f.measure, f.date, f.article_id, f.start, f.figure)
        )
        for f in rows:
            if (f.source or f.via) and not f.derived:
                chosen[iri].matrix[(f.outlet or "(unknown outlet)", f.source or f.via)] += 1
    for r in store.select(QUOTES).dicts():
        if _s(r["event"]) in chosen:
            quote = QuoteRow(
                _s(r["speaker"]),
                _s(r["via"]),
                _s(r["outlet"]),
                _s(r["article_id"]),
                _s(r["text"]),
                int(_s(r["start"]) or 0),
            )
            chosen[_s(r["event"])].quotes.append(quote)
            chosen[_s(r["event"])].matrix[(quote.outlet or "(unknown outlet)", quote.speaker)] += 1
    for data in chosen.values():
        data.quotes.sort(key=lambda q: (q.speaker, q.article_id, q.start))
    conflicted = {_s(r["figure"]) for r in store.select(CONFLICTED).dicts()}
    for data in chosen.values():
        data.in_conflict = {f.figure for f in data.figures} & conflicted
    for r in run(store, "verdicts").dicts():
        if _s(r["event"]) in chosen:
            chosen[_s(r["event"])].verdicts.append({k: _s(v) for k, v in r.items()})
    for r in run(store, "figure-timeline").dicts():
        if _s(r["event"]) in chosen:
            chosen[_s(r["event"])].claims.append({k: _s(v) for k, v in r.items()})
    return ReportData(list(chosen.values()))
