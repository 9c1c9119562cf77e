"""Round-3 figure rules: magnitudes, scale readings, year spans, calendar dates, service
numbers, zone offsets, ages, deployed teams, casualty partitives, restatements, Indian
scale words, bracketed conversions, restated partitive wholes, and which measure a
number takes across a clause. Each rule has (text, expected) cases with negatives.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsprov.nlp.figures import find_figures
from newsprov.nlp.measures import predicate_measure
from newsprov.nlp.numbers import masked_spans, parse_number


def values(nlp: Language, text: str) -> list[tuple[float, str]]:
    return [(f.value, f.qualifier.value) for f in find_figures(nlp(text))]


CASES = [
    # magnitudes are no figure, in any shape; the counts next to them are
    ("A 5.9-magnitude tremor shook the valley.", []),
    ("The quake, measured at magnitude 5.9 by the institute, toppled walls.", []),
    ("More than 90 aftershocks of magnitude 3 or above were recorded.", [(90, "more than")]),
    ("A magnitude 6.1 earthquake killed nearly 400 people.", [(400, "nearly")]),
    ("The strongest of them measuring 4.7, the tremors kept coming.", []),
    ("Homes fell after a 6.4 quake hit the coast.", []),
    # a list item's number is no figure
    ("1. Twelve people died in the blast.", [(12, "exact")]),
    # a ratio is no figure; a count over a time is
    ("One in five residents fled.", []),
    ("The blaze grew 30 square miles in four hours.", [(30, "exact")]),
    ("The floods killed 12 people in two days.", [(12, "exact")]),
    ("Survey staff measured the quake at a magnitude of 6.4 on Monday.", []),
    ("A 6.4 magnitude earthquake toppled 30 homes.", [(30, "exact")]),
    ("Inspectors measured 14 cracked bridges.", [(14, "exact")]),
    # a reading on a named scale
    ("Gusts of up to 9 on the Beaufort scale fanned the flames.", []),
    ("Up to 9 crews on the western front fought the flames.", [(9, "up to")]),
    # spans of years
    ("Militias fought in the 2019-2021 conflict in the north.", []),
    ("Between 2,019 and 2,021 people fled.", [(2019, "at least"), (2021, "up to")]),
    ("Some 1,200-1,500 families fled.", [(1200, "at least"), (1500, "up to")]),
    # a date in another calendar: a named day and a year after a comma
    ("The storm struck on Baisakh 12, 2081 in the local calendar.", []),
    (
        "Officials in Tarsi counted 12, and 2,081 more were missing.",
        [(12, "exact"), (2081, "exact")],
    ),
    # service numbers
    ("Residents were told to call the 115 emergency number.", []),
    ("A 24 hotline was opened for relatives.", []),
    ("The 115 emergency workers reached the town.", [(115, "exact")]),
    # a time-zone offset of a timestamp
    ("Updated 14:05 UTC+3 by the desk.", []),
    ("The index rose +3 points.", [(3, "exact")]),
    # ages after "age" and stated on their own
    ("The reform lowers the voting age to 16.", []),
    ("He said he will keep farming until he is 80.", []),
    ("The reform raises pensions to 80 euros.", [(80, "exact")]),
    ("She said the toll is 80.", [(80, "exact")]),
    # a deployed team counts its members; a body's size does not
    ("Japan sent a 60-member rescue team.", [(60, "exact")]),
    ("A 35-member medical team arrived on Friday.", [(35, "exact")]),
    ("The 9-member board resigned.", []),
    # partitives of casualties count; other partitives do not
    ("Three of the injured died overnight.", [(3, "exact")]),
    ("Four of the dead were children.", [(4, "exact")]),
    ("Three of the guards escaped.", []),
    # a restated earlier value with a small number word
    (
        "The agency said 30 schools were damaged, up from nine on Monday.",
        [(30, "exact"), (9, "exact")],
    ),
    ("The two met in Lisbon after nine.", []),
    # Indian scale words
    ("Over 2.5 lakh people were affected.", [(250000, "more than")]),
    ("The state released ₹25 crore in aid.", [(250000000, "exact")]),
    # bracketed conversions give two figures with one qualifier
    ("Flames burned about 6,000 hectares (14,800 acres).", [(6000, "about"), (14800, "about")]),
    ("The blaze charred 40,000 stremmata (4,000 hectares).", [(40000, "exact"), (4000, "exact")]),
    ("The fire front was 30 km (19 miles) wide.", []),
    # a dateline dash before a number word is no score or range
    ("(ANSA) - ROME, SEP 4 - Three planes took off.", [(3, "exact")]),
    ("The visitors won 4 - 2 at home.", []),
    # a glued year and clock time in a timestamp
    ("May 3, 20244:15 PM ET", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_general_rules(sentencized: Language, text: str, expected: list[tuple[float, str]]) -> None:
    assert values(sentencized, text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("1.5 lakh", 150000.0), ("₹10 crore", 100000000.0), ("3 crores", 30000000.0)],
)
def test_indian_scales(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_glued_year_and_time_is_masked() -> None:
    assert masked_spans("June 3, 20254:12 PM ET") != []
    assert masked_spans("June 3, 2025 and 4 more") == []


def test_restated_partitive_whole_is_dropped(sentencized: Language) -> None:
    text = "The strike killed at least 45 people. Officials said 9 of the 45 dead were children."
    assert values(sentencized, text) == [(45, "at least"), (9, "exact")]
    fresh = "Officials said 9 of the 45 dead were children."
    assert values(sentencized, fresh) == [(9, "exact"), (45, "exact")]


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("India sent relief worth ₹40 crore, including tents and blankets.", "aid-amount"),
        ("The council spent $2 million on tents for the displaced.", None),
        ("About 3,000 people fled to tents.", "displaced"),
    ],
)
def test_money_counts_no_people(sentencized: Language, text: str, measure: str | None) -> None:
    (fig,) = find_figures(sentencized(text))
    assert fig.measure == measure


@pytest.mark.parametrize(
    ("predicate", "unit", "head", "measure"),
    [
        ("died", None, "children", "deaths"),
        ("rescued", None, "children", "rescued"),
        ("destroyed", None, "homes", "homes-destroyed"),
        ("destroyed", None, "cars", None),  # the rule counts dwellings only
        ("pledged", "USD", None, "aid-amount"),
        ("died", "USD", None, None),  # money counts no people
        ("said", None, "officials", None),
        (None, None, "children", None),
    ],
)
def test_predicate_measure(
    predicate: str | None, unit: str | None, head: str | None, measure: str | None
) -> None:
    assert predicate_measure(predicate, unit=unit, head=head) == measure


def test_conversion_carries_measure(sentencized: Language) -> None:
    figs = find_figures(sentencized("The fire had burned about 7,000 hectares (17,300 acres)."))
    assert [f.measure for f in figs] == ["area-burned", "area-burned"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the keyword in the number's own clause wins over one across "and"
        (
            "Officials said 800 people had been injured and 9 were still missing.",
            [(800, "injuries"), (9, "missing")],
        ),
        (
            "Officials said 800 people had been injured and 9 were killed.",
            [(800, "injuries"), (9, "deaths")],
        ),
        ("At least 20 people died and 45 were wounded.", [(20, "deaths"), (45, "injuries")]),
        # a toll's value, with a dateline parsed as a second subject
        (
            "ADANA, Türkiye (AA) - The death toll from Monday's earthquake in the province "
            "has risen to at least 74, the agency said on Tuesday.",
            [(74, "deaths")],
        ),
        # the verb the counted noun is subject of wins over a keyword of the clause before
        (
            "Officials say 11 children were rescued there, while 19 children and six adults died.",
            [(11, "rescued"), (19, "deaths"), (6, "deaths")],
        ),
        # a toll's value counting a noun, and a nearer keyword that only names workers
        (
            "Officials said the death toll for Friday's storm had risen to 81 people.",
            [(81, "deaths")],
        ),
        # a count of people in a clause joined to one with a measure counts the same
        (
            "The monitor said 600 of the dead were civilians, while 90 belonged to the police "
            "and 70 were gunmen loyal to the old regime.",
            [(600, "deaths"), (90, "deaths"), (70, "deaths")],
        ),
        # the value a number of people reaches counts what its participle says
        (
            "The number of people killed in three days of fighting in the hill towns has "
            "passed 1,000, the monitor said on Sunday.",
            [(1000, "deaths")],
        ),
        (
            "The number of people evacuated from the valley towns rose to 5,000 by Monday night.",
            [(5000, "evacuated")],
        ),
        # both ends of a range count what either end's keyword says
        (
            "Insured losses from the floods could be between $2 billion and $5 billion.",
            [(2e9, "economic-loss"), (5e9, "economic-loss")],
        ),
        # a figure coordinated with, or part of, one with a measure counts the same
        (
            "The monitor said the dead over the past month included 44 children and 36 women "
            "across the region.",
            [(44, "deaths"), (36, "deaths")],
        ),
        (
            "The raids hit the valley hardest, with 70 civilians killed near the dam, along "
            "with 30 civilians – including 11 children – in the hills.",
            [(70, "deaths"), (30, "deaths"), (11, "deaths")],
        ),
        (
            "More than 600 rescue workers and 12 sniffer dogs searched the site.",
            [(600, None), (12, None)],
        ),
    ],
)
def test_measures_across_clauses(trained: Language, text: str, expected: list[tuple]) -> None:
    assert [(f.value, f.measure) for f in find_figures(trained(text))] == expected


@pytest.mark.model
def test_toll_value_counts_people(trained: Language) -> None:
    text = "ADANA (AA) - The death toll from the quake in the province has risen to at least 74."
    (fig,) = find_figures(trained(text))
    assert (fig.measure, fig.population) == ("deaths", "people")
