"""Who "organisers" are as a speaker: the body the phrase itself names ("organisers from
the Free Road coalition"), else the named body the article says organised the event ("The
march was called by the Front"), else the civic body it names nearest, else the one named
in the next sentence, else an unnamed "organisers"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsprov.model import EntityType

from .sources import is_org_like, named_next_sentence, named_orgs, source_lexicon

if TYPE_CHECKING:
    from .coref import Cluster, EntityTable

__all__ = ["organisers"]


def organisers(table: EntityTable, tok: Token) -> Cluster:
    """ "organisers": the named body that "organised" something, else the civic body
    the article names nearest, else an unnamed "organisers"."""
    lex = source_lexicon()
    own = _own_body(table, tok)
    if own is not None:
        return own
    for verb in tok.doc:
        if verb.lemma_.lower() not in lex.organise_verbs:
            continue
        found = table.named_at(verb.head) if verb.dep_ == "relcl" else _agent_of(table, verb)
        if is_org_like(table, found) and found is not None:
            return found
    civic = [
        (abs(i - tok.i), c)
        for i, c in named_orgs(table)
        if c.name.lower().split()[-1] in lex.civic_heads
    ]
    if civic:
        return min(civic, key=lambda x: x[0])[1]
    # "Organisers … raised their estimate to 120,000. Gabungan Mahasiswa Malaysia …"
    ahead = named_next_sentence(table, tok)
    # one unnamed body however spelt, named as the text spells it ("organizers")
    return ahead or table.anonymous("organisers", tok, EntityType.ORGANISATION, tok.lower_)


def _agent_of(table: EntityTable, verb: Token) -> Cluster | None:
    """The named agent of a passive verb: "The march was called by the Front"."""
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
            return table.named_at(pobj) if pobj is not None else None
    return None


def _own_body(table: EntityTable, tok: Token) -> Cluster | None:
    """The body "organisers from/of/at X" names: a known organisation, else a civic noun
        that capitalised words name ("the Free Road coalition", taken as an organisation even
    when the model took its words for a place)."""
    lex = source_lexicon()
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"from", "of", "at", "with"}:
            continue
        pobj = next((p for p in prep.children if p.dep_ == "pobj"), None)
        if pobj is None:
            return None
        found = table.named_at(pobj)
        if found is not None and is_org_like(table, found):
            return found
        if pobj.lower_ not in lex.civic_heads:
            return None
        # the model may take the name's words for a place ("Free Road")
        words = [
            t
            for c in pobj.lefts
            for t in c.subtree
            if c.dep_ == "compound" and t.dep_ == "compound" and t.text[:1].isupper()
        ]
        known = [table.at(w.i) for w in words]
        if not words or any(c is not None and c.kind is not EntityType.PLACE for c in known):
            return None
        return table.add_organisation(min(w.i for w in words), pobj.i + 1)
    return None
