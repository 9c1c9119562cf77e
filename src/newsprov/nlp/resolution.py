"""Source resolution: the entity each attribution's source span names or refers to.

The article's ``EntityTable`` resolves the span's head token (names, pronouns,
descriptions such as "the monitor" or "a spokesman for X", affiliations). A source the
table cannot resolve is still a source: a capitalised name becomes a person (or an
organisation when its last word is an organisation noun), a description becomes an
unnamed entity named by its own words ("the ad's narrator", "Indiana governor"). An
outlet that is the only speaker is the via ("…, the Associated Press reported"); the
outlet a source spoke to ("told AFP") is the via too; the publisher is never a via.

The result is an immutable tuple of ``Resolved`` (entity keys), one per attribution;
later steps only read it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from newsprov.model import EntityType

from .aliases import is_role_word, lexicon
from .attributions import AttributionSpan
from .boundaries import doc_text
from .coref import Cluster, EntityTable, Mention
from .cues import CueLexicon, load_cues
from .evidence import untagged_kind
from .numbers import is_date_word
from .org_phrases import placed_org
from .patterns import patterns
from .sources import salient_org
from .subjects import subject_of
from .tokens import opens_sentence

__all__ = ["Resolved", "closing_name", "resolve_sources"]

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "some", "one"}
_NAME_MAX = 5
_PLACES_SPEAK = {"verb", "intent", "clause", "carry", "dash", "transcript"}
_DOCUMENT_MODIFIERS = frozenset({"prep", "acl", "relcl"})  # phrases that tell a document apart
_DOCUMENT_WORDS = 10
_BODY_PRONOUNS = {"its", "their"}


@dataclass(frozen=True, slots=True)
class Resolved:
    """The entity keys of one attribution: who the source is, which outlet relayed it."""

    source: str | None = None
    via: str | None = None
    named: bool = False  # the source has a name (not "unnamed resident", "the announcer")




def resolve_sources(
    doc: Doc,
    table: EntityTable,
    found: Sequence[AttributionSpan],
    publisher: str | None,
    cues: CueLexicon,
    only: Collection[int] | None = None,
) -> tuple[Resolved, ...]:
    """One ``Resolved`` per attribution, in the same order; with ``only``, the others stay
    unresolved (empty)."""
    return tuple(
        _resolve(doc, table, a, publisher, cues) if only is None or k in only else Resolved()
        for k, a in enumerate(found)
    )


def _resolve(
    doc: Doc, table: EntityTable, a: AttributionSpan, publisher: str | None, cues: CueLexicon
) -> Resolved:
    source = None
    if a.source is not None and not _place_tallied(doc, a, cues):
        span = doc[a.source[0] : a.source[1]]
        cue = a.cue[0] if a.cue[0] >= a.source[1] else len(doc)
        source = _entity(table, span, cues, stop=cue)
        if source is not None and source.kind is EntityType.PLACE:
            source = _speaking_place(table, span, source, a.kind in _PLACES_SPEAK)
    via = None
    if a.via is not None:
        via = _entity(table, doc[a.via[0] : a.via[1]], cues, create=False)
    if via is not None and via.kind is not EntityType.OUTLET:
        via = None
    if source is not None and source.kind is EntityType.OUTLET:
        source, via = (None, source) if via is None else (None, via)
    via_key = via.key if via is not None and via.key != publisher else None
    named = source is not None and not source.anonymous
    return Resolved(source.key if source is not None else None, via_key, named)


def _place_tallied(doc: Doc, a: AttributionSpan, cues: CueLexicon) -> bool:
    """Is the source a place described as one ("the city of Banyas", "the village") with a
    tally's verb ("recorded 60 deaths")? That is where the count happened, not who made it."""
    if a.source is None or a.kind != "verb" or doc[a.cue[0]].lemma_.lower() not in cues.tally_verbs:
        return False
    head = doc[a.source[0] : a.source[1]].root
    return head.lower_ in patterns().place_appos and head.pos_ == "NOUN"


def _speaking_place(
    table: EntityTable, span: Span, place: Cluster, as_subject: bool
) -> Cluster | None:
    """A place speaks only when nobody else in the span does: a person or organisation
    the span also names speaks ("Tulsa police Chief Chuck Jordan"); else the place does:
    a person the model typed as a place ("DuVernay explained"), a country speaking for
    its state ("Russia said"), but only as the subject of a cue: "according to Kenya"
    names a place, not a source."""
    for tok in span:
        named = table.at(tok.i)
        if named is not None and named.kind in {EntityType.PERSON, EntityType.ORGANISATION}:
            return named
    return place if as_subject else None


def _entity(
    table: EntityTable, span: Span, cues: CueLexicon, *, create: bool = True, stop: int = -1
) -> Cluster | None:
    """The entity the span names (see the module docstring); a span holding a number
    is what was counted, not who counted."""
    counted = any(t.like_num and t.text[:1].isdigit() and t.ent_type_ != "DATE" for t in span)
    if not len(span) or counted:  # a year is no count: "a 2014 examination by X"
        return None
    head = _group(span.root, cues)
    found = _called(table, head) or _apposed(table, head) or table.resolve(head)
    if found is not None and found.kind is EntityType.PLACE and create:
        found = placed_org(table, head) or found  # "Gaza ministry says": the place's body
    if found is not None and (found.kind is not EntityType.PERSON or found.anonymous):
        found = closing_name(table, span) or found  # "local official in X state Ann Lee"
    document = cues.is_document(head.lemma_.lower(), head.lower_)
    if found is not None and found.kind is EntityType.PLACE and document and create:
        found = None  # "New Hampshire surveys": the place is the survey's scope
    if found is not None or not create or head.pos_ == "PRON":
        return found
    if is_role_word(head.lower_):
        found = closing_name(table, span)  # "The head of X's Earthquake Centre, Raed Ahmed"
        if found is not None:
            return found
    for tok in span:
        named = table.at(tok.i)
        if named is not None and named.kind is not EntityType.PLACE:
            return named
    owner = _owner(head, span, cues)
    found = _entity(table, owner, cues, stop=stop) if owner is not None else None
    if found is not None and found.kind is not EntityType.PLACE:
        return found  # a place titling a document names its scope ("New Hampshire surveys")
    words = [t for t in span if not (t.is_punct or t.is_space) and t.lower_ not in _DETERMINERS]
    if not words:
        return None
    if _is_name(head):
        return _named(table, _capitalised_run(words, head))
    lex = lexicon()
    lemma = head.lemma_.lower()
    speaks = lemma in lex.person_nouns or lemma in lex.org_nouns or head.lower_ in lex.person_nouns
    if head.pos_ in {"NOUN", "PROPN"} and (speaks or cues.names_speaker(lemma, head.lower_)):
        issuer = _issuer(table, head) if cues.is_document(lemma, head.lower_) else None
        if issuer is not None:
            return issuer
        if cues.is_document(lemma, head.lower_):
            words = _document_words(words, head, stop)
        name = _owned_name(table, head, words) or _joined(words)
        return table.anonymous(head.lemma_.lower(), head, name=name)
    return None


_ISSUER_WINDOW = 400  # tokens back in which "the statement" finds the one it repeats


def _issuer(table: EntityTable, head: Token) -> Cluster | None:
    """Who issued "the statement" the text names again: the named subject of the cue
    that last gave one ("X said in a statement …" … "said the statement")."""
    if [c.lower_ for c in head.children] != ["the"]:
        return None  # "the ministry's statement", "the new report": named by its words
    doc, cues = head.doc, load_cues()
    for tok in reversed(doc[max(0, head.i - _ISSUER_WINDOW) : head.i]):
        if tok.lemma_ != head.lemma_:
            continue
        prep, verb = tok.head, tok.head.head
        given = tok.dep_ == "pobj" and prep.lower_ == "in"
        if not (given and cues.is_cue_verb(verb.lemma_, verb.lower_)):
            if any(c.lower_ == "the" for c in tok.children):
                continue  # named again before: look further back
            return None  # the last one named was not given by a speaker ("in a statement")
        subj = subject_of(verb)
        found = table.resolve(subj) if subj is not None else None
        if found is None or found.anonymous or found.kind is EntityType.PLACE:
            return None
        return found
    return None


def closing_name(table: EntityTable, span: Span) -> Cluster | None:
    """The person a source phrase ends with, after the noun of their role or set beside
    it, who speaks for the body it names first ("Office of Civil Defense spokesperson
    Raffy Olarte-Banzon", "His partner at Lenox, Lawrence Cummings", "Chairman of the
    Election Commission of Ruritania Ivo Marek"; not "one of the prosecutors for David
    Petraeus", nor "Clinton's campaign")."""
    words = [t for t in span if not (t.is_punct or t.is_space)]
    named = table.at(words[-1].i) if words else None
    if named is None or named.kind is not EntityType.PERSON:
        return None
    first = next((m.start for m in named.mentions if m.start <= words[-1].i < m.end), None)
    before = span.doc[first - 1] if first is not None and first > span.start else None
    role = before is not None and (before.pos_ == "NOUN" or before.text == ",")
    # "Chairman of the Central Election Commission of Turkmenistan X": the name right after
    # the body's name the role's phrase ends in
    titled = before is not None and before.pos_ == "PROPN" and is_role_word(span.root.lower_)
    return named if role or titled else None  # "spokesperson X", "his partner at Lenox, X"


def _group(head: Token, cues: CueLexicon) -> Token:
    """The noun of a counted group: "dozens of members of his party" are members, "some
    of the club's homeowners" homeowners."""
    if head.lower_ not in cues.quantity_heads:
        return head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None and obj.pos_ in {"NOUN", "PROPN"} else head


def _called(table: EntityTable, head: Token) -> Cluster | None:
    """The name a description is given: "the program, called EB-5," "a group known as
    the Lions' Den" is that entity, not whatever "the program" would point back to."""
    for acl in head.rights:
        naming = acl.lemma_ in patterns().naming_verbs
        if acl.dep_ != "acl" or acl.tag_ != "VBN" or not naming:
            continue
        for tok in acl.subtree:
            found = table.at(tok.i) if tok.i != acl.i else None
            if found is not None and found.kind is not EntityType.PLACE:
                return found
    return None


def _apposed(table: EntityTable, head: Token) -> Cluster | None:
    """The name set beside a description: "the presumptive nominee, Donald Trump,"."""
    for appos in head.children:
        if appos.dep_ != "appos":
            continue
        named = table.at(appos.i)
        if named is not None and named.kind in {EntityType.PERSON, EntityType.ORGANISATION}:
            return named
    return None


def _owned_name(table: EntityTable, head: Token, words: list[Token]) -> str | None:
    """ "its director" named by the body "its" stands for: "director of the Lund
    Institute" (the body cited last before it)."""
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in _BODY_PRONOUNS), None)
    if poss is None:
        return None
    body = salient_org(table, poss)
    if body is None:
        return None
    own = _joined([t for t in words if t.i != poss.i])
    return f"{own} of {body.name}"


def _joined(words: list[Token]) -> str:
    """Words as written: a space where the text has one or a word was left out
    ("Monday night's results", not "Monday night 's results")."""
    out = ""
    for k, t in enumerate(words):
        if k and (words[k - 1].whitespace_ or words[k - 1].i + 1 != t.i):
            out += " "
        out += t.text
    return out


def _document_words(words: list[Token], head: Token, stop: int = -1) -> list[Token]:
    """An unnamed document is named with what tells it apart: its own words and the
    phrases after it (past the source span, which stops at them) up to the first comma
    ("polls taken in December", "the exit polls in New Hampshire", "a memo released
    Friday"), not a clause about it, nor its cue (``stop``: "files from the vendor show
    that …", the cue read as a noun)."""
    out = [t for t in words if t.i <= head.i]
    for c in head.rights:
        if c.is_punct or c.is_space:
            break
        if c.dep_ not in _DOCUMENT_MODIFIERS:
            continue
        run = list(c.subtree)
        if stop >= 0 and run[-1].i >= stop:  # the phrase runs into the cue
            if c.dep_ == "prep":  # "files from the vendor [show]"; not "documents that [showed]"
                out += [t for t in run if t.i < stop]
            break
        if any(t.is_punct or t.is_space for t in run) or len(out) + len(run) > _DOCUMENT_WORDS:
            break
        out += run
    return out


def _is_name(tok: Token) -> bool:
    """A word written as a name: a proper noun, or a capitalised word the tagger took for
    a common noun or adjective away from the sentence start ("according to
    RealClearPolitics", "polling by the A.F.L.-C.I.O.")."""
    if not tok.text[:1].isupper() or tok.lower_ in _DETERMINERS:
        return False
    return tok.pos_ == "PROPN" or (tok.pos_ in {"NOUN", "ADJ"} and not opens_sentence(tok))


def _styled(word: str) -> bool:
    """A one-word name styled as a brand or acronym, never a person's ("AFL-CIO",
    "RealClearPolitics"; not "McCain" or "DeSantis")."""
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True
    return sum(c.isupper() for c in word[1:]) >= 2


def _owner(head: Token, span: Span, cues: CueLexicon) -> Span | None:
    """Who speaks through a document or finding: its possessor ("the secretary of state's
    website"), its author ("polling by the A.F.L.-C.I.O.", "an examination by the Better
    Government Association", "a memo released Friday by the inspector general"), who
    issued it ("the council issued a statement calling …"), or the name it is titled with
    ("the RealClearPolitics average", "a Gallup poll")."""
    lemma = head.lemma_.lower()
    if head.pos_ not in {"NOUN", "PROPN", "ADJ"} or lemma in lexicon().person_nouns:
        return None
    document = cues.is_document(lemma, head.lower_)
    doc = head.doc
    for c in head.children:
        if document and c.dep_ == "acl" and c.i > head.i:  # "a memo released by the watchdog"
            agent = next((a for a in c.children if a.dep_ == "agent" and a.lower_ == "by"), None)
            author = _object_phrase(agent) if agent is not None else None
            if author is not None:
                return author
        if not span.start <= c.i < span.end:
            continue
        if c.dep_ == "prep" and c.lower_ == "by" and (author := _object_phrase(c)) is not None:
            return author
        if document and c.dep_ == "poss":
            return doc[c.left_edge.i : c.i + 1]
    if not document:
        return None
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in cues.issuing_verbs:
        issuer = subject_of(verb)  # "the council issued a statement calling …"
        if issuer is not None and issuer.i < head.i:
            return doc[issuer.left_edge.i : issuer.i + 1]
    titled = [t for t in doc[max(span.start, head.left_edge.i) : head.i] if _is_name(t)]
    if titled and titled[-1].i - titled[0].i == len(titled) - 1:  # one run of name words
        return doc[titled[0].i : titled[-1].i + 1]
    return None


def _object_phrase(prep: Token) -> Span | None:
    """The noun phrase a preposition takes ("by [the inspector general]")."""
    obj = next((p for p in prep.children if p.dep_ == "pobj"), None)
    return None if obj is None else prep.doc[obj.left_edge.i : obj.right_edge.i + 1]


def _capitalised_run(words: list[Token], head: Token) -> list[Token]:
    """The capitalised words around the head ("Democrats" of "Democrats and the media")."""
    run = [head]
    for w in reversed([w for w in words if w.i < head.i]):
        if w.i != run[0].i - 1 or not w.text[:1].isupper():
            break
        run.insert(0, w)
    for w in [w for w in words if w.i > head.i]:
        if w.i != run[-1].i + 1 or not w.text[:1].isupper():
            break
        run.append(w)
    return run


def _named(table: EntityTable, words: list[Token]) -> Cluster | None:
    """A name the model did not tag, typed by ``evidence.untagged_kind``."""
    if len(words) > _NAME_MAX:
        return None
    lex = lexicon()
    words = [w for w in words if w.lower_ not in lex.titles]
    if not words or any(is_date_word(w.text) for w in words):
        return None  # "Tuesday's statement": a day names no one
    org = words[-1].lower_ in lex.org_nouns or (len(words) == 1 and _styled(words[0].text))
    start, end = words[0], words[-1]
    kind = untagged_kind(start.doc, start.i, end.i + 1, org)
    text = doc_text(start.doc)[start.idx : end.idx + len(end)]
    mention = Mention(start.i, end.i + 1, start.idx, end.idx + len(end), text, kind)
    cluster = Cluster.from_mentions(kind, [mention])
    table.clusters.append(cluster)
    table.rescan_aliases()
    return cluster
