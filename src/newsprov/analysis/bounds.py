"""What a reported figure allows the true value to be, and whether two figures agree.

A figure is read as an interval of possible true values:

=============  =====================  ==============================================
qualifier      interval               example
=============  =====================  ==============================================
exact          ``[N, N]``             "745 civilians"
about          ``[0.9 N, 1.1 N]``     "about 1,000" (±10 %)
nearly         ``[0.8 N, 1.1 N]``     "nearly 40", "almost 300": close to N, not a ceiling
more than      ``(N, ∞)``             "more than 1,000" (open: 1,000 itself excluded)
at least       ``[N, ∞)``             "at least 212"
up to          ``[0, N]``             "fewer than 50", "no more than 50": a ceiling
up to (soft)   ``[0, N~]``            "as many as", "as high as", "up to" 800,000: the
                                      high end of an estimate, never a ceiling
=============  =====================  ==============================================

Two figures are *compatible* (they corroborate) when their intervals intersect; they
*contradict* (they conflict) only when they cannot intersect even with soft ends
relaxed: "as high as 800,000" contradicts no larger figure. Populations are normalised
("security force members" -> ``security-forces``) and a missing population, "people" or
"persons" all mean the total count.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = [
    "Interval",
    "compatible",
    "contradicts",
    "describe_gap",
    "format_number",
    "interval_for",
    "normalise_population",
    "population_part",
    "sided_population",
]

_ABOUT = 0.10
_INF = math.inf


@dataclass(frozen=True, slots=True, order=True)
class Interval:
    """The possible true values of a figure; an open end excludes its bound."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False
    hi_soft: bool = False  # the high end of an estimate ("as many as"), not a ceiling

    def contains(self, value: float, *, just_above: bool = False) -> bool:
        """Whether ``value`` (or a point infinitesimally above it) lies in the interval."""
        if just_above:
            return self.lo <= value < self.hi
        above = self.lo < value or (self.lo == value and not self.lo_open)
        below = value < self.hi or (value == self.hi and not self.hi_open)
        return above and below

    def stab_point(self) -> tuple[float, bool]:
        """The least point of the interval: (value, just_above) for a closed/open lower end."""
        return self.lo, self.lo_open

    def text(self) -> str:
        """Interval notation with grouped digits: "(1,000, ∞)", "[212, 212]"."""
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open or self.hi == _INF else "]"
        return f"{left}{format_number(self.lo)}, {format_number(self.hi)}{right}"


_SOFT_CEILING = re.compile(r"^\s*(?:up to|as (?:many|much|high) as|a maximum of)\b", re.I)


def interval_for(
    value: float,
    qualifier: str | None,
    lower: float | None = None,
    upper: float | None = None,
    text: str = "",
) -> Interval:
    """The interval a figure allows; stored bounds are used only for an unknown qualifier.
    ``text`` is the number phrase as written: it tells a soft "up to" from a ceiling."""
    q = (qualifier or "exact").strip().lower()
    if q == "exact":
        return Interval(value, value)
    if q == "about":
        return Interval(value * (1 - _ABOUT), value * (1 + _ABOUT))
    if q == "nearly":
        return Interval(value * (1 - 2 * _ABOUT), value * (1 + _ABOUT))
    if q == "more than":
        return Interval(value, _INF, lo_open=True, hi_open=True)
    if q == "at least":
        return Interval(value, _INF, hi_open=True)
    if q == "up to":
        return Interval(0.0, value, hi_soft=bool(_SOFT_CEILING.match(text)))
    lo = lower if lower is not None else 0.0
    hi = upper if upper is not None else _INF
    return Interval(lo, hi, hi_open=hi == _INF)


def compatible(a: Interval, b: Interval) -> bool:
    """Whether both intervals can hold at once (they share at least one value)."""
    lo, lo_open = max((a.lo, a.lo_open), (b.lo, b.lo_open))
    hi, hi_open = min((a.hi, not a.hi_open), (b.hi, not b.hi_open))
    hi_open = not hi_open
    if lo < hi:
        return True
    return lo == hi and not lo_open and not hi_open


def contradicts(a: Interval, b: Interval) -> bool:
    """Whether the two cannot both hold even with their soft ends relaxed (a conflict)."""
    relax = [Interval(i.lo, math.inf, i.lo_open, True) if i.hi_soft else i for i in (a, b)]
    return not compatible(*relax)


def format_number(value: float) -> str:
    """1000.0 -> "1,000"; 2.5 -> "2.5"; inf -> "∞"."""
    if value == _INF:
        return "∞"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def describe_gap(a: Interval, b: Interval) -> str:
    """How far apart two incompatible intervals are: "250,000 is 6.0× 42,000 (gap 208,000)"."""
    low, high = (a, b) if a.hi <= b.lo else (b, a)
    gap = high.lo - low.hi
    if low.lo == low.hi and high.lo == high.hi and low.hi > 0:
        ratio = high.lo / low.hi
        return (
            f"{format_number(high.lo)} is {ratio:.1f}× {format_number(low.hi)} "
            f"(gap {format_number(gap)})"
        )
    return f"{high.text()} lies {format_number(gap)} above {low.text()}"


# --- populations -------------------------------------------------------------------------

_TOTAL = {"", "people", "person", "persons", "total", "individuals", "victims", "dead"}
_SYNONYMS = {
    "civilian": "civilians",
    "security force": "security-forces",
    "security forces": "security-forces",
    "security force members": "security-forces",
    "government security force members": "security-forces",
    "government forces": "security-forces",
    "security personnel": "security-forces",
    "troops": "soldiers",
    "soldier": "soldiers",
    "policemen": "police",
    "police officers": "police",
    "militant": "militants",
    "gunmen": "militants",
    "fighter": "fighters",
    "combatants": "fighters",
    "child": "children",
    "protester": "protesters",
    "demonstrators": "protesters",
    "journalist": "journalists",
    "resident": "residents",
}
# coarse, mutually exclusive parts of a death toll: a breakdown over two or more of these
# can be summed into a (lower bound on the) total
_PARTS = {
    "civilians": "civilians",
    "security-forces": "security",
    "soldiers": "security",
    "police": "security",
    "militants": "combatants",
    "fighters": "combatants",
}


def normalise_population(population: str | None) -> str:
    """A canonical population name; "people", "persons" or no population -> "people"."""
    text = re.sub(r"[\s_]+", " ", (population or "").strip().lower().replace("-", " "))
    if text in _TOTAL:
        return "people"
    if text in _SYNONYMS:
        return _SYNONYMS[text]
    hyphenated = text.replace(" ", "-")
    return _SYNONYMS.get(hyphenated, hyphenated)


def population_part(population: str) -> str | None:
    """The disjoint part of a total a (normalised) population counts, or None; one side's
    fighters are their own part ("fighters:islamic-state" -> "combatants:islamic-state")."""
    base, _, side = population.partition(":")
    part = _PARTS.get(base)
    if part is None:
        return None
    return f"{part}:{side}" if side else part


def sided_population(population: str, side: str) -> str:
    """A (normalised) population qualified by the side of a conflict it belongs to:
    "122 ISIS fighters" are ``fighters:islamic-state``, "eight fighters loyal to the regime"
    ``fighters:government``, another quantity than either and than unqualified "fighters".
    A government's own soldiers or police are just that; only the parts of a toll
    (civilians, security forces, fighters) take a side: "50,000 opposition supporters" are a
    crowd like any other."""
    part = _PARTS.get(population)
    if not side or part is None or (part == "security" and side == "government"):
        return population
    return f"{population}:{side}"
