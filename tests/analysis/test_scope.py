"""What part of a sentence a figure's clause is, and which quantity it counts
(``newsprov.analysis.scope``): tables of our own sentences, positive and negative."""

from __future__ import annotations

import datetime as dt
import random
import re

import pytest

from newsprov.analysis.bounds import population_part, sided_population
from newsprov.analysis.scope import (
    background,
    clause,
    counts_civilians,
    days_before,
    kind_of,
    locate,
    measure_fits,
    place_scope,
    side_of,
)


@pytest.mark.parametrize(
    ("sentence", "number", "expected"),
    [
        # "and" joining two numbers' parts ends the clause on either side
        (
            "The ministry said 61 people died and 24 others were badly hurt.",
            "24",
            "24 others were badly hurt.",
        ),
        (
            "The ministry said 61 people died and 24 others were badly hurt.",
            "61",
            "The ministry said 61 people died",
        ),
        ("Gunfire killed nine guards, but 14 prisoners escaped.", "14", "14 prisoners escaped."),
        # a breakdown shares its verb and place: one clause
        (
            "The monitor said 70 civilians and 25 soldiers were killed in Varn province.",
            "70",
            "The monitor said 70 civilians and 25 soldiers were killed in Varn province.",
        ),
        # a range is one part: its "and" is not a break
        (
            "Between 300 and 450 people were killed in the floods.",
            "450",
            "Between 300 and 450 people were killed in the floods.",
        ),
        # "and" with no other number stays inside the clause
        (
            "Rescuers pulled out 40 bodies and searched the rubble overnight.",
            "40",
            "Rescuers pulled out 40 bodies and searched the rubble overnight.",
        ),
    ],
)
def test_clause_ends_where_another_numbers_part_begins(
    sentence: str, number: str, expected: str
) -> None:
    assert clause(sentence, number) == expected


def test_a_number_is_located_whole_not_inside_a_longer_one() -> None:
    sentence = "Officials counted 2,412 homes, and 12 were rebuilt."
    assert locate(sentence, "12") == sentence.index(" 12 ") + 1
    assert locate(sentence, "2,412") == sentence.index("2,412")
    assert locate(sentence, "77") == -1


def _located_by_pattern(sentence: str, number: str) -> int:
    """``locate`` as the patterns say it (what the plain search must agree with)."""
    escaped = re.escape(number)
    m = re.search(rf"(?<![\w.,]){escaped}(?![\w])", sentence, re.I) or re.search(
        escaped, sentence, re.I
    )
    return m.start() if m else -1


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Of 1,512 people, 12 died.", "12"),
        ("1,512 died; another 12,", "12"),
        ("Item 12_b and 12.", "12"),
        ("x12 and 12x and a12", "12"),
        ("Only 3.5", "3.5"),
        ("12", "12"),
        ("٣12 and ½12 then 12", "12"),  # Unicode digits and numerals are word characters
        ("“12” and ‘12’", "12"),
        ("none here", "7"),
        ("Some Twelve Million and twelve million", "twelve million"),
        ("TWELVE-twelve Twelve", "twelve"),
        ("Dozens died; dozens more", "Dozens"),
        ("Ünder twelve, Twelve", "twelve"),
    ],
)
def test_a_plain_number_is_located_as_the_patterns_locate_it(sentence: str, number: str) -> None:
    assert locate(sentence, number) == _located_by_pattern(sentence, number)


def test_random_plain_numbers_are_located_as_the_patterns_locate_them() -> None:
    rng = random.Random(12)
    alphabet = "12,. _aAbBé٣½“-"
    for _ in range(3000):
        sentence = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        number = "".join(rng.choice("12,.aA") for _ in range(rng.randint(1, 3)))
        assert locate(sentence, number) == _located_by_pattern(sentence, number), (
            sentence,
            number,
        )


def test_injured_joined_to_a_toll_by_and_are_not_deaths() -> None:
    sentence = "The governor said 61 people died and 24 others were badly injured."
    assert not measure_fits("deaths", clause(sentence, "24"))
    assert measure_fits("deaths", clause(sentence, "61"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("since the attack on the capital last October, which killed 90", True),
        ("the bombing two years ago killed 31", True),
        ("the flood last spring left 300 homeless", True),
        ("the blast on Tuesday killed 31", False),
        ("the toll rose to 31 last night", False),
        ("31 were killed in the march on the ministry", False),
    ],
)
def test_another_months_event_is_background(text: str, expected: bool) -> None:
    assert background(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three guards were killed at each checkpoint", "each"),
        ("the fund gave $2,000 per household", "each"),
        ("two died at each of the sites", "each"),
        ("three guards were killed at the checkpoint", "event"),
        ("each official said 40 had died", "event"),
        ("each of the 40 victims has been named", "event"),
        # one town, named or not
        ("raids killed 35 civilians in an eastern town held by the rebels", "city:unnamed"),
        ("shelling killed 12 in one village near the border", "city:unnamed"),
        ("raids killed at least 35 civilians across the province", "event"),
        ("raids killed 35 civilians in the town of Oskol", "city:oskol"),
    ],
)
def test_a_count_per_part_has_its_own_scope(text: str, expected: str) -> None:
    assert place_scope(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the source's own earlier figure for the same quantity: revised by its current one
        ("up from the modeler's earlier estimate of $3 billion to $6 billion", "earlier"),
        ("an initial estimated range of $95 billion to $110 billion", "earlier"),
        # another period's figure: never compared with this one's
        ("more than double the previous 30-day toll of 225", "superseded"),
        ("the firm now estimates losses at $10 billion", "estimate"),
        ("the first responders counted 40 dead", "count"),
    ],
)
def test_a_figure_the_clause_says_was_replaced_is_superseded(text: str, expected: str) -> None:
    assert kind_of(text) == expected


@pytest.mark.parametrize(
    ("measure", "text", "fits"),
    [
        ("crowd-size", "a crowd of 4,000 gathered outside the hall", True),
        ("crowd-size", "organisers said 9,000 marched through the centre", True),
        ("crowd-size", "she is expected to win 480 delegates", False),
        ("crowd-size", "of the 2,100 ballots cast, 1,300 went to the mayor", False),
        ("deaths", "a further 30 people on March 3", True),  # the month is no crowd word
        ("deaths", "a further 30 people joined the march", False),
        ("displaced", "15,000 residents fled the burning valley", True),
        ("displaced", "the country agreed to accept 5,000 refugees this year", False),
        ("displaced", "the plan would resettle 20,000 refugees", False),
        ("deaths", "61 people died in the collapse", True),
    ],
)
def test_a_clause_naming_another_quantity_does_not_fit(measure: str, text: str, fits: bool) -> None:
    assert measure_fits(measure, text) is fits


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        # a listed side before the counted noun, or an allegiance after it
        ("The raids killed 61 Daesh gunmen", "61", "islamic-state"),
        ("At least 61 ISIL fighters died", "At least 61", "islamic-state"),
        ("nine fighters loyal to the Damascus regime", "nine", "government"),
        ("nine members of militias loyal to the government were killed", "nine", "government"),
        ("17 pro-government militiamen were among the dead", "17", "government"),
        ("30 Kurdish-led fighters", "30", "kurdish"),
        ("the shelling killed 14 rebel fighters", "14", "opposition"),
        # an unlisted name: an allegiance to it, or its "-backed" force, is its side
        ("11 fighters loyal to General Orsk died", "11", "general-orsk"),
        ("23 Velorian-backed militiamen", "23", "velorian"),
        # a population qualified by a side's people is not the plain population
        ("at least 12 relatives of IS fighters", "at least 12", "islamic-state"),
    ],
)
def test_a_side_named_with_the_counted_people_is_their_side(
    text: str, number: str, expected: str
) -> None:
    assert side_of(text, number) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("40 fighters were killed in the raid", "40"),  # no side named
        ("35 civilians in an eastern town held by IS", "35"),  # a place, not a side
        ("9 people died in IS-held Raqqa", "9"),
        ("9 IS-held villages were retaken", "9"),  # territory, not people
        ("the government said 40 fighters died", "40"),  # the source's side, not theirs
        ("12 people were killed, the regime said", "12"),
        ("what is 12 more than last week", "12"),  # "is" is not IS
    ],
)
def test_no_side_unless_the_counted_people_are_qualified(text: str, number: str) -> None:
    assert side_of(text, number) == ""


@pytest.mark.parametrize(
    ("population", "side", "expected"),
    [
        ("fighters", "islamic-state", "fighters:islamic-state"),
        ("militants", "islamic-state", "militants:islamic-state"),
        ("fighters", "government", "fighters:government"),
        ("fighters", "", "fighters"),  # unqualified: never one side's count
        ("soldiers", "government", "soldiers"),  # a government's soldiers are soldiers
        ("soldiers", "opposition", "soldiers:opposition"),
        ("civilians", "islamic-state", "civilians:islamic-state"),
        ("supporters", "opposition", "supporters"),  # a crowd is a crowd, whoever's
        ("people", "islamic-state", "people"),
    ],
)
def test_a_sided_population_is_its_own_key_part(population: str, side: str, expected: str) -> None:
    assert sided_population(population, side) == expected


def test_each_sides_fighters_are_their_own_part_of_a_total() -> None:
    assert population_part("fighters:islamic-state") == "combatants:islamic-state"
    assert population_part("militants:government") != population_part("fighters:islamic-state")
    assert population_part("fighters") == "combatants"
    assert population_part("civilians:islamic-state") == "civilians:islamic-state"
    assert population_part("women") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reports at the time said that more than 90 people had died", True),
        ("officials at the time put the toll at 90", True),
        ("at the time of writing, 90 people had died", False),  # now, not then
        ("90 people died at the market", False),
    ],
)
def test_what_was_reported_at_the_time_is_background(text: str, expected: bool) -> None:
    assert background(text) is expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("the toll rose to 50, up from 30", "30", "earlier"),
        ("the agency revised its count upward from its estimate of 30", "30", "earlier"),
        ("the toll rose to 50, up from 30", "50", "count"),  # the current figure
        ("30 people were pulled from the rubble", "30", "count"),  # "from" of another verb
    ],
)
def test_up_from_a_number_is_the_sources_earlier_figure(
    text: str, number: str, expected: str
) -> None:
    assert kind_of(text, number) == expected


MONDAY = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("Less than a week ago, the firm put losses at $40 billion", "$40 billion", 6),
        ("a week ago the firm put losses at $40 billion", "$40 billion", 7),
        ("last week the firm put losses at $40 billion", "$40 billion", 7),
        ("three days ago the agency counted 40 dead", "40", 3),
        ("two weeks ago the agency counted 40 dead", "40", 14),
        ("the agency counted 40 dead the day before", "40", 1),
        ("earlier this month the agency counted 40 dead", "40", 9),
        # the phrase nearest before the number wins: "now" is today
        ("which raised it last week, now puts losses at $90 billion", "$90 billion", None),
        ("the firm put losses at $90 billion on Monday", "$90 billion", None),  # no relative date
        # when the event happened, not when the figure was given
        ("the quake, which struck three days ago, has killed 40 people", "40", None),
        ("the blast last week killed 40 people, police said", "40", None),
    ],
)
def test_a_statement_dated_relative_to_the_article(
    text: str, number: str, expected: int | None
) -> None:
    assert days_before(text, MONDAY, number) == expected


def test_earlier_this_week_goes_back_to_the_weeks_start_and_at_least_a_day() -> None:
    text = "earlier this week the agency counted 40 dead"
    assert days_before(text, dt.date(2025, 3, 13), "40") == 3  # a Thursday
    assert days_before(text, MONDAY, "40") == 1


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("In January, the agency said its raids killed 40 people", "40", 38),  # to 31 January
        ("the agency said in late February that 40 died", "40", 10),
        ("In November 2024, the agency counted 40 dead", "40", 100),
        ("In April, the agency counted 40 dead", "40", 314),  # a later month: last year's
        ("In March, the agency counted 40 dead", "40", None),  # the article's own month
        ("the agency said in May that 40 died", "40", 283),
        ("the agency may count 40 dead", "40", None),  # "may" the verb
        ("since January, the agency has counted 40 dead", "40", None),  # a total up to now
        ("the floods in February have killed 40, the agency said", "40", None),  # the event's
    ],
)
def test_a_statement_of_an_earlier_month_is_dated_to_its_end(
    text: str, number: str, expected: int | None
) -> None:
    assert days_before(text, MONDAY, number) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("strikes had killed 352 civilians since operations against the group began", True),
        ("killed 90 civilians since the coalition began bombing the city", True),
        ("brought the overall civilian toll from the campaign to 1,400", True),
        ("raids have killed 400 since the air campaign was launched", True),
        ("strikes killed 35 civilians in the past month", False),
        ("the overall death toll from the quake rose to 2,000", False),  # the event's own
        ("since Tuesday, strikes have killed 35 people", False),
    ],
)
def test_a_campaigns_running_total_has_its_own_scope(text: str, expected: bool) -> None:
    assert (place_scope(text) == "since-start") is expected


@pytest.mark.parametrize(
    ("text", "number", "expected"),
    [
        ("brought the overall civilian toll from the campaign to 1,400", "1,400", True),
        ("the civilian death toll rose to more than 90", "more than 90", True),
        ("the toll rose to 90, including 30 civilians", "90", False),
        ("civilian deaths were reported, and 90 soldiers died", "90", False),  # another clause
    ],
)
def test_a_number_given_as_a_civilian_toll_counts_civilians(
    text: str, number: str, expected: bool
) -> None:
    assert counts_civilians(text, number) is expected


def test_a_body_the_counted_people_belong_to_is_no_side() -> None:
    # "members of the Coast Guard" are that body's, not a side of a conflict
    assert side_of("five members of the Coast Guard were hurt", "five") == ""
