"""What a figure counts: the counted noun phrase, its measure, population and unit.

Pure functions over :class:`~newsprov.nlp.numbers.Lex` pieces, so they work on any Doc
(with or without a parse). The lexicons live in ``nlp/data/measures.json``:

* ``rules``: per measure (deaths, injuries, crowd-size, area-burned, ...) the keywords
  that signal it, optionally limited to some units (money for economic-loss) or counted
  nouns (homes for homes-destroyed). The keyword nearest the number wins;
* ``populations``: who is counted, from the counted noun ("government security force
  members" -> security-forces);
* ``predicates``: participles that make a short "what" ("civilians killed").

:func:`not_counted_reason` drops numbers whose counted thing shows they are no figure
(a bare "one", "the two sides", "two residents told AP").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from newsprov.model import Qualifier
from newsprov.nlp.numbers import Lex, lexicon
from newsprov.nlp.qualify import Claim

__all__ = [
    "Described",
    "NounPhrase",
    "describe",
    "measure_for",
    "measures_lexicon",
    "not_counted_reason",
    "noun_phrase",
    "population_for",
    "population_named_after",
    "predicate_measure",
    "unit_for",
]

WINDOW = 8  # lexes either side of a number searched for measure keywords
_SMALL = 10  # number words up to this value need a counted noun or a measure to count
_DEFINITE = {"the", "both", "these", "those", "its", "their", "his", "her", "our"}
_SPEAKERS_MAX = 20  # "two residents told AP" counts speakers, not a figure
_CASUALTY_WHOLES = frozenset(
    {"dead", "victims", "wounded", "injured", "killed", "casualties", "bodies", "deceased"}
)
_JOINERS = frozenset({"and", "while", "whereas", "but", ";"})
_PERSON_MEASURES = frozenset(
    {"deaths", "injuries", "arrests", "missing", "displaced", "evacuated", "affected",
     "rescued", "crowd-size"}
)  # fmt: skip


@lru_cache(maxsize=1)
def measures_lexicon() -> dict[str, Any]:
    """The measure lexicon (``nlp/data/measures.json``), loaded once."""
    text = resources.files("newsprov.nlp").joinpath("data/measures.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """The counted noun phrase: its text as written, its words and head (lower case).

    ``end`` is the char offset where it ends, in the coordinates of the lexed text;
    ``predicate`` the participle it is the subject of, when a parse says so.
    """

    text: str
    words: tuple[str, ...]
    head: str | None
    end: int | None = None
    predicate: str | None = None  # from the parse: the verb the noun is subject of


@dataclass(frozen=True, slots=True)
class Described:
    """What a figure counts, as stored on a FigureSpan."""

    what: str
    measure: str | None
    population: str | None
    unit: str
    predicate: str | None = None  # "killed" in "745 civilians were killed"


def _is_word(lx: Lex) -> bool:
    return lx.text.isalpha() and lx.lower not in _stopwords()


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    """Function words that end a counted noun phrase."""
    return frozenset(measures_lexicon()["stopwords"])


def _is_predicate(word: str) -> bool:
    return word in measures_lexicon()["predicates"] or word.endswith("ed")


def noun_phrase(lexes: Sequence[Lex], j: int, text: str, *, skip_of: bool = False) -> NounPhrase:
    """The noun phrase right after lex j ("745 [civilians] were killed").

    Takes up to six content words, hyphenated words kept whole; stops at function words,
    punctuation and numbers. A participle ("killed", "armed") belongs to the phrase only
    when another content word follows ("300 armed men", but "300 killed in").
    """
    if skip_of and j < len(lexes) and lexes[j].lower in ("of", "in"):
        j += 1
    words: list[int] = []
    k = j
    while k < len(lexes) and len(words) < 6:
        lx = lexes[k]
        if _hyphen_inside(lexes, k):
            k += 1
            continue
        if not _is_word(lx):
            break
        words.append(k)
        k += 1
    while words and _is_predicate(lexes[words[-1]].lower) and not _glued_before(lexes, words[-1]):
        words.pop()
    words = _cut_after_person(lexes, words)
    if not words:
        return NounPhrase("", (), None)
    start, end = lexes[words[0]].start, lexes[words[-1]].end
    tokens = tuple(lexes[i].lower for i in range(words[0], words[-1] + 1) if _is_word(lexes[i]))
    return NounPhrase(text[start:end], tokens, lexes[words[-1]].lower, end)


def _cut_after_person(lexes: Sequence[Lex], words: list[int]) -> list[int]:
    """End the phrase after its first run of person nouns ("people [remain missing]")."""
    nouns = _person_nouns()
    for n, k in enumerate(words):
        if lexes[k].lower in nouns:
            end = n + 1
            while end < len(words) and lexes[words[end]].lower in nouns:
                end += 1
            return words[:end]
    return words


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Single-word nouns of every population ("people", "civilians", "police"...)."""
    groups = measures_lexicon()["populations"]
    nouns = {n for _, group in groups for n in group if " " not in n}
    return frozenset(nouns | {n[:-1] for n in nouns if n.endswith("s")})  # "soldier"


def _glued_before(lexes: Sequence[Lex], k: int) -> bool:
    """True when lex k is the tail of a hyphenated word ("pro-government")."""
    return k >= 2 and lexes[k - 1].text == "-" and lexes[k - 2].end == lexes[k - 1].start


def _hyphen_inside(lexes: Sequence[Lex], k: int) -> bool:
    if lexes[k].text != "-" or k == 0 or k + 1 >= len(lexes):
        return False
    return lexes[k - 1].end == lexes[k].start and lexes[k].end == lexes[k + 1].start


def _keyword_index() -> list[tuple[int, str, tuple[str, ...]]]:
    """(rule index, measure, keyword words) for every keyword, longest first."""
    out: list[tuple[int, str, tuple[str, ...]]] = []
    for n, rule in enumerate(measures_lexicon()["rules"]):
        out.extend((n, rule["measure"], tuple(kw.split())) for kw in rule["keywords"])
    return sorted(out, key=lambda x: -len(x[2]))


_KEYWORDS = lru_cache(maxsize=1)(_keyword_index)


def _distance(first: int, last: int, start: int, end: int) -> int:
    """Lexes between a keyword [start, end) and a number [first, last)."""
    if end <= first:
        return first - end
    if start >= last:
        return start - last
    return 0


def measure_for(
    lexes: Sequence[Lex],
    first: int,
    last: int,
    *,
    unit: str | None,
    head: str | None,
    others: Sequence[tuple[int, int]] = (),
    far: bool = False,
    noun_words: frozenset[str] = frozenset(),
) -> str | None:
    """The measure of a number at lexes [first, last): the nearest fitting keyword's.

    ``others`` are the lex spans of the sentence's other numbers: a keyword reached
    across one of them is further away ("12 killed and 30 injured"). ``far`` searches
    the rest of the sentence after the number, for predicates only ("125 members and
    148 militants ... were also killed"). A keyword that is the counted noun itself
    ("300 protesters") yields to a predicate ("300 protesters were arrested"), and on a
    tie a keyword after the number wins ("12 died and 30 were wounded").
    """
    words = [lx.lower for lx in lexes]
    lo, hi = max(0, first - WINDOW), min(len(lexes), last + WINDOW)
    if far:
        lo, hi = last, len(lexes)
    rules = measures_lexicon()["rules"]
    best: tuple[int, int, str] | None = None
    at: dict[str, list[int]] = {}  # where each word of the window is, in order
    for s in range(lo, hi):
        at.setdefault(words[s], []).append(s)
    for n, measure, kw in _KEYWORDS():
        if kw[0] not in at or not _fits(rules[n], unit, head):
            continue
        if far and " ".join(kw) not in measures_lexicon()["predicates"]:
            continue
        for s in at[kw[0]]:
            if s > hi - len(kw) or tuple(words[s : s + len(kw)]) != kw:
                continue
            dist = 2 * _distance(first, last, s, s + len(kw)) + (s < first)
            dist += 6 * sum(1 for a, b in others if _between(a, b, first, last, s))
            dist += 6 * all(w in noun_words for w in kw)
            # a keyword in the clause before: "1,512 injured and 12 were still missing"
            dist += 2 * (s < first and any(w in _JOINERS for w in words[s + len(kw) : first]))
            if best is None or (dist, n) < best[:2]:
                best = (dist, n, measure)
    return best[2] if best else None


def _fits(rule: dict[str, Any], unit: str | None, head: str | None) -> bool:
    """Can the rule's measure count this: its units and counted nouns, if it lists them?"""
    if "units" in rule and unit not in rule["units"]:
        return False
    if "units" not in rule and _is_money(unit):
        return False  # an amount of money counts no people or things: "₹10 crore ... tents"
    return "nouns" not in rule or head in rule["nouns"]


def predicate_measure(predicate: str | None, *, unit: str | None, head: str | None) -> str | None:
    """The measure of the verb whose subject the counted noun is, which outranks any
    keyword nearer by ("11 children were rescued, while 19 children ... died")."""
    if predicate is None:
        return None
    rules = measures_lexicon()["rules"]
    for n, measure, kw in _KEYWORDS():
        if kw == (predicate,) and _fits(rules[n], unit, head):
            return measure
    return None


def _is_money(unit: str | None) -> bool:
    """A currency code unit ("USD", "INR")."""
    return unit is not None and len(unit) == 3 and unit.isupper()


def _between(a: int, b: int, first: int, last: int, kw: int) -> bool:
    """Is the number [a, b) between the figure [first, last) and the keyword at kw?"""
    return (kw < a and b <= first) or (last <= a and b <= kw)


def _names_any(nouns: Sequence[str], text: str) -> bool:
    """Does ``text`` hold one of ``nouns`` as whole words? (One search for them all.)"""
    return bool(nouns) and _whole_words(tuple(nouns)).search(text) is not None


@lru_cache(maxsize=256)
def _whole_words(nouns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in nouns) + r")\b")


def population_for(phrase: NounPhrase) -> str | None:
    """Who a noun phrase counts: a specific group named by the head noun, then by any
    listed phrase in it ("government security force members"), then plain people."""
    groups: list[tuple[str, list[str]]] = measures_lexicon()["populations"]
    specific, generic = groups[:-1], groups[-1]
    joined = " ".join(phrase.words)
    for name, nouns in specific:
        if phrase.head in nouns:
            return name
    for name, nouns in specific:
        if _names_any(nouns, joined):
            return name
    return generic[0] if phrase.head in generic[1] else None


_COPULAS = frozenset({"were", "was", "are", "is", "being", "included", "including"})
_CLAUSE_ENDS = frozenset({",", ";", ".", ":", "while", "whereas", "but"})


def population_named_after(
    lexes: Sequence[Lex], last: int, *, of_links: bool = False
) -> str | None:
    """A population a copula names after the number, within its clause.

    "745 of the dead were civilians", "125 belonged to the security forces", "148 were
    gunmen": the number's own noun says nothing about who was counted; the predicate
    does. With ``of_links`` (the counted noun is a generic one such as "members"), an
    "of" complement counts too: "125 members of the security forces". Stops at the
    clause end or the next number, so a neighbour's group is not taken.
    """
    groups: list[tuple[str, list[str]]] = measures_lexicon()["populations"][:-1]
    words: list[str] = []
    seen_link = False
    for lx in lexes[last : last + 12]:
        if lx.lower in _CLAUSE_ENDS or lx.text[:1].isdigit():
            break
        if seen_link:
            words.append(lx.lower)
        elif lx.lower in _COPULAS or lx.lower == "belonged" or (of_links and lx.lower == "of"):
            seen_link = True
    tail = " ".join(words[:6])
    for name, nouns in groups:
        if _names_any(nouns, tail):
            return name
    return None


def unit_for(
    match_unit: str | None, phrase: NounPhrase, population: str | None, measure: str | None
) -> str:
    """The unit: the number's own (USD, percent, hectares), people, or the counted noun.

    A plural counted noun that names no people is the unit ("homes", "seats"); otherwise a
    measure about people (deaths, crowd-size...) gives "people".
    """
    if match_unit is not None:
        return match_unit
    if population is not None:
        return "people"
    head = phrase.head
    if head is not None and head.endswith("s") and head not in _person_nouns():
        return head
    if measure in _PERSON_MEASURES:
        return "people"
    return head or "count"


def _predicate_after(lexes: Sequence[Lex], k: int) -> str | None:
    """A participle such as "killed" within four lexes after the noun phrase."""
    for lx in lexes[k : k + 4]:
        if lx.lower in measures_lexicon()["predicates"]:
            return lx.lower
        if lx.text in ",;:.":
            return None
    return None


def describe(
    lexes: Sequence[Lex],
    first: int,
    last: int,
    *,
    phrase: NounPhrase,
    match_unit: str | None,
    others: Sequence[tuple[int, int]] = (),
) -> Described:
    """Measure, population, unit and a short "what" for the number at lexes [first, last).

    ``phrase`` is the counted noun phrase (from the parse or :func:`noun_phrase`); a
    predicate such as "were killed" may follow it.
    """
    nouns = frozenset(phrase.words)
    measure = predicate_measure(phrase.predicate, unit=match_unit, head=phrase.head)
    measure = measure or measure_for(
        lexes, first, last, unit=match_unit, head=phrase.head, others=others, noun_words=nouns
    )
    if measure is None:
        # a long subject ("125 government security force members and 148 militants ...
        # were also killed"): the rest of the sentence after the number
        measure = measure_for(
            lexes, first, last, unit=match_unit, head=phrase.head, others=others, far=True
        )
    population = population_for(phrase)
    if population in (None, "people"):
        population = (
            population_named_after(lexes, last, of_links=population == "people") or population
        )
    unit = unit_for(match_unit, phrase, population, measure)
    end = phrase.end
    phrase_end = (
        last
        if end is None
        else next((k for k, x in enumerate(lexes) if x.start >= end), len(lexes))
    )
    predicate = _predicate_after(lexes, phrase_end) or phrase.predicate
    what = " ".join(x for x in (phrase.text, predicate) if x) or (measure or "")
    return Described(what, measure, population, unit, predicate)


def _partitive(lexes: Sequence[Lex], k: int) -> bool:
    """ "two of the attackers": a part of a group, not a count, unless the group is one of
    casualties ("Nine of the wounded had died", "Two of the victims were found")."""
    if k >= len(lexes) or lexes[k].lower != "of":
        return False
    whole = [x.lower for x in lexes[k + 1 : k + 3]]
    return not (whole[:1] == ["the"] and whole[1:] and whole[1] in _CASUALTY_WHOLES)


def not_counted_reason(
    claim: Claim, lexes: Sequence[Lex], phrase: NounPhrase, described: Described
) -> str | None:
    """Why a number is no figure, judged from what it counts (None = it is one).

    A bare "one" (kept when it counts a person with a predicate: "one person was
    killed"); a small number word that is partitive ("two of the victims"), counts
    trivial things ("the two sides") or nothing with no measure near ("the two met"); a
    small count of speakers in a reporting clause ("two residents told AP").
    """
    m, lx = claim.match, lexicon()
    noise = [(w,) for w in lx["noise_nouns"]]
    small_words = m.kind == "words" and m.value <= _SMALL
    exact = claim.qualifier is Qualifier.EXACT and claim.range_index is None
    measure = described.measure
    one_killed = phrase.head in _person_nouns() and described.predicate is not None
    if m.kind == "words" and m.value == 1 and m.text.lower() == "one" and exact:
        return None if one_killed else "one"
    if small_words and exact and _partitive(lexes, m.last):
        return "partitive"
    if small_words and (phrase.head in lx["noise_nouns"] or phrase.words[:1] in noise):
        return "trivial"
    # "the two camps" (sides) is trivial; "opened two camps for the displaced" counts
    before = lexes[m.first - 1].lower if m.first > 0 else ""
    if small_words and phrase.head in lx["definite_noise_nouns"] and before in _DEFINITE:
        return "trivial"
    restated = [x.lower for x in lexes[max(0, m.first - 2) : m.first]] in (
        ["up", "from"],
        ["down", "from"],
    )
    if small_words and exact and not phrase.head and measure is None and not restated:
        return "bare"
    reporting = set(lx["reporting_verbs"])
    if (
        m.value <= _SPEAKERS_MAX
        and phrase.head in lx["speaker_nouns"]
        and measure is None
        and any(x.lower in reporting for x in lexes[m.last :])
    ):
        return "speakers"
    return None
