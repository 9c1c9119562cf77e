"""More not-a-figure rules read from the words around a number (see :mod:`.figures`).

Each rule looks at the lexes of one sentence around one claim and says whether the
number is something other than a count or amount in the world:

* magnitudes: "a 6.3-magnitude quake", "magnitude 4 or above", "the strongest measuring
  5.1" (a decimal reading after "measuring"/"measured at");
* readings on a named scale: "winds of up to 8 on the Beaufort scale";
* spans of years: "the 2020-2022 war" (both ends are years, not a range figure);
* calendar dates outside the Gregorian month list: "Kartik 16, 2082" (a capitalised word,
  a day number and a year after a comma);
* service numbers: "the 112 emergency number", "a 911 hotline";
* time-zone offsets of timestamps: "7:12 GMT+2";
* ages after "age": "raises the retirement age to 69".

It also says which compound modifiers still count people: "a 55-member team" counts the
team's members (a team, crew or delegation is sent somewhere), while "the 15-member
council" names a body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from spacy.lang.en.stop_words import STOP_WORDS

from newsprov.model import Qualifier
from newsprov.nlp.numbers import Lex, NumberMatch, lexicon
from newsprov.nlp.qualify import Claim

__all__ = [
    "carry_conversions",
    "drop_restated_wholes",
    "extra_reason",
    "is_age",
    "is_duration",
    "is_name",
    "member_count",
]

_F = TypeVar("_F")

_PARTITIVE_BEFORE = re.compile(r"\b(?:\d[\d,.]*|[a-z]+)\s+of\s+the\s+$", re.IGNORECASE)
_SERVICE_NOUNS = frozenset({"number", "hotline", "helpline", "line"})
_AGE_LINKS = frozenset({"to", "at", "from"})
_BE_AGE = frozenset({"is", "was", "turned", "turns", "turning"})
_PERSON_PRONOUNS = frozenset({"he", "she", "i"})
_ZONES = frozenset({"gmt", "utc", "cet", "cest", "eet", "eest", "est", "edt", "pst", "pdt"})
# groups that are sent or deployed: "a 55-member team" counts people
_DEPLOYED = frozenset(
    {"team", "teams", "crew", "crews", "delegation", "contingent", "squad", "unit", "mission"}
)


def _word(lexes: Sequence[Lex], k: int) -> str:
    return lexes[k].lower if 0 <= k < len(lexes) else ""


def _glued(lexes: Sequence[Lex], a: int, b: int) -> bool:
    return 0 <= a < len(lexes) and 0 <= b < len(lexes) and lexes[a].end == lexes[b].start


def _year_lex(lexes: Sequence[Lex], k: int) -> bool:
    text = lexes[k].text if 0 <= k < len(lexes) else ""
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _is_magnitude(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    if m.unit == "magnitude":
        return True
    prev = _word(lexes, m.first - 1)
    if prev == "at":
        prev = _word(lexes, m.first - 2)
    decimal = m.kind == "digits" and "." in m.text and m.value < 10
    after = _word(lexes, m.last)
    lx = lexicon()
    # "a 6.8 quake", "a 6.8 magnitude quake"
    quake = after in lx["quake_words"] or after == "magnitude"
    if prev == "of" and _word(lexes, m.first - 2) == "magnitude":
        return True  # "at a magnitude of 6.8"
    return (prev in lx["measuring_words"] or quake) and decimal and not m.unit


def _on_scale(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """ "8 on the Beaufort scale", "3 on the Richter scale"."""
    words = [_word(lexes, k) for k in range(m.last, m.last + 5)]
    return words[:2] == ["on", "the"] and "scale" in words[2:]


def _is_year_span(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    if not _year_lex(lexes, m.first) or m.last != m.first + 1:
        return False
    before = _word(lexes, m.first - 1) == "-" and _glued(lexes, m.first - 1, m.first)
    after = _word(lexes, m.last) == "-" and _glued(lexes, m.last - 1, m.last)
    return (before and _year_lex(lexes, m.first - 2)) or (after and _year_lex(lexes, m.last + 1))


def _is_calendar_date(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """ "Kartik 16, 2082": a capitalised word, a day number, a comma and a year."""
    if m.kind != "digits" or not m.text.isdigit() or not 1 <= m.value <= 31:
        return False
    k = m.first - 1
    named = 0 <= k < len(lexes) and lexes[k].text.isalpha() and lexes[k].text[:1].isupper()
    return named and _word(lexes, m.last) == "," and _year_lex(lexes, m.last + 1)


def _is_service_number(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """ "the 112 emergency number", "a 911 hotline": digits naming a phone line."""
    if m.kind != "digits" or m.unit or not m.text.isdigit():
        return False
    nxt, after = _word(lexes, m.last), _word(lexes, m.last + 1)
    return nxt in _SERVICE_NOUNS - {"line"} or (nxt.isalpha() and after in _SERVICE_NOUNS)


def _is_zone_offset(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """ "GMT+2", "UTC-5": a time-zone offset glued to its zone."""
    sign = m.first - 1
    return (
        _word(lexes, sign) in ("+", "-")
        and _glued(lexes, sign, m.first)
        and _glued(lexes, sign - 1, sign)
        and _word(lexes, sign - 1) in _ZONES
    )


def _is_age_after(lexes: Sequence[Lex], claim: Claim) -> bool:
    """ "the retirement age to 69", "the voting age from 18", "until she is 69."."""
    m = claim.match
    if m.value >= 120 or m.unit or claim.qualifier is not Qualifier.EXACT:
        return False
    prev, before = _word(lexes, claim.first - 1), _word(lexes, claim.first - 2)
    if prev in _AGE_LINKS and before == "age":
        return True
    # a person's age stated on its own: "she is 69.", "he turned 40,"
    ends = m.last >= len(lexes) or _word(lexes, m.last) in (".", ",", ";", "!", "?")
    return prev in _BE_AGE and before in _PERSON_PRONOUNS and ends


def _after_text(lexes: Sequence[Lex], k: int, n: int = 4) -> str:
    """Up to n lexes from k, lower case, spaced as written."""
    out = ""
    for i in range(k, min(k + n, len(lexes))):
        out += lexes[i].lower if i == k or _glued(lexes, i - 1, i) else " " + lexes[i].lower
    return out


def is_age(lexes: Sequence[Lex], claim: Claim) -> bool:
    lx, m = lexicon(), claim.match
    prev, nxt = _word(lexes, claim.first - 1), _word(lexes, m.last)
    if prev in lx["age_before"] or (prev == "of" and _word(lexes, claim.first - 2) == "age"):
        return True
    after = _after_text(lexes, m.last).lstrip("-").strip()
    if any(after.startswith(a) for a in lx["age_after"]):
        return True
    name_before = claim.first >= 2 and lexes[claim.first - 2].text[:1].isupper()
    if prev in (",", "(") and nxt in (",", ")") and name_before and m.value < 120:
        return True
    # "children under 5": the qualifier word belongs to an age group
    return (
        _word(lexes, m.first - 1) in ("under", "over", "above")
        and _word(lexes, m.first - 2) in lx["age_groups"]
        and m.value < 120
        and not m.unit
    )


def is_name(lexes: Sequence[Lex], claim: Claim) -> bool:
    """A label before the number ("Resolution 2254", "page 4", "No. 10", "H.R. 3684")."""
    lx, k = lexicon(), claim.first - 1
    prev = _word(lexes, k)
    if prev == "." and _word(lexes, k - 1) in lx["label_nouns"]:
        return True
    initial = k >= 1 and len(lexes[k - 1].text) == 1 and lexes[k - 1].text.isupper()
    if prev == "." and initial and claim.match.kind == "digits":
        return True  # "H.R. 3684", "S. 1260": a bill's initials
    if prev in lx["label_nouns"] or prev == "#":
        return True
    named = k >= 0 and lexes[k].text.isalpha() and lexes[k].text[:1].isupper()
    if named and lexes[k].lower not in STOP_WORDS and _word(lexes, claim.match.last) == ")":
        return True  # "ERBIL (Kurdistan 24) –": a bracketed credit's name
    if k >= 1 and lexes[k].text.isalpha() and lexes[k].text[:1].isupper():
        # a capitalised word before the number, not at the sentence start ("Route 66"),
        # nor opening a quotation or bracket, unless no function word ("(Kurdistan 24)")
        opener = lexes[k - 1].text in "\"“‘'(" and lexes[k].lower in STOP_WORDS
        return not opener and claim.match.kind == "digits"
    return _word(lexes, claim.match.last) in ("street", "road", "avenue")


def is_duration(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """A time unit after the number: "14 years", "a 10-day", "two straight weeks"."""
    lx = lexicon()
    k = m.last + 1 if _word(lexes, m.last) == "-" else m.last
    if _word(lexes, k) in lx["duration_adjectives"]:
        k += 1
    return _word(lexes, k) in lx["time_units"]


def _is_list_number(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """ "2. STRONG AFTERSHOCK RATTLES …": a small whole number opening its sentence with a
    full stop or bracket after it numbers a list item."""
    if m.first != 0 or m.kind != "digits" or not m.text.isdigit() or m.value >= 100:
        return False
    mark, nxt = _word(lexes, m.last), lexes[m.last + 1].text if m.last + 1 < len(lexes) else ""
    return mark in {".", ")"} and (not nxt or nxt[:1].isupper())


def extra_reason(lexes: Sequence[Lex], claim: Claim) -> str | None:
    """Why the claim's number is no figure by the rules of this module (None = no rule)."""
    m = claim.match
    checks: tuple[tuple[str, bool], ...] = (
        ("list", _is_list_number(lexes, m)),
        ("magnitude", _is_magnitude(lexes, m)),
        ("scale", _on_scale(lexes, m)),
        ("year", _is_year_span(lexes, m)),
        ("date", _is_calendar_date(lexes, m)),
        ("name", _is_service_number(lexes, m)),
        ("time", _is_zone_offset(lexes, m)),
        ("age", _is_age_after(lexes, claim)),
    )
    return next((reason for reason, hit in checks if hit), None)


def member_count(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """ "a 55-member team", "a 42-member search-and-rescue team": a count of people."""
    k = m.last + 1
    if _word(lexes, k) != "member":
        return False
    for j in range(k + 1, min(k + 7, len(lexes))):
        if _word(lexes, j) in _DEPLOYED:
            return True
        if not (lexes[j].text.isalpha() or lexes[j].text == "-"):
            return False
    return False


def carry_conversions(kept: Sequence[tuple[Claim, _F]], conversions: dict[int, int]) -> list[_F]:
    """The figures, each bracketed conversion counting what the number it converts counts
    ("burned 17,800 hectares (44,000 acres)": both are area burned)."""
    by_first: dict[int, Any] = {c.match.first: f for c, f in kept}
    out: list[_F] = []
    for claim, fig in kept:
        source = by_first.get(conversions.get(claim.match.first, -1))
        if source is not None and getattr(fig, "measure", None) is None:
            fields = ("what", "measure", "population")
            fig = replace(fig, **{k: getattr(source, k) for k in fields})  # type: ignore[type-var]
        out.append(fig)
    return out


def drop_restated_wholes(text: str, figures: Sequence[_F]) -> list[_F]:
    """The figures less the whole of a partitive that restates an earlier figure: in
    "killed at least 61 ... 17 of the 61 dead were children", the second 61 is no new
    figure (a figure repeated with the same source is annotated once)."""
    out: list[_F] = []
    seen: set[float] = set()
    for fig in figures:
        value, start = getattr(fig, "value", None), getattr(fig, "start", 0)
        head = text[max(0, start - 40) : start]
        if value in seen and _PARTITIVE_BEFORE.search(head):
            continue
        seen.add(value)  # type: ignore[arg-type]
        out.append(fig)
    return out
