"""The date a figure is stated for, when its sentence gives one.

Only dates that name *when the count held* are taken: "said on Saturday", "as of 9 March",
"by Monday evening", "on March 8, 2025". A date that starts a period ("since Thursday",
"from Monday", "between ... and ...") or only dates an event in passing ("after the
quake on Monday") is not the figure's date. Relative dates (weekdays, "yesterday") are
resolved against the article's publication date; without one, only dates that carry
their year are read.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["figure_date"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_CALENDAR = (
    rf"(?:(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})|(?P<d2>{_DAY})\s+(?P<m2>{_MONTH}))"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
)
_WEEKDAY = r"(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_WHEN = re.compile(
    rf"\b(?P<lead>on|as of|by|until|through|at the end of"
    r"|(?:said|says|told|reported|added|announced|stated|confirmed)(?:\s+on)?)\s+"
    rf"{_WEEKDAY}?(?:,?\s*{_CALENDAR})?\b"
    r"|\b(?P<rel>yesterday|today)\b",
    re.IGNORECASE,
)
_PERIOD_START = re.compile(r"\b(?:since|from|between|after|before|starting|began)\s+$", re.I)
_FUTURE_DAYS = 1  # an article may be dated a day before the events it reports (time zones)


def figure_date(sentence: str, article_date: str | None, anchor: int = 0) -> str | None:
    """ISO date the sentence states the count for, or None.

    ``anchor`` is the figure's offset in the sentence: with several dates ("143 dead, the
    monitor said Monday, up from the 96 it reported on Saturday"), the nearest one wins.
    """
    published = _parse_iso(article_date)
    found: list[tuple[int, date]] = []
    for match in _WHEN.finditer(sentence):
        if _PERIOD_START.search(sentence[: match.start()][-14:]):
            continue
        resolved = _resolve(match, published)
        if resolved is not None:
            distance = min(abs(match.start() - anchor), abs(match.end() - anchor))
            found.append((distance, resolved))
    return min(found, key=lambda pair: pair[0])[1].isoformat() if found else None


def _resolve(match: re.Match[str], published: date | None) -> date | None:
    g = match.groupdict()
    if g["rel"]:
        if published is None:
            return None
        return published - timedelta(days=1) if g["rel"].lower() == "yesterday" else published
    if g["m1"] or g["m2"]:
        return _calendar(g, published)
    return _weekday(g["weekday"], published)  # None when the lead word is followed by neither


def _calendar(g: dict[str, str | None], published: date | None) -> date | None:
    month = _MONTHS.index(str(g["m1"] or g["m2"]).lower()[:3]) + 1
    day = int(re.sub(r"\D", "", str(g["d1"] or g["d2"])))
    if g["year"]:
        return _date(int(g["year"]), month, day)
    if published is None:
        return None
    found = _date(published.year, month, day)
    if found is not None and found > published + timedelta(days=_FUTURE_DAYS):
        found = _date(published.year - 1, month, day)  # "on December 30" in a January story
    return found


def _weekday(name: str | None, published: date | None) -> date | None:
    if name is None or published is None:
        return None
    wanted = _WEEKDAYS.index(name.lower())
    return published - timedelta(days=(published.weekday() - wanted) % 7)


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_iso(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
