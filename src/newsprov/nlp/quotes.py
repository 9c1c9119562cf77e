"""Direct quotations, their speakers and the outlet they were given to.

Where quotations open and close is ``quotemarks``' job; this module names speakers.
The speaker comes from a quote verb (``reporting_verbs.json``) after the closing mark in
the same sentence ("…,” Kamel told AFP", "…,” said one resident"), else before the
opening mark ("X said: “…”"), else from the previous quotation of the same paragraph
(continuation). Pronouns resolve to the most recent speaker; unnamed speakers become
anonymous entities; "the man, who Sky News did not name" gives the via. A quotation
with no speaker verb and no earlier quotation in its paragraph belongs to the person the
sentence just before it is about ("Amina Yusuf described the night. “…”"). Short scare quotes
("revenge killings") are kept only when a speaker verb attaches them; a later scare quote in
the same sentence shares that speaker ("said it acted “with restraint” against “mobs”"), and
an active verb of accusing attaches one ("accused X of “spreading lies”"). Top-level single
marks ("for 'about twenty minutes'") quote too, but only when a speaker verb attaches them.
A quotation left open at its paragraph end and continued by the next paragraph is one
quotation. A chant or placard slogan with no speaker belongs to the crowd that chanted or
carried it ("unnamed protesters"). Fallbacks for missed names, lost subjects, persons
speaking for organisations and unnamed members live in ``quote_speakers``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from newsprov.model import EntityType

from .aliases import lexicon
from .attribution import reporting_lexicon, sentence_frames, subject_of, verb_frame
from .boundaries import credit_spans, doc_text, heading_spans
from .coref import Cluster, EntityTable, is_group
from .patterns import patterns
from .quote_speakers import (
    chanted_by,
    completed_name,
    named_before_verb,
    named_by_apposition,
    named_in_subject,
    person_for_org,
    speaks_as_person,
    unnamed_member,
    unresolved_person,
)
from .quotemarks import QuoteSpan, find_quote_spans, token_at

__all__ = ["QuoteSpan", "evidence_span", "find_quote_spans", "find_quotes"]

_OPEN = "“"
_CLOSE = "”"
_MIN_WORDS = 4
_NAME_WORDS = 8  # words of a name in quotation marks at most
_ACCUSING = {"accuse", "blame"}
# "“…,” she told a crowd that the campaign estimated at 3,000": a verb of a relative
# clause or of another verb's clause after the quotation does not frame it
_MODIFIER_CLAUSES = {"relcl"}


def _speaker_verbs(tokens: list[Token]) -> list[Token]:
    lex = reporting_lexicon()
    return [
        t
        for t in tokens
        if t.pos_ in {"VERB", "AUX"} and (t.lemma_ in lex.quote_verbs or _accuses(t))
    ]


def _accuses(verb: Token) -> bool:
    """An active verb of accusing quotes its accuser ("accused Fano of “spreading lies”");
    the accused of a passive one ("was accused of “treason”") did not say the words."""
    if verb.lemma_ not in _ACCUSING:
        return False
    subj = subject_of(verb)  # may be inherited from a passive verb it is conjoined to
    passive = subj is not None and subj.dep_ == "nsubjpass"
    return not passive and not any(c.dep_ == "auxpass" for c in verb.children)


def _after_tokens(doc: Doc, q: QuoteSpan) -> list[Token]:
    """Tokens after the closing mark, to the end of its sentence or the next quotation."""
    if q.close_at is None:
        return []
    mark = token_at(doc, q.close_at)
    if mark is None:
        return []
    out = []
    for tok in doc[mark.i + 1 : mark.sent.end]:
        if tok.text in {_OPEN, '"'}:
            break
        out.append(tok)
    if not out and mark.i + 1 < len(doc) and doc[mark.i + 1].sent.start == mark.i + 1:
        nxt = doc[mark.i + 1].sent  # "…?” \n she asked." parsed as a new sentence
        out = [t for t in nxt if t.text not in {_OPEN, '"'}][:4]
    return out


def _before_tokens(doc: Doc, q: QuoteSpan) -> list[Token]:
    """Tokens of the opening mark's sentence before the mark (after any earlier quote)."""
    mark = token_at(doc, q.open_at)
    if mark is None:
        return []
    out: list[Token] = []
    for tok in doc[mark.sent.start : mark.i]:
        out = [] if tok.text in {_CLOSE, '"'} else [*out, tok]
    return out


def _frame_from(
    verbs: list[Token],
    table: EntityTable,
    prev: QuoteSpan | None,
    after: list[Token] | None = None,
    quoted: Sequence[QuoteSpan] = (),
) -> tuple[Cluster | None, Cluster | None]:
    """Speaker and via of the first quote verb that names a speaker; ``after`` are the
    tokens after the closing mark, where an inverted frame may name the speaker. A
    subject the parse found inside another quotation ("…,” Flynn said on “Fox and
    Friends.”) is a title, not the speaker: the name before the verb is."""
    for verb in verbs:
        frame = verb_frame(verb, table, for_figures=False)
        subj = subject_of(verb)
        titled = subj is not None and subj.i > verb.i and _inside(subj.idx, quoted)
        if titled:
            frame, subj = None, None
        source = frame.source if frame is not None else None
        if source is None and subj is not None:
            source = unresolved_person(table, subj)
        if source is None and (frame is not None or titled) and after:
            source = named_before_verb(after, verb, table)
        via = frame.via if frame is not None else None
        own = subj is not None and subj.i < verb.i and table.resolve(subj) is via
        if source is None and via is not None and own:
            return via, None  # "as The Daily Beast called them, “…”": its own words
        if source is None:
            continue
        if subj is not None and subj.lower_ in lexicon().pronouns_person:
            source = _pronoun_speaker(table, subj, prev) or source
        elif subj is not None:
            source = named_in_subject(table, subj, source) or source
            source = person_for_org(table, subj, unnamed_member(table, subj, source)) or source
        source = named_by_apposition(table, source) or source
        return source, via or _relative_via(verb, table)
    return None, None


def _singular(verbs: list[Token]) -> bool:
    """Is the quotation's own cue said by "he" or "she"?"""
    pronouns = lexicon().pronouns_person
    return any((s := subject_of(v)) is not None and s.lower_ in pronouns for v in verbs)


def _inside(char: int, quoted: Sequence[QuoteSpan]) -> bool:
    return any(q.start <= char < q.end for q in quoted)


def _pronoun_speaker(table: EntityTable, tok: Token, prev: QuoteSpan | None) -> Cluster | None:
    """ "he said" after another quotation: its speaker, unless a sentence since then has
    another person as its main subject ("X denied the charge. “…,” he said.")."""
    if prev is None or prev.speaker is None or not speaks_as_person(prev.speaker):
        return None
    pronouns = lexicon().pronouns_person
    latest = prev.speaker
    for sent in tok.doc.sents:
        if sent.end_char <= prev.end or sent.start > tok.i:
            continue
        subj = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None and subj.i == tok.i:  # "X scolded him: “…,” she said."
            mark = next((t.i for t in sent if t.text in {_OPEN, '"', "''", "``"}), tok.i)
            subj = next((t for t in sent if t.dep_ == "nsubj" and t.i < mark), None)
        if subj is None or subj.i >= tok.i or subj.idx < prev.end or subj.lower_ in pronouns:
            continue
        found = named_in_subject(table, subj, table.resolve(subj))
        found = found or unresolved_person(table, subj)
        if found is not None and found.kind is EntityType.PERSON:
            latest = found
    return latest


def _colon_intro(doc: Doc, q: QuoteSpan) -> list[Token]:
    """Quote verbs of the sentence before the quotation when it ends with a colon
    ("Ahmed described the night: ¶ “…”")."""
    mark = token_at(doc, q.open_at)
    if mark is None or mark.sent.start != mark.i or mark.i == 0:
        return []
    prev = doc[mark.i - 1].sent
    words = [t for t in prev if not t.is_space]
    return _speaker_verbs(words)[::-1] if words and words[-1].text == ":" else []


def _introduced_by(doc: Doc, text: str, q: QuoteSpan, table: EntityTable) -> Cluster | None:
    """The person the sentence just before a verbless quotation is about, in the same
    paragraph: "Amina Yusuf described fleeing at night. “We ran …”"."""
    mark = token_at(doc, q.open_at)
    if mark is None or mark.sent.start != mark.i or mark.i == 0:
        return None
    prev = doc[mark.i - 1].sent
    if "\n" in text[prev.end_char - 1 : mark.idx] or _has_mark(prev):
        return None
    subj = next((c for c in prev.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    found = table.resolve(subj) if subj is not None else None
    return found if found is not None and found.kind is EntityType.PERSON else None


def _has_mark(span: Span) -> bool:
    return any(t.text in {_OPEN, _CLOSE, '"'} for t in span)


def _relative_via(verb: Token, table: EntityTable) -> Cluster | None:
    """Via from a relative clause: in "The man, who Sky News did not name, said …" the
    outlet inside the subject's relative clause relayed the words."""
    subj = subject_of(verb)
    if subj is not None:
        for rel in (c for c in subj.children if c.dep_ in {"relcl", "acl"} and c is not verb):
            for cl in table.in_tokens(rel.left_edge.i, rel.right_edge.i + 1):
                if cl.kind is EntityType.OUTLET:
                    return cl
    return None


def _via_before(
    doc: Doc, text: str, q: QuoteSpan, speaker: Cluster, table: EntityTable
) -> Cluster | None:
    """Via from the sentence before, within the paragraph: in "X told AFP that … “…,”
    she said." the same speaker's frame names the outlet."""
    mark = token_at(doc, q.open_at)
    if mark is None or mark.sent.start == 0:
        return None
    prev = doc[mark.sent.start - 1].sent
    if "\n" in text[prev.end_char - 1 : mark.idx]:
        return None
    for frame in sentence_frames(prev, table):
        if frame.source is speaker and frame.via is not None:
            return frame.via
    return None


def _is_scare_quote(text: str) -> bool:
    """A few words without sentence punctuation: "revenge killings", "terrorist"."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    return len(words) < _MIN_WORDS and not text.rstrip().endswith((".", "!", "?", ","))


def _is_name(text: str) -> bool:
    """A few capitalised words (joined by a name's small words) without sentence
    punctuation, a name in quotation marks ("Islamic State", "Frida Sofia", "Women's March
    on Washington"): said by nobody, even where a speaker verb is near."""
    words = [w for w in text.split() if any(c.isalnum() for c in w)]
    inner = patterns().connectors  # "Women's March on Washington", "Party of the Regions"
    capitalised = 0 < len(words) <= _NAME_WORDS and all(
        w[:1].isupper() or (k and w.lower() in inner) for k, w in enumerate(words)
    )
    return capitalised and not text.rstrip().endswith((".", "!", "?", ","))


def _is_title(doc: Doc, q: QuoteSpan, text: str) -> bool:
    """A name in quotation marks (``_is_name``); one of more than a few words only when no
    verb makes it a slogan or a sentence ("Make America Great Again" is said)."""
    if not _is_name(text):
        return False
    if len(text.split()) < _MIN_WORDS:
        return True
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    return span is not None and not any(t.pos_ in {"VERB", "AUX"} for t in span)


def find_quotes(doc: Doc, table: EntityTable, publisher: str | None = None) -> list[QuoteSpan]:
    """Body quotations with resolved speaker and via (see module docstring)."""
    skip = [*heading_spans(doc), *credit_spans(doc)]
    text = doc_text(doc)  # built once: Doc.text joins every token
    spans = find_quote_spans(text, skip)
    out: list[QuoteSpan] = []
    for q in spans:
        prev = next((p for p in reversed(out) if p.speaker is not None), None)
        after = _after_tokens(doc, q)
        verbs = [v for v in _speaker_verbs(after) if v.dep_ not in _MODIFIER_CLAUSES]
        # not a verb inside another one's clause ("told a crowd that X estimated")
        framing = [v for v in verbs if not any(u in v.ancestors for u in verbs)]
        speaker, via = _frame_from(framing, table, prev, after, spans)
        if speaker is None:
            verbs = _speaker_verbs(_before_tokens(doc, q))[::-1] or _colon_intro(doc, q)
            speaker, via = _frame_from(verbs, table, prev, quoted=spans)
        if speaker is None and out and _same_sentence(doc, out[-1], q) and out[-1].attached:
            speaker, via = out[-1].speaker, out[-1].via  # "said it acted “A” against “B”"
        attached = speaker is not None
        if speaker is None and out and _continues(out[-1], q):
            speaker, via = out[-1].speaker, out[-1].via
        if speaker is None:
            speaker = _introduced_by(doc, text, q, table)
        if speaker is not None and speaker.anonymous and is_group(speaker) and _singular(framing):
            speaker, via, attached = None, None, False  # "he said" is no group's words
        if speaker is None and (mark := token_at(doc, q.open_at)) is not None:
            speaker = chanted_by(table, mark)  # "Protesters chanted “…”"
            attached = attached or speaker is not None
        quoted = text[q.start : q.end]
        if _is_title(doc, q, quoted) or (not attached and (q.single or _is_scare_quote(quoted))):
            continue
        if speaker is not None and via is None:
            via = _via_before(doc, text, q, speaker, table)
        out.append(replace(q, speaker=speaker, via=via, attached=attached))
    out = [replace(q, speaker=completed_name(table, q.speaker)) for q in out]
    return _spread_via(_merge_continued(text, _fill_back(out)), publisher)


def _same_sentence(doc: Doc, prev: QuoteSpan, q: QuoteSpan) -> bool:
    """The previous quotation closes in the sentence where ``q`` opens."""
    if prev.close_at is None:
        return False
    close, mark = token_at(doc, prev.close_at), token_at(doc, q.open_at)
    return close is not None and mark is not None and close.sent.start == mark.sent.start


def _merge_continued(text: str, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """A quotation left open at its paragraph end and the one opening the next paragraph
    are one quotation (the news convention for a quote over several paragraphs)."""
    out: list[QuoteSpan] = []
    for q in quotes:
        last = out[-1] if out else None
        if (
            last is None
            or last.close_at is not None
            or q.paragraph != last.paragraph + 1
            or text[last.end : q.open_at].strip()
        ):
            out.append(q)
            continue
        out[-1] = replace(
            last,
            end=q.end,
            close_at=q.close_at,
            paragraph=q.paragraph,
            speaker=last.speaker or q.speaker,
            via=last.via or q.via,
            attached=last.attached or q.attached,
        )
    return out


def _fill_back(quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    """A quotation running to its paragraph end takes the speaker of its continuation."""
    out = list(quotes)
    for k in range(len(out) - 2, -1, -1):
        q, nxt = out[k], out[k + 1]
        if q.speaker is None and q.close_at is None and _continues(q, nxt):
            out[k] = replace(q, speaker=nxt.speaker, via=nxt.via)
    return out


def _continues(prev: QuoteSpan, q: QuoteSpan) -> bool:
    """Same paragraph, or the previous quotation ran to the end of its paragraph."""
    return prev.paragraph == q.paragraph or (
        prev.close_at is None and q.paragraph == prev.paragraph + 1
    )


def _spread_via(quotes: list[QuoteSpan], publisher: str | None) -> list[QuoteSpan]:
    """Within a run of quotations by one speaker, a via named once applies to all."""
    out = list(quotes)
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j + 1].speaker is out[i].speaker:
            j += 1
        run_via = next((q.via for q in out[i : j + 1] if q.via is not None), None)
        for k in range(i, j + 1):
            via = out[k].via or run_via
            if via is not None and via.key == publisher:
                via = None
            out[k] = replace(out[k], via=via)
        i = j + 1
    return [q for q in out if q.speaker is not None or q.end - q.start > 0]


def evidence_span(doc: Doc, q: QuoteSpan) -> Span:
    """The sentences a quotation touches (its evidence), as one Span."""
    first = token_at(doc, q.start) or token_at(doc, q.open_at) or _token_before(doc, q.start)
    last = token_at(doc, max(q.start, q.end - 1)) or _token_before(doc, q.end - 1)
    return doc[first.sent.start : max(last.sent.end, first.sent.end)]


def _token_before(doc: Doc, char: int) -> Token:
    """The token at or before ``char`` (a mark inside white space has no token of its own)."""
    k = bisect_right([t.idx for t in doc], char) - 1
    return doc[max(0, k)]
