"""What a name's spelling says about its type, beyond its words.

The shapes the small model gets wrong as a class:

- a word with an inner capital run ("DriveBC", "GoFundMe") is a brand or agency, not a
  person or a place (but "McDonald", "DeSantis", "LeBlanc", "KwaZulu" are names);
- a name ending in an upper-case acronym ("Clearwater RCMP", "Kabul UNAMA") is the local
  branch of that body, not a person;
- a public service's word before a country ("Environment Canada", "Statistics Norway",
  "Elections Canada") is a government agency, not a place;
- a name opening with a demonym ("Georgian Dream", "Kurdish Workers Party") is not a
  person: people are not named "Georgian X";
- a romanised name with a place ending after a hyphen ("Sejong-daero", "Mapo-gu") is a
  place (endings in ``entity_patterns.json``).
"""

from __future__ import annotations

import re
from functools import cache

from newsprov.model import EntityType

from .aliases import lexicon, load_json

__all__ = ["demonym_kind", "shape_kind"]

# a lower-case letter then an upper-case one inside a word: "DriveBC", "YouTube"
_CAMEL = re.compile(r"^([A-Z][a-z]+)[A-Z]")
# name prefixes that take a capital after them ("McDonald", "DeSantis", "KwaZulu")
_NAME_PREFIXES = frozenset(
    {
        "mc",
        "mac",
        "de",
        "di",
        "da",
        "du",
        "la",
        "le",
        "van",
        "von",
        "des",
        "del",
        "della",
        "kwa",
        "fitz",
        "al",
        "el",
        "ben",
        "abu",
        "ibn",
        "bin",
        "st",
        "san",
        "ter",
        "ten",
    }
)
_ACRONYM = re.compile(r"^[A-Z]{3,6}$")
# the service words that name an agency after its country: "Environment Canada"
_SERVICE_WORDS = frozenset(
    {
        "environment",
        "health",
        "statistics",
        "parks",
        "transport",
        "elections",
        "fisheries",
        "heritage",
        "sport",
        "justice",
        "finance",
        "employment",
        "infrastructure",
        "agriculture",
    }
)
_ROMAN = re.compile(r"^[IVXLC]+$")


def _camel(word: str) -> bool:
    """ "DriveBC" but not "McDonald" or "DeSantis"."""
    m = _CAMEL.match(word)
    return m is not None and m.group(1).lower() not in _NAME_PREFIXES and "-" not in word


def _acronym_tail(words: list[str]) -> bool:
    """ "Clearwater RCMP": capitalised words then one upper-case acronym."""
    last, first = words[-1], words[0]
    return (
        len(words) >= 2
        and bool(_ACRONYM.match(last))
        and not _ROMAN.match(last)
        and first[:1].isupper()
        and not first.isupper()
    )


def shape_kind(name: str) -> EntityType | None:
    """Organisation when the name's spelling marks a body, place when it marks a place
    (see module docstring), else None (the spelling says nothing)."""
    words = name.split()
    if not words:
        return None
    if len(words) == 1 and _camel(words[0]):
        return EntityType.ORGANISATION
    if _acronym_tail(words):
        return EntityType.ORGANISATION
    if len(words) == 2 and words[0].lower() in _SERVICE_WORDS and words[1] in _countries():
        return EntityType.ORGANISATION
    if "-" in words[-1] and words[-1].endswith(_place_suffixes()):
        return EntityType.PLACE  # "Sejong-daero", "Mapo-gu": a road, a district
    return None


@cache
def _place_suffixes() -> tuple[str, ...]:
    """The romanised place endings of ``entity_patterns.json`` ("-daero", "-gu")."""
    found = load_json("entity_patterns.json").get("place_suffixes", [])
    assert isinstance(found, list)
    return tuple(str(s) for s in found)


@cache
def _countries() -> frozenset[str]:
    """The country names of ``entity_patterns.json``."""
    names = load_json("entity_patterns.json").get("countries", [])
    assert isinstance(names, list)
    return frozenset(str(n) for n in names)


_COMPASS = frozenset({"western", "eastern", "northern", "southern", "central"})


def demonym_kind(name: str) -> EntityType | None:
    """ "Georgian Dream": a capitalised name opening with a demonym, which can be a body
    or a place but never a person: a place after a compass word ("Western Visayas"), else
    an organisation. None for any other name."""
    words = name.split()
    first = words[0].lower() if words else ""
    if len(words) < 2 or not words[1][:1].isupper():
        return None
    if first in _COMPASS:
        return EntityType.PLACE
    return EntityType.ORGANISATION if first in lexicon().demonyms else None
