"""From stored figures to *claims*: independent reports of a figure.

A claim is what one origin (its *chain*) says about one measure of one event at one date.
Several figures collapse into one claim when they cannot be independent evidence:

1. the two ends of a stated range ("between 800 and 1,000") form one interval;
2. within one article, an unattributed figure repeating an attributed one (same bounds)
   belongs to it ("the toll ... rose to more than 1,000" after "SOHR said more than 1,000");
3. republished copy: figures in articles that share a wire agency (dateline or byline
   credit, or the agency's own article) or a publisher (an outlet's updated or re-run
   story), with the same bounds and nearly the same sentence (word Jaccard >= 0.6), are
   one report however many times it ran;
4. the same chain giving the same bounds on the same date in several articles.

The chain of a figure is its source (after clustering; see
:mod:`newsprov.analysis.descriptions` for unnamed ones), else the outlet it came via.
A figure with neither is the outlet's own unattributed statement: it can join an
attributed claim (rule 2) but is never compared on its own. Also left out: figures
without a measure or of measure ``other``, percentages and their differences (containment,
shares, a poll's "leads by 5 points": they change by design, and two polls are two
sources of two quantities), and background figures dated more than 30 days before their
article ("the 2023 earthquakes killed more than 53,000").

A *derived total* sums a breakdown a source gives in one article (civilians + security
forces + fighters) into a lower bound on the total ("at least 1,018"): the parts are
disjoint, but other victims may exist. It is made only when the breakdown includes
civilians and the source states no total of its own in that article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

from newsprov.analysis.bounds import (
    Interval,
    format_number,
    interval_for,
    normalise_population,
    population_part,
    sided_population,
)
from newsprov.analysis.clusters import UnionFind
from newsprov.analysis.names import name_key
from newsprov.analysis.records import ArticleRecord, Claim, FigureRecord, parse_date
from newsprov.analysis.scope import (
    background,
    clause,
    counts_civilians,
    days_before,
    kind_of,
    locate,
    measure_fits,
    place_scope,
    placed_in,
    side_of,
)

__all__ = [
    "COPY_SIMILARITY",
    "GroupKey",
    "build_claims",
    "group_claims",
    "scope_of",
    "similarity",
]

COPY_SIMILARITY = 0.6
BACKGROUND_DAYS = 30
GroupKey = tuple[str, str, str, str, str, str, str]
"""(event IRI, measure, population, unit, scope, place scope, kind): claims compared with
each other (see :mod:`newsprov.analysis.scope` for place scope and kind)."""
# words in a number's clause that make it a different quantity of the same measure
_SCOPES = (
    ("insured", re.compile(r"(?<!un)\binsured\b", re.I)),
    ("lifted", re.compile(r"\blifted\b|\ballowed (?:back|to return)\b|\breturned\b", re.I)),
    # "remain in hospital", "hospitalised" -- not "treated at El Obeid Teaching Hospital"
    ("in hospital", re.compile(r"\b(?:in|to) hospital\b|\bhospitali[sz]ed\b")),
    # parts of an economic loss: the damage to property, the output lost
    (
        "property damage",
        re.compile(r"\bproperty damage\b|\bdamage to (?:property|homes|buildings)\b", re.I),
    ),
    (
        "lost output",
        re.compile(
            r"\blost (?:economic )?(?:output|wages|productivity|income)\b|"
            r"\bbusiness interruption\b",
            re.I,
        ),
    ),
)
# "insured and uninsured losses" are all losses: no part of them
_BOTH = re.compile(r"\b(?:un)?insured\s+(?:and|or|&|plus)\s+(?:un)?insured\b", re.I)
_COUNT_UNITS = frozenset({"", "count", "people", "persons", "individuals", "bodies"})
_SKIP_UNITS = frozenset(
    {"percent", "%", "per cent", "percentage points", "percentage point", "points", "point"}
)


@dataclass(frozen=True, slots=True)
class _Context:
    articles: Mapping[str, ArticleRecord]
    events: Mapping[str, str]  # article IRI -> event IRI
    labels: Mapping[str, str]  # canonical IRI -> label
    base: str
    places: Mapping[str, frozenset[str]] = field(default_factory=dict)  # event -> name keys


def similarity(a: str, b: str) -> float:
    """Word-set Jaccard similarity of two sentences (case-insensitive)."""
    wa, wb = set(re.findall(r"\w+", a.lower())), set(re.findall(r"\w+", b.lower()))
    return len(wa & wb) / len(wa | wb) if wa | wb else 0.0


def scope_of(sentence: str, number_text: str) -> str:
    """A scope word of the clause holding the number ("insured", "lifted", "in hospital",
    "property damage", "lost output"), or "": "Insured losses ... $4.2 billion" is not
    "total losses of $8 billion" ("insured and uninsured losses" are), "orders were lifted
    for 20,000" not "30,000 are under evacuation orders"."""
    at = locate(sentence, number_text)
    if at < 0:
        return ""
    starts = [m.end() for m in re.finditer(r"[,;:]\s|—|\s-\s", sentence[:at])]
    end = re.search(r"[,;:]\s|—|\s-\s", sentence[at + len(number_text) :])
    stop = at + len(number_text) + end.start() if end else len(sentence)
    clause = _BOTH.sub(" ", sentence[(starts[-1] if starts else 0) : stop])
    return next((name for name, pattern in _SCOPES if pattern.search(clause)), "")


def _unit(unit: str | None) -> str:
    text = (unit or "").strip().lower()
    return "count" if text in _COUNT_UNITS else text


def _text(qualifier: str, value: float) -> str:
    if qualifier in {"", "exact"}:
        return format_number(value)
    return f"{qualifier} {format_number(value)}"


def _as_written(fig: FigureRecord) -> str:
    """The number phrase as the article wrote it ("Fewer than 10"), when it says more than
    the digits; else the qualifier and the number ("more than 1,000")."""
    written = " ".join(fig.number_text.split())
    if re.search(r"[a-z]", written, re.I) and re.search(r"\d", written):
        return written
    return _text(fig.qualifier, fig.value)


def _chain(fig: FigureRecord, ctx: _Context) -> tuple[str, str, bool]:
    """(chain id, label, attributed) of a figure's independent origin."""
    if fig.source_chain:
        return fig.source_chain, fig.source_label or fig.source_chain, True
    if fig.source:
        return fig.source, ctx.labels.get(fig.source, fig.source), True
    if fig.via:
        return fig.via, ctx.labels.get(fig.via, fig.via), True
    art = ctx.articles[fig.article]
    if art.publisher:
        return art.publisher, ctx.labels.get(art.publisher, art.publisher), False
    return fig.article, f"article {art.article_id}", False


def _claim(figs: Sequence[FigureRecord], ctx: _Context) -> Claim:
    """A claim from one figure, or from the two ends of a range."""
    figs = sorted(figs, key=lambda f: f.iri)
    head = figs[0]
    interval = interval_for(head.value, head.qualifier, head.lower, head.upper, head.number_text)
    text, value = _as_written(head), (head.value, head.value)
    if len(figs) > 1:
        ends = [interval_for(f.value, f.qualifier, f.lower, f.upper) for f in figs]
        interval = Interval(max(e.lo for e in ends), min(e.hi for e in ends))
        value = (min(f.value for f in figs), max(f.value for f in figs))
        text = f"{format_number(value[0])}–{format_number(value[1])}"
    chain, label, attributed = _chain(head, ctx)
    text_of = clause(head.sentence, head.number_text)
    event = ctx.events[head.article]
    kind = kind_of(text_of, head.number_text)
    date, dated = _dated(head, text_of, kind, ctx.articles[head.article].date)
    return Claim(
        iri=head.iri,
        figures=tuple(f.iri for f in figs),
        article=head.article,
        event=event,
        measure=head.measure or "other",
        population=sided_population(_population(head, text_of), side_of(text_of, head.number_text)),
        unit=_unit(head.unit),
        interval=interval,
        date=date,
        dated=dated,
        chain=chain,
        chain_label=label,
        text=text,
        value=value,
        scope=scope_of(head.sentence, head.number_text),
        source=head.source,
        attributed=attributed,
        sentences=frozenset(f.sentence for f in figs),
        via=head.via,
        kind=kind,
        place_scope=_place_scope(head, text_of, ctx.places.get(event, frozenset()), ctx),
    )


def _population(fig: FigureRecord, text: str) -> str:
    """The normalised population, civilians when the clause gives the number as a
    civilian toll and the NLP gave none."""
    population = normalise_population(fig.population)
    if population == "people" and counts_civilians(text, fig.number_text):
        return "civilians"
    return population


def _date(fig: FigureRecord, text: str, kind: str, article: dt.date | None) -> dt.date | None:
    """When the figure was stated (see :func:`_dated`)."""
    return _dated(fig, text, kind, article)[0]


def _dated(
    fig: FigureRecord, text: str, kind: str, article: dt.date | None
) -> tuple[dt.date | None, str]:
    """(date, how it is known) of a figure: its own date, else the day the clause puts it
    before the article ("less than a week ago": ``about``), else the article's date; a
    source's earlier figure the clause gives no date for ("up from its earlier estimate
    of") a day before the article (``before``), so its replacement is a revision."""
    own = parse_date(fig.date)
    if own is not None or article is None:
        return own or article, ""
    days = days_before(text, article, fig.number_text)
    if days:
        return article - dt.timedelta(days=days), "about"
    if days is None and kind == "earlier":
        return article - dt.timedelta(days=1), "before"
    return article, ""


def _place_scope(fig: FigureRecord, text: str, own: frozenset[str], ctx: _Context) -> str:
    """The clause's scope, unless it names the event's own place ("in North Kordofan
    state" when nearly every report of the event is about North Kordofan); else the place
    the clause puts the count in, before or after its number ("In neighbouring Castria,
    12 died", "222 civilians in Deir al-Zour"), when that is not the event's own."""
    scope = place_scope(text)
    level, _, name = scope.partition(":")
    if level in {"region", "city"} and _own(name.replace("-", " "), own):
        return "event"
    if scope != "event" or not fig.place or not own:
        return scope
    label = ctx.labels.get(fig.place, fig.place)
    key = name_key(label)
    at = locate(text, fig.number_text)
    placed = at >= 0 and (placed_in(text[:at], label) or placed_in(text[at:], label))
    return f"place:{key.replace(' ', '-')}" if placed and not _own(key, own) else "event"


def _own(key: str, own: frozenset[str]) -> bool:
    """Whether a place name key is (or ends with) one of the event's own places."""
    return any(key == o or key.endswith(" " + o) for o in own)


_YEAR_IN = re.compile(r"\b(?:in|during)\s+((?:19|20)\d\d)\b(?![,.]?\d|%)", re.I)


def _background(fig: FigureRecord, article: ArticleRecord, text: str = "") -> bool:
    """A figure dated well before its article (a year, month or day) is background, and so
    is one whose clause puts it in an earlier year ("In 2008, she donated $750")."""
    if article.date is None:
        return False
    if any(int(y) < article.date.year for y in _YEAR_IN.findall(text)):
        return True
    if not fig.date:
        return False
    text = fig.date.strip()
    end = parse_date(text) or parse_date(f"{text[:4]}-12-31" if len(text) == 4 else "")
    if end is None and re.fullmatch(r"\d{4}-\d{2}", text):
        year, month = int(text[:4]), int(text[5:7])
        end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return end is not None and (article.date - end).days > BACKGROUND_DAYS


def _comparable(fig: FigureRecord, ctx: _Context) -> bool:
    """Whether the figure can be compared at all: a known measure its clause fits, a
    count (not a percentage), about the event (not background)."""
    if fig.measure in {None, "other"} or fig.article not in ctx.events:
        return False
    text = clause(fig.sentence, fig.number_text)
    article = ctx.articles[fig.article]
    stated = _date(fig, text, "", article.date)
    return (
        _unit(fig.unit) not in _SKIP_UNITS
        and not _background(fig, article, text)
        and not (stated and article.date and (article.date - stated).days > BACKGROUND_DAYS)
        and not background(text)
        and measure_fits(fig.measure or "", text)
    )


def _initial_claims(figures: Iterable[FigureRecord], ctx: _Context) -> list[Claim]:
    ranges: dict[tuple[str, str], list[FigureRecord]] = defaultdict(list)
    claims = []
    for fig in figures:
        if not _comparable(fig, ctx):
            continue
        if fig.range_group:
            ranges[(fig.article, fig.range_group)].append(fig)
        else:
            claims.append(_claim([fig], ctx))
    claims.extend(_claim(figs, ctx) for figs in ranges.values())
    return claims


def _merge(claims: Sequence[Claim]) -> Claim:
    """One claim for several, represented by its best attributed member; all figures kept."""
    best = min(claims, key=lambda c: (not c.attributed, c.source is None, c.iri))
    return replace(
        best,
        figures=tuple(sorted({f for c in claims for f in c.figures})),
        date=min((c.date for c in claims if c.date), default=None),
        sentences=frozenset().union(*(c.sentences for c in claims)),
    )


def group_key(claim: Claim) -> GroupKey:
    """Claims with equal keys describe the same quantity. An estimate is compared with
    counts ("an estimated 1,000" is how news gives most tolls), and a source's earlier
    figure is in their group (only as what a revision replaced: see
    :mod:`newsprov.analysis.verdicts`); a projection, a verified subset or another period's
    figure only with its own kind."""
    return (
        claim.event,
        claim.measure,
        claim.population,
        claim.unit,
        claim.scope,
        claim.place_scope,
        "count" if claim.kind in {"estimate", "earlier"} else claim.kind,
    )


def _wire_set(article: ArticleRecord) -> frozenset[str]:
    return article.wires | ({article.publisher} if article.publisher else frozenset())


def _copies(a: Claim, b: Claim, ctx: _Context) -> bool:
    """Whether two claims are one piece of copy, in one article or via a shared wire."""
    if a.interval != b.interval:
        return False
    if a.article == b.article:
        return a.chain == b.chain or not a.attributed or not b.attributed
    aa, ab = ctx.articles[a.article], ctx.articles[b.article]
    same_outlet = aa.publisher is not None and aa.publisher == ab.publisher
    if not (same_outlet or _wire_set(aa) & _wire_set(ab) & (aa.wires | ab.wires)):
        return False
    return any(similarity(x, y) >= COPY_SIMILARITY for x in a.sentences for y in b.sentences)


def _collapse(claims: Sequence[Claim], ctx: _Context) -> list[Claim]:
    """Union copies (rules 2-3), then identical statements of one chain (rule 4)."""
    uf = UnionFind(c.iri for c in claims)
    by_iri = {c.iri: c for c in claims}
    for a, b in combinations(sorted(claims, key=lambda c: c.iri), 2):
        both_named = a.attributed and b.attributed and a.chain != b.chain
        if not (a.article == b.article and both_named) and _copies(a, b, ctx):
            uf.union(a.iri, b.iri)
    merged = [_merge([by_iri[i] for i in g]) for g in uf.groups()]
    same: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    for c in merged:
        same[(c.chain, c.interval, c.date)].append(c)
    return sorted((_merge(g) for g in same.values()), key=lambda c: c.iri)


def _derived_totals(claims: Sequence[Claim], ctx: _Context) -> list[Claim]:
    """Sum each one-article breakdown that includes civilians (see module doc)."""
    buckets: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
    stated: set[tuple[object, ...]] = set()
    for c in claims:
        key = (c.event, c.measure, c.unit, c.article, c.chain, c.date, *group_key(c)[5:])
        if c.population == "people":
            stated.add(key)
        elif population_part(c.population) and c.interval.lo > 0:
            buckets[key].append(c)
    totals = []
    for bucket, parts in sorted(buckets.items(), key=lambda kv: kv[1][0].iri):
        kinds = [population_part(c.population) or "" for c in parts]
        if bucket in stated or len(set(kinds)) != len(kinds) or len(kinds) < 2:
            continue
        sided = {k.partition(":")[0] for k in kinds if ":" in k}
        if sided & set(kinds):  # one side's fighters may be among the unqualified ones
            continue
        if "civilians" in kinds:
            totals.append(_total(sorted(parts, key=lambda c: _natural(c.iri)), ctx))
    return totals


def _natural(text: str) -> tuple[object, ...]:
    """Sort key reading digit runs as numbers: figure/88-91 before figure/119-122."""
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text))


def _total(parts: Sequence[Claim], ctx: _Context) -> Claim:
    lo = sum(c.interval.lo for c in parts)
    figures = tuple(f for c in parts for f in c.figures)
    digest = hashlib.sha1("\n".join(figures).encode()).hexdigest()[:16]
    base = ctx.base if ctx.base.endswith(("/", "#")) else ctx.base + "/"
    summands = " + ".join(format_number(c.interval.lo) for c in parts)
    return replace(
        parts[0],
        iri=f"{base}crossref/total/{digest}",
        figures=figures,
        population="people",
        interval=Interval(lo, float("inf"), hi_open=True),
        text=f"at least {format_number(lo)} ({summands})",
        value=(lo, lo),
        parts=figures,
    )


def build_claims(
    figures: Iterable[FigureRecord],
    articles: Mapping[str, ArticleRecord],
    events: Mapping[str, str],
    labels: Mapping[str, str],
    base_iri: str,
    places: Mapping[str, frozenset[str]] | None = None,
) -> list[Claim]:
    """Attributed, independent claims (plus derived totals) of every comparable figure.
    ``places`` gives each event's own place names (name keys): a figure "in" one of them
    counts the whole event, not a part of it."""
    ctx = _Context(articles, events, labels, base_iri, places or {})
    grouped: dict[GroupKey, list[Claim]] = defaultdict(list)
    for claim in _initial_claims(figures, ctx):
        grouped[group_key(claim)].append(claim)
    claims = [c for key in sorted(grouped) for c in _collapse(grouped[key], ctx) if c.attributed]
    return claims + _derived_totals(claims, ctx)


def group_claims(claims: Iterable[Claim]) -> dict[GroupKey, list[Claim]]:
    """Claims by (event, measure, population, unit), each list sorted by IRI."""
    out: dict[GroupKey, list[Claim]] = defaultdict(list)
    for c in claims:
        out[group_key(c)].append(c)
    return {k: sorted(v, key=lambda c: c.iri) for k, v in sorted(out.items())}
