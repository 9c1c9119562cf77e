"""Bounds of a figure and whether two figures can both be true."""

from __future__ import annotations

import math

import pytest

from newsprov.analysis.bounds import (
    Interval,
    compatible,
    describe_gap,
    format_number,
    interval_for,
    normalise_population,
    population_part,
)

INF = math.inf


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (745, "exact", Interval(745, 745)),
        (1000, "about", Interval(900, 1100)),
        (1000, "more than", Interval(1000, INF, lo_open=True, hi_open=True)),
        (212, "at least", Interval(212, INF, hi_open=True)),
        (50, "up to", Interval(0, 50)),
        (300, "nearly", Interval(240, 330)),  # close to 300, not a ceiling
        (7, None, Interval(7, 7)),
    ],
)
def test_interval_for_each_qualifier(value: float, qualifier: str, expected: Interval) -> None:
    got = interval_for(value, qualifier)
    assert got.lo == pytest.approx(expected.lo)
    assert got.hi == pytest.approx(expected.hi)
    assert (got.lo_open, got.hi_open) == (expected.lo_open, expected.hi_open)


def test_unknown_qualifier_falls_back_to_stored_bounds() -> None:
    assert interval_for(10, "roughly", lower=8, upper=12) == Interval(8, 12)
    assert interval_for(10, "roughly", lower=8).hi == INF


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((212, "at least"), (200, "more than"), True),
        ((250_000, "exact"), (42_000, "exact"), False),
        ((1000, "more than"), (1000, "exact"), False),  # "more than 1,000" excludes 1,000
        ((1000, "at least"), (1000, "exact"), True),
        ((1000, "more than"), (1000, "up to"), False),
        ((1000, "more than"), (1000, "more than"), True),
        ((18_000, "about"), (20_000, "nearly"), True),
        ((140, "exact"), (130, "more than"), True),
        ((96, "at least"), (71, "exact"), False),
        ((1050, "exact"), (1000, "about"), True),
        ((1200, "exact"), (1000, "about"), False),
        ((50, "up to"), (60, "at least"), False),
    ],
)
def test_compatibility_table(a: tuple[float, str], b: tuple[float, str], expected: bool) -> None:
    ia, ib = interval_for(*a), interval_for(*b)
    assert compatible(ia, ib) is expected
    assert compatible(ib, ia) is expected


def test_range_interval_is_compatible_with_a_point_inside() -> None:
    crowd = Interval(40_000, 60_000)
    assert compatible(crowd, interval_for(42_000, "exact"))
    assert not compatible(crowd, interval_for(250_000, "exact"))


def test_describe_gap_says_by_how_much() -> None:
    text = describe_gap(interval_for(250_000, "exact"), interval_for(42_000, "exact"))
    assert text == "250,000 is 6.0× 42,000 (gap 208,000)"
    text = describe_gap(interval_for(71, "exact"), interval_for(96, "at least"))
    assert "25" in text and "[96, ∞)" in text


@pytest.mark.parametrize(
    ("value", "text"), [(1000.0, "1,000"), (2.5, "2.5"), (INF, "∞"), (1018, "1,018")]
)
def test_format_number(value: float, text: str) -> None:
    assert format_number(value) == text


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (None, "people"),
        ("people", "people"),
        ("Persons", "people"),
        ("civilians", "civilians"),
        ("security forces", "security-forces"),
        ("government security force members", "security-forces"),
        ("security-forces", "security-forces"),
        ("troops", "soldiers"),
        ("militants", "militants"),
        ("firefighters", "firefighters"),
    ],
)
def test_normalise_population(population: str | None, expected: str) -> None:
    assert normalise_population(population) == expected


def test_population_parts_are_disjoint_kinds() -> None:
    assert population_part("civilians") == "civilians"
    assert population_part("soldiers") == population_part("security-forces") == "security"
    assert population_part("fighters") == population_part("militants") == "combatants"
    assert population_part("children") is None  # overlaps civilians: never summed
    assert population_part("people") is None
