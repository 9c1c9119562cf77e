"""Speaker fallbacks for quotations when the parse or the entity table falls short.

* "“…,” Clara Hennig, the agency's head of office, told Reuters." parsed with no subject of
  "told": the named person (else organisation) between the closing mark and the verb
  speaks (``named_before_verb``);
* "Regmi said" when the model missed "chairperson Hari Prasad Regmi" earlier: the earlier
  full name is resolved and speaks (``unresolved_person``);
* "Almaz, a 34-year-old onion seller, said …": a lone capitalised name described by an
  apposition is a person the model missed (``unresolved_person``);
* "A trader who gave only his first name, Abebe, said" names the unnamed trader
  (``named_in_subject``);
* "Civil Defense spokesperson Maria Ocampo told Reuters": the person speaking for the
  organisation modifying her role speaks, not the organisation (``person_for_org``);
* "a rescuer from the fire bureau told Rappler": an unnamed member keeps speaking as
  an unnamed member, not as the organisation the parse attached (``unnamed_member``);
* "The head of the brigade in Lisbon, Rui Costa, said … “…,” he told Lusa": the unnamed
  role a pronoun resolved to is named by its apposition (``named_by_apposition``);
* "the institute's head, Yun Da-eun," tagged only as "Yun": the speaker is the full
  name, the hyphenated given name joined back on (``completed_name``);
* "“…,” said Sydykova. “…,” she said": a lone surname the model typed as an
  organisation is a person a pronoun can point back to (``speaks_as_person``);
* "Protesters chanted “…”", "placards reading “…”": a chant or slogan belongs to the
  group that chanted or carried it (``chanted_by``).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsprov.model import EntityType

from .aliases import lexicon
from .coref import Cluster, EntityTable, Mention
from .evidence import given_name_end

__all__ = [
    "chanted_by",
    "completed_name",
    "named_before_verb",
    "named_by_apposition",
    "named_in_subject",
    "person_for_org",
    "speaks_as_person",
    "unnamed_member",
    "unresolved_person",
]

_SPEAKER_KINDS = (EntityType.PERSON, EntityType.ORGANISATION)
_NAME_NOUNS = {"name", "names"}
_INDEFINITE = {"a", "an", "one", "another"}
_CROWD = "protesters"
# Words that make the quotation a chant or a written slogan rather than speech.
_CHANT_WORDS = {"chant", "shout", "sing", "yell", "scream", "placard", "banner", "sign", "slogan"}


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


def person_for_org(table: EntityTable, subj: Token, found: Cluster | None) -> Cluster | None:
    """A named person in the subject phrase, next to a person role, speaks rather than the
    organisation ``found`` ("Civil Defense spokesperson Maria Ocampo told Reuters")."""
    if found is None or found.kind is not EntityType.ORGANISATION:
        return found
    nouns = lexicon().person_nouns
    subtree = list(subj.subtree)
    if not any((t.lemma_ or t.lower_).lower() in nouns for t in subtree):
        return found
    for tok in subtree:
        named = table.at(tok.i)
        if named is not None and named.kind is EntityType.PERSON and not named.anonymous:
            return named
    return found


def unnamed_member(table: EntityTable, subj: Token, found: Cluster | None) -> Cluster | None:
    """ "a rescuer from the fire bureau said": the unnamed rescuer speaks, not the
    organisation the figure rules would credit; named subjects are left to ``found``."""
    if found is None or found.kind is EntityType.PERSON or table.at(subj.i) is not None:
        return found
    role = (subj.lemma_ or subj.lower_).lower()
    dets = {c.lower_ for c in subj.children if c.dep_ in {"det", "nummod"}}
    if subj.pos_ != "NOUN" or role not in lexicon().person_nouns or not dets & _INDEFINITE:
        return found
    return table.described(subj) or table.anonymous(role, subj)


def named_by_apposition(table: EntityTable, found: Cluster | None) -> Cluster | None:
    """The named person an apposition gives an unnamed role ("The commander of the
    brigade in Lisbon, Rui Costa, said"): a pronoun resolved to the role means him."""
    if found is None or not found.anonymous or found.kind is not EntityType.PERSON:
        return found
    doc = table.doc
    for m in found.mentions:
        for tok in doc[m.start].subtree:
            named = table.at(tok.i) if tok.dep_ == "appos" else None
            if named is not None and named.kind is EntityType.PERSON and not named.anonymous:
                return named
    return found


def chanted_by(table: EntityTable, mark: Token) -> Cluster | None:
    """The group that chanted or carried the words opening at ``mark`` ("Protesters
    chanted “…”", "carried placards reading “…”"): its named entity, else an unnamed
    group named by its plural noun ("unnamed protesters"); None for other quotations."""
    chant = False
    for tok in mark.ancestors:
        chant = chant or (tok.lemma_ or tok.lower_).lower() in _CHANT_WORDS
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None and tok.dep_ == "conj":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        if not chant:
            return None
        named = table.resolve(subj)
        group = named is None or (named.anonymous and named.kind is EntityType.PERSON)
        if subj.tag_ != "NNS" or not group:
            return named
        # a crowd named by its members' role ("Farmers chanted") is that role; one named by
        # its size or by a singular ("Thousands of farmers, students and …") is protesters
        role = subj.lower_ if _person_plural(subj) else _CROWD
        return table.anonymous(role, subj, name=f"unnamed {role}")
    return None


def _person_plural(tok: Token) -> bool:
    return tok.tag_ == "NNS" and (tok.lemma_ or tok.lower_).lower() in lexicon().person_nouns


def completed_name(table: EntityTable, found: Cluster | None) -> Cluster | None:
    """The full name of a person whose tagged name stops before a hyphenated given name
    written straight after it ("Yun" of "Yun Da-eun"): a person cluster for the full
    name (the shorter one stays, since figures may already credit it); else ``found``."""
    if found is None or found.anonymous or found.kind is not EntityType.PERSON:
        return found
    doc = table.doc
    for m in found.mentions:
        end = given_name_end(doc[m.start : m.end][-1])
        if end is None:
            continue
        span = doc[m.start : end]
        same = next((c for c in table.clusters if c.name == span.text), None)
        if same is not None and same.kind is EntityType.PERSON:
            return same
        mention = Mention(m.start, end, span.start_char, span.end_char, span.text, found.kind)
        cluster = Cluster.from_mentions(EntityType.PERSON, [mention])
        table.clusters.append(cluster)
        table.rescan_aliases()
        return cluster
    return found


def speaks_as_person(cluster: Cluster) -> bool:
    """A person, or a lone surname the model typed as an organisation ("said Sydykova"):
    one capitalised word, not an acronym and not an organisation noun."""
    if cluster.kind is EntityType.PERSON:
        return True
    name = cluster.name
    return (
        cluster.kind is EntityType.ORGANISATION
        and not cluster.anonymous
        and name.isalpha()
        and name[:1].isupper()
        and not name.isupper()
        and name.lower() not in lexicon().org_nouns
    )
