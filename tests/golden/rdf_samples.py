"""Hand-built Extraction records for the RDF and query tests (no spaCy involved).

The prose is invented. Offsets are computed from the text, so editing a sentence keeps
every span consistent; the golden Turtle files must then be regenerated (see
tests/test_rdf_mapping.py, ``NEWSPROV_REGEN_GOLDEN=1``).
"""

from __future__ import annotations

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

__all__ = ["BASE", "SAMPLES", "flood", "protest", "quiet"]

BASE = "https://newsprov.org/id/"


def _span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def _sentence(text: str, phrase: str) -> Sentence:
    start, end = _span(text, phrase)
    return Sentence(start, end, phrase)


def _mentions(text: str, *phrases: str) -> tuple[TextSpan, ...]:
    return tuple(TextSpan(*_span(text, p)) for p in phrases)


FLOOD_S1 = (
    "At least 23 people were killed when floods swept through the Alvorada valley, "
    "the civil protection agency said on Tuesday."
)
FLOOD_S2 = "More than 1,500 residents were evacuated, officials told AFP."
FLOOD_S3 = '"The water reached the roof in ten minutes," said Ana Ferreira, a teacher.'
FLOOD_S4 = '"We lost everything," one resident said.'
FLOOD_TEXT = f"LISBON (AFP) - {FLOOD_S1} {FLOOD_S2}\n\n{FLOOD_S3} {FLOOD_S4}"


def flood() -> Extraction:
    """A wire story relayed by a local paper: two figures, a named and an unnamed speaker."""
    t = FLOOD_TEXT
    s1, s2, s3, s4 = (_sentence(t, s) for s in (FLOOD_S1, FLOOD_S2, FLOOD_S3, FLOOD_S4))
    article = Article(
        id="flood-001",
        text=t,
        outlet="Riverside Herald",
        date="2024-05-02",
        url="https://riverside-herald.example/news/floods?id=1&lang=en",
        title="Floods kill at least 23 in Alvorada valley",
        source_path="examples/flood-001.txt",
        event="Alvorada floods 2024",
        wires=("AFP",),
    )
    entities = (
        Entity("outlet/riverside-herald", "Riverside Herald", EntityType.OUTLET),
        Entity(
            "outlet/afp",
            "AFP",
            EntityType.OUTLET,
            aliases=("Agence France-Presse",),
            mentions=_mentions(t, "AFP"),
            outlet_id="afp",
        ),
        Entity(
            "organisation/civil-protection-agency",
            "civil protection agency",
            EntityType.ORGANISATION,
            mentions=_mentions(t, "civil protection agency"),
        ),
        Entity(
            "place/alvorada-valley",
            "Alvorada valley",
            EntityType.PLACE,
            mentions=_mentions(t, "Alvorada valley"),
        ),
        Entity(
            "place/lisbon",
            "Lisbon",
            EntityType.PLACE,
            aliases=("LISBON",),
            mentions=_mentions(t, "LISBON"),
        ),
        Entity(
            "person/ana-ferreira",
            "Ana Ferreira",
            EntityType.PERSON,
            aliases=("Ferreira",),
            mentions=_mentions(t, "Ana Ferreira"),
        ),
        Entity(
            "anon/resident",
            "unnamed resident",
            EntityType.PERSON,
            mentions=_mentions(t, "one resident"),
            anonymous=True,
            role="resident",
        ),
    )
    f1 = _span(t, "At least 23")
    f2 = _span(t, "More than 1,500")
    figures = (
        Figure(
            id="flood-001/figure/0",
            value=23.0,
            qualifier=Qualifier.AT_LEAST,
            lower=23.0,
            upper=None,
            start=f1[0],
            end=f1[1],
            text="At least 23",
            sentence=s1,
            what="people were killed",
            measure="deaths",
            population="people",
            source="organisation/civil-protection-agency",
            attribution=Attribution.EXPLICIT,
            date="2024-04-30",
            place="place/alvorada-valley",
        ),
        Figure(
            id="flood-001/figure/1",
            value=1500.0,
            qualifier=Qualifier.MORE_THAN,
            lower=1500.0,
            upper=None,
            start=f2[0],
            end=f2[1],
            text="More than 1,500",
            sentence=s2,
            what="residents were evacuated",
            measure="evacuated",
            population="residents",
            via="outlet/afp",
            attribution=Attribution.EXPLICIT,
        ),
    )
    q1 = _span(t, "The water reached the roof in ten minutes,")
    q2 = _span(t, "We lost everything,")
    quotes = (
        Quote(
            "flood-001/quote/0", t[q1[0] : q1[1]], q1[0], q1[1], s3, speaker="person/ana-ferreira"
        ),
        Quote("flood-001/quote/1", t[q2[0] : q2[1]], q2[0], q2[1], s4, speaker="anon/resident"),
    )
    return Extraction(
        article=article,
        sentences=(s1, s2, s3, s4),
        entities=entities,
        figures=figures,
        quotes=quotes,
        publisher="outlet/riverside-herald",
        wires=("outlet/afp",),
    )


PROTEST_S1 = (
    "Between 8,000 and 12,000 protesters marched through the capital, according to the organisers."
)
PROTEST_S2 = "Shopkeepers put the damage at $2.5 million, a rise of 3.75 percent on last year."
PROTEST_S3 = 'A banner read: "} DROP ALL; # <script>alert(1)</script> & \\ done"'
PROTEST_TEXT = f"{PROTEST_S1} {PROTEST_S2}\n{PROTEST_S3}"


def protest() -> Extraction:
    """No known publisher or date; a range, money, a fraction, and hostile quote text."""
    t = PROTEST_TEXT
    s1, s2, s3 = (_sentence(t, s) for s in (PROTEST_S1, PROTEST_S2, PROTEST_S3))
    article = Article(id="protest 2/b#x", text=t, title="Thousands march")
    lo, hi = _span(t, "8,000"), _span(t, "12,000")
    money, pct = _span(t, "$2.5 million"), _span(t, "3.75 percent")
    organisers = Entity(
        "organisation/organisers",
        "the organisers",
        EntityType.ORGANISATION,
        mentions=_mentions(t, "the organisers"),
    )
    figures = (
        Figure(
            id="p/0",
            value=8000.0,
            qualifier=Qualifier.AT_LEAST,
            lower=8000.0,
            upper=None,
            start=lo[0],
            end=lo[1],
            text="Between 8,000",
            sentence=s1,
            what="protesters",
            measure="crowd-size",
            population="protesters",
            source=organisers.key,
            attribution=Attribution.EXPLICIT,
            range_id="r1",
        ),
        Figure(
            id="p/1",
            value=12000.0,
            qualifier=Qualifier.UP_TO,
            lower=None,
            upper=12000.0,
            start=hi[0],
            end=hi[1],
            text="12,000",
            sentence=s1,
            what="protesters",
            measure="crowd-size",
            population="protesters",
            source=organisers.key,
            attribution=Attribution.EXPLICIT,
            range_id="r1",
        ),
        Figure(
            id="p/2",
            value=2_500_000.0,
            qualifier=Qualifier.EXACT,
            lower=2_500_000.0,
            upper=2_500_000.0,
            start=money[0],
            end=money[1],
            text="$2.5 million",
            sentence=s2,
            unit="USD",
            what="damage",
            measure="economic-loss",
        ),
        Figure(
            id="p/3",
            value=3.75,
            qualifier=Qualifier.ABOUT,
            lower=None,
            upper=None,
            start=pct[0],
            end=pct[1],
            text="3.75 percent",
            sentence=s2,
            unit="percent",
            what="rise on last year",
            measure="not-a-measure",
        ),
    )
    q = _span(t, "} DROP ALL; # <script>alert(1)</script> & \\ done")
    quotes = (Quote("p/q0", t[q[0] : q[1]], q[0], q[1], s3),)
    return Extraction(
        article=article,
        sentences=(s1, s2, s3),
        entities=(organisers,),
        figures=figures,
        quotes=quotes,
    )


QUIET_S1 = "The council met on Monday in Dunmore and approved the budget."


def quiet() -> Extraction:
    """No figures or quotes; one unused entity and one dangling reference."""
    t = QUIET_S1
    s1 = _sentence(t, QUIET_S1)
    article = Article(id="quiet", text=t, outlet="Dunmore Times", date="2024-06")
    entities = (
        Entity("outlet/dunmore-times", "Dunmore Times", EntityType.OUTLET),
        Entity("place/dunmore", "Dunmore", EntityType.PLACE, mentions=_mentions(t, "Dunmore")),
        Entity(
            "organisation/council",
            "council",
            EntityType.ORGANISATION,
            mentions=_mentions(t, "council"),
        ),
        # neither mentioned nor referenced: must not appear in the graph
        Entity("person/nobody", "Nobody", EntityType.PERSON),
    )
    return Extraction(
        article=article,
        sentences=(s1,),
        entities=entities,
        publisher="outlet/dunmore-times",
        wires=("outlet/missing-wire",),
    )


SAMPLES = {"flood": flood, "protest": protest, "quiet": quiet}
"""Sample name -> builder; the golden Turtle for sample ``n`` is ``tests/golden/n.ttl``."""
