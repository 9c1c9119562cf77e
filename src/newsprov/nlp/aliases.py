"""Name clean-up and alias resolution within one article (pure string functions).

An article names one entity several ways: "the Britain-based Syrian Observatory for Human
Rights", "SOHR", "SOHR's"; "ousted President Bashar al-Assad", "Assad"; "Baniyas" and a
misspelt "Baniyasin". ``clean_name`` strips what is not part of the name, and
``group_names`` clusters the cleaned names of one type into entities whose canonical name
is the most complete form.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "Lexicon",
    "acronym",
    "clean_name",
    "group_names",
    "is_acronym_of",
    "is_demonym_phrase",
    "lexicon",
    "load_json",
    "person_matches",
    "place_variant",
    "slugify",
]

_SMALL = {"of", "for", "and", "the", "in", "on", "at", "de", "du", "des", "la", "le", "&"}
_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "van", "von", "der", "da", "di"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_BASED = re.compile(r"^[\w.]+(?:-[\w.]+)*-(?:based|headquartered|led|backed|run|funded)\s+")
_ACRONYM_PAREN = re.compile(r"\s*\(([A-Z][A-Za-z0-9&.-]{1,9})\)\s*$")


def load_json(name: str) -> dict[str, object]:
    """A data file shipped in ``newsprov/nlp/data``."""
    text = resources.files("newsprov.nlp").joinpath("data", name).read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    value = data.get(key, [])
    assert isinstance(value, list)
    return frozenset(str(v).lower() for v in value)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``demonyms.json`` and ``names.json``."""

    demonyms: frozenset[str]
    group_nouns: frozenset[str]
    titles: frozenset[str]
    org_nouns: frozenset[str]
    person_nouns: frozenset[str]
    pronouns_person: frozenset[str]
    pronouns_org: frozenset[str]
    junk: frozenset[str]
    ambiguous_outlets: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The shipped word lists (loaded once)."""
    dem = load_json("demonyms.json")
    names = load_json("names.json")
    plural = _words(dem, "pluralise")
    demonyms = plural | {w + "s" for w in plural} | _words(dem, "plain")
    return Lexicon(
        demonyms=demonyms,
        group_nouns=_words(dem, "group_nouns"),
        titles=_words(names, "titles"),
        org_nouns=_words(names, "org_nouns"),
        person_nouns=_words(names, "person_nouns"),
        pronouns_person=_words(names, "pronouns_person"),
        pronouns_org=_words(names, "pronouns_org"),
        junk=_words(names, "junk"),
        ambiguous_outlets=frozenset(str(w) for w in names.get("ambiguous_outlets", [])),  # type: ignore[attr-defined]
    )


def slugify(name: str) -> str:
    """Slug of a name: "Bashar al-Assad" -> "bashar-al-assad" (ASCII, hyphens)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


def _norm_word(word: str) -> str:
    return word.lower().replace("’", "'").strip(".,;:'\"()")


def is_demonym_phrase(text: str) -> bool:
    """True when every word is a nationality/sect word or a group noun ("Alawite sect",
    "Sunni Muslim", "Syrians"); "Syrian Observatory for Human Rights" is False."""
    lex = lexicon()
    words = [_norm_word(w) for w in re.split(r"[\s\u2014-]+", text) if w.strip()]
    words = [w for w in words if w and w not in {"the", "a", "an"}]
    if not words:
        return False
    if " ".join(words) in lex.demonyms:
        return True
    return words[0] in lex.demonyms and all(
        w in lex.demonyms or w in lex.group_nouns for w in words
    )


def clean_name(text: str, kind: str) -> str:
    """The name without articles, "X-based" adjectives, titles, possessives and a
    trailing "(ACRONYM)". ``kind`` is an EntityType value ("Person", ...)."""
    name = " ".join(text.split())
    name = re.sub(r"^(?:the|The|THE)\s+", "", name)
    name = _BASED.sub("", name)
    name = _ACRONYM_PAREN.sub("", name)
    name = _POSSESSIVE.sub("", name).strip(" ,.;:-—–\"“”'‘’()[]")
    if kind == "Person":
        name = _strip_titles(name)
    if kind == "Place" and len(name) >= 4 and name.isupper():
        name = name.title()  # dateline capitals: "KHARTOUM" -> "Khartoum"
    return name


def _strip_titles(name: str) -> str:
    words = name.split()
    titles = lexicon().titles
    while len(words) > 1 and _norm_word(words[0]) in titles:
        words = words[1:]
    return " ".join(words)


def acronym(name: str) -> str:
    """Initials of the capitalised content words: "Syrian Observatory for Human Rights" ->
    "SOHR"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w.lower() not in _SMALL]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def is_acronym_of(short: str, long: str) -> bool:
    """Is ``short`` the initials of ``long`` ("SOHR" / "Syrian Observatory for Human Rights")?"""
    letters = short.replace(".", "")
    if not (2 <= len(letters) <= 8) or not letters.isupper():
        return False
    return len(long.split()) >= 2 and acronym(long) == letters


def _person_parts(name: str) -> set[str]:
    """Name words and hyphen pieces without particles: "Bashar al-Assad" ->
    {bashar, al-assad, assad}."""
    parts: set[str] = set()
    for word in name.lower().replace("’", "'").split():
        parts.add(word)
        pieces = [p for p in word.split("-") if p]
        parts.update(p for p in pieces if p not in _PARTICLES)
        if len(pieces) > 1 and pieces[0] in _PARTICLES:
            parts.add("-".join(pieces[1:]))
    return parts


def person_matches(short: str, long: str) -> bool:
    """A shorter person name names the same person: "Assad" / "Bashar al-Assad",
    "Kamel" / "Rihab Kamel". The first name alone does not match a family name."""
    s_words = short.lower().replace("’", "'").split()
    l_words = long.lower().replace("’", "'").split()
    if not s_words or len(s_words) >= len(l_words):
        return False
    parts = _person_parts(long)
    if not all(w in parts or w.split("-")[-1] in parts for w in s_words):
        return False
    # the short form must contain the family name (last word of the long form)
    last = _person_parts(l_words[-1])
    return any(w in last or w.split("-")[-1] in last for w in s_words)


def place_variant(a: str, b: str) -> bool:
    """Two place spellings where one extends the other by a few letters ("Baniyas" /
    "Baniyasin")."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    return (
        short != long
        and len(short) >= 5
        and " " not in long
        and long.startswith(short)
        and len(long) - len(short) <= 3
    )


def _same_entity(kind: str, a: str, b: str, defined: set[frozenset[str]]) -> bool:
    """Do names ``a`` and ``b`` of type ``kind`` denote one entity in this article?"""
    if a.lower() == b.lower() or frozenset((a, b)) in defined:
        return True
    if kind == "Person":
        return person_matches(a, b) or person_matches(b, a)
    if kind == "Place":
        return place_variant(a, b)
    if kind == "Organisation":
        return is_acronym_of(a, b) or is_acronym_of(b, a) or _same_words(a, b)
    return False


def _same_words(a: str, b: str) -> bool:
    """The same content words in another order: "health ministry" / "Ministry of Health"."""
    wa = {_norm_word(w) for w in a.split()} - _SMALL
    wb = {_norm_word(w) for w in b.split()} - _SMALL
    return len(wa) >= 2 and wa == wb


def _head_word_pairs(names: Sequence[str]) -> set[frozenset[str]]:
    """ "Observatory" / "Syrian Observatory for Human Rights": a lone organisation noun
    names the one organisation of the article whose name holds it (never two)."""
    pairs = set()
    for short in names:
        if " " in short or short.lower() not in lexicon().org_nouns:
            continue
        longer = [n for n in names if short.lower() in n.lower().split() and n != short]
        if len(longer) == 1:
            pairs.add(frozenset((short, longer[0])))
    return pairs


def group_names(
    kind: str, names: Sequence[str], defined: Iterable[tuple[str, str]] = ()
) -> list[list[str]]:
    """Cluster distinct ``names`` of one type; ``defined`` pairs are known aliases
    ("Syrian Observatory for Human Rights", "SOHR"). Order of first appearance is kept."""
    pairs = {frozenset(p) for p in defined}
    if kind == "Organisation":
        pairs |= _head_word_pairs(names)
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(names):
        for j in range(i):
            if _same_entity(kind, a, names[j], pairs):
                parent[find(i)] = find(j)
    groups: dict[int, list[str]] = {}
    for i, name in enumerate(names):
        groups.setdefault(find(i), []).append(name)
    return list(groups.values())
