"""Context attribution: a figure sentence without a frame of its own inherits the frame
of the previous sentence of its paragraph (or of the previous paragraph when the count
continues it: "Another 41 …"); captions and counts dated to a year never inherit, and a
sentence with a quotation hands nothing on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .boundaries import credit_spans, doc_text, paragraph_of, trimmed
from .coref import Cluster
from .cues import load_cues
from .frames import Frame

__all__ = ["FigureLike", "carry", "continues", "inherit", "may_inherit"]

_QUOTE_MARKS = set('“”"')
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# words that make a count continue the previous one across a paragraph break
_CONTINUATION = {"another", "further", "also", "additional", "remaining", "more"}


class FigureLike(Protocol):
    """What attribution needs of a ``FigureSpan``: its number's token range."""

    @property
    def num_start(self) -> int: ...

    @property
    def num_end(self) -> int: ...


def _is_caption(doc: Doc, sent: Span) -> bool:
    """A sentence that ends where a photo credit begins."""
    end = trimmed(sent)[1]
    return any(0 <= s - end <= 2 for s, _ in credit_spans(doc))


def may_inherit(sent: Span) -> bool:
    """Captions never inherit a frame, nor do background counts dated to a year ("The war
    has killed 500,000 people since 2011") or reports by nobody named: they are not the
    neighbour's report."""
    if _is_caption(sent.doc, sent) or _reported_by_nobody(sent):
        return False
    return not any(_YEAR.search(text) for text in _entity_texts(sent, "DATE"))


def _reported_by_nobody(sent: Span) -> bool:
    """ "It was later reported that 12 more bodies were found": a report of its own, by
    nobody named, not the neighbour's."""
    cues = load_cues()
    expletives = [t for t in sent if t.lower_ == "it" and t.dep_ == "nsubjpass"]
    return any(cues.is_cue_verb(t.head.lemma_, t.head.lower_) for t in expletives)


def _entity_texts(sent: Span, label: str) -> list[str]:
    """Texts of the ``label`` entities wholly inside ``sent``, read from its own tokens
    (``Span.ents`` scans every entity of the Doc, quadratic over a long article)."""
    doc, out, start = sent.doc, [], None
    for tok in sent:
        if start is not None and tok.ent_iob_ != "I":
            out.append(doc[start : tok.i].text)
            start = None
        if tok.ent_iob_ == "B" and tok.ent_type_ == label:
            start = tok.i
    if start is not None and (sent.end == len(doc) or doc[sent.end].ent_iob_ != "I"):
        out.append(doc[start : sent.end].text)
    return out


def _has_quote(sent: Span) -> bool:
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # sent.text, without a join
    return not _QUOTE_MARKS.isdisjoint(text)


def carry(
    k: int,
    sent: Span,
    sents: list[Span],
    frames: list[list[Frame]],
    carried: dict[int, tuple[Cluster | None, Cluster | None]],
    breaks: list[int],
    figures: Sequence[FigureLike],
) -> tuple[Cluster | None, Cluster | None]:
    """The frame sentence ``k`` hands to the next one (own, else inherited by a figure)."""
    if _has_quote(sent) or not may_inherit(sent):
        return (None, None)
    own = [f for f in frames[k] if f.source is not None or f.via is not None]
    if own:
        first = own[0]
        source = next((f.source for f in own if f.source is not None), None)
        via = next((f.via for f in own if f.via is not None), first.via)
        return (source, via)
    has_figure = any(sent.start <= f.num_start < sent.end for f in figures)
    if has_figure and k > 0:
        return inherit(k, sents, carried, breaks)
    return (None, None)


def continues(sent: Span) -> bool:
    """Does the sentence's count continue the previous one ("Another 900 homes …", "a
    further 40 bodies"; not "Further north, …", an adverb of place)?"""
    return any(t.lower_ in _CONTINUATION and not _adverb_of_place(t) for t in sent)


def _adverb_of_place(tok: Token) -> bool:
    """ "Further north", "further south": "further" as an adverb, not a count's adjective."""
    return tok.lower_ == "further" and tok.pos_ == "ADV"


def inherit(
    k: int,
    sents: list[Span],
    carried: dict[int, tuple[Cluster | None, Cluster | None]],
    breaks: list[int],
) -> tuple[Cluster | None, Cluster | None]:
    """The previous sentence's carried frame, when it is in the same paragraph."""
    prev = sents[k - 1]
    same = paragraph_of(breaks, trimmed(prev)[0]) == paragraph_of(breaks, trimmed(sents[k])[0])
    if not same and not continues(sents[k]):
        return (None, None)
    return carried.get(k - 1, (None, None))
