"""Bylines -> the authors' names, the place the story was filed from, the agencies named.

"By Mariam Idris, BBC News, Nairobi" -> authors ("Mariam Idris",), place "Nairobi",
agency "BBC News"; "Selin Demir in Istanbul" -> ("Selin Demir",) filed from "Istanbul";
"By Dana Whitfield and Marcus Lee, CNN" -> two authors and CNN; "Jane Doe, Middle East
correspondent" -> ("Jane Doe",) (job titles are dropped, also when run on after the name:
"Jason Green Staff writers"). A text that names no person
and no agency is no byline: "By the numbers", "By Tuesday, officials said ...".

Names come first: the first comma-separated part holds the author(s), or the first
parts when they form a list "A, B and C". What follows names an agency, a job title or
(a capitalised place name) the place, so "By Tom Ashworth, BBC News, Los Angeles" does
not make "Los Angeles" a second author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from newsprov.ingest._agencies import agency_name

__all__ = ["Byline", "merge_bylines", "parse_byline"]

_PREFIX_RE = re.compile(
    r"^(?:by(?:line)?\s*:\s*|by\s+|(?:written|words|reporting) by\s*:?\s+|author\s*:\s*)",
    re.IGNORECASE,
)
_SEPARATOR_RE = re.compile(r"\s+[|·•–—-]\s+|\s*[|;/]\s*")
_AND_RE = re.compile(r"\s+(?:and|&)\s+|^(?:and|&)\s+")
_IN_PLACE_RE = re.compile(r"^(?P<who>.+?)\s+in\s+(?P<place>[A-Z][^,]*)$")
_FOR_RE = re.compile(r"^(?P<who>.+?)\s+for\s+(?:the\s+)?(?P<agency>[A-Z][^,]*)$")
_PARTICLES = frozenset({
    "al", "el", "bin", "ibn", "bint", "de", "da", "di", "du", "del", "della", "der", "den",
    "van", "von", "la", "le", "dos", "das", "do", "y",
})  # fmt: skip
_NAME_WORD_RE = re.compile(r"^(?:[A-ZÀ-ÞĀ-Ž][\w'’\-]*\.?|(?:al|el|ad|as|an)-[\w'’\-]+)$")
# words that make a capitalised part a job title or a desk, never a person or a place
_TITLE_WORDS = frozenset({
    "correspondent", "correspondents", "editor", "editors", "reporter", "reporters", "writer",
    "writers", "staff", "producer", "contributor", "contributors", "journalist", "journalists",
    "analyst", "columnist", "photographer", "bureau", "chief", "desk", "team", "agencies",
    "agency", "senior", "international", "political", "newsroom", "service", "online",
    "digital", "news", "press", "media", "wire", "wires",
})  # fmt: skip
_CALENDAR = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "today", "yesterday",
})  # fmt: skip
_MAX_WORDS = 14


@dataclass(frozen=True, slots=True)
class Byline:
    """What a byline says: author names, the place filed from, agencies (canonical names)."""

    authors: tuple[str, ...] = ()
    place: str | None = None
    agencies: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        """True when the byline names anyone (an author or an agency)."""
        return bool(self.authors or self.agencies)


def parse_byline(text: str) -> Byline:
    """The authors, place and agencies of one byline (an empty Byline when it is none)."""
    clean = " ".join(text.split()).strip(" .")
    clean = _PREFIX_RE.sub("", clean).strip(" .,")
    if not clean or len(clean.split()) > _MAX_WORDS or re.search(r"[\d!?:“”\"]", clean):
        return Byline()
    parts = [p.strip() for p in _SEPARATOR_RE.sub(", ", clean).split(",") if p.strip()]
    authors: list[str] = []
    agencies: list[str] = []
    places: list[str] = []
    names_end = _names_end(parts)
    for index, part in enumerate(parts):
        if index < names_end:
            for name in _AND_RE.split(part):
                _add_name(name, authors, agencies, places)
            continue
        part = _lift_agency(_lift_place(part, places), agencies)
        agency = _agency(part)
        if agency:
            agencies.append(agency)
        elif index > 0 and _place_like(part):
            places.append(part)
    place = places[0] if places and (authors or agencies) else None
    return Byline(tuple(dict.fromkeys(authors)), place, tuple(dict.fromkeys(agencies)))


def merge_bylines(bylines: Iterable[Byline]) -> Byline:
    """One Byline from several (meta tag, byline element, ...): names in order, no repeats."""
    found = list(bylines)
    authors = dict.fromkeys(a for b in found for a in b.authors)
    agencies = dict.fromkeys(a for b in found for a in b.agencies)
    place = next((b.place for b in found if b.place), None)
    return Byline(tuple(authors), place, tuple(agencies))


def _names_end(parts: list[str]) -> int:
    """How many leading parts hold names: 1, or all of a list "A, B and C" ("A, B, and C")."""
    for index, part in enumerate(parts):
        names = [_core(n) for n in _AND_RE.split(part) if n]
        if not names or not all(_person_like(n) for n in names):
            return 1
        if _AND_RE.search(part):
            return index + 1
    return 1


def _core(name: str) -> str:
    """ "Jane Doe in Beirut" / "Jane Doe for AFP" -> "Jane Doe" (nothing noted)."""
    return _lift_title(_lift_trailing_agency(_lift_agency(_lift_place(name, []), []), []))


def _lift_title(part: str) -> str:
    """ "Jason Green Staff writers" (no comma) -> "Jason Green": a job title run on after
    the last name, when what is left is a personal name."""
    words = part.split()
    cut = len(words)
    while cut > 2 and words[cut - 1].lower().strip(".") in _TITLE_WORDS:
        cut -= 1
    head = " ".join(words[:cut])
    return head if cut < len(words) and _person_like(head) else part


def _lift_trailing_agency(part: str, agencies: list[str]) -> str:
    """ "Jane Doe The Canadian Press" (no comma) -> "Jane Doe", noting the agency.

    Only when what is left is a personal name, so "Press Gallery" stays whole.
    """
    words = part.split()
    for cut in range(2, len(words)):
        agency = _agency(" ".join(words[cut:]))
        head = " ".join(words[:cut])
        if agency and _person_like(head):
            agencies.append(agency)
            return head
    return part


def _lift_place(part: str, places: list[str]) -> str:
    """ "Selin Demir in Istanbul" -> "Selin Demir", noting "Istanbul" as a place."""
    found = _IN_PLACE_RE.match(part)
    if found and _place_like(found["place"]):
        places.append(found["place"])
        return found["who"]
    return part


def _lift_agency(part: str, agencies: list[str]) -> str:
    """ "Jane Doe for Reuters" -> "Jane Doe", noting Reuters."""
    found = _FOR_RE.match(part)
    agency = agency_name(found["agency"]) if found else None
    if found and agency:
        agencies.append(agency)
        return found["who"]
    return part


def _agency(part: str) -> str | None:
    """The agency a part names: "Reuters", "the Associated Press", "AFP staff"."""
    base = re.sub(r"^the\s+", "", part, flags=re.IGNORECASE)
    known = agency_name(base)
    if known:
        return known
    trimmed = re.sub(r"(?:\s+[a-z]+)+$", "", base)  # "Reuters staff", "AFP reporters"
    return agency_name(trimmed) if trimmed != base else None


def _add_name(name: str, authors: list[str], agencies: list[str], places: list[str]) -> None:
    """One part of "A and B": a person (maybe "in Place", "for Agency") or an agency."""
    name = _lift_title(
        _lift_trailing_agency(_lift_agency(_lift_place(name, places), agencies), agencies)
    )
    agency = _agency(name) if name else None
    if agency:
        agencies.append(agency)
    elif name and _person_like(name):
        authors.append(name)


def _person_like(text: str) -> bool:
    """A personal name: two to five capitalised words (particles such as "al-" allowed)."""
    words = text.split()
    if not 2 <= len(words) <= 5 or _stop_word(words):
        return False
    if words[0].lower() in _PARTICLES or words[-1].lower() in _PARTICLES:
        return False
    if any(len(w) > 1 and w.isupper() and agency_name(w) for w in words):
        return False  # "RFA Burmese", "AFP Staff": an outlet's desk, not a person
    return all(w.lower() in _PARTICLES or _NAME_WORD_RE.match(w) for w in words)


def _place_like(text: str) -> bool:
    """A place name after the names: one to four capitalised words ("Los Angeles")."""
    words = text.split()
    if not 1 <= len(words) <= 4 or _stop_word(words) or not words[0][:1].isupper():
        return False
    return all(w.lower() in {"of", *_PARTICLES} or _NAME_WORD_RE.match(w) for w in words)


def _stop_word(words: list[str]) -> bool:
    return any(w.lower().strip(".") in _TITLE_WORDS | _CALENDAR for w in words)
