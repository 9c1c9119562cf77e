"""Verdicts that compare only one quantity (``newsprov.analysis.claims`` and
``newsprov.analysis.verdicts``): givers' own amounts, rounded restatements, an outlet's
re-run story. Figures are hand-built records of sentences of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprov.analysis.claims import build_claims
from newsprov.analysis.records import ArticleRecord, FigureRecord
from newsprov.analysis.verdicts import find_verdicts
from test_analysis_verdicts import fig as record

B = "https://newsprov.org/id/"
EVENT = f"{B}event/e"
NAMES = ("fund", "guild", "mill", "ministry", "agency", "audit", "anon1", "anon2")
LABELS = {f"{B}org/{k}": k.title() for k in NAMES} | {f"{B}outlet/herald": "Herald"}


def art(aid: str, day: int = 1, publisher: str | None = None) -> ArticleRecord:
    return ArticleRecord(
        iri=f"{B}article/{aid}",
        article_id=aid,
        date=dt.date(2024, 6, day),
        publisher=f"{B}outlet/{publisher}" if publisher else None,
    )


def fig(
    aid: str,
    value: float,
    source: str,
    *,
    qualifier: str = "exact",
    measure: str = "aid-amount",
    unit: str = "USD",
    sentence: str = "",
    text: str = "",
) -> FigureRecord:
    """A figure record; money given by ``source`` unless told otherwise."""
    return record(
        aid,
        value,
        qualifier,
        source=source,
        measure=measure,
        unit=unit,
        sentence=sentence,
        number_text=text,
    )


def verdicts(figs: list[FigureRecord], arts: list[ArticleRecord]) -> list[tuple[str, ...]]:
    by_iri = {a.iri: a for a in arts}
    claims = build_claims(figs, by_iri, dict.fromkeys(by_iri, EVENT), LABELS, B)
    return sorted((v.kind, *(c.describe() for c in v.claims)) for v in find_verdicts(claims))


# --- a giver's own amount ---------------------------------------------------------------


def test_two_givers_amounts_are_two_quantities_not_a_conflict() -> None:
    arts = [art("a1"), art("a2")]
    figs = [
        fig("a1", 5_000_000, "fund", sentence="The Fund pledged $5 million to the appeal."),
        fig("a2", 1_000_000, "guild", sentence="The Guild will donate $1 million."),
    ]
    assert verdicts(figs, arts) == []


def test_an_amount_and_a_threshold_do_not_corroborate() -> None:
    arts = [art("a1"), art("a2")]
    figs = [
        fig("a1", 1_000_000, "fund", sentence="The Fund gave $1 million."),
        fig(
            "a2", 1_000_000, "audit", qualifier="at least", sentence="donors of $1 million or more"
        ),
    ]
    assert verdicts(figs, arts) == []


def test_two_sources_stating_one_exact_amount_corroborate() -> None:
    arts = [art("a1"), art("a2")]
    figs = [
        fig(
            "a1", 2_350_000, "audit", sentence="Three gifts totaling $2.35 million, the audit says."
        ),
        fig("a2", 2_350_000, "ministry", sentence="The ministry listed gifts of $2.35 million."),
    ]
    assert verdicts(figs, arts) == [("corroboration", "Audit: 2,350,000", "Ministry: 2,350,000")]


def test_a_givers_raised_pledge_is_still_a_revision() -> None:
    arts = [art("a1", 1), art("a2", 5)]
    figs = [fig("a1", 5_000_000, "fund"), fig("a2", 8_000_000, "fund")]
    assert verdicts(figs, arts) == [("revision", "Fund: 5,000,000", "Fund: 8,000,000")]


def test_event_totals_of_money_still_conflict() -> None:
    arts = [art("a1"), art("a2")]
    figs = [
        fig("a1", 8e9, "agency", measure="economic-loss"),
        fig("a2", 2e9, "ministry", measure="economic-loss"),
    ]
    assert [v[0] for v in verdicts(figs, arts)] == ["conflict"]


# --- a rounded restatement is no revision ------------------------------------------------


def test_a_later_rounded_figure_only_restates_the_earlier_one() -> None:
    arts = [art("a1", 2), art("a2", 3)]
    figs = [
        fig(
            "a1",
            916e6,
            "audit",
            qualifier="nearly",
            measure="economic-loss",
            text="nearly $916 million",
        ),
        fig(
            "a2",
            1e9,
            "audit",
            qualifier="nearly",
            measure="economic-loss",
            text="nearly $1 billion",
        ),
    ]
    assert verdicts(figs, arts) == []


def test_a_rise_given_in_round_numbers_is_a_revision() -> None:
    arts = [art("a1", 2), art("a2", 3)]
    figs = [
        fig("a1", 212, "agency", qualifier="at least", measure="deaths", unit="people"),
        fig("a2", 1000, "agency", qualifier="more than", measure="deaths", unit="people"),
    ]
    assert [v[0] for v in verdicts(figs, arts)] == ["revision"]


def test_an_exact_new_count_is_a_revision_even_when_close() -> None:
    arts = [art("a1", 2), art("a2", 3)]
    figs = [
        fig("a1", 1340, "agency", measure="injuries", unit="people"),
        fig("a2", 1420, "agency", measure="injuries", unit="people"),
    ]
    assert [v[0] for v in verdicts(figs, arts)] == ["revision"]


# --- an outlet's own re-run story counts once --------------------------------------------

RERUN = "The mayor never said where the claim of 250,000 new arrivals came from, {}."


def test_an_outlets_updated_story_does_not_corroborate_itself() -> None:
    arts = [art("a1", 12, "herald"), art("a2", 13, "herald")]
    figs = [
        fig(
            "a1",
            250_000,
            "anon1",
            measure="displaced",
            unit="people",
            sentence=RERUN.format("aides said"),
        ),
        fig(
            "a2",
            250_000,
            "anon2",
            measure="displaced",
            unit="people",
            sentence=RERUN.format("aides said on Sunday"),
        ),
    ]
    assert verdicts(figs, arts) == []


def test_two_outlets_different_sentences_still_corroborate() -> None:
    arts = [art("a1", 12, "herald"), art("a2", 12)]
    figs = [
        fig(
            "a1",
            4000,
            "anon1",
            measure="displaced",
            unit="people",
            sentence="Aid workers said 4,000 people fled the valley.",
        ),
        fig(
            "a2",
            4000,
            "agency",
            measure="displaced",
            unit="people",
            sentence="The agency counts 4,000 displaced in camps near the river.",
        ),
    ]
    assert [v[0] for v in verdicts(figs, arts)] == ["corroboration"]


# --- a crowd is counted at one moment ----------------------------------------------------


def test_one_sources_crowds_two_days_apart_are_two_rallies_not_a_revision() -> None:
    arts = [art("a1", 3), art("a2", 5)]
    figs = [
        fig("a1", 1300, "guild", measure="crowd-size", unit="people"),
        fig("a2", 2200, "guild", measure="crowd-size", unit="people"),
    ]
    assert verdicts(figs, arts) == []


def test_crowds_of_two_sources_two_days_apart_do_not_conflict() -> None:
    arts = [art("a1", 3), art("a2", 5)]
    figs = [
        fig("a1", 1300, "guild", measure="crowd-size", unit="people"),
        fig("a2", 9000, "mill", measure="crowd-size", unit="people"),
    ]
    assert verdicts(figs, arts) == []


def test_organisers_and_police_counting_one_march_still_conflict() -> None:
    arts = [art("a1", 3), art("a2", 4)]
    figs = [
        fig("a1", 250_000, "guild", measure="crowd-size", unit="people"),
        fig("a2", 42_000, "ministry", measure="crowd-size", unit="people"),
    ]
    assert [v[0] for v in verdicts(figs, arts)] == ["conflict"]


# --- a figure of an earlier year is background ------------------------------------------


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("In 2024, the storm killed 750 people.", ["conflict"]),  # this year's: compared
        ("In 2019, the same storm season killed 750 people.", []),  # an earlier year's
    ],
)
def test_a_figure_the_clause_puts_in_an_earlier_year_stays_out(
    first: str, expected: list[str]
) -> None:
    arts = [art("a1"), art("a2")]
    figs = [
        fig("a1", 750, "guild", measure="deaths", unit="people", sentence=first, text="750"),
        fig(
            "a2",
            90,
            "agency",
            measure="deaths",
            unit="people",
            sentence="The storm has killed 90 people, the agency said.",
            text="90",
        ),
    ]
    assert [v[0] for v in verdicts(figs, arts)] == expected


# --- shares and margins are no counts ----------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # margins in points are shares, never compared
        (
            (
                5,
                "percentage points",
                "Lind leads the crowded field by 5 percentage points, the Guild poll shows.",
            ),
            (12, "points", "The Mill survey puts her 12 points ahead of the rally's organiser."),
            [],
        ),
        # crowds counted in people still are
        (
            (5000, "people", "The Guild said a crowd of 5,000 filled the square."),
            (12000, "people", "The Mill said 12,000 gathered in the square."),
            ["conflict"],
        ),
    ],
)
def test_poll_margins_in_points_are_never_compared(
    a: tuple[float, str, str], b: tuple[float, str, str], expected: list[str]
) -> None:
    arts = [art("a1"), art("a2")]
    figs = [
        fig(aid, value, src, measure="crowd-size", unit=unit, sentence=sentence)
        for aid, src, (value, unit, sentence) in (("a1", "guild", a), ("a2", "mill", b))
    ]
    assert [v[0] for v in verdicts(figs, arts)] == expected


# --- a revision told within one article ----------------------------------------------------


def loss(aid: str, value: float, source: str, sentence: str, text: str) -> FigureRecord:
    return fig(aid, value, source, measure="economic-loss", sentence=sentence, text=text)


def test_a_figure_up_from_the_sources_earlier_estimate_is_a_revision() -> None:
    line = "The Mill now puts losses at $40 billion, up from its earlier estimate of $25 billion."
    arts = [art("a1", 9)]
    figs = [
        loss("a1", 40e9, "mill", line, "$40 billion"),
        loss("a1", 25e9, "mill", line, "$25 billion"),
    ]
    assert verdicts(figs, arts) == [("revision", "Mill: $25 billion", "Mill: $40 billion")]


def test_a_sources_earlier_figure_is_never_held_against_another_source() -> None:
    line = "The Mill now puts losses at $40 billion, up from its earlier estimate of $25 billion."
    arts = [art("a1", 9), art("a2", 8)]
    figs = [
        loss("a1", 40e9, "mill", line, "$40 billion"),
        loss("a1", 25e9, "mill", line, "$25 billion"),
        loss("a2", 26e9, "guild", "The Guild put losses at $26 billion.", "$26 billion"),
    ]
    kinds = {(v[0], *sorted(v[1:])) for v in verdicts(figs, arts)}
    assert kinds == {
        ("revision", "Mill: $25 billion", "Mill: $40 billion"),
        ("conflict", "Guild: $26 billion", "Mill: $40 billion"),
    }


def test_a_statement_an_article_dates_days_back_is_revised_by_the_current_one() -> None:
    arts = [art("a1", 9)]
    figs = [
        loss(
            "a1",
            30e9,
            "mill",
            "Less than a week ago, the Mill put losses at $30 billion.",
            "$30 billion",
        ),
        loss("a1", 45e9, "mill", "The Mill now says losses will reach $45 billion.", "$45 billion"),
    ]
    assert verdicts(figs, arts) == [("revision", "Mill: $30 billion", "Mill: $45 billion")]


def test_two_figures_of_one_day_without_a_relative_date_are_no_revision() -> None:
    arts = [art("a1", 9)]
    figs = [
        loss("a1", 30e9, "mill", "The Mill put home losses at $30 billion.", "$30 billion"),
        loss("a1", 45e9, "mill", "The Mill says all losses will reach $45 billion.", "$45 billion"),
    ]
    assert verdicts(figs, arts) == []


def test_two_figures_of_one_sentence_are_a_revision_only_when_it_says_so() -> None:
    arts = [art("a1", 20)]
    two = "In May the Fund gave $5.7 million, and it held almost $5 million at the start of June."
    figs = [
        fig("a1", 5.7e6, "fund", sentence=two, text="$5.7 million"),
        fig("a1", 5e6, "fund", qualifier="nearly", sentence=two, text="almost $5 million"),
    ]
    assert verdicts(figs, arts) == []
    rose = "The Fund's pledge rose to $8 million, up from $5 million."
    figs = [
        fig("a1", 8e6, "fund", sentence=rose, text="$8 million"),
        fig("a1", 5e6, "fund", sentence=rose, text="$5 million"),
    ]
    assert verdicts(figs, arts) == [("revision", "Fund: $5 million", "Fund: $8 million")]


def test_a_revision_says_how_its_earlier_date_is_known() -> None:
    by_iri = {a.iri: a for a in [art("a1", 9)]}
    up = "The Mill now puts losses at $40 billion, up from its earlier estimate of $25 billion."
    ago = "Less than a week ago, the Mill put losses at $30 billion."
    for sentence, number, when in [
        (up, "$25 billion", "before 2024-06-09"),  # only known to be earlier
        (ago, "$30 billion", "about 2024-06-03"),  # dated relative to the article
    ]:
        figs = [
            loss("a1", 40e9, "mill", up, "$40 billion"),
            loss("a1", float(number[1:3]) * 1e9, "mill", sentence, number),
        ]
        claims = build_claims(figs, by_iri, dict.fromkeys(by_iri, EVENT), LABELS, B)
        (revision,) = find_verdicts(claims)
        assert f"({when}) → $40 billion (2024-06-09)" in revision.note
