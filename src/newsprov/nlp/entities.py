"""Entity components of the pipeline: outlet matching and model-error fixes.


* ``"newsprov_outlets"`` — an EntityRuler (before "ner", so outlets win) with every
  surface form of every registry outlet, matched case-sensitively ("AP", never "ap").
* ``"newsprov_entity_fix"`` — after "ner": drops nationality/sect words the model tags as
  PERSON/ORG/GPE and named events ("the Sawtooth Fire"), trims names cut wrongly, recovers
  place names mis-tagged as DATE ("In Baniyas,"), adds the rule-based names of
  ``patterns`` (organisation/place runs, "the labour ministry"), replaces model entities
  inside photo credits by the credit's person and outlet, and finally tags every other
  occurrence of a multi-word name the article already uses (a second-pass gazetteer).

``build_entity_table`` (re-exported from ``mentions``) turns the fixed entities into the
article's entity table.
"""

from __future__ import annotations

import itertools
import re

from spacy.language import Language
from spacy.pipeline import EntityRuler
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from newsprov.outlets import OutletRegistry

from . import known_names as known
from .aliases import is_acronym_of, is_agency_name, is_demonym_phrase, lexicon
from .boundaries import credit_spans, doc_text, paragraph_breaks
from .cues import load_cues
from .evidence import (
    english_words,
    given_name_end,
    in_foreign_fragment,
    is_english,
    set_english_words,
)
from .gazetteer import (
    clutter_lines,
    described_names,
    doc_headlines,
    route_between,
    second_pass,
    split_coordinated,
    with_patterns,
    without_events,
    without_owners,
)
from .mentions import LABELS, ambiguous_outlet, build_entity_table
from .patterns import (
    joined,
    patterns,
    possessed,
    set_off_speaker,
    split_title,
    trim_span,
    words_label,
)
from .tokens import DASHES, token_texts

__all__ = ["EntityFix", "OutletRuler", "build_entity_table", "make_entity_fix", "make_outlet_ruler"]

# a word shaped like a people's or a language's name ("Tibetan", "Nepalese", "Iraqi")
_NATIONALITY = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i|ic)s?")
_NUMERIC = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_LOCATIVE = {"in", "at", "near", "from", "outside", "inside", "across", "around", "to"}
_DATE_WORDS = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|"
    r"ramadan|eid|christmas|easter|new)",
    re.IGNORECASE,
)
_PLACE_NOUNS = {
    "town",
    "city",
    "village",
    "region",
    "province",
    "district",
    "state",
    "country",
    "capital",
    "port",
    "island",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "municipality",
    "governorate",
    "county",
    "area",
    "valley",
    "camp",
    "border",
    "coast",
    "hamlet",
}
_DATELINE = re.compile(
    r"[ \t]*([A-Z][A-Z'.-]+(?:[ ][A-Z][A-Z'.-]+){0,3})(?:,[ ][\w. ]{1,25}?){0,2}"
    r"[ ]*(?:\(|[—–-]{1,2}[ ]|:[ ](?=[A-Z]))"
)
# a dateline in title case ("Algiers (AFP) -", "Tbilisi — Tens of thousands ..."): the
# credit in brackets (whatever the model took the name for), or a long dash and a capital
# after a name the model did not take for a person or body
_TITLE_DATELINE = re.compile(
    r"[ \t]*([A-Z][a-z'.-]+(?:[ ][A-Z][a-z'.-]+){0,2})(?:,[ ][A-Z][\w. ]{1,25}?)?"
    r"[ ]*(?:(?P<credit>\([A-Z][\w. &-]{1,30}\))[ ]*[—–-]{1,2}[ ]|[—–][ ](?=[A-Z]))"
)
_TITLE_DATELINE_PARAGRAPHS = 3  # ... within the first paragraphs of running text
_PROSE_WORDS = 8
_NOT_PLACES = {"PERSON", "ORG", "OUTLET", "NORP"}
# capitals before a colon that are labels, not datelines ("READ MORE: ...")
_NOT_DATELINE = {
    "READ",
    "MORE",
    "ALSO",
    "WATCH",
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "LIVE",
    "EXCLUSIVE",
    "ANALYSIS",
    "OPINION",
    "NOTE",
    "EDITOR'S",
    "RELATED",
    "VIDEO",
    "PHOTOS",
    "PHOTO",
    "LISTEN",
    "CORRECTION",
    "WARNING",
    "FACT",
    "CHECK",
    "SEE",
    "ADVERTISEMENT",
    "AP",
    "AFP",
    "REUTERS",
    "Q",
    "A",
}
# "a resident of X", "the outskirts of X": X is a place
_PLACE_OF = {
    "resident",
    "native",
    "outskirts",
    "north",
    "south",
    "east",
    "west",
    "centre",
    "center",
    "heart",
    "edge",
    "countryside",
    "part",
    "parts",
    "streets",
    "people",
    "villager",
}


@Language.factory("newsprov_outlets", assigns=["doc.ents"])
def make_outlet_ruler(nlp: Language, name: str) -> OutletRuler:
    """Outlet matcher: registry surfaces labelled "OUTLET" (ent_id = outlet id)."""
    ruler = EntityRuler(nlp, name=name, phrase_matcher_attr="ORTH", overwrite_ents=True)
    patterns: list[dict[str, object]] = []
    for outlet in OutletRegistry.default():
        for surface in outlet.surfaces:
            bare = re.sub(r"^The ", "", surface)
            for form in {surface, bare} if " " in bare else {surface}:
                patterns.append({"label": "OUTLET", "pattern": form, "id": outlet.id})
    # ORTH patterns need only the tokenizer: without this the ruler would run the whole
    # pipeline (tagger, parser, lemmatizer...) over every surface form at start-up
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(patterns)  # type: ignore[arg-type]
    return OutletRuler(ruler)


class OutletRuler:
    """An EntityRuler over the registry that then drops ambiguous one-word matches
    ("Time will tell", "Michael Bloomberg"), so the model can still tag them."""

    def __init__(self, ruler: EntityRuler) -> None:
        self.ruler = ruler

    def __call__(self, doc: Doc) -> Doc:
        doc = self.ruler(doc)
        doc.ents = [e for e in doc.ents if e.label_ != "OUTLET" or not ambiguous_outlet(e)]
        return doc


@Language.factory("newsprov_entity_fix", requires=["doc.ents"], assigns=["doc.ents"])
def make_entity_fix(nlp: Language, name: str) -> EntityFix:
    """Factory for the entity clean-up component (English words from the lemmatizer, to
    tell non-English fragments)."""
    set_english_words(english_words(nlp))
    return EntityFix()


class EntityFix:
    """Remove nationality/sect words, recover mis-tagged places, and tag credits."""

    def __call__(self, doc: Doc) -> Doc:
        credits = credit_spans(doc)
        clutter = clutter_lines(doc_text(doc), doc_headlines(doc))
        kept = []
        for ent in doc.ents:
            if any(s <= ent.start_char < e for s, e in [*credits, *clutter]):
                continue
            if ent.label_ in LABELS and in_foreign_fragment(doc, ent.start, ent.end):
                continue
            ent = _rescue_name(ent)
            if ent.label_ == "NORP" and not is_demonym_phrase(ent.text):
                if not _NATIONALITY.fullmatch(ent.text):
                    kept.append(ent)  # a place only if listed with places ("Aleppo, Hama")
                continue
            if ent.label_ == "NORP" or (ent.label_ in LABELS and is_demonym_phrase(ent.text)):
                continue
            if ent.label_ not in LABELS and ent.label_ not in _NUMERIC:
                continue  # PRODUCT, EVENT, ...: free for the rules ("a resident of Baniyas")
            for part in _cleaned(ent):
                kept.append(_relabel_place(doc, _extend_person(doc, part)))
        kept = _join_places(doc, split_coordinated(doc, kept))
        kept = [e for e in kept if e.label_ != "NORP"] + _credit_ents(doc, credits)
        kept += _defined_orgs(doc, kept)
        kept = with_patterns(doc, kept, [*credits, *clutter])
        kept = [part for ent in kept for part in _held_office(ent)]
        kept = [part for ent in kept for part in _person_of_body(ent)]
        kept = without_events(without_owners(doc, kept))
        kept = known.with_slash_credits(doc, known.with_countries(doc, kept, [*credits, *clutter]))
        kept = known.with_compound_places(doc, known.with_credit_line_names(doc, kept))
        kept = known.with_place_bodies(doc, kept)
        kept = filter_spans(kept + described_names(doc, kept))
        kept += second_pass(doc, kept)
        datelines = [
            d for d in _dateline_ents(doc) if not any(s <= d.start_char < e for s, e in clutter)
        ]
        kept = [e for e in kept if not any(d.start <= e.start < d.end for d in datelines)]
        doc.ents = filter_spans(kept + datelines)
        return doc


def _rescue_name(ent: Span) -> Span:
    """A two- or three-word name the model calls NORP ("Amna Yousif") is a person."""
    lex = lexicon()
    words = list(ent)
    name_like = 2 <= len(words) <= 3 and all(t.is_alpha and t.text[:1].isupper() for t in words)
    if ent.label_ != "NORP" or not name_like or any(t.lower_ in lex.demonyms for t in words):
        return ent
    return Span(ent.doc, ent.start, ent.end, label="PERSON")


def _cleaned(ent: Span) -> list[Span]:
    """The entity without a leading conjunction ("While the State Department"), "the" or
    opening cue ("Stated Stone:"), ending at a colon ("Ann Vale: Saying …", a transcript
    label run on into its line), cut at a lower-case verb, split at a rank."""
    if ent.label_ in _NUMERIC:
        return [ent]
    colon = next((t.i for t in ent[1:] if t.text == ":"), None)
    if colon is not None:
        ent = Span(ent.doc, ent.start, colon, label=ent.label_, span_id=ent.id_)
    start = ent.start
    while start < ent.end - 1 and (
        ent.doc[start].pos_ in {"SCONJ", "CCONJ", "PUNCT", "SYM"} or ent.doc[start].text in _BULLETS
    ):
        start += 1  # "While the State Department", "• Security forces" (a bullet)
    if ent.doc[start].lower_ == "the" and start < ent.end - 1:
        start += 1
    if start < ent.end - 1 and _opening_cue(ent.doc[start]):
        start += 1
    out = []
    for piece in _pieces(Span(ent.doc, start, ent.end, label=ent.label_, span_id=ent.id_)):
        for part in split_title(piece):
            trimmed = trim_span(part)
            if trimmed is not None:
                out.append(_body_noun(_fire_service(trimmed)))
    return out


_SLASHES = {"/", "|"}
_BULLETS = {"•", "·", "*", "▪", "►", "-"}


def _held_office(ent: Span) -> list[Span]:
    """ "permanent secretary of the [Ministry of Emergency Management Olivier Kayumba]":
    a body's name the model ran on into the name of the role's holder after it splits
    into the body and the person (a given name and a surname no English dictionary
    holds, a middle initial between them)."""
    doc = ent.doc
    if ent.label_ != "ORG" or len(ent) < 4:
        return [ent]
    before = {t.lower_ for t in doc[max(0, ent.start - 4) : ent.start]}
    if not before & lexicon().role_titles:
        return [ent]
    for size in (3, 2):  # "… Management Olivier Kayumba", "… Management Ann K. Lee"
        tail = ent[len(ent) - size :]
        body = ent[: len(ent) - size]
        names = all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in tail)
        initial = size == 2 or re.fullmatch(r"[A-Z]\.", tail[1].text) is not None
        if names and initial and not is_english(tail[-1]) and words_label(
            [t.text for t in body]
        ) == "ORG":
            person = Span(doc, tail.start, tail.end, label="PERSON")
            return [Span(doc, body.start, body.end, label="ORG", span_id=ent.id_), person]
    return [ent]


def _person_of_body(ent: Span) -> list[Span]:
    """ "[Margaret Harris of the World Health Organisation]" tagged as one body: a person
    "of the" body, when two or three capitalised words before "of the" name no body,
    place or role and one of them is a word no English dictionary holds, and the words
    after name a body by themselves."""
    doc = ent.doc
    k = next((t.i for t in ent[2:4] if t.lower_ == "of"), None)
    if ent.label_ != "ORG" or k is None or k + 2 >= ent.end or doc[k + 1].lower_ != "the":
        return [ent]
    person = doc[ent.start : k]
    lex = lexicon()
    named = all(t.is_alpha and t.is_title and t.pos_ == "PROPN" for t in person)
    office = any(t.lower_ in lex.role_titles or t.lower_ in lex.titles for t in person)
    if not named or office or words_label([t.text for t in person]) is not None:
        return [ent]
    if all(is_english(t) for t in person):  # "Ancient Order of the Hibernians"
        return [ent]
    if words_label([t.text for t in doc[k + 2 : ent.end]]) != "ORG":
        return [ent]
    body = Span(doc, k + 2, ent.end, label="ORG", span_id=ent.id_)
    return [Span(doc, ent.start, k, label="PERSON"), body]


def _owned_person(ent: Span) -> list[Span]:
    """ "Green Party’s Jill Stein" tagged as one body: the owner, and the person after the
    possessive (two or three capitalised words that name no body or place)."""
    doc = ent.doc
    k = next((t.i for t in ent[1:-1] if t.lower_ in {"'s", "’s"}), None)
    if k is None or ent.label_ == "PERSON":
        return [ent]
    rest = doc[k + 1 : ent.end]
    person = 2 <= len(rest) <= 3 and all(t.is_alpha and t.is_title for t in rest)
    if not person or words_label([t.text for t in rest]) is not None:
        return [ent]
    owner = Span(doc, ent.start, k, label=ent.label_, span_id=ent.id_)
    return [owner, Span(doc, k + 1, ent.end, label="PERSON")]


def _number_after(tok: Token, end: int) -> bool:
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < end else None
    return nxt is not None and (nxt.like_num or nxt.text[:1].isdigit())


def _pieces(ent: Span) -> list[Span]:
    """The names a span run over punctuation holds: split at spaced slashes ("UrduPoint
    News / Sputnik") and dashes, cut at a bracket it does not close ("World Health
    Organization (WHO", "RHC ) Niger"; an acronym opened there is a name of its own,
    another spelling is not) and at a dash before a number ("Pakistan Point News - 5th
    Jul")."""
    doc, out, start = ent.doc, [], ent.start
    depth = 0
    for tok in ent:
        spaced = tok.i > 0 and bool(doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)
        # "Name/AP" is a credit's, read elsewhere; a spaced dash ends a name ("RCA Telegram
        # News California - Death toll …", "Jim Vondruska - GETTY IMAGES")
        cut = (tok.text in _SLASHES or tok.text in DASHES) and spaced
        if tok.text == "(":
            depth += 1
            if not any(t.text == ")" for t in doc[tok.i + 1 : ent.end]):
                out.append(Span(doc, start, tok.i, label=ent.label_, span_id=ent.id_))
                rest = doc[tok.i + 1 : ent.end]  # "(WHO" an acronym; "(Μυρτόφυτο" a spelling
                start = tok.i + 1 if rest.text.isupper() else ent.end
                break
        elif tok.text == ")":
            cut, depth = depth == 0, max(0, depth - 1)
        elif tok.text in DASHES and _number_after(tok, ent.end):
            out.append(Span(doc, start, tok.i, label=ent.label_, span_id=ent.id_))
            start = ent.end  # what follows the dash is a date, no name
            break
        if cut:
            out.append(Span(doc, start, tok.i, label=ent.label_, span_id=ent.id_))
            start = tok.i + 1
    if start < ent.end:
        out.append(Span(doc, start, ent.end, label=ent.label_, span_id=ent.id_))
    out = [p for piece in out for p in _owned_person(piece)]
    if len(out) == 1:
        return out
    # a lone English word cut off a run is a headline's word, no name ("- Death toll")
    out = [p for p in out if not (len(p) == 1 and p[0].is_title and is_english(p[0]))]
    return [p for p in out if len(p) and any(t.text[:1].isupper() for t in p)]


def _opening_cue(tok: Token) -> bool:
    """A reporting verb in the past or a participle opening its sentence before a name,
    tagged as part of it: "Stated Stone: …", "Noted producer Ann Vale: …", "Quoting Ann
    Vale, the agency said …" (not "Hope Hicks")."""
    word = tok.lower_
    form = word.endswith(("ed", "ing"))
    return bool(tok.is_sent_start) and form and load_cues().is_cue_verb(tok.lemma_ or word, word)


def _fire_service(ent: Span) -> Span:
    """ "Cal Fire said" tagged PERSON: a name ending in an event word without "the" is
    no person (a named fire takes "the"; a fire service does not)."""
    if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].lower_ in patterns().event_heads:
        return Span(ent.doc, ent.start, ent.end, label="ORG")
    return ent


def _body_noun(ent: Span) -> Span:
    """ "the Observatory said" tagged PERSON: a body's own noun after "the", standing for
    its full name, names no person."""
    doc = ent.doc
    if ent.label_ != "PERSON" or len(ent) != 1 or ent.start == 0:
        return ent
    if doc[ent.start - 1].lower_ != "the" or ent[0].lower_ not in lexicon().org_nouns:
        return ent
    return Span(doc, ent.start, ent.end, label="ORG")


def _extend_person(doc: Doc, ent: Span) -> Span:
    """Grow a PERSON span over untagged neighbouring proper nouns the model left out
    ("according to Bilal [Faizi]", "[Abdel Rahim] Dagalo denied") and over the rest of a
    hyphenated given name ("Choi Ji[-won]")."""
    if ent.label_ != "PERSON":
        return ent
    start, end = ent.start, ent.end
    while start > 0 and _name_part(doc[start - 1]):
        start -= 1
    while end < len(doc) and _name_part(doc[end]):
        end += 1
    end = given_name_end(doc[end - 1]) or end  # "Choi Ji[-won]", "Ban Ki[-moon]"
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, "PERSON")


def _name_part(tok: Token) -> bool:
    """An untagged capitalised proper noun that is no title, demonym or sentence opener."""
    lex = lexicon()
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and not tok.ent_type_
        and not tok.is_sent_start
        and tok.lower_ not in lex.titles
        and tok.lower_ not in lex.demonyms
        and tok.text.isalpha()
    )


def _defined_orgs(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Rapid Support Forces (RSF)" the model missed: capitalised words followed by their
    initials in brackets are an organisation (and so is the acronym)."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = []
    texts = token_texts(doc)  # the brackets are looked for in text, not in new Tokens
    for i in range(2, len(texts) - 1):
        acr = texts[i]
        if texts[i - 1] != "(" or texts[i + 1] != ")" or i in taken:
            continue
        if not (acr.isupper() and acr.isalpha() and 2 <= len(acr) <= 8):
            continue
        start = i - 1
        while start > 0 and _org_word(doc[start - 1]) and start - 1 not in taken:
            start -= 1
        name = doc[start : i - 1]
        if len(name) >= 2 and is_acronym_of(acr, name.text):
            out += [Span(doc, start, i - 1, "ORG"), Span(doc, i, i + 1, "ORG")]
    return out


def _org_word(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.lower_ in {"of", "for", "and", "the", "on", "in"}


def _dateline_ents(doc: Doc) -> list[Span]:
    """Dateline cities ("KHARTOUM (Reuters) -", "PARIS, France —", and in title case near
    the top, "Algiers (AFP) -", "Tbilisi — Tens of ...") tagged as places."""
    out = []
    text = doc_text(doc)
    starts = [0, *paragraph_breaks(text)]
    prose = 0  # paragraphs of running text before this one (page chrome lines are short)
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        m = _DATELINE.match(text, start)
        if m is None and prose < _TITLE_DATELINE_PARAGRAPHS:
            m = _TITLE_DATELINE.match(text, start)
            tagged = {t.ent_type_ for t in _tokens(doc, m)} if m is not None else set()
            if m is not None and not m.group("credit") and tagged & _NOT_PLACES:
                m = None  # "Irakli Gogoladze — ...", "Reuters — ...": a byline or a name
        prose += len(text[start:end].split()) >= _PROSE_WORDS
        if m is None or set(m.group(1).upper().split()) & _NOT_DATELINE:
            continue
        span = doc.char_span(m.start(1), m.end(1), label="GPE", alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


def _tokens(doc: Doc, m: re.Match[str]) -> Span | list[Token]:
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    return span if span is not None else []


def _place_context(doc: Doc, ent: Span) -> bool:
    before = doc[max(0, ent.start - 2) : ent.start]
    of_place = len(before) == 2 and before[1].lower_ == "of" and before[0].pos_ == "NOUN"
    if of_place and before[0].lemma_.lower() in _PLACE_NOUNS | _PLACE_OF:
        return True
    after_in = ent.start > 0 and doc[ent.start - 1].lower_ in _LOCATIVE - {"from", "to", "at"}
    if ent.label_ == "PERSON" and (after_in or route_between(doc, ent.start)):
        return True
    after = doc[ent.end : ent.end + 2]
    return (
        len(after) >= 1
        and after[0].pos_ == "NOUN"
        and after[0].lemma_.lower() in _PLACE_NOUNS
        and (len(after) == 1 or after[1].pos_ not in {"NOUN", "PROPN"})
    )


def _join_places(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "Latakia and Tartus": a name joined to a place by "and"/"or"/"," is a place; not
    a person's full name set off by commas after it ("the mayor of West, Tommy Muska,
    said"), which is an apposition, not a list."""
    out = sorted([p for e in ents for p in _listed_parts(doc, e)], key=lambda e: e.start)
    out = sorted(out + _unnamed_items(doc, out), key=lambda e: e.start)
    changed = True
    while changed:  # along the whole list: "Aleppo, Hama, Tartus and Latakia"
        changed = False
        for k in range(len(out) - 1):
            a, b = out[k], out[k + 1]
            if not joined(doc, a.end, b.start) or _apposed_person(doc, b):
                continue
            if possessed(doc, b.end) or set_off_speaker(doc, a.end, b.start, b.end):
                continue  # "Aldo Ferrank, Brazil's minister", "…in Oklahoma, Trooper X said"
            labels = {a.label_, b.label_}
            if labels & {"GPE", "LOC"} and labels & {"PERSON", "ORG", "NORP", _ITEM}:
                out[k] = Span(doc, a.start, a.end, label="GPE")
                out[k + 1] = Span(doc, b.start, b.end, label="GPE")
                changed = True
    return [e for e in out if e.label_ != _ITEM]  # an untagged item of no list of places


_ITEM = "LIST_ITEM"  # an untagged word listed among names, a place only beside places


def _listed_parts(doc: Doc, ent: Span) -> list[Span]:
    """A body's or person's span over a comma the model ran across a list ("[Paktika,
    Wardak]"): its parts, each a name of capitalised words."""
    if ent.label_ not in {"ORG", "PERSON"} or not any(t.text == "," for t in ent[1:-1]):
        return [ent]
    parts, start = [], ent.start
    for t in [*ent[1:-1], doc[ent.end - 1]]:
        if t.text == "," or t.i == ent.end - 1:
            end = t.i if t.text == "," else t.i + 1
            part = doc[start:end]
            if not len(part) or not all(w.text[:1].isupper() for w in part):
                return [ent]
            parts.append(Span(doc, start, end, label=ent.label_))
            start = t.i + 1
    return parts


def _unnamed_items(doc: Doc, ents: list[Span]) -> list[Span]:
    """Untagged capitalised words listed between two names ("Baghlan, [Ghor], Nuristan")."""
    out = []
    for a, b in itertools.pairwise(ents):
        k = a.end
        if k >= b.start or doc[k].text != ",":
            continue
        item = doc[k + 1 : b.start - 1]
        sep = doc[b.start - 1].lower_  # b starts after a's comma
        words = len(item) in {1, 2} and all(t.is_title and t.pos_ == "PROPN" for t in item)
        if words and sep in {",", "and", "or"} and not any(t.ent_type_ for t in item):
            out.append(Span(doc, item.start, item.end, label=_ITEM))
    return out


def _apposed_person(doc: Doc, ent: Span) -> bool:
    """A two-word-or-longer PERSON after a lone comma, closed by a comma that no place
    follows: ", Tommy Muska, later said"."""
    if ent.label_ != "PERSON" or len(ent) < 2 or doc[ent.start - 1].text != ",":
        return False
    closed = ent.end + 1 < len(doc) and doc[ent.end].text == ","
    return closed and doc[ent.end + 1].ent_type_ not in {"GPE", "LOC"}


def _relabel_place(doc: Doc, ent: Span) -> Span:
    """Places the model mis-tags: "In Baniyas," (DATE), "in Khan Younis", "the town of
    Marbella", "a resident of Jableh", "the Akkar region" (PERSON/ORG); and a "facility"
    that speaks, which is a body ("according to the White Helmets")."""
    if ent.label_ == "FAC" and _speaks(doc, ent):
        return Span(doc, ent.start, ent.end, label="ORG")
    if ent.label_ in {"PERSON", "ORG"} and _place_context(doc, ent):
        return Span(doc, ent.start, ent.end, label="GPE")
    if ent.start == 0:
        return ent
    if ent.label_ not in _NUMERIC:
        return ent
    if any(t.like_num or t.pos_ != "PROPN" or _DATE_WORDS.match(t.text) for t in ent):
        return ent
    if doc[ent.start - 1].lower_ not in _LOCATIVE:
        return ent
    return Span(doc, ent.start, ent.end, label="GPE")


def _speaks(doc: Doc, ent: Span) -> bool:
    """Is the name a source: after "according to (the)", or the subject of a cue verb?"""
    k = ent.start - (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    if k >= 2 and doc[k - 2].lower_ == "according" and doc[k - 1].lower_ == "to":
        return True
    root = ent.root
    verb = root.head
    return root.dep_ == "nsubj" and load_cues().is_cue_verb(verb.lemma_, verb.lower_)


# a part of a credit: between brackets, slashes, commas, semicolons or " and "
_CREDIT_PART = re.compile(
    r"(?:^|(?<=[()/:,;])|(?<=\sand\s)|(?<=\svia\s)|(?<=\s[-–—]\s))"
    r"(?:(?!\s(?:and|via|[-–—])\s)[^()/:,;])+"
)
_CREDIT_NOT_NAME = re.compile(r"\b(?:and|with|by|for|the|to|this|report(?:ing)?)\b")


# "Additional reporting by Lukas Brenner in Geneva": the role before the name, the place after
_CREDIT_ROLE = re.compile(
    r"^(?:with\s+)?(?:(?:additional\s+)?(?:reporting|reports|files|editing|writing|photos?|video)"
    r"\s+(?:by|from)\s+)?",  # "With files from The Canadian Press": the outlet
    re.IGNORECASE,
)
_CREDIT_PLACE = re.compile(r"\s+in\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\.?$")


def _credit_place(doc: Doc, s: int, part: str) -> tuple[str, list[Span]]:
    """``part`` without its closing "in <Place>", and the place as a GPE span."""
    m = _CREDIT_PLACE.search(part)
    if m is None:
        return part, []
    place = doc.char_span(s + m.start(1), s + m.end(1), label="GPE")
    return part[: m.start()], [place] if place is not None else []


def _credit_ents(doc: Doc, credits: list[tuple[int, int]]) -> list[Span]:
    """PERSON / OUTLET entities for the parts of "(Omar Albam/AP)" and of "(Reporting by
    X in Addis Ababa; Editing by Y)", with the reporter's place."""
    registry = OutletRegistry.default()
    out: list[Span] = []
    text = doc_text(doc)  # built once: Doc.text joins every token
    for start, end in credits:
        # "lo/jcg (AFP, Reuters, dpa)": a comma or semicolon separates names too
        for m in _CREDIT_PART.finditer(text[start:end]):
            part = m.group().strip()
            if not part or part.lower() in {"photo", "photos", "file", "file photo"}:
                continue
            s = start + m.start() + m.group().index(part)
            role = _CREDIT_ROLE.match(part)
            if role is not None and role.end():
                s, part = s + role.end(), part[role.end() :]
            part, places = _credit_place(doc, s, part)
            out += places
            part_core = re.sub(r"\s*(?:Photos?|Images?)$", "", part)
            words = part_core.split()
            # "RNZ Pacific / Daniel Kuri": a desk of a known outlet
            outlet = registry.lookup(part_core) or (
                registry.lookup(words[0]) if len(words) > 1 and words[0].isupper() else None
            )
            label = "OUTLET" if outlet else "ORG" if is_agency_name(part) else "PERSON"
            if label == "ORG":
                part_core = part  # "Getty Images", "Agencia Press South": a photo agency
            if label != "OUTLET" and _CREDIT_NOT_NAME.search(part):
                continue  # words no name has ("With AFP and Reuters", "This report by …")
            if label == "PERSON" and len(part.split()) < 2:
                continue
            span = doc.char_span(
                s,
                s + len(part_core),
                label=label,
                alignment_mode="expand",
                span_id=outlet.id if outlet else 0,
            )
            if span is not None:
                out.append(span)
    return out
