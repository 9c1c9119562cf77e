"""What the words around a name say about its type.

The small model often calls an unfamiliar place a person ("stormed Um Sidra") or an
organisation ("in Pine Hollow"). The article usually says what the name is somewhere:
"Um Sidra, a farming town", "the town of Um Sidra", "residents of Pine Hollow", "the
state's fire agency Cal Fire", "Contafolla, a group of statisticians", "software engineer
Rajesh Nair". ``context_votes`` turns one mention's context into weighted type votes;
the entity table adds them to the model's labels, name by name.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprov.model import EntityType

from .aliases import lexicon
from .patterns import patterns

__all__ = ["STRONG", "WEAK", "context_votes", "name_kind"]

STRONG = 3  # a description of the name ("a farming town", "the town of")
WEAK = 1  # a hint ("in X"), worth as much as the model's label

_DETS = {"a", "an", "the", "one", "its", "their", "another"}
# "according to X", "due to X": "to" there says nothing about a place
_NOT_MOTION = {"according", "due", "thanks", "next", "compared", "close", "owing", "prior"}
_STOP_POS = {"ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PRON", "PART", "PUNCT", "DET"}


def _noun_kind(word: str) -> EntityType | None:
    """The type a describing noun gives: "town" -> place, "agency" -> organisation."""
    lex, p = lexicon(), patterns()
    if word in p.place_appos:
        return EntityType.PLACE
    if word in lex.org_nouns:
        return EntityType.ORGANISATION
    if word in lex.person_nouns or word in lex.titles or word.endswith("-old"):
        return EntityType.PERSON
    return None


def _appos_head(doc: Doc, i: int) -> Token | None:
    """Head noun of a description opening at token ``i`` ("a farming town of ..." ->
    town; "the state's firefighting agency" -> agency); None when there is none."""
    if i >= len(doc) or doc[i].lower_ not in _DETS:
        return None
    head = None
    for tok in doc[i + 1 : i + 8]:
        if tok.lower_ in {"'s", "’s"}:
            head = None  # "the state's" names the owner, not the thing
            continue
        if tok.text == "-" or tok.like_num:
            continue
        if not tok.text.islower():
            # "the state's fire agency Cal Fire": the words describe the next name
            return None if head is not None and tok.i == head.i + 1 else head
        if tok.pos_ in {"VERB", "AUX"} and tok.tag_ != "VBG":
            return None  # ", the observatory said": a new clause, no apposition
        if tok.pos_ in _STOP_POS:
            break
        if tok.pos_ == "NOUN":
            head = tok
    return head


def _after(doc: Doc, end: int) -> EntityType | None:
    """ "X, a farming town", "X, the state's firefighting agency"; "the X countryside"."""
    if end + 1 >= len(doc):
        return None
    nxt = doc[end]
    if nxt.text.islower() and nxt.pos_ == "NOUN" and nxt.lower_ in patterns().place_appos:
        follows = doc[end + 1]
        return None if follows.pos_ in {"NOUN", "PROPN"} else EntityType.PLACE
    if nxt.text != ",":
        return None
    head = _appos_head(doc, end + 1)
    if head is None:
        return None
    if "-old" in head.text:
        return EntityType.PERSON
    return _noun_kind(head.lower_)


def _before(doc: Doc, start: int, label: EntityType) -> tuple[EntityType, int] | None:
    """ "the town of X", "residents of X" (place); "fire agency X", "engineer X"; "in X"
    (a hint for names the model calls organisations or places, not for persons:
    "a message from Kamel")."""
    if start == 0:
        return None
    prev = doc[start - 1]
    p = patterns()
    if prev.lower_ == "of" and start >= 2 and doc[start - 2].lower_ in p.place_before:
        return EntityType.PLACE, STRONG
    if prev.text.islower() and prev.pos_ == "NOUN":
        kind = _noun_kind(prev.lower_)
        if kind is not None and kind is not EntityType.PLACE:
            return kind, STRONG
    if prev.lower_ == "the" and start >= 2:
        prev = doc[start - 2]
    if label is EntityType.PERSON or prev.lower_ not in p.locatives | {"to"}:
        return None
    if prev.lower_ == "to" and prev.i > 0 and doc[prev.i - 1].lower_ in _NOT_MOTION:
        return None
    return EntityType.PLACE, WEAK


def context_votes(
    doc: Doc, start: int, end: int, label: EntityType
) -> list[tuple[EntityType, int]]:
    """Weighted type votes from the words around the name in tokens [start, end) that
    the model labelled ``label``."""
    votes = []
    after = _after(doc, end)
    if after is not None:
        votes.append((after, STRONG))
    before = _before(doc, start, label)
    if before is not None:
        votes.append(before)
    return votes


def name_kind(name: str) -> EntityType | None:
    """The type a name's own words fix: "X Ministry" (organisation), "Via X" or
    "X Mountains" (place); None when the words say nothing."""
    p = patterns()
    words = name.lower().split()
    if len(words) < 2:
        return None
    if words[-1] == "district" and p.district_org_words & set(words):
        return EntityType.ORGANISATION
    if words[-1] in p.org_heads or (words[0] in p.org_heads and words[1] == "of"):
        return EntityType.ORGANISATION
    if words[0] in p.place_prefixes:
        return EntityType.PLACE
    if words[-1] in p.place_heads and words[-1] not in p.surname_heads:
        return EntityType.PLACE
    return None
