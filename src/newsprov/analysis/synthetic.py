"""Hand-built :class:`~newsprov.model.Extraction` records, no NLP needed.

Tests and the cross-reference benchmark describe articles compactly (outlet, date, wires,
entities, figures with their source) and get records shaped exactly like the NLP's: the
text is the sentences joined, every offset indexes it, entity keys follow the contract
(``organisation/syrian-observatory-for-human-rights``, ``outlet/afp``, ``anon/resident``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsprov.model import (
    Article,
    Attribution,
    Entity,
    EntityType,
    Extraction,
    Figure,
    Qualifier,
    Quote,
    Sentence,
    TextSpan,
)
from newsprov.rdf.iris import slugify

__all__ = [
    "Ent",
    "Fig",
    "Quo",
    "build_extraction",
    "entity_key",
    "scenario_extractions",
    "synthetic_corpus",
]

_BOUNDS: dict[str, tuple[float, float | None]] = {
    "exact": (1.0, 1.0),
    "about": (0.9, 1.1),
    "more than": (1.0, None),
    "at least": (1.0, None),
}


@dataclass(frozen=True, slots=True)
class Ent:
    """An entity an article names: ``Ent("SOHR", "Organisation", aliases=(...))``."""

    name: str
    type: str = "Organisation"
    aliases: tuple[str, ...] = ()
    key: str | None = None
    anonymous: bool = False


@dataclass(frozen=True, slots=True)
class Fig:
    """A figure sentence: "{source} said {qualifier} {value} {population} were killed"."""

    value: float
    qualifier: str = "exact"
    measure: str | None = "deaths"
    population: str | None = "people"
    source: str | None = None  # entity name (must be among the article's entities)
    via: str | None = None
    sentence: str | None = None  # default: generated from the other fields
    date: str | None = None
    range_id: str | None = None
    text: str | None = None  # the number phrase as written ("as high as 800,000")
    place: str | None = None  # entity name of the place the count is tied to
    unit: str = "people"


@dataclass(frozen=True, slots=True)
class Quo:
    """A quote sentence: '"{text}," {speaker} told {via}.'."""

    speaker: str  # entity name
    text: str
    via: str | None = None


def entity_key(ent: Ent) -> str:
    """The contract's key for an entity: ``{type}/{slug}`` or ``anon/{role}``."""
    if ent.key:
        return ent.key
    if ent.anonymous:
        return f"anon/{slugify(ent.name)}"
    prefix = {"Organisation": "organisation", "Outlet": "outlet"}.get(ent.type, ent.type.lower())
    return f"{prefix}/{slugify(ent.name)}"


def _sentence_for(fig: Fig) -> str:
    qual = "" if fig.qualifier == "exact" else f"{fig.qualifier} "
    who = fig.source or "officials"
    via = f", {fig.via} reported" if fig.via else ""
    return f"{who} said {qual}{fig.value:,.0f} {fig.population or 'people'} were killed{via}."


def _figure(fig: Fig, article_id: str, sent: Sentence, keys: dict[str, str]) -> Figure:
    digits = fig.text or f"{fig.value:,.0f}"
    start = sent.start + max(sent.text.find(digits), 0)
    lo, hi = _BOUNDS.get(fig.qualifier, (0.0, 1.0))
    return Figure(
        id=f"{article_id}#{start}",
        value=fig.value,
        qualifier=Qualifier(fig.qualifier),
        lower=fig.value * lo if fig.qualifier not in {"up to", "nearly"} else None,
        upper=(fig.value * hi) if hi is not None else None,
        start=start,
        end=start + len(digits),
        text=digits,
        sentence=sent,
        measure=fig.measure,
        population=fig.population,
        source=keys.get(fig.source or ""),
        via=keys.get(fig.via or ""),
        attribution=Attribution.EXPLICIT if fig.source else Attribution.NONE,
        range_id=fig.range_id,
        date=fig.date,
        place=keys.get(fig.place or ""),
        unit=fig.unit,
    )


def _quote(q: Quo, article_id: str, sent: Sentence, keys: dict[str, str]) -> Quote:
    start = sent.start + 1
    return Quote(
        id=f"{article_id}#q{start}",
        text=q.text,
        start=start,
        end=start + len(q.text),
        sentence=sent,
        speaker=keys.get(q.speaker),
        via=keys.get(q.via or ""),
    )


def _mentions(text: str, names: Sequence[str]) -> tuple[TextSpan, ...]:
    spans = []
    for name in names:
        at = text.find(name)
        if at >= 0:
            spans.append(TextSpan(at, at + len(name)))
    return tuple(spans)


def build_extraction(
    article_id: str,
    *,
    outlet: str | None = None,
    date: str | None = None,
    wires: Sequence[str] = (),
    event: str | None = None,
    entities: Sequence[Ent] = (),
    figures: Sequence[Fig] = (),
    quotes: Sequence[Quo] = (),
    extra_text: str = "",
    title: str | None = None,
    url: str | None = None,
) -> Extraction:
    """An Extraction for one article; outlets and wires become Outlet entities.

    Entities named in no figure or quote sentence get a closing "Also named: ..." sentence,
    so every entity has a mention.
    """
    ents = list(entities)
    for name in (outlet, *wires):
        if name and all(e.name != name for e in ents):
            ents.append(Ent(name, "Outlet"))
    keys = {e.name: entity_key(e) for e in ents}
    texts = [f.sentence or _sentence_for(f) for f in figures]
    texts += [f'"{q.text}," {q.speaker} told {q.via or "reporters"}.' for q in quotes]
    body = " ".join(texts)
    unnamed = [e.name for e in ents if e.name not in body]
    texts += [extra_text] if extra_text else []
    texts += [f"Also named: {', '.join(unnamed)}."] if unnamed else []
    sentences, pos = [], 0
    for t in texts:
        sentences.append(Sentence(pos, pos + len(t), t))
        pos += len(t) + 1
    text = " ".join(texts)
    records = tuple(
        Entity(
            key=keys[e.name],
            name=e.name,
            type=EntityType(e.type),
            aliases=e.aliases,
            mentions=_mentions(text, (e.name, *e.aliases)),
            anonymous=e.anonymous,
            role=e.name.split()[-1] if e.anonymous else None,
        )
        for e in ents
    )
    article = Article(
        article_id,
        text,
        outlet=outlet,
        date=date,
        event=event,
        wires=tuple(wires),
        title=title,
        url=url,
    )
    return Extraction(
        article=article,
        sentences=tuple(sentences),
        entities=records,
        figures=tuple(
            _figure(f, article_id, s, keys) for f, s in zip(figures, sentences, strict=False)
        ),
        quotes=tuple(
            _quote(q, article_id, s, keys)
            for q, s in zip(quotes, sentences[len(figures) :], strict=False)
        ),
        publisher=keys.get(outlet or ""),
        wires=tuple(keys[w] for w in wires),
    )


_OUTLETS = ("AFP", "Reuters", "Associated Press", "BBC", "Al Jazeera", "DW", "Kyodo", "EFE")
_SOURCES = ("Health Ministry", "Civil Defence", "Red Crescent")
_QUALIFIERS = ("at least", "more than", "at least")
_SCALE = (1.0, 1.05, 1.02)  # the sources agree, except on one day of one event in ten
_LOW = 0.6  # there the third source's first death toll is "up to" 0.6 of the others' bounds
_MEASURES = ("deaths", "injuries", "displaced", "arrests")


def _toll(event: int, source: int, measure: int, day: int) -> float:
    """A source's figure for one day: rising daily, the same in every outlet."""
    base = 40 * (1 + event % 9) * (measure + 1)
    low = source == 2 and event % 10 == 0 and measure == 0 and day == 0
    scale = _LOW if low else _SCALE[source]
    return float(round(base * scale * (1 + 0.3 * day)))


def synthetic_corpus(
    events: int = 50, articles_per_event: int = 20, figures_per_article: int = 4, seed: int = 7
) -> Iterator[Extraction]:
    """A reproducible corpus: per event a town and three sources whose tolls rise daily.

    Outlets repeat the sources' figures (the same statement in many articles), a third
    of the articles run wire copy; in one event of ten, one source's first death toll
    conflicts with the other two.
    """
    rng = random.Random(seed)
    for e in range(events):
        place = Ent(f"Town{e}", "Place")
        sources = [Ent(f"{name} of Town{e}") for name in _SOURCES]
        for a in range(articles_per_event):
            day = a % 5
            wires = (rng.choice(_OUTLETS[:3]),) if rng.random() < 0.3 else ()
            figs = []
            for k in range(figures_per_article):
                i = rng.randrange(len(sources))
                value = _toll(e, i, k % len(_MEASURES), day)
                low = i == 2 and e % 10 == 0 and k % len(_MEASURES) == 0 and day == 0
                qualifier = "up to" if low else _QUALIFIERS[i]
                src = sources[i].name
                figs.append(
                    Fig(
                        value=value,
                        qualifier=qualifier,
                        measure=_MEASURES[k % len(_MEASURES)],
                        source=src,
                        sentence=f"In {place.name}, the {src} counted {qualifier} "
                        f"{value:,.0f} {_MEASURES[k % len(_MEASURES)]} (kind {k}) on day {day}.",
                    )
                )
            yield build_extraction(
                f"ev{e:03d}-art{a:03d}",
                outlet=rng.choice(_OUTLETS),
                date=f"2024-{1 + e % 12:02d}-{1 + day + 10 * (e % 2):02d}",
                wires=wires,
                entities=[place, *sources],
                figures=figs,
            )


def scenario_extractions() -> list[Extraction]:
    """A small invented corpus with every kind of cross-reference result.

    Event one (unnamed, 8-10 March 2025, Latakia): the monitor "SOHR" (also spelled out)
    says more than 1,000 dead, then more than 1,300 (a revision); AP's own "more than
    1,000" corroborates it; the monitor's breakdown 745 + 125 + 148 sums to a derived
    total; an interior ministry's 200 civilians conflicts with the monitor's 745; one AFP
    story runs in two outlets (one claim); the monitor's director is spelled two ways.
    Event two (named "Quake" at ingest): AFAD's at least 212 and the Red Crescent's more
    than 200 corroborate. One quote carries markup, to test escaping.
    """
    sohr = Ent("Syrian Observatory for Human Rights", aliases=("SOHR",))
    short = Ent("SOHR")
    places = [Ent("Latakia", "Place"), Ent("Baniyas", "Place")]
    ministry = Ent("Interior Ministry")
    copy = "The monitor said at least 1,300 people had died since Thursday in the coastal towns."
    return [
        build_extraction(
            "coast-reuters",
            outlet="Reuters",
            date="2025-03-08",
            wires=("Reuters",),
            entities=[sohr, *places],
            figures=[Fig(1000, "more than", source=sohr.name)],
        ),
        build_extraction(
            "coast-ap",
            date="2025-03-09",
            entities=[
                short,
                Ent("Associated Press", "Outlet"),
                places[0],
                Ent("Rami Abdel-Rahman", "Person"),
            ],
            figures=[
                Fig(1000, "more than", via="Associated Press"),
                Fig(745, population="civilians", source="SOHR"),
                Fig(125, population="security forces", source="SOHR"),
                Fig(148, population="militants", source="SOHR"),
            ],
            quotes=[Quo("Rami Abdel-Rahman", "<script>alert('x')</script> we counted every one")],
        ),
        build_extraction(
            "coast-france24",
            outlet="France 24",
            date="2025-03-10",
            wires=("AFP",),
            entities=[sohr, ministry, *places, Ent("Rami Abdurrahman", "Person")],
            figures=[
                Fig(
                    1300,
                    "more than",
                    source=sohr.name,
                    sentence=copy.replace("at least", "more than"),
                ),
                Fig(200, population="civilians", source=ministry.name),
            ],
            quotes=[Quo("Rami Abdurrahman", "The toll keeps rising", via="AFP")],
        ),
        build_extraction(
            "coast-hindu",
            outlet="The Hindu",
            date="2025-03-10",
            wires=("AFP",),
            entities=[*places],
            figures=[
                Fig(
                    1300,
                    "more than",
                    via="AFP",
                    sentence=copy.replace("at least", "more than") + " (AFP)",
                )
            ],
        ),
        build_extraction(
            "quake-anadolu",
            outlet="Anadolu Agency",
            date="2024-10-15",
            event="Quake",
            entities=[Ent("AFAD"), Ent("Malatya", "Place")],
            figures=[Fig(212, "at least", source="AFAD")],
        ),
        build_extraction(
            "quake-guardian",
            outlet="The Guardian",
            date="2024-10-15",
            event="Quake",
            entities=[Ent("Turkish Red Crescent"), Ent("Malatya", "Place")],
            figures=[Fig(200, "more than", source="Turkish Red Crescent")],
        ),
    ]
