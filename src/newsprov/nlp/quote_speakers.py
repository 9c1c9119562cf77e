"""Speaker fallbacks for quotations when the parse or the entity table falls short.

* "“…,” Clara Hennig, the agency's head of office, told Reuters." parsed with no subject of
  "told": the named person (else organisation) between the closing mark and the verb
  speaks (``named_before_verb``);
* "Regmi said" when the model missed "chairperson Hari Prasad Regmi" earlier: the earlier
  full name is resolved and speaks (``unresolved_person``);
* "Almaz, a 34-year-old onion seller, said …": a lone capitalised name described by an
  apposition is a person the model missed (``unresolved_person``);
* "A trader who gave only his first name, Abebe, said" names the unnamed trader
  (``named_in_subject``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsprov.model import EntityType

from .aliases import lexicon
from .coref import Cluster, EntityTable, Mention

__all__ = ["named_before_verb", "named_in_subject", "unresolved_person"]

_SPEAKER_KINDS = (EntityType.PERSON, EntityType.ORGANISATION)
_NAME_NOUNS = {"name", "names"}


def named_before_verb(tokens: list[Token], verb: Token, table: EntityTable) -> Cluster | None:
    """The named person (else organisation) among ``tokens`` before ``verb``: the
    speaker of an inverted quote frame whose subject the parser lost."""
    found = [table.at(t.i) for t in tokens if t.i < verb.i]
    for kind in _SPEAKER_KINDS:
        named = next((c for c in found if c is not None and c.kind is kind), None)
        if named is not None and not named.anonymous:
            return named
    return None


def _is_name_token(tok: Token) -> bool:
    lex = lexicon()
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and tok.is_alpha
        and len(tok) >= 3
        and tok.lower_ not in lex.pronouns_person
        and tok.lower_ not in lex.titles
        and tok.lower_ not in lex.demonyms
    )


def unresolved_person(table: EntityTable, subj: Token) -> Cluster | None:
    """The person an unresolved capitalised subject names: an earlier fuller naming of
    the same word, else a lone name with a descriptive apposition."""
    if not _is_name_token(subj) or table.at(subj.i) is not None:
        return None
    for tok in subj.doc[: subj.i]:
        if tok.text != subj.text or not any(c.dep_ == "compound" for c in tok.children):
            continue
        found = table.resolve(tok)  # a person the model may have typed as organisation
        if found is not None and found.kind in _SPEAKER_KINDS and not found.anonymous:
            return found
    if any(c.dep_ == "compound" for c in subj.children) or not _described(subj):
        return None
    return _new_person(table, subj)


def _described(subj: Token) -> bool:
    """An apposition describing a person: "Almaz, a 34-year-old onion seller"."""
    nouns = lexicon().person_nouns
    for app in (c for c in subj.children if c.dep_ == "appos" and c.pos_ == "NOUN"):
        det = any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in app.children)
        aged = any("year" in t.lower_ for t in app.subtree)
        if det or aged or app.lemma_ in nouns:
            return True
    return False


def _new_person(table: EntityTable, tok: Token) -> Cluster:
    mention = Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), tok.text, EntityType.PERSON)
    cluster = Cluster.from_mentions(EntityType.PERSON, [mention])
    table.clusters.append(cluster)
    table.rescan_aliases()  # indexes the new mention and later bare uses of the name
    return cluster


def named_in_subject(table: EntityTable, subj: Token, found: Cluster | None) -> Cluster | None:
    """The name an unnamed speaker's own phrase gives: "A trader who gave only his first
    name, Abebe, said" is Abebe; other speakers are returned unchanged."""
    if found is None or not found.anonymous or found.kind is not EntityType.PERSON:
        return found
    for tok in subj.subtree:
        if tok.dep_ == "appos" and tok.head.lemma_ in _NAME_NOUNS and _is_name_token(tok):
            named = table.at(tok.i)
            if named is None:
                return _new_person(table, tok)
            return named if named.kind is EntityType.PERSON else found
    return found
