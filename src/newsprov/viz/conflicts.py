"""Marking conflicting figures so the explorer can draw them in red.

Two sources of truth, in order:

1. ``np:Conflict`` verdicts in the store (written by the analysis layer): every
   ``np:verdictFigure`` of one is a conflict, with its ``np:verdictNote``.
2. When the store holds no verdicts at all, a conservative check of our own: figures of
   the same measure and population in articles about the same event conflict when they
   come from different sources and their bounds cannot both hold ("more than 1,000"
   against "about 600"). Bounds follow ``np:lowerBound``/``np:upperBound``; without them
   an exact figure is a point, "about" allows ±10 % and "more than"/"up to" are open.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import networkx as nx
from rdflib import URIRef

from newsprov.rdf.store import Store

__all__ = ["CONFLICT_EDGE", "find_conflicts", "interval", "mark_conflicts"]

_PREFIX = "PREFIX np: <https://newsprov.org/ontology#>\n"
_Q_CONFLICTS = (
    _PREFIX
    + """SELECT ?f ?note WHERE { ?v a np:Conflict ; np:verdictFigure ?f .
  OPTIONAL { ?v np:verdictNote ?note } }"""
)
_Q_PAIRS = (
    _PREFIX
    + """SELECT DISTINCT ?a ?b WHERE { ?v a np:Conflict ; np:firstFigure ?a ; np:secondFigure ?b }
ORDER BY ?a ?b"""
)
CONFLICT_EDGE = "conflicts with"
"""Label (and key) of the edges drawn between two figures that disagree."""
_Q_ANY_VERDICT = (
    _PREFIX
    + """ASK { VALUES ?c { np:Verdict np:Conflict np:Corroboration
  np:Revision } ?v a ?c }"""
)
_LOWER_ONLY = frozenset({"more than", "at least", "over", "above"})
_UPPER_ONLY = frozenset(
    {"up to", "nearly", "almost", "less than", "fewer than", "at most", "under"}
)
_ABOUT = 0.1  # "about 600" is read as 540..660
_MAX_NOTES = 3


def interval(number: dict[str, Any]) -> tuple[float, float]:
    """The values a figure allows, as a closed interval (infinite ends = unbounded)."""
    lower, upper, value = number.get("lower"), number.get("upper"), number.get("value")
    if lower is not None or upper is not None:
        return (lower if lower is not None else -math.inf, upper if upper is not None else math.inf)
    if value is None:
        return (-math.inf, math.inf)
    qualifier = (number.get("qualifier") or "exact").lower()
    if qualifier in _LOWER_ONLY:
        return (value, math.inf)
    if qualifier in _UPPER_ONLY:
        return (-math.inf, value)
    if qualifier == "exact":
        return (value, value)
    return (value * (1 - _ABOUT), value * (1 + _ABOUT))


def _groups(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], list[str]]:
    """Figures keyed by (event, measure, population) of the articles reporting them."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for node, data in g.nodes(data=True):
        if data["kind"] != "figure" or not data.get("measure"):
            continue
        article = g.nodes[data["article"]]
        population = (data["number"].get("population") or "").lower()
        for event in article.get("events", {}):
            groups[(event, data["measure"], population)].append(node)
    return groups


def find_conflicts(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Figure IRI -> notes, for figures whose bounds clash with another source's.

    One source revising itself is not a conflict. At most _MAX_NOTES notes per figure;
    figures are scanned in bound order, so a group of thousands costs about a sort.
    """
    return {f: [_note(g, o) for o in others] for f, others in _conflicting(g).items()}


def _conflicting(g: nx.MultiDiGraph) -> dict[str, list[str]]:
    """Figure IRI -> the figures (of other sources) it clashes with."""
    found: dict[str, list[str]] = {}
    for figures in _groups(g).values():
        spans = {f: interval(g.nodes[f]["number"]) for f in figures}
        by_upper = sorted(figures, key=lambda f: spans[f][1])
        by_lower = sorted(figures, key=lambda f: -spans[f][0])
        for figure in figures:
            others = _clashing(g, figure, spans, by_upper, by_lower)
            if others:
                found[figure] = others
    return found


def _clashing(
    g: nx.MultiDiGraph,
    figure: str,
    spans: dict[str, tuple[float, float]],
    by_upper: list[str],
    by_lower: list[str],
) -> list[str]:
    """Up to _MAX_NOTES figures of other sources whose interval misses ``figure``'s."""
    lower, upper = spans[figure]
    below = itertools.takewhile(lambda f: spans[f][1] < lower, by_upper)
    above = itertools.takewhile(lambda f: spans[f][0] > upper, by_lower)
    sources = g.nodes[figure]["sources"]
    others = (f for f in itertools.chain(below, above) if g.nodes[f]["sources"] != sources)
    return list(itertools.islice(others, _MAX_NOTES))


def _note(g: nx.MultiDiGraph, other: str) -> str:
    data = g.nodes[other]
    sources = ", ".join(sorted(g.nodes[s]["label"] for s in data["sources"])) or "no source"
    return f"conflicts with {data['label']} from {sources}"


def _mark(g: nx.MultiDiGraph, notes: Iterable[tuple[str, str]]) -> int:
    marked: set[str] = set()
    for figure, note in notes:
        if figure not in g or g.nodes[figure]["kind"] != "figure":
            continue
        data = g.nodes[figure]
        data["conflict"] = True
        marked.add(figure)
        shown = sum(line.startswith("CONFLICT") for line in data["lines"])
        if shown < _MAX_NOTES:
            data["lines"].append(f"CONFLICT: {note}")
    return len(marked)


def _link(g: nx.MultiDiGraph, pairs: Iterable[tuple[str, str]]) -> None:
    """A red "conflicts with" edge between each pair of figures drawn in ``g``."""
    for a, b in pairs:
        if a == b or a not in g or b not in g:  # e.g. a derived total, not drawn
            continue
        if not (g.has_edge(a, b, CONFLICT_EDGE) or g.has_edge(b, a, CONFLICT_EDGE)):
            g.add_edge(a, b, key=CONFLICT_EDGE, label=CONFLICT_EDGE, conflict=True)


def mark_conflicts(g: nx.MultiDiGraph, store: Store, *, part: bool = False) -> int:
    """Set ``conflict=True`` (and a CONFLICT line) on conflicting figures and link each
    pair that disagrees with a ``conflicts with`` edge; returns how many figures.

    ``part``: ``g`` draws a small part of a big store, so the verdicts are looked up
    figure by figure (from each figure's IRI) instead of all read at once."""
    if store.ask(_Q_ANY_VERDICT):
        if part:
            figures = [n for n, d in g.nodes(data=True) if d["kind"] == "figure"]
            rows = [
                r for f in figures for r in store.select(_Q_CONFLICTS, {"f": URIRef(f)}).dicts()
            ]
            pairs = [r for f in figures for r in store.select(_Q_PAIRS, {"a": URIRef(f)}).dicts()]
        else:
            rows = store.select(_Q_CONFLICTS).dicts()
            pairs = store.select(_Q_PAIRS).dicts()
        marked = _mark(g, ((str(r["f"]), str(r["note"] or "np:Conflict verdict")) for r in rows))
        _link(g, ((str(r["a"]), str(r["b"])) for r in pairs))
        return marked
    found = _conflicting(g)
    marked = _mark(g, ((f, _note(g, o)) for f, others in found.items() for o in others))
    _link(g, ((f, o) for f, others in found.items() for o in others))
    return marked
