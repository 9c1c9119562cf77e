"""Photo credits in a body: "(Omar Albam/AP)", "(AP Photo/Name)", "Photo: Name/AFP",
"(Photo: Reuters)", and a caption's closing "... 2025. REUTERS/Jane Doe".

A credit is recorded as a span of ``Article.text`` with the photographer (if named) and
the agency (registry canonical name when known). Nothing is inserted or removed: a credit
glued to the previous word ("dead(Name/AP)") is only marked; the NLP layer deals with it.
A credit never makes its agency the publisher or a wire.
"""

from __future__ import annotations

import re

from newsprov.ingest._agencies import agency_name
from newsprov.ingest._blocks import Block
from newsprov.model import Credit, TextSpan

__all__ = ["find_credits"]

_PAREN_RE = re.compile(r"\((?P<inner>[^()\n]{2,80})\)")
_LABEL_RE = re.compile(
    r"(?:^|(?<=\s))(?:Photo(?:graph)?s?|Image|Picture|Pic|(?:Photo )?[Cc]redit)\s*:\s*"
    r"(?P<inner>[^()\n:]{2,80}?)\s*$"
)
# a label inside the parentheses: "(Photo: Reuters)", "(Photograph: Name/AP)"
_INNER_LABEL_RE = re.compile(
    r"^(?:Photo(?:graph)?s?|Image|Picture|Pic|(?:Photo )?[Cc]redit)\s*:\s*", re.IGNORECASE
)
# a caption's closing credit without parentheses: "..., July 28, 2025. REUTERS/Jane Doe"
_NAME = r"[A-Z][\w'’.\-]*(?:\s(?:[A-Z]|al-|el-|de |van |bin )[\w'’.\-]*){0,4}"
_TAIL_RE = re.compile(rf"(?:^|(?<=[.!?]\s))(?P<inner>{_NAME}\s?/\s?{_NAME})\.?$")
_SUFFIX_RE = re.compile(r"\s+(?:Photos?|Pictures)$|\s+via\s+Getty\s+Images$")
_PERSON_RE = re.compile(r"^[A-Z][\w'’.\-]*(?:\s+(?:[A-Z]|al-|el-|de |van |bin )[\w'’.\-]*){0,4}$")
_ACRONYM_RE = re.compile(r"^[A-Z]{2,6}$")


def find_credits(body: str, paragraphs: list[Block]) -> list[Credit]:
    """Every photo credit in ``body``, in text order."""
    found = [c for block in paragraphs for c in _block_credits(block)]
    return sorted(found, key=lambda c: c.span.start)


def _block_credits(block: Block) -> list[Credit]:
    credits: list[Credit] = []
    for match in _PAREN_RE.finditer(block.text):
        at_end = not block.text[match.end() :].strip()
        parsed = _parse(match["inner"], allow_bare=at_end)
        if parsed:
            span = TextSpan(block.start + match.start(), block.start + match.end())
            credits.append(Credit(span, *parsed))
    for line_start, line in _lines(block):
        tail = _TAIL_RE.search(line)
        parsed_tail = _parse(tail["inner"].rstrip("."), allow_bare=False) if tail else None
        if tail and parsed_tail:
            inner = tail["inner"].rstrip(".")  # the caption's full stop is no part of it
            start = line_start + tail.start("inner")
            span = TextSpan(start, start + len(inner))
            credits.append(Credit(span, *parsed_tail))
        label = _LABEL_RE.search(line)
        parsed = _parse(label["inner"], allow_bare=True) if label else None
        if label and parsed:
            span = TextSpan(line_start + label.start(), line_start + label.end())
            credits.append(Credit(span, *parsed))
    return credits


def _lines(block: Block) -> list[tuple[int, str]]:
    out, pos = [], block.start
    for line in block.text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _parse(inner: str, *, allow_bare: bool) -> tuple[str | None, str] | None:
    """(person, agency) for "Name/AGENCY", "AGENCY/Name", or a bare "AGENCY" if allowed."""
    labelled = _INNER_LABEL_RE.match(inner)
    if labelled:
        inner, allow_bare = inner[labelled.end() :], True
    parts = [p.strip() for p in inner.split("/")]
    if len(parts) == 1:
        agency = _agency(parts[0])
        return (None, agency) if allow_bare and agency and _is_known(parts[0]) else None
    if len(parts) != 2:
        return None
    left, right = parts
    for person, outlet in ((left, right), (right, left)):
        agency = _agency(outlet)
        if agency and _PERSON_RE.match(person) and not _is_known(person):
            return person, agency
    return None


def _agency(text: str) -> str | None:
    """The agency a credit names ("AP Photo" -> "Associated Press"), or None."""
    base = _SUFFIX_RE.sub("", text.strip())
    known = agency_name(base)
    if known:
        return known
    return base if _ACRONYM_RE.match(base) else None


def _is_known(text: str) -> bool:
    return agency_name(_SUFFIX_RE.sub("", text.strip())) is not None
