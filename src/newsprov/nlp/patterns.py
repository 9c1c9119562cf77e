"""Rule-based entity spans the small model misses or cuts wrongly.

Each function takes a Doc (and the entities found so far) and returns spans; the entity
fix (``entities.EntityFix``) merges them with the model's. Word lists live in
``data/entity_patterns.json``.

* ``name_runs`` — capitalised runs ending in an organisation word ("San Bernardino County
  Sheriff's Department") or a place word ("San Bernardino Mountains"), or starting with a
  street/square word ("Via Merulana", "Piazza della Repubblica").
* ``lower_orgs`` — lower-case descriptions that name one body on their own ("the labour
  ministry", "the Mexican consulate", "the county sheriff's department").
* ``trim_span`` — a name cut at the first lower-case word ("Pine Hollow [are Latino]").
* ``split_title`` — "Cal Fire Capt" tagged PERSON: the organisation before a rank.
* ``is_event`` — named events ("the Sawtooth Fire", "Hurricane Helene") are no entities.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Span, Token

from .aliases import is_demonym_phrase, lexicon, load_json
from .cues import load_cues
from .tokens import opens_sentence, token_texts

__all__ = [
    "Patterns",
    "is_event",
    "joined",
    "lower_orgs",
    "name_runs",
    "name_runs_untyped",
    "patterns",
    "possessed",
    "set_off_speaker",
    "split_title",
    "trim_span",
    "words_label",
]

_NOT_MODIFIER = {
    "same",
    "other",
    "another",
    "new",
    "former",
    "its",
    "their",
    "this",
    "that",
    "whose",
    "which",
    "own",
    "each",
    "every",
    "any",
    "no",
}


@dataclass(frozen=True, slots=True)
class Patterns:
    """The word lists of ``entity_patterns.json`` (lower case)."""

    org_heads: frozenset[str]
    district_org_words: frozenset[str]
    place_heads: frozenset[str]
    place_prefixes: frozenset[str]
    surname_heads: frozenset[str]
    connectors: frozenset[str]
    lower_org_heads: frozenset[str]
    lower_org_phrases: frozenset[str]
    event_heads: frozenset[str]
    event_prefixes: frozenset[str]
    storm_kinds: frozenset[str]
    place_appos: frozenset[str]
    place_before: frozenset[str]
    locatives: frozenset[str]
    affiliation_titles: frozenset[str]
    org_prefixes: frozenset[str]
    org_function_words: frozenset[str]
    org_tails: frozenset[str]
    naming_verbs: frozenset[str]
    place_adjectives: frozenset[str]
    outlet_nouns: frozenset[str]
    outlet_cues: frozenset[str]
    media_bodies: frozenset[str]


@cache
def patterns() -> Patterns:
    """The shipped pattern word lists (loaded once)."""
    data = load_json("entity_patterns.json")

    def words(key: str) -> frozenset[str]:
        value = data.get(key, [])
        assert isinstance(value, list)
        return frozenset(str(v).lower() for v in value)

    return Patterns(*(words(f) for f in Patterns.__dataclass_fields__))


_JOINERS = frozenset({"and", "or", ","})


def joined(doc: Doc, end: int, start: int) -> bool:
    """Do only "and", "or" and commas (at least one) stand between two names, the first
    ending at token ``end`` and the second starting at ``start``?"""
    between = doc[end:start]
    return bool(len(between)) and all(t.lower_ in _JOINERS for t in between)


def possessed(doc: Doc, end: int) -> bool:
    """Does a name ending at token ``end`` own what follows ("Brazil's minister")? Such a
    name after a comma opens a description of the name before it, not a list."""
    return end < len(doc) and doc[end].lower_ in {"'s", "’s"}


def set_off_speaker(doc: Doc, before_end: int, start: int, end: int) -> bool:
    """Is the name in tokens [start, end), set after a comma behind a name ending at
    ``before_end``, the subject of the cue verb right after it ("…in Oklahoma, Trooper X
    said")? Then it is no item of a list ("in Bishkek and Dushanbe said" is one)."""
    if end >= len(doc) or any(t.lower_ in {"and", "or"} for t in doc[before_end:start]):
        return False
    verb = doc[end]
    return verb.pos_ == "VERB" and load_cues().is_cue_verb(verb.lemma_, verb.lower_)


def _capitalised(text: str) -> bool:
    return text[:1].isupper() and any(c.isalpha() for c in text) and text.lower() != "the"


_DATE_WORD = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
    r"July|August|Sept?ember|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|"
    r"Oct|Nov|Dec)\.?$"
)


def _inner_connector(doc: Doc, j: int, conn: frozenset[str]) -> bool:
    """A lower-case word inside a name: "of", "for", "de"...; "on" only after an
    organisation word ("Council on Foreign Relations", not "Ministry on Monday")."""
    low = doc[j].lower_
    if low == "on":
        return j > 0 and doc[j - 1].lower_ in patterns().org_heads
    return low in conn


def _runs(doc: Doc) -> Iterable[tuple[int, int]]:
    """Maximal [start, end) runs of capitalised tokens and inner connectors."""
    conn = patterns().connectors
    texts = token_texts(doc)  # read as text: a Token is made only inside a run
    i = 0
    while i < len(texts):
        if not _capitalised(texts[i]) or _opens_no_name(doc[i]):
            i += 1  # "While the State Department", "In Shasta County": no name's word
            continue
        end = j = i + 1
        while j < len(texts) and (_capitalised(texts[j]) or _inner_connector(doc, j, conn)):
            j += 1
            if _capitalised(texts[j - 1]):
                if _DATE_WORD.match(texts[j - 1]) and doc[j - 2].lower_ in conn:
                    break  # "Dataran Merdeka on Aug 16"
                end = j
        yield i, end
        i = max(end, i + 1)


def _opens_no_name(tok: Token) -> bool:
    """A conjunction, or a preposition or indefinite article opening its sentence ("A
    Ministry of Defence spokesman said")."""
    if tok.pos_ in {"SCONJ", "CCONJ"}:
        return True
    opening = tok.pos_ == "ADP" or (tok.pos_ == "DET" and tok.lower_ in {"a", "an"})
    return opening and opens_sentence(tok)


def _after_possessor(doc: Doc, start: int, end: int) -> int:
    """Start of the name after a possessor: "Sudan's Ministry of Health" -> "Ministry";
    "Sheriff's Department" keeps its possessive (only the head follows it)."""
    for k in range(end - 2, start, -1):
        if doc[k].lower_ in {"'s", "’s"} and end - (k + 1) >= 2:
            return k + 1
    return start


def _after_role(doc: Doc, start: int, end: int) -> int:
    """Start of the body's name after a role's title and "of" in a run named as a body:
    "Director General of [Firefighting Services]", "Public Information Officer of [X]" (the
    person holding the role is named apart; "Vice Minister of Civil Defense Óscar Villca" is
    no body's name at all)."""
    lex, heads = lexicon(), patterns().org_heads
    k = start  # words of the title before the role: "Public Information Officer of X"
    while k < end and doc[k].lower_ not in lex.role_titles and doc[k].lower_ not in heads:
        if doc[k].lower_ in {"of", "for", "the"} or not doc[k].is_alpha:
            return start
        k += 1
    role = k
    while k < end and (doc[k].lower_ in lex.role_titles or doc[k].lower_ in lex.titles):
        k += 1
    if k == role or k + 1 >= end or doc[k].lower_ != "of":
        return start
    return k + 1 + (doc[k + 1].lower_ == "the" and k + 2 < end)


def name_runs_untyped(doc: Doc) -> list[tuple[int, int]]:
    """Every capitalised run as a token range, possessors split off."""
    return [(_after_possessor(doc, s, e), e) for s, e in _runs(doc)]


def words_label(words: list[str]) -> str | None:
    """ "ORG" / "GPE" when the words of a capitalised name fix its type, else None:
    "Ministry of Health", "X Ministry", "Insurance Council of Australia", "Kuala Lumpur
    City Hall", "Universiti Malaya", "Emergency Management Victoria" (organisations);
    "Via Merulana", "Masjid Jamek", "San Bernardino Mountains" (places)."""
    p = patterns()
    words = [w.lower() for w in words]
    if len(words) < 2:
        return None
    head, first = words[-1], words[0]
    if head == "district" and p.district_org_words & set(words):
        return "ORG"
    inner_head = any(
        w in p.org_heads and nxt in {"of", "for"} for w, nxt in itertools.pairwise(words)
    )
    if head in p.org_heads or inner_head or " ".join(words[-2:]) in p.org_tails:
        return "ORG"
    if first in p.org_prefixes:
        return "ORG"
    if first in p.place_prefixes or (head in p.place_heads and head not in p.surname_heads):
        return "GPE"
    if p.org_function_words & set(words[:-1]) and head not in p.place_heads:
        return "ORG"
    return None


def _run_label(doc: Doc, start: int, end: int) -> str | None:
    words = [t.text for t in doc[start:end]]
    label = words_label(words)
    if label == "ORG" and words[-1].lower() in patterns().org_heads:
        # "Kurdish Forces", "Syrian Army": a demonym and a head are no name
        return None if is_demonym_phrase(doc[start : end - 1].text) else "ORG"
    return label


def name_runs(doc: Doc) -> list[Span]:
    """Organisation and place names recognised by their first or last word."""
    out = []
    for start, end in _runs(doc):
        start = _after_possessor(doc, start, end)
        label = _run_label(doc, start, end)
        if label == "ORG" and doc[end - 1].lower_ in patterns().org_heads:
            # "Director General of [Firefighting Services]"
            start = _after_role(doc, start, end)
            label = _run_label(doc, start, end)
        if label is not None:
            out.append(Span(doc, start, end, label=label))
    return out


def _modifiers_start(doc: Doc, head: int) -> int:
    """Leftmost modifier of a lower-case head ("the Turkish foreign ministry" -> Turkish)."""
    lex = lexicon()
    k = head
    while k > 0:
        tok = doc[k - 1]
        ok = (
            tok.is_alpha
            and tok.lower_ not in _NOT_MODIFIER
            and tok.pos_ in {"NOUN", "ADJ", "PROPN"}
        )
        if not ok or (tok.text[:1].isupper() and tok.lower_ not in lex.demonyms):
            break
        k -= 1
    return k


@cache
def _phrase_ends(phrases: frozenset[str]) -> frozenset[str]:
    """Every string suffix of the phrases."""
    return frozenset(ph[k:] for ph in phrases for k in range(len(ph)))


def lower_orgs(doc: Doc) -> list[Span]:
    """ "the labour ministry", "the Mexican consulate", "the county sheriff's department"."""
    p = patterns()
    ends = _phrase_ends(p.lower_org_phrases)
    out = []
    for i, text in enumerate(token_texts(doc)):
        if not text.islower():
            continue
        tok = doc[i]
        # a phrase ends with its last token's (lower-case) text: test the cheap part first
        known = tok.i >= 2 and tok.text in ends
        phrase = doc[tok.i - 2 : tok.i + 1].text.lower() if known else ""
        if phrase in p.lower_org_phrases:
            start = _modifiers_start(doc, tok.i - 2)
            out.append(Span(doc, start, tok.i + 1, label="ORG"))
        elif tok.lower_ in p.lower_org_heads and tok.pos_ in {"NOUN", "PROPN"}:
            start = _modifiers_start(doc, tok.i)
            if start < tok.i:
                out.append(Span(doc, start, tok.i + 1, label="ORG"))
    return out


def trim_span(ent: Span) -> Span | None:
    """The name part of an entity span: past the lower-case adjectives opening it
    ("eastern Democratic Republic of Congo"), cut at the first lower-case word that is not a
    connector ("Pine Hollow are Latino" -> "Pine Hollow"); None if nothing is left."""
    conn = patterns().connectors
    lead = 0
    while lead < len(ent) - 1 and ent[lead].pos_ == "ADJ" and ent[lead].text.islower():
        if ent[lead].lower_ in conn or not ent[lead].is_ascii:
            break
        lead += 1
    if lead:
        ent = Span(ent.doc, ent.start + lead, ent.end, label=ent.label_, span_id=ent.id_)
    for k, tok in enumerate(ent):
        if k and tok.is_alpha and tok.text.islower() and tok.lower_ not in conn:
            end = ent.start + k
            while end > ent.start and ent.doc[end - 1].lower_ in conn:
                end -= 1
            if end == ent.start:
                return None
            return Span(ent.doc, ent.start, end, label=ent.label_, span_id=ent.id_)
    return ent


def split_title(ent: Span) -> list[Span]:
    """ "Cal Fire Capt. Ruben Ortega" tagged PERSON: the words before a rank are the
    organisation the person works for, the words after it the person. An organisation
    tagged with the rank of the person named next ("Orange County Fire Authority Capt.
    Steve Concialdi") ends before the rank."""
    if ent.label_ != "PERSON":
        body = _without_rank(ent)
        return [body] if body is not None else []
    titles = patterns().affiliation_titles
    lex = lexicon()
    for k in range(1, len(ent)):
        if ent[k].lower_.rstrip(".") not in {t.rstrip(".") for t in titles}:
            continue
        before = ent[:k]
        if any(t.lower_ in lex.titles or t.lower_ in lex.demonyms for t in before):
            return [ent]
        out = [Span(ent.doc, ent.start, ent.start + k, label="ORG")]
        rest = [t for t in ent[k + 1 :] if t.text != "."]
        if rest:
            out.append(Span(ent.doc, rest[0].i, ent.end, label="PERSON"))
        return out
    return [ent]


def _without_rank(ent: Span) -> Span | None:
    """The body before the rank or role of the person named next; None when the words
    before a role name no body ("US National Security Advisor Jake Sullivan")."""
    doc, ranks = ent.doc, {t.rstrip(".") for t in patterns().affiliation_titles}
    last = ent[-1].lower_.rstrip(".")
    role = last in lexicon().role_titles
    if len(ent) < 2 or not (last in ranks or role):
        return ent
    after = ent.end + (ent.end < len(doc) and doc[ent.end].text == ".")
    if after >= len(doc) or not (doc[after].pos_ == "PROPN" and doc[after].text[:1].isupper()):
        return ent
    body = Span(doc, ent.start, ent.end - 1, label=ent.label_, span_id=ent.id_)
    if last in ranks or not role:
        return body
    named = words_label([t.text for t in body]) == "ORG" or body.text in lexicon().known_orgs
    return body if named else None


def storm_names(doc: Doc) -> frozenset[str]:
    """The given names of the storms ``doc`` names ("Irene" of "Hurricane Irene", "tropical
    storm Nalgae"): the bare name elsewhere names the storm too ("after Irene hit")."""
    kinds = patterns().storm_kinds
    out = set()
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if tok.lower_ in kinds and nxt.is_alpha and nxt.is_title and nxt.pos_ == "PROPN":
            out.add(nxt.text)
    return frozenset(out)


def is_event(ent: Span) -> bool:
    """A named event: "the Sawtooth Fire", "Hurricane Helene", "Operation Desert Storm",
    "tropical storm Nalgae", a fire "dubbed Fawn Fire"."""
    p = patterns()
    words = [t.lower_ for t in ent]
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.text in p.storm_kinds and ent.label_ != "OUTLET":
        return len(words) <= 2  # the storm word in lower case: no title, a kind
    if len(words) < 2 or ent.label_ == "OUTLET":
        return False
    if words[0] in p.event_prefixes and words[1] not in p.org_heads:
        return True
    if words[-1] not in p.event_heads:
        return False
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    if words[0] == "the" or (prev is not None and prev.lower_ == "the"):
        return True
    # "Dubbed Fawn Fire, the blaze …": a fire's given name
    return prev is not None and prev.lemma_.lower() in p.naming_verbs
