"""A deterministic generator of realistic news articles for the benchmarks.

``articles(n, seed)`` yields ``n`` JSON-ready records (id, outlet, date, title, text) in
the shape ``newsprov ingest`` reads from JSONL. Each article is a wire-style report of an
invented event in a real place: a dateline, a lead with a toll attributed to an authority
and relayed by an agency, quotes from named and unnamed people, revised and competing
figures, background paragraphs and a closing credit, 300-600 words. Every sentence is
written here from templates and word lists (no text from the shared corpora), and the same
``(n, seed)`` always gives the same articles, so runs compare like with like.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

__all__ = ["articles", "write_jsonl"]

OUTLETS = (
    "Reuters",
    "Associated Press",
    "AFP",
    "BBC News",
    "Al Jazeera",
    "The Guardian",
    "France 24",
    "Deutsche Welle",
    "Kyodo News",
    "Anadolu Agency",
    "The Hindu",
    "NPR",
)
AGENCIES = ("AFP", "Reuters", "the Associated Press", "Anadolu Agency", "Kyodo")
PLACES = (
    ("Khartoum", "Sudan"),
    ("Port-au-Prince", "Haiti"),
    ("Goma", "Congo"),
    ("Mandalay", "Myanmar"),
    ("Kharkiv", "Ukraine"),
    ("Antakya", "Turkey"),
    ("Tripoli", "Libya"),
    ("Herat", "Afghanistan"),
    ("Valencia", "Spain"),
    ("Maui", "Hawaii"),
    ("Derna", "Libya"),
    ("Marrakesh", "Morocco"),
)
EVENTS = (
    ("flooding", "were killed", "deaths", "people"),
    ("an earthquake", "died", "deaths", "people"),
    ("clashes", "were killed", "deaths", "civilians"),
    ("a wildfire", "were forced from their homes", "displaced", "residents"),
    ("protests", "marched through the city centre", "crowd", "protesters"),
    ("a landslide", "were injured", "injuries", "people"),
)
AUTHORITIES = (
    "the Ministry of Health",
    "the United Nations",
    "the Red Cross",
    "the civil defence agency",
    "local officials",
    "the World Health Organization",
    "the interior ministry",
    "Doctors Without Borders",
    "the regional governor's office",
)
PEOPLE = (
    ("Amina", "Haddad"),
    ("Jean", "Baptiste"),
    ("Mehmet", "Yilmaz"),
    ("Sofia", "Rossi"),
    ("Daniel", "Okafor"),
    ("Hiroshi", "Tanaka"),
    ("Layla", "Nasser"),
    ("Pedro", "Alvarez"),
    ("Grace", "Mensah"),
    ("Viktor", "Kovalenko"),
    ("Fatima", "Rahman"),
    ("Liam", "Murphy"),
)
ROLES = (
    "a spokesperson for",
    "the head of",
    "a senior official at",
    "the director of",
    "a coordinator with",
)
QUALIFIERS = ("more than", "at least", "about", "nearly", "", "over", "up to")
REPORT_VERBS = ("said", "told", "reported", "confirmed", "announced", "estimated")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
QUOTES = (
    "We have never seen anything like this in our lifetime",
    "The water came so fast that we could only carry the children",
    "Our teams are working day and night, but the needs are enormous",
    "Entire neighbourhoods have simply disappeared",
    "We are asking for access, for fuel and for medicine",
    "Nobody told us to leave until it was too late",
    "The numbers will rise as we reach the villages in the hills",
    "We buried my cousin this morning and my uncle is still missing",
)
BACKGROUND = (
    "The region has been struggling with a shortage of doctors and clean water for months.",
    "Aid groups have warned for years that the area was poorly prepared for a disaster on "
    "this scale.",
    "Roads leading to the worst-hit districts remained blocked on {day}, slowing the "
    "delivery of food and tents.",
    "Satellite images released by a research group showed hundreds of damaged buildings "
    "along the river.",
    "Schools were turned into shelters, and volunteers handed out bread and blankets "
    "through the night.",
    "The government declared three days of national mourning and promised to rebuild "
    "the damaged bridges.",
    "Electricity and mobile networks were cut in several towns, making it hard for "
    "families to find relatives.",
    "Officials said the death toll could take weeks to establish because many people "
    "remained unaccounted for.",
    "International donors pledged {money} million dollars in emergency funding at a "
    "meeting in Geneva.",
    "Residents described streets covered in mud and debris, with cars piled against "
    "the walls of houses.",
)


def _number(rng: random.Random) -> int:
    return rng.choice((rng.randint(3, 99), rng.randint(100, 999), rng.randint(1000, 25000)))


def _fmt(value: int) -> str:
    return f"{value:,}" if value >= 1000 else str(value)


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(PEOPLE)
    return f"{first} {last}", last


def _lead(rng: random.Random, place: str, outlet: str, event: tuple[str, ...], day: str) -> str:
    kind, verb, _, population = event
    qual = rng.choice(QUALIFIERS)
    value = _fmt(_number(rng))
    who = rng.choice(AUTHORITIES)
    agency = rng.choice(AGENCIES)
    qual = f"{qual} " if qual else ""
    return (
        f"{place.upper()} ({outlet}) — {qual.capitalize()}{value} {population} {verb} in "
        f"{kind} that struck the area on {day}, according to {who}. "
        f"The figure was given to {agency} by officials who asked not to be named."
    )


def _figure_paragraph(rng: random.Random, event: tuple[str, ...], day: str) -> str:
    _, verb, _, population = event
    name, last = _person(rng)
    role = rng.choice(ROLES)
    who = rng.choice(AUTHORITIES)
    value, other = _number(rng), _number(rng)
    qual = rng.choice(QUALIFIERS)
    return (
        f"{name}, {role} {who}, {rng.choice(REPORT_VERBS[:1])} on {day} that "
        f"{qual + ' ' if qual else ''}{_fmt(value)} {population} {verb}. "
        f"{last} added that {_fmt(other)} others were being treated in hospitals, "
        f"and that the toll was likely to rise."
    )


def _revision_paragraph(rng: random.Random, event: tuple[str, ...]) -> str:
    population = event[3]
    old, new = _number(rng), _number(rng)
    who = rng.choice(AUTHORITIES)
    return (
        f"Earlier in the day {who} had put the number at {_fmt(old)}, before revising it "
        f"to {_fmt(max(old, new))}. A separate count by {rng.choice(AUTHORITIES)} gave "
        f"{_fmt(min(old, new) + 7)} {population}."
    )


def _quote_paragraph(rng: random.Random, place: str) -> str:
    quote = rng.choice(QUOTES)
    if rng.random() < 0.5:
        name, _ = _person(rng)
        return f"“{quote},” {name}, a resident of {place}, told {rng.choice(AGENCIES)}."
    return f"“{quote},” said one man who gave only his first name for fear of reprisals."


def _background(rng: random.Random, day: str) -> str:
    picks = rng.sample(BACKGROUND, 3)
    return " ".join(p.format(day=day, money=rng.randint(5, 400)) for p in picks)


def _article(i: int, rng: random.Random) -> dict[str, str]:
    outlet = rng.choice(OUTLETS)
    place, country = rng.choice(PLACES)
    event = rng.choice(EVENTS)
    day = rng.choice(WEEKDAYS)
    date = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    paragraphs = [_lead(rng, place, outlet, event, day)]
    for _ in range(rng.randint(5, 8)):
        pick = rng.random()
        if pick < 0.12:
            paragraphs.append(_figure_paragraph(rng, event, day))
        elif pick < 0.45:
            paragraphs.append(_quote_paragraph(rng, place))
        elif pick < 0.5:
            paragraphs.append(_revision_paragraph(rng, event))
        else:
            paragraphs.append(_background(rng, day))
    paragraphs.append(_background(rng, day))
    paragraphs.append(f"Reporting by {' and '.join(_person(rng)[0] for _ in range(2))}.")
    title = f"{event[0].capitalize()} in {place}, {country}: toll rises"
    return {
        "id": f"bench-{i:06d}",
        "outlet": outlet,
        "date": date,
        "title": title,
        "text": "\n\n".join(paragraphs) + "\n",
    }


def articles(n: int, seed: int = 12) -> Iterator[dict[str, str]]:
    """``n`` deterministic article records (the same for the same ``n`` and ``seed``)."""
    rng = random.Random(seed)
    for i in range(n):
        yield _article(i, rng)


def write_jsonl(path: Path, n: int, seed: int = 12) -> Path:
    """Write ``articles(n, seed)`` to ``path`` as JSONL; returns the path."""
    with path.open("w", encoding="utf-8") as fh:
        for record in articles(n, seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
