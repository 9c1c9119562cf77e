"""Who speaks when the words name a place, a pronoun or a member of an organisation.

Helpers of ``coref.EntityTable.resolve`` and of figure attribution:

* a place is never a speaker, but a run of capitalised words before a place name is an
  organisation named after its territory: "Emergency Management Victoria said",
  "Gabungan Mahasiswa Malaysia said" (``territorial_org``);
* "he said" is the person who spoke last (a source, or a sentence subject), looking back
  over at most two sentences, not merely the person named last (``salient_person``):
  "Rosli said …. Officers cleared Dataran Merdeka …. He said …" is Rosli;
* an unnamed member of an organisation gives the organisation's figures: "its volunteers
  have counted 79 dead", "a CFA volunteer said 40 homes burned" (``member_org``; quotes
  keep the member as the speaker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsprov.model import EntityType

from .aliases import lexicon
from .sources import is_org_like, salient_org, source_lexicon

if TYPE_CHECKING:
    from .coref import Cluster, EntityTable

__all__ = ["is_place", "member_org", "salient_person", "territorial_org"]

_SUBJ = {"nsubj", "nsubjpass"}
_LOOKBACK_SENTS = 2
_PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}


def is_place(table: EntityTable, cluster: Cluster | None) -> bool:
    """A place that cannot speak: a Place not named like an organisation ("Baghdad",
    "Dataran Merdeka"; "Kuala Lumpur City Hall" tagged GPE still speaks)."""
    if cluster is None or cluster.kind is not EntityType.PLACE:
        return False
    return not is_org_like(table, cluster)


def territorial_org(table: EntityTable, tok: Token, place: Cluster) -> Cluster | None:
    """The organisation a capitalised run before a place name names with it: the named
    non-place entity inside the run ("Gabungan Mahasiswa" + "Malaysia"), else a new
    organisation over the whole run ("Emergency Management Victoria"); None when the
    place stands alone."""
    if not is_place(table, place):
        return None
    mention = next((m for m in place.mentions if m.start <= tok.i < m.end), None)
    if mention is None or tok.i != mention.end - 1:
        return None
    run = _capitalised_run(tok, mention.start)
    if not run:
        return None
    for t in run:
        other = table.at(t.i)
        if other is not None and other is not place and other.kind is not EntityType.PLACE:
            return other if other.kind is not EntityType.OUTLET else None
    if any(table.at(t.i) is not None for t in run):
        return None
    return table.add_organisation(run[0].i, mention.end)


def _capitalised_run(tok: Token, start: int) -> list[Token]:
    """The capitalised compound words just before token ``start`` that modify ``tok``."""
    doc, lex = tok.doc, lexicon()
    out: list[Token] = []
    j = start - 1
    while j >= tok.sent.start:
        t = doc[j]
        ok = t.is_alpha and t.text[:1].isupper() and t.dep_ in {"compound", "nmod"}
        ok = ok and t.ent_type_ not in _PLACE_LABELS and not t.is_stop
        if not ok or t.lower_ in lex.titles or t.lower_ in lex.demonyms:
            break
        if not any(a.i == tok.i for a in t.ancestors):
            break
        out.insert(0, t)
        j -= 1
    return out


def salient_person(table: EntityTable, tok: Token) -> Cluster | None:
    """What "he"/"she" refers to as a speaker: the named person last cited as a source or
    last a sentence subject, looking back from ``tok`` over at most two sentences; None
    when an unnamed person spoke since (the caller then takes the person named last:
    "A resident who gave his name as Abu Hassan told AFP … he said")."""
    floor = tok.sent.start  # back over at most _LOOKBACK_SENTS sentences, one by one
    for _ in range(_LOOKBACK_SENTS):  # (not every sentence of the Doc, at each pronoun)
        if floor == 0:
            break
        floor = tok.doc[floor - 1].sent.start
    noted = {i: c for i, c in table.noted_sources() if floor <= i < tok.i}
    pronouns = lexicon().pronouns_person
    for i in range(tok.i - 1, floor - 1, -1):
        found = noted.get(i)
        t = tok.doc[i]
        if found is None and t.dep_ in _SUBJ and t.lower_ not in pronouns:
            found = table.named_at(t)
        if found is not None and found.kind is EntityType.PERSON:
            return None if found.anonymous else found
    return None


def member_org(table: EntityTable, subj: Token, found: Cluster | None) -> Cluster | None:
    """The organisation an unnamed member speaks for, when ``found`` is one: the
    organisation modifying the member noun ("CFA volunteer", "its volunteers", "the
    agency's staff"); else ``found``."""
    if found is None or not found.anonymous or found.kind is not EntityType.PERSON:
        return found
    if subj.lower_ not in source_lexicon().member_nouns:
        return found
    for child in subj.lefts:
        if child.dep_ == "poss":
            org = table.resolve(child)
            if org is None and child.lower_ in {"its", "their"}:
                org = salient_org(table, child)
        elif child.dep_ in {"compound", "nmod"}:
            org = table.named_at(child)
        else:
            continue
        if org is not None and (is_org_like(table, org) or org.kind is EntityType.OUTLET):
            return org
    return found
