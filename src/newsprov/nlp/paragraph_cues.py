"""Attribution rules over paragraphs and quotation runs: transcript labels, dash
credits, colon introductions, the subject a quotation hangs on, and the one carry-over
rule (see ``attributions``)."""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Doc, Token

from .aliases import lexicon
from .attribution_span import AttributionSpan, Char, merge, phrase_span
from .boundaries import doc_text, paragraph_breaks
from .cues import CueLexicon
from .known_names import countries
from .quotemarks import QuoteSpan, token_at
from .sentence_cues import VERBS
from .subjects import subject_of
from .tokens import DASHES

__all__ = [
    "carry",
    "clause_subjects",
    "colon_intros",
    "dash_credits",
    "document_colons",
    "transcripts",
]

_TRANSCRIPT_MAX = 4  # tokens of a "NAME:" speaker label
_PLACE_LABELS = {"GPE", "LOC"}


def transcripts(doc: Doc, text: str, skip: Sequence[Char]) -> list[AttributionSpan]:
    """ "PENCE: …" / "WALLACE: …" opening a paragraph (after an optional quotation mark),
    or a person's name written as the model tags it ("Luciana Lopez: …") or a lone word
    of such a name ("Lopez: …")."""
    bounds = [0, *paragraph_breaks(text), len(text)]
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    named = {(e.start, e.end) for e in people}
    words = {t.text for e in people for t in e if t.is_alpha and t.is_title and len(t) > 2}
    places = {e.text for e in doc.ents if e.label_ in _PLACE_LABELS and not e.text.isupper()}
    out = []
    for start, end in pairwise(bounds):
        if any(s <= start < e for s, e in skip):
            continue
        span = doc.char_span(start, min(end, start + 60), alignment_mode="contract")
        if span is None:
            continue
        toks = [t for t in span if not t.is_space]
        lead = 1 if toks and toks[0].text in {'"', "“"} else 0
        colon = next((k for k, t in enumerate(toks) if t.text == ":"), None)
        if colon is None or colon == lead or colon - lead > _TRANSCRIPT_MAX:
            continue
        name = toks[lead:colon]
        capitals = all(t.is_alpha and t.is_upper and len(t) > 1 for t in name)
        person = (name[0].i, name[-1].i + 1) in named or (
            len(name) == 1 and name[0].text in words
        )
        if not capitals and not person:
            continue
        label = " ".join(t.text for t in name).title()
        if label in places or tuple(label.split()) in countries():
            continue  # "INDIA: Up to 300 …": a dateline
        body = (toks[colon].idx + 1, len(text[:end].rstrip()))
        src = (name[0].i, name[-1].i + 1)
        out.append(AttributionSpan((toks[colon].i, toks[colon].i + 1), src, (body,), "transcript"))
    return out


def dash_credits(
    doc: Doc,
    text: str,
    cues: CueLexicon,
    quotes: Sequence[QuoteSpan],
    claimed: dict[int, int],
    found: list[AttributionSpan],
) -> list[AttributionSpan]:
    """ "“…” ― Jane Doe": the capitalised name after a dash credits the quotation."""
    out = list(found)
    for qi, q in enumerate(quotes):
        if q.close_at is None:
            continue
        after = text[q.close_at + 1 : q.close_at + 8]
        gap = len(after) - len(after.lstrip())
        dash_at = q.close_at + 1 + gap
        dash = next(
            (d for d in sorted(cues.dashes, key=len, reverse=True) if text.startswith(d, dash_at)),
            None,
        )
        name_at = dash_at + len(dash) if dash else 0
        while dash and name_at < len(text) and text[name_at] in " \t\u00a0":
            name_at += 1
        first = token_at(doc, name_at) if dash else None
        if dash is None or first is None:
            continue
        if first.is_space and first.i + 1 < len(doc):
            first = doc[first.i + 1]
        name = []
        for t in doc[first.i : first.i + 5]:
            if not (t.text[:1].isupper() or t.text == "."):
                break
            name.append(t)
        while name and name[-1].text == ".":
            name.pop()
        if not name or not name[0].text[:1].isupper():
            continue
        if "\n" in text[q.close_at + 1 : dash_at] and not _ends_line(doc, text, name[-1]):
            continue  # a dash opening the next line is a bullet, unless the line is the name
        cue_tok = token_at(doc, dash_at) or name[0]
        att = AttributionSpan(
            (cue_tok.i, cue_tok.i + 1), (name[0].i, name[-1].i + 1), ((q.start, q.end),), "dash"
        )
        if qi in claimed:
            out[claimed[qi]] = _without(out[claimed[qi]], q)
        claimed[qi] = len(out)
        out.append(att)
    return out


def _ends_line(doc: Doc, text: str, last: Token) -> bool:
    """Whether the line goes on after ``last`` only with a role set off by a comma."""
    rest = text[last.idx + len(last.text) :].split("\n", 1)[0].strip()
    return not rest or rest[0] == ","


def document_colons(
    doc: Doc,
    text: str,
    cues: CueLexicon,
    quotes: Sequence[QuoteSpan],
    claimed: dict[int, int],
    found: list[AttributionSpan],
) -> list[AttributionSpan]:
    """ "… exemplified by this finding: “27 companies …”": a quotation no cue claims,
    opening right after a colon that ends a document's noun phrase, is that document's
    wording; the active subject of the clause presenting the document owns it ("Obama is
    rolling out a new message: “…”"); after any other phrase, the subject of the
    sentence's main verb before the colon ("The paper focuses on the toll: “…”")."""
    out = list(found)
    for qi, q in enumerate(quotes):
        if qi in claimed:
            continue
        before = text[: q.open_at].rstrip()
        colon = token_at(doc, len(before) - 1) if before.endswith(":") else None
        if colon is None or colon.i == 0:
            continue
        noun = doc[colon.i - 1]
        if noun.pos_ not in {"NOUN", "PROPN"} or not cues.is_document(noun.lemma_, noun.lower_):
            root = colon.head  # "The paper focuses on the death toll: “…”"
            subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if root.pos_ in VERBS and root.i < colon.i and subj is not None:
                claimed[qi] = len(out)
                src = phrase_span(subj, set())
                out.append(
                    AttributionSpan((colon.i, colon.i + 1), src, ((q.start, q.end),), "clause")
                )
            continue
        left = noun.i
        while left > noun.sent.start and doc[left - 1].dep_ in {"det", "amod", "compound", "poss"}:
            left -= 1
        source = (left, noun.i + 1)
        verb = next((t for t in noun.ancestors if t.pos_ in VERBS), None)
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb else None
        if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
            source = phrase_span(subj, set())
        claimed[qi] = len(out)
        out.append(AttributionSpan((colon.i, colon.i + 1), source, ((q.start, q.end),), "frame"))
    return out


def _without(a: AttributionSpan, q: QuoteSpan) -> AttributionSpan:
    kept = tuple(c for c in a.content if c != (q.start, q.end))
    return replace(a, content=kept)


def colon_intros(
    doc: Doc, quotes: Sequence[QuoteSpan], claimed: dict[int, int], found: list[AttributionSpan]
) -> list[AttributionSpan]:
    """A cue in a sentence ending with ":" takes the next paragraph as content (all of
    a quotation that starts there)."""
    text = doc_text(doc)
    breaks = paragraph_breaks(text)
    out = [*found, *_colon_subjects(doc, found)]
    done: set[int] = set()
    for ai, a in enumerate(list(out)):
        if a.kind not in {"verb", "intent"}:
            continue
        sent = doc[a.cue[0]].sent
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is None or last.text != ":" or a.cue[0] in done:
            continue
        done.add(a.cue[0])
        start = last.idx + 1
        nxt = next((b for b in breaks if b > start), len(text))
        stop = (
            next((b for b in breaks if b > nxt), len(text)) if not text[start:nxt].strip() else nxt
        )
        body = (start, len(text[:stop].rstrip()))
        for qi, q in enumerate(quotes):
            if body[0] <= q.open_at < body[1] and qi not in claimed:
                body = (body[0], max(body[1], q.end))
                claimed[qi] = ai
        out[ai] = replace(a, content=merge((*a.content, body)))
    return out


def _colon_subjects(doc: Doc, found: Sequence[AttributionSpan]) -> list[AttributionSpan]:
    """A sentence ending in ":" with no cue of its own introduces what follows in the name
    of its main subject ("Sanders made the following comment:")."""
    cued = {doc[a.cue[0]].sent.start for a in found}
    out = []
    for sent in doc.sents:
        last = next((t for t in reversed(sent) if not t.is_space), None)
        root = sent.root
        if last is None or last.text != ":" or sent.start in cued or root.pos_ not in VERBS:
            continue
        subj = subject_of(root)
        if subj is not None and subj.dep_ != "nsubjpass":
            span = phrase_span(subj, set())
            out.append(AttributionSpan((root.i, root.i + 1), span, (), "verb"))
    return out


def carry(
    doc: Doc, quotes: Sequence[QuoteSpan], claimed: dict[int, int], found: list[AttributionSpan]
) -> list[AttributionSpan]:
    """The carry-over rule: a quotation no cue claims continues the source of the last
    attribution before it in its paragraph; one that opens its paragraph continues the
    previous paragraph's last quotation, or, after a paragraph that quotes nobody, whom
    that paragraph ends on (``_introduction``)."""
    text = doc_text(doc)
    breaks = paragraph_breaks(text)
    out = list(found)
    quoted = {ai for ai in claimed.values()}
    order = sorted((doc[a.cue[0]].idx, ai) for ai, a in enumerate(found) if a.source is not None)
    for qi, q in enumerate(quotes):
        if qi in claimed:
            continue
        para = bisect_right(breaks, q.open_at)
        prior = [ai for at, ai in order if at < q.open_at and bisect_right(breaks, at) == para]
        opens = not text[_para_start(text, q) : q.open_at].strip()
        if not prior and opens:
            prior = [
                ai for at, ai in order if bisect_right(breaks, at) == para - 1 and ai in quoted
            ]
        if not prior:
            covered = any(s < q.end and q.start < e for a in out for s, e in a.content)
            intro = (
                None
                if covered or not opens
                else _introduction(doc, text, breaks, q, quotes, order, out)
            )
            if intro is not None:
                out.append(replace(intro, content=((q.start, q.end),)))
                claimed[qi] = len(out) - 1
                insort(order, (q.open_at, len(out) - 1))  # what follows continues it
                quoted.add(len(out) - 1)
            continue
        a = out[prior[-1]]
        out.append(AttributionSpan(a.cue, a.source, ((q.start, q.end),), "carry", a.via))
        claimed[qi] = len(out) - 1
        insort(order, (q.open_at, len(out) - 1))  # a run of quoted paragraphs goes on
        quoted.add(len(out) - 1)
    return out


def _introduction(
    doc: Doc,
    text: str,
    breaks: Sequence[int],
    q: QuoteSpan,
    quotes: Sequence[QuoteSpan],
    order: Sequence[tuple[int, int]],
    found: Sequence[AttributionSpan],
) -> AttributionSpan | None:
    """The carry-over rule's first case: a quotation opening a paragraph after one that
    quotes nobody continues in the name of the main subject of that paragraph's last
    sentence, a person or organisation ("Howard continued his remarks."), else of the
    source of that sentence's cue ("The board issued a statement apologizing.")."""
    para = bisect_right(breaks, q.open_at)
    if para == 0:
        return None
    start = breaks[para - 2] if para >= 2 else 0
    end = breaks[para - 1]
    if not text[start:end].strip() or any(start <= o.open_at < end for o in quotes):
        return None
    before = doc.char_span(start, end, alignment_mode="contract")
    last = next((t for t in reversed(before) if not t.is_space), None) if before else None
    if last is None or last.text not in {".", "!"}:
        return None
    sent = last.sent
    root = sent.root
    subj = subject_of(root) if root.pos_ in VERBS else None
    personal = lexicon().pronouns_person
    speaks = subj is not None and (subj.ent_type_ in _SPEAKING or subj.lower_ in personal)
    if subj is not None and speaks and subj.dep_ != "nsubjpass" and subj.i >= sent.start:
        return AttributionSpan((root.i, root.i + 1), phrase_span(subj, set()), (), "carry")
    cued = [ai for at, ai in order if sent.start_char <= at < end]
    return found[cued[-1]] if cued else None


_SPEAKING = {"PERSON", "ORG", "NORP"}  # entity labels of who may go on speaking


def clause_subjects(
    doc: Doc,
    cues: CueLexicon,
    quotes: Sequence[QuoteSpan],
    inside: set[int],
    claimed: dict[int, int],
    found: list[AttributionSpan],
) -> list[AttributionSpan]:
    """A quotation inside a sentence that no cue claims ("X dismissed Estonia as the
    “suburbs of St. Petersburg”") is credited to the subject of the verb it hangs on, or of
    the clause that a colon or dash just before it ends ("X recalled the freeze: “…”")."""
    out = list(found)
    for qi, q in enumerate(quotes):
        mark = token_at(doc, q.open_at)
        if qi in claimed or mark is None or mark.i + 1 >= len(doc):
            continue
        tok = doc[mark.i + 1]
        before = doc[mark.i - 1] if mark.i else None
        if before is not None and before.text in _INTRODUCING and before.head.i not in inside:
            tok = before.head  # "… and recalled the closure: “I saw …”", "… -- “I …”"
        elif mark.i == mark.sent.start:
            continue
        steps = 0
        while (tok.i in inside or tok.pos_ not in VERBS) and tok.head.i != tok.i and steps < 12:
            tok, steps = tok.head, steps + 1
        if _describes(tok) and tok.sent.root.pos_ in VERBS:
            tok = tok.sent.root  # "… a lament for immigrants who are “…”": the lament's
        if tok.i in inside or tok.pos_ not in VERBS or not tok.is_alpha:
            continue
        subj = subject_of(tok)
        if subj is None or subj.i in inside or subj.lower_ in cues.not_sources:
            continue
        src = phrase_span(subj, inside)
        out.append(AttributionSpan((tok.i, tok.i + 1), src, ((q.start, q.end),), "clause"))
        claimed[qi] = len(out) - 1
    return out


def _describes(verb: Token) -> bool:
    """Is the verb a relative clause's, describing a noun ("immigrants who are “…”"): the
    quotation is then the words of the sentence's main subject."""
    return verb.dep_ == "relcl" and any(c.lower_ in {"who", "which", "that"} for c in verb.lefts)


_INTRODUCING = {":", *DASHES}  # marks a clause ends on to introduce a quotation


def _para_start(text: str, q: QuoteSpan) -> int:
    return text.rfind("\n", 0, q.open_at) + 1
