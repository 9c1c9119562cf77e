"""Section headings inside a body: short one-line paragraphs that are not sentences.

A heading is a one-line paragraph followed by more body text, of at most 12 words, with
no final sentence punctuation, starting with a capital letter (a stray junk character
before it is tolerated: "ODeadliest Episodes ..."), in Title Case or ALL CAPS; sentence
case is accepted for at most 8 words ("Electricity, water cut off"). Lines opening with a
quotation mark, bullets, bylines and credits are not headings. Markdown ``## Heading``
lines are headings wherever they stand. The heading stays in the text; only its span is
recorded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprov.ingest._blocks import Block
from newsprov.model import TextSpan

__all__ = ["find_headings", "is_heading_line"]

_MD_RE = re.compile(r"^#{1,6}\s+(?P<text>.*?\S)\s*#*$")
_END_PUNCT = frozenset(".!?:;,\"'”’“‘…)]-–—")
_MINOR_WORDS = (
    "a an the and or but nor of in on at to for from by with as vs via into over after "
    "before amid about than is are was were be its it's"
)
_MINOR = frozenset(_MINOR_WORDS.split())  # words a Title Case heading leaves lower case
_MAX_WORDS = 12
_MAX_SENTENCE_CASE_WORDS = 8


def find_headings(paragraphs: list[Block], skip: Sequence[TextSpan] = ()) -> list[TextSpan]:
    """Spans of heading paragraphs; ``skip`` are spans (credits) that are never headings."""
    found: list[TextSpan] = []
    for index, block in enumerate(paragraphs):
        if not block.single_line or _covered(block, skip):
            continue
        markdown = _MD_RE.match(block.text)
        if markdown:
            found.append(TextSpan(block.start + markdown.start("text"), block.end))
        elif index + 1 < len(paragraphs) and is_heading_line(block.text):
            found.append(TextSpan(block.start, block.end))
    return found


def is_heading_line(line: str) -> bool:
    """True if the one-line paragraph ``line`` reads as a section heading."""
    words = line.split()
    if not words or len(words) > _MAX_WORDS or len(line) > 120:
        return False
    if line[-1] in _END_PUNCT or not line[0].isalnum() or line.startswith("By "):
        return False
    first_letter = next((c for c in line if c.isalpha()), "")
    if not first_letter.isupper() or not line[0].isalpha():
        return False
    return _title_or_caps(words) or len(words) <= _MAX_SENTENCE_CASE_WORDS


def _title_or_caps(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in _MINOR and w[0].isalpha()]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= 0.6


def _covered(block: Block, spans: Sequence[TextSpan]) -> bool:
    return any(s.start <= block.start and block.end <= s.end for s in spans)
