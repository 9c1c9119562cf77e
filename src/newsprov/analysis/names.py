"""Name normalisation for cross-article entity matching.

Three keys decide whether two names can denote one entity:

- :func:`name_key`: case-, accent-, punctuation- and article-insensitive form
  ("The Syrian Observatory for Human Rights" -> "syrian observatory for human rights");
  a leading "X-based" descriptor is dropped ("Britain-based ...").
- :func:`acronyms`: the initials a multi-word name can be abbreviated to, with and without
  function words ("SOHR" and "SOFHR").
- :func:`person_key`: a transliteration-tolerant (first name, surname) skeleton. Arabic
  particles (al-, el-, ad-, bin, ibn) are dropped, the many spellings of *ʿAbd al-*
  ("Abdel", "Abdul", "Abd al-", "Abdur-") become "abd", then vowels after the first letter
  and doubled letters are dropped: "Rami Abdurrahman", "Rami Abdel-Rahman" and
  "Rami Abdul Rahman" all give ``("rm", "abdrhmn")``; "Rami Makhlouf" gives
  ``("rm", "mkhlf")``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "acronym_form",
    "acronyms",
    "content_words",
    "full_key",
    "name_key",
    "person_key",
    "skeleton",
    "surname_key",
]

_FUNCTION_WORDS = frozenset(
    {"for", "of", "the", "and", "on", "in", "de", "du", "des", "la", "le", "et", "&", "to"}
)
_PARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn"})
# "Abdel", "Abdul", "Abdal", "Abdur", "Abdor", "Abder", "Abdol" and "Abd" + particle
_ABD = re.compile(
    r"\babd(?:[aeiou][lnrs]?\s*(?!l?lah?\b)(?=[a-z]{3})|\s+(?:al|el|ul|ar|ur|er|an|as)\s+|\s+)"
)
_ABD_WORD = re.compile(r"^abd[aeiou][lnrs]?$")
_MIN_FULL_KEY = 7
_BASED = re.compile(r"^[\w.]+-based\s+")
_DESCRIPTOR = re.compile(r"[\w.]+\s*-\s*based\b")
_OF_FORM = re.compile(
    r"(ministry|department|office|bureau|directorate|agency|authority|council) of (?:the )?(.+)"
)
_GENERIC = frozenset(
    {
        "ministry",
        "department",
        "office",
        "agency",
        "authority",
        "group",
        "monitor",
        "organisation",
        "organization",
        "body",
        "committee",
        "commission",
        "service",
        "services",
        "council",
        "country",
        "countrys",
        "s",
        "a",
        "an",
        "its",
        "their",
        "local",
        "national",
        "government",
        "state",
        "official",
        "officials",
        "based",
    }
)
_VOWELS = frozenset("aeiouy")


def _fold(text: str) -> str:
    """Lower-case ASCII with apostrophes and marks removed, other punctuation as spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’`ʿʾ]", "", text)
    return text


def name_key(name: str) -> str:
    """The matching key of a name (organisations, places, outlets, exact person names).

    "X of Y" bodies are turned round ("Ministry of Health" -> "health ministry"), as
    English writes both.
    """
    text = _BASED.sub("", _fold(name).strip())
    text = re.sub(r"[^\w&]+", " ", text).strip()
    text = re.sub(r"^the ", "", text)
    match = _OF_FORM.fullmatch(text)
    return f"{match.group(2)} {match.group(1)}" if match else text


def content_words(name: str) -> frozenset[str]:
    """Distinctive words of an organisation name or description: function words,
    generic organisation nouns and descriptors ("London-based") removed.
    "the country's disaster management agency" -> {"disaster", "management"}."""
    words = re.findall(r"[a-z0-9]+", _DESCRIPTOR.sub(" ", _fold(name)))
    return frozenset(w for w in words if w not in _FUNCTION_WORDS | _GENERIC)


def acronym_form(name: str) -> str | None:
    """``name`` as an acronym key when it looks like one ("SOHR", "U.N.") else None."""
    compact = re.sub(r"[.\s]", "", name.strip())
    if 2 <= len(compact) <= 8 and compact.isalpha() and sum(c.isupper() for c in compact) >= 2:
        return compact.lower()
    return None


def acronyms(name: str) -> set[str]:
    """Initials of a multi-word name: all words, and content words only."""
    words = [w for w in re.split(r"[\s\-]+", name_key(name)) if w]
    if len(words) < 2:
        return set()
    content = [w for w in words if w not in _FUNCTION_WORDS]
    forms = {"".join(w[0] for w in words if w != "&")}
    if len(content) >= 2:
        forms.add("".join(w[0] for w in content))
    return forms


def skeleton(token: str) -> str:
    """First letter, then consonants only, doubled letters collapsed: "mohammed" -> "mhmd"."""
    if not token:
        return ""
    rest = "".join(c for c in token[1:] if c not in _VOWELS)
    out = token[0]
    for c in rest:
        if c != out[-1]:
            out += c
    return out


def _words(name: str) -> list[str]:
    """The words of a person name, particles dropped (before *ʿAbd* forms are split)."""
    text = re.sub(r"[^a-z\s-]", " ", _fold(name)).replace("-", " ")
    return [t for t in text.split() if t not in _PARTICLES]


def _split_abd(words: list[str]) -> list[str]:
    text = _ABD.sub("abd ", " ".join(words))
    return [_ABD_WORD.sub("abd", t) for t in text.split() if t not in _PARTICLES]


def full_key(name: str) -> str | None:
    """Skeleton of the whole name run together, for spellings that split words differently
    ("Abdel Fattah el-Sisi" / "Abdelfattah al-Sisi"); None for short or one-word names."""
    words = _words(name)
    key = skeleton("".join(_split_abd(words)))
    return key if len(words) >= 2 and len(key) >= _MIN_FULL_KEY else None


def person_key(name: str) -> tuple[str, str] | None:
    """(first-name skeleton, surname skeleton) of a person name with two or more words."""
    words = _words(name)
    if len(words) < 2:
        return None
    first = _split_abd(words[:1])
    rest = _split_abd(words[1:])
    return skeleton("".join(first)), skeleton("".join(rest))


def surname_key(name: str) -> str | None:
    """Surname skeleton of a one-word person name ("Abdurrahman" -> "abdrhmn"), else None."""
    words = _words(name)
    if len(words) != 1:
        return None
    return skeleton("".join(_split_abd(words)))
