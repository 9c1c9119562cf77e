"""Who "organisers" are as a speaker: the named body the article says organised the
event ("The march was called by the Front"), else the civic body it names nearest, else
the one named in the next sentence, else an unnamed "organisers"."""

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
    return ahead or table.anonymous("organisers", tok, EntityType.ORGANISATION, "organisers")


def _agent_of(table: EntityTable, verb: Token) -> Cluster | None:
    """The named agent of a passive verb: "The march was called by the Front"."""
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
            return table.named_at(pobj) if pobj is not None else None
    return None
