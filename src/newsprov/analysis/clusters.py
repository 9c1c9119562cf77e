"""Entity clustering: which entity IRIs from different articles denote one real entity.

Entity IRIs are minted from article-local keys, so most cross-article merges already
happened by key. This module finds the rest, with evidence:

- organisations, outlets, places: the same :func:`~newsprov.analysis.names.name_key`;
  an unambiguous alias ("SOHR" used as an alias by one full name only); an acronym
  ("SOHR" <-> "Syrian Observatory for Human Rights") that expands to one cluster only.
  An organisation and an outlet with the same name are merged (a typing slip of the
  tagger must not double a source). A shorter name of two or more words that ends a
  longer one ("county sheriff's department") joins it when exactly one cluster's name
  qualifies and both are named in articles sharing a place.
- persons: the same transliteration skeleton of first name and surname ("Rami
  Abdurrahman" = "Rami Abdel-Rahman"), or of the whole name run together (an alias with
  another first name than the entity's own, a relative joined by surname, is no key); a
  one-word name
  ("Abdurrahman") joins a full name only when exactly one full-name cluster has that
  surname and the two co-occur (same article, or articles naming a common organisation).

Anonymous speakers are never merged. The canonical member of a cluster is, among the
members named in at least half as many articles as the most named one, the one with the
longest label (ties: smallest IRI), so the result does not depend on input order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from newsprov.analysis.names import (
    acronym_form,
    acronyms,
    full_key,
    name_key,
    person_key,
    surname_key,
)

__all__ = ["Cluster", "EntityRecord", "UnionFind", "cluster_entities", "word_endings"]

_AGENT_TYPES = frozenset({"Organisation", "Outlet"})
_STRAY = re.compile(r"[\[\]{}<>|\"“”]")
_MIN_SUFFIX_WORDS = 2


def _shouted(label: str) -> bool:
    """A name in capitals with more than one word ("HILLARY CLINTON"; not "SOHR")."""
    return label.isupper() and " " in label.strip()


@dataclass(frozen=True, slots=True)
class EntityRecord:
    """One entity IRI as the whole store describes it (labels gathered over all graphs)."""

    iri: str
    type: str  # Person | Organisation | Outlet | Place
    labels: frozenset[str]
    aliases: frozenset[str] = frozenset()
    anonymous: bool = False
    articles: frozenset[str] = frozenset()  # IRIs of the articles mentioning or citing it

    @property
    def label(self) -> str:
        """The longest label without stray brackets or quotes ("Hillary] Clinton" is a
        tokenising slip of "Hillary Clinton") and not in capitals ("HILLARY CLINTON", from
        a transcript) when another is; ties: alphabetical first."""
        if not self.labels:
            return self.iri
        return min(self.labels, key=lambda s: (bool(_STRAY.search(s)), _shouted(s), -len(s), s))


@dataclass(frozen=True, slots=True)
class Cluster:
    """Entities that denote one real entity; ``canonical`` is the representative IRI."""

    canonical: str
    label: str
    members: tuple[str, ...]  # sorted IRIs, canonical included
    aliases: tuple[str, ...]  # every other name any member is called by, sorted


class UnionFind:
    """Disjoint sets of strings; the root of a set is its smallest member (deterministic)."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self.parent: dict[str, str] = {i: i for i in items}

    def find(self, item: str) -> str:
        """The root of ``item``'s set (adds it as a singleton if new)."""
        parent = self.parent.setdefault(item, item)
        if parent == item:
            return item
        root = self.find(parent)
        self.parent[item] = root
        return root

    def union(self, a: str, b: str) -> None:
        """Merge the sets of ``a`` and ``b``."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo

    def groups(self) -> list[list[str]]:
        """Every set as a sorted list; sets sorted by their root."""
        out: dict[str, list[str]] = defaultdict(list)
        for item in sorted(self.parent):
            out[self.find(item)].append(item)
        return [out[k] for k in sorted(out)]


def _union_all(uf: UnionFind, items: Iterable[str]) -> None:
    first: str | None = None
    for item in items:
        if first is None:
            first = item
        else:
            uf.union(first, item)


def _merge_names(uf: UnionFind, ents: list[EntityRecord]) -> None:
    """Same label key; then aliases claimed by at most one full name."""
    by_label: dict[str, list[str]] = defaultdict(list)
    by_alias: dict[str, list[str]] = defaultdict(list)
    for ent in ents:
        for label in ent.labels:
            by_label[name_key(label)].append(ent.iri)
        for alias in ent.aliases - ent.labels:
            by_alias[name_key(alias)].append(ent.iri)
    for iris in by_label.values():
        _union_all(uf, iris)
    for key, claimers in sorted(by_alias.items()):
        if len({uf.find(i) for i in claimers}) == 1:
            _union_all(uf, [*claimers, *by_label.get(key, [])])


def _merge_acronyms(uf: UnionFind, ents: list[EntityRecord]) -> None:
    """An acronym-looking name joins the one cluster whose full name abbreviates to it."""
    expansions: dict[str, set[str]] = defaultdict(set)
    for ent in ents:
        for label in ent.labels | ent.aliases:
            if acronym_form(label):
                continue  # "U.N." is an acronym, not an expansion of one
            for form in acronyms(label):
                expansions[form].add(ent.iri)
    for ent in ents:
        for label in sorted(ent.labels | ent.aliases):
            short = acronym_form(label)
            targets = expansions.get(short or "", set())
            if len({uf.find(t) for t in targets}) == 1:
                uf.union(ent.iri, next(iter(targets)))


def _merge_suffixes(
    uf: UnionFind, agents: list[EntityRecord], places: Mapping[str, frozenset[str]]
) -> None:
    """A shorter name ending a longer one ("county sheriff's department" / "San Bernardino
    County Sheriff's Department") joins it when exactly one cluster's name qualifies and
    the two are named in articles that share a place."""
    keys = {e.iri: {name_key(n) for n in e.labels | e.aliases} for e in agents}
    by_iri = {e.iri: e for e in agents}
    ending: dict[str, set[str]] = defaultdict(set)  # k -> agents with a name ending " k"
    for iri, names in keys.items():
        for n in names:
            for k in word_endings(n):
                ending[k].add(iri)
    for ent in agents:
        shorts = {k for k in keys[ent.iri] if len(k.split()) >= _MIN_SUFFIX_WORDS}
        targets = {o for k in shorts for o in ending.get(k, ())} - {ent.iri}
        if len({uf.find(t) for t in targets}) == 1:
            target = min(targets)
            if _shared(ent, by_iri[target], places):
                uf.union(ent.iri, target)


def word_endings(name: str) -> list[str]:
    """Every ``k`` such that ``name`` ends with ``" " + k``: what follows each space
    ("san bernardino county" -> ["bernardino county", "county"])."""
    return [name[i + 1 :] for i, ch in enumerate(name) if ch == " "]


def _shared(a: EntityRecord, b: EntityRecord, places: Mapping[str, frozenset[str]]) -> bool:
    """Same article, or articles naming a common place."""
    if a.articles & b.articles:
        return True
    mine = frozenset().union(*(places.get(x, frozenset()) for x in a.articles))
    theirs = frozenset().union(*(places.get(x, frozenset()) for x in b.articles))
    return bool(mine & theirs)


def _context(uf: UnionFind, ents: list[EntityRecord], kind: str) -> dict[str, frozenset[str]]:
    """Article IRI -> clusters of type ``kind`` it names."""
    ctx: dict[str, set[str]] = defaultdict(set)
    for ent in ents:
        if ent.type == kind:
            for art in ent.articles:
                ctx[art].add(uf.find(ent.iri))
    return {k: frozenset(v) for k, v in ctx.items()}


def _merge_person_keys(uf: UnionFind, people: list[EntityRecord]) -> None:
    by_key: dict[object, list[str]] = defaultdict(list)
    for ent in people:
        for label in ent.labels | _own_full_names(ent):
            for key in (person_key(label), full_key(label)):
                if key is not None:
                    by_key[key].append(ent.iri)
    for iris in by_key.values():
        _union_all(uf, iris)


def _own_full_names(ent: EntityRecord) -> set[str]:
    """The entity's multi-word aliases that can be its own name: not one with another
    first name than its labels ("Ivanka Trump" beside "Donald Trump", "Richard Osman"
    beside "Alastair Osman": an article's surname coreference joined relatives, and
    keying on them would make a whole family one person across the store)."""
    firsts = {k[0] for k in map(person_key, ent.labels) if k is not None}
    out = set()
    for alias in ent.aliases:
        key = person_key(alias)
        if len(alias.split()) > 1 and (key is None or not firsts or key[0] in firsts):
            out.add(alias)
    return out


def _merge_surnames(
    uf: UnionFind, people: list[EntityRecord], org_context: Mapping[str, frozenset[str]]
) -> None:
    """A one-word person name joins the single full-name cluster it co-occurs with."""
    full: dict[str, set[str]] = defaultdict(set)  # surname skeleton -> full-name IRIs
    for ent in people:
        for label in ent.labels:
            key = person_key(label)
            if key is not None:
                full[key[1]].add(ent.iri)
    by_iri = {e.iri: e for e in people}
    for ent in people:
        if any(person_key(label) for label in ent.labels):
            continue
        keys = {surname_key(label) for label in ent.labels} - {None}
        targets = {t for k in keys for t in full.get(k or "", set())}
        if len({uf.find(t) for t in targets}) != 1:
            continue
        target = min(targets)
        if _co_occur(ent, [by_iri[t] for t in targets], org_context):
            uf.union(ent.iri, target)


def _co_occur(
    ent: EntityRecord, others: list[EntityRecord], org_context: Mapping[str, frozenset[str]]
) -> bool:
    """Same article, or articles that name a common organisation cluster."""
    their_articles = frozenset().union(*(o.articles for o in others))
    if ent.articles & their_articles:
        return True
    mine = frozenset().union(*(org_context.get(a, frozenset()) for a in ent.articles))
    theirs = frozenset().union(*(org_context.get(a, frozenset()) for a in their_articles))
    return bool(mine & theirs)


def _build(group: list[str], by_iri: Mapping[str, EntityRecord]) -> Cluster:
    members = [by_iri[i] for i in group]
    most = max(len(m.articles) for m in members)
    # named in the most articles: a headline fragment read as a name ("Ted Cruz Hints
    # Trump", once) must not stand for a name used everywhere; then the longest
    common = [m for m in members if 2 * len(m.articles) >= most]
    canon = min(common, key=lambda e: (-len(e.label), e.iri))
    names = {n for m in members for n in m.labels | m.aliases} - {canon.label}
    return Cluster(canon.iri, canon.label, tuple(group), tuple(sorted(names)))


def cluster_entities(entities: Iterable[EntityRecord]) -> list[Cluster]:
    """Group entities that denote one real-world entity; every entity is in one cluster."""
    ents = sorted(entities, key=lambda e: e.iri)
    by_iri = {e.iri: e for e in ents}
    uf = UnionFind(by_iri)
    named = [e for e in ents if not e.anonymous]
    agents = [e for e in named if e.type in _AGENT_TYPES]
    _merge_names(uf, agents)
    _merge_acronyms(uf, agents)
    _merge_names(uf, [e for e in named if e.type == "Place"])
    _merge_suffixes(uf, agents, _context(uf, named, "Place"))
    people = [e for e in named if e.type == "Person"]
    _merge_person_keys(uf, people)
    _merge_surnames(uf, people, _context(uf, agents, "Organisation"))
    return [_build(group, by_iri) for group in uf.groups()]
