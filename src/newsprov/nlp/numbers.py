"""Pure functions that find and parse number phrases in plain text.

Nothing here needs spaCy: text is cut into :class:`Lex` pieces by one regular expression
(so glued text such as "distance.125" or "$4.2bn" is split the same way whatever the
tokenizer did), and :func:`scan` reads number phrases off the pieces:

* digits with separators: "1,000", "42,500", "3.5"; "1.000.000" and "2.500" are read as
  European thousands only when clearly so (several dot groups, or one group ending "00"
  with no scale, unit or currency around it);
* scales: "1.5 million", "$4.2 billion", "3bn", "2.3m", "half a million", "a quarter
  of a million"; number words: "twenty-five", "two hundred and fifty", "a dozen";
* units carried by the phrase: currency ("$", "€", "£", "euros"), percent ("12%",
  "12 per cent"), area ("5,000 hectares", "30 sq km", "km²"), tonnes, magnitude.

Vague plurals are parsed too but flagged ``vague``: their value is the smallest amount
the words can mean, taken as two of the plural's unit ("dozens" -> 24, "thousands" ->
2,000, "tens of thousands" -> 20,000, "hundreds of thousands" -> 200,000); a multiplier
word gives its own count ("several hundred" -> 300, "a few thousand" -> 2,000). Callers
treat a vague value as a lower bound ("at least").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

__all__ = [
    "Lex",
    "NumberMatch",
    "is_date_word",
    "lex",
    "lexicon",
    "masked_spans",
    "parse_digits",
    "parse_number",
    "parse_quantity",
    "scan",
    "scan_text",
    "words_to_number",
]

# thousands set apart by spaces: "3 291 312", or one group after a thin or no-break space
_SPACED = (
    r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}){2,}(?![\d]|[.,]\d)"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d]|[.,]\d)"
)
_SPACED_RE = re.compile(_SPACED)
_LEX_RE = re.compile(rf"{_SPACED}|\d+(?:[.,]\d+)*|[^\W\d_]+|\S")
_DIGITS_RE = re.compile(r"\d+(?:[.,]\d+)*")
# Spans that hold digits but never a quantity: ISO and slashed dates, clock times,
# phone numbers, "24/7".
_MASKS = (
    r"\b\d{4}-\d{1,2}-\d{1,2}\b",
    r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b",
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?",
    # a year glued to the clock time by a scrape: "June 3, 20254:12 PM ET"
    r"\b(?:19|20)\d{2}\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?",
    r"\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?",
    r"\b\d{3,4}\s*(?:GMT|UTC|BST|CET|hrs|local time)\b",
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)?\b\d{2,4}[\s.-]\d{3,4}[\s.-]\d{3,4}\b",
    r"\b24/7\b",
)
# every mask starts with a digit, "+" or "(": the lookahead skips other places at once
_MASK_RE = re.compile(r"(?=[\d+(])(?:" + "|".join(f"(?:{m})" for m in _MASKS) + ")", re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The number lexicon (``nlp/data/numbers.json``), loaded once."""
    data = resources.files("newsprov.nlp").joinpath("data/numbers.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


@dataclass(frozen=True, slots=True)
class Lex:
    """One piece of text: a run of digits (with separators), of letters, or one symbol."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        """The text in lower case."""
        return self.text.lower()

    @property
    def is_digits(self) -> bool:
        """True for a digit run such as "1,000" or "3.5"."""
        return self.text[0].isdigit()


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number phrase found in text.

    ``start``/``end`` are character offsets and ``first``/``last`` lex indices (end
    exclusive) of the phrase, currency, scale and unit included. ``base`` is the number
    before any scale word ("1.5 million" -> 1.5); ``kind`` is "digits", "words" or
    "vague"; ``unit`` a normalised unit the phrase carries ("USD", "percent",
    "hectares"...) and ``excluded_unit`` a unit that makes it no amount ("km", "mph").
    """

    start: int
    end: int
    first: int
    last: int
    text: str
    value: float
    base: float
    kind: str
    unit: str | None = None
    excluded_unit: str | None = None
    scaled: bool = False

    @property
    def vague(self) -> bool:
        """True for vague plurals ("thousands"), whose value is a lower bound."""
        return self.kind == "vague"


def is_date_word(word: str) -> bool:
    """Is a word a weekday's or a month's name ("Tuesday", "march")? Such a word names no
    one, and owns no statement ("Tuesday's statement")."""
    low = word.lower()
    lx = lexicon()
    return low in lx["weekdays"] or low in lx["months"]


def lex(text: str) -> list[Lex]:
    """Cut text into digit runs, letter runs and single symbols, with char offsets."""
    return [Lex(m.group(), m.start(), m.end()) for m in _LEX_RE.finditer(text)]


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Char spans of dates, clock times and phone numbers, which hold no quantity."""
    return [m.span() for m in _MASK_RE.finditer(text)]


def parse_digits(s: str, *, decimal_only: bool = False) -> float | None:
    """Parse a digit run: "1,000" -> 1000, "3.5" -> 3.5, "1.000.000" -> 1000000,
    "3 291 312" -> 3291312.

    A single dot group such as "2.500" is European thousands unless ``decimal_only``
    (set when a scale word, unit or currency follows, as in "2.500 million"); it must end
    in "00" to count as thousands, so "3.125" stays a decimal.
    """
    if _SPACED_RE.fullmatch(s):
        return float("".join(c for c in s if c.isdigit()))
    if not _DIGITS_RE.fullmatch(s):
        return None
    if "," in s and "." in s:
        thousands, decimal = (",", ".") if s.rfind(".") > s.rfind(",") else (".", ",")
        return float(s.replace(thousands, "").replace(decimal, "."))
    sep = "," if "," in s else "." if "." in s else ""
    if not sep:
        return float(s)
    head, *groups = s.split(sep)
    grouped = len(head) <= 3 and all(len(g) == 3 for g in groups)
    if sep == ",":
        if grouped:
            return float(s.replace(",", ""))
        # "1,5 million": a European decimal comma
        return float(f"{head}.{groups[0]}") if len(groups) == 1 else None
    if len(groups) > 1:
        return float(s.replace(".", "")) if grouped else None
    if grouped and not decimal_only and groups[0].endswith("00") and head != "0":
        return float(head + groups[0])
    return float(s)


@lru_cache(maxsize=1)
def _word_kinds() -> dict[str, tuple[str, float]]:
    """Every number word with its kind ("unit", "tens", "hundred", "scale"...) and value."""
    lx = lexicon()
    kinds = {w: ("scale", float(v)) for w, v in lx["scales"].items()}
    kinds |= {w: ("unit", float(v)) for w, v in lx["units"].items()}
    kinds |= {w: ("tens", float(v)) for w, v in lx["tens"].items()}
    kinds |= {"hundred": ("hundred", 100.0), "dozen": ("dozen", 12.0)}
    return kinds | {"a": ("a", 1.0), "an": ("a", 1.0), "and": ("and", 0.0)}


# which word kind may follow which inside one number-word phrase
_FOLLOWS: dict[str | None, frozenset[str]] = {
    None: frozenset({"unit", "tens", "a"}),
    "a": frozenset({"hundred", "scale", "dozen"}),
    "unit": frozenset({"hundred", "scale", "dozen"}),
    "tens": frozenset({"unit", "scale"}),
    "hundred": frozenset({"and", "unit", "tens", "scale"}),
    "scale": frozenset({"and", "unit", "tens"}),
    "and": frozenset({"unit", "tens"}),
    "dozen": frozenset(),
}


def words_to_number(words: Sequence[str]) -> float | None:
    """Value of a sequence of number words: ["two", "hundred", "and", "fifty"] -> 250."""
    total = current = 0.0
    prev: str | None = None
    for word in words:
        found = _word_kinds().get(word.lower())
        if found is None or found[0] not in _FOLLOWS[prev]:
            return None
        kind, value = found
        if kind in ("unit", "tens"):
            current += value
        elif kind in ("hundred", "dozen"):
            current = (current or 1.0) * value
        elif kind == "scale":
            total += (current or 1.0) * value
            current = 0.0
        prev = kind
    if prev in (None, "a", "and"):
        return None
    return total + current


def _glued(a: Lex, b: Lex) -> bool:
    return a.end == b.start


def _times(value: float, scale: float) -> float:
    """value * scale without binary noise: 34.2 * 1e9 is 34200000000.0, not ...000004."""
    return float(Decimal(repr(value)) * Decimal(repr(scale)))


def _hyphenated(lexes: Sequence[Lex], j: int) -> bool:
    """Is lex j a hyphen glued on both sides ("twenty-five")?"""
    return 0 < j < len(lexes) - 1 and lexes[j - 1].end == lexes[j].start == lexes[j + 1].start - 1


def _phrase(lexes: Sequence[Lex], i: int, n: int) -> str | None:
    """The text of lexes[i:i+n] in lower case, spaced as written (None past the end)."""
    if i + n > len(lexes):
        return None
    out = lexes[i].lower
    for a, b in zip(lexes[i : i + n - 1], lexes[i + 1 : i + n], strict=True):
        out += b.lower if _glued(a, b) else " " + b.lower
    return out


def _longest(lexes: Sequence[Lex], i: int, table: dict[str, str] | set[str]) -> tuple[str, int]:
    """The longest phrase starting at lex i that is a key of table, and its lex count."""
    for n in (3, 2, 1):
        phrase = _phrase(lexes, i, n)
        if phrase is not None and phrase in table:
            return phrase, n
    return "", 0


@dataclass(frozen=True, slots=True)
class _Core:
    end: int  # lex index after the core
    value: float
    kind: str
    base: float | None = None  # the digits before a scale word


def _word_core(lexes: Sequence[Lex], i: int) -> _Core | None:
    """Number words starting at lex i ("twenty-five", "a dozen", "one hundred thousand")."""
    words: list[str] = []
    best: _Core | None = None
    j = i
    while j < len(lexes):
        word = lexes[j].lower
        if word == "-" and words and words[-1] in lexicon()["tens"] and _hyphenated(lexes, j):
            j += 1  # "twenty-five"
            continue
        value = words_to_number([*words, word])
        words.append(word)
        if value is None and word not in _word_kinds():
            break
        if value is not None:
            best = _Core(j + 1, value, "words")
        j += 1
    return best


def _fraction_core(lexes: Sequence[Lex], i: int) -> _Core | None:
    """Fractions of a scale: "half a million", "a quarter of a million"."""
    scales = lexicon()["scales"]
    first = lexes[i].lower
    for words, frac in _fractions():
        n = len(words)
        if words and words[0] != first:
            continue  # the first word decides most (no tuple of the next words to build)
        if tuple(x.lower for x in lexes[i : i + n]) == words and i + n < len(lexes):
            scale = scales.get(lexes[i + n].lower)
            if scale:
                return _Core(i + n + 1, frac * scale, "words")
    return None


@lru_cache(maxsize=1)
def _fractions() -> tuple[tuple[tuple[str, ...], float], ...]:
    """The lexicon's fractions as (words, fraction), in its order."""
    return tuple((tuple(phrase.split()), frac) for phrase, frac in lexicon()["fractions"].items())


def _and_a_half(lexes: Sequence[Lex], core: _Core) -> _Core:
    """Extend "one" / "2" with "and a half million" when it follows."""
    j = core.end
    words = tuple(x.lower for x in lexes[j : j + 3])
    scale = lexicon()["scales"].get(lexes[j + 3].lower) if j + 3 < len(lexes) else None
    if words == ("and", "a", "half") and scale:
        return _Core(j + 4, _times(core.value + 0.5, scale), core.kind, core.value)
    return core


def _vague_core(lexes: Sequence[Lex], i: int) -> _Core | None:
    """Vague amounts: "thousands", "tens of thousands", "several hundred"."""
    lx = lexicon()
    plurals, scales = lx["vague_plurals"], {**lx["scales"], "dozen": 12}
    mult_phrase, n = _longest(lexes, i, lx["vague_multipliers"])
    j = i + n
    if j >= len(lexes):
        return None
    word = lexes[j].lower
    if n and word in scales:
        return _Core(j + 1, lx["vague_multipliers"][mult_phrase] * scales[word], "vague")
    if word not in plurals:
        return None
    needs_of = word in ("tens", "scores")
    has_of = _phrase(lexes, j + 1, 1) == "of"
    inner = lexes[j + 2].lower if has_of and j + 2 < len(lexes) else ""
    if has_of and inner in plurals and plurals[inner] > plurals[word]:
        return _Core(j + 3, 2.0 * plurals[word] * plurals[inner], "vague")
    if needs_of and not has_of:
        return None
    return _Core(j + 1, 2.0 * plurals[word], "vague")


def _digit_core(lexes: Sequence[Lex], i: int, currency: bool) -> _Core | None:
    """A digit run, multiplied by a following scale word or abbreviation."""
    lx = lexicon()
    nxt = lexes[i + 1] if i + 1 < len(lexes) else None
    scale_word = nxt.lower if nxt is not None else ""
    unit_next = bool(_longest(lexes, i + 1, lx["suffix_units"])[1])
    decimal_only = currency or unit_next or scale_word in lx["scales"]
    value = parse_digits(lexes[i].text, decimal_only=decimal_only)
    if value is None:
        return None
    if nxt is None:
        return _Core(i + 1, value, "digits", value)
    if scale_word in lx["scales"]:
        return _Core(i + 2, _times(value, lx["scales"][scale_word]), "digits", value)
    abbr = lx["scale_abbreviations"].get(scale_word)
    if abbr and _abbreviation_is_scale(lexes, i + 1, currency):
        return _Core(i + 2, _times(value, abbr), "digits", value)
    return _Core(i + 1, value, "digits", value)


def _abbreviation_is_scale(lexes: Sequence[Lex], j: int, currency: bool) -> bool:
    """Is "m"/"bn"/"k" at lex j a scale? "m" and "k" only when glued and money or a plural
    noun follows ("2.3m people", not "a 2.3m wall"); "b" only for money; a capital "M",
    "K" or "B" glued to a number of two digits or a decimal ("2.4M", "886K"; not "3M")."""
    word = lexes[j].lower
    if word not in lexicon()["ambiguous_abbreviations"]:
        return True
    if not _glued(lexes[j - 1], lexes[j]) or currency:
        return currency and _glued(lexes[j - 1], lexes[j])
    digits = lexes[j - 1].text.replace(",", "")
    if lexes[j].text.isupper() and ("." in digits or len(digits) >= 2):
        return True
    after = lexes[j + 1].lower if j + 1 < len(lexes) else ""
    return word != "b" and after.isalpha() and (after.endswith("s") or after == "people")


def _currency_prefix(lexes: Sequence[Lex], i: int) -> tuple[str | None, int]:
    """A currency sign or code starting at lex i and right before a number: (code, lexes)."""
    table: dict[str, str] = lexicon()["currency_prefixes"]
    for n in (2, 1):
        phrase = _phrase(lexes, i, n)
        if phrase is None or phrase not in table or i + n >= len(lexes):
            continue
        if n == 2 and not _glued(lexes[i], lexes[i + 1]):
            continue
        if lexes[i + n].is_digits:
            return table[phrase], n
    return None, 0


def _suffix_unit(lexes: Sequence[Lex], j: int) -> tuple[str | None, str | None, int]:
    """A unit right after the number at lex j: (unit, excluded unit, lexes used)."""
    lx = lexicon()
    k = j
    # "a 5,000-hectare fire", "a 7.8-magnitude quake"
    if k + 1 < len(lexes) and lexes[k].text == "-" and _glued(lexes[k - 1], lexes[k]):
        k += 1
    phrase, n = _longest(lexes, k, lx["suffix_units"])
    if n:
        return lx["suffix_units"][phrase], None, k + n - j
    phrase, n = _longest(lexes, k, set(lx["excluded_units"]))
    if n:
        return None, phrase, k + n - j
    return None, None, 0


def _core_at(lexes: Sequence[Lex], i: int, currency: bool) -> _Core | None:
    if lexes[i].is_digits:
        core = _digit_core(lexes, i, currency)
    else:
        core = _fraction_core(lexes, i) or _vague_core(lexes, i) or _word_core(lexes, i)
    return _and_a_half(lexes, core) if core is not None and core.kind != "vague" else core


def _match_at(lexes: Sequence[Lex], i: int, text: str) -> NumberMatch | None:
    currency, n_cur = _currency_prefix(lexes, i)
    core = _core_at(lexes, i + n_cur, currency is not None)
    if core is None:
        return None
    unit, excluded, n_unit = _suffix_unit(lexes, core.end)
    if currency is not None:
        unit = currency if unit is None or unit in ("USD", "EUR", "GBP") else unit
    elif i > 0 and lexes[i - 1].lower == "magnitude":
        unit = "magnitude"
    last = core.end + n_unit
    start, end = lexes[i].start, lexes[last - 1].end
    base = core.value if core.base is None else core.base
    scaled = base != core.value
    span = (start, end, i, last, text[start:end])
    return NumberMatch(*span, core.value, base, core.kind, unit, excluded, scaled)


@lru_cache(maxsize=1)
def _starts() -> frozenset[str]:
    """Every lower-cased word a number phrase can start with other than a digit run: a
    string prefix of a currency or vague-multiplier key (their phrases join lexes, glued
    or spaced), the first word of a fraction, a vague plural or a number word. A lex not
    among them starts no phrase (see _match_at), so scan skips it without trying."""
    lx = lexicon()
    keys = [*lx["currency_prefixes"], *lx["vague_multipliers"]]
    out = {k[:n] for k in keys for n in range(1, len(k) + 1)}
    out |= {phrase.split()[0] for phrase in lx["fractions"]}
    return frozenset(out | set(lx["vague_plurals"]) | set(_word_kinds()))


def scan(lexes: Sequence[Lex], text: str) -> list[NumberMatch]:
    """Every number phrase in the lexed text, left to right, never overlapping."""
    out: list[NumberMatch] = []
    starts = _starts()
    i = 0
    while i < len(lexes):
        if not lexes[i].is_digits and lexes[i].lower not in starts:
            i += 1
            continue
        found = _match_at(lexes, i, text)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.last
    return out


def scan_text(text: str) -> list[NumberMatch]:
    """Every number phrase in a string (see :func:`scan`)."""
    return scan(lex(text), text)


def parse_quantity(text: str) -> NumberMatch | None:
    """The number phrase that makes up all of ``text`` (surrounding blanks allowed)."""
    stripped = text.strip()
    matches = scan_text(stripped)
    if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(stripped):
        return matches[0]
    return None


def parse_number(text: str) -> float | None:
    """The value of a number phrase: "1.5 million" -> 1500000.0, "a dozen" -> 12.0."""
    found = parse_quantity(text)
    return found.value if found is not None else None
