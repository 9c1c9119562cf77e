"""Claims and verdicts on hand-built figure records (no store, no NLP)."""

from __future__ import annotations

import datetime as dt

from newsprov.analysis.claims import build_claims, scope_of, similarity
from newsprov.analysis.records import ArticleRecord, FigureRecord, Verdict
from newsprov.analysis.verdicts import MAX_RATIO, find_verdicts

B = "https://newsprov.org/id/"
EVENT = f"{B}event/e"
LABELS = {
    f"{B}org/{k}": v
    for k, v in {
        "sohr": "SOHR",
        "afad": "AFAD",
        "krc": "Red Crescent",
        "fpc": "Organisers",
        "police": "Police",
        "contafolla": "Contafolla",
        "sheriff": "Sheriff",
        "calfire": "Cal Fire",
        "un": "UN",
        "iom": "IOM",
        "krm": "KRM",
        "moh": "MoH",
    }.items()
} | {f"{B}outlet/{k}": k.upper() for k in ("ap", "afp", "reuters", "bbc", "f24", "hindu")}


def art(
    aid: str, day: int | None = 1, publisher: str | None = None, wires: tuple[str, ...] = ()
) -> ArticleRecord:
    return ArticleRecord(
        iri=f"{B}article/{aid}",
        article_id=aid,
        date=dt.date(2024, 5, day) if day else None,
        publisher=f"{B}outlet/{publisher}" if publisher else None,
        wires=frozenset(f"{B}outlet/{w}" for w in wires),
    )


_N = iter(range(10_000))


def fig(
    aid: str,
    value: float,
    qualifier: str = "exact",
    *,
    source: str | None = None,
    via: str | None = None,
    population: str | None = "people",
    measure: str | None = "deaths",
    sentence: str = "",
    date: str | None = None,
    range_group: str | None = None,
    unit: str | None = "people",
    number_text: str = "",
) -> FigureRecord:
    n = next(_N)
    return FigureRecord(
        iri=f"{B}article/{aid}/figure/{n:04d}",
        article=f"{B}article/{aid}",
        value=value,
        qualifier=qualifier,
        measure=measure,
        population=population,
        unit=unit,
        source=f"{B}org/{source}" if source else None,
        via=f"{B}outlet/{via}" if via else None,
        sentence=sentence or f"sentence {n} about {value}",
        date=date,
        range_group=range_group,
        number_text=number_text,
    )


def verdicts(figures: list[FigureRecord], articles: list[ArticleRecord]) -> list[Verdict]:
    by_iri = {a.iri: a for a in articles}
    claims = build_claims(figures, by_iri, dict.fromkeys(by_iri, EVENT), LABELS, B)
    return find_verdicts(claims)


def kinds(vs: list[Verdict]) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((v.kind, tuple(c.describe() for c in v.claims)) for v in vs)


def test_total_against_a_breakdown_population_gives_no_verdict() -> None:
    a = [art("a1"), art("a2")]
    f = [
        fig("a1", 1000, "more than", source="sohr"),
        fig("a2", 745, source="afad", population="civilians"),
    ]
    assert verdicts(f, a) == []


def test_compatible_lower_bounds_from_two_sources_corroborate() -> None:
    a = [art("a1"), art("a2")]
    f = [fig("a1", 212, "at least", source="afad"), fig("a2", 200, "more than", source="krc")]
    assert kinds(verdicts(f, a)) == [
        ("corroboration", ("AFAD: at least 212", "Red Crescent: more than 200"))
    ]


def test_incompatible_figures_conflict_and_say_by_how_much() -> None:
    a = [art("a1"), art("a2")]
    f = [
        fig("a1", 250_000, source="fpc", measure="crowd-size"),
        fig("a2", 42_000, source="police", measure="crowd-size"),
    ]
    (v,) = verdicts(f, a)
    assert v.kind == "conflict" and v.measure == "crowd-size" and v.population == "people"
    assert v.gap == 208_000
    assert "6.0×" in v.note and "Organisers: 250,000" in v.note


def test_same_source_later_date_different_value_is_a_revision() -> None:
    a = [art("a1", 4), art("a2", 6)]
    f = [fig("a1", 96, "at least", source="krm"), fig("a2", 143, "at least", source="krm")]
    (v,) = verdicts(f, a)
    assert v.kind == "revision"
    assert (v.first.text, v.others[0].text) == ("at least 96", "at least 143")
    assert "→" in v.note


def test_same_value_with_another_qualifier_is_no_revision() -> None:
    a = [art("a1", 16), art("a2", 17)]
    f = [fig("a1", 250_000, source="fpc"), fig("a2", 250_000, "more than", source="fpc")]
    assert verdicts(f, a) == []


def test_restated_old_value_beside_the_new_one_is_one_revision() -> None:
    a = [art("a1", 4), art("a2", 6)]
    f = [
        fig("a1", 96, "at least", source="krm"),
        fig("a2", 143, "at least", source="krm"),
        fig("a2", 96, source="krm"),
    ]
    assert [v.kind for v in verdicts(f, a)] == ["revision"]


def test_revision_links_the_closest_earlier_value() -> None:
    a = [art("a1", 15), art("a2", 16)]
    f = [
        fig("a1", 1340, source="afad", measure="injuries"),
        fig("a1", 486, source="afad", measure="injuries"),
        fig("a2", 1420, source="afad", measure="injuries"),
    ]
    (v,) = verdicts(f, a)
    assert (v.first.text, v.others[0].text) == ("1,340", "1,420")


def test_wire_copy_in_two_outlets_is_one_report_not_a_corroboration() -> None:
    text = "The monitor said at least 143 people had been killed in the town since Friday."
    a = [art("f24", 6, "f24", ("afp",)), art("hindu", 6, "hindu", ("afp",))]
    f = [
        fig("f24", 143, "at least", source="krm", sentence=text),
        fig("hindu", 143, "at least", via="afp", sentence=text + " AFP"),
    ]
    assert verdicts(f, a) == []


def test_same_statement_from_independent_outlets_corroborates() -> None:
    text = "The monitor said at least 143 people had been killed in the town since Friday."
    a = [art("f24", 6, "f24", ("afp",)), art("bbc", 6, "bbc")]
    f = [
        fig("f24", 143, "at least", source="krm", sentence=text),
        fig("bbc", 143, "at least", via="bbc", sentence=text),
    ]
    assert [v.kind for v in verdicts(f, a)] == ["corroboration"]


def test_superseded_figure_is_not_held_against_a_later_one() -> None:
    a = [art("cnn", 24), art("reuters", 26), art("efe", 26)]
    f = [
        fig("cnn", 6, source="sheriff"),
        fig("reuters", 9, source="sheriff"),
        fig("efe", 9, source="calfire"),
    ]
    assert sorted(v.kind for v in verdicts(f, a)) == ["corroboration", "revision"]


def test_figure_current_at_the_same_time_conflicts() -> None:
    a = [art("cnn", 24), art("efe", 25), art("reuters", 26)]
    f = [
        fig("cnn", 6, source="sheriff"),
        fig("efe", 9, source="calfire"),
        fig("reuters", 9, source="sheriff"),
    ]
    assert sorted(v.kind for v in verdicts(f, a)) == ["conflict", "corroboration", "revision"]


def test_breakdown_is_summed_into_a_derived_total() -> None:
    a = [art("jnd", None, "reuters"), art("ap", 9)]
    f = [
        fig("jnd", 1000, "more than", source="sohr"),
        fig("ap", 1000, "more than", via="ap"),
        fig("ap", 745, source="sohr", population="civilians"),
        fig("ap", 125, source="sohr", population="security forces"),
        fig("ap", 148, source="sohr", population="militants"),
    ]
    vs = verdicts(f, a)
    assert {v.kind for v in vs} == {"corroboration"}
    texts = {c.text for v in vs for c in v.claims}
    assert "at least 1,018 (745 + 125 + 148)" in texts
    assert "more than 1,000" in texts
    derived = next(c for v in vs for c in v.claims if c.derived)
    assert derived.iri.startswith(f"{B}crossref/total/") and len(derived.parts) == 3


def test_no_derived_total_when_the_source_states_its_own_total() -> None:
    a = [art("a1")]
    f = [
        fig("a1", 96, "at least", source="krm"),
        fig("a1", 58, source="krm", population="civilians"),
        fig("a1", 30, "at least", source="krm", population="fighters"),
    ]
    claims = build_claims(f, {a[0].iri: a[0]}, {a[0].iri: EVENT}, LABELS, B)
    assert not any(c.derived for c in claims)


def test_range_corroborates_a_point_inside_and_conflicts_with_one_outside() -> None:
    a = [art("f24", 17), art("ansa", 16)]
    f = [
        fig("f24", 40_000, "at least", source="contafolla", measure="crowd-size", range_group="r1"),
        fig("f24", 60_000, "up to", source="contafolla", measure="crowd-size", range_group="r1"),
        fig("ansa", 42_000, source="police", measure="crowd-size"),
        fig("ansa", 250_000, source="fpc", measure="crowd-size"),
    ]
    got = {(kind, frozenset(pair)) for kind, pair in kinds(verdicts(f, a))}
    assert got == {
        ("corroboration", frozenset({"Police: 42,000", "Contafolla: 40,000–60,000"})),
        ("conflict", frozenset({"Organisers: 250,000", "Contafolla: 40,000–60,000"})),
        ("conflict", frozenset({"Organisers: 250,000", "Police: 42,000"})),
    }


def test_figures_far_apart_count_different_things() -> None:
    a = [art("a1", 4), art("a2", 5)]
    f = [
        fig("a1", 10_000_000, "more than", source="un", measure="displaced"),
        fig("a2", 20_000, "nearly", source="iom", measure="displaced"),
    ]
    assert MAX_RATIO < 10_000_000 / 20_000
    assert verdicts(f, a) == []


def test_background_figure_dated_years_before_is_left_out() -> None:
    a = [art("a1", 14), art("a2", 15)]
    f = [
        fig("a1", 53_000, "more than", source="afad", date="2023"),
        fig("a2", 50_000, source="krc"),
    ]
    assert verdicts(f, a) == []


def test_unattributed_figures_get_no_verdict() -> None:
    a = [art("a1", 1, "cnn"), art("a2", 1, "bbc")]
    f = [fig("a1", 6), fig("a2", 60)]
    assert verdicts(f, a) == []


def test_percentages_and_other_measures_are_not_compared() -> None:
    a = [art("a1"), art("a2")]
    f = [
        fig("a1", 5, source="calfire", measure="other", unit="percent"),
        fig("a2", 35, source="sheriff", measure="other", unit="percent"),
        fig("a1", 5, source="calfire", measure="affected", unit="percent"),
        fig("a2", 35, source="sheriff", measure="affected", unit="percent"),
    ]
    assert verdicts(f, a) == []


def test_sentence_similarity() -> None:
    assert similarity("More than 1,000 killed.", "more than 1,000 killed") == 1.0
    assert similarity("a b", "c d") == 0.0


def test_two_new_values_on_one_day_each_replace_their_own_predecessor() -> None:
    a = [art("a1", 4), art("a2", 6)]
    f = [
        fig("a1", 96, "at least", source="krm"),
        fig("a1", 58, source="krm"),
        fig("a2", 87, source="krm"),
        fig("a2", 143, "at least", source="krm"),
    ]
    pairs = {(v.first.text, v.others[0].text) for v in verdicts(f, a) if v.kind == "revision"}
    assert pairs == {("at least 96", "at least 143"), ("58", "87")}


def test_a_cumulative_count_prefers_the_rising_successor() -> None:
    a = [art("a1", 14), art("a2", 15)]
    f = [
        fig("a1", 600, "more than", source="afad", measure="injuries"),
        fig("a2", 1340, source="afad", measure="injuries"),
        fig("a2", 486, source="afad", measure="injuries"),
    ]
    (v,) = [v for v in verdicts(f, a) if v.kind == "revision"]
    assert (v.first.text, v.others[0].text) == ("more than 600", "1,340")


def test_a_missing_count_may_fall() -> None:
    a = [art("a1", 15), art("a2", 17)]
    f = [
        fig("a1", 35, "at least", source="afad", measure="missing"),
        fig("a2", 12, source="afad", measure="missing"),
    ]
    assert [v.kind for v in verdicts(f, a)] == ["revision"]


def test_scope_words_split_a_measure_into_different_quantities() -> None:
    assert (
        scope_of("Insured losses are likely to reach $4.2 billion, the firm said.", "$4.2 billion")
        == "insured"
    )
    assert (
        scope_of(
            "It estimated total losses at $8 billion, including uninsured homes.", "$8 billion"
        )
        == ""
    )
    # a part of an economic loss: property damage, output lost
    assert scope_of("It put property damage at $15 billion to $26 billion.", "$15 billion") == (
        "property damage"
    )
    assert scope_of("Closures cost another $5 billion in lost output.", "$5 billion") == (
        "lost output"
    )
    assert scope_of("It put total damage and economic loss at $90 billion.", "$90 billion") == ""
    # insured and uninsured losses together are all losses, not the insured part
    assert scope_of("It put insured and uninsured losses at $90 billion.", "$90 billion") == ""
    assert scope_of("Insured or uninsured, losses reach $90 billion.", "$90 billion") == ""
    assert scope_of("Insured losses reach $9 billion; uninsured ones more.", "$9 billion") == (
        "insured"
    )
    assert (
        scope_of("Orders were lifted for some 20,000 residents, the sheriff said.", "some 20,000")
        == "lifted"
    )
    assert scope_of("1,340 people were injured, 486 of whom remain in hospital.", "486") == (
        "in hospital"
    )
    assert scope_of("1,340 people were injured, 486 of whom remain in hospital.", "1,340") == ""
    assert scope_of("130 were treated at El Obeid Teaching Hospital.", "130") == ""


def test_insured_and_total_losses_are_not_compared() -> None:
    a = [art("a1", 26), art("a2", 27)]
    insured = "Insured losses from the fire are likely to reach $4.2 billion, a firm said."
    total = "Economists estimated total losses at between $8 billion and $10 billion."
    f = [
        fig(
            "a1",
            4.2e9,
            source="krm",
            measure="economic-loss",
            unit="USD",
            sentence=insured,
            number_text="$4.2 billion",
        ),
        fig(
            "a2",
            8e9,
            "at least",
            source="moh",
            measure="economic-loss",
            unit="USD",
            sentence=total,
            number_text="$8 billion",
            range_group="r",
        ),
        fig(
            "a2",
            10e9,
            "up to",
            source="moh",
            measure="economic-loss",
            unit="USD",
            sentence=total,
            number_text="$10 billion",
            range_group="r",
        ),
    ]
    assert verdicts(f, a) == []


def test_maximal_cliques_are_networkx_find_cliques() -> None:
    """The corroborations' cliques, found without networkx, are those networkx finds."""
    import random

    import networkx as nx

    from newsprov.analysis.verdicts import maximal_cliques

    rng = random.Random(12)
    assert maximal_cliques([]) == []
    for _ in range(300):
        n = rng.randint(1, 12)
        p = rng.random()
        adjacent: list[set[int]] = [set() for _ in range(n)]
        g = nx.Graph()
        g.add_nodes_from(range(n))
        for i in range(n):
            for j in range(i + 1, n):
                if rng.random() < p:
                    adjacent[i].add(j)
                    adjacent[j].add(i)
                    g.add_edge(i, j)
        assert maximal_cliques(adjacent) == sorted(sorted(c) for c in nx.find_cliques(g))
