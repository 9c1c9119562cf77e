"""Verdicts: comparing the claims of one event, measure and population.

Claims of one chain with the same stated value form a *statement* (a source repeating
itself, or restating an old toll: "up from the 96 it reported on Saturday"); its
representative is its earliest claim. Then:

- **revision**: a chain's statement first made on a later date, with a different value,
  replaces one of the chain's earlier, not yet replaced statements: the statements of one
  day are matched to their predecessors at the least total cost (log of the value ratio,
  plus a penalty for a changed kind of bound), so 1,340 -> 1,420 rather than 486 -> 1,420,
  and "at least 96" -> "at least 143" beside 58 -> 87. The replaced statement is *current*
  only until then.
- **conflict**: statements of two chains (source identities), current at a common time,
  whose intervals contradict (:func:`~newsprov.analysis.bounds.contradicts`: a soft "as
  many as" never does). Comparing each source's current value means a sheriff's
  superseded 6 is not held against the fire agency's later 9. A statement is current
  from its date until its source replaces it, and at most ``STALE_DAYS`` after it: an
  early snapshot is not held against a final count. An undated statement can agree with
  others but never conflicts (no common time can be shown).
- **corroboration**: a largest set of statements of different chains, current at a common
  time, whose intervals all intersect (intervals in time and in value: pairwise overlap
  means a common point, so these are the maximal cliques of the agreement graph).

Two figures of one sentence are not compared with each other unless two named sources give
them ("organisers said 250,000, police 42,000"): "rose to 50 from 30" is one source.

A measure in ``OWN_AMOUNTS`` (aid pledged, donated, raised) is each giver's own amount:
two sources' amounts are two quantities ("Adelson committed $5 million, the Ricketts
family $1 million"), so they never conflict, and agree only when both state the same
exact amount ("four donations totaling $2.35 million", in a book and in a newspaper).
A later figure that only rounds an earlier one of its chain ("nearly $916 million", then
"nearly $1 billion") restates it: no revision. A figure an article gives as its source's
earlier one ("up from its earlier estimate of $3 billion", "less than a week ago it
estimated ...") is dated before the article (see :mod:`newsprov.analysis.claims`), so the
source's current figure revises it; one known only as replaced ("up from") is never
compared with other sources. Two figures of one sentence are a revision only when it says
so ("up from 30"): "in February he raised $5.7 million, and he had $5 million in cash at
the start of March" gives two quantities, not one revised.

Figures more than ``MAX_RATIO`` times apart are taken to count different things (a
war-wide total against one town's toll) and are not compared. Claims are deduplicated
first (:mod:`newsprov.analysis.claims`), so a wire story run by ten outlets counts once and
cannot corroborate itself.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np

from newsprov.analysis._assignment import linear_sum_assignment
from newsprov.analysis.bounds import compatible, contradicts, describe_gap
from newsprov.analysis.claims import GroupKey, group_claims
from newsprov.analysis.records import Claim, Verdict

__all__ = [
    "CUMULATIVE",
    "MAX_RATIO",
    "OWN_AMOUNTS",
    "SNAPSHOTS",
    "STALE_DAYS",
    "Statement",
    "compare_group",
    "find_verdicts",
    "statements",
]

MAX_RATIO = 20.0
STALE_DAYS = 2
_NO_MATCH = 1e9
_KIND_PENALTY = 0.5
_DOWN_PENALTY = 1.0
_ROUNDING = 1.25
CUMULATIVE = frozenset(
    {
        "deaths",
        "injuries",
        "arrests",
        "area-burned",
        "buildings-destroyed",
        "homes-destroyed",
        "economic-loss",
        "rescued",
    }
)
"""Measures whose counts only grow while an event unfolds (a fall is an unlikely revision)."""
SNAPSHOTS = frozenset({"crowd-size"})
"""Measures counted at one moment (a crowd): figures stated more than ``SNAPSHOT_DAYS``
apart count different gatherings (Tuesday's rally, Thursday's), so they are neither
compared nor a revision of each other."""
SNAPSHOT_DAYS = 1
OWN_AMOUNTS = frozenset({"aid-amount"})
"""Measures whose figures are each source's own amount, never rival counts (module doc)."""


def _order(c: Claim) -> tuple[bool, dt.date, str]:
    """Dated claims first, earliest first, then by IRI."""
    return c.date is None, c.date or dt.date.max, c.iri


@dataclass(slots=True)
class Statement:
    """One chain's claims of one value; current from ``first`` until ``until``."""

    claims: list[Claim]
    until: dt.date | None = None  # replaced on this date (None: still current)

    @property
    def rep(self) -> Claim:
        """The earliest claim: the statement as first made."""
        return min(self.claims, key=_order)

    @property
    def earlier(self) -> bool:
        """Whether the statement is only known as what its source later replaced ("up from
        its earlier estimate of ..."): it takes part in revisions, not in comparisons."""
        return all(c.kind == "earlier" for c in self.claims)

    @property
    def first(self) -> dt.date | None:
        """The date the statement was first made (None when undated)."""
        return self.rep.date

    @property
    def last(self) -> dt.date | None:
        """The day it stops being current: replaced, or ``STALE_DAYS`` after it was last
        restated."""
        dates = [c.date for c in self.claims if c.date is not None]
        if not dates:
            return None
        stale = max(dates) + dt.timedelta(days=STALE_DAYS)
        return min(stale, self.until) if self.until else stale

    def current_with(self, other: Statement) -> bool:
        """Whether both statements are current at some common time (an undated one may
        be; see :func:`_conflicts_and_agreement`)."""
        if self.first is None or other.first is None or self.last is None or other.last is None:
            return True
        return max(self.first, other.first) < min(self.last, other.last)


def _ratio(a: Claim, b: Claim) -> float:
    lo, hi = sorted((a.magnitude, b.magnitude))
    return math.inf if lo <= 0 else hi / lo


def statements(claims: Sequence[Claim]) -> list[Statement]:
    """Claims grouped by (chain, stated value, whether it is given as a ceiling): "250,000"
    and "more than 250,000" are one statement, "more than 300" and "nearly 300" two; a
    derived total is a statement of its own."""
    groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for c in claims:
        key = (c.chain, c.iri) if c.derived else (c.chain, c.value, _below(c))
        groups[key].append(c)
    return sorted((Statement(g) for g in groups.values()), key=lambda s: _order(s.rep))


def _below(c: Claim) -> bool:
    """Whether the value is given as (about) a ceiling: "nearly 300", "up to 300"."""
    return c.interval.lo < 0.9 * c.value[0] and c.interval.hi <= 1.1 * c.value[1]


def _verdict(
    kind: str, key: GroupKey, stmts: Sequence[Statement], note: str, gap: float | None = None
) -> Verdict:
    first, *others = [s.rep for s in stmts]
    members = tuple(c for s in stmts for c in s.claims)
    chains = len({s.rep.chain for s in stmts})
    return Verdict(kind, key[0], key[1], key[2], first, tuple(others), chains, note, gap, members)


def _bound_kind(c: Claim) -> int:
    """0 a point or range, 1 a lower bound, 2 an upper bound."""
    return 1 if c.interval.hi == math.inf else 2 if c.interval.lo == 0 < c.interval.hi else 0


def _revision_cost(old: Statement, new: Statement) -> float:
    """How unlike a revision the pair is: the log of the value ratio, plus penalties when
    the kind of bound changes ("at least 96" -> "at least 143" beats "58" -> "at least 143")
    and when a cumulative count (deaths, injuries) goes down."""
    ratio = _ratio(old.rep, new.rep)
    if ratio > MAX_RATIO or _rounds(old.rep, new.rep) or _other_moment(old.rep, new.rep):
        return _NO_MATCH
    if _one_sentence(old, new) and not old.earlier:
        return _NO_MATCH  # "in February he raised $5.7m, and had $5m in cash": two quantities
    cost = abs(math.log(ratio))
    if _bound_kind(old.rep) != _bound_kind(new.rep):
        cost += _KIND_PENALTY
    if new.rep.measure in CUMULATIVE and new.rep.magnitude < old.rep.magnitude:
        cost += _DOWN_PENALTY
    return cost


def _rounds(old: Claim, new: Claim) -> bool:
    """Whether ``new`` only restates ``old`` rounded: approximate, compatible with it,
    within ``_ROUNDING`` of it and with fewer significant digits ("nearly $916 million" ->
    "nearly $1 billion"; "at least 212" -> "more than 1,000" is a rise)."""
    approximate = new.interval.lo < new.value[0] or new.interval.hi > new.value[1]
    return (
        approximate
        and _ratio(old, new) <= _ROUNDING
        and compatible(old.interval, new.interval)
        and _digits(new.value[1]) < _digits(old.value[1])
    )


def _digits(value: float) -> int:
    """Significant digits of a stated value: 916,000,000 -> 3, 1,000,000,000 -> 1."""
    text = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return len(text) or 1


def _match_day(current: list[Statement], new: list[Statement]) -> list[tuple[Statement, Statement]]:
    """Pair the statements first made on one day with those they replace, at least total
    cost (two new values on one day, e.g. a toll and its civilian part, each replace their
    own predecessor)."""
    if not current or not new:
        return []
    cost = np.array([[_revision_cost(o, n) for o in current] for n in new])
    if cost.shape == (1, 1):  # one pair: the only assignment
        rows, cols = np.array([0]), np.array([0])
    else:  # SciPy's solver, step for step, without its 0.5 s import
        rows, cols = (np.array(x) for x in linear_sum_assignment(cost.tolist()))
    pairs = zip(rows, cols, strict=True)
    return [(current[c], new[r]) for r, c in pairs if cost[r, c] < _NO_MATCH]


def _revisions(key: GroupKey, stmts: Sequence[Statement]) -> list[Verdict]:
    """Link each dated statement to the statement of its chain it replaces (module doc)."""
    verdicts = []
    by_chain: dict[str, dict[dt.date, list[Statement]]] = defaultdict(lambda: defaultdict(list))
    for st in stmts:
        if st.first is not None and not st.rep.derived:
            by_chain[st.rep.chain][st.first].append(st)
    for chain in sorted(by_chain):
        current: list[Statement] = []
        for day in sorted(by_chain[chain]):
            new = by_chain[chain][day]
            for old, replacement in _match_day(current, new):
                old.until = day
                a, b = old.rep, replacement.rep
                note = f"{a.chain_label}: {a.text} ({_when(a)}) → {b.text} ({_when(b)}) — revised"
                verdicts.append(_verdict("revision", key, [old, replacement], note))
            current = [st for st in current if st.until is None] + new
    return verdicts


def _when(c: Claim) -> str:
    """A claim's date as known: "2024-10-07", "about 2024-10-01" (dated relative to its
    article), "before 2024-10-07" (a figure its article only calls earlier)."""
    if c.date is None:
        return "undated"
    if c.dated == "before":
        return f"before {c.date + dt.timedelta(days=1)}"
    return f"about {c.date}" if c.dated == "about" else str(c.date)


def _comparable(a: Statement, b: Statement) -> bool:
    return (
        a.rep.chain != b.rep.chain
        and not (a.earlier or b.earlier)
        and a.current_with(b)
        and _ratio(a.rep, b.rep) <= MAX_RATIO
        and not (set(a.rep.parts) & set(b.rep.figures) or set(b.rep.parts) & set(a.rep.figures))
        and not _one_sentence(a, b)
        and not _other_moment(a.rep, b.rep)
    )


def _other_moment(a: Claim, b: Claim) -> bool:
    """Whether two snapshot figures (see ``SNAPSHOTS``) are dated too far apart to count
    one gathering."""
    if a.measure not in SNAPSHOTS or a.date is None or b.date is None:
        return False
    return abs((a.date - b.date).days) > SNAPSHOT_DAYS


def _one_sentence(a: Statement, b: Statement) -> bool:
    """Whether the two were read from one sentence of one article and cannot be two
    sources' rival figures there ("rose to 50 from 30", or a figure the NLP gave only a
    relaying outlet): two named sources in one sentence ("organisers said 250,000, police
    42,000") are compared."""
    return any(
        x.article == y.article
        and x.sentences & y.sentences
        and (x.chain == y.chain or x.source is None or y.source is None)
        for x in a.claims
        for y in b.claims
    )


def _conflicts_and_agreement(
    key: GroupKey, stmts: Sequence[Statement]
) -> tuple[list[Verdict], list[set[int]]]:
    verdicts = []
    agree: list[set[int]] = [set() for _ in stmts]  # statement -> those it agrees with
    own = key[1] in OWN_AMOUNTS
    for i, j in combinations(range(len(stmts)), 2):
        a, b = stmts[i], stmts[j]
        if not _comparable(a, b):
            continue
        if own:
            if _exact(a.rep) and a.rep.interval == b.rep.interval:
                agree[i].add(j)
                agree[j].add(i)
            continue
        if compatible(a.rep.interval, b.rep.interval):
            agree[i].add(j)
            agree[j].add(i)
            continue
        if a.first is None or b.first is None or not contradicts(a.rep.interval, b.rep.interval):
            continue  # undated: agreement counts, but no conflict without a common time
        x, y = sorted([a, b], key=lambda st: _order(st.rep))
        low, high = sorted([x.rep.interval, y.rep.interval], key=lambda iv: iv.hi)
        note = (
            f"{x.rep.describe()} vs {y.rep.describe()} — conflict: "
            f"{describe_gap(x.rep.interval, y.rep.interval)}"
        )
        verdicts.append(_verdict("conflict", key, [x, y], note, high.lo - low.hi))
    return verdicts, agree


def _exact(c: Claim) -> bool:
    return c.interval.lo == c.interval.hi


def maximal_cliques(adjacent: Sequence[set[int]]) -> list[list[int]]:
    """Every maximal clique of the graph whose node ``i`` neighbours ``adjacent[i]``
    (no loops), each sorted, in sorted order: Bron–Kerbosch with a pivot, the algorithm
    of networkx's ``find_cliques``, without importing networkx (0.1 s of every ingest)."""
    out: list[list[int]] = []

    def extend(clique: list[int], candidates: set[int], done: set[int]) -> None:
        if not candidates and not done:
            out.append(sorted(clique))
            return
        pivot = max(candidates | done, key=lambda u: len(candidates & adjacent[u]))
        for v in sorted(candidates - adjacent[pivot]):
            extend([*clique, v], candidates & adjacent[v], done & adjacent[v])
            candidates = candidates - {v}
            done = done | {v}

    if adjacent:
        extend([], set(range(len(adjacent))), set())
    return sorted(out)


def _corroborations(
    key: GroupKey, stmts: Sequence[Statement], agree: Sequence[set[int]]
) -> list[Verdict]:
    verdicts = []
    cliques = [c for c in maximal_cliques(agree) if len(c) >= 2]
    for clique in cliques:
        group = sorted((stmts[i] for i in clique), key=lambda st: _order(st.rep))
        note = " vs ".join(st.rep.describe() for st in group)
        verdicts.append(
            _verdict("corroboration", key, group, f"{note} — compatible ({len(group)} chains)")
        )
    return verdicts


def compare_group(key: GroupKey, claims: Sequence[Claim]) -> list[Verdict]:
    """Every verdict among the claims of one group."""
    stmts = statements(claims)
    revisions = _revisions(key, stmts)
    conflicts, agree = _conflicts_and_agreement(key, stmts)
    return [*_corroborations(key, stmts, agree), *conflicts, *revisions]


def find_verdicts(claims: Iterable[Claim]) -> list[Verdict]:
    """Verdicts of every (event, measure, population, unit) group."""
    out: list[Verdict] = []
    for key, group in group_claims(claims).items():
        out.extend(compare_group(key, group))
    return out
