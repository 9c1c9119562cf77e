"""Attribution frames and how a figure chooses among a sentence's frames.

A *frame* is one attribution cue in a sentence (a reporting verb, "according to", a
report noun) with the source and via it names (built in ``attribution``). For the number
at token ``i``:

* a frame whose cue sits inside a clause modifying a noun, and not holding the number,
  reaches only that noun's own count ("the 250,000 announced by X") or, for a report
  noun, the clause it sums up ("…, figures that the agency said would rise"); a "where" /
  "when" clause reaches nothing outside ("a town of 9,000 people, where the mayor told
  NPR that …": the mayor does not report the town's size);
* frames whose cue governs the number come first, then cues hanging off the number's
  clause ("…, the agency said"), then the nearest; among governing cues the innermost
  wins, except that an unnamed inner source ("local authorities had counted 312") yields
  to a named speaker reporting it ("the governor told Xinhua that …"), unless that
  speaker is its member ("the administration raised the toll …, its spokesman X told").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from newsprov.model import Attribution, EntityType

from .aliases import load_json
from .coref import Cluster

__all__ = [
    "FigureAttribution",
    "Frame",
    "ReportingLexicon",
    "choose",
    "outlet_of",
    "reporting_lexicon",
    "split_frame",
]

_HANGING = {"conj", "advcl", "parataxis"}  # "…, X said" parsed beside the clause
_MODIFIER_CLAUSES = {"relcl", "acl"}
_COMPLEMENTS = {"ccomp", "xcomp"}


@dataclass(frozen=True, slots=True)
class ReportingLexicon:
    """The lemma lists of ``reporting_verbs.json``."""

    speech: frozenset[str]
    figure: frozenset[str]
    nouns: frozenset[str]
    quote_verbs: frozenset[str]
    via_verbs: frozenset[str]
    agent: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()
    finding: frozenset[str] = frozenset()
    own_check: frozenset[str] = frozenset()


@cache
def reporting_lexicon() -> ReportingLexicon:
    """Reporting verbs and nouns shipped as data (loaded once)."""
    data = load_json("reporting_verbs.json")

    def words(key: str) -> frozenset[str]:
        value = data.get(key, [])
        assert isinstance(value, list)
        return frozenset(str(v) for v in value)

    return ReportingLexicon(*(words(k) for k in ReportingLexicon.__slots__))


@dataclass(frozen=True, slots=True)
class Frame:
    """One attribution cue: ``anchor`` is the cue token (verb, "according", noun)."""

    source: Cluster | None
    via: Cluster | None
    anchor: int
    # tokens of the speaker phrase: a number inside it ("X, who holds two seats, said")
    # is not what the speaker said
    speaker_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class FigureAttribution:
    """The attribution of one figure: entity keys and how the text gives it."""

    source: str | None = None
    via: str | None = None
    kind: Attribution = Attribution.NONE


def split_frame(cluster: Cluster | None, via: Cluster | None, anchor: int) -> Frame | None:
    """A frame where an outlet speaker becomes the via when nothing else is."""
    if cluster is not None and cluster.kind is EntityType.OUTLET:
        if via is None:
            return Frame(None, cluster, anchor)
        cluster = None
    if cluster is None and via is None:
        return None
    return Frame(cluster, via, anchor)


def outlet_of(c: Cluster | None) -> Cluster | None:
    """``c`` when it is an outlet."""
    return c if c is not None and c.kind is EntityType.OUTLET else None


def _governs(doc: Doc, anchor: int, i: int) -> int:
    """0 when the cue governs the number, 1 when the cue hangs off the number's clause
    ("… were killed, reported AP", "… rose to nine, the department said"), 2 otherwise."""
    tok, cue = doc[i], doc[anchor]
    if cue in tok.ancestors:
        return 0
    return 1 if cue.dep_ in _HANGING and cue.head in tok.ancestors else 2


def _reaches(doc: Doc, anchor: int, i: int) -> bool:
    """Whether the cue may speak for the number: a cue inside a clause modifying a noun
    reaches only that noun's count ("the 250,000 announced by X", "the dead, whom X
    counted") or, for a report noun, the clause it sums up ("…, figures that X said"); a
    cue after the number does not reach back across a semicolon."""
    if anchor > i and any(t.text == ";" for t in doc[i:anchor]):
        return False  # "A holds $3.6 billion; B holds $28.6 billion, the report says"
    tok: Token = doc[i]
    above = {t.i for t in tok.ancestors} | {i}
    own = {i, tok.head.i} if tok.dep_ == "nummod" else {i}
    nouns = reporting_lexicon().nouns
    t = doc[anchor]
    while t.i not in above and t.head is not t:
        if t.dep_ in _MODIFIER_CLAUSES and t.pos_ in {"VERB", "AUX"}:
            if any(c.lower_ in {"where", "when"} for c in t.children):
                return False  # "…, where the mayor told NPR that …" is about a place
            return t.head.i in own or t.head.lemma_.lower() in nouns
        t = t.head
    return True


def _reports(doc: Doc, outer: int, inner: int) -> bool:
    """Whether cue ``inner`` sits in the reported content of cue ``outer``: "the
    governor told Xinhua that local authorities had counted 312"."""
    t = doc[inner]
    while t.dep_ in _COMPLEMENTS and t.head is not t:
        t = t.head
        if t.i == outer:
            return True
    return False


def _within(span: tuple[int, int], i: int) -> bool:
    return span[0] <= i < span[1]


def _member_speaker(doc: Doc, frame: Frame) -> bool:
    """A speaker phrase that speaks for the body named before it: "its spokesman X"."""
    if frame.speaker_span is None:
        return False
    start, end = frame.speaker_span
    return any(t.dep_ == "poss" and t.lower_ in {"its", "their"} for t in doc[start:end])


def choose(doc: Doc, frames: Sequence[Frame], i: int) -> tuple[Cluster | None, Cluster | None]:
    """The source and via for the number at token ``i`` among a sentence's frames."""
    usable = [
        f
        for f in frames
        if (f.speaker_span is None or not _within(f.speaker_span, i)) and _reaches(doc, f.anchor, i)
    ]
    ranked = sorted(usable, key=lambda f: (_governs(doc, f.anchor, i), abs(f.anchor - i)))
    sourced = [f for f in ranked if f.source is not None]
    best = sourced[0] if sourced else None
    if best is not None and doc[best.anchor].pos_ == "NOUN":
        # "X's count was 699, according to the party": the possessive may be whose votes
        # were counted; "according to" names who counted
        stated = [f for f in sourced if doc[f.anchor].lower_ == "according"]
        best = stated[0] if stated else best
    if best is not None and best.source is not None and best.source.anonymous:
        outer = [
            f
            for f in sourced
            if _governs(doc, f.anchor, i) == 0
            and f.source is not None
            and not f.source.anonymous
            and _reports(doc, f.anchor, best.anchor)
            and not _member_speaker(doc, f)
        ]
        best = outer[0] if outer else best
    source = best.source if best is not None else None
    via = best.via if best is not None else None
    if via is None:
        via = next((f.via for f in ranked if f.via is not None), None)
    return source, via
