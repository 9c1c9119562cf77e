"""The records that flow from ingest through NLP to RDF.

Every record is a frozen, slotted dataclass holding plain Python values: no spaCy or
rdflib object ever appears here, so the RDF layer never depends on the NLP layer.

Character offsets (``start``/``end``) always index into ``Article.text`` (end exclusive).
Record ids are deterministic: built from the article id and character offsets, so
re-ingesting an article yields the same ids (and the same IRIs downstream).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

MAX_CHARS = 1_000_000
"""The longest article text processed (spaCy's own default ``max_length``); longer
articles are refused with an ExtractionError naming the article, never truncated."""

__all__ = [
    "MAX_CHARS",
    "Article",
    "Attribution",
    "Credit",
    "Entity",
    "EntityType",
    "Extraction",
    "Figure",
    "Qualifier",
    "Quote",
    "Sentence",
    "TextSpan",
]


class EntityType(StrEnum):
    """The four entity types newsprov distinguishes."""

    PERSON = "Person"
    ORGANISATION = "Organisation"
    OUTLET = "Outlet"
    PLACE = "Place"


class Qualifier(StrEnum):
    """How a reported number bounds the true value.

    ``exact`` is a point value; ``more than``/``at least`` give a lower bound;
    ``up to``/``nearly`` an upper bound; ``about`` an approximate point.
    """

    EXACT = "exact"
    MORE_THAN = "more than"
    AT_LEAST = "at least"
    ABOUT = "about"
    UP_TO = "up to"
    NEARLY = "nearly"


class Attribution(StrEnum):
    """How the text attributes a figure to its source."""

    EXPLICIT = "explicit"  # the source is named in the figure's sentence
    CONTEXT = "context"  # carried from a neighbouring sentence or by a reference
    NONE = "none"  # no source


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A half-open character range ``[start, end)`` of ``Article.text``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Credit:
    """A photo or agency credit such as "(Omar Albam/AP)": not a body sentence."""

    span: TextSpan
    person: str | None
    outlet: str | None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from its source, before any NLP.

    ``text`` is the body only: header lines (``Source: X``, ``date ...``) are lifted
    into the metadata fields. ``headings`` and ``credits`` mark spans of ``text`` that
    are not body sentences (section headings, photo credits); ``wires`` names the
    agencies credited by a dateline such as "BEIRUT (AFP) -". ``authors`` are the people
    a byline names and ``byline_place`` the place it was filed from ("By Jane Doe, BBC
    News, Nairobi"); a byline is metadata, so neither has a span in ``text``.
    ``outlet_from`` says how the publisher was found (see ``newsprov.ingest._publisher``):
    ``"domain"`` marks a name derived from the site's web domain, stated nowhere.
    """

    id: str
    text: str
    outlet: str | None = None
    date: str | None = None  # ISO 8601 date, yyyy-mm-dd
    url: str | None = None
    title: str | None = None
    source_path: str | None = None
    event: str | None = None
    wires: tuple[str, ...] = ()
    headings: tuple[TextSpan, ...] = ()
    credits: tuple[Credit, ...] = ()
    authors: tuple[str, ...] = ()
    byline_place: str | None = None
    outlet_from: str | None = None  # which step of the publisher chain named ``outlet``


@dataclass(frozen=True, slots=True)
class Sentence:
    """A body sentence: the evidence a figure or quote points back to."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, outlet or place named in one article.

    ``key`` is article-local and stable (the canonical name normalised); ``name`` is the
    canonical (longest, most complete) form and ``aliases`` every other form used in the
    article ("SOHR", "Assad"). ``mentions`` are the spans where it is named.
    An unnamed speaker ("a resident") is an entity with ``anonymous=True`` and
    ``role`` set; it is not listed as a named entity.
    """

    key: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    mentions: tuple[TextSpan, ...] = ()
    anonymous: bool = False
    role: str | None = None
    outlet_id: str | None = None  # registry id when the entity is a known outlet


@dataclass(frozen=True, slots=True)
class Figure:
    """A number stating a count or amount in the world, with its bounds and source.

    ``value`` is the number as stated ("1.5 million" -> 1500000.0); ``lower``/``upper``
    are the bounds the qualifier implies (``None`` = unbounded). A range gives two
    figures that share ``range_id``. ``source`` and ``via`` are entity keys of the
    same Extraction (``via`` is the outlet that relayed the figure: "told AFP").
    """

    id: str
    value: float
    qualifier: Qualifier
    lower: float | None
    upper: float | None
    start: int  # span of the number phrase (qualifier included)
    end: int
    text: str  # the number phrase as written: "more than 1,000"
    sentence: Sentence
    unit: str = "people"  # people, USD, percent, hectares, ...
    what: str = ""  # the counted noun phrase: "civilians killed during the clashes"
    measure: str | None = None  # SKOS concept local name: deaths, injuries, crowd-size, ...
    population: str | None = None  # civilians, security-forces, fighters, people, ...
    source: str | None = None
    via: str | None = None
    attribution: Attribution = Attribution.NONE
    range_id: str | None = None
    date: str | None = None  # date the figure refers to, when the sentence gives one
    place: str | None = None  # entity key of a place in the sentence


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation with its speaker and the outlet it was given to."""

    id: str
    text: str  # inside the quotation marks
    start: int
    end: int
    sentence: Sentence
    speaker: str | None = None  # entity key (possibly an anonymous entity)
    via: str | None = None  # entity key of the outlet it was given to


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything newsprov extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    publisher: str | None = None  # entity key of the outlet that published the article
    wires: tuple[str, ...] = field(default=())  # entity keys of wires the copy came from
    authors: tuple[str, ...] = ()  # entity keys of the people the byline names
    byline_place: str | None = None  # entity key of the place the byline was filed from

    def entity(self, key: str | None) -> Entity | None:
        """The entity with ``key``, or None."""
        if key is None:
            return None
        for ent in self.entities:
            if ent.key == key:
                return ent
        return None
