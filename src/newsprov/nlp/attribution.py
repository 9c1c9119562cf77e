"""Who a figure is attributed to (``source``) and which outlet relayed it (``via``).

Rules are pure functions over a parsed Doc and the article's ``EntityTable``. A *frame*
is one attribution cue in a sentence:

* "according to X", "citing X", "X's figures", "figures from X", "a toll compiled by X",
  "the police estimate of N";
* a reporting verb (``data/reporting_verbs.json``) and its subject (``subjects``): "X
  said/stated that …", "…, X said.", "…, said X.", "X put the toll at …", "he said" /
  "the monitor added" (resolved by the table, see ``sources``); a recipient outlet is the
  via: "X told AFP", "spoke to AP", "as quoted by AP"; an outlet that is the only speaker
  ("…, reported the Associated Press") is the via with no source.

Among a sentence's frames the one whose cue governs the number wins, then one hanging
off the number's clause ("…, the agency said" as a conjunct or parataxis), then the
nearest. Every frame's source is noted in the table, so "the agency said" / "it added"
can point back at the organisation cited last. Events ("the Sawtooth Fire") never speak.
Outlets are never the source when a non-outlet source is present; the publisher is never
the via. With no frame, an organisation that did what the count counts is its source
("The UN launched an appeal for $25 million"; ``agent`` verbs). A figure sentence
without a frame inherits (``context``) the frame of the previous sentence of the same
paragraph (or of the previous paragraph when the count continues it: "Another 41 …")
when that sentence had one of its own or inherited one; photo captions (sentences that
end at a credit) and counts dated to a year never inherit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from newsprov.model import Attribution, EntityType

from .aliases import load_json
from .boundaries import credit_spans, paragraph_breaks, paragraph_of, trimmed
from .coref import Cluster, EntityTable
from .subjects import subject_of

__all__ = [
    "FigureAttribution",
    "FigureLike",
    "Frame",
    "ReportingLexicon",
    "agent_source",
    "attribute_figures",
    "reporting_lexicon",
    "sentence_frames",
    "subject_of",
    "verb_frame",
]

_QUOTE_MARKS = set('“”"')
_VERBS = {"VERB", "AUX"}
_HANGING = {"conj", "advcl", "parataxis"}  # "…, X said" parsed beside the clause
# words that make a count continue the previous one across a paragraph break
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CONTINUATION = {"another", "further", "also", "additional", "remaining", "more"}


class FigureLike(Protocol):
    """What attribution needs of a ``FigureSpan``: its number's token range."""

    @property
    def num_start(self) -> int: ...

    @property
    def num_end(self) -> int: ...


@dataclass(frozen=True, slots=True)
class ReportingLexicon:
    """The lemma lists of ``reporting_verbs.json``."""

    speech: frozenset[str]
    figure: frozenset[str]
    nouns: frozenset[str]
    quote_verbs: frozenset[str]
    via_verbs: frozenset[str]
    agent: frozenset[str] = frozenset()


@cache
def reporting_lexicon() -> ReportingLexicon:
    """Reporting verbs and nouns shipped as data (loaded once)."""
    data = load_json("reporting_verbs.json")

    def words(key: str) -> frozenset[str]:
        value = data.get(key, [])
        assert isinstance(value, list)
        return frozenset(str(v) for v in value)

    return ReportingLexicon(
        words("speech"),
        words("figure"),
        words("nouns"),
        words("quote_verbs"),
        words("via_verbs"),
        words("agent"),
    )


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


def _split(cluster: Cluster | None, via: Cluster | None, anchor: int) -> Frame | None:
    """A frame where an outlet speaker becomes the via when nothing else is."""
    if cluster is not None and cluster.kind is EntityType.OUTLET:
        if via is None:
            return Frame(None, cluster, anchor)
        cluster = None
    if cluster is None and via is None:
        return None
    return Frame(cluster, via, anchor)


def _outlet(c: Cluster | None) -> Cluster | None:
    return c if c is not None and c.kind is EntityType.OUTLET else None


def _via_of(verb: Token, table: EntityTable) -> Cluster | None:
    """The outlet the words were given to: "told AFP", "spoke to AP", "quoted by AP"."""
    lex = reporting_lexicon()
    for child in verb.children:
        if child.dep_ in {"dobj", "dative", "iobj"} and verb.lemma_ in lex.via_verbs:
            found = _outlet(table.resolve(child))
        elif child.dep_ in {"prep", "agent"} and child.lower_ in {"to", "with", "by"}:
            found = next(
                (_outlet(table.resolve(p)) for p in child.children if p.dep_ == "pobj"), None
            )
        elif child.dep_ == "advcl" and child.lemma_ in {"quote", "speak", "talk", "tell"}:
            found = _via_of(child, table)
        else:
            continue
        if found is not None:
            return found
    return None


def _states_figure(verb: Token) -> bool:
    """Does the verb state a count: "put the toll at 34", "put the crowd at 60,000"?"""
    lex = reporting_lexicon()
    if any(c.dep_ == "dobj" and c.lemma_ in lex.nouns for c in verb.children):
        return True
    return any(
        t.dep_ == "prep" and t.lower_ == "at" and any(n.like_num for n in t.subtree)
        for t in verb.subtree
    )


def verb_frame(verb: Token, table: EntityTable) -> Frame | None:
    """The frame of a reporting verb: its resolved subject and recipient outlet."""
    lex = reporting_lexicon()
    lemma = verb.lemma_
    if lemma in lex.figure and not _states_figure(verb):
        return None
    if lemma == "cite":
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        return _split(table.resolve(obj) if obj is not None else None, None, verb.i)
    subj = subject_of(verb)
    source = table.resolve(subj) if subj is not None else None
    if lemma == "quote" and subj is None:
        return None
    frame = _split(source, _via_of(verb, table), verb.i)
    if frame is None or subj is None:
        return frame
    # "Police, who estimated the turnout at 42,000, said …": the relative clause is the
    # speaker phrase of "said" but the statement of "estimated"
    end = verb.left_edge.i if subj.left_edge.i < verb.i <= subj.right_edge.i else None
    return replace(frame, speaker_span=(subj.left_edge.i, end or subj.right_edge.i + 1))


def _according_to(tok: Token, table: EntityTable) -> Frame | None:
    """The frame of "according to X" / "according to figures from X"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if tok.lower_ != "according" or nxt is None or nxt.lower_ != "to":
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    found = table.resolve(pobj) if pobj is not None else None
    if found is None:
        end = pobj.right_edge.i + 1 if pobj is not None else min(len(tok.doc), tok.i + 8)
        hits = [c for c in table.in_tokens(nxt.i + 1, end) if not table.is_event(c)]
        found = hits[0] if hits else None
    return _split(found, None, tok.i)


def _report_noun(tok: Token, table: EntityTable) -> Frame | None:
    """The frame of a report noun: "X's figures", "figures from X", "in a statement"."""
    lex = reporting_lexicon()
    if tok.lemma_ not in lex.nouns or tok.pos_ != "NOUN":
        return None
    for child in tok.children:
        if child.dep_ == "poss":
            return _split(table.resolve(child), None, tok.i)
        if child.dep_ == "compound" and child.i < tok.i:  # "the police estimate of 42,000"
            found = table.resolve(child)
            if found is not None and found.kind is not EntityType.PLACE:
                return _split(found, None, tok.i)
        if child.dep_ == "prep" and child.lower_ in {"from", "by", "of"}:
            pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
            found = table.resolve(pobj) if pobj is not None else None
            if found is not None and found.kind is not EntityType.PLACE:
                return _split(found, None, tok.i)
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.pos_ == "VERB":
        verb = tok.head.head
        subj = subject_of(verb)
        return _split(table.resolve(subj) if subj is not None else None, None, tok.i)
    return None


def sentence_frames(sent: Span, table: EntityTable) -> list[Frame]:
    """Every attribution frame of a sentence, in text order."""
    lex = reporting_lexicon()
    frames = []
    for tok in sent:
        frame = None
        if tok.lower_ == "according":
            frame = _according_to(tok, table)
        elif tok.pos_ == "VERB" and (tok.lemma_ in lex.speech or tok.lemma_ in lex.figure):
            frame = verb_frame(tok, table)
        elif tok.pos_ == "NOUN":
            frame = _report_noun(tok, table)
        if frame is not None and frame.source is not None and table.is_event(frame.source):
            frame = _split(None, frame.via, frame.anchor)  # "the Sawtooth Fire" never speaks
        if frame is not None:
            frames.append(frame)
            if frame.source is not None:
                table.note_source(frame.anchor, frame.source)
    return frames


def _governs(doc: Doc, anchor: int, i: int) -> int:
    """0 when the cue governs the number, 1 when the cue hangs off the number's clause
    ("… were killed, reported AP", "… rose to nine, the department said"), 2 otherwise."""
    tok, cue = doc[i], doc[anchor]
    if cue in tok.ancestors:
        return 0
    return 1 if cue.dep_ in _HANGING and cue.head in tok.ancestors else 2


def _within(span: tuple[int, int], i: int) -> bool:
    return span[0] <= i < span[1]


def _choose(doc: Doc, frames: Sequence[Frame], i: int) -> tuple[Cluster | None, Cluster | None]:
    """The source and via for the number at token ``i`` among a sentence's frames."""
    usable = [f for f in frames if f.speaker_span is None or not _within(f.speaker_span, i)]
    ranked = sorted(usable, key=lambda f: (_governs(doc, f.anchor, i), abs(f.anchor - i)))
    source = next((f.source for f in ranked if f.source is not None), None)
    best = next((f for f in ranked if f.source is source), None) if source else None
    via = best.via if best is not None and best.via is not None else None
    if via is None:
        via = next((f.via for f in ranked if f.via is not None), None)
    return source, via


def agent_source(tok: Token, table: EntityTable) -> Cluster | None:
    """The organisation that did what a count counts, when no one reports it: the subject
    of the nearest governing agent verb ("The UN launched an appeal for $25 million",
    "Police arrested 14 people"); never a person, an outlet or an event."""
    lex = reporting_lexicon()
    for verb in tok.ancestors:
        if verb.pos_ not in _VERBS:
            continue
        if verb.lemma_ not in lex.agent:
            return None
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        found = table.resolve(subj) if subj is not None else None
        ok = found is not None and found.kind is EntityType.ORGANISATION
        return found if ok and found is not None and not table.is_event(found) else None
    return None


def _is_caption(doc: Doc, sent: Span) -> bool:
    """A sentence that ends where a photo credit begins."""
    end = trimmed(sent)[1]
    return any(0 <= s - end <= 2 for s, _ in credit_spans(doc))


def _may_inherit(sent: Span) -> bool:
    """Captions never inherit a frame, nor do background counts dated to a year ("The war
    has killed 500,000 people since 2011"): they are not the neighbour's report."""
    if _is_caption(sent.doc, sent):
        return False
    return not any(e.label_ == "DATE" and _YEAR.search(e.text) for e in sent.ents)


def _has_quote(sent: Span) -> bool:
    return any(c in _QUOTE_MARKS for c in sent.text)


def attribute_figures(
    doc: Doc,
    figures: Sequence[FigureLike],
    table: EntityTable,
    publisher: str | None = None,
) -> list[FigureAttribution]:
    """One ``FigureAttribution`` per figure (same order), see the module docstring."""
    sents = list(doc.sents)
    sent_of = {s.start: k for k, s in enumerate(sents)}
    frames = [sentence_frames(s, table) for s in sents]
    breaks = paragraph_breaks(doc.text)
    carried: dict[int, tuple[Cluster | None, Cluster | None]] = {}
    for k, s in enumerate(sents):
        carried[k] = _carry(k, s, sents, frames, carried, breaks, figures)
    out = []
    for fig in figures:
        k = sent_of[doc[fig.num_start].sent.start]
        own = _choose(doc, frames[k], fig.num_start)
        kind = Attribution.EXPLICIT
        if own == (None, None):
            own = (agent_source(doc[fig.num_start], table), None)
        if own == (None, None) and _may_inherit(sents[k]) and k > 0:
            own, kind = _inherit(k, sents, carried, breaks), Attribution.CONTEXT
        out.append(_record(own, kind, publisher))
    return out


def _carry(
    k: int,
    sent: Span,
    sents: list[Span],
    frames: list[list[Frame]],
    carried: dict[int, tuple[Cluster | None, Cluster | None]],
    breaks: list[int],
    figures: Sequence[FigureLike],
) -> tuple[Cluster | None, Cluster | None]:
    """The frame sentence ``k`` hands to the next one (own, else inherited by a figure)."""
    if _has_quote(sent) or not _may_inherit(sent):
        return (None, None)
    own = [f for f in frames[k] if f.source is not None or f.via is not None]
    if own:
        first = own[0]
        source = next((f.source for f in own if f.source is not None), None)
        via = next((f.via for f in own if f.via is not None), first.via)
        return (source, via)
    has_figure = any(sent.start <= f.num_start < sent.end for f in figures)
    if has_figure and k > 0:
        return _inherit(k, sents, carried, breaks)
    return (None, None)


def _inherit(
    k: int,
    sents: list[Span],
    carried: dict[int, tuple[Cluster | None, Cluster | None]],
    breaks: list[int],
) -> tuple[Cluster | None, Cluster | None]:
    """The previous sentence's carried frame, when it is in the same paragraph."""
    prev = sents[k - 1]
    same = paragraph_of(breaks, trimmed(prev)[0]) == paragraph_of(breaks, trimmed(sents[k])[0])
    if not same and not any(t.lower_ in _CONTINUATION for t in sents[k]):
        return (None, None)
    return carried.get(k - 1, (None, None))


def _record(
    found: tuple[Cluster | None, Cluster | None], kind: Attribution, publisher: str | None
) -> FigureAttribution:
    source, via = found
    src_key = source.key if source is not None else None
    via_key = via.key if via is not None and via.key != publisher else None
    if src_key == publisher:
        src_key = None
    if src_key is None:
        kind = Attribution.NONE
    return FigureAttribution(src_key, via_key, kind)
