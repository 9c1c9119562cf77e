"""Names found without the model: country names (a closed list the small model often
misses or mistypes, "Tajikistan" untagged, "Japan" as ORG) and the person beside an
outlet in a slash credit ("Ronnie Sarmiento/Rappler.com", "REUTERS/Pedro Lobo Marinho").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsprov.outlets import OutletRegistry

from .aliases import is_demonym_phrase, load_json
from .boundaries import doc_text
from .tokens import token_texts

__all__ = [
    "countries",
    "credit_mention",
    "with_compound_places",
    "with_countries",
    "with_credit_line_names",
    "with_place_bodies",
    "with_slash_credits",
]

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# a closing credit line ("With reporting by X in Y, AFP", "– With files from Global News'
# Z", "Translation by X"): no full stop, so it looks like a heading, yet it names people
_CREDIT_LINE = re.compile(
    r"\W*(?:with\s+(?:additional\s+)?(?:reporting|reports?|files|a\s+report)\s+(?:by|from)|"
    r"(?:additional\s+)?reporting\s+by|translation\s+by|translated\s+by|story\s+by)\b",
    re.IGNORECASE,
)


@cache
def countries() -> dict[tuple[str, ...], str]:
    """Country names of ``entity_patterns.json`` keyed by their words."""
    names = load_json("entity_patterns.json").get("countries", [])
    assert isinstance(names, list)
    return {tuple(str(n).split()): str(n) for n in names}


@cache
def _first_words() -> frozenset[str]:
    return frozenset(key[0] for key in countries())


@cache
def _by_first_word() -> dict[str, list[tuple[str, ...]]]:
    """The country names by their first word, longest first (in the order of sorting
    them all by length)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(countries(), key=len, reverse=True):
        out.setdefault(key[0], []).append(key)
    return out


def _country_at(doc: Doc, i: int) -> int:
    """The end of a country name starting at token ``i``, or ``i`` if none starts there."""
    texts = token_texts(doc)
    if texts[i] not in _first_words():
        return i
    for key in _by_first_word()[texts[i]]:
        end = i + len(key)
        if end <= len(texts) and tuple(texts[i:end]) == key:
            return end
    return i


def _capital_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _inside_name(doc: Doc, start: int, end: int) -> bool:
    """A country word inside a longer capitalised name: "Iraq Correspondent", "Radio
    Free Kenya" (the words beside it are capitalised)."""
    after = end < len(doc) and _capital_word(doc[end])
    before = start > 0 and _capital_word(doc[start - 1]) and not doc[start].is_sent_start
    return bool(after or before)


def with_countries(doc: Doc, ents: list[Span], skip: list[tuple[int, int]]) -> list[Span]:
    """``ents`` with every country name tagged GPE: an entity that is exactly a country
    is relabelled, and a country inside no entity and outside the ``skip`` character
    ranges (credits, clutter lines) is added."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    if skip:  # the tokens starting inside a skipped range (token offsets only grow)
        starts = [t.idx for t in doc]
        for lo, hi in skip:
            taken.update(range(bisect_left(starts, lo), bisect_left(starts, hi)))
    out = []
    for e in ents:
        if e.label_ not in _PLACE_LABELS and _country_at(doc, e.start) == e.end:
            e = Span(doc, e.start, e.end, label="GPE")
        out.append(e)
    texts, first = token_texts(doc), _first_words()
    skip_to = 0  # the end of the last country name found: the next starts after it
    for i in [k for k, text in enumerate(texts) if text in first]:  # where a name can start
        if i < skip_to:
            continue
        end = _country_at(doc, i)
        if end > i and not taken & set(range(i, end)) and not _inside_name(doc, i, end):
            out.append(Span(doc, i, end, label="GPE"))
        skip_to = end
    return out


def _name_word(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper()


def _outlet(text: str) -> bool:
    bare = text.removesuffix(".com").removesuffix(".net")
    registry = OutletRegistry.default()
    return bool(registry.lookup(bare) or registry.lookup(bare.title()))


def _person_before(doc: Doc, slash: int) -> Span | None:
    start = slash
    while start > 0 and slash - start < 4 and _name_word(doc[start - 1]):
        start -= 1
    if slash - start < 2 or slash + 1 >= len(doc) or not _outlet(doc[slash + 1].text):
        return None
    return Span(doc, start, slash, label="PERSON")


def _person_after(doc: Doc, slash: int) -> Span | None:
    end = slash + 1
    while end < len(doc) and end - slash <= 4 and _name_word(doc[end]):
        end += 1
    if end - slash - 1 < 2 or slash == 0 or not _outlet(doc[slash - 1].text):
        return None
    return Span(doc, slash + 1, end, label="PERSON")


def with_slash_credits(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the photographer of "First Last/Outlet" or "OUTLET/First Last" as a
    PERSON, replacing whatever the model tagged over those words."""
    found = []
    for i, text in enumerate(token_texts(doc)):
        if text == "/":
            person = _person_before(doc, i) or _person_after(doc, i)
            if person is not None:
                found.append(person)
    if not found:
        return ents
    cover = {i for p in found for i in range(p.start, p.end)}
    kept = [e for e in ents if not cover & set(range(e.start, e.end))]
    return kept + found


def credit_mention(ent: Span, text: str | None = None) -> bool:
    """Is ``ent`` named by a credit line or a slash credit, which count as body text even
    when they look like headings or captions? (``text``: the Doc's text, if at hand)"""
    doc = ent.doc
    text = doc_text(doc) if text is None else text
    line_start = text.rfind("\n", 0, ent.start_char) + 1
    if _CREDIT_LINE.match(text, line_start):
        return True
    if ent.label_ != "PERSON":
        return False
    after = doc[ent.end].text if ent.end < len(doc) else ""
    before = doc[ent.start - 1].text if ent.start > 0 else ""
    return "/" in {after, before}


def _credit_lines(doc: Doc) -> list[tuple[int, int]]:
    """Char spans of the closing credit lines of ``doc``."""
    out, start = [], 0
    for line in doc_text(doc).split("\n"):
        if _CREDIT_LINE.match(line):
            out.append((start, start + len(line)))
        start += len(line) + 1
    return out


def with_credit_line_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with the untagged two- to four-word names of credit lines as persons
    ("- With files from Global News' Rachel Sandhu")."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = list(ents)
    for start, end in _credit_lines(doc):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is None:
            continue
        i = span.start
        while i < span.end:
            j = i
            while j < span.end and j not in taken and _name_word(doc[j]) and doc[j].i > span.start:
                j += 1
            if 2 <= j - i <= 4 and not _outlet(doc[i:j].text):
                out.append(Span(doc, i, j, label="PERSON"))
            i = max(j, i + 1)
    return out


# "Proença-a-Nova", "Stratford-upon-Avon", "Saint-Jean-de-Luz": capitalised words joined
# by hyphens around a lower-case linking word are one place name
_COMPOUND_PLACE = re.compile(
    r"(?<![\w-])[A-Z][\w’']*(?:-[A-Z][\w’']*)*"
    r"(?:-(?:a|à|o|de|do|da|dos|das|du|des|la|le|les|sur|en|on|upon|am|an|im|di|del|y)"
    r"-[A-Z][\w’']*)+(?![\w-])"
)


def with_compound_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with hyphenated place names as whole GPE spans, replacing the pieces the
    model tagged ("Proença" as ORG)."""
    found = []
    for m in _COMPOUND_PLACE.finditer(doc_text(doc)):
        span = doc.char_span(m.start(), m.end(), label="GPE")
        if span is not None:
            found.append(span)
    if not found:
        return ents
    cover = {i for p in found for i in range(p.start, p.end)}
    return [e for e in ents if not cover & set(range(e.start, e.end))] + found


_BODY_LEVEL = {"regional", "provincial", "municipal", "district", "city", "county", "state"}
_BODY_HEAD = {"administration", "board", "council", "government", "assembly"}


def with_place_bodies(doc: Doc, ents: list[Span]) -> list[Span]:
    """``ents`` with "the Batken regional administration", "the Antique provincial board"
    as organisations (a place, a level word, a governing body), replacing the place."""
    found = []
    for tok in doc[:-3]:
        if tok.lower_ != "the":
            continue
        name, level, head = doc[tok.i + 1], doc[tok.i + 2], doc[tok.i + 3]
        if not _capital_word(name) or is_demonym_phrase(name.text):
            continue
        if level.text in _BODY_LEVEL and head.text in _BODY_HEAD:
            found.append(Span(doc, name.i, head.i + 1, label="ORG"))
    cover = {i for p in found for i in range(p.start, p.end)}
    return [e for e in ents if not cover & set(range(e.start, e.end))] + found
