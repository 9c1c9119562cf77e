"""Number phrases: parsing digits, words, scales, units, and finding them in text."""

from __future__ import annotations

import pytest

from newsprov.nlp.numbers import (
    lex,
    masked_spans,
    parse_digits,
    parse_number,
    parse_quantity,
    scan_text,
    words_to_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,000", 1000.0),
        ("42,500", 42500.0),
        ("1,234,567", 1234567.0),
        ("3.5", 3.5),
        ("0.75", 0.75),
        ("1.000.000", 1000000.0),  # European thousands, several groups
        ("2.500", 2500.0),  # European thousands: one group ending "00"
        ("3.125", 3.125),  # a decimal, not thousands
        ("0.500", 0.5),  # a leading zero is always a decimal
        ("1.234,5", 1234.5),  # European decimal comma with thousands
        ("12", 12.0),
        ("1,2,3", None),  # not a number
    ],
)
def test_parse_digits(text: str, expected: float | None) -> None:
    assert parse_digits(text) == expected


def test_parse_digits_decimal_only_keeps_european_group_decimal() -> None:
    assert parse_digits("2.500", decimal_only=True) == 2.5


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["two"], 2.0),
        (["twenty", "five"], 25.0),
        (["two", "hundred", "and", "fifty"], 250.0),
        (["one", "hundred", "thousand"], 100000.0),
        (["a", "dozen"], 12.0),
        (["a", "million"], 1000000.0),
        (["three", "million", "two", "hundred", "thousand"], 3200000.0),
        (["two", "three"], None),  # two units in a row are no number
        (["and"], None),
        (["a"], None),
        (["people"], None),
    ],
)
def test_words_to_number(words: list[str], expected: float | None) -> None:
    assert words_to_number(words) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # digits and scales
        ("1,000", 1000.0),
        ("1.5 million", 1500000.0),
        ("2 thousand", 2000.0),
        ("3bn", 3e9),
        ("4.2 billion", 4.2e9),
        ("1,5 million", 1500000.0),  # European decimal comma before a scale word
        ("2.500 million", 2.5e6),  # a dot group before a scale word is a decimal
        ("1 trillion", 1e12),
        # fractions of a scale
        ("half a million", 500000.0),
        ("a half million", 500000.0),
        ("a quarter of a million", 250000.0),
        ("one and a half million", 1500000.0),
        ("three quarters of a million", 750000.0),
        # number words
        ("two", 2.0),
        ("Twenty-five", 25.0),
        ("ninety nine", 99.0),
        ("two hundred and fifty", 250.0),
        ("a dozen", 12.0),
        ("a thousand", 1000.0),
        ("one hundred thousand", 100000.0),
        # vague plurals: the smallest amount they can mean
        ("dozens", 24.0),
        ("hundreds", 200.0),
        ("thousands", 2000.0),
        ("tens of thousands", 20000.0),
        ("hundreds of thousands", 200000.0),
        ("several hundred", 300.0),
        ("a few thousand", 2000.0),
        # not a single number phrase
        ("people", None),
        ("one of the", None),
        ("", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$4.2 billion", 4.2e9, "USD"),
        ("US$4.2bn", 4.2e9, "USD"),
        ("€30m", 3e7, "EUR"),
        ("£2.3bn", 2.3e9, "GBP"),
        ("30 million euros", 3e7, "EUR"),
        ("1.5 million dollars", 1.5e6, "USD"),
        ("5 million US dollars", 5e6, "USD"),
        ("USD 5 million", 5e6, "USD"),
        ("12%", 12.0, "percent"),
        ("12 percent", 12.0, "percent"),
        ("12 per cent", 12.0, "percent"),
        ("3 percentage points", 3.0, "percentage points"),
        ("5,000 hectares", 5000.0, "hectares"),
        ("1,200 acres", 1200.0, "acres"),
        ("30 sq km", 30.0, "km2"),
        ("30 square kilometres", 30.0, "km2"),
        ("30 km²", 30.0, "km2"),
        ("12 square miles", 12.0, "sq mi"),
        ("500 tonnes", 500.0, "tonnes"),
        ("7.8-magnitude", 7.8, "magnitude"),
        ("5,000-hectare", 5000.0, "hectares"),
        ("2,000", 2000.0, None),
    ],
)
def test_parse_quantity_units(text: str, value: float, unit: str | None) -> None:
    found = parse_quantity(text)
    assert found is not None
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "excluded"),
    [("40 km", "km"), ("100 mph", "mph"), ("45 degrees", "degrees"), ("3 miles", "miles")],
)
def test_distance_speed_and_temperature_units_are_flagged(text: str, excluded: str) -> None:
    found = parse_quantity(text)
    assert found is not None
    assert found.excluded_unit == excluded


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("A 2.3m wall", [2.3]),  # metres, not millions
        ("2.3m people", [2.3e6]),  # millions: a counted noun follows
        ("£2.3m.", [2.3e6]),  # money: "m" is always millions
        ("The toll was 1,000.", [1000.0]),  # the full stop is not a decimal point
        ("the distance.125 soldiers", [125.0]),  # a full stop glued before the number
        ("several people and a few of them", []),
        ("a man and a woman", []),  # a bare "a" is no number
        ("one or two", [1.0, 2.0]),
        ("between 40,000 and 60,000", [40000.0, 60000.0]),
        ("2,000-3,000", [2000.0, 3000.0]),
    ],
)
def test_scan_text_values(text: str, found: list[float]) -> None:
    assert [m.value for m in scan_text(text)] == found


def test_scan_text_offsets_index_the_text() -> None:
    text = "Officials said about $4.2 billion was lost."
    (match,) = scan_text(text)
    assert text[match.start : match.end] == "$4.2 billion" == match.text
    assert match.base == 4.2 and match.scaled


def test_vague_matches_are_flagged() -> None:
    (match,) = scan_text("tens of thousands of people")
    assert match.vague and match.value == 20000.0


def test_lex_splits_glued_text() -> None:
    assert [x.text for x in lex("distance.125 dead(Omar $4.2bn")] == [
        "distance",
        ".",
        "125",
        "dead",
        "(",
        "Omar",
        "$",
        "4.2",
        "bn",
    ]


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("on 2025-03-09 at dawn", "2025-03-09"),
        ("on 09/03/2025 at dawn", "09/03/2025"),
        ("at 15:30 local time", "15:30"),
        ("at 3 p.m. on Friday", "3 p.m."),
        ("at 3pm on Friday", "3pm"),
        ("call 0800 123 4567 now", "0800 123 4567"),
        ("open 24/7 now", "24/7"),
    ],
)
def test_masked_spans(text: str, masked: str) -> None:
    assert [text[a:b] for a, b in masked_spans(text)] == [masked]


def test_masked_spans_leave_counts_alone() -> None:
    assert masked_spans("more than 1,000 people and 3.5 million dollars") == []
