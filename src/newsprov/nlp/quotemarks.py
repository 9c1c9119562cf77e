"""Quotation marks: where direct quotations open and close in a text.

A quotation is the text between double quotation marks (curly, straight, or two
apostrophes as some archives print them; single marks nest inside and are not split
on). An opening mark with no closing mark before the end of
its paragraph runs to the paragraph end. Top-level single marks ("for 'about twenty
minutes'") are found too, flagged ``single``: only a speaker verb makes them quotations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from .boundaries import paragraph_breaks
from .coref import Cluster

__all__ = ["QuoteSpan", "find_quote_spans", "token_at"]

_OPEN = "“"
_CLOSE = "”"
_OPENERS = set(" \t\n([{—–-/") | {"‘", "'"}
_SINGLE = "‘’'"
_MARKS = '“”"' + _SINGLE
_PAD = "\x01"
_DOUBLED = '"' + _PAD  # same length as the two apostrophes it stands for


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Inner char span of a quotation; ``open_at``/``close_at`` are the marks (close may
    be None when it runs to the paragraph end)."""

    start: int
    end: int
    open_at: int
    close_at: int | None
    paragraph: int
    speaker: Cluster | None = None
    via: Cluster | None = None
    attached: bool = False  # a speaker verb in the quote's own sentence names the speaker
    single: bool = False  # in single marks: kept only when a speaker verb attaches it


def _is_opening(text: str, i: int) -> bool:
    """A straight double quote opens when it follows whitespace/brackets or starts text."""
    return i == 0 or text[i - 1] in _OPENERS


def find_quote_spans(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[QuoteSpan]:
    """Quotation spans of ``text`` by paragraph, ignoring marks inside ``skip`` spans."""
    breaks = paragraph_breaks(text)
    bounds = [0, *breaks, len(text)]
    marks = text.replace("''", _DOUBLED)  # two apostrophes are one double mark
    out = []
    for p in range(len(bounds) - 1):
        out += _scan_paragraph(marks, bounds[p], bounds[p + 1], p, skip)
    return [replace(q, start=q.start + 1) if marks[q.start] == _PAD else q for q in out]


def _scan_paragraph(
    text: str, start: int, end: int, para: int, skip: Sequence[tuple[int, int]]
) -> list[QuoteSpan]:
    out = []
    open_at: int | None = None
    resume = start
    for i in range(start, end):
        ch = text[i]
        if i < resume or ch not in _MARKS or any(s <= i < e for s, e in skip):
            continue
        if ch in _SINGLE:
            single = _single_quote(text, i, end) if open_at is None else None
            if single is not None:
                out.append(QuoteSpan(i + 1, single, i, single, para, single=True))
                resume = single + 1
            continue
        opening = ch == _OPEN or (ch == '"' and open_at is None and _is_opening(text, i))
        if open_at is not None and ch == _OPEN:
            nested = _nested_close(text, i, end)
            if nested is not None:  # “… what he calls “hell” than …”: the inner pair
                resume = nested + 1
            continue
        if open_at is None and opening:
            open_at = i
        elif open_at is not None and (ch == _CLOSE or ch == '"'):
            out.append(QuoteSpan(open_at + 1, i, open_at, i, para))
            open_at = None
    if open_at is not None:
        stop = len(text[start:end].rstrip()) + start
        if stop > open_at + 1:
            out.append(QuoteSpan(open_at + 1, stop, open_at, None, para))
    return [q for q in out if text[q.start : q.end].strip()]


_NESTED_WORDS = 5


def _nested_close(text: str, i: int, end: int) -> int | None:
    """The closing mark of a short quotation opened at ``i`` inside an open one, when a
    closing mark for the outer one follows it in the paragraph; else None (an outer
    quotation left unclosed)."""
    inner = text.find(_CLOSE, i + 1, end)
    if inner < 0 or len(text[i + 1 : inner].split()) > _NESTED_WORDS:
        return None
    return inner if text.find(_CLOSE, inner + 1, end) >= 0 else None


def _single_quote(text: str, i: int, end: int) -> int | None:
    """Closing mark of a top-level single-quoted span opening at ``i`` ("said it circled for
    'about twenty minutes'"), or None: the mark must open a word after a space or bracket
    and close before a non-letter, with no double mark between (apostrophes do not)."""
    if not _is_opening(text, i) or text[i] == "’" or not text[i + 1 : i + 2].isalnum():
        return None
    for j in range(i + 1, end):
        if text[j] in '“”"':
            return None
        after = text[j + 1 : j + 2]
        if text[j] in "’'" and not text[j - 1].isspace() and not after.isalnum():
            return j
    return None


def token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None
