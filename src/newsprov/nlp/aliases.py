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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType

__all__ = [
    "Lexicon",
    "acronym",
    "clean_name",
    "fold",
    "group_names",
    "is_acronym_of",
    "is_demonym_phrase",
    "is_role_word",
    "lexicon",
    "load_json",
    "name_skeleton",
    "opens_with_given_name",
    "person_matches",
    "place_variant",
    "slugify",
    "transliteration_variant",
]

_SMALL = {"of", "for", "and", "the", "in", "on", "at", "de", "du", "des", "la", "le", "&"}
_PARTICLES = {"al", "el", "bin", "ibn", "abu", "abd", "van", "von", "der", "da", "di"}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_INITIALS = re.compile(r"(?:^|(?<=\s))(?:[A-Z]\.){2,}$")
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
    platforms: frozenset[str]
    known_orgs: frozenset[str]
    vague_qualifiers: frozenset[str]
    role_titles: frozenset[str]
    honorifics: frozenset[str]
    agency_words: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    place_abbreviations: Mapping[str, str]


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
        ambiguous_outlets=_exact(names, "ambiguous_outlets"),
        platforms=_exact(names, "platforms"),
        known_orgs=_exact(names, "known_orgs"),
        vague_qualifiers=_words(names, "vague_qualifiers"),
        role_titles=_words(names, "role_titles"),
        honorifics=_words(names, "honorifics"),
        agency_words=_words(names, "agency_words"),
        female_words=_words(names, "female_words"),
        male_words=_words(names, "male_words"),
        place_abbreviations=_mapping(names, "place_abbreviations"),
    )


def _mapping(data: dict[str, object], key: str) -> Mapping[str, str]:
    value = data.get(key, {})
    assert isinstance(value, dict)
    return MappingProxyType({str(k): str(v) for k, v in value.items()})


def is_agency_name(text: str) -> bool:
    """Does ``text`` hold a word of a photo or press agency's name ("Getty Images")?"""
    return any(w.lower() in lexicon().agency_words for w in re.findall(r"\w+", text))


def _exact(data: dict[str, object], key: str) -> frozenset[str]:
    value = data.get(key, [])
    assert isinstance(value, list)
    return frozenset(str(v) for v in value)


def slugify(name: str) -> str:
    """Slug of a name: "Bashar al-Assad" -> "bashar-al-assad" (ASCII, hyphens)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "").replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "unnamed"


def _norm_word(word: str) -> str:
    return word.lower().replace("’", "'").strip(".,;:'\"()")


def is_role_word(word: str) -> bool:
    """Does a lower-case noun name a person by role or standing ("head", "director",
    "spokesman", "resident")?"""
    lex = lexicon()
    return word in lex.role_titles or word in lex.person_nouns


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
    name = re.sub(r"^(?:the|The|THE|[Ww]ith)\s+", "", name)  # "(With AFP)"
    name = _BASED.sub("", name)
    name = _ACRONYM_PAREN.sub("", name)
    initials = _INITIALS.search(name)  # "U.S." keeps its last stop
    name = _POSSESSIVE.sub("", name).strip(" ,.;:-—–\"“”'‘’()[]")
    if initials is not None and name + "." == initials.group():
        name += "."
    if kind == "Place":
        name = lexicon().place_abbreviations.get(name.rstrip("."), name)  # "Calif." -> "California"
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
    if len(long.split()) < 2:
        return False
    # a one-letter word of another language may be left out: "Ain O Salish Kendra (ASK)"
    short_words = " ".join(w for w in long.split() if len(w) > 1)
    return letters in {acronym(long), acronym(short_words)}


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


@lru_cache(maxsize=8192)  # pure, and asked of the same names pair after pair
def fold(text: str) -> str:
    """Lower case without diacritics or apostrophes: "José Hernández" -> "jose hernandez"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"['’‘`]", "", text)


# "Mohd Haziq" is how Malaysian papers write "Muhammad Haziq"
_ABBREVIATED = {"mohd": "muhammad", "muhd": "muhammad", "md": "muhammad", "mohd.": "muhammad"}
# "Abdul Rahman", "Abdel-Rahman", "Abd al-Rahman", "Abdurrahman": one name, one spelling
_ABD = re.compile(r"\babd(?:[aeiou]l?)?(?:[- ]+(?:a|e|u)[lr][- ]+|[- ]+)?")
_ARTICLE_WORD = re.compile(r"\b(?:al|el|ul)(?:[- ]+|(?=-))")
_VOWELS = re.compile(r"[aeiouyw]+")


def _word_skeleton(word: str) -> str:
    """First letter plus the consonants: "Hoshyar" / "Hoshiar" / "Hushyar" -> "hshr"."""
    word = re.sub(r"[^a-z]", "", word)
    if not word:
        return ""
    word = word.replace("ph", "f").replace("q", "k").replace("ou", "u")
    if word.startswith("yi") and len(word) > 3:
        word = "g" + word[1:]  # Greek "Yiorgos" / "Giorgos", "Yiannis" / "Giannis"
    head = "a" if word[0] in "aeiou" else word[0]
    rest = _VOWELS.sub("", word[1:])
    return re.sub(r"(.)\1+", r"\1", head + rest)


def _spelling_words(name: str) -> list[str]:
    """Folded words with "Mohd" expanded, "Abdul Rahman" joined and "al-" dropped."""
    return list(_spelling_tuple(name))


@lru_cache(maxsize=8192)
def _spelling_tuple(name: str) -> tuple[str, ...]:
    text = " ".join(_ABBREVIATED.get(w, w) for w in fold(name).split())
    text = _ARTICLE_WORD.sub("", _ABD.sub("abd", text))
    return tuple(w for w in re.split(r"[\s-]+", text) if w and w not in {"bin", "ibn", "binti"})


def name_skeleton(name: str) -> list[str]:
    """Spelling-free form of a person name, one skeleton per word: lower case, no
    diacritics, no "al-"/"el-"/"bin", "Abdul"/"Abdel"/"Abd al-" joined to the next word,
    vowels dropped and doubled letters collapsed. "Mohammed al-Hashimi" and "Mohamed Al
    Hashemi" -> ["mhmd", "hshm"]."""
    return list(_skeleton(name))


@lru_cache(maxsize=8192)
def _skeleton(name: str) -> tuple[str, ...]:
    return tuple(sk for sk in (_word_skeleton(w) for w in _spelling_tuple(name)) if sk)


@lru_cache(maxsize=8192)
def transliteration_variant(a: str, b: str) -> bool:
    """Two spellings of one full name: the same first-name skeleton and the same
    skeleton for the rest ("Hoshyar Abdulrahman" / "Hoshiar Abdul-Rahman"), and spellings
    close letter for letter ("Ahmed Hassan" / "Ahmad Hussein" are two people). Names of
    one word, or too short to tell apart, never match."""
    if fold(a) == fold(b):
        return True
    sa, sb = name_skeleton(a), name_skeleton(b)
    if len(sa) < 2 or len(sb) < 2 or sa[0] != sb[0]:
        return False
    rest_a, rest_b = "".join(sa[1:]), "".join(sb[1:])
    if rest_a != rest_b or len(rest_a) < 3 or len("".join(sa)) < 5:
        return False
    letters_a, letters_b = "".join(_spelling_words(a)), "".join(_spelling_words(b))
    return SequenceMatcher(None, letters_a, letters_b).ratio() >= 0.72


def _short_word_matches(word: str, part: str) -> bool:
    """One word of a short form names one part of a long form: equal without accents,
    or, for words long enough to be safe, equal skeletons ("Hashemi" / "al-Hashimi")."""
    if word == part:
        return True
    if min(len(word), len(part)) < 5:
        return False
    sw, sp = name_skeleton(word), name_skeleton(part)
    return len(sw) == 1 and sw == sp and len(sw[0]) >= 3


@lru_cache(maxsize=8192)
def person_matches(short: str, long: str) -> bool:
    """A shorter person name names the same person: "Assad" / "Bashar al-Assad",
    "Kamel" / "Rihab Kamel", "Haziq" / "Muhammad Haziq Abdullah" (a later given name),
    "Mohd Haziq" / "Muhammad Haziq Abdullah" (the long form's first words). The first name
    alone does not match a family name. Accents and spelling variants do not matter."""
    s_words = [_ABBREVIATED.get(w, w) for w in fold(short).split()]
    l_words = [_ABBREVIATED.get(w, w) for w in fold(long).split()]
    if not s_words or len(s_words) >= len(l_words):
        return False
    if len(s_words) >= 2 and transliteration_variant(
        " ".join(s_words), " ".join(l_words[: len(s_words)])
    ):
        return True  # "Mohd Haziq" / "Muhammad Haziq Abdullah"
    parts = _person_parts(" ".join(l_words))

    def found(w: str, among: set[str]) -> bool:
        return any(_short_word_matches(x, p) for x in {w, w.split("-")[-1]} for p in among)

    if not all(found(w, parts) for w in s_words):
        return False
    # the short form must hold the family name (last word of the long form), or be a
    # later given name of a three-part name ("Haziq" / "Muhammad Haziq Abdullah")
    last = _person_parts(l_words[-1])
    if any(found(w, last) for w in s_words):
        return True
    middle = _person_parts(" ".join(l_words[1:-1]))
    return len(s_words) == 1 and len(l_words) >= 3 and found(s_words[0], middle)


def place_variant(a: str, b: str) -> bool:
    """Two place spellings where one extends the other by a few letters ("Baniyas" /
    "Baniyasin"), or one-word names of six letters or more that differ in one vowel
    ("Wonberta" / "Wenberta")."""
    short, long = sorted((fold(a), fold(b)), key=len)
    if len(short) == len(long) >= 6 and " " not in long:
        diff = [(x, y) for x, y in zip(short, long, strict=True) if x != y]
        if len(diff) == 1 and all(c in "aeiou" for c in diff[0]):
            return True
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
    if kind != "Person" and _spacing_variant(a, b):
        return True  # "Cal Fire" / "CalFire", "Al Qaeda" / "Al-Qaeda"
    if kind == "Person":
        a, b = _untitled(a), _untitled(b)
        return a == b or person_matches(a, b) or person_matches(b, a) or _variant(a, b)
    if kind == "Place":
        return place_variant(a, b) or _longer_form(a, b) or _longer_form(b, a)
    if kind == "Organisation":
        return (
            is_acronym_of(a, b)
            or is_acronym_of(b, a)
            or _same_words(a, b)
            or _longer_form(a, b)
            or _longer_form(b, a)
        )
    return False


def _spacing_variant(a: str, b: str) -> bool:
    """The same letters, spaced or hyphenated otherwise (a name of two words at least)."""
    squash = re.compile(r"[\s\-‐-―]+")
    if " " not in a and " " not in b:
        return False
    return squash.sub("", fold(a)) == squash.sub("", fold(b))


def _longer_form(short: str, long: str) -> bool:
    """ "Hume Freeway" / "M31 Hume Freeway": a name of two words or more that ends the
    other name."""
    s_words, l_words = fold(short).split(), fold(long).split()
    return 2 <= len(s_words) < len(l_words) and l_words[-len(s_words) :] == s_words


def _variant(a: str, b: str) -> bool:
    """Full names spelt two ways, titles aside ("Hoshyar Abdulrahman" / "Hushyar Abdul
    Rahman")."""
    return " " in a and " " in b and transliteration_variant(a, b)


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


def _first_name_pairs(names: Sequence[str]) -> set[frozenset[str]]:
    """ "Tesfaye" / "Tesfaye Alemu": a lone word that opens exactly one full name of the
    article, and is no word of another name, names that person (styles that use the
    given name on second mention)."""
    pairs = set()
    for short in names:
        if " " in short or len(short) < 4:
            continue
        key = fold(short)
        opening = [n for n in names if " " in n and fold(n).split()[0] == key]
        elsewhere = [n for n in names if n != short and key in fold(n).split()[1:]]
        if len(opening) == 1 and not elsewhere:
            pairs.add(frozenset((short, opening[0])))
    return pairs


def _is_title(word: str) -> bool:
    """A title or role opening a name, singular or plural, or a short capitalised
    abbreviation of one ("Sen.", "Senators", "AG")."""
    low = fold(word).strip(".")
    if {low, low.removesuffix("s"), low + "."} & _title_words():
        return True
    return word.isalpha() and word.isupper() and len(word) <= 3


@cache
def _title_words() -> frozenset[str]:
    """Titles and roles that may open a person's name (built once)."""
    lex = lexicon()
    return lex.titles | lex.role_titles


def _untitled(name: str) -> str:
    """A person name without the titles opening it ("AG Mukasey" -> "Mukasey")."""
    words = name.split()
    while len(words) > 1 and _is_title(words[0]):
        words = words[1:]
    return " ".join(words)


def _given_name(name: str) -> str | None:
    """The given name opening a full person name ("Eric" of "Eric Trump"); None for a lone
    name or one opened by a title or role ("AG Mukasey", "Senators Rubio")."""
    words = name.split()
    if len(words) < 2 or _is_title(words[0]):
        return None
    return fold(words[0])


def opens_with_given_name(name: str) -> bool:
    """Does a person name of several words open with a given name ("Marco Rubio", not
    "Senators Rubio")?"""
    return _given_name(name) is not None


def _other_person(a: Sequence[str], b: Sequence[str], pairs: set[frozenset[str]]) -> bool:
    """Do two groups of person names hold full names with different given names that do
    not name each other ("Donald Trump" / "Eric Trump": two people who share a family
    name)?"""
    for x in a:
        gx = _given_name(x)
        if gx is None:
            continue
        for y in b:
            gy = _given_name(y)
            if gy is not None and gx != gy and not _same_entity("Person", x, y, pairs):
                return True
    return False


def group_names(
    kind: str, names: Sequence[str], defined: Iterable[tuple[str, str]] = ()
) -> list[list[str]]:
    """Cluster distinct ``names`` of one type; ``defined`` pairs are known aliases
    ("Syrian Observatory for Human Rights", "SOHR"). Order of first appearance is kept."""
    pairs = {frozenset(p) for p in defined}
    if kind == "Organisation":
        pairs |= _head_word_pairs(names)
    if kind == "Person":
        pairs |= _first_name_pairs(names)
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    members = {i: [name] for i, name in enumerate(names)}
    for i, a in enumerate(names):
        for j in range(i):
            if not _same_entity(kind, a, names[j], pairs):
                continue
            ri, rj = find(i), find(j)
            if ri == rj or (kind == "Person" and _other_person(members[ri], members[rj], pairs)):
                continue  # "Trump" joins "Donald Trump", named first, never "Eric Trump" too
            parent[ri] = rj
            members[rj] += members.pop(ri)
    groups: dict[int, list[str]] = {}
    for i, name in enumerate(names):
        groups.setdefault(find(i), []).append(name)
    return list(groups.values())
