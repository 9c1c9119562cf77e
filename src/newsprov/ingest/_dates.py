"""Publication dates as written in headers -> ISO ``yyyy-mm-dd``.

``DATE_RE`` finds the common English shapes in running text and reads them without a
library: ISO dates and timestamps, "9 March 2025", "March 9, 2025", "Sunday, 9 Mar. 2025
10:32 GMT", "2025/03/09". Whatever else a short date line says ("9 mars 2025",
"2025年3月9日", "Sun 9th of March 2025") is handed to dateparser, which must find a day,
a month and a year. Numeric day/month dates such as "09/03/2025" are ambiguous (9 March
or 3 September) and are read only when one part is greater than 12.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DATE_RE", "parse_date"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_ISO = r"(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?\S*)?"
_DMY = rf"(?P<dd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm>{_MONTH}),?\s+(?P<dy>\d{{4}})"
_MDY = rf"(?P<mm>{_MONTH})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<my>\d{{4}})"
_NUM = r"(?P<n1>\d{1,2})[/.](?P<n2>\d{1,2})[/.](?P<ny>\d{4})"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?[A-Z]{2,4}(?:[+-]\d{1,2})?\)?)?)?"
)

#: A date expression (optionally with weekday and time) as it appears in running text.
DATE_RE = re.compile(rf"{_WEEKDAY}(?:{_ISO}|{_DMY}|{_MDY}|{_NUM}){_TIME}", re.IGNORECASE)


_LIBRARY_MAX_CHARS = 40
_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_AMBIGUOUS_RE = re.compile(r"^\W*\d{1,2}\W+\d{1,2}\W+\d{4}\W*$")  # 09/03/2025: left unread
_LANGUAGES = ["en", "fr", "es", "de", "it", "pt", "ar", "tr", "zh", "ru"]
_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}


def parse_date(text: str) -> str | None:
    """The ISO date ``text`` states in full, or None if it is not (only) a readable date."""
    clean = text.strip().rstrip(".")
    match = DATE_RE.fullmatch(clean)
    if match:
        return _iso_from_match(match)
    return _library_date(clean)


def _library_date(text: str) -> str | None:
    """dateparser's reading of a short text holding a year, in the languages news uses."""
    if len(text) > _LIBRARY_MAX_CHARS or not _YEAR_RE.search(text) or _AMBIGUOUS_RE.match(text):
        return None
    if not any(c.isalpha() for c in text):
        return None
    import dateparser  # 0.3 s to import: only for dates the pattern does not read

    found = dateparser.parse(text, languages=_LANGUAGES, settings=_SETTINGS)
    return found.date().isoformat() if found else None


def _iso_from_match(match: re.Match[str]) -> str | None:
    g = match.groupdict()
    if g["iy"]:
        return _iso(int(g["iy"]), int(g["im"]), int(g["id"]))
    if g["dy"]:
        return _iso(int(g["dy"]), _month(g["dm"]), int(g["dd"]))
    if g["my"]:
        return _iso(int(g["my"]), _month(g["mm"]), int(g["md"]))
    first, second = int(g["n1"]), int(g["n2"])
    if first > 12 >= second:
        return _iso(int(g["ny"]), second, first)
    if second > 12 >= first:
        return _iso(int(g["ny"]), first, second)
    return None  # both parts <= 12: day/month order unknown


def _month(name: str) -> int:
    return _MONTHS[name.lower()[:3]]


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
