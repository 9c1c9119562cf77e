"""Attribution rules within one sentence: cue verbs, "according to" phrases, citing,
owned documents, and which quotation each cue verb claims (see ``attributions``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .attribution_span import AttributionSpan, Char, merge, phrase_span, sent_chars, subtree_chars
from .cues import CueLexicon
from .quotemarks import QuoteSpan, token_at
from .subjects import saying_subject, sentence_initial_before_name, subject_of

__all__ = ["VERBS", "contrasted_statement", "inside_quotes", "mark_tokens", "sentence_cues"]

_CLAUSES = {"ccomp", "xcomp", "csubj"}
_INTERRUPTING = {"parataxis", "ccomp", "advcl"}
VERBS = {"VERB", "AUX"}
_NOT_CONTENT = {
    "punct", "aux", "neg", "cc", "conj", "advmod", "nsubj", "nsubjpass", "agent", "mark"
}
_TRAILER_PARTS = {"nsubj", "advmod", "npadvmod", "punct", "aux", "neg"}
_NP_MAX = 8  # tokens of a speaker phrase between a closing mark and its verb
_STOPS = {"”", '"', ",", ";", ":", "(", "—", "–"}


def inside_quotes(doc: Doc, quotes: Sequence[QuoteSpan]) -> set[int]:
    out: set[int] = set()
    for q in quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def sentence_cues(
    sent: Span,
    cues: CueLexicon,
    quotes: Sequence[QuoteSpan],
    marks_at: dict[int, list[int]],
    inside: set[int],
    claimed: dict[int, int],
    offset: int,
) -> list[AttributionSpan]:
    out: list[AttributionSpan] = []
    verbs = [t for t in sent if t.i not in inside and _is_cue_verb(t, cues)]
    verbs = [t for t in verbs if not _said_as_quoted(t, cues)]
    for verb in verbs:
        out.append(_verb_attribution(verb, cues, inside))
    out += _phrase_attributions(sent, cues, inside)
    out += _verbs_read_as_nouns(sent, cues, inside)
    out += _verbs_read_as_modifiers(sent, cues, inside)
    out += _agent_participles(sent, cues, inside)
    out += _owned_documents(sent, cues, inside, {v.i for v in verbs})
    out += _owned_claims(sent, cues, inside)
    for qi in _claim_quotes(sent, verbs, marks_at, claimed, offset):
        k = claimed[qi] - offset
        q = quotes[qi]
        out[k] = replace(out[k], content=merge((*out[k].content, (q.start, q.end))))
    return out


def _owned_documents(
    sent: Span, cues: CueLexicon, inside: set[int], cued: set[int]
) -> list[AttributionSpan]:
    """A document with a named owner speaks for the owner: "Mrs. Clinton's plan would cap
    deductions at 28 percent", "Under the governor's proposal, …"."""
    out = []
    for tok in sent:
        if tok.i in inside or tok.lemma_.lower() not in cues.document_nouns:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is None:
            continue
        source = phrase_span(owner, inside)
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in VERBS:
            if tok.head.i in cued:
                continue
            content = _clause_content(tok.head, tok, cues)
        elif tok.dep_ == "pobj" and tok.head.lower_ in {"under", "in", "by"} and _frames(tok.head):
            content = sent_chars(sent)
        else:
            continue
        out.append(AttributionSpan((tok.i, tok.i + 1), source, content, "document"))
    return out


def _frames(prep: Token) -> bool:
    """Does the preposition frame a clause ("Under the governor's plan, taxes rise"), not
    modify a noun ("emails in Clinton's private account")?"""
    return prep.head.pos_ in VERBS


def _owned_claims(sent: Span, cues: CueLexicon, inside: set[int]) -> list[AttributionSpan]:
    """What someone says or commits to, named as a noun with its owner and a that- or
    to-clause: "Stumpf's repeated insistence that only 1 percent of the staff took part",
    "Berlin's pledge to add 7,000 soldiers": the owner is the source of the clause."""
    out = []
    for tok in sent:
        if tok.i in inside or tok.pos_ != "NOUN" or tok.lemma_.lower() not in cues.claim_nouns:
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        clause = next(
            (
                c
                for c in tok.rights
                if c.dep_ in {"acl", "ccomp", "relcl"}
                and any(
                    (m.dep_ == "mark" and m.lower_ == "that")
                    or (m.dep_ == "aux" and m.lower_ == "to")
                    for m in c.children
                )
            ),
            None,
        )
        if owner is None or clause is None:
            continue
        content = (subtree_chars(clause),)
        out.append(AttributionSpan((tok.i, tok.i + 1), phrase_span(owner, inside), content, "verb"))
    return out


def _verbs_read_as_nouns(sent: Span, cues: CueLexicon, inside: set[int]) -> list[AttributionSpan]:
    """A cue verb that the parser read as a noun closing the subject's noun phrase, its
    that-clause hung on it ("The campaign projects that the tax would raise $75 billion")
    or on the subject's head ("Audit files from the vendor show that …", no verb before
    it). A true relative clause has "that" as its subject or object, not as its mark
    ("the projects that the city funded"), and a true noun has its own determiner ("a
    show that …" is a show)."""
    out = []
    for tok in sent:
        if tok.i in inside or tok.pos_ != "NOUN":
            continue
        base = tok.lower_[:-1] if tok.lower_.endswith("s") else tok.lower_
        if not cues.is_cue_verb(base, tok.lower_):
            continue
        found = _clause_read_as_modifier(tok) or _clause_after_subject(sent, tok)
        if found is None:
            continue
        clause, source = found
        out.append(AttributionSpan((tok.i, tok.i + 1), source, (subtree_chars(clause),), "verb"))
    return out


def _verbs_read_as_modifiers(
    sent: Span, cues: CueLexicon, inside: set[int]
) -> list[AttributionSpan]:
    """A sentence left without a verb because the parser read its cue as a modifier: of
    the subject ("the candidate boasted of …" read as "a man named …") or after the
    subject's apposition ("X, a volunteer group of statisticians, estimated attendance at
    105,000": "estimated" a modifier of "attendance", the name the root). The root's
    phrase is the source; what the cue governs, or the phrase it modifies, the content."""
    root = sent.root
    if root.pos_ not in {"NOUN", "PROPN"} or root.i in inside:
        return []
    out = []
    for tok in root.rights:
        cue = _hidden_cue(root, tok)
        if cue is None or cue.i in inside or cue.i + 1 >= sent.end:
            continue
        if cues.is_cue_verb(cue.lemma_, cue.lower_):
            content = (tok.doc[cue.i + 1].idx, subtree_chars(tok)[1])
            source = phrase_span(root, inside)
            out.append(AttributionSpan((cue.i, cue.i + 1), source, (content,), "verb"))
    return out


def _agent_participles(sent: Span, cues: CueLexicon, inside: set[int]) -> list[AttributionSpan]:
    """A cue's participle after the count it reports, with who by ("the $100B estimated by
    the firm", "the 40 deaths reported by the ministry"): the agent is the source, the
    phrase the participle modifies the content (a phrase with a number only: "a memo
    released by X" reports no count)."""
    out = []
    for cue in sent:
        if cue.i in inside or cue.tag_ != "VBN" or cue.dep_ != "acl" or cue.head.i >= cue.i:
            continue
        if not cues.is_cue_verb(cue.lemma_, cue.lower_):
            continue
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if pobj is None:
            continue
        noun = cue.head
        if not any(t.like_num or t.text[:1].isdigit() for t in sent.doc[noun.left_edge.i : cue.i]):
            continue
        start = tok_start = noun.left_edge
        while tok_start.i < noun.i and tok_start.is_punct:
            tok_start = sent.doc[tok_start.i + 1]
        end = sent.doc[cue.i - 1]
        content = (max(start.idx, tok_start.idx), end.idx + len(end))
        out.append(
            AttributionSpan((cue.i, cue.i + 1), phrase_span(pobj, inside), (content,), "verb")
        )
    return out


def _hidden_cue(root: Token, tok: Token) -> Token | None:
    """The verb hidden as a modifier in ``tok``, a right child of a verbless sentence's
    root: ``tok`` itself right after the root or a comma ("the candidate boasted of …"),
    or the adjective opening an apposition after a comma ("…, estimated attendance")."""
    doc = tok.doc
    if tok.dep_ == "acl" and tok.pos_ == "VERB":
        return tok if tok.i == root.i + 1 or doc[tok.i - 1].text == "," else None
    if tok.dep_ != "appos" or tok.pos_ != "NOUN":
        return None
    cue = next((c for c in tok.lefts if c.dep_ == "amod" and c.pos_ == "VERB"), None)
    return cue if cue is not None and doc[cue.left_edge.i - 1].text == "," else None


def _clause_read_as_modifier(tok: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "The campaign projects that …": the plural noun heads the subject or sentence and
    holds the that-clause; the words before it are the source."""
    if tok.dep_ not in {"ROOT", "nsubj"} or not tok.lower_.endswith("s"):
        return None
    clause = next(
        (
            c
            for c in tok.rights
            if c.dep_ in {"relcl", "acl", "ccomp"}
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    words = [t for t in tok.lefts if t.dep_ in {"compound", "amod", "nmod", "poss", "det"}]
    if clause is None or not any(t.pos_ in {"NOUN", "PROPN"} for t in words):
        return None
    return clause, (min(t.left_edge.i for t in words), tok.i)


def _clause_after_subject(sent: Span, tok: Token) -> tuple[Token, tuple[int, int]] | None:
    """ "Audit files from the vendor show that …": no verb before the cue, "that" right
    after it marking a clause the parse hung on the subject; the source is the words
    before the cue, from the sentence start or its last comma."""
    doc = tok.doc
    if tok.i + 1 >= sent.end or doc[tok.i + 1].lower_ != "that" or doc[tok.i + 1].dep_ != "mark":
        return None
    if any(c.dep_ in {"det", "poss"} for c in tok.children):
        return None
    clause = doc[tok.i + 1].head
    if clause.dep_ not in {"relcl", "acl", "ccomp"} or clause.i <= tok.i:
        return None
    before = doc[sent.start : tok.i]
    if any(t.pos_ in VERBS for t in before) or not any(t.pos_ in {"NOUN", "PROPN"} for t in before):
        return None
    commas = [t.i for t in before if t.text == ","]
    start = commas[-1] + 1 if commas else sent.start
    return (clause, (start, tok.i)) if start < tok.i else None


def _is_cue_verb(tok: Token, cues: CueLexicon) -> bool:
    if tok.pos_ not in VERBS and not (tok.pos_ == "PROPN" and sentence_initial_before_name(tok)):
        return False  # ("Stated Stone:", the verb tagged as part of the name)
    lexical = cues.is_cue_verb(tok.lemma_, tok.lower_) or _phrasal(tok, cues)
    if not lexical and not _document_verb(tok, cues):
        return False
    if tok.dep_ == "amod" and tok.tag_ != "VBD" and not sentence_initial_before_name(tok):
        return False  # "the reported figures"; not '"…," tweeted X' nor "Added X: …"
    if tok.tag_ == "VBN" and tok.dep_ == "acl" and not _closes_quote(tok):
        return False  # "a man named X"
    if tok.dep_ == "acl" and tok.lemma_ in cues.intention_verbs:
        return False  # "a pastor supporting Mr. Cruz" tells who, states nothing
    if tok.lemma_ in cues.object_not_speech and any(c.dep_ == "dobj" for c in tok.children):
        return False  # "to add 7,000 soldiers"
    return tok.lemma_ not in cues.object_source_verbs or tok.tag_ != "VBG"


def _document_verb(tok: Token, cues: CueLexicon) -> bool:
    """A verb that reports only with a count or survey as its subject: "the poll has
    Clinton at 45 percent", "a poll giving her a 4-point lead" (not "the senator has two
    aides", nor "the campaign has had 1,000 volunteers")."""
    if tok.lemma_ not in cues.document_verbs:
        return False
    subj = subject_of(tok)
    return subj is not None and subj.lemma_.lower() in cues.frame_documents


def _phrasal(tok: Token, cues: CueLexicon) -> bool:
    """A verb whose particle makes it a cue ("Hillary shot back, “…”"; the parse may take
    the particle for an adverb)."""
    return any(
        c.dep_ in {"prt", "advmod"} and (tok.lemma_, c.lower_) in cues.phrasal_verbs
        for c in tok.children
    )


def _closes_quote(verb: Token) -> bool:
    """ '"…!" the nominee, Donald Trump, tweeted Sunday': a sentence after a quotation
    whose subject the parse made its root, the cue hung on it as a participle."""
    head = verb.head
    if head.dep_ != "ROOT" or head.pos_ not in {"NOUN", "PROPN"} or head.i > verb.i:
        return False
    start = head.left_edge.i
    return start > 0 and verb.doc[start - 1].text in {"”", '"', "''"}


def _verb_attribution(verb: Token, cues: CueLexicon, inside: set[int]) -> AttributionSpan:
    quoted = _quoted_as_saying(verb, cues)
    if quoted is not None:
        return quoted
    subj = saying_subject(verb) or subject_of(verb)
    if subj is not None and subj.dep_ == "nsubjpass" and not _hangs_on(verb, subj):
        subj = _agent(verb)  # "were recorded by X": X; with no agent, nobody
        if subj is None:
            return AttributionSpan((verb.i, verb.i + 1), None, (), "verb")
    if subj is not None and (subj.lower_ in cues.not_sources or subj.i in inside):
        subj = None
    source = phrase_span(subj, inside) if subj is not None else _words_before(verb)
    if source is not None and source[0] <= verb.i < source[1]:
        source = (verb.i + 1, source[1])  # "Said Ellis:", the verb parsed into the name
    content = _clause_content(verb, subj, cues)
    via = _via(verb, cues) if verb.lemma_ in cues.via_verbs else None
    kind = "intent" if verb.lemma_ in cues.intention_verbs else "verb"
    return AttributionSpan((verb.i, verb.i + 1), source, content, kind, via)


def _quoted_as_saying(verb: Token, cues: CueLexicon) -> AttributionSpan | None:
    """ "X quoted Y as saying (that) …" / "…, X quoted Y as saying": Y is the source and X
    the one relaying (an outlet, if resolution finds one); the content is what Y said, the
    clause of "saying" or else the clause the verb closes."""
    if verb.lemma_ not in cues.object_source_verbs:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    said = None
    if as_ is not None:
        said = next((c for c in as_.children if c.dep_ in {"pcomp", "pobj"}), None)
    if obj is None or said is None or not cues.is_cue_verb(said.lemma_, said.lower_):
        return None
    subj = subject_of(verb)
    content = merge(subtree_chars(c) for c in said.children if c.dep_ in _CLAUSES)
    if not content:
        content = merge(subtree_chars(c) for c in verb.children if c.dep_ in _CLAUSES)
    via = (subj.left_edge.i, subj.right_edge.i + 1) if subj is not None else None
    source = (obj.left_edge.i, obj.right_edge.i + 1)
    return AttributionSpan((verb.i, said.i + 1), source, content, "verb", via)


def _said_as_quoted(tok: Token, cues: CueLexicon) -> bool:
    """Is ``tok`` the "saying" of "X quoted Y as saying", a part of that one cue?"""
    as_ = tok.head
    return (
        tok.dep_ in {"pcomp", "pobj"}
        and as_.lower_ == "as"
        and as_.head is not tok
        and _quoted_as_saying(as_.head, cues) is not None
    )


def _clause_content(verb: Token, subj: Token | None, cues: CueLexicon) -> tuple[Char, ...]:
    """What the verb attributes (``_own_content``), and the noun a relative clause of it
    describes, unless the noun is the speaker ("the $20 million experts say it costs",
    "the 40 deaths that officials reported"; not "the aide who said")."""
    own = _own_content(verb, subj, cues)
    head = verb.head
    if verb.dep_ != "relcl" or head.i > verb.i or subj is None or subj.head.i != verb.i:
        return own
    if subj.tag_ in {"WDT", "WP", "WP$"} or subj.lower_ in cues.not_sources:
        return own  # a relative pronoun: the noun is the speaker
    return merge(((head.left_edge.idx, head.idx + len(head)), *own))


def _own_content(verb: Token, subj: Token | None, cues: CueLexicon) -> tuple[Char, ...]:
    """What the verb attributes: its clausal complement, the clause it interrupts, else
    the rest of its own phrase (less the source and the recipient)."""
    own = _says_own(verb, cues)
    clauses = [
        c
        for c in verb.children
        if c.dep_ in _CLAUSES and not _holds(c, subj) and not (own and c.i < verb.i)
    ]
    if clauses:
        last = max(c.right_edge.i for c in clauses)
        asks = any(c.dep_ == "xcomp" for c in clauses)
        more = [c for c in verb.children if _goes_with(c, last, asks, cues)]
        return merge(subtree_chars(c) for c in clauses + more)
    head = verb.head
    if verb.dep_ in _INTERRUPTING and head.i < verb.i and _set_off(verb) and not own:
        start = head.left_edge.idx
        stop = verb.left_edge.idx
        if subj is not None:
            stop = min(stop, subj.left_edge.idx)
        return ((start, stop),) if stop > start else ()
    if head.i > verb.i and _inserted(verb):
        return _around(verb, subj)
    if _trailing(verb):
        comma = verb.doc[verb.left_edge.i - 1]
        return ((verb.sent.start_char, comma.idx),) if comma.idx > verb.sent.start_char else ()
    skip = subj.i if subj is not None else -1
    rest = [
        c
        for c in verb.children
        if c.i != skip
        and not (own and c.i < verb.i and c.dep_ in _CLAUSES)
        and (
            c.dep_ not in _NOT_CONTENT
            or (c.dep_ == "advmod" and _counts(c))
            or _count_conjunct(c, cues)
        )
        and not (verb.lemma_ in cues.via_verbs and c.dep_ in {"dobj", "dative", "iobj"})
        and not (c.dep_ == "advcl" and _second_statement(c, cues))
    ]
    return merge(subtree_chars(c) for c in rest)


def _goes_with(child: Token, last: int, asks: bool, cues: CueLexicon) -> bool:
    """Besides a cue's clause, what it asks for before an infinitive ("asked for $1.9
    billion to fight Zika") and a contrast the parse hung on the cue after that clause
    ("a poll showed Trump ahead of Cruz, 32%-25%, while Rubio was at 18%"), unless the
    contrast has a cue of its own ("police put it at 120,000, while organisers estimate
    more than 200,000": two sources side by side)."""
    if child.dep_ == "prep" and child.lower_ == "for":
        return asks
    return (
        child.dep_ == "advcl"
        and child.i > last
        and _contrasted(child, cues)
        and not _second_statement(child, cues)
    )


def _contrasted(clause: Token, cues: CueLexicon) -> bool:
    """Is the clause opened by a contrast mark ("while", "whereas")?"""
    return any(m.dep_ == "mark" and m.lower_ in cues.contrast_marks for m in clause.children)


def _second_statement(clause: Token, cues: CueLexicon) -> bool:
    """A clause with a cue and a speaker of its own ("…, while organisers estimate …"): a
    statement beside the cue's, not part of it ("… while chanting" is the same speaker's)."""
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    return own_subject and cues.is_cue_verb(clause.lemma_, clause.lower_)


def contrasted_statement(clause: Token, cues: CueLexicon) -> bool:
    """A second statement set beside another by a contrast ("A said it was 120,000, while
    B estimate 200,000"): neither relays the other."""
    return _contrasted(clause, cues) and _second_statement(clause, cues)


def _says_own(verb: Token, cues: CueLexicon) -> bool:
    """Does the cue carry its own content, a direct object that is not the recipient
    ("…; Mrs. Clinton seeks an additional $1 trillion" attributes the trillion, not the
    clause before the semicolon that the parse hung on it; "…,” she told reporters"
    still closes the quotation)? Such a cue takes none of the words before it."""
    return verb.lemma_ not in cues.via_verbs and any(c.dep_ == "dobj" for c in verb.children)


def _holds(clause: Token, tok: Token | None) -> bool:
    """Is ``tok`` (the source) inside the clause? Content never holds its own source."""
    return tok is not None and clause.left_edge.i <= tok.i <= clause.right_edge.i


def _count_conjunct(tok: Token, cues: CueLexicon) -> bool:
    """A count the parse made a clause joined to the cue ("reported 360 killed and 900
    injured"): part of what the cue reports, unless it is a cue of its own."""
    return (
        tok.dep_ == "conj"
        and tok.pos_ in VERBS
        and not cues.is_cue_verb(tok.lemma_, tok.lower_)
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.like_num for c in tok.children)
    )


def _counts(tok: Token) -> bool:
    """An adverb phrase holding a number ("put the figure closer to 54,000")."""
    return any(t.like_num for t in tok.subtree)


def _set_off(verb: Token) -> bool:
    """Is the cue's clause set off from the words before it by a mark ('…,” the mayor
    said', '…, officials said'), as a cue closing what it attributes is; a clause the
    verb before it governs runs on ("the agency said it would release more"), and a
    subordinate clause is no cue of what precedes ("…” after emails showed"; "…, as the
    Post observed" is)."""
    k = verb.left_edge.i
    if any(c.dep_ == "mark" and c.lower_ != "as" for c in verb.children):
        return False
    return k > 0 and verb.doc[k - 1].is_punct


def _inserted(verb: Token) -> bool:
    """A cue set into the clause it attributes, before that clause's verb: "To meet the
    target, the panel concluded, the levy must rise", "The main issues, voters said, are
    …" (parataxis), "As the Post observed, Republicans control 30 states" (an as-clause)."""
    if verb.dep_ == "parataxis":
        return True
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children
    )


def _trailing(verb: Token) -> bool:
    """A cue closing its sentence after a comma that the parse hung on the last noun as a
    relative clause ("… an unfavorable view of the mayor, the poll found."): a relative
    clause has a relative word or a gap to fill, this one has only its subject."""
    if verb.dep_ != "relcl" or verb.head.i > verb.i or verb.left_edge.i == 0:
        return False
    if verb.doc[verb.left_edge.i - 1].text != ",":
        return False
    if any(c.dep_ not in _TRAILER_PARTS or c.tag_ in {"WDT", "WP", "WP$"} for c in verb.children):
        return False
    after = verb.doc[verb.right_edge.i + 1 : verb.sent.end]
    return any(c.dep_ == "nsubj" for c in verb.children) and all(t.is_punct for t in after)


def _around(verb: Token, subj: Token | None) -> tuple[Char, ...]:
    """The clause a cue is set into, less the cue and its source: the words before the
    source (a phrase the parse may have hung on the cue) and the rest of the clause after
    the cue."""
    head = verb.head
    left_stop = verb.idx
    if subj is not None and subj.i < verb.i:
        left_stop = subj.left_edge.idx
    if verb.dep_ == "advcl":
        left_stop = min(left_stop, verb.left_edge.idx)
    right = head.right_edge
    after = verb.right_edge.idx + len(verb.right_edge)
    parts = [(head.left_edge.idx, left_stop), (after, right.idx + len(right))]
    return merge(parts)


def _via(verb: Token, cues: CueLexicon) -> tuple[int, int] | None:
    """The recipient of "told AFP" / "spoke to Reuters" (resolution decides if it is an
    outlet)."""
    for c in verb.children:
        if c.dep_ in {"dobj", "dative", "iobj"}:
            return (c.left_edge.i, c.right_edge.i + 1)
        if c.dep_ == "prep" and c.lower_ in {"to", "with"}:
            obj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if obj is not None:
                return (obj.left_edge.i, obj.right_edge.i + 1)
    return None


def _phrase_attributions(sent: Span, cues: CueLexicon, inside: set[int]) -> list[AttributionSpan]:
    """ "according to X" (source of the sentence) and "…, citing X" (source of the clause
    the participle hangs on)."""
    out = []
    words = [t.lower_ for t in sent]
    at: dict[str, list[int]] = {}  # word -> where it stands: a phrase is tried where it starts
    for k, word in enumerate(words):
        at.setdefault(word, []).append(k)
    for phrase in cues.phrases:
        n = len(phrase)
        for k in at.get(phrase[0], []) if phrase else range(len(words) + 1):
            if k > len(words) - n:
                break
            if tuple(words[k : k + n]) != phrase or sent[k].i in inside:
                continue
            prep = sent[k + n - 1]
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            obj = obj or (sent[k + n] if k + n < len(sent) else None)
            if obj is None:
                continue
            cue = (sent[k].i, prep.i + 1)
            out.append(AttributionSpan(cue, phrase_span(obj, inside), sent_chars(sent), "phrase"))
    out += _framing_documents(sent, cues, inside)
    for tok in sent:
        if tok.lemma_ in cues.object_source_verbs and tok.tag_ == "VBG" and tok.i not in inside:
            obj = next((c for c in tok.children if c.dep_ in {"dobj", "pobj"}), None)
            if obj is not None:
                content = sent_chars(sent)
                src = phrase_span(obj, inside)
                out.append(AttributionSpan((tok.i, tok.i + 1), src, content, "citing"))
    return out


def _framing_documents(sent: Span, cues: CueLexicon, inside: set[int]) -> list[AttributionSpan]:
    """ "In a Gallup poll, 40 percent said …", "… ahead in polls taken in December", "…
    have been cleared, by one estimate": the document a sentence is framed in is its
    source."""
    out = []
    for tok in sent:
        framing = tok.lower_ == "in" and tok.dep_ == "prep"
        framing |= tok.lower_ == "by" and tok.dep_ in {"prep", "agent"}
        if not framing or tok.i in inside:
            continue
        if cues.is_cue_verb(tok.head.lemma_, tok.head.lower_) and _names_speaker(tok.head):
            continue  # "said in a report": the verb's subject is the source
        obj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in cues.frame_documents or _measure(obj):
            continue
        source = phrase_span(obj, inside)
        out.append(AttributionSpan((tok.i, tok.i + 1), source, sent_chars(sent), "frame"))
    return out


def _measure(noun: Token) -> bool:
    """ "by an average of 20 points", "a count of 40": a quantity, not a document."""
    return any(
        c.dep_ == "prep" and c.lower_ == "of" and any(t.like_num for t in c.subtree)
        for c in noun.children
    )


def _names_speaker(verb: Token) -> bool:
    """Has the verb a subject that can speak? "38 percent of voters said" counts people,
    so the poll the sentence is framed in speaks for them."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subj is not None and not any(t.like_num for t in subj.subtree)


def _claim_quotes(
    sent: Span,
    verbs: list[Token],
    marks_at: dict[int, list[int]],
    claimed: dict[int, int],
    offset: int,
) -> list[int]:
    """Each quotation opening or closing in this sentence goes to the innermost cue verb
    of the sentence (outside quotation marks) whose phrase holds it ("…, offering “a
    sincere apology” after leaked emails showed …" is the offer's, not the emails'), else
    to the nearest; returns the quotations claimed here. A quotation ending the sentence
    before goes to the first cue here only when that cue is this sentence's main verb
    after its subject."""
    if not verbs:
        return []
    near: dict[int, list[int]] = {}
    for i in range(sent.start, sent.end):
        for qi in marks_at.get(i, ()):
            near.setdefault(qi, []).append(i)
    before = _mark_before(sent, marks_at)
    heads = verbs[0].dep_ == "ROOT" or _closes_quote(verbs[0])  # not "''…'' X tried to answer"
    if not near and before is not None and heads and _opens_with_subject(sent, verbs[0]):
        near = {qi: [before] for qi in marks_at[before]}  # '“…?” Vitter demanded.'
    out = []
    for qi, toks in near.items():
        if qi in claimed:
            continue
        best = min(range(len(verbs)), key=lambda k: _claim_rank(verbs[k], toks))
        claimed[qi] = offset + best
        out.append(qi)
    return out


def _opens_with_subject(sent: Span, verb: Token) -> bool:
    """Does the sentence open with the verb's speaker: a short phrase, or the verb's own
    subject however long its apposition ("Miller, a retired worker from a plant, said")?"""
    if verb.i - sent.start <= _NP_MAX or _closes_quote(verb):
        return True
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.left_edge.i == sent.start


def _claim_rank(verb: Token, marks: list[int]) -> tuple[int, int]:
    """Holding verbs first, the smallest phrase first; then the nearest verb."""
    left, right = verb.left_edge.i, verb.right_edge.i
    if all(left <= t <= right for t in marks):
        return (0, right - left)
    return (1, min(abs(verb.i - t) for t in marks))


def _mark_before(sent: Span, marks_at: dict[int, list[int]]) -> int | None:
    """The quotation mark that ends the sentence before this one, if it does: a question
    or exclamation closes its sentence, and the cue follows as a sentence of its own."""
    k = sent.start - 1
    while k >= 0 and sent.doc[k].is_space:
        if "\n" in sent.doc[k].text:
            return None  # not across paragraphs
        k -= 1
    return k if k >= 0 and k in marks_at else None


def mark_tokens(doc: Doc, quotes: Sequence[QuoteSpan]) -> dict[int, list[int]]:
    """Token index -> the quotations whose opening or closing mark it is."""
    out: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        for m in (q.open_at, q.close_at):
            tok = token_at(doc, m) if m is not None else None
            if tok is not None:
                out.setdefault(tok.i, []).append(qi)
    return out


def _hangs_on(verb: Token, subj: Token) -> bool:
    """Is ``subj`` the passive subject of the verb a participle hangs on, who speaks
    ("Lee was quoted as saying", "a reporter can be heard asking")? A conjunct shares
    the passive ("civilians had been targeted and accused …": nobody accuses)."""
    return subj.head.i != verb.i and verb.dep_ in {"pcomp", "xcomp", "advcl"}


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _words_before(verb: Token) -> tuple[int, int] | None:
    """The words between a closing mark or comma and the verb ("…,” Tulsa police Chief
    Chuck Jordan said"), for a parse that lost the verb's subject."""
    doc = verb.doc
    k = verb.i - 1
    while k >= verb.sent.start and verb.i - k <= _NP_MAX and doc[k].text not in _STOPS:
        k -= 1
    if k == verb.i - 1 or k < verb.sent.start or doc[k].text not in _STOPS:
        return None
    words = doc[k + 1 : verb.i]
    return (k + 1, verb.i) if any(t.pos_ in {"NOUN", "PROPN"} for t in words) else None
