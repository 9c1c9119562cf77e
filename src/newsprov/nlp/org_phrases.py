"""Organisations that a noun phrase names without a named-entity tag.

Helpers of attribution for phrases whose words are a place or a role rather than an
organisation's name:

* an organisation noun modified by a place is an unnamed body of that place, called as
  written: "the Batken regional administration", "Japan's embassy in Manila"
  (``placed_org``);
* "the office of the UN resident coordinator" / "the office of the president": the office
  of a role, called as written (``office_of``);
* a report noun whose count was made by a body: "a survey of 1,002 adults conducted by
  X", "a tally compiled by X" (``conducted_by``);
* "Phivolcs, the state seismology agency, said": an unknown capitalised subject that an
  apposition calls an organisation (``described_name``);
* "the CRAAG seismology centre": an organisation noun that an unknown acronym modifies
  is the body the acronym names (``acronym_owner``).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsprov.model import EntityType

from .aliases import lexicon, load_json

if TYPE_CHECKING:
    from .coref import Cluster, EntityTable

__all__ = [
    "acronym_owner",
    "conducted_by",
    "described_name",
    "office_of",
    "placed_org",
    "unknown_org_phrase",
]

_PLACE_MODS = {"poss", "compound", "nmod"}
_PLACE_PREPS = {"in", "for"}  # "the embassy in Manila", "the office for Gaza"


_FUNCTION_WORDS = {"for", "of", "and", "the", "&"}
_NOT_ORG = {"GPE", "LOC", "PERSON", "NORP", "DATE", "TIME", "FAC"}


@cache
def _body_nouns() -> frozenset[str]:
    """``body_nouns`` of ``source_nouns.json`` (read here: ``sources`` imports us)."""
    value = load_json("source_nouns.json").get("body_nouns", [])
    assert isinstance(value, list)
    return frozenset(str(v).lower() for v in value)


def _body_noun(tok: Token) -> bool:
    lemma = (tok.lemma_ or tok.lower_).lower()
    noun = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.text.islower())  # mis-tagged
    return noun and (lemma in lexicon().org_nouns or lemma in _body_nouns())


def _is_place_word(table: EntityTable, tok: Token) -> bool:
    found = table.at(tok.i)
    if found is not None:
        return found.kind is EntityType.PLACE
    return tok.ent_type_ in {"GPE", "LOC"}


def _phrase(tok: Token, end: int) -> str:
    """The words from ``tok``'s left edge (no determiner) to token ``end`` (exclusive)."""
    start = tok.left_edge.i
    while start < tok.i and tok.doc[start].dep_ == "det":
        start += 1
    return tok.doc[start:end].text


def placed_org(table: EntityTable, tok: Token) -> Cluster | None:
    """An unnamed organisation for an organisation noun that a place modifies ("the
    Batken regional administration", "Japan's embassy in Manila"), named as written with
    a trailing "in <place>"; None when ``tok`` is no organisation noun or is itself
    inside the place's name."""
    if not _body_noun(tok) or table.at(tok.i) is not None:
        return None
    if not any(c.dep_ in _PLACE_MODS and _is_place_word(table, c) for c in tok.lefts):
        return None
    end = tok.i + 1
    for child in tok.rights:
        pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
        if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS and pobj is not None:
            if pobj.ent_type_ in {"GPE", "LOC"}:
                end = pobj.right_edge.i + 1
            break
    lemma = (tok.lemma_ or tok.lower_).lower()
    return table.anonymous(lemma, tok, EntityType.ORGANISATION, _phrase(tok, end))


def office_of(table: EntityTable, tok: Token) -> Cluster | None:
    """ "The office of the UN resident coordinator in Kyrgyzstan": the office of a role
    (a person noun), an unnamed organisation called by the whole phrase."""
    if not _body_noun(tok):
        return None
    prep = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((p for p in prep.children if p.dep_ == "pobj"), None) if prep else None
    if pobj is None or pobj.pos_ != "NOUN":
        return None
    if (pobj.lemma_ or pobj.lower_).lower() not in lexicon().person_nouns:
        return None
    lemma = (tok.lemma_ or tok.lower_).lower()
    name = _phrase(tok, pobj.right_edge.i + 1)
    return table.anonymous(lemma, tok, EntityType.ORGANISATION, name)


def conducted_by(table: EntityTable, tok: Token) -> Cluster | None:
    """Who made a report noun's count through a participle with a passive agent in its
    phrase: "a survey of 1,002 adults conducted by X", "a poll carried out by X"."""
    for t in tok.subtree:
        if t.dep_ != "agent" or t.head.dep_ != "acl" or t.head.i < tok.i:
            continue
        pobj = next((p for p in t.children if p.dep_ == "pobj"), None)
        found = table.resolve(pobj) if pobj is not None else None
        if found is not None and found.kind in {EntityType.ORGANISATION, EntityType.OUTLET}:
            return found
    return None


def described_name(table: EntityTable, tok: Token | None) -> Cluster | None:
    """A capitalised proper noun nothing knows that an apposition calls an organisation:
    "Phivolcs, the state seismology agency, has recorded …"."""
    if tok is None or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    if table.at(tok.i) is not None or tok.ent_type_ in {"GPE", "LOC", "PERSON", "NORP"}:
        return None
    if not any(c.dep_ == "appos" and _body_noun(c) for c in tok.children):
        return None
    start = tok.i
    while start > 0 and tok.doc[start - 1].dep_ in {"compound", "flat"}:
        if tok.doc[start - 1].pos_ != "PROPN" or table.at(start - 1) is not None:
            break
        start -= 1
    return table.add_organisation(start, tok.i + 1)


def unknown_org_phrase(table: EntityTable, tok: Token | None) -> Cluster | None:
    """A capitalised name nothing knows heading a phrase of capitalised words and
    function words, taken as an organisation: "a legal aid team from Lawyers for Tenant
    Rights"; None for a place, a person or a name the table knows."""
    if tok is None or tok.pos_ not in {"PROPN", "NOUN"} or tok.ent_type_ in _NOT_ORG:
        return None
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    if not span[0].text[:1].isupper() or any(table.at(t.i) is not None for t in span):
        return None
    if not all(t.text[:1].isupper() or t.lower_ in _FUNCTION_WORDS for t in span):
        return None
    start = span.start + (1 if span[0].lower_ == "the" else 0)
    return table.add_organisation(start, span.end) if start < span.end else None


def acronym_owner(table: EntityTable, tok: Token) -> Cluster | None:
    """The organisation an unknown all-capital acronym modifying an organisation noun
    names: "the CRAAG seismology centre has recorded" is CRAAG (a known name is left to
    the table; "the US embassy" is a place's body)."""
    for child in tok.lefts:
        text = child.text
        if child.dep_ != "compound" or child.pos_ != "PROPN" or table.at(child.i) is not None:
            continue
        if len(text) >= 3 and text.isalpha() and text.isupper() and child.ent_type_ not in _NOT_ORG:
            return table.add_organisation(child.i, child.i + 1)
    return None
