"""Wire agencies credited by a dateline at the start of a body or a credit at its end.

Datelines: "LONDON, 4 May 2024 (Reuters) -", "BEIRUT (AFP) —", "KYIV, Ukraine (AP) –",
"(dpa/ANSA) -", "Sky News/ The toll ...", "Reuters — The toll ...". End credits:
"— AFP", "(Reporting by X; Editing by Y)" (Reuters), "AFP contributed to this report",
"(With AFP)", "(FRANCE 24 with AFP)", DW's closing "lo/jcg (AFP, Reuters, dpa)" (editors'
initials, then the agencies the copy draws on), "Source: Xinhua", "© 2025 The Associated
Press", a closing line of agency names ("AFP, REUTERS"); the last two only for wire
agencies, as a site's own copyright or name is no credit. Only agencies the registry (or
``EXTRA_AGENCIES``) knows count, so "WASHINGTON (Dec 3)" or a bare "WASHINGTON —" credit
nobody. The text is left intact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsprov.ingest._agencies import agency_names
from newsprov.ingest._blocks import Block
from newsprov.ingest._headings import is_heading_line
from newsprov.model import TextSpan
from newsprov.outlets import OutletRegistry

__all__ = ["WireCredit", "find_wires", "is_prose", "opening_lines"]

_WORD = r"[A-Z0-9][\w'’.\-]*"
_PLACE = rf"{_WORD}(?:(?:,\s*|\s+|/){_WORD}){{0,7}}"
_DASH = r"(?:[-–—]+|:)"
_PAREN_RE = re.compile(
    # "Samraong (Cambodia) (AFP) –": a country in parentheses may follow the place
    rf"^(?P<place>{_PLACE})?\s*(?:\([A-Z][^()\n]{{1,30}}\)\s*(?=\())?"
    rf"\((?P<agency>[^()\n]{{1,60}})\)(?P<dash>\s*{_DASH})?\s*(?=\S)"
)
_SLASH_RE = re.compile(r"^(?P<agency>[A-Za-z][^/\n]{1,40}?)\s*/\s*(?=[A-Z“\"‘'])")
# "Beirut / AFP Eight displaced ...", "WASHINGTON / AP State Department ..."
_PLACE_SLASH_RE = re.compile(
    r"^[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3} / (?P<agency>[A-Z][\w\-]{1,20})\s+(?=[A-Z“\"‘'])"
)
_DASHED_RE = re.compile(r"^(?P<agency>[A-Za-z][^-–—\n]{1,40}?)\s*[-–—]+\s+(?=\S)")
_REUTERS_RE = re.compile(
    r"\((?:Reporting|Writing|Additional reporting) by [^()\n]+\)\s*$"
    r"|(?:^|\s)Reporting by [^\n]+;\s*[Ee]diting by [^\n]+$"
)
_SIGNOFF_RE = re.compile(r"(?:^|\s)[-–—]{1,2}\s*(?P<agency>[A-Za-z][^-–—\n]{1,40}?)\s*\.?$")
# "With AFP" as its own paragraph, "— With AFP" or "(With AFP)": not "spoke with Reuters."
# "With files from The Associated Press and Reuters" (Canadian papers): every agency
_WITH_RE = re.compile(
    r"(?:^|\s[-–—]{1,2}\s*|\s(?=\())\(?[Ww]ith (?:(?:files|reporting|reports) (?:from|by) )?"
    r"(?P<agency>[^()\n.]{2,60}?)\)?\.?$"
)
_CONTRIB_RE = re.compile(
    r"(?:^|(?<=[.!?]\s))(?P<agency>[A-Z][^.!?\n]{1,60}?) contributed (?:to )?"
    r"(?:this |the )?(?:report|reporting|story|article)\.?"
)
# a closing line of editors' initials and the agencies used: "lo/jcg (AFP, Reuters, dpa)"
_DESK_RE = re.compile(
    r"^(?:[a-z]{1,4}(?:/[a-z]{1,4})*[ \t]*)?\((?:[Ww]ith\s+)?(?P<agency>[^()\n]{2,60})\)\.?$",
    re.MULTILINE,
)
_REPORTING_BY_RE = re.compile(r"[Aa]dditional reporting (?:by|from) (?P<agency>[^.;()\n]{2,60})")
# "This report by The Canadian Press was first published Aug. 12, 2025."
_FIRST_PUBLISHED_RE = re.compile(
    r"(?:^|(?<=\s))(?:This|The) (?:report|story|article) (?:by|from) (?P<agency>[A-Z][^.\n]{1,50}?)"
    r" was (?:first )?published\b[^\n]*"
)
# "Source: Xinhua", "Sources: AFP, Reuters", "Source: Reuters and news agencies"
_SOURCE_RE = re.compile(
    r"^(?:Sources?|Credits?)\s*:\s*(?P<agency>[^\n:]{2,60}?)"
    r"(?:,?\s+(?:and|&)\s+(?:other\s+)?(?:news\s+)?agencies)?\.?$",
    re.MULTILINE,
)
# "(FRANCE 24 with AFP)", "Staff and agencies with Reuters": the site's desk, then the wire
_DESK_WITH_RE = re.compile(
    r"^\(?[A-Z][\w&'’\-]*(?: (?:[A-Z0-9][\w&'’\-]*|and|agencies)){0,4} with "
    r"(?P<agency>[A-Za-z][^()\n.]{1,50}?)\)?\.?$"
)
# "© 2025 The Associated Press", "Copyright 2025 AFP. All rights reserved."
_COPYRIGHT_RE = re.compile(
    r"^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:(?:19|20)\d{2}\s*)?(?P<agency>[A-Z][^.\n]{1,40}?)"
    r"\.?(?:\s+All rights reserved\.?)?$",
    re.MULTILINE | re.IGNORECASE,
)
# a closing line of agency names only: "AFP, REUTERS" (Asian papers' credit line)
_AGENCY_LINE_RE = re.compile(r"^(?P<agency>[A-Za-z][\w .,/&\-]{1,40})$")
# page chrome above the story: menus (one item a line), logo, date, breadcrumbs,
# headline twice, caption ...; the opening ends at the first prose paragraph anyway
_OPENING_BLOCKS = 30
_CLOSING_BLOCKS = 30  # and below it: share buttons, "most read" lists, footer links
_CAPTIONS = 2  # uncredited caption sentences allowed between the chrome and the dateline
_CAPTION_WORDS = 25
_REPORTING_RE = re.compile(r"\b(?:said|says|told|according|reported|announced|stated)\b")
_PROSE_WORDS = 8


@dataclass(frozen=True, slots=True)
class WireCredit:
    """Agencies credited by one dateline or end credit.

    ``own_story`` is True when the credit says the copy is the agency's own story (a
    dateline, a sign-off, a Reuters reporting line), False when the agency only
    contributed ("AFP contributed to this report"). ``span`` marks an end credit in the
    text (None for a dateline, which stays part of the first sentence).
    """

    names: tuple[str, ...]
    own_story: bool
    span: TextSpan | None = None


def find_wires(paragraphs: list[Block]) -> list[WireCredit]:
    """Dateline credits (opening paragraph), then end credits (last paragraphs).

    The dateline opens the first prose paragraph; scraped copy often puts a headline,
    a section label, a date line or a photo caption before it (see ``_opening``), and
    menus, share buttons and footers around the story.
    """
    found = [c for text in _lead_lines(paragraphs) if (c := dateline_wires(text))][:1]
    for block in _closing_blocks(paragraphs):
        found.extend(_end_credits(block))
    return found


def _closing_blocks(paragraphs: list[Block]) -> list[Block]:
    """The last three blocks, or from the last prose paragraph on when page chrome (share
    buttons, link lists, a footer) follows it: a closing credit ends the story, not the page.
    """
    if len(paragraphs) <= 1:
        return paragraphs
    tail = paragraphs[-_CLOSING_BLOCKS:]
    last_prose = max((i for i, b in enumerate(tail) if is_prose(b.text)), default=len(tail) - 1)
    return tail[min(last_prose, len(tail) - 3) :] if len(tail) >= 3 else tail


def opening_lines(paragraphs: list[Block]) -> list[str]:
    """Lines that may open the story: those of the first blocks up to the first prose one.

    A prose paragraph (a sentence of several words, not ending with a credit) is the
    story itself, so a dateline-shaped line after it ("BEIRUT (AFP) -" quoted in the
    ninth paragraph) is not the story's dateline.
    """
    return [line for block in _opening_blocks(paragraphs) for line in _lines(block)]


def _opening_blocks(paragraphs: list[Block]) -> list[Block]:
    found: list[Block] = []
    for block in paragraphs[:_OPENING_BLOCKS]:
        if len(paragraphs) > 1 and block is paragraphs[-1]:
            break
        found.append(block)
        if is_prose(block.text):
            break
    return found


def _lines(block: Block) -> list[str]:
    return [line.strip() for line in block.text.split("\n") if line.strip()]


def _lead_lines(paragraphs: list[Block]) -> list[str]:
    """The opening lines, and past them the next blocks' when the prose block that ended
    the opening is one short sentence: an uncredited photo caption above the dateline."""
    opening = _opening_blocks(paragraphs)
    lines = [line for block in opening for line in _lines(block)]
    last = opening[-1].text if opening else ""
    if not (is_prose(last) and _caption_like(last)):
        return lines
    for block in paragraphs[len(opening) : min(_OPENING_BLOCKS, len(paragraphs) - 1)][:_CAPTIONS]:
        lines.extend(_lines(block))
        if not _caption_like(block.text):
            break
    return lines


def _caption_like(text: str) -> bool:
    """One sentence of at most ``_CAPTION_WORDS`` words that attributes nothing: a lead
    paragraph says who said it, a caption only shows."""
    clean = text.strip()
    if len(clean.split()) > _CAPTION_WORDS or _REPORTING_RE.search(clean):
        return False
    return not re.search(r"[a-z]{2}[.!?][\"”’']?\s+[A-Z]", clean)  # "Mary J. Blige": one


def is_prose(text: str) -> bool:
    """A body paragraph: several words ending like a sentence, not like a caption credit."""
    clean = text.strip()
    if is_heading_line(clean) or len(clean.split()) < _PROSE_WORDS:
        return False
    return bool(re.search(r"[.!?][\"”’']?$", clean)) and not clean.endswith(")")


def dateline_wires(text: str) -> WireCredit | None:
    """The agencies a dateline at the start of ``text`` names, or None."""
    paren = _PAREN_RE.match(text)
    if paren and (paren["dash"] or not paren["place"]):
        names = agency_names(paren["agency"])
        if names:
            return WireCredit(tuple(names), own_story=True)
    for pattern in (_SLASH_RE, _PLACE_SLASH_RE, _DASHED_RE):
        found = pattern.match(text)
        names = agency_names(found["agency"]) if found else None
        if names:
            return WireCredit(tuple(names), own_story=True)
    return None


def _end_credits(block: Block) -> list[WireCredit]:
    """Credits in one of the last paragraphs, with spans offset into the body."""
    credits: list[WireCredit] = []
    reuters = _REUTERS_RE.search(block.text)
    if reuters:
        credits.append(_credit(block, reuters, ["Reuters"], own_story=True))
    patterns = (
        (_SIGNOFF_RE, True),
        (_WITH_RE, False),
        (_REPORTING_BY_RE, False),
        (_DESK_RE, False),
        (_FIRST_PUBLISHED_RE, True),
        (_SOURCE_RE, False),
        (_DESK_WITH_RE, False),
        (_COPYRIGHT_RE, True),
        (_AGENCY_LINE_RE, True),
    )
    for pattern, own in patterns:
        found = pattern.search(block.text)
        names = agency_names(_strip_the(found["agency"])) if found else None
        if names and pattern in _WIRES_ONLY and not all(_is_wire(n) for n in names):
            names = None
        if found and names:
            credits.append(_credit(block, found, names, own_story=own))
    for found in _CONTRIB_RE.finditer(block.text):
        names = agency_names(_strip_the(found["agency"]))
        if names:
            credits.append(_credit(block, found, names, own_story=False))
    return credits


_WIRES_ONLY = (_COPYRIGHT_RE, _AGENCY_LINE_RE)


def _is_wire(name: str) -> bool:
    """A wire agency: so the registry says, or (unknown to it) ``EXTRA_AGENCIES`` lists it."""
    found = OutletRegistry.default().lookup(name)
    return found.kind == "wire agency" if found else True


def _credit(block: Block, found: re.Match[str], names: list[str], *, own_story: bool) -> WireCredit:
    text = found.group()
    lead = len(text) - len(text.lstrip())
    start = block.start + found.start() + lead
    span = TextSpan(start, block.start + found.start() + len(text.rstrip()))
    return WireCredit(tuple(dict.fromkeys(names)), own_story, span)


def _strip_the(name: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", name.strip())
