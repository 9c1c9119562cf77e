"""The story of one event, per quantity: each source's latest figure and its timeline,
real disputes first. Built from the stored claims and verdicts (``figure-timeline`` and
``conflicts`` rows), so the report joins nothing at query time."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

__all__ = ["Dispute", "Quantity", "SourceLine", "disputes", "quantities"]

Row = Mapping[str, str]


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One source's figures for one quantity, oldest first; the last is its latest."""

    source: str
    points: tuple[tuple[str, str], ...]  # (date, number as written)
    title: str  # headline of the article of its latest figure
    url: str
    article_id: str
    outlet: str

    @property
    def latest(self) -> str:
        return self.points[-1][1]

    @property
    def latest_date(self) -> str:
        return self.points[-1][0]

    def timeline(self) -> str:
        """ "85 (2025-04-02) → 130 (2025-04-03)"."""
        return " → ".join(f"{text} ({date or 'undated'})" for date, text in self.points)


@dataclass(frozen=True, slots=True)
class Quantity:
    """What is counted (measure, population, scope, kind) and every source's line."""

    name: str
    lines: tuple[SourceLine, ...]
    disputed: bool


@dataclass(frozen=True, slots=True)
class Dispute:
    """A conflict between two source identities, with the two articles."""

    quantity: str
    a: tuple[str, str, str, str, str]  # source, text, date, title or article id, url
    b: tuple[str, str, str, str, str]
    note: str
    ratio: float


_SCOPE_WORDS = {"since-start": "since it began"}  # a campaign's running total


def _quantity(r: Row) -> str:
    parts = [r.get("measure", "") or "(none)"]
    if r.get("population") not in (None, "", "people"):
        parts.append(r["population"])
    if r.get("scope") not in (None, "", "event"):
        parts.append(_SCOPE_WORDS.get(r["scope"], f"in {r['scope']}"))
    if r.get("kind") not in (None, "", "count"):
        parts.append(f"({r['kind']})")
    return " ".join(parts)


def quantities(claims: Iterable[Row], verdicts: Iterable[Row]) -> list[Quantity]:
    """Per quantity, each source's timeline; disputed quantities first."""
    by_key: dict[str, dict[str, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for r in claims:
        by_key[_quantity(r)][r["source"]].append(r)
    disputed = {_quantity(v) for v in verdicts if v.get("verdict_type") == "conflict"}
    out = [
        Quantity(
            name, tuple(_line(s, rows) for s, rows in sorted(sources.items())), name in disputed
        )
        for name, sources in by_key.items()
    ]
    return sorted(out, key=lambda q: (not q.disputed, q.name))


def _line(source: str, rows: Sequence[Row]) -> SourceLine:
    ordered = sorted(rows, key=lambda r: (r.get("date") or "9999", r.get("article_id", "")))
    points: list[tuple[str, str]] = []
    for r in ordered:
        point = (r.get("date") or "", r.get("text") or r.get("value", ""))
        if not points or points[-1] != point:
            points.append(point)
    last = ordered[-1]
    return SourceLine(
        source,
        tuple(points),
        last.get("title") or "",
        last.get("url") or "",
        last.get("article_id") or "",
        last.get("outlet") or "",
    )


def _ratio(v: Row) -> float:
    try:
        a, b = float(v["value_a"]), float(v["value_b"])
    except (KeyError, ValueError):
        return 1.0
    lo, hi = sorted((abs(a), abs(b)))
    return hi / lo if lo else float("inf")


def _side(v: Row, s: str) -> tuple[str, str, str, str, str]:
    return (
        v.get(f"source_{s}", ""),
        v.get(f"text_{s}", ""),
        v.get(f"date_{s}", ""),
        v.get(f"title_{s}") or v.get(f"article_{s}", ""),
        v.get(f"url_{s}", ""),
    )


def disputes(verdicts: Iterable[Row]) -> list[Dispute]:
    """The event's conflicts, widest apart first."""
    out = [
        Dispute(_quantity(v), _side(v, "a"), _side(v, "b"), v.get("comment", ""), _ratio(v))
        for v in verdicts
        if v.get("verdict_type") == "conflict"
    ]
    return sorted(out, key=lambda d: (-d.ratio, d.quantity, d.a))
