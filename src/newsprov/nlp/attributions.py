"""Attributions: every source, cue and content span of an article (the PolNeAR/PARC model).

An attribution says *who* (source span) is credited by *which words* (cue) with *what*
(content spans). The ``newsprov_attributions`` component finds them with the rules below
and writes them to ``doc.spans`` ("np_source", "np_cue", "np_content", "np_via"; each
span's ``kb_id_`` numbers its attribution, its ``label_`` is the rule). Cue words come
from the frozen ``CueLexicon`` (data, ``lexicon/attribution.json``). ``attributions(doc)``
reads them back. Resolving a source span to an entity is the next step (``resolution``).

Rules, one function each:

* **verb** (**intent** for verbs of wanting and committing): a cue verb's subject is the
  source; its clausal complement ("X said that …",
  "X wants to …"), the clause it interrupts ("…, X said."), else the rest of its own
  phrase ("X promised 25 million jobs") is content, and so is a quotation opening or
  closing in its sentence that no nearer cue claims ("“…,” X said").
* **phrase**: "according to X" makes X the source of its sentence.
* **document**: a document with a named owner speaks for the owner ("X's plan would cap
  … at 28 percent", "under X's proposal, …").
* **citing**: "…, citing X" makes X the source of the clause the participle hangs on.
* **colon**: a cue whose sentence ends in ":" introduces the next paragraph.
* **transcript**: "NAME: …" opening a paragraph credits the paragraph to NAME.
* **dash**: "“…” ― Jane Doe" credits the quotation to the name after the dash.
* **clause**: a quotation inside a sentence that no cue claims belongs to the subject of
  the verb it hangs on ("X dismissed Estonia as the “suburbs of …”").
* **carry** (the one carry-over rule): a quotation no cue claims continues the source of
  the last attribution before it in its paragraph; one opening its paragraph continues
  the previous paragraph's last quotation.

Quotations are never cues for the words inside them: a cue verb inside quotation marks
is the speaker's own wording.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

from .boundaries import credit_spans, heading_spans, paragraph_breaks
from .cues import CueLexicon, load_cues
from .quotemarks import QuoteSpan, find_quote_spans, token_at
from .subjects import subject_of

__all__ = ["AttributionSpan", "Attributions", "attributions", "find_attributions"]

Char = tuple[int, int]
_GROUPS = ("np_source", "np_cue", "np_content", "np_via")
_CLAUSES = {"ccomp", "xcomp", "csubj"}
_INTERRUPTING = {"parataxis", "ccomp", "advcl"}
_VERBS = {"VERB", "AUX"}
_NOT_CONTENT = {"punct", "aux", "neg", "cc", "conj", "advmod", "nsubj", "nsubjpass", "agent"}
_TRANSCRIPT_MAX = 4  # tokens of a "NAME:" speaker label
_NP_MAX = 8  # tokens of a speaker phrase between a closing mark and its verb
_STOPS = {"”", '"', ",", ";", ":", "(", "—", "–"}


@dataclass(frozen=True, slots=True)
class AttributionSpan:
    """One attribution: token spans for source, cue and via, char spans for content."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[Char, ...]
    kind: str
    via: tuple[int, int] | None = None

    def overlap(self, start: int, end: int) -> int:
        """Characters of ``[start, end)`` inside the content."""
        return sum(max(0, min(e, end) - max(s, start)) for s, e in self.content)

    @property
    def size(self) -> int:
        return sum(e - s for s, e in self.content)


class Attributions:
    """The attribution component (see the module docstring)."""

    def __init__(self, cues: CueLexicon) -> None:
        self.cues = cues

    def __call__(self, doc: Doc) -> Doc:
        write(doc, find_attributions(doc, self.cues))
        return doc


@Language.factory(
    "newsprov_attributions",
    requires=["token.dep", "token.head", "token.lemma", "token.pos", "token.is_sent_start"],
    assigns=["doc.spans"],
    default_config={"lexicon_path": None},
)
def make_attributions(nlp: Language, name: str, lexicon_path: str | None) -> Attributions:
    """Factory: ``lexicon_path`` replaces the packaged cue lexicon."""
    return Attributions(load_cues(lexicon_path))


def find_attributions(doc: Doc, cues: CueLexicon) -> list[AttributionSpan]:
    """Every attribution of ``doc`` in text order (see the module docstring)."""
    skip = [*heading_spans(doc), *credit_spans(doc)]
    text = doc.text  # built once: Doc.text joins every token
    quotes = [q for q in find_quote_spans(text, skip) if not q.single]
    inside = _inside_quotes(doc, quotes)
    marks_at = _mark_tokens(doc, quotes)
    found: list[AttributionSpan] = []
    claimed: dict[int, int] = {}  # quote index -> attribution index
    for sent in doc.sents:
        found += _sentence_cues(sent, cues, quotes, marks_at, inside, claimed, len(found))
    found += _transcripts(doc, text, skip)
    found = _dash_credits(doc, text, cues, quotes, claimed, found)
    found = _colon_intros(doc, quotes, claimed, found)
    found = _clause_subjects(doc, cues, quotes, inside, claimed, found)
    found = _carry(doc, quotes, claimed, found)
    return sorted(found, key=lambda a: (a.cue, a.content))


def _inside_quotes(doc: Doc, quotes: Sequence[QuoteSpan]) -> set[int]:
    out: set[int] = set()
    for q in quotes:
        span = doc.char_span(q.start, q.end, alignment_mode="contract")
        if span is not None:
            out.update(range(span.start, span.end))
    return out


def _sentence_cues(
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
    for verb in verbs:
        out.append(_verb_attribution(verb, cues, inside))
    out += _phrase_attributions(sent, cues, inside)
    out += _owned_documents(sent, cues, inside, {v.i for v in verbs})
    for qi in _claim_quotes(sent, verbs, marks_at, claimed, offset):
        k = claimed[qi] - offset
        q = quotes[qi]
        out[k] = replace(out[k], content=_merge((*out[k].content, (q.start, q.end))))
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
        source = _phrase_span(owner, inside)
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in _VERBS:
            if tok.head.i in cued:
                continue
            content = _clause_content(tok.head, tok, cues)
        elif tok.dep_ == "pobj" and tok.head.lower_ in {"under", "in", "by"}:
            content = _sent_chars(sent)
        else:
            continue
        out.append(AttributionSpan((tok.i, tok.i + 1), source, content, "document"))
    return out


def _is_cue_verb(tok: Token, cues: CueLexicon) -> bool:
    if tok.pos_ not in _VERBS or not cues.is_cue_verb(tok.lemma_, tok.lower_):
        return False
    if tok.dep_ == "amod" or (tok.tag_ == "VBN" and tok.dep_ == "acl"):
        return False  # "the reported figures", "a man named X"
    return tok.lemma_ not in cues.object_source_verbs or tok.tag_ != "VBG"


def _verb_attribution(verb: Token, cues: CueLexicon, inside: set[int]) -> AttributionSpan:
    subj = subject_of(verb)
    if subj is not None and subj.dep_ == "nsubjpass":
        subj = _agent(verb)  # "were recorded by X": X; with no agent, nobody
        if subj is None:
            return AttributionSpan((verb.i, verb.i + 1), None, (), "verb")
    if subj is not None and (subj.lower_ in cues.not_sources or subj.i in inside):
        subj = None
    source = _phrase_span(subj, inside) if subj is not None else _words_before(verb)
    content = _clause_content(verb, subj, cues)
    via = _via(verb, cues) if verb.lemma_ in cues.via_verbs else None
    kind = "intent" if verb.lemma_ in cues.intention_verbs else "verb"
    return AttributionSpan((verb.i, verb.i + 1), source, content, kind, via)


def _clause_content(verb: Token, subj: Token | None, cues: CueLexicon) -> tuple[Char, ...]:
    """What the verb attributes: its clausal complement, the clause it interrupts, else
    the rest of its own phrase (less the source and the recipient)."""
    clauses = [c for c in verb.children if c.dep_ in _CLAUSES]
    if clauses:
        return _merge(_subtree_chars(c) for c in clauses)
    head = verb.head
    if verb.dep_ in _INTERRUPTING and head.i != verb.i and head.i < verb.i:
        start = head.left_edge.idx
        stop = verb.left_edge.idx
        if subj is not None:
            stop = min(stop, subj.left_edge.idx)
        return ((start, stop),) if stop > start else ()
    skip = subj.i if subj is not None else -1
    rest = [
        c
        for c in verb.children
        if c.i != skip
        and c.dep_ not in _NOT_CONTENT
        and not (verb.lemma_ in cues.via_verbs and c.dep_ in {"dobj", "dative", "iobj"})
    ]
    return _merge(_subtree_chars(c) for c in rest)


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
    for phrase in cues.phrases:
        n = len(phrase)
        for k in range(len(words) - n + 1):
            if tuple(words[k : k + n]) != phrase or sent[k].i in inside:
                continue
            prep = sent[k + n - 1]
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            obj = obj or (sent[k + n] if k + n < len(sent) else None)
            if obj is None:
                continue
            cue = (sent[k].i, prep.i + 1)
            out.append(AttributionSpan(cue, _phrase_span(obj, inside), _sent_chars(sent), "phrase"))
    for tok in sent:
        if tok.lemma_ in cues.object_source_verbs and tok.tag_ == "VBG" and tok.i not in inside:
            obj = next((c for c in tok.children if c.dep_ in {"dobj", "pobj"}), None)
            if obj is not None:
                content = _sent_chars(sent)
                src = _phrase_span(obj, inside)
                out.append(AttributionSpan((tok.i, tok.i + 1), src, content, "citing"))
    return out


def _claim_quotes(
    sent: Span,
    verbs: list[Token],
    marks_at: dict[int, list[int]],
    claimed: dict[int, int],
    offset: int,
) -> list[int]:
    """Each quotation opening or closing in this sentence goes to the nearest cue verb
    of the sentence outside quotation marks; returns the quotations claimed here."""
    if not verbs:
        return []
    near: dict[int, list[int]] = {}
    for i in range(sent.start, sent.end):
        for qi in marks_at.get(i, ()):
            near.setdefault(qi, []).append(i)
    out = []
    for qi, toks in near.items():
        if qi in claimed:
            continue
        best = min(range(len(verbs)), key=lambda k: min(abs(verbs[k].i - t) for t in toks))
        claimed[qi] = offset + best
        out.append(qi)
    return out


def _mark_tokens(doc: Doc, quotes: Sequence[QuoteSpan]) -> dict[int, list[int]]:
    """Token index -> the quotations whose opening or closing mark it is."""
    out: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        for m in (q.open_at, q.close_at):
            tok = token_at(doc, m) if m is not None else None
            if tok is not None:
                out.setdefault(tok.i, []).append(qi)
    return out


def _transcripts(doc: Doc, text: str, skip: Sequence[Char]) -> list[AttributionSpan]:
    """ "PENCE: …" / "WALLACE: …" opening a paragraph (after an optional quotation mark)."""
    bounds = [0, *paragraph_breaks(text), len(text)]
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
        if not all(t.is_alpha and t.is_upper and len(t) > 1 for t in name):
            continue
        body = (toks[colon].idx + 1, len(text[:end].rstrip()))
        src = (name[0].i, name[-1].i + 1)
        out.append(AttributionSpan((toks[colon].i, toks[colon].i + 1), src, (body,), "transcript"))
    return out


def _dash_credits(
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
        cue_tok = token_at(doc, dash_at) or name[0]
        att = AttributionSpan(
            (cue_tok.i, cue_tok.i + 1), (name[0].i, name[-1].i + 1), ((q.start, q.end),), "dash"
        )
        if qi in claimed:
            out[claimed[qi]] = _without(out[claimed[qi]], q)
        claimed[qi] = len(out)
        out.append(att)
    return out


def _without(a: AttributionSpan, q: QuoteSpan) -> AttributionSpan:
    kept = tuple(c for c in a.content if c != (q.start, q.end))
    return replace(a, content=kept)


def _colon_intros(
    doc: Doc, quotes: Sequence[QuoteSpan], claimed: dict[int, int], found: list[AttributionSpan]
) -> list[AttributionSpan]:
    """A cue in a sentence ending with ":" takes the next paragraph as content (all of
    a quotation that starts there)."""
    text = doc.text
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
        out[ai] = replace(a, content=_merge((*a.content, body)))
    return out


def _colon_subjects(doc: Doc, found: Sequence[AttributionSpan]) -> list[AttributionSpan]:
    """A sentence ending in ":" with no cue of its own introduces what follows in the name
    of its main subject ("Sanders made the following comment:")."""
    cued = {doc[a.cue[0]].sent.start for a in found}
    out = []
    for sent in doc.sents:
        last = next((t for t in reversed(sent) if not t.is_space), None)
        root = sent.root
        if last is None or last.text != ":" or sent.start in cued or root.pos_ not in _VERBS:
            continue
        subj = subject_of(root)
        if subj is not None and subj.dep_ != "nsubjpass":
            span = _phrase_span(subj, set())
            out.append(AttributionSpan((root.i, root.i + 1), span, (), "verb"))
    return out


def _carry(
    doc: Doc, quotes: Sequence[QuoteSpan], claimed: dict[int, int], found: list[AttributionSpan]
) -> list[AttributionSpan]:
    """The carry-over rule: a quotation no cue claims continues the source of the last
    attribution before it in its paragraph; one that opens its paragraph continues the
    previous paragraph's last quotation."""
    text = doc.text
    breaks = paragraph_breaks(text)
    out = list(found)
    quoted = {ai for ai in claimed.values()}
    order = sorted((doc[a.cue[0]].idx, ai) for ai, a in enumerate(found) if a.source is not None)
    for qi, q in enumerate(quotes):
        if qi in claimed:
            continue
        para = bisect_right(breaks, q.open_at)
        prior = [ai for at, ai in order if at < q.open_at and bisect_right(breaks, at) == para]
        if not prior and not text[_para_start(text, q) : q.open_at].strip():
            prior = [
                ai for at, ai in order if bisect_right(breaks, at) == para - 1 and ai in quoted
            ]
        if not prior:
            continue
        a = out[prior[-1]]
        out.append(AttributionSpan(a.cue, a.source, ((q.start, q.end),), "carry", a.via))
        claimed[qi] = len(out) - 1
    return out


def _clause_subjects(
    doc: Doc,
    cues: CueLexicon,
    quotes: Sequence[QuoteSpan],
    inside: set[int],
    claimed: dict[int, int],
    found: list[AttributionSpan],
) -> list[AttributionSpan]:
    """A quotation inside a sentence that no cue claims ("X dismissed Estonia as the
    “suburbs of St. Petersburg”") is credited to the subject of the verb it hangs on."""
    out = list(found)
    for qi, q in enumerate(quotes):
        mark = token_at(doc, q.open_at)
        if qi in claimed or mark is None or mark.i == mark.sent.start:
            continue
        if mark.i + 1 >= len(doc):
            continue
        tok = doc[mark.i + 1]
        steps = 0
        while (tok.i in inside or tok.pos_ not in _VERBS) and tok.head.i != tok.i and steps < 12:
            tok, steps = tok.head, steps + 1
        if tok.i in inside or tok.pos_ not in _VERBS or not tok.is_alpha:
            continue
        subj = subject_of(tok)
        if subj is None or subj.i in inside or subj.lower_ in cues.not_sources:
            continue
        src = _phrase_span(subj, inside)
        out.append(AttributionSpan((tok.i, tok.i + 1), src, ((q.start, q.end),), "clause"))
        claimed[qi] = len(out) - 1
    return out


def _para_start(text: str, q: QuoteSpan) -> int:
    return text.rfind("\n", 0, q.open_at) + 1


def _phrase_span(tok: Token, inside: set[int]) -> tuple[int, int]:
    """The noun phrase of ``tok`` (its subtree, cut at a quotation or a clause)."""
    left = tok.i
    while (
        left > tok.left_edge.i
        and left - 1 not in inside
        and tok.doc[left - 1].dep_ not in {"punct"}
    ):
        left -= 1
    while left < tok.i and tok.doc[left].is_space:
        left += 1
    right = tok.i + 1
    for t in tok.rights:
        if t.is_space:
            break
        if t.dep_ in {"relcl", "acl", "punct", "appos", "advcl", "case"} or t.i in inside:
            break
        right = t.right_edge.i + 1
    return (left, right)


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


def _subtree_chars(tok: Token) -> Char:
    left, right = tok.left_edge, tok.right_edge
    return (left.idx, right.idx + len(right))


def _sent_chars(sent: Span) -> tuple[Char, ...]:
    return ((sent.start_char, sent.end_char),)


def _merge(spans: Iterable[Char]) -> tuple[Char, ...]:
    out: list[Char] = []
    for s, e in sorted(x for x in spans if x[1] > x[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return tuple(out)


# --- doc.spans ------------------------------------------------------------------------


def write(doc: Doc, found: Sequence[AttributionSpan]) -> None:
    """Store ``found`` in ``doc.spans`` (one group per role, numbered by ``kb_id_``)."""
    groups: dict[str, list[Span]] = {g: [] for g in _GROUPS}
    for n, a in enumerate(found):
        key = str(n)
        groups["np_cue"].append(Span(doc, *a.cue, label=a.kind, kb_id=key))
        if a.source is not None:
            groups["np_source"].append(Span(doc, *a.source, label=a.kind, kb_id=key))
        if a.via is not None:
            groups["np_via"].append(Span(doc, *a.via, label=a.kind, kb_id=key))
        for s, e in a.content:
            span = doc.char_span(s, e, label=a.kind, kb_id=key, alignment_mode="expand")
            if span is not None:
                groups["np_content"].append(span)
    for name, spans in groups.items():
        doc.spans[name] = SpanGroup(doc, name=name, spans=spans)


def attributions(doc: Doc) -> list[AttributionSpan]:
    """The attributions the component stored in ``doc.spans``, in the order found."""
    if "np_cue" not in doc.spans:
        return []
    by_key: dict[str, dict[str, list[Span]]] = {}
    for name in _GROUPS:
        for span in doc.spans.get(name, []):
            by_key.setdefault(span.kb_id_, {}).setdefault(name, []).append(span)
    out = []
    for key in sorted(by_key, key=int):
        parts = by_key[key]
        cue = parts["np_cue"][0]
        src = parts.get("np_source", [None])[0]
        via = parts.get("np_via", [None])[0]
        content = tuple((s.start_char, s.end_char) for s in parts.get("np_content", []))
        out.append(
            AttributionSpan(
                (cue.start, cue.end),
                (src.start, src.end) if src is not None else None,
                content,
                cue.label_,
                (via.start, via.end) if via is not None else None,
            )
        )
    return out
