"""One attribution as spans (source, cue, content) and the span helpers its rules share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

__all__ = ["AttributionSpan", "Char", "merge", "phrase_span", "sent_chars", "subtree_chars"]

Char = tuple[int, int]


@dataclass(frozen=True, slots=True)
class AttributionSpan:
    """One attribution: token spans for source, cue and via, char spans for content."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[Char, ...]
    kind: str
    via: tuple[int, int] | None = None

    def overlap(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` inside the content."""
        return sum(max(0, min(e, end) - max(s, start)) for s, e in self.content)

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.content)


def phrase_span(tok: Token, inside: set[int]) -> tuple[int, int]:
    """The noun phrase of ``tok`` (its subtree, cut at a quotation or a clause, also a
    non-restrictive relative clause deeper in it: ", which …")."""
    left = tok.i
    while (
        left > tok.left_edge.i
        and left - 1 not in inside
        and tok.doc[left - 1].dep_ not in {"punct"}
    ):
        left -= 1
    while left < tok.i and tok.doc[left].is_space:
        left += 1
    right = tok.i + 1
    for t in tok.rights:
        if t.is_space:
            break
        if t.dep_ in {"relcl", "acl", "punct", "appos", "advcl", "case"} or t.i in inside:
            break
        right = t.right_edge.i + 1
    for t in tok.doc[tok.i + 1 : right]:
        if t.dep_ == "relcl" and tok.doc[t.left_edge.i - 1].lower_ == ",":
            right = t.left_edge.i  # "exit polls from the primary, which X won": not X
            break
    while right > tok.i + 1 and tok.doc[right - 1].dep_ == "punct":
        right -= 1
    return (left, right)


def subtree_chars(tok: Token) -> Char:
    left, right = tok.left_edge, tok.right_edge
    return (left.idx, right.idx + len(right))


def sent_chars(sent: Span) -> tuple[Char, ...]:
    return ((sent.start_char, sent.end_char),)


def merge(spans: Iterable[Char]) -> tuple[Char, ...]:
    out: list[Char] = []
    for s, e in sorted(x for x in spans if x[1] > x[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)
