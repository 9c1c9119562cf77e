"""Header lines at the top of a plain-text or markdown article -> metadata.

Lines such as ``• Source:JND``, ``Date: 9 March 2025``, ``URL: https://...``,
``# Title`` or ``By Jane Doe, Reuters`` before the body are metadata, not body text.
A header glued to the first body line ("date 2025-03-09 In one of ...") is lifted off
and the rest of the line starts the body. YAML-style front matter between ``---`` lines
is read with the same keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from newsprov.ingest._agencies import canonical_outlet
from newsprov.ingest._bylines import parse_byline
from newsprov.ingest._dates import DATE_RE, parse_date
from newsprov.ingest._opening import is_agency_line
from newsprov.outlets import OutletRegistry

__all__ = ["Header", "lift_headers"]

_BULLET = r"^[•·*>\-–—]?\s*"
_KEYED_RE = re.compile(
    _BULLET + r"(?P<key>source|outlet|publisher|published by|publication|date|dated"
    r"|(?:first |last )?published(?: on| at)?|(?:last )?updated(?: on| at)?|posted(?: on)?"
    r"|url|link|canonical|title|headline|event|byline)\s*:\s*(?P<value>.*\S)\s*$",
    re.IGNORECASE,
)
_DATE_KEY_RE = re.compile(
    _BULLET + r"(?P<key>date|dated|published|updated|posted)\b\s*:?\s+", re.IGNORECASE
)
_SOURCE_KEY_RE = re.compile(_BULLET + r"(?:source|outlet|publisher)\s*:\s*", re.IGNORECASE)
_MD_TITLE_RE = re.compile(r"^#\s+(?P<value>.+?)\s*#*\s*$")
_URL_RE = re.compile(r"^<?(?P<value>https?://\S+?)>?$")
_BYLINE_RE = re.compile(r"^By\s+(?P<value>[A-Z][^!?]{0,100})(?<![.!?])$")
_OUTLET_KEYS = {"source", "outlet", "publisher", "published by", "publication"}
_TITLE_KEYS = {"title", "headline"}
_URL_KEYS = {"url", "link", "canonical"}


@dataclass(slots=True)
class Header:
    """Metadata read from header lines; None where the header does not say."""

    outlet: str | None = None
    date: str | None = None
    updated: str | None = None  # used only when no publication date is given
    bare_date: str | None = None  # a date line with no label: a masthead's "today", maybe
    url: str | None = None
    title: str | None = None
    title_inferred: bool = False  # the title is a line above the headers, not a "Title:"
    event: str | None = None
    wires: list[str] = field(default_factory=list)  # agencies named in a byline
    authors: list[str] = field(default_factory=list)  # people named in a byline
    byline_place: str | None = None  # "By Jane Doe, BBC News, Nairobi" -> "Nairobi"


def lift_headers(text: str) -> tuple[str, Header]:
    """Split ``text`` into (body, header): the body starts at the first non-header text."""
    header = Header()
    lines = text.split("\n")
    index = _front_matter(lines, header)
    while index < len(lines):
        line = lines[index].strip()
        rest = _lift_glued(line, header) if line else None
        if rest is not None:
            return "\n".join([rest, *lines[index + 1 :]]), header
        if not line or _read_line(line, header):
            index += 1
            continue
        if header.title is None and _title_before_headers(line, lines[index + 1 :]):
            header.title, header.title_inferred = line, True
            index += 1
            continue
        break
    return "\n".join(lines[index:]), header


def _front_matter(lines: list[str], header: Header) -> int:
    """Read YAML-ish front matter; the index of the first line after it (0 if none)."""
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        line = lines[index].strip()
        if line == "---":
            return index + 1
        _read_line(line, header)
    return 0  # unterminated: not front matter after all


def _read_line(line: str, header: Header) -> bool:
    """Store the metadata ``line`` states; False if it is not a header line."""
    keyed = _KEYED_RE.match(line)
    if keyed:
        return _store(keyed["key"].lower(), keyed["value"].strip().strip("\"'"), header)
    dated = _DATE_KEY_RE.match(line)  # "date 2025-03-09" without a colon
    if dated and DATE_RE.fullmatch(line, dated.end()):
        return _store_date(dated["key"].lower(), line[dated.end() :], header)
    for pattern, key in ((_MD_TITLE_RE, "title"), (_URL_RE, "url"), (_BYLINE_RE, "by")):
        found = pattern.match(line)
        if found and _store(key, found["value"].strip(), header):
            return True
    iso = parse_date(line.strip(" •·*>|-–—\t"))
    if iso:
        header.bare_date = header.bare_date or iso
        return True
    return False


def _store(key: str, value: str, header: Header) -> bool:
    """Put one keyed value into ``header``; False if the value is unusable for the key."""
    if key in _OUTLET_KEYS:
        if len(value.split()) > 8 or value[-1] in ".!?":  # a sentence, not a name
            return False
        header.outlet = header.outlet or canonical_outlet(value)
    elif key in _TITLE_KEYS:
        header.title = header.title or value
    elif key in _URL_KEYS:
        header.url = header.url or value
    elif key == "event":
        header.event = header.event or value
    elif key in {"byline", "by"}:
        return _store_byline(value, header, keyed=key == "byline")
    elif not _store_date(key, value, header):
        return False
    return True


def _store_date(key: str, value: str, header: Header) -> bool:
    """Store a date header; an unreadable date ("09/03/2025") still makes a header line."""
    iso = parse_date(value)
    if iso is None:
        return DATE_RE.fullmatch(value.strip().rstrip(".")) is not None
    if "updated" in key:
        header.updated = header.updated or iso
    else:
        header.date = header.date or iso
    return True


def _store_byline(value: str, header: Header, *, keyed: bool) -> bool:
    """Authors, place and agencies of a byline; a bare "By ..." naming nobody is no header
    ("By the numbers"), while a keyed "Byline: ..." line always is."""
    if len(value.split()) > 12:
        return False
    byline = parse_byline(value)
    header.wires.extend(byline.agencies)
    header.authors.extend(a for a in byline.authors if a not in header.authors)
    header.byline_place = header.byline_place or byline.place
    return keyed or bool(byline)


def _lift_glued(line: str, header: Header) -> str | None:
    """The rest of ``line`` after a glued header ("date 2025-03-09 In one ..."), or None."""
    key = _DATE_KEY_RE.match(line)
    if key:
        found = DATE_RE.match(line, key.end())
        iso = parse_date(found.group()) if found else None
        rest = line[found.end() :].strip() if found else ""
        if found and iso and _sentence_like(rest):
            _store_date(key["key"].lower(), found.group(), header)
            return rest
    source = _SOURCE_KEY_RE.match(line)
    if source:
        return _lift_glued_outlet(line, source.end(), header)
    return None


def _lift_glued_outlet(line: str, pos: int, header: Header) -> str | None:
    """Lift "Source: Reuters The toll ..." when a known outlet name starts the value."""
    rest = line[pos:]
    for surface in _surfaces_longest_first():
        after = rest[len(surface) :]
        known = rest.lower().startswith(surface.lower()) and after[:1].isspace()
        if known and _sentence_like(after.strip()):
            header.outlet = header.outlet or canonical_outlet(surface)
            return after.strip()
    return None


@cache
def _surfaces_longest_first() -> tuple[str, ...]:
    """Every registry name and alias, longest first ("The Associated Press" before "AP")."""
    surfaces = {s for outlet in OutletRegistry.default() for s in outlet.surfaces}
    return tuple(sorted(surfaces, key=lambda s: (-len(s), s)))


def _sentence_like(rest: str) -> bool:
    """True when what follows a glued header reads as body text (not "GMT" or "Staff")."""
    if not rest:
        return False
    return (len(rest.split()) >= 3 and rest[0].isupper()) or rest[0] in "\"“‘'"


def _title_before_headers(line: str, following: list[str]) -> bool:
    """True for a headline-shaped first line that is directly followed by header lines."""
    if line[-1] in ".!?:;," or line[0] in "\"“‘'" or len(line.split()) > 25:
        return False
    if is_agency_line(line):  # "AFP" above "Published ...": the byline, read with the body
        return False
    nxt = next((x.strip() for x in following if x.strip()), "")
    probe = Header()
    return bool(nxt) and _read_line(nxt, probe)
