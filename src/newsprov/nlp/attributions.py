"""Attributions: every source, cue and content span of an article (the PolNeAR/PARC model).

An attribution says *who* (source span) is credited by *which words* (cue) with *what*
(content spans). The ``newsprov_attributions`` component finds them with the rules below
and writes them to ``doc.spans`` ("np_source", "np_cue", "np_content", "np_via"; each
span's ``kb_id_`` numbers its attribution, its ``label_`` is the rule). Cue words come
from the frozen ``CueLexicon`` (data, ``lexicon/attribution.json``). ``attributions(doc)``
reads them back. Resolving a source span to an entity is the next step (``resolution``).

Rules, one function each (``sentence_cues`` within a sentence, ``paragraph_cues`` across
paragraphs and quotation runs; ``attribution_span`` holds the record):

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
* **frame** also: a quotation opening after a colon that ends a document's phrase is its
  wording ("exemplified by this finding: “…”").
* **transcript**: "NAME: …" opening a paragraph credits the paragraph to NAME (a name in
  capitals, or a person's name or a word of one: "Luciana Lopez: …", "Lopez: …").
* **dash**: "“…” ― Jane Doe" credits the quotation to the name after the dash.
* **clause**: a quotation inside a sentence that no cue claims belongs to the subject of
  the verb it hangs on ("X dismissed Estonia as the “suburbs of …”") or of the clause a
  colon or dash ends just before it ("X embraced the plan -- “…”").
* **carry** (the one carry-over rule): a quotation no cue claims continues the source of
  the last attribution before it in its paragraph; one opening its paragraph continues
  the previous paragraph's last quotation, or, when that paragraph quotes nobody, the
  person or organisation its last sentence has as subject ("Howard continued his
  remarks.") or else credits with a cue ("The board issued a statement apologizing.").

Quotations are never cues for the words inside them: a cue verb inside quotation marks
is the speaker's own wording.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .attribution_span import AttributionSpan
from .boundaries import credit_spans, doc_text, heading_spans
from .cues import CueLexicon, load_cues
from .gazetteer import doc_headlines
from .paragraph_cues import (
    carry,
    clause_subjects,
    colon_intros,
    dash_credits,
    document_colons,
    transcripts,
)
from .quotemarks import find_quote_spans
from .sentence_cues import inside_quotes, mark_tokens, sentence_cues

__all__ = ["AttributionSpan", "Attributions", "attributions", "find_attributions"]

_GROUPS = ("np_source", "np_cue", "np_content", "np_via")


class Attributions:
    """The attribution component (see the module docstring)."""

    def __init__(self, cues: CueLexicon) -> None:
        self.cues = cues

    def __call__(self, doc: Doc) -> Doc:
        write(doc, find_attributions(doc, self.cues))
        return doc


@Language.factory(
    "newsprov_attributions",
    requires=[
        "token.dep",
        "token.head",
        "token.lemma",
        "token.pos",
        "token.is_sent_start",
        "doc.ents",
    ],
    assigns=["doc.spans"],
    default_config={"lexicon_path": None},
)
def make_attributions(nlp: Language, name: str, lexicon_path: str | None) -> Attributions:
    """Factory: ``lexicon_path`` replaces the packaged cue lexicon."""
    return Attributions(load_cues(lexicon_path))


def find_attributions(doc: Doc, cues: CueLexicon) -> list[AttributionSpan]:
    """Every attribution of ``doc`` in text order (see the module docstring)."""
    text = doc_text(doc)  # built once: Doc.text joins every token
    others = doc_headlines(doc)  # other stories' headlines: nobody here says them
    skip = [*heading_spans(doc), *credit_spans(doc), *others]
    quotes = [q for q in find_quote_spans(text, skip) if not q.single]
    inside = inside_quotes(doc, quotes)
    marks_at = mark_tokens(doc, quotes)
    found: list[AttributionSpan] = []
    claimed: dict[int, int] = {}  # quote index -> attribution index
    for sent in doc.sents:
        if any(s <= sent.start_char < e for s, e in others):
            continue
        found += sentence_cues(sent, cues, quotes, marks_at, inside, claimed, len(found))
    found += transcripts(doc, text, skip)
    found = dash_credits(doc, text, cues, quotes, claimed, found)
    found = colon_intros(doc, quotes, claimed, found)
    found = document_colons(doc, text, cues, quotes, claimed, found)
    found = clause_subjects(doc, cues, quotes, inside, claimed, found)
    found = carry(doc, quotes, claimed, found)
    return sorted(found, key=lambda a: (a.cue, a.content))


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
