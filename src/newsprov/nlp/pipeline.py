"""The spaCy pipeline and the one place NLP output becomes records.

``build_pipeline(model)`` loads a trained pipeline and adds newsprov's components:
boundaries (before the parser), the outlet ruler (before "ner"), the entity fix (after
"ner") and figures (last). ``extract`` runs it over Articles; ``doc_to_records`` turns a
processed Doc into an ``Extraction``. Byline authors and the byline's place are metadata,
not text: they become entities without mentions (merged with one the text names).
"""

from __future__ import annotations

import gc
import importlib
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import accumulate
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprov.errors import ExtractionError, ModelLoadError, NewsprovError
from newsprov.model import (
    MAX_CHARS,
    Article,
    Attribution,
    Entity,
    EntityType,
    Extraction,
    Figure,
    Quote,
    Sentence,
)

from . import entities as _entities  # noqa: F401  (registers the entity factories)
from .aliases import slugify
from .attribute_rules import compile_attribute_ruler
from .attribution import FigureAttribution, attribute_figures, settlement_size
from .attributions import AttributionSpan, attributions, find_attributions
from .blas import use_numpy_blas
from .boundaries import (
    add_news_infixes,
    credit_spans,
    doc_text,
    heading_spans,
    is_body,
    set_article_spans,
)
from .boundaries import trimmed as _trimmed
from .coref import EntityTable
from .cues import load_cues
from .entities import build_entity_table
from .gazetteer import doc_headlines
from .lemmas import cache_lemmas
from .quotes import QuoteSpan, evidence_span, find_quotes
from .resolution import Resolved, resolve_sources
from .sentence_cues import contrasted_statement
from .sentence_dates import figure_date

__all__ = ["MAX_CHARS", "build_pipeline", "check_length", "doc_to_records", "extract"]

MODEL_ENV = "NEWSPROV_SPACY_MODEL"


def _figures_module() -> Any | None:
    """``newsprov.nlp.figures`` when it is installed (it registers "newsprov_figures")."""
    try:
        return importlib.import_module("newsprov.nlp.figures")
    except ImportError:
        return None


def build_pipeline(model: str) -> Language:
    """Load ``model`` and add newsprov's components; raise ModelLoadError when missing."""
    use_numpy_blas()  # the same products, without BLIS's generic kernel (nlp/blas.py)
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError, ValueError) as exc:
        raise ModelLoadError(
            f"cannot load spaCy model {model!r}: {exc}. Install the package or set "
            f"{MODEL_ENV} to an installed pipeline name or path."
        ) from exc
    compile_attribute_ruler(nlp)  # the same rules, matched by look-up (a sixth of the cost)
    cache_lemmas(nlp)  # the same lemmas, each word's found once
    add_news_infixes(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsprov_boundaries", before="parser")
    else:
        nlp.add_pipe("newsprov_boundaries", first=True)
        nlp.add_pipe("sentencizer", after="newsprov_boundaries")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("newsprov_outlets", before="ner")
        nlp.add_pipe("newsprov_entity_fix", after="ner")
    else:
        nlp.add_pipe("newsprov_outlets")
        nlp.add_pipe("newsprov_entity_fix")
    nlp.add_pipe("newsprov_attributions")
    if _figures_module() is not None:
        nlp.add_pipe("newsprov_figures", last=True)
    gc.freeze()  # the model's objects live as long as the process: no collection scans them
    return nlp


def extract(
    nlp: Language, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[Extraction]:
    """One Extraction per Article, in order; the Doc is made from ``article.text``."""

    def docs() -> Iterator[tuple[Doc, Article]]:
        for article in articles:
            check_length(article, nlp)
            doc = nlp.make_doc(article.text)
            set_article_spans(doc, article)
            yield doc, article

    # Worker processes send Docs back as msgpack, which cannot carry FigureSpan objects:
    # with several processes the figures are found here, in doc_to_records, instead.
    skip = ["newsprov_figures"] if n_process != 1 and "newsprov_figures" in nlp.pipe_names else []
    stream = nlp.pipe(
        docs(), as_tuples=True, batch_size=batch_size, n_process=n_process, disable=skip
    )
    for doc, article in stream:
        yield doc_to_records(doc, article)


def check_length(article: Article, nlp: Language | None = None) -> None:
    """Raise ExtractionError when the article is longer than newsprov processes."""
    limit = min(MAX_CHARS, nlp.max_length) if nlp is not None else MAX_CHARS
    if len(article.text) > limit:
        raise ExtractionError(
            f"{article.id}: article too long ({len(article.text):,} characters; "
            f"the limit is {limit:,}): split it into parts"
        )


def doc_to_records(doc: Doc, article: Article) -> Extraction:
    """The records of one processed Doc (the only place records are built)."""
    if doc_text(doc) != article.text:
        raise ExtractionError(f"{article.id}: the Doc text is not the article text")
    if "newsprov.headings" not in doc.user_data:
        set_article_spans(doc, article)
    try:
        return _records(doc, article)
    except NewsprovError:
        raise
    except Exception as exc:  # a rule failing on odd text must name the article
        raise ExtractionError(f"{article.id}: extraction failed: {exc!r}") from exc


def _records(doc: Doc, article: Article) -> Extraction:
    table = build_entity_table(doc, article.outlet)
    publisher = table.outlet(article.outlet).key if article.outlet else None
    wires = tuple(dict.fromkeys(table.outlet(w).key for w in article.wires))
    spans = _figure_spans(doc)
    old = attribute_figures(doc, spans, table, publisher)
    old_quotes = [(q.attached, _quote(doc, article, q)) for q in find_quotes(doc, table, publisher)]
    cues = load_cues()
    found = attributions(doc) if "np_cue" in doc.spans else find_attributions(doc, cues)
    known = {c.key for c in table.clusters}
    open_spans = [
        (f.start, f.end) for f, o in zip(spans, old, strict=True) if _open(o) or _relay_only(o)
    ]
    open_spans += [(q.start, q.end) for _, q in old_quotes]
    needed = _needed(found, open_spans)
    verbs_in: dict[int, list[int]] = {}  # sentence start -> its cue verbs with a source
    stated_in: dict[int, list[AttributionSpan]] = {}  # sentence start -> its stated ones
    for k, a in enumerate(found):
        start = doc[a.cue[0]].sent.start
        if a.kind in _STATED:
            stated_in.setdefault(start, []).append(a)
        if a.kind == "verb" and a.source is not None:
            verbs_in.setdefault(start, []).append(k)
    contested = {
        k: _contesting(doc, table, found, verbs_in, f, o)
        for k, (f, o) in enumerate(zip(spans, old, strict=True))
    }
    needed |= {a for a in contested.values() if a is not None}
    needed |= _needed(
        [a if _may_relay(doc, a, table, stated_in) else _NO_CONTENT for a in found],
        [(f.start, f.end) for f in spans] + [(q.start, q.end) for _, q in old_quotes],
    )
    resolved = resolve_sources(doc, table, found, publisher, cues, only=needed)
    title_end = doc_text(doc).find("\n")  # the first line is the page's title
    headings = [*heading_spans(doc), (0, title_end if title_end >= 0 else len(doc_text(doc)))]
    figure_attrs = []
    for k, (f, o) in enumerate(zip(spans, old, strict=True)):
        attr = _figure_attribution(doc, found, resolved, f, o, contested[k])
        if attr.source is not None and attr.source == publisher and _within(f.start, headings):
            # the site's name before its headline: "Site - Toll climbs to 108"
            attr = FigureAttribution(None, None, Attribution.NONE)
        span = (f.start, f.end)
        figure_attrs.append(_relayed(doc, found, resolved, attr, span, attr.source, table))
    figures = _figures(doc, article, table, spans, figure_attrs)
    stated = [_attributed_quote(doc, found, resolved, q, attached) for attached, q in old_quotes]
    quotes = _spread_relay(
        article.text,
        [_relayed(doc, found, resolved, q, (q.start, q.end), q.speaker, table) for q in stated],
    )
    used = {k for f in figures for k in (f.source, f.via)}
    used |= {k for q in quotes for k in (q.speaker, q.via)}
    shadowed = _shadowed(table) - used
    entities = [
        e
        for e in table.entities()
        if ((not e.anonymous and e.key in known) or e.key in used) and e.key not in shadowed
    ]  # sources found unused: none; nor a name cut short where its whole name stands
    authors = tuple(_byline_entity(entities, EntityType.PERSON, a) for a in article.authors)
    place = article.byline_place
    place_key = _byline_entity(entities, EntityType.PLACE, place) if place else None
    return Extraction(
        article=article,
        sentences=tuple(_sentence(s) for s in doc.sents if is_body(doc, s) and _has_text(s)),
        entities=tuple(entities),
        figures=figures,
        quotes=quotes,
        publisher=publisher,
        wires=wires,
        authors=tuple(dict.fromkeys(authors)),
        byline_place=place_key,
    )


def _within(char: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= char < e for s, e in spans)


def _shadowed(table: EntityTable) -> set[str]:
    """Keys of people every mention of whom lies inside another person's mention: "Choi
    Ji" of "Choi Ji-won", kept in the table while the rules ran (figures may credit it)."""
    spans = [
        (c.key, m.start, m.end)
        for c in table.clusters
        if c.kind is EntityType.PERSON
        for m in c.mentions
    ]
    out = set()
    for c in table.clusters:
        if c.kind is not EntityType.PERSON or not c.mentions:
            continue
        if all(
            any(
                k != c.key and s <= m.start and m.end <= e and e - s > m.end - m.start
                for k, s, e in spans
            )
            for m in c.mentions
        ):
            out.add(c.key)
    return out


def _byline_entity(entities: list[Entity], kind: EntityType, name: str) -> str:
    """The key of the ``kind`` entity called ``name`` (canonically or as an alias), added
    to ``entities`` without mentions when the text does not name it."""
    key = f"{kind.value.lower()}/{slugify(name)}"
    for ent in entities:
        if ent.type is kind and (ent.key == key or name in (ent.name, *ent.aliases)):
            return ent.key
    entities.append(Entity(key=key, name=name, type=kind))
    return key


def _needed(found: Sequence[AttributionSpan], open_spans: list[tuple[int, int]]) -> set[int]:
    """The attributions whose content touches a figure or quote still without a source:
    only these are worth resolving (resolution can create entities and costs time)."""
    spans = sorted(open_spans)
    keys = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end among the first k
    out = set()
    for k, a in enumerate(found):
        for s, e in a.content:
            j = bisect_left(keys, e)  # spans starting before the content ends
            if j and reach[j - 1] > s:
                out.add(k)
                break
    return out


def _containing(
    found: Sequence[AttributionSpan],
    resolved: Sequence[Resolved],
    start: int,
    end: int,
    share: float,
) -> Resolved | None:
    """The resolved attribution whose content holds ``share`` of ``[start, end)``: the one
    holding most, then the innermost (smallest content)."""
    k = _holder(found, resolved, start, end, share)
    return resolved[k] if k is not None else None


def _holder(
    found: Sequence[AttributionSpan],
    resolved: Sequence[Resolved],
    start: int,
    end: int,
    share: float,
    *,
    innermost: bool = False,
) -> int | None:
    """Index of the resolved attribution whose content holds ``share`` of ``[start,
    end)``: the one holding most, then the smallest; with ``innermost``, the smallest."""
    need = share * max(1, end - start)
    best: tuple[int, int] | None = None
    pick: int | None = None
    for k, (a, r) in enumerate(zip(found, resolved, strict=True)):
        if r.source is None and r.via is None:
            continue
        ov = a.overlap(start, end)
        rank = (a.size, -ov) if innermost else (-ov, a.size)
        if ov >= need and (best is None or rank < best):
            best, pick = rank, k
    return pick


def _open(old: FigureAttribution) -> bool:
    """Is a figure's attribution by the sentence rules open to a stated attribution: none
    found, or only one carried over from an earlier sentence ("… according to a Reuters
    survey. The study found 31 …": the study's own sentence names its source)?"""
    return (old.source is None and old.via is None) or old.kind is Attribution.CONTEXT


def _relay_only(old: FigureAttribution) -> bool:
    """Did the sentence rules find only the outlet a figure was told to, not who told it?"""
    return old.source is None and old.via is not None


def _contesting(
    doc: Doc,
    table: EntityTable,
    found: Sequence[AttributionSpan],
    verbs_in: dict[int, list[int]],
    f: Any,
    old: FigureAttribution,
) -> int | None:
    """The stated attribution that overrules the sentence rules' source for a figure: a
    cue verb with its own source whose content holds the figure and names the source the
    rules chose ("Audit files from the vendor show that accounts ran 24 searches of Lee's
    data": not Lee). A content never holds its own source."""
    if _open(old) or old.source is None:
        return None
    cluster = table.get(old.source)
    if cluster is None:
        return None
    in_sentence = verbs_in.get(doc[f.num_start].sent.start, [])

    def speaks(k: int) -> bool:
        src, cue = found[k].source, found[k].cue[0]
        if src is None:
            return False
        if any(t.lower_ in {"its", "their"} for t in doc[src[0] : src[1]]):
            return True  # "…, its spokesman told Reuters": he speaks for the body
        root = doc[src[0] : src[1]].root  # with its apposition: "the organisers, X, said"
        apposed = [c for c in root.children if c.dep_ == "appos"]
        left = min([src[0], *(c.left_edge.i for c in apposed)])
        right = max([src[1], *(c.right_edge.i + 1 for c in apposed)])
        return any(
            left <= m.start < right or cue - 3 <= m.end <= cue  # "…, X, said Tuesday"
            for m in cluster.mentions
        )

    speaking = [k for k in in_sentence if speaks(k)]
    cues_at = [doc[found[k].cue[0]].idx for k in speaking]
    holding = [
        k
        for k in in_sentence
        if found[k].overlap(f.start, f.end) >= f.end - f.start
        and not any(found[k].overlap(c, c + 1) for c in cues_at)  # no frame around theirs
    ]
    if speaking and holding and not set(speaking) & set(holding):
        # "X told Reuters …, but that is below the $100B estimated by the firm": X speaks
        # here, but not the words that hold the figure; the innermost cue around them does
        return min(holding, key=lambda k: found[k].size)
    if speaking:
        return None  # "Y noted that X said …": X states something here, inside Y's content
    for k in in_sentence:
        if found[k].overlap(f.start, f.end) < f.end - f.start:
            continue  # the figure is not in this cue's content
        content = found[k].content
        if any(s <= m.start_char and m.end_char <= e for m in cluster.mentions for s, e in content):
            return k
    return None


def _figure_attribution(
    doc: Doc,
    found: Sequence[AttributionSpan],
    resolved: Sequence[Resolved],
    f: Any,
    old: FigureAttribution,
    contested: int | None = None,
) -> FigureAttribution:
    """A figure's source is the source of the attribution whose content contains it (where
    the sentence rules left it ``_open``, or named the content's own words as its source:
    see ``_contesting``); an unnamed person's wish or promise ("a local man promised
    $500") reports nothing, and a stance another source reports is that source's. Where
    the rules found only the outlet ("…, the campaign told USA TODAY"), the statement
    relayed through it names the source."""
    if contested is not None and resolved[contested].source is not None:
        stated = resolved[contested]
        return FigureAttribution(stated.source, stated.via, Attribution.EXPLICIT)
    relay_only = _relay_only(old)
    if not (_open(old) or relay_only) or settlement_size(doc[f.num_start]):
        return old
    kept = [
        k
        for k, a in enumerate(found)
        if a.kind != "intent"
        or (_may_intend(doc, a, resolved[k]) and not _reported(doc, a, found, resolved))
    ]
    if relay_only and not _open(old):  # the rules found only the outlet: who told it?
        kept = [k for k in kept if resolved[k].via == old.via and resolved[k].source]
    r = _containing([found[k] for k in kept], [resolved[k] for k in kept], f.start, f.end, 1.0)
    if r is None:
        return old
    return FigureAttribution(r.source, r.via, Attribution.EXPLICIT)


def _reported(
    doc: Doc, a: AttributionSpan, found: Sequence[AttributionSpan], resolved: Sequence[Resolved]
) -> bool:
    """Is a stance or plan itself what another source states ("Military Times found
    Democrats favored Clinton, 72 percent to 8 percent": the poll's figure, not the
    Democrats')? Then the figures in it are that source's."""
    cue = doc[a.cue[0]]
    return any(
        o.kind != "intent"
        and (r.source is not None or r.via is not None)
        and o.overlap(cue.idx, cue.idx + len(cue)) > 0
        for o, r in zip(found, resolved, strict=True)
    )


def _may_intend(doc: Doc, a: AttributionSpan, r: Resolved) -> bool:
    """Whose expectation or plan is a figure's source: a named one, or unnamed people
    in the plural ("Officials expect rates to rise by one point"), not one unnamed
    person ("a local man promised $500")."""
    if r.named or r.source is None or a.source is None:
        return r.named
    return doc[a.source[0] : a.source[1]].root.tag_ == "NNS"


_STATED = {"verb", "intent", "dash", "transcript"}
_NO_CONTENT = AttributionSpan((0, 0), None, (), "none")
_RELAYING = {"phrase"}  # "according to X": X passes on what another source stated


def _may_relay(
    doc: Doc, a: AttributionSpan, table: EntityTable, stated_in: dict[int, list[AttributionSpan]]
) -> bool:
    """Can the attribution relay another one: "according to X", an outlet's verb ("…,"
    said Y, reports USA Today"), or a verb whose content holds a stated attribution
    ("Y noted that X said …")?"""
    if a.kind in _RELAYING:
        return True
    if a.kind != "verb" or a.source is None:
        return False
    if _holds_attribution(doc, a, stated_in.get(doc[a.cue[0]].sent.start, [])):
        return True
    return any(
        (c := table.at(i)) is not None and c.kind is EntityType.OUTLET for i in range(*a.source)
    )


def _relayer(
    doc: Doc,
    found: Sequence[AttributionSpan],
    resolved: Sequence[Resolved],
    start: int,
    end: int,
    source: str | None,
    table: EntityTable | None = None,
) -> str | None:
    """Who passed a stated source's words on: in "According to Y, X said …", "X said
    …, according to Y" and "“…,” said X, reports USA Today" Y holds X's whole
    attribution (its cue and the content), so Y is the via. A phrase within X's content
    ("X said that, according to Y, …") is X quoting Y, not Y relaying X; one closing the
    sentence after X's cue and content relays X however the parse hung it. Given the
    ``table``, any speaker reporting X's attribution whole relays it too ("Y noted that X
    said …", ``_holds_attribution``)."""
    if source is None:
        return None
    need = 0.5 * max(1, end - start)
    inner = [a for a in found if a.kind in _STATED and a.overlap(start, end) >= need]
    for a, r in zip(found, resolved, strict=True):
        relay = r.source or r.via  # an outlet is resolved as a via
        outlet = a.kind == "verb" and r.source is None and r.via is not None
        if relay is None or relay == source or a.overlap(start, end) < need:
            continue
        if a.kind not in _RELAYING and not outlet:
            nested = table is not None and a.kind == "verb" and _speaks(table, relay)
            if nested and _holds_attribution(doc, a, inner):
                return relay
            continue
        cue = doc[a.cue[0]].idx
        last = doc[a.source[1] - 1] if a.source else doc[a.cue[1] - 1]
        for i in inner:
            at = doc[i.cue[0]].idx
            closing = at < cue and max(e for _, e in i.content) <= last.idx + len(last)
            if a.overlap(at, at + 1) and (closing or not i.overlap(cue, cue + 1)):
                return relay
    return None


def _speaks(table: EntityTable, key: str) -> bool:
    """May the entity ``key`` pass words on: not a place ("the Indiana governor" taken
    for the state)."""
    found = table.get(key)
    return found is None or found.kind is not EntityType.PLACE


def _closes(doc: Doc, a: AttributionSpan, other: Token) -> bool:
    """Does ``a``'s cue close the sentence, hung off ``other`` after it ("…, people
    familiar with the talks said.")?"""
    cue = doc[a.cue[0]]
    end = all(t.is_punct or t.is_space for t in doc[a.cue[1] : cue.sent.end])
    return end and cue.head.i == other.i and cue.i > other.i and cue.dep_ != "conj"


def _holds_attribution(doc: Doc, outer: AttributionSpan, inner: Sequence[AttributionSpan]) -> bool:
    """Does ``outer``'s cue report another stated attribution whole, its source and its
    cue: "Y noted that X said …" (X's source and cue inside Y's content, X's cue in the
    clause Y's cue governs), or "X said …, people familiar with it said" (Y's cue closes
    the sentence, hung off X's however the parse made its content)?"""
    cue = doc[outer.cue[0]]
    cues = load_cues()
    for i in inner:
        if i is outer or i.source is None:
            continue
        own = doc[i.cue[0]]
        if any(t.text == ";" for t in doc[min(own.i, cue.i) : max(own.i, cue.i)]):
            continue  # "A estimates that …; B put it at …": two statements side by side
        if contrasted_statement(own, cues):
            continue  # "A said it was 120,000, while B estimate 200,000": side by side too
        if _closes(doc, outer, own):
            return True
        if _closes(doc, i, cue):
            continue  # the parse hung the closing speaker under the first one's cue
        first, last = doc[i.source[0]], doc[i.cue[1] - 1]
        lo = min(first.idx, own.idx)
        hi = max(doc[i.source[1] - 1].idx + len(doc[i.source[1] - 1]), last.idx + len(last))
        if outer.overlap(lo, hi) >= hi - lo and cue in own.ancestors:
            return True
    return False


def _spread_relay(text: str, quotes: list[Quote]) -> tuple[Quote, ...]:
    """The same speaker's next quotation in the paragraph came through the same relay
    ("“…,” Obama said, according to a pool report. “…”")."""
    out = list(quotes)
    for k in range(1, len(out)):
        prev, q = out[k - 1], out[k]
        same = q.speaker is not None and q.speaker == prev.speaker and q.start >= prev.end
        if same and q.via is None and prev.via is not None and "\n" not in text[prev.end : q.start]:
            out[k] = replace(q, via=prev.via)
    return tuple(out)


_Relayed = TypeVar("_Relayed", FigureAttribution, Quote)


def _relayed(
    doc: Doc,
    found: Sequence[AttributionSpan],
    resolved: Sequence[Resolved],
    item: _Relayed,
    span: tuple[int, int],
    source: str | None,
    table: EntityTable | None = None,
) -> _Relayed:
    """A figure's source or a quote's speaker as stated, with the one who relayed it as
    via (``_relayer``)."""
    if item.via is not None:
        return item
    via = _relayer(doc, found, resolved, *span, source, table)
    return item if via is None else replace(item, via=via)


def _attributed_quote(
    doc: Doc,
    found: Sequence[AttributionSpan],
    resolved: Sequence[Resolved],
    quote: Quote,
    attached: bool,
) -> Quote:
    """A quote's speaker is the source of the attribution whose content holds it; a
    speaker the sentence rules only inferred (a continuation, the sentence before) gives
    way to an attribution the text states, and one they attached gives way to a name the
    quotation's own cue states (``_named_in_sentence``)."""
    if attached and (quote.speaker is not None or quote.via is not None):
        return _named_in_sentence(doc, found, resolved, quote)
    stated = [k for k, a in enumerate(found) if a.kind in _STATED or quote.speaker is None]
    r = _containing(
        [found[k] for k in stated], [resolved[k] for k in stated], quote.start, quote.end, 0.5
    )
    if r is None:
        return quote
    return replace(quote, speaker=r.source, via=r.via or (quote.via if r.source else None))


def _named_in_sentence(
    doc: Doc, found: Sequence[AttributionSpan], resolved: Sequence[Resolved], quote: Quote
) -> Quote:
    """A quote the sentence rules gave a speaker goes to the speaker a cue of its own
    sentence names ("Cross said he “may yet have to vote for her”", whatever the next
    sentence's subject): a name in the cue's source resolved to a named person or body
    (a place stated as a source is a dateline's or a scope's), the innermost such cue
    whose content holds the quote, and no other stated attribution inside that content
    ("Y noted that X said “…”" stays X's, through Y)."""
    named = [
        r if _names_speaker(doc, a, r) else Resolved()
        for a, r in zip(found, resolved, strict=True)
    ]
    pick = _holder(found, named, quote.start, quote.end, 0.5, innermost=True)
    if pick is None or resolved[pick].source == quote.speaker:
        return quote
    chosen = found[pick]
    for b in found:
        if b is not chosen and b.kind in _STATED and b.source is not None:
            at = doc[b.cue[0]].idx
            if chosen.overlap(at, at + 1) and not _projected(doc[b.cue[0]]):
                return quote
    return replace(quote, speaker=resolved[pick].source, via=resolved[pick].via)


def _projected(cue: Token) -> bool:
    """Is a cue verb only projected by a modal ("said the museum would tell a story, one
    of “…”"): it utters nothing, the quotation stays the outer speaker's."""
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in cue.children)


_PLACE_KEY = f"{EntityType.PLACE.value.lower()}/"


def _names_speaker(doc: Doc, a: AttributionSpan, r: Resolved) -> bool:
    """Does a cue verb's source phrase name its speaker: a name in the phrase, resolved
    to a named person or body, not a place?"""
    if a.kind != "verb" or a.source is None or not r.named or r.source is None:
        return False
    if r.source.startswith(_PLACE_KEY):
        return False
    return any(t.pos_ == "PROPN" for t in doc[a.source[0] : a.source[1]])


def _figure_spans(doc: Doc) -> list[Any]:
    """The figures helper's spans, outside headings, credits and other stories'
    headlines, in text order."""
    found: Sequence[Any] | None = None
    if Doc.has_extension("figures"):
        found = doc._.figures
    if found is None:
        module = _figures_module()
        finder: Callable[[Doc], Sequence[Any]] | None = getattr(module, "find_figures", None)
        found = finder(doc) if finder is not None else []
    blocked = [*heading_spans(doc), *credit_spans(doc), *doc_headlines(doc)]
    kept = [f for f in found if not any(s <= f.start < e for s, e in blocked)]
    return sorted(kept, key=lambda f: (f.start, f.end))


def _sentence(span: Span) -> Sentence:
    start, end = _trimmed(span)
    return Sentence(start, end, doc_text(span.doc)[start:end])  # span.text, without a join


def _text_of(span: Span) -> str:
    """``span.text``, sliced from the Doc's text built once (spaCy joins the tokens)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def _has_text(span: Span) -> bool:
    """Does the span hold more than whitespace?"""
    return bool(_text_of(span).strip())


def _figures(
    doc: Doc,
    article: Article,
    table: EntityTable,
    spans: list[Any],
    attributions: list[FigureAttribution],
) -> tuple[Figure, ...]:
    out: dict[str, Figure] = {}
    claims: set[tuple[object, ...]] = set()
    for span, attr in zip(spans, attributions, strict=True):
        fig = _figure(doc, article, table, span, attr)
        claim = _claim_key(fig)
        if fig.id in out or claim in claims:
            continue  # an article restating its own figure: one claim, kept where first made
        claims.add(claim)
        out[fig.id] = fig
    return tuple(out.values())


def _claim_key(fig: Figure) -> tuple[object, ...]:
    """What makes two figures of one article the same claim (the gold convention: "a
    figure repeated in one article with the same source is annotated once"). Unattributed
    figures are never merged: without a source, two mentions may be two counts."""
    if fig.source is None and fig.via is None:
        return ("unattributed", fig.id)
    return (fig.value, fig.qualifier, fig.source, fig.via, fig.measure, fig.population)


def _figure(
    doc: Doc, article: Article, table: EntityTable, f: Any, attr: FigureAttribution
) -> Figure:
    """model.Figure from a FigureSpan (duck-typed: see the contract) and its attribution."""
    sent = doc[f.num_start].sent
    places = [c for c in table.in_tokens(sent.start, sent.end) if c.kind is EntityType.PLACE]
    range_id = f"{article.id}:range:{f.range_group}" if f.range_group is not None else None
    return Figure(
        id=f"{article.id}:fig:{f.start}-{f.end}",
        value=float(f.value),
        qualifier=f.qualifier,
        lower=f.lower,
        upper=f.upper,
        start=f.start,
        end=f.end,
        text=f.text,
        sentence=_sentence(sent),
        unit=f.unit,
        what=f.what,
        measure=f.measure,
        population=f.population,
        source=attr.source,
        via=attr.via,
        attribution=attr.kind if attr.source else Attribution.NONE,
        range_id=range_id,
        date=figure_date(_text_of(sent), article.date, f.start - sent.start_char),
        place=places[0].key if places else None,
    )


def _quote(doc: Doc, article: Article, q: QuoteSpan) -> Quote:
    text = article.text[q.start : q.end]  # the Doc's text (checked in doc_to_records)
    lead = len(text) - len(text.lstrip())
    start, end = q.start + lead, q.start + len(text.rstrip())
    return Quote(
        id=f"{article.id}:quote:{start}-{end}",
        text=article.text[start:end],
        start=start,
        end=end,
        sentence=_sentence(evidence_span(doc, q)),
        speaker=q.speaker.key if q.speaker is not None else None,
        via=q.via.key if q.via is not None else None,
    )
