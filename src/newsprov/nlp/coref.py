"""The entity table of one article and reference resolution over it.

A ``Cluster`` is one entity (canonical name, aliases, mentions); the ``EntityTable``
maps tokens to clusters and resolves the words that point back to an entity: pronouns
("he said" -> the last person), definite descriptions ("the monitor said" -> the last
named organisation, "the man" -> the last unnamed speaker) and unnamed speakers
("one resident" -> an anonymous entity ``anon/resident``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsprov.model import Entity, EntityType, TextSpan
from newsprov.outlets import OutletRegistry

from .aliases import lexicon, opens_with_given_name, person_matches, slugify
from .evidence import untagged_kind
from .organisers import organisers
from .patterns import is_event as is_event_name
from .sources import (
    affiliated_org,
    bare_source,
    describe_org,
    is_event,
    salient_org,
    source_lexicon,
)
from .speakers import salient_person, territorial_org
from .tokens import opens_sentence, token_texts

__all__ = ["Cluster", "EntityTable", "Mention", "outlet_entity"]

# residents and witnesses speak one by one even when the text groups them; other plural
# roles ("officials said") stay plural in the unnamed source's name
_PLURAL_ROLES = {"residents": "resident", "witnesses": "witness", "eyewitnesses": "witness"}
_NAME_POS = {"PROPN", "NOUN", "X"}
_DEFINITE = {"the", "this", "that"}
_INDEFINITE = {"a", "an", "one", "another", "some", "two", "three", "several", "many", "other"}


@dataclass(slots=True)
class Mention:
    """One naming of an entity: token span, char span, cleaned name, type."""

    start: int
    end: int
    start_char: int
    end_char: int
    name: str
    kind: EntityType
    outlet_id: str | None = None


@dataclass(slots=True)
class Cluster:
    """One entity of the article while the table is being built."""

    kind: EntityType
    name: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    outlet_id: str | None = None
    anonymous: bool = False
    role: str | None = None

    @property
    def key(self) -> str:
        """``person/rihab-kamel``, ``outlet/afp``, ``anon/resident`` (see the contract)."""
        if self.anonymous:
            return f"anon/{slugify(self.name.removeprefix('unnamed '))}"
        if self.kind is EntityType.OUTLET:
            return f"outlet/{self.outlet_id or slugify(self.name)}"
        return f"{self.kind.value.lower()}/{slugify(self.name)}"

    @classmethod
    def from_mentions(cls, kind: EntityType, mentions: list[Mention]) -> Cluster:
        """Canonical name: the most complete form (places: the most frequent form; people:
        a name opening with a given name, "Marco Rubio" over "Senators Rubio")."""
        counts = Counter(m.name for m in mentions)
        if kind is EntityType.PLACE:
            name = max(counts, key=lambda n: (counts[n], len(n)))
        elif kind is EntityType.PERSON:
            name = max(counts, key=lambda n: (opens_with_given_name(n), len(n.split()), len(n)))
        else:
            name = max(counts, key=lambda n: (len(n.split()), len(n)))
        cluster = cls(kind, name)
        cluster.add_mentions(mentions)
        return cluster

    def add_mentions(self, mentions: Iterable[Mention]) -> None:
        """Attach mentions; their names other than the canonical one become aliases."""
        for m in mentions:
            self.mentions.append(m)
            if m.name != self.name and m.name not in self.aliases:
                self.aliases.append(m.name)

    def forms(self) -> list[str]:
        """The canonical name and every alias."""
        return [self.name, *self.aliases]

    def to_entity(self) -> Entity:
        """The record for this cluster."""
        spans = sorted({(m.start_char, m.end_char) for m in self.mentions})
        return Entity(
            key=self.key,
            name=self.name,
            type=self.kind,
            aliases=tuple(self.aliases),
            mentions=tuple(TextSpan(s, e) for s, e in spans),
            anonymous=self.anonymous,
            role=self.role,
            outlet_id=self.outlet_id,
        )


def outlet_entity(name: str, outlet_id: str | None = None) -> Cluster:
    """An outlet cluster named as the registry names it (else as given)."""
    registry = OutletRegistry.default()
    outlet = registry.get(outlet_id) if outlet_id else registry.lookup(name)
    if outlet is None and "." in name:
        outlet = registry.by_domain(name)
    if outlet is None:
        return Cluster(EntityType.OUTLET, name.strip())
    cluster = Cluster(EntityType.OUTLET, outlet.name, outlet_id=outlet.id)
    if name.strip() and name.strip() != outlet.name:
        cluster.aliases.append(name.strip())
    return cluster


class EntityTable:
    """Entities of one Doc, looked up by token and resolved from references."""

    def __init__(self, doc: Doc, clusters: list[Cluster]) -> None:
        self.doc = doc
        self.clusters = clusters
        self._noted: list[tuple[int, Cluster]] = []
        self._reindex()

    def _reindex(self) -> None:
        self._tok: dict[int, Cluster] = {}
        starts: list[tuple[int, int]] = []
        for ci, c in enumerate(self.clusters):
            for m in c.mentions:
                for i in range(m.start, m.end):
                    self._tok[i] = c
                starts.append((m.start, ci))
        self._starts = sorted(starts)

    def rescan_aliases(self) -> None:
        """Add mentions where a known single-word form ("Kamel", "SOHR") appears untagged."""
        forms: dict[str, Cluster] = {}
        for c in self.clusters:
            for form in c.forms():
                if " " not in form and len(form) >= 3 and form[0].isupper():
                    forms.setdefault(form, c)
            if c.kind is EntityType.PERSON and " " in c.name:
                last = c.name.split()[-1].split("-")[-1]
                if len(last) >= 3 and person_matches(last, c.name):
                    forms.setdefault(last, c)
        for i, text in enumerate(token_texts(self.doc)):
            found = forms.get(text)
            if found is None:
                continue
            tok = self.doc[i]
            if tok.i not in self._tok and tok.pos_ in _NAME_POS:
                m = Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), tok.text, found.kind)
                found.add_mentions([m])
        self._reindex()

    def note_source(self, i: int, cluster: Cluster) -> None:
        """Record that token ``i`` cites ``cluster`` as a source ("the agency said" later
        points back at the organisation cited last)."""
        if not self._noted or self._noted[-1] != (i, cluster):
            self._noted.append((i, cluster))

    def noted_sources(self) -> list[tuple[int, Cluster]]:
        """(token, cluster) of every source cited so far, in the order noted."""
        return sorted(self._noted, key=lambda x: x[0])

    def is_event(self, cluster: Cluster) -> bool:
        """A named event ("the Sawtooth Fire"): never a source."""
        return is_event(self, cluster)

    def named_at(self, tok: Token) -> Cluster | None:
        """The named entity at a token or its compounds/apposition (no description)."""
        return self._named(tok)

    def apposed_to(self, tok: Token) -> Cluster | None:
        """The named person or body a role is set beside: "Steven Warren, a military
        spokesman in Baghdad, said", "Nate Silver, the polling guru who founded X tweeted";
        not "in an interview with Ann Lee, the candidate said", where the parse hung a new
        subject on a name the role does not close off."""
        if tok.dep_ != "appos":
            return None
        after = tok.right_edge.i + 1
        closed = after < len(self.doc) and self.doc[after].text == ","
        if not closed and tok.head.dep_ in {"pobj", "conj", "dobj", "dative"}:
            return None
        found = self.at(tok.head.i)
        if found is None or found.anonymous:
            return None
        if tok.pos_ == "PROPN" and found.kind is EntityType.PERSON:
            return None  # "Ted Cruz, Rafael Cruz": a name beside a person's is no role of theirs
        return found if found.kind in {EntityType.PERSON, EntityType.ORGANISATION} else None

    def at(self, i: int) -> Cluster | None:
        """The entity named at token ``i``."""
        return self._tok.get(i)

    def in_tokens(self, start: int, end: int) -> list[Cluster]:
        """Entities named in tokens [start, end), in text order, without repeats."""
        seen: list[Cluster] = []
        for i in range(start, end):
            c = self._tok.get(i)
            if c is not None and all(c is not s for s in seen):
                seen.append(c)
        return seen

    def get(self, key: str | None) -> Cluster | None:
        """The cluster whose key is ``key``."""
        return next((c for c in self.clusters if c.key == key), None)

    def last_before(
        self, i: int, kinds: set[EntityType], *, named: bool = True, single: bool = False
    ) -> Cluster | None:
        """The entity of one of ``kinds`` named last before token ``i``; with ``single``,
        no unnamed group ("he" is none of "police officials")."""
        pos = bisect_left(self._starts, (i, -1))
        for start, ci in reversed(self._starts[:pos]):
            c = self.clusters[ci]
            if single and c.anonymous and is_group(c):
                continue
            if c.kind in kinds and (not named or not c.anonymous) and start < i:
                return c
        return None

    def _last_anonymous_before(self, i: int, role: str | None = None) -> Cluster | None:
        """The unnamed person (of ``role``, if given) referred to last before token ``i``."""
        pos = bisect_left(self._starts, (i, -1))
        for _, ci in reversed(self._starts[:pos]):
            c = self.clusters[ci]
            if c.anonymous and c.kind is EntityType.PERSON and role in {None, c.role}:
                return c
        return None

    def anonymous(
        self,
        role: str,
        tok: Token | None = None,
        kind: EntityType = EntityType.PERSON,
        name: str | None = None,
    ) -> Cluster:
        """The anonymous entity ``anon/<role>`` ("unnamed resident"), created on demand;
        ``tok`` records where it is referred to, so pronouns can find it."""
        role = _PLURAL_ROLES.get(role, role)
        name = name or f"unnamed {role}"
        found = next((c for c in self.clusters if c.anonymous and c.name == name), None)
        if found is None:
            found = Cluster(kind, name, anonymous=True, role=role)
            self.clusters.append(found)
        if tok is not None and tok.i not in self._tok:
            found.mentions.append(
                Mention(tok.i, tok.i + 1, tok.idx, tok.idx + len(tok), name, kind)
            )
            self._reindex()
        return found

    def add_organisation(self, start: int, end: int) -> Cluster:
        """A new organisation named by tokens [start, end); mentions of other entities
        inside it are taken over ("Victoria" in "Emergency Management Victoria")."""
        span = self.doc[start:end]
        emptied = []
        for c in self.clusters:
            kept = [m for m in c.mentions if m.end <= start or m.start >= end]
            if c.mentions and not kept:
                emptied.append(c)
            c.mentions = kept
        self.clusters = [c for c in self.clusters if all(c is not e for e in emptied)]
        m = Mention(start, end, span.start_char, span.end_char, span.text, EntityType.ORGANISATION)
        cluster = Cluster.from_mentions(EntityType.ORGANISATION, [m])
        self.clusters.append(cluster)
        self._reindex()
        return cluster

    def outlet(self, name: str) -> Cluster:
        """The outlet called ``name`` (publisher, wire), added when not mentioned."""
        fresh = outlet_entity(name)
        for c in self.clusters:
            if c.kind is EntityType.OUTLET and c.key == fresh.key:
                return c
        self.clusters.append(fresh)
        return fresh

    def entities(self) -> tuple[Entity, ...]:
        """Records for every entity, merged by key."""
        merged: dict[str, Entity] = {}
        for c in self.clusters:
            ent = c.to_entity()
            if ent.key in merged:
                ent = _merge(merged[ent.key], ent)
            merged[ent.key] = ent
        return tuple(merged.values())

    def resolve(self, tok: Token) -> Cluster | None:
        """The entity a subject/object token names or refers to (see module docstring)."""
        direct = self._named(tok)
        if direct is not None:
            return direct
        lex = lexicon()
        low = tok.lower_
        if low in lex.pronouns_person:
            found = salient_person(self, tok)
            return found or self.last_before(tok.i, {EntityType.PERSON}, named=False, single=True)
        if low in lex.pronouns_org:
            return salient_org(self, tok) or self.last_before(tok.i, {EntityType.ORGANISATION})
        if low in source_lexicon().organiser_nouns:
            return organisers(self, tok)
        bare = bare_source(self, tok)
        if bare is not None:
            return bare
        found = affiliated_org(self, tok) or self._name_part(tok) or self._proper_name(tok)
        return found or self._nominal(tok)

    def _name_part(self, tok: Token) -> Cluster | None:
        """An untagged proper noun that is a shorter form of exactly one person named in
        the article ("Rosli said" after "police chief Datuk Rosli Hashim")."""
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or len(tok) < 3:
            return None
        if any(c.dep_ in {"compound", "flat"} for c in tok.children):
            return None
        people = [
            c
            for c in self.clusters
            if c.kind is EntityType.PERSON
            and not c.anonymous
            and any(person_matches(tok.text, form) for form in c.forms())
        ]
        return people[0] if len(people) == 1 else None

    def _proper_name(self, tok: Token) -> Cluster | None:
        """An untagged run of capitalised proper nouns heading a speaker phrase: an
        organisation when it ends in an organisation noun ("the Climate Coalition"),
        else a person the model missed ("Samir Haidar said"); never an event ("the
        Sawtooth Fire", "Creek Fire")."""
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            return None
        the = any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        if the and tok.lower_ in source_lexicon().event_heads:
            return None
        lex = lexicon()
        words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        words = [w for w in words if w.text[:1].isupper() and w.lower_ not in lex.titles]
        if not words or any(self.at(w.i) for w in words) or lex.demonyms & {tok.lower_}:
            return None
        start = min(w.i for w in words)
        span = self.doc[start : tok.i + 1]
        if tok.lower_ in source_lexicon().event_heads and span.text not in lex.known_orgs:
            return None  # "Creek Fire is one of dozens of fires": an event's name
        if is_event_name(span):
            return None  # "the record set by Hurricane Gloria"
        known = self._named_shorter(span.text)
        if known is not None:
            return known  # "Red Cross says …" in a headline: the Philippine Red Cross
        kind = untagged_kind(self.doc, start, tok.i + 1, tok.lower_ in lex.org_nouns)
        if kind is EntityType.PERSON and not all(t.is_alpha or t.text == "-" for t in span):
            return None
        m = Mention(start, tok.i + 1, span.start_char, span.end_char, span.text, kind)
        cluster = Cluster.from_mentions(kind, [m])
        self.clusters.append(cluster)
        self._reindex()
        return cluster

    def _named_shorter(self, text: str) -> Cluster | None:
        """The one organisation or person named in full elsewhere in the article whose
        name is ``text`` or ends with it ("Red Cross" of "Philippine Red Cross")."""
        found = [
            c
            for c in self.clusters
            if c.kind in {EntityType.ORGANISATION, EntityType.PERSON}
            and not c.anonymous
            and any(f == text or f.endswith(" " + text) for f in c.forms())
        ]
        return found[0] if len(found) == 1 else None

    def _named(self, tok: Token) -> Cluster | None:
        """Entity at the token, an apposition ("its founder, X"; a named person wins over
        the organisation modifying the role: "CFA chief officer Karen Boyle") or its
        compounds, unless the token is a person role ("a CFA volunteer" is a volunteer,
        not the CFA). A place heading a run of other capitalised words is an organisation
        named after it ("Emergency Management Victoria")."""
        c = self.at(tok.i)
        if c is not None:
            return territorial_org(self, tok, c) or c
        for child in tok.children:
            if child.dep_ == "appos" and self.at(child.i) is not None:
                return self.at(child.i)
        apposed = self.apposed_to(tok)
        if apposed is not None:
            return apposed
        lemma = (tok.lemma_ or tok.lower_).lower()
        if lemma in lexicon().person_nouns:
            return None
        named = [c for c in tok.children if c.dep_ in {"compound", "flat", "nmod"} and self.at(c.i)]
        if named and lemma in lexicon().org_nouns and _sub_body(tok, self):
            return None  # "the UN human rights office": a body of the UN, described
        return self.at(named[0].i) if named else None

    def described(self, tok: Token) -> Cluster | None:
        """The entity a description names: "the monitor" -> a named organisation, "a
        spokeswoman for the committee" -> ``anon/spokeswoman`` named with its tie."""
        return self._nominal(tok)

    def _nominal(self, tok: Token) -> Cluster | None:
        """Resolve a description: "the monitor" -> a named organisation, "the Israeli
        military" -> an anonymous organisation, "one resident" -> an anonymous person."""
        lex = lexicon()
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        lemma = (tok.lemma_ or tok.lower_).lower()
        dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "nummod", "poss", "amod"}}
        if lemma in lex.org_nouns:
            definite = bool(dets & _DEFINITE) or any(c.dep_ == "poss" for c in tok.children)
            return describe_org(self, tok, lemma, definite)
        role = _PLURAL_ROLES.get(tok.lower_, lemma)
        if role in lex.person_nouns:
            earlier = self._last_anonymous_before(tok.i)
            agrees = earlier is not None and not (tok.tag_ == "NN" and is_group(earlier))
            if dets & _DEFINITE and agrees and role in _GENERIC_PEOPLE:
                return earlier  # "the man", not after "officials" only
            plural = tok.tag_ == "NNS" and tok.lower_ not in _PLURAL_ROLES and tok.lower_ != role
            word = tok.lower_ if plural else role
            tie = self._affiliation(tok)
            qualifier = _qualifier(tok, owner=tie is None)
            qualified = " ".join(filter(None, ("unnamed", qualifier, word, tie)))
            if tie is not None:  # "a spokesman for Ann Lee": not any spokesman
                return self.anonymous(role, tok, name=qualified)
            if dets & _DEFINITE:  # "the spokesman": the one described before, unless
                same = self._last_anonymous_before(tok.i, role)  # described otherwise
                if same is not None and (qualifier is None or qualifier in same.name):
                    return same
            if qualified != f"unnamed {word}":  # "a Democratic source", "state officials"
                return self.anonymous(role, tok, name=qualified)
            return self.anonymous(role, tok, name=f"unnamed {word}" if plural else None)
        return None

    def _affiliation(self, tok: Token) -> str | None:
        """Whom an unnamed person is tied to, as written ("for Ann Lee", "close to the
        Lees", "to the governor", "Ann Lee's doctor"), when that names an entity of the table."""
        for child in tok.lefts:
            if child.dep_ == "poss":
                found = self.named_at(child)
                if found is None and child.lower_ in {"its", "their"}:
                    found = salient_org(self, child)  # "its director": the body's
                if found is not None and not found.anonymous and found.kind is not EntityType.PLACE:
                    return f"of {found.name}"
        for child in tok.rights:
            prep = child
            if child.dep_ == "amod" and child.lower_ in _TIE_ADJECTIVES:  # "close to X"
                prep = next((c for c in child.children if c.dep_ == "prep"), child)
            if prep.dep_ != "prep" or prep.lower_ not in _TIE_PREPS:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            found = self.named_at(obj)
            if found is None or found.anonymous or found.kind is EntityType.PLACE:
                continue
            words = self.doc[child.i : obj.right_edge.i + 1]
            if len(words) <= _TIE_WORDS and not any(t.is_punct for t in words):
                return words.text
        return None


_QUALIFYING = {"amod", "compound", "nmod"}


def _sub_body(tok: Token, table: EntityTable) -> bool:
    """Does an organisation noun after a named body have words of its own between them
    ("the UN human rights office", not "the UN agency")?"""
    return any(
        c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "ADJ"} and table.at(c.i) is None
        for c in tok.lefts
    )


def _qualifier(tok: Token, owner: bool = False) -> str | None:
    """The words before an unnamed person's role that say who they are, as written: "a
    New York businessman", "one Democratic source", "federal and state officials"; with
    ``owner``, a possessor too ("Myanmar's foreign minister", "the eastern government's
    health minister"); quantities and vague words are not part of it ("several other
    officials")."""
    vague = lexicon().vague_qualifiers
    kept = [
        c
        for c in tok.lefts
        if c.lower_ not in vague
        and (c.dep_ in _QUALIFYING or (owner and c.dep_ == "poss" and c.pos_ in {"NOUN", "PROPN"}))
    ]
    if not kept:
        return None
    start = kept[0].left_edge.i
    while start < tok.i and tok.doc[start].dep_ == "det":
        start += 1  # "the eastern government's": no article
    words = tok.doc[start : tok.i]
    possessive = {"'s", "’s"}
    plain = all(t.is_alpha or t.text == "-" or t.lower_ in possessive for t in words)
    if not words or not plain or words[0].lower_ in vague:
        return None
    text = words.text
    first = words[0]  # "Federal and state officials", not "Chinese officials"
    named = first.ent_type_ or first.lower_ in lexicon().demonyms
    if opens_sentence(first) and first.pos_ in {"ADJ", "NOUN"} and not named:
        text = text[0].lower() + text[1:]
    return text


# "the man" / "the woman" point back at the last unnamed speaker; a definite "the
# resident" does too, but "the doctor" may be someone new, so only generic words qualify.
def is_group(cluster: Cluster) -> bool:
    """Is an unnamed group named in the plural ("unnamed local officials")?"""
    last = cluster.name.split()[-1]
    return last.islower() and last.endswith("s") and last != cluster.role


_GENERIC_PEOPLE = {"man", "woman", "resident", "witness", "person", "survivor", "villager"}
# an unnamed person's tie to a named entity, kept in its name ("a spokesman for X")
_TIE_PREPS = {"for", "to", "at", "with", "from"}
_TIE_ADJECTIVES = {"close"}
_TIE_WORDS = 6


def _merge(a: Entity, b: Entity) -> Entity:
    aliases = tuple(x for x in dict.fromkeys([*a.aliases, b.name, *b.aliases]) if x != a.name)
    mentions = tuple(sorted(set(a.mentions) | set(b.mentions), key=lambda s: (s.start, s.end)))
    return Entity(a.key, a.name, a.type, aliases, mentions, a.anonymous, a.role, a.outlet_id)
