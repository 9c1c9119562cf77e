"""Qualifiers and ranges: how a number phrase bounds the true value.

A *claim* is what one figure states: a number, its qualifier and the bounds it implies.
Qualifier words come from ``nlp/data/qualifiers.json``: they stand before the number
("more than 1,000", with the common typo "more than a 1,000") or after it ("1,000 or
more", "1,000-plus"). Bounds follow the qualifier: "more than"/"at least" N give
``lower=N``; "up to"/"nearly" N give ``upper=N``; "about" and "exact" give
``lower=upper=N``. A vague plural ("tens of thousands") with no qualifier is "at least".

A range ("between 40,000 and 60,000", "2,000-3,000", "2,000 to 3,000", "from 40 to 50",
"two or three") gives two claims that share a range index: the lower end is "at least"
and the upper end "up to" (the gold convention), and both carry the whole range as their
bounds. A scale or unit written once is shared ("$2-3 million" -> 2,000,000 to
3,000,000 USD). "3-1" or "2-2" (upper not above lower) is a score, not a range. Scores,
ratios ("one in five") and bracketed conversions ("5,000 hectares (12,355 acres)") are
reported in ``QualifiedNumbers.dropped``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any

from newsprov.model import Qualifier
from newsprov.nlp.numbers import Lex, NumberMatch, lexicon

_ROUND_THOUSANDS = re.compile(r"\d{1,3}((?:,000)+)")  # "40,000": thousands written out

__all__ = [
    "Claim",
    "QualifiedNumbers",
    "bounds",
    "qualifier_after",
    "qualifier_before",
    "qualifiers_lexicon",
    "qualify",
]


@lru_cache(maxsize=1)
def qualifiers_lexicon() -> dict[str, Any]:
    """The qualifier lexicon (``nlp/data/qualifiers.json``), loaded once."""
    text = resources.files("newsprov.nlp").joinpath("data/qualifiers.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=2)
def _phrase_table(side: str) -> dict[str, Qualifier]:
    table: dict[str, Qualifier] = {}
    for name, phrases in qualifiers_lexicon()[side].items():
        for phrase in phrases:
            table[phrase] = Qualifier(name)
    return table


@dataclass(frozen=True, slots=True)
class Claim:
    """One number with its qualifier and bounds.

    ``first``/``last`` are lex indices (end exclusive) of the whole phrase, qualifier and
    range words included; ``match`` is the number itself (its value and unit already
    completed from the other end of a range). ``range_index`` is shared by the two ends
    of one range within a sentence.
    """

    match: NumberMatch
    qualifier: Qualifier
    lower: float | None
    upper: float | None
    first: int
    last: int
    range_index: int | None = None

    @property
    def value(self) -> float:
        """The number as stated."""
        return self.match.value


@dataclass(frozen=True, slots=True)
class QualifiedNumbers:
    """The claims of one sentence, and numbers that a neighbour shows to be no figure.

    ``dropped`` maps the first lex of such a number to the reason: "score" ("3-1") or
    "ratio" ("one in five"). ``conversions`` maps the first lex of a bracketed conversion
    ("5,000 hectares (12,355 acres)") to the first lex of the number it converts: both
    are figures of one quantity, the conversion taking the first's qualifier.
    """

    claims: list[Claim] = field(default_factory=list)
    dropped: dict[int, str] = field(default_factory=dict)
    conversions: dict[int, int] = field(default_factory=dict)


def bounds(qualifier: Qualifier, value: float) -> tuple[float | None, float | None]:
    """The (lower, upper) bounds a qualifier puts on a value."""
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return value, None
    if qualifier in (Qualifier.UP_TO, Qualifier.NEARLY):
        return None, value
    return value, value


def _text(lexes: Sequence[Lex], i: int, j: int) -> str:
    """Lexes i..j-1 in lower case, spaced as written."""
    out = ""
    for k in range(i, j):
        glued = k > i and lexes[k - 1].end == lexes[k].start
        out += lexes[k].lower if glued or k == i else " " + lexes[k].lower
    return out


def qualifier_before(lexes: Sequence[Lex], m: NumberMatch) -> tuple[Qualifier, int] | None:
    """The qualifier right before a number, and the lex where it starts.

    A stray "a" between qualifier and digits ("over a 1,000") is skipped.
    """
    table = _phrase_table("before")
    ends = [m.first]
    if m.kind == "digits" and m.first > 0 and lexes[m.first - 1].lower in ("a", "an"):
        ends.append(m.first - 1)
    for end in ends:
        for n in (5, 4, 3, 2, 1):
            if end - n < 0:
                continue
            phrase = _text(lexes, end - n, end)
            if phrase in table:
                return table[phrase], end - n
    return None


def qualifier_after(lexes: Sequence[Lex], m: NumberMatch) -> tuple[Qualifier, int] | None:
    """The qualifier right after a number ("or more", "-plus"), and the lex after it."""
    table = _phrase_table("after")
    for n in (3, 2, 1):
        if m.last + n > len(lexes):
            continue
        phrase = _text(lexes, m.last, m.last + n)
        if phrase in table:
            # a bare "plus"/"+" must be glued or end the phrase ("1,000 plus 200" is a sum)
            if phrase in ("plus", "+") and _next_is_number(lexes, m.last + n):
                continue
            return table[phrase], m.last + n
    return None


def _next_is_number(lexes: Sequence[Lex], k: int) -> bool:
    return k < len(lexes) and lexes[k].is_digits


def _single(lexes: Sequence[Lex], m: NumberMatch) -> Claim:
    before = qualifier_before(lexes, m)
    after = qualifier_after(lexes, m)
    qualifier = Qualifier.EXACT
    if before is not None:
        qualifier = before[0]
    elif after is not None:
        qualifier = after[0]
    elif m.vague:
        qualifier = Qualifier.AT_LEAST
    lower, upper = bounds(qualifier, m.value)
    first = before[1] if before is not None else m.first
    last = after[1] if after is not None else m.last
    return Claim(m, qualifier, lower, upper, first, last)


def _share(a: NumberMatch, b: NumberMatch) -> tuple[NumberMatch, NumberMatch]:
    """Complete the ends of a range with the scale and unit written only once."""
    if b.scaled and not a.scaled and a.kind == "digits" and a.value < b.base:
        a = replace(a, value=float(Decimal(repr(a.value)) * _scale_of(b)), scaled=True)
    elif factor := _thousands_of(a, b):  # "30-40,000": 30,000 to 40,000
        a = replace(a, value=a.value * factor)
    if a.unit is None and b.unit is not None:
        a = replace(a, unit=b.unit)
    elif b.unit is None and a.unit is not None:
        b = replace(b, unit=a.unit)
    return a, b


def _thousands_of(a: NumberMatch, b: NumberMatch) -> int:
    """The thousands written once for both ends ("30-40,000", "5-10,000"): the factor
    that puts a bare lower end in the upper end's order of magnitude, else 0."""
    groups = _ROUND_THOUSANDS.fullmatch(b.text)
    if a.kind != "digits" or b.kind != "digits" or a.scaled or groups is None:
        return 0
    if not a.text.isdigit() or a.value >= 1000:
        return 0
    factor = 1000 ** groups.group(1).count(",")
    return factor if b.value / 10 <= a.value * factor < b.value else 0


def _scale_of(m: NumberMatch) -> Decimal:
    """The scale a number was multiplied by ("3 million" -> 1,000,000)."""
    return Decimal(repr(m.value)) / Decimal(repr(m.base))


def _joiner(lexes: Sequence[Lex], a: NumberMatch, b: NumberMatch) -> str | None:
    """The one word between two numbers, if it can join a range."""
    if b.first - a.last != 1:
        return None
    word = lexes[a.last].lower
    return word if word in qualifiers_lexicon()["range_joiners"] else None


def _opener(lexes: Sequence[Lex], a: NumberMatch) -> tuple[str, int] | None:
    """The "between"/"from" right before a range's lower end, and where it starts."""
    for n in (2, 1):
        start = a.first - n
        if start >= 0 and _text(lexes, start, a.first) in qualifiers_lexicon()["range_before"]:
            return _text(lexes, start, a.first), start
    return None


def _changes(lexes: Sequence[Lex], start: int) -> bool:
    """A change verb just before: "rose from 500 to 1,000" is two values, not a range."""
    verbs = set(lexicon()["change_verbs"])
    return any(lx.lower in verbs for lx in lexes[max(0, start - 3) : start])


def _dateline_dash(lexes: Sequence[Lex], a: NumberMatch, b: NumberMatch) -> bool:
    """A spaced dash before a number word: "ROME, AUG 13 - Two planes ..." ends a dateline."""
    dash = lexes[a.last]
    return (
        b.kind == "words" and lexes[a.last - 1].end < dash.start and dash.end < lexes[b.first].start
    )


def _range_kind(lexes: Sequence[Lex], a: NumberMatch, b: NumberMatch) -> str | None:
    """Whether two neighbouring numbers make a "range", a "score" or neither (None)."""
    joiner = _joiner(lexes, a, b)
    if joiner is None:
        return None
    opener = _opener(lexes, a)
    start = opener[1] if opener else a.first
    if _changes(lexes, start):
        return None
    if joiner == "and":
        return "range" if opener and opener[0].endswith("between") else None
    if joiner in ("-", "–", "—") and _dateline_dash(lexes, a, b):
        return None
    low, high = _share(a, b)
    if joiner in ("-", "–", "—") and low.value >= high.value:
        return "score"
    if low.value >= high.value:
        return None
    if joiner == "or" and not (a.kind == b.kind == "words" or high.value <= 2 * low.value):
        return None
    return "range"


def _range_claims(lexes: Sequence[Lex], a: NumberMatch, b: NumberMatch, index: int) -> list[Claim]:
    low, high = _share(a, b)
    opener = _opener(lexes, a)
    first = opener[1] if opener else a.first
    before = qualifier_before(lexes, replace(a, first=first))
    if before is not None:
        first = before[1]
    after = qualifier_after(lexes, b)
    last = after[1] if after is not None else b.last
    lo, hi = low.value, high.value
    return [
        Claim(low, Qualifier.AT_LEAST, lo, hi, first, a.last, index),
        Claim(high, Qualifier.UP_TO, lo, hi, b.first, last, index),
    ]


def _ratio(lexes: Sequence[Lex], a: NumberMatch, b: NumberMatch) -> bool:
    """ "one in five", "three out of four"; not a measure over a time ("30 square miles
    in four hours") nor two measures."""
    if _text(lexes, a.last, b.first) not in ("in", "out of"):
        return False
    after = lexes[b.last].lower if b.last < len(lexes) else ""
    return not (a.unit or b.unit) and after not in lexicon()["time_units"]


def qualify(lexes: Sequence[Lex], matches: Sequence[NumberMatch]) -> QualifiedNumbers:
    """Turn the number matches of one sentence into claims, pairing the ends of ranges."""
    out = QualifiedNumbers()
    k = 0
    n_ranges = 0
    while k < len(matches):
        a = matches[k]
        b = matches[k + 1] if k + 1 < len(matches) else None
        kind = _range_kind(lexes, a, b) if b is not None else None
        if b is not None and kind == "range":
            out.claims.extend(_range_claims(lexes, a, b, n_ranges))
            n_ranges += 1
            k += 2
            continue
        if b is not None and kind == "score":
            out.dropped.update({a.first: "score", b.first: "score"})
        out.claims.append(_single(lexes, a))
        k += 1
    for a, b in pairwise(matches):
        if _ratio(lexes, a, b):
            out.dropped.update({a.first: "ratio", b.first: "ratio"})
    out.conversions.update(_conversions(lexes, matches))
    out.claims[:] = [_converted(c, out.claims, out.conversions) for c in out.claims]
    return out


def _conversions(lexes: Sequence[Lex], matches: Sequence[NumberMatch]) -> dict[int, int]:
    """Bracketed conversions of the number before: "5,000 hectares (about 12,355 acres)"."""
    out: dict[int, int] = {}
    for a, b in pairwise(matches):
        before = qualifier_before(lexes, b)
        opening = before[1] - 1 if before is not None else b.first - 1
        if a.unit and opening == a.last and lexes[opening].text == "(":
            out[b.first] = a.first
    return out


def _converted(claim: Claim, claims: Sequence[Claim], conversions: dict[int, int]) -> Claim:
    """A conversion with no qualifier of its own takes the converted number's:
    "about 17,800 hectares (44,000 acres)" is about 44,000 acres."""
    source = conversions.get(claim.match.first)
    if source is None or claim.qualifier is not Qualifier.EXACT or claim.range_index is not None:
        return claim
    first = next((c for c in claims if c.match.first == source), None)
    if first is None or first.range_index is not None:
        return claim
    lower, upper = bounds(first.qualifier, claim.value)
    return replace(claim, qualifier=first.qualifier, lower=lower, upper=upper)
