"""The speaker token of a reporting verb: who "said", "added", "told AFP".

Dependency first (subject, passive agent, relative pronoun's head), then the shapes a
small parser gets wrong: a quotation parsed as a second subject, a participle that hangs
on the clause whose subject speaks ("…, arguing that"), a sentence-final inverted verb
("…, said one resident"), a speaker noun phrase between a comma and a final verb that the
parse attached elsewhere ("…, the County Sheriff's Department said"), a conjunct.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .tokens import DASHES

__all__ = ["saying_subject", "sentence_initial_before_name", "subject_of", "surface_subject"]

_SUBJ = {"nsubj", "nsubjpass", "csubj"}
_INVERTED_SUBJ = {"dobj", "attr", "nsubj", "npadvmod", "appos", "oprd"}
_VERBS = {"VERB", "AUX"}
_DELIMITERS = {",", "”", '"', ";", ":", "—", "–", "(", "."}
_POSSESSIVE = {"'s", "’s"}
_CLOSING = {",", "”", '"', "’", "''"}
_OPENING_MARKS = {"“", "``"}
_CLOSING_MARKS = {"”"}
_STRAIGHT_MARKS = {'"', "''"}
_NP_MAX = 10  # tokens of a speaker noun phrase before a final reporting verb
_PLACES = {"GPE", "LOC", "FAC"}  # entity labels of places
# relations climbed from a phrase's last word to the name heading it
_CLIMB = {"pobj", "prep", "appos", "poss", "compound", "case"}


def sentence_initial_before_name(verb: Token) -> bool:
    """ "Said Ellis: …", "Added Moreno: …": a verb opening the sentence that the parse
    hung on the name after it."""
    opens = bool(verb.is_sent_start)
    return opens and verb.dep_ in {"compound", "amod"} and verb.head.pos_ == "PROPN"


def _past_dateline(tok: Token) -> Token | None:
    """The name the parser hung on a dateline place as its apposition ("WASHINGTON --
    President Obama, …, said"): the dateline is no subject, the name is."""
    if tok.ent_type_ != "GPE":
        return None
    for c in tok.children:  # past the dateline's own country: "MAO COUNTY, China -- Crews"
        named = c.pos_ == "PROPN" or (c.pos_ == "NOUN" and _after_dash(c))
        if c.dep_ == "appos" and c.i > tok.i and c.ent_type_ not in _PLACES and named:
            return c
    return _after_dateline_dash(tok)


_DATELINE_WORDS = 8  # tokens of a dateline before its dash ("MAO COUNTY, China --")


def _after_dateline_dash(tok: Token) -> Token | None:
    """The head of the phrase after the dash of the dateline ``tok`` opens, however the
    parser hung it ("RAVELLE, Ostmark -- Crews searching … found")."""
    sent = tok.sent
    if tok.i - sent.start > 3:
        return None
    window = tok.doc[tok.i + 1 : min(tok.i + _DATELINE_WORDS, sent.end - 1)]
    dash = next((t for t in window if t.text in DASHES), None)
    if dash is None:
        return None
    head = tok.doc[dash.i + 1]
    while head.dep_ in _MODIFIERS and head.head.i > head.i:
        head = head.head
    return head if head.pos_ in {"NOUN", "PROPN"} and head.ent_type_ not in _PLACES else None


_MODIFIERS = {"compound", "amod", "det", "nummod", "poss", "nmod", "case"}


def _after_dash(tok: Token) -> bool:
    """Is the phrase of ``tok`` the first after a dateline's dash ("-- Crews …")?"""
    start = tok.left_edge.i
    return start > 0 and tok.doc[start - 1].text in DASHES


def subject_of(verb: Token) -> Token | None:
    """The speaker token: the verb's subject (the one nearest the verb when a quotation
    was parsed as a second subject), a passive agent, the subject of the clause a
    participle hangs on ("…, arguing that"), the noun after a sentence-final inverted verb
    ("…, said one resident"), the noun phrase between a comma and a final verb ("…, the
    County Sheriff's Department said"), or a conjunct's subject; a dateline the parser took
    for the subject gives way to the name after it."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJ]
    if any(c.dep_ in {"nsubjpass", "expl"} and c.lower_ == "it" for c in subjects):
        return None  # "it was reported that …": nobody named
    if subjects:
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        relative = child.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl"
        if child.lower_ in _POSSESSIVE:
            return _possessed(child, verb)
        if child.i > verb.i:
            child = _name_beyond(verb, child)
        return verb.head if relative else (_past_dateline(child) or child)
    for child in verb.children:
        if child.dep_ == "npadvmod" and child.i < verb.i and _past_dateline(child):
            return _past_dateline(child)  # "WASHINGTON -- Senator X, …, said"
        if child.dep_ == "agent":
            return next((p for p in child.children if p.dep_ == "pobj"), None)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    hanging = verb.dep_ in {"advcl", "xcomp"} and verb.head.pos_ in _VERBS
    if hanging and (verb.tag_ == "VBG" or infinitive):  # "…, arguing that", "… to brag that"
        return subject_of(verb.head)
    if verb.dep_ == "xcomp" and verb.head.pos_ in _VERBS:
        return subject_of(verb.head)  # "X wants to verify"
    if verb.dep_ == "xcomp" and verb.head.dep_ == "acomp" and verb.head.head.pos_ in _VERBS:
        return subject_of(verb.head.head)  # "Reuters was able to confirm"
    inverted = verb.i > 0 and verb.doc[verb.i - 1].text in _CLOSING
    if sentence_initial_before_name(verb):
        return verb.head  # "Said Ellis: “…”", the verb parsed as part of the name
    if inverted:
        for child in verb.rights:
            if child.dep_ in _INVERTED_SUBJ and child.ent_type_ not in {"DATE", "TIME"}:
                return _name_beyond(verb, child)
        named = _name_after(verb)
        if named is not None:
            return named
        noun = _noun_after(verb)
        if noun is not None:
            return noun
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        if infinitive and verb.head.head.pos_ in _VERBS and verb.head.dep_ in {"dobj", "attr"}:
            return subject_of(verb.head.head)  # "X held a briefing to brag that …"
        return verb.head  # "the man, who …, described …" parsed as a modifier of "man"
    surface = surface_subject(verb)
    if surface is not None:
        return surface
    who = _relative_clause_subject(verb)
    if who is not None:
        return who
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        head = verb.head
        if verb.tag_ == "VBG" and _quoted(head):  # "X clarified, -- ''…'' -- and asserting"
            return next((t for t in verb.sent if t.dep_ in _SUBJ and not _quoted(t)), None)
        closing = _unjoined_closing_phrase(verb)
        if closing is not None:
            return closing
        subjects = [c for c in head.children if c.dep_ in _SUBJ]
        if not subjects:
            return None
        nearest = min(subjects, key=lambda c: abs(c.i - head.i))  # not a dateline before it
        return _past_dateline(nearest) or nearest
    if infinitive or (verb.tag_ == "VBG" and _after_comma(verb)):
        # "X went so far as to say", "X shared the news, writing “…”" parsed astray
        return _nearest_subject(verb)
    return None


def _unjoined_closing_phrase(verb: Token) -> Token | None:
    """ "…, destroying 5,000 more, Irshad Bhatti, a spokesman for the authority, told AFP":
    a cue the parse joined to the sentence's verb with no "and" and hung its speaker on
    the clause before; the name (or noun) heading the phrase set off right before the cue
    speaks, not the sentence's subject."""
    head, doc = verb.head, verb.doc
    if any(c.dep_ == "cc" and head.i < c.i < verb.i for c in head.children):
        return None  # "X destroyed the houses and told AFP": X did both
    end = _before_acronym(doc, verb.i - 1, verb.sent.start)
    if end <= head.i or doc[end].pos_ not in {"NOUN", "PROPN"}:
        return None
    tok = doc[end]
    while tok.dep_ in _CLIMB and head.i < tok.head.i < verb.i and not tok.head.like_num:
        if tok.head.pos_ not in {"NOUN", "PROPN", "ADP"}:
            break
        tok = tok.head
    start = tok.left_edge.i
    set_off = start > head.i and doc[start - 1].text == ","
    return tok if set_off and tok.pos_ in {"NOUN", "PROPN"} else None


def saying_subject(verb: Token) -> Token | None:
    """The speaker of a participle under a preposition: "X drew boos upon saying …",
    "… by saying that …" is X, the subject of the verb the preposition hangs on. Only the
    cue's own content is X's: a quotation before "by saying" is not what was said then,
    so the older quotation rules, which read the first cue after a quotation, never ask."""
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or verb.head.dep_ != "prep":
        return None
    if any(c.dep_ in _SUBJ for c in verb.children):
        return None  # "with RealClearPolitics showing her ahead": its own subject
    return subject_of(verb.head.head) if verb.head.head.pos_ in _VERBS else None


def _name_beyond(verb: Token, child: Token) -> Token:
    """An inverted verb's subject: the name after the word the parse hung on the verb
    first, when nothing but the name's own words lie between ('…,” mused Blaze co-host
    Stu Vale': Vale, not "co"; '…,” said the head of the Red Cross': the head)."""
    if child.pos_ == "PROPN":
        return child
    named = _name_after(verb)
    if named is None or named.i <= child.i:
        return child
    return child if any(t.pos_ == "ADP" for t in verb.doc[child.i : named.i]) else named


def _after_comma(verb: Token) -> bool:
    return verb.i > verb.sent.start and verb.doc[verb.i - 1].text == ","


def _nearest_subject(verb: Token) -> Token | None:
    """The subject of the nearest verb before ``verb`` that governs it or heads its
    sentence: who goes so far as to say, or writes while sharing."""
    root = verb.sent.root
    candidates = [a for a in verb.ancestors if a.pos_ in _VERBS] + [root]
    for head in candidates:
        if head.i >= verb.i or head.pos_ not in _VERBS:
            continue
        subj = next((c for c in head.children if c.dep_ == "nsubj" and not _quoted(c)), None)
        if subj is not None:
            return subj
    return None


def _relative_clause_subject(verb: Token) -> Token | None:
    """ "Sanders, who sits at zero endorsements, said …" parsed as a clause before the
    verb with two subjects, the name and "who": the name is the speaker."""
    for clause in verb.lefts:
        if clause.dep_ not in {"ccomp", "advcl", "parataxis"}:
            continue
        subjects = sorted((c for c in clause.children if c.dep_ in _SUBJ), key=lambda c: c.i)
        if len(subjects) >= 2 and subjects[1].lower_ in {"who", "which"}:
            first = subjects[0]
            return first if first.pos_ in {"NOUN", "PROPN"} else None
    return None


def _quoted(tok: Token) -> bool:
    """Is ``tok`` inside quotation marks of its sentence?"""
    inside = False
    for t in tok.doc[tok.sent.start : tok.i]:
        if t.text in _OPENING_MARKS:
            inside = True
        elif t.text in _CLOSING_MARKS:
            inside = False
        elif t.text in _STRAIGHT_MARKS:
            inside = not inside
    return inside


def _noun_after(verb: Token) -> Token | None:
    """The noun phrase right after an inverted verb that the parse hung on a later clause
    ('…," said the woman, who did not want to be named'): its last noun before a comma."""
    doc, end = verb.doc, verb.sent.end
    j = verb.i + 1
    if j >= end or doc[j].pos_ not in {"DET", "ADJ", "NOUN", "PROPN"}:
        return None
    last = None
    while j < end and doc[j].text not in _DELIMITERS and j - verb.i <= _NP_MAX:
        if doc[j].pos_ not in {"DET", "ADJ", "NOUN", "PROPN", "NUM"}:
            return None
        if doc[j].pos_ == "NOUN":
            last = doc[j]
        j += 1
    return last


def _name_after(verb: Token) -> Token | None:
    """The last proper noun of the words after an inverted verb, up to a delimiter, for a
    parse that hung them elsewhere ("…,'' said Robin Maynard, half joking"; "…," said
    Oversight ranking Democrat Elijah Cummings (D-Md.))."""
    doc, end = verb.doc, verb.sent.end
    names = []
    j = verb.i + 1
    while j < end and doc[j].text not in _DELIMITERS and j - verb.i <= _NP_MAX:
        if doc[j].dep_ == "prep" and doc[j].head.i == verb.i:
            break  # "…, X, the undersecretary, wrote in a memo to Y": Y is no speaker
        if doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].ent_type_ != "DATE":
            names.append(doc[j])
        j += 1
    return names[-1] if names else None


def _possessed(marker: Token, verb: Token) -> Token | None:
    """The noun a possessive marker parsed as the subject stands before: "The military’s
    True News Information Team has said" is the team (the last noun before the verb)."""
    for k in range(verb.i - 1, marker.i, -1):
        if verb.doc[k].pos_ in {"NOUN", "PROPN"}:
            return verb.doc[k]
    return None


def surface_subject(verb: Token) -> Token | None:
    """The last noun of "…, <noun phrase> said": a parse may hang the noun phrase
    elsewhere (an apposition of the previous noun) and leave the verb without subject;
    a description set beside a name gives way to the name it describes."""
    doc, sent = verb.doc, verb.sent
    # "…, the agency, Protección Civil, said": an apposition's closing comma
    stop = verb.i - 1
    if stop > sent.start and doc[stop].dep_ == "aux":
        stop -= 1  # ". The X Team has said" in a sentence the parser ran on
    close = 1 if stop > sent.start and doc[stop].text == "," else 0
    end = _before_acronym(doc, stop - close, sent.start)
    if close and end - 2 > sent.start and doc[end].like_num and doc[end - 1].text == ",":
        end -= 2  # "…, Marcel Lazar, 44, said": the name before the age
    j = end
    while j >= sent.start and doc[j].text not in _DELIMITERS and verb.i - j <= _NP_MAX:
        if doc[j].pos_ in {"VERB", "AUX", "CCONJ", "SCONJ", "PRON"}:
            return None
        j -= 1
    if j < sent.start or doc[j].text not in _DELIMITERS or j == end:
        return None
    last = doc[end]
    while j < last.head.i < last.i and last.head.pos_ in {"NOUN", "PROPN", "ADP"}:
        last = last.head  # "the undersecretary for management": its head noun
    if last.dep_ == "appos" and last.pos_ == "NOUN" and last.head.pos_ == "PROPN":
        return last.head  # "X, a volunteer group of statisticians, estimated": X
    return last if last.pos_ in {"NOUN", "PROPN"} else None


def _before_acronym(doc: Doc, end: int, floor: int) -> int:
    """The last token before a bracketed acronym ending at ``end``: "…, the Ministry of
    External Affairs (MEA) said" ends its noun phrase at "Affairs"."""
    if end - 2 <= floor or doc[end].text != ")" or doc[end - 2].text != "(":
        return end
    return end - 3 if doc[end - 1].is_upper and doc[end - 1].is_alpha else end
