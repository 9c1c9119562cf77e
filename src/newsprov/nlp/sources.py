"""Who a description of an organisation points at, and who can be a source at all.

Helpers of ``coref.EntityTable.resolve`` for the words a reporting verb's subject is
often made of (lists in ``data/source_nouns.json``):

* events are never agents: "the Sawtooth Fire" (a name ending in an event word, written
  with "the"), "Hurricane Milton" (``is_event``);
* a description of an organisation ("the London-based group", "the agency", "the
  country's disaster management agency", "a war monitor") resolves to a named
  organisation when its noun or one of its identifying words fits one, to the organisation
  cited last ("the agency said" after "according to Cal Fire") when it only locates
  ("London-based"), to one named in the next sentence when indefinite ("a war monitor
  said. The Observatory …"), else to an unnamed organisation called as written
  (``describe_org``);
* "it said" is the organisation that was the subject or the cited source last, outside
  the clause being reported (``salient_org``);
* "organisers": see ``organisers``;
* "economists at X", "a spokesman for X": X (``affiliated_org``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spacy.tokens import Token

from newsprov.model import EntityType

from .aliases import lexicon, load_json
from .org_phrases import acronym_owner, unknown_org_phrase
from .tokens import appositions

if TYPE_CHECKING:
    from .coref import Cluster, EntityTable

__all__ = [
    "SourceLexicon",
    "affiliated_org",
    "bare_source",
    "describe_org",
    "description_modifiers",
    "governs",
    "is_event",
    "is_org_like",
    "named_next_sentence",
    "named_orgs",
    "salient_org",
    "source_lexicon",
]

_MOD_DEPS = {"amod", "compound", "nmod", "poss"}
_SUBJ = {"nsubj", "nsubjpass"}
_COMPLEMENT = {"ccomp", "parataxis"}
_LOOKBACK_SENTS = 2
_PARAGRAPH_SENTS = 6  # "the Britain-based monitoring group" may point back this far
_PLACE_LABELS = {"GPE", "LOC", "NORP", "FAC"}


@dataclass(frozen=True, slots=True)
class SourceLexicon:
    """The word lists of ``source_nouns.json``."""

    event_heads: frozenset[str]
    event_titles: frozenset[str]
    locative_words: frozenset[str]
    place_words: frozenset[str]
    organiser_nouns: frozenset[str]
    organise_verbs: frozenset[str]
    civic_heads: frozenset[str]
    affiliation_preps: frozenset[str]
    bare_org_nouns: frozenset[str]
    member_nouns: frozenset[str] = frozenset()
    agency_nouns: frozenset[str] = frozenset()
    non_agency_words: frozenset[str] = frozenset()
    body_nouns: frozenset[str] = frozenset()
    governing_heads: frozenset[str] = frozenset()
    specific_org_nouns: frozenset[str] = frozenset()
    company_nouns: frozenset[str] = frozenset()
    non_company_words: frozenset[str] = frozenset()
    official_nouns: frozenset[str] = frozenset()


@cache
def source_lexicon() -> SourceLexicon:
    """The shipped lists (loaded once)."""
    data = load_json("source_nouns.json")

    def words(key: str) -> frozenset[str]:
        value = data.get(key, [])
        assert isinstance(value, list)
        return frozenset(str(v).lower() for v in value)

    return SourceLexicon(*(words(k) for k in SourceLexicon.__slots__))


def is_event(table: EntityTable, cluster: Cluster) -> bool:
    """A named event: "Hurricane Milton", or a name ending in an event word that the text
    writes with "the" as a head, not as a modifier ("the Sawtooth Fire", not "Cal Fire",
    not "the Cal Fire spokesman")."""
    lex = source_lexicon()
    words = cluster.name.lower().split()
    if not words or cluster.kind is EntityType.OUTLET:
        return False
    if words[0] in lex.event_titles and len(words) > 1:
        return True
    if words[-1] not in lex.event_heads:
        return False
    doc = table.doc
    for m in cluster.mentions:
        head = doc[m.end - 1]
        before = doc[m.start - 1].lower_ if m.start > 0 else ""
        if head.dep_ != "compound" and "the" in {doc[m.start].lower_, before}:
            return True
    return False


def is_org_like(table: EntityTable, cluster: Cluster | None) -> bool:
    """A named organisation that may speak: no event, no person, no outlet (places whose
    name ends in an organisation noun count: the model tags some departments GPE; so do
    local governments named as their territory, "the Thompson-Nicola Regional District")."""
    if cluster is None or cluster.anonymous or is_event(table, cluster):
        return False
    if cluster.kind is EntityType.ORGANISATION:
        return True
    last = cluster.name.lower().split()[-1] if cluster.name.split() else ""
    return cluster.kind is EntityType.PLACE and (last in lexicon().org_nouns or governs(cluster))


def governs(cluster: Cluster) -> bool:
    """A place named as a local government: "Thompson-Nicola Regional District", "Harris
    County" (two words or more, the last a ``governing_heads`` word)."""
    words = cluster.name.lower().split()
    return len(words) > 1 and words[-1] in source_lexicon().governing_heads


def description_modifiers(tok: Token) -> list[Token]:
    """The modifiers that describe ``tok``: "London-based", "health", "the county
    sheriff's"; a possessor that is a pronoun or a place ("its", "the country's") is not
    a description."""
    lex = source_lexicon()
    out = []
    for child in tok.lefts:
        if child.dep_ not in _MOD_DEPS or not any(t.is_alpha for t in child.subtree):
            continue
        if child.dep_ == "poss" and (
            child.pos_ == "PRON"
            or child.ent_type_ in _PLACE_LABELS
            or child.lemma_.lower() in lex.place_words
        ):
            continue
        out.append(child)
    return out


def _locative(mod: Token) -> bool:
    """A modifier that says where, not who: "London-based", "Turkish", "Sudan's"."""
    lex = source_lexicon()
    words = [t for t in mod.subtree if t.is_alpha]
    if any(t.lower_ in lex.locative_words for t in words):
        return True
    return all(t.ent_type_ in {"GPE", "LOC"} or t.lower_ in lexicon().demonyms for t in words)


def _content_words(tokens: Iterable[Token]) -> set[str]:
    return {t.lower_ for t in tokens if t.is_alpha and len(t) > 2 and not t.is_stop}


def named_orgs(table: EntityTable) -> list[tuple[int, Cluster]]:
    """(first mention token, cluster) of every named organisation, in text order."""
    firsts = [
        (min(m.start for m in c.mentions), c)
        for c in table.clusters
        if c.mentions and is_org_like(table, c)
    ]
    return sorted(firsts, key=lambda x: x[0])


def _sharing(table: EntityTable, tok: Token, words: set[str]) -> Cluster | None:
    """The named organisation whose name shares a word with ``words``: the last one
    before ``tok``, else the first one after ("the country's disaster management agency
    … AFAD")."""
    hits = [(i, c) for i, c in named_orgs(table) if words & _name_words(c)]
    before = [c for i, c in hits if i < tok.i]
    after = [c for i, c in hits if i > tok.i]
    return before[-1] if before else (after[0] if after else None)


def _description_name(tok: Token, mods: list[Token]) -> str:
    """The description as written, without its determiner: "London-based group"."""
    start = min(m.left_edge.i for m in mods)
    while start < tok.i and tok.doc[start].dep_ == "det":
        start += 1
    span = tok.doc[start : tok.i + 1]
    return span.text


def _last_mentioned(clusters: list[Cluster], before: int) -> Cluster | None:
    """The cluster referred to last before token ``before`` ("the ministry" after "the
    interior ministry …" and then "the health ministry …": the health ministry), else the
    one made last."""
    def last(c: Cluster) -> int:
        return max((m.start for m in c.mentions if m.start < before), default=-1)

    ranked = [(last(c), k) for k, c in enumerate(clusters)]
    if not ranked:
        return None
    return clusters[max(ranked)[1]]


def describe_org(table: EntityTable, tok: Token, lemma: str, definite: bool) -> Cluster | None:
    """The organisation a description points at (see the module docstring): a named one
    that fits its noun and identifying words, the one cited last, one named in the next
    sentence, else an unnamed one called as written; None for an indefinite bare noun
    that fits nothing ("a group")."""
    named = acronym_owner(table, tok)  # "the CRAAG seismology centre"
    if named is not None:
        return named
    mods = description_modifiers(tok)
    identifying = [m for m in mods if not _locative(m)]
    words = _content_words(t for m in identifying for t in m.subtree)
    early = _early_referent(table, tok, lemma, words, definite)
    if early is not None:
        return early
    hit = _fitting(table, tok, lemma, words) or _described_as(table, lemma, tok.i)
    if hit is not None:
        return hit
    owned = any(m.dep_ == "poss" and m.pos_ in {"NOUN", "PROPN"} for m in identifying)
    if identifying and definite and not owned and lemma not in source_lexicon().specific_org_nouns:
        # "…, the Insurance Council of Australia said, with the industry body putting …";
        # not "the presidency's communication agency", another body's own
        near = _recent(table, tok, sentences=1, paragraphs=2)
        if near is None:  # the salient body, named in the paragraph or sharing a word
            salient = salient_org(table, tok)
            floor = _paragraph_floor(tok, 1)
            if salient is not None:
                here = any(floor <= m.start < tok.i for m in salient.mentions)
                near = salient if here or words & _name_words(salient) else None
        if near is not None:
            return near
    earlier = [c for c in table.clusters if c.anonymous and c.kind is EntityType.ORGANISATION]
    hit = _last_mentioned([c for c in earlier if _names_noun(c.name, lemma)], tok.i)
    if identifying or lemma in source_lexicon().specific_org_nouns:
        if hit is not None and definite and not identifying:
            return hit  # "the Mexican navy" ... "the navy"
        same = next((c for c in reversed(earlier) if words and words <= _name_words(c)), None)
        if same is not None and definite and _names_noun(same.name, lemma):
            return same  # "the national disaster agency" ... "the disaster agency"
        ahead = None if definite or not identifying else named_next_sentence(table, tok)
        name = _description_name(tok, mods) if mods else lemma
        return ahead or table.anonymous(lemma, tok, EntityType.ORGANISATION, name)
    if hit is not None:
        return hit
    if not definite:
        return named_next_sentence(table, tok)
    found = _recent(table, tok, lemma=lemma) or _last_named(table, tok, lemma)
    if found is None and mods:
        return table.anonymous(lemma, tok, EntityType.ORGANISATION, _description_name(tok, mods))
    return found


def _early_referent(
    table: EntityTable, tok: Token, lemma: str, words: set[str], definite: bool
) -> Cluster | None:
    """What a description points at before any name that merely shares its words: an
    indefinite one introduces the organisation named in the next sentence ("An Ethiopian
    rights group said … The Gojjam Network, which …"); "police" among its words makes it
    the unnamed police ("the district police office"), unless a named organisation has
    its noun and that word; a definite one with a generic noun is the organisation cited
    earlier in its own sentence ("The Red Cross's figures are higher: the humanitarian
    group has counted …")."""
    if not words:
        return None
    if not definite:
        return named_next_sentence(table, tok)
    bare = sorted(words & source_lexicon().bare_org_nouns)
    if bare:
        named = [c for i, c in named_orgs(table) if i < tok.i and _names_noun(c.name, lemma)]
        if not any(set(bare) & _name_words(c) for c in named):
            return table.anonymous(bare[0], tok, EntityType.ORGANISATION, bare[0])
        return None
    if lemma in source_lexicon().specific_org_nouns:
        return None
    named = [c for i, c in named_orgs(table) if i < tok.i and _names_noun(c.name, lemma)]
    return None if named else _recent(table, tok, sentences=0)


def _fitting(table: EntityTable, tok: Token, lemma: str, words: set[str]) -> Cluster | None:
    """A named organisation whose name has the description's noun (the one referred to
    last before ``tok``) and, when the description has identifying words, shares one;
    with such words a name without the noun fits too, unless the noun is specific ("the
    health ministry" is no "World Health Organization")."""
    named = named_orgs(table)
    with_noun = [c for i, c in named if i < tok.i and _names_noun(c.name, lemma)]
    if not words:
        return _last_mentioned(with_noun, tok.i)
    hit = next((c for c in reversed(with_noun) if words & _name_words(c)), None)
    if hit is not None or lemma in source_lexicon().specific_org_nouns:
        return hit
    return _sharing(table, tok, words)


def _name_words(cluster: Cluster) -> set[str]:
    return {w.lower() for form in cluster.forms() for w in re.findall(r"\w+", form)}


def _names_noun(name: str, noun: str) -> bool:
    return re.search(rf"\b{re.escape(noun)}", name, re.IGNORECASE) is not None


def _described_as(table: EntityTable, lemma: str, before: int) -> Cluster | None:
    """The named organisation an apposition before token ``before`` describes with
    ``lemma``: "the Syrian Observatory for Human Rights, a Britain-based monitor"."""
    doc = table.doc
    for i in appositions(doc):  # the appositions before ``before``, in order
        if i >= before:
            break
        tok = doc[i]
        for org, noun in ((table.at(tok.head.i), tok), (table.at(tok.i), tok.head)):
            if org is None or not is_org_like(table, org) or org.kind is EntityType.PLACE:
                continue
            if noun.lemma_.lower() == lemma and table.at(noun.i) is not org:
                return org
    return None


def _recent(
    table: EntityTable,
    tok: Token,
    sentences: int | None = None,
    lemma: str = "",
    paragraphs: int | None = None,
) -> Cluster | None:
    """The organisation cited as a source last before ``tok`` (within ``sentences``
    sentences before its own, when given, or as far back as the start of the paragraph
    ``paragraphs`` - 1 before its own, when that is further but within _PARAGRAPH_SENTS
    sentences). "The agency" passes over one named like a charity, society or
    association ("Mexican Red Cross" is no agency; words in ``source_nouns.json``) when
    another was cited; "the company" over any named like a public body or a charity."""
    floor = 0
    if sentences is not None:
        sents = list(tok.doc.sents)
        k = next(n for n, s in enumerate(sents) if s.start <= tok.i < s.end)
        floor = sents[max(0, k - sentences)].start
        if paragraphs is not None:
            cap = sents[max(0, k - _PARAGRAPH_SENTS)].start
            floor = min(floor, max(cap, _paragraph_floor(tok, paragraphs)))
    lex = source_lexicon()
    cited = [c for i, c in table.noted_sources() if floor <= i < tok.i and is_org_like(table, c)]
    if lemma in lex.agency_nouns:
        public = [c for c in cited if not _name_words(c) & lex.non_agency_words]
        cited = public or cited
    if lemma in lex.company_nouns:  # "the company" is no fund, ministry or university
        cited = [c for c in cited if not _name_words(c) & lex.non_company_words]
    return cited[-1] if cited else None


def _paragraph_floor(tok: Token, paragraphs: int) -> int:
    """The first token of the paragraph ``paragraphs`` - 1 before the token's own."""
    seen = 0
    for i in range(tok.i - 1, -1, -1):
        t = tok.doc[i]
        if t.is_space and "\n" in t.text:
            seen += 1
            if seen == paragraphs:
                return i + 1
    return 0


def _last_named(table: EntityTable, tok: Token, lemma: str = "") -> Cluster | None:
    named = [c for i, c in named_orgs(table) if i < tok.i]
    if lemma in source_lexicon().company_nouns:
        named = [c for c in named if not _name_words(c) & source_lexicon().non_company_words]
    return named[-1] if named else None


def named_next_sentence(table: EntityTable, tok: Token) -> Cluster | None:
    """ "a war monitor said …" followed by "The Syrian Observatory … said": the first
    named organisation of the next sentence."""
    sent = tok.sent
    if sent.end >= len(tok.doc):
        return None
    nxt = tok.doc[sent.end].sent
    found = [c for c in table.in_tokens(nxt.start, nxt.end) if is_org_like(table, c)]
    return found[0] if found else None


def salient_org(table: EntityTable, tok: Token) -> Cluster | None:
    """What "it" refers to as a speaker: the organisation last named as a subject or
    cited as a source, looking back from ``tok`` (or from the start of the clause it
    reports, in "…, it added"), over at most two sentences."""
    start = _reported_start(tok)
    sents = list(tok.doc.sents)
    k = next(n for n, s in enumerate(sents) if s.start <= start < s.end)
    floor = sents[max(0, k - _LOOKBACK_SENTS)].start
    noted = {i: c for i, c in table.noted_sources() if floor <= i < start}
    for i in range(start - 1, floor - 1, -1):
        found = noted.get(i)
        t = tok.doc[i]
        if found is None and t.dep_ in _SUBJ and t.pos_ != "PRON":
            found = table.named_at(t)
        if found is not None and is_org_like(table, found):
            return found
    return None


def _reported_start(tok: Token) -> int:
    """Where the clause a pronoun's verb reports begins, when it comes first."""
    verb = tok.head
    clauses = [c for c in verb.children if c.dep_ in _COMPLEMENT and c.i < tok.i]
    return min([tok.i, *(c.left_edge.i for c in clauses)])


def bare_source(table: EntityTable, tok: Token) -> Cluster | None:
    """A plural noun without determiner that is an unnamed source on its own: "police
    said" (always "police", as gold names it), "Turkish authorities said" ("authorities":
    where-words are dropped), "health authorities" (kept)."""
    low = tok.lower_
    if low not in source_lexicon().bare_org_nouns or any(c.dep_ == "det" for c in tok.children):
        return None
    mods = [m for m in description_modifiers(tok) if not _locative(m)]
    name = _description_name(tok, mods).lower() if mods and low != "police" else low
    return table.anonymous(low, tok, EntityType.ORGANISATION, name)


def affiliated_org(table: EntityTable, tok: Token) -> Cluster | None:
    """ "Economists at X", "a spokesman for X", "officials from X": the organisation X."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return None
    lemma = (tok.lemma_ or tok.lower_).lower()
    if lemma in lexicon().person_nouns and tok.lower_ not in source_lexicon().member_nouns:
        return None  # "a student from Universiti Malaya" does not speak for the university
    preps = source_lexicon().affiliation_preps
    for child in tok.rights:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        pobj = next((p for p in child.children if p.dep_ == "pobj"), None)
        found = table.named_at(pobj) if pobj is not None else None
        origin = found is not None and found.kind is EntityType.PLACE
        if origin and child.lower_ == "from" and tok.lower_ not in source_lexicon().official_nouns:
            return None  # "an office worker from Mapo District" lives there, speaks for no one
        if found is not None and is_org_like(table, found):
            return found
        if found is None and child.lower_ == "from":
            return unknown_org_phrase(table, pobj)
    return None
