"""The publication date a page states outside its header lines and metadata.

Scraped pages put the date in their chrome and their first lines, not in a header: a
"Published: 4 June 2024, 18:20 GMT" line under the breadcrumbs, the dateline "Cairo,
8 March 2025 (dpa) -", the URL (``/2025/03/09/``, ``-2025-03-09/``, read by htmldate),
an "Updated ..." line, or a bare date line ("• Sunday, 09 March 2025"). Strongest first:

1. a line labelled as the publication date ("Published", "Posted", "Date");
2. the dateline of the story (the date it was filed);
3. the URL;
4. a line labelled as an update ("Updated", "Last updated");
5. a bare date line among the opening lines (a masthead's "today" is the weakest sign).

Only the opening lines count (those before and including the first prose paragraph, see
``_dateline.opening_lines``): a date in the ninth paragraph is about the news, not the page.
"""

from __future__ import annotations

import re
from functools import cache

from newsprov.ingest._blocks import Block
from newsprov.ingest._dateline import is_prose, opening_lines
from newsprov.ingest._dates import DATE_RE, parse_date
from newsprov.ingest._publisher import page_url

__all__ = ["page_date", "url_date"]

_LABEL_RE = re.compile(
    r"(?:^|(?<=[•·*>|\-–—\s]))(?P<label>(?:first\s+|originally\s+)?published|posted|date[d]?"
    r"|(?:last\s+)?updated|modified)\b(?:\s+(?:on|at))?\s*:?\s*",
    re.IGNORECASE,
)
# the opening of a dateline up to its dash: "Cairo, 8 March 2025 (dpa) -", "PORT ELLIS,
# Jan. 22, 2025 —"; the date must come before the first dash or agency parenthesis
_DATELINE_RE = re.compile(
    r"^(?P<lead>[^()\n]{3,60}?)\s*(?:\([^()\n]{1,60}\)\s*)?(?:[-–—]{1,2}|:)\s"
)
_BULLETS = " •·*>|-–—\t"
_MAX_BARE_WORDS = 4  # words besides the date on a bare date line ("Mar 18, 2025 | 3 min read")


def page_date(paragraphs: list[Block], url: str | None) -> str | None:
    """The publication date the opening lines or the URL state (ISO), or None."""
    lines = opening_lines(paragraphs)
    published = _labelled(lines, updated=False)
    if published:
        return published
    return (
        _dateline_date(lines)
        or (url_date(page_url(url) or url) if url else None)
        or _labelled(lines, updated=True)
        or _bare(lines)
    )


def _labelled(lines: list[str], *, updated: bool) -> str | None:
    """The date of the first "Published ..." (or "Updated ...") line."""
    for line in lines:
        # at the start of any line; inside a line of chrome ("By - May 09,2023 - Last
        # updated at ...") but never inside a sentence of the story
        label = _LABEL_RE.match(line) or (None if is_prose(line) else _LABEL_RE.search(line))
        if label and _is_update(label["label"]) == updated:
            found = _date_in(line[label.end() :])
            if found:
                return found
    return None


def _is_update(label: str) -> bool:
    return label.lower().split()[-1] in {"updated", "modified"}


def _dateline_date(lines: list[str]) -> str | None:
    """The date in a dateline ("Cairo, 8 March 2025 (dpa) - ...")."""
    for line in lines:
        lead = _DATELINE_RE.match(line)
        if lead and len(line) > len(lead.group()) + 20:  # the story follows the dash
            found = _date_in(lead["lead"])
            if found:
                return found
    return None


def _bare(lines: list[str]) -> str | None:
    """A line that is a date, perhaps with a little chrome ("Mar 18, 2025 | 3 min read")."""
    for line in lines:
        clean = line.strip(_BULLETS)
        found = DATE_RE.search(clean)
        if found and len(clean.replace(found.group(), " ").split()) <= _MAX_BARE_WORDS:
            iso = parse_date(found.group())
            if iso:
                return iso
        elif not found and len(clean) <= 30:  # "9 mars 2025", "2025年3月9日"
            iso = parse_date(clean)
            if iso:
                return iso
    return None


def _date_in(text: str) -> str | None:
    """The date ``text`` opens with ("Mar 20, 2025 11:31 am", "... by admin" after), or
    the first one in a short text ("11:02 AM GMT+5:45, April 3, 2025")."""
    found = DATE_RE.match(text) or (DATE_RE.search(text) if len(text) <= 60 else None)
    if found:
        return parse_date(found.group())
    return parse_date(re.split(r"\s[|·•]\s|\sby\s", text.strip(_BULLETS))[0])


@cache
def url_date(url: str) -> str | None:
    """The date in a page URL (``/2025/03/09/``, ``/20250309/``, ``-2025-03-09``) via
    htmldate, which is given an empty page so that it reads only the URL (never fetches)."""
    if "//" not in url:
        return None
    from htmldate import find_date  # imported only when a URL is read for its date

    found = find_date("<html></html>", url=url, extensive_search=False, original_date=True)
    return found if isinstance(found, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", found) else None
