"""Bylines printed in the opening lines of a body rather than in header lines.

Scraped copy often keeps the byline block above the story: "By Jane Doe The Canadian
Press", or a lone agency name ("AFP") on its own line above the date, as papers print
agency copy. Such lines name the story's authors and its wire. Only the lines before the
first prose paragraph count (see ``_dateline.opening_lines``), and a lone name only when
the registry calls it a wire agency, so a logo line naming the publisher or a
broadcaster is no byline. The text is left intact.
"""

from __future__ import annotations

import re

from newsprov.ingest._agencies import agency_names
from newsprov.ingest._blocks import Block
from newsprov.ingest._bylines import Byline, merge_bylines, parse_byline
from newsprov.ingest._dateline import opening_lines
from newsprov.outlets import OutletRegistry

__all__ = ["is_agency_line", "opening_byline"]

_BY_RE = re.compile(r"^(?:[-–—•·*]\s*)?By\s+(?P<value>[A-Z][^!?]{0,100})(?<![.!?])$")  # "- By …"
_MAX_AGENCY_LINE = 40


def opening_byline(paragraphs: list[Block]) -> Byline:
    """Authors, place and agencies of the byline lines that open the body (may be empty)."""
    found: list[Byline] = []
    for line in opening_lines(paragraphs):
        by = _BY_RE.match(line)
        if by:
            found.append(parse_byline(by["value"]))
        elif is_agency_line(line):
            found.append(Byline(agencies=tuple(_wire_agencies(line))))
    return merge_bylines(b for b in found if b)


def _wire_agencies(line: str) -> list[str]:
    """The agencies a lone "AFP" / "AFP, Reuters" line names, if all are wire agencies."""
    names = agency_names(line.strip(" .")) or []
    registry = OutletRegistry.default()
    kinds = [(o.kind if (o := registry.lookup(n)) else None) for n in names]
    return names if names and all(k == "wire agency" for k in kinds) else []


def is_agency_line(line: str) -> bool:
    """True for a line that is only wire agency names: "AFP", "AFP, Reuters"."""
    return len(line) <= _MAX_AGENCY_LINE and bool(_wire_agencies(line))
