"""Paragraph blocks of a body text, with their character offsets.

A block is a run of non-blank lines between blank lines. Text without any blank line
(one paragraph per line, as JSON records and HTML extracts often come) has one block per
line, so a heading line is still its own block there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Block", "blocks"]

_BLANK_RE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph: ``text == body[start:end]``, stripped, possibly several lines."""

    start: int
    end: int
    text: str

    @property
    def single_line(self) -> bool:
        """True when the block is one line (a heading candidate)."""
        return "\n" not in self.text


def blocks(text: str) -> list[Block]:
    """The paragraphs of ``text`` in order (empty ones dropped)."""
    separator = _BLANK_RE if _BLANK_RE.search(text) else re.compile(r"\n")
    found: list[Block] = []
    pos = 0
    for match in [*separator.finditer(text), None]:
        stop = match.start() if match else len(text)
        _add(found, text, pos, stop)
        pos = match.end() if match else stop
    return found


def _add(found: list[Block], text: str, start: int, stop: int) -> None:
    chunk = text[start:stop]
    stripped = chunk.strip()
    if stripped:
        begin = start + chunk.index(stripped)
        found.append(Block(begin, begin + len(stripped), stripped))
