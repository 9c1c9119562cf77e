"""Plain records the cross-referencing works on, read from the store by ``_load``.

Entity references here are already *canonical* IRIs (after clustering), so two articles
naming "SOHR" and "Syrian Observatory for Human Rights" point at one source.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsprov.analysis.bounds import Interval

__all__ = ["ArticleRecord", "Claim", "EventGroup", "FigureRecord", "Verdict", "parse_date"]


def parse_date(text: str | None) -> dt.date | None:
    """A full ISO date (yyyy-mm-dd, time part ignored) or None for partial/missing dates."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article with what event grouping and independence need."""

    iri: str
    article_id: str
    date: dt.date | None = None
    publisher: str | None = None  # canonical IRI
    wires: frozenset[str] = frozenset()  # canonical IRIs of wire agencies credited
    user_event: str | None = None  # IRI of the event named at ingest
    user_event_label: str | None = None
    entities: frozenset[str] = frozenset()  # canonical IRIs of persons/organisations/places
    places: frozenset[str] = frozenset()
    title: str | None = None
    url: str | None = None
    nouns: frozenset[str] = frozenset()  # kinds of event it names: see events.event_nouns
    names: frozenset[str] = frozenset()  # the named event it is about ("storm:helene")


@dataclass(frozen=True, slots=True)
class FigureRecord:
    """One stored figure, with canonical source/via IRIs."""

    iri: str
    article: str
    value: float
    qualifier: str
    measure: str | None
    population: str | None = None
    unit: str | None = None
    lower: float | None = None
    upper: float | None = None
    source: str | None = None
    via: str | None = None
    source_chain: str | None = None  # set for an unnamed source: see descriptions.py
    source_label: str | None = None
    date: str | None = None  # np:figureDate
    sentence: str = ""
    range_group: str | None = None
    number_text: str = ""  # the number phrase as written: "more than 1,000"
    place: str | None = None  # a place the sentence ties the count to (entity IRI)
    what: str = ""  # the counted noun phrase as written
    start: int = -1  # character offset of the number phrase in its article


@dataclass(frozen=True, slots=True)
class EventGroup:
    """Articles found to report one event."""

    iri: str
    label: str
    articles: tuple[str, ...]  # sorted article IRIs
    user_named: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """One report of a figure: repeated and wire-copied figures collapse into one claim.

    ``chain`` identifies the independent origin (the source, else the relaying outlet,
    the wire, the publisher); claims with different chains are independent reports.
    A *derived* claim sums a breakdown (civilians + security forces + fighters) into a
    lower bound on the total; ``iri`` is then the IRI of an np:DerivedTotal node.
    """

    iri: str  # representative figure (smallest IRI) or the derived-total node
    figures: tuple[str, ...]  # every figure the claim stands for, sorted
    article: str  # article of the representative
    event: str
    measure: str
    population: str
    unit: str
    interval: Interval
    date: dt.date | None
    chain: str
    chain_label: str
    text: str  # "more than 1,000"
    value: tuple[float, float]  # the number(s) as stated: (v, v), or a range's (low, high)
    scope: str = ""  # "insured", "lifted", ...: see claims.scope_of
    source: str | None = None
    attributed: bool = True  # has a source or a via; unattributed claims get no verdict
    parts: tuple[str, ...] = ()  # summed figures of a derived total
    sentences: frozenset[str] = frozenset()
    via: str | None = None  # canonical IRI of the relaying outlet
    kind: str = "count"  # count | estimate | projection | verified (see claims.kind_of)
    place_scope: str = "event"  # event, or "region:x" / "city:x" / "site:x" within it
    dated: str = ""  # "about": dated relative to its article; "before": only known earlier

    @property
    def magnitude(self) -> float:
        """A representative size: the stated value, or a range's midpoint."""
        return (self.value[0] + self.value[1]) / 2

    @property
    def derived(self) -> bool:
        """Whether this claim is a derived total rather than a stated figure."""
        return bool(self.parts)

    def describe(self) -> str:
        """ "SOHR: more than 1,000"."""
        return f"{self.chain_label}: {self.text}"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of comparing claims of one event, measure and population."""

    kind: str  # corroboration | conflict | revision
    event: str
    measure: str
    population: str
    first: Claim
    others: tuple[Claim, ...]
    chains: int
    note: str
    gap: float | None = None
    members: tuple[Claim, ...] = ()  # every claim of the statements compared

    @property
    def claims(self) -> tuple[Claim, ...]:
        """The representative claims compared, first one first."""
        return (self.first, *self.others)

    @property
    def all_claims(self) -> tuple[Claim, ...]:
        """Every claim behind the verdict (representatives and their repeats)."""
        seen = {c.iri: c for c in (*self.claims, *self.members)}
        return tuple(seen[k] for k in sorted(seen))
