"""Figures: numbers that state a count or amount in the world, with bounds and meaning.

:func:`find_figures` reads every sentence of a Doc: it finds number phrases in the
sentence text (:mod:`newsprov.nlp.numbers`, independent of the tokenizer, so "distance.125"
still yields 125), pairs range ends and reads qualifiers (:mod:`newsprov.nlp.qualify`),
drops numbers that are no figure (below: context rules here, scores/ratios/conversions in
``qualify``, what-is-counted rules in ``measures``), and says what each figure counts
(:mod:`newsprov.nlp.measures`), using the dependency parse for the counted noun and
DATE/TIME entities when the Doc has them.

Not figures: dates and years ("9 March 2025", "in 2024"), clock times, phone numbers,
ages ("a 14-year-old", "aged 62", "Smith, 45,"), durations ("for two days", "14 years
ago"), ordinals ("1st"), numbers in names and labels ("Resolution 2254", "Route 66",
"COVID-19", "G7", "F-16", "page 4"), compound modifiers ("a 15-member council"),
distances, speeds and temperatures, scores ("won 3-1"), ratios ("one in five"),
magnitudes, scale readings, year spans and more (:mod:`.figure_rules`), a bare "one"
("one of the", "one resident"), small partitives ("two of the attackers", but not of
casualties: "Nine of the wounded died"), small counts of speakers in a
reporting clause ("two residents told AP"), small counts of trivial things ("the two
sides"), small number words with no counted noun and no measure ("the two met"), and
vague plurals ("thousands", "tens of thousands") unless ``include_vague=True``: their
value is a convention (the smallest amount the words can mean), not something an outlet
reported, so by default they are left out for precision. A conversion in brackets
("5,000 hectares (12,355 acres)") is a second figure of the same quantity.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsprov.model import Qualifier
from newsprov.nlp.boundaries import doc_text
from newsprov.nlp.figure_rules import (
    carry_conversions,
    drop_restated_wholes,
    extra_reason,
    is_age,
    is_duration,
    is_name,
    member_count,
)
from newsprov.nlp.measures import (
    NounPhrase,
    describe,
    measures_lexicon,
    not_counted_reason,
    noun_phrase,
    predicate_measure,
)
from newsprov.nlp.numbers import Lex, NumberMatch, lex, lexicon, masked_spans, scan
from newsprov.nlp.qualify import Claim, qualify

__all__ = ["FigureSpan", "FiguresComponent", "find_figures", "make_figures"]

_CONTEXT_SKIP = frozenset({"of", "the", ","})
_ORDINALS = frozenset({"st", "nd", "rd", "th"})
_NOUNS = ("NOUN", "PROPN")
_NER_NOT_FIGURE = frozenset({"DATE", "TIME"})  # ORDINAL is unreliable ("3bn")


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """A figure found in a Doc.

    ``start``/``end``/``text``: char span in ``doc.text`` of the number phrase with its
    qualifier ("more than 1,000"); ``num_start``/``num_end``: token indices of the number
    itself. ``lower``/``upper`` are the bounds the qualifier implies (None = unbounded);
    the two ends of a range share ``range_group``.
    """

    start: int
    end: int
    text: str
    value: float
    qualifier: Qualifier
    lower: float | None
    upper: float | None
    unit: str
    what: str
    measure: str | None
    population: str | None
    range_group: int | None
    num_start: int
    num_end: int


@dataclass(frozen=True, slots=True)
class _Sentence:
    """One sentence being read: its span, text, lexes and number phrases."""

    span: Span
    text: str  # span.text, made once (spaCy joins the tokens' texts on every read)
    lexes: list[Lex]
    matches: list[NumberMatch]
    masks: list[tuple[int, int]]


def _word(lexes: Sequence[Lex], k: int) -> str:
    return lexes[k].lower if 0 <= k < len(lexes) else ""


def _glued(lexes: Sequence[Lex], a: int, b: int) -> bool:
    return 0 <= a < len(lexes) and 0 <= b < len(lexes) and lexes[a].end == lexes[b].start


def _month_near(lexes: Sequence[Lex], k: int, step: int) -> bool:
    """A capitalised month name is the nearest word from k in direction step, skipping
    "of", "the" and commas ("9 March", "March 9", "the 9th of March"; not "may have")."""
    while 0 <= k < len(lexes) and (lexes[k].lower in _CONTEXT_SKIP or _abbr_dot(lexes, k)):
        k += step
    return 0 <= k < len(lexes) and lexes[k].text[:1].isupper() and lexes[k].lower in _months()


def _abbr_dot(lexes: Sequence[Lex], k: int) -> bool:
    """The full stop of an abbreviated month ("Jan. 7"), not a sentence end ("March.")."""
    prev = _word(lexes, k - 1)
    return (
        _word(lexes, k) == "." and _glued(lexes, k - 1, k) and len(prev) <= 4 and prev in _months()
    )


@lru_cache(maxsize=1)
def _months() -> frozenset[str]:
    return frozenset(lexicon()["months"])


def _glued_letters(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """Digits glued to letters or a slash: "G7", "MH17", "COVID-19", "F-16", "1990s", "9/11";
    not the second end of a range after a scale's letter ("$30B-$60B")."""
    if m.kind != "digits":
        return False
    k = m.first - 1
    if _word(lexes, k) == "-" and _glued(lexes, k, m.first):
        k -= 1
    left = k >= 0 and _glued(lexes, k, k + 1) and lexes[k].text.isalpha()
    # "$30B-$60B": the letters end the number before, a range's first end
    left = left and lexes[k].lower not in lexicon()["scale_abbreviations"]
    right = _glued(lexes, m.last - 1, m.last) and lexes[m.last].text.isalpha()
    # "9/11", "1/3": a slash glued on either side
    slash = (_word(lexes, m.first - 1) == "/" and _glued(lexes, m.first - 1, m.first)) or (
        _word(lexes, m.last) == "/" and _glued(lexes, m.last - 1, m.last)
    )
    return left or right or slash


def _is_year(m: NumberMatch, claim: Claim, next_word: str) -> bool:
    if m.kind != "digits" or m.unit or m.scaled or not m.text.isdigit() or len(m.text) != 4:
        return False
    if not 1800 <= m.value <= 2100 or claim.qualifier is not Qualifier.EXACT:
        return False
    nouns = {n for _, group in measures_lexicon()["populations"] for n in group}
    return next_word not in nouns


def _is_compound(lexes: Sequence[Lex], m: NumberMatch) -> bool:
    """A compound modifier: "a 15-member council" (but "a 5,000-strong crowd" is kept)."""
    if _word(lexes, m.last) != "-" or not _glued(lexes, m.last - 1, m.last):
        return False
    nxt = m.last + 1
    return not member_count(lexes, m) and (
        _glued(lexes, m.last, nxt)
        and lexes[nxt].text.isalpha()
        and lexes[nxt].lower not in lexicon()["hyphen_keep"]
    )


def _context_reason(s: _Sentence, claim: Claim, dropped: dict[int, str]) -> str | None:
    """Why a number is no figure, judged from the words around it (None = it may be)."""
    m, lexes, lx = claim.match, s.lexes, lexicon()
    nxt = _word(lexes, m.last)
    checks: tuple[tuple[str, bool], ...] = (
        ("masked", any(a < m.end and m.start < b for a, b in s.masks)),
        ("unit", m.excluded_unit is not None),
        (dropped.get(m.first, ""), m.first in dropped),
        ("ordinal", nxt in _ORDINALS and _glued(lexes, m.last - 1, m.last)),
        ("glued", _glued_letters(lexes, m)),
        ("year", _is_year(m, claim, nxt)),
        ("date", _month_near(lexes, claim.first - 1, -1) or _month_near(lexes, m.last, 1)),
        ("time", nxt in lx["time_markers"]),
        ("age", is_age(lexes, claim)),
        ("duration", is_duration(lexes, m)),
        ("name", is_name(lexes, claim)),
        ("compound", _is_compound(lexes, m)),
    )  # fmt: skip
    return next((reason for reason, hit in checks if hit), None) or extra_reason(lexes, claim)


def _ner_reason(span: Span | None) -> str | None:
    """A DATE/TIME entity over the number, when the entity holds a date or time word; a
    month opening the next sentence right after the number."""
    if span is None:
        return None
    lx = lexicon()
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    # "11 ¶ October 2022": a date the sentence split cut in two
    if (
        nxt is not None
        and nxt.is_sent_start
        and nxt.text[:1].isupper()
        and nxt.lower_ in lx["months"]
    ):
        return "date"
    if not doc.has_annotation("ENT_IOB"):
        return None
    cues = set(lx["months"]) | set(lx["weekdays"]) | set(lx["time_units"]) | {"ago"}
    for tok in span:
        if tok.ent_type_ in _NER_NOT_FIGURE and tok.ent_iob_ != "O":
            ent = next(e for e in span.doc.ents if e.start <= tok.i < e.end)
            if any(t.lower_ in cues for t in ent):
                return "ner-" + tok.ent_type_.lower()
            # "between 2021 and 2031": years the model calls a date, nothing counted after
            if tok.ent_type_ == "DATE" and _year(tok) and not _counted_after(ent):
                return "ner-date"
    return None


def _year(tok: Token) -> bool:
    return len(tok.text) == 4 and tok.text.isdigit() and 1800 <= int(tok.text) <= 2100


def _counted_after(ent: Span) -> bool:
    """Does a noun of people or things counted follow the entity ("2000 people"), past
    the other end of a range ("Between 2000 and 2500 people")?"""
    doc = ent.doc
    k = ent.end
    while k < len(doc) and (doc[k].lower_ in {"and", "to", "or", "-", "–"} or doc[k].like_num):
        k += 1
    if k >= len(doc):
        return False
    nouns = {n for _, group in measures_lexicon()["populations"] for n in group}
    return doc[k].lower_ in nouns or doc[k].pos_ == "NOUN"


def _parse_phrase(span: Span | None, sent: Span, start: int) -> NounPhrase | None:
    """The counted noun from the dependency parse: the noun the number modifies.

    ``start`` is the doc char offset where the figure's phrase ends ("or more" included).
    """
    if span is None or not span.doc.has_annotation("DEP"):
        return None
    tok = span[-1]
    while tok.head.i != tok.i and tok.head.i < span.end and tok.head.i >= span.start:
        tok = tok.head
    noun = tok.head
    if noun.i <= tok.i or noun.i - span.end > 6 or noun.pos_ not in _NOUNS:
        return None
    if tok.dep_ not in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"):
        return None
    if noun.idx < start:
        return None
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ in _NOUNS:
        noun = noun.head  # "125 government security force members"
    end = noun.idx + len(noun.text)
    for child in noun.rights:
        if (
            child.dep_ == "prep"
            and child.lower_ in ("with", "of", "from")
            and len(list(child.subtree)) <= 8
        ):
            end = max(end, max(t.idx + len(t.text) for t in child.subtree))
    words = tuple(
        t.lower_ for t in span.doc[span.end : noun.i + 1] if t.is_alpha and t.idx >= start
    )
    text = _sent_slice(sent, start, end).strip()
    return NounPhrase(text, words, noun.lower_, end - sent.start_char, _parse_predicate(noun))


def _sent_slice(sent: Span, start: int, end: int) -> str:
    """``doc.text[start:end]``, sliced from the text built once per Doc (no join)."""
    return doc_text(sent.doc)[start:end]


def _parse_predicate(noun: Token) -> str | None:
    """The participle whose subject the noun is ("members ... were also killed")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.lower_ in measures_lexicon()["predicates"]:
        return verb.lower_
    return None


def _valued_subject(span: Span | None) -> Token | None:
    """The subject of the verb whose value the number is: "The death toll from the fire
    rose to nine", "had risen to 381 people", "The number of people killed has passed
    1,000" (a dateline can be parsed as a second subject: "MALATYA (AA) - The death toll
    ...": the one that is a toll or a number counts)."""
    if span is None or not span.doc.has_annotation("DEP"):
        return None
    tok = span.root
    if tok.dep_ == "nummod":  # "had risen to 381 people": the counted noun takes the place
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ in {"to", "at"}:
        verb = tok.head.head
    elif tok.dep_ in {"dobj", "attr"}:
        verb = tok.head
    else:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return next((c for c in subjects if c.lemma_.lower() in _VALUED), None)


def _valued_measure(subject: Token) -> str | None:
    """What a toll or a number reaching a value counts: a toll counts deaths; "the number
    of people killed" what its participle says."""
    if subject.lemma_.lower() == "toll":
        return "deaths"
    for tok in subject.subtree:
        found = predicate_measure(tok.lower_, unit=None, head=None)
        if found is not None:
            return found
    return None


def _token_span(doc: Doc, sent: Span, m: NumberMatch) -> Span | None:
    return doc.char_span(
        sent.start_char + m.start, sent.start_char + m.end, alignment_mode="expand"
    )


def _read_sentence(sent: Span) -> _Sentence:
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]  # sent.text, without a join
    lexes = lex(text)
    return _Sentence(sent, text, lexes, scan(lexes, text), masked_spans(text))


def _figure(s: _Sentence, claim: Claim) -> FigureSpan | str:
    """The FigureSpan of one claim, or the reason it is no figure."""
    m, sent, lexes = claim.match, s.span, s.lexes
    tokens = _token_span(sent.doc, sent, m)
    phrase_start = sent.start_char + lexes[claim.last - 1].end
    phrase = _parse_phrase(tokens, sent, phrase_start) or noun_phrase(
        lexes, claim.last, s.text, skip_of=m.vague or m.scaled or m.unit is not None
    )
    others = [(o.first, o.last) for o in s.matches if o is not m]
    described = describe(
        lexes, claim.first, claim.last, phrase=phrase, match_unit=m.unit, others=others
    )
    subject = _valued_subject(tokens) if not m.unit else None
    measure = _valued_measure(subject) if subject is not None else None
    if measure is not None and described.measure != measure:
        # the toll decides over a keyword nearer by ("... has risen to 264, rescue teams")
        unit = "people" if described.unit == "count" else described.unit
        described = replace(
            described,
            measure=measure,
            unit=unit,
            what=described.what or measure,
            population=described.population or ("people" if unit == "people" else None),
        )
    reason = _ner_reason(tokens) or not_counted_reason(claim, s.lexes, phrase, described)
    if reason is not None:
        return reason
    start, end = (
        sent.start_char + lexes[claim.first].start,
        sent.start_char + lexes[claim.last - 1].end,
    )
    return FigureSpan(
        start=start,
        end=end,
        text=s.text[start - sent.start_char : end - sent.start_char],
        value=float(m.value),
        qualifier=claim.qualifier,
        lower=claim.lower,
        upper=claim.upper,
        unit=described.unit,
        what=described.what,
        measure=described.measure,
        population=described.population,
        range_group=None,
        num_start=tokens.start if tokens is not None else sent.start,
        num_end=tokens.end if tokens is not None else sent.start,
    )


def _sentence_figures(sent: Span, next_group: int, *, include_vague: bool) -> list[FigureSpan]:
    s = _read_sentence(sent)
    qualified = qualify(s.lexes, s.matches)
    rejected: set[int] = set()  # range indices with an end that is no figure
    kept: list[tuple[Claim, FigureSpan]] = []
    for claim in qualified.claims:
        reason = _context_reason(s, claim, qualified.dropped)
        if reason is None and claim.match.vague and not include_vague:
            reason = "vague"
        fig = reason or _figure(s, claim)
        if isinstance(fig, str):
            if claim.range_index is not None:
                rejected.add(claim.range_index)
            continue
        kept.append((claim, fig))
    figs = carry_conversions(kept, qualified.conversions)
    out = []
    for n, (claim, fig) in enumerate(zip((c for c, _ in kept), figs, strict=True)):
        if claim.range_index is not None:
            if claim.range_index in rejected:
                continue
            fig = replace(fig, range_group=next_group + claim.range_index)
            if claim.qualifier is Qualifier.AT_LEAST and n + 1 < len(kept):
                fig = _described_as(fig, kept[n + 1][1])
        out.append(fig)
    return _coordinated_measures(sent.doc, _range_measures(out))


def _coordinated_measures(doc: Doc, figs: list[FigureSpan]) -> list[FigureSpan]:
    """A figure coordinated with one that has a measure counts the same ("the dead
    included 44 children and 36 women", "222 civilians in one province and 250 others in
    another"), and so does a part of it ("250 civilians, including 53 children") or a
    count of people in a clause joined to its own ("125 were soldiers and 148 were
    gunmen"), unless it has its own measure."""
    if not doc.has_annotation("DEP"):
        return figs
    nouns = [_counted_token(doc, f) for f in figs]
    out = []
    for f, noun in zip(figs, nouns, strict=True):
        whole = None
        if noun is not None and noun.dep_ == "conj":
            whole = noun.head
        elif noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in _PART_OF:
            whole = noun.head.head
        elif noun is not None and f.population is not None:
            whole = _parallel_subject(noun)  # "…, while 125 belonged to X and 148 were Y"
        if f.measure is None and whole is not None:
            first = next(
                (g for g, n in zip(figs, nouns, strict=True) if n == whole and g.measure),
                None,
            )
            if first is not None and first.unit == f.unit:
                f = replace(f, measure=first.measure)
        out.append(f)
    return out


_PART_OF = {"including", "among"}  # "250 civilians, including 53 children"
_VALUED = {"toll", "number", "count", "tally"}  # subjects whose value a number is


def _parallel_subject(noun: Token) -> Token | None:
    """The subject of the clause a counted subject's clause is joined to ("125 belonged
    to the security forces and 148 were gunmen": 125 for 148)."""
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ not in {"conj", "advcl"}:
        return None
    return next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _counted_token(doc: Doc, fig: FigureSpan) -> Token | None:
    """The noun a figure's number counts, or the number itself where it stands alone."""
    if fig.num_end <= fig.num_start:
        return None
    tok = doc[fig.num_start : fig.num_end].root
    return tok.head if tok.dep_ == "nummod" else tok


def _described_as(low: FigureSpan, high: FigureSpan) -> FigureSpan:
    """The lower end of a range counts what the upper end counts ("2,000 to 3,000 people")."""
    return replace(
        low,
        unit=high.unit,
        what=high.what,
        measure=high.measure or low.measure,
        population=high.population,
    )


def _range_measures(figs: list[FigureSpan]) -> list[FigureSpan]:
    """Both ends of a range count the same: the measure its lower end found ("insured
    losses ... between $8 billion and $14 billion", where the keyword is out of the upper
    end's reach)."""
    measures = {f.range_group: f.measure for f in figs if f.range_group is not None and f.measure}
    return [
        replace(f, measure=measures[f.range_group])
        if f.measure is None and f.range_group in measures
        else f
        for f in figs
    ]


def _sentences(doc: Doc) -> list[Span]:
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    return [doc[:]]


def find_figures(doc: Doc, *, include_vague: bool = False) -> list[FigureSpan]:
    """Every figure in the Doc, sentence by sentence, in text order.

    Works on any Doc: sentence boundaries are used when set (else the whole Doc is one
    sentence); the parse and named entities refine the result when present.
    """
    out: list[FigureSpan] = []
    group = 0
    for sent in _sentences(doc):
        found = _sentence_figures(sent, group, include_vague=include_vague)
        groups = [f.range_group for f in found if f.range_group is not None]
        group = max(groups, default=group - 1) + 1
        out.extend(found)
    return drop_restated_wholes(doc_text(doc), out)


class FiguresComponent:
    """spaCy component: stores :func:`find_figures` of each Doc in ``doc._.figures``."""

    def __init__(self, include_vague: bool = False) -> None:
        self.include_vague = include_vague

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc, include_vague=self.include_vague)
        return doc


if not Doc.has_extension("figures"):
    Doc.set_extension("figures", default=None)


@Language.factory(
    "newsprov_figures",
    assigns=["doc._.figures"],
    default_config={"include_vague": False},
)
def make_figures(nlp: Language, name: str, include_vague: bool) -> FiguresComponent:
    """Factory of the "newsprov_figures" component."""
    return FiguresComponent(include_vague=include_vague)
