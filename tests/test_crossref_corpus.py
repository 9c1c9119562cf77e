"""End to end: real ingest (trained spaCy model) of the fixture corpus and of the seeds,
then cross-referencing. Pins the verdicts tests/fixtures/README.md lists."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from newsprov import query
from newsprov.analysis import refresh
from newsprov.analysis.network import network_from_store
from newsprov.config import Settings
from newsprov.pipeline import ingest_paths
from newsprov.rdf.store import Store

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
SOHR = "Syrian Observatory for Human Rights"


def _ingest(paths: list[Path], pipeline) -> Store:  # type: ignore[no-untyped-def]
    store = Store()
    settings = Settings()
    report = ingest_paths(paths, store, settings, pipeline)
    assert not report.failed, report.failed
    refresh(store, settings.base_iri)
    return store


def _rows(store: Store, name: str, **bind: object) -> list[dict[str, str]]:
    result = query.run(store, name, bind or None)  # type: ignore[arg-type]
    return [{k: "" if v is None else str(v) for k, v in r.items()} for r in result.dicts()]


@pytest.fixture(scope="module")
def fixture_store(pipeline) -> Store:  # type: ignore[no-untyped-def]
    if not any(ARTICLES.iterdir()):
        pytest.skip("no fixture articles")
    return _ingest([ARTICLES], pipeline)


@dataclass(frozen=True)
class Expected:
    """One verdict of the README table: kind, measure, population and the two sides."""

    kind: str
    measure: str
    population: str
    a: tuple[str, float]  # (source as the README names it, value)
    b: tuple[str, float]


def _names(source: str, readme: str) -> bool:
    """The README's canonical name and ours agree (equal, or one contains the other)."""
    x, y = source.lower().replace("’", "'"), readme.lower()
    return bool(x) and (x == y or x in y or y in x)


def _side(row: dict[str, str], s: str, want: tuple[str, float]) -> bool:
    who = row[f"source_{s}"] or row[f"via_{s}"]
    return _names(who, want[0]) and float(row[f"value_{s}"]) == want[1]


def _found(rows: list[dict[str, str]], e: Expected) -> bool:
    for r in rows:
        if (r["verdict_type"], r["measure"], r["population"]) != (e.kind, e.measure, e.population):
            continue
        if (_side(r, "a", e.a) and _side(r, "b", e.b)) or (
            _side(r, "a", e.b) and _side(r, "b", e.a)
        ):
            return True
    return False


README_VERDICTS = [
    # E1
    pytest.param(
        Expected(
            "revision",
            "deaths",
            "people",
            ("Kordofan Rights Monitor", 96),
            ("Kordofan Rights Monitor", 143),
        ),
        id="E1-revision-deaths",
    ),
    pytest.param(
        Expected(
            "revision",
            "deaths",
            "civilians",
            ("Kordofan Rights Monitor", 58),
            ("Kordofan Rights Monitor", 87),
        ),
        id="E1-revision-civilians",
    ),
    pytest.param(
        Expected(
            "conflict",
            "deaths",
            "people",
            ("Ministry of Health", 71),
            ("Kordofan Rights Monitor", 96),
        ),
        id="E1-conflict-96",
    ),
    pytest.param(
        Expected(
            "conflict",
            "deaths",
            "people",
            ("Ministry of Health", 71),
            ("Kordofan Rights Monitor", 143),
        ),
        id="E1-conflict-143",
    ),
    pytest.param(
        Expected(
            "corroboration",
            "injuries",
            "people",
            ("Ministry of Health", 140),
            ("Kamal Eldin Hassan", 130),
        ),
        id="E1-corroboration-injuries",
    ),
    pytest.param(
        Expected(
            "corroboration",
            "displaced",
            "people",
            ("OCHA", 18_000),
            ("International Organization for Migration", 20_000),
        ),
        id="E1-corroboration-displaced",
    ),
    # E2
    pytest.param(
        Expected(
            "corroboration",
            "deaths",
            "people",
            ("Disaster and Emergency Management Authority", 212),
            ("Turkish Red Crescent", 200),
        ),
        id="E2-corroboration-deaths",
    ),
    pytest.param(
        Expected(
            "revision",
            "injuries",
            "people",
            ("Disaster and Emergency Management Authority", 600),
            ("Disaster and Emergency Management Authority", 1340),
        ),
        id="E2-revision-injuries-1",
    ),
    pytest.param(
        Expected(
            "revision",
            "injuries",
            "people",
            ("Disaster and Emergency Management Authority", 1420),
            ("Disaster and Emergency Management Authority", 1512),
        ),
        id="E2-revision-injuries-3",
    ),
    pytest.param(
        Expected(
            "revision",
            "missing",
            "people",
            ("Disaster and Emergency Management Authority", 35),
            ("Disaster and Emergency Management Authority", 12),
        ),
        id="E2-revision-missing",
    ),
    pytest.param(
        Expected(
            "revision",
            "buildings-destroyed",
            "people",
            ("Disaster and Emergency Management Authority", 120),
            ("Disaster and Emergency Management Authority", 1180),
        ),
        id="E2-revision-buildings",
    ),
    # E3
    pytest.param(
        Expected(
            "conflict",
            "crowd-size",
            "people",
            ("Fair Pensions Coalition", 250_000),
            ("police", 42_000),
        ),
        id="E3-conflict-police",
    ),
    pytest.param(
        Expected(
            "conflict",
            "crowd-size",
            "people",
            ("Fair Pensions Coalition", 250_000),
            ("Contafolla", 40_000),
        ),
        id="E3-conflict-contafolla",
    ),
    pytest.param(
        Expected(
            "corroboration", "crowd-size", "people", ("police", 42_000), ("Contafolla", 40_000)
        ),
        id="E3-corroboration",
    ),
    # E4
    pytest.param(
        Expected(
            "revision",
            "deaths",
            "people",
            ("San Bernardino County Sheriff's Department", 6),
            ("San Bernardino County Sheriff's Department", 9),
        ),
        id="E4-revision-deaths",
    ),
    pytest.param(
        Expected(
            "corroboration",
            "deaths",
            "people",
            ("San Bernardino County Sheriff's Department", 9),
            ("Cal Fire", 9),
        ),
        id="E4-corroboration-deaths",
    ),
    pytest.param(
        Expected("revision", "injuries", "firefighters", ("Cal Fire", 2), ("Cal Fire", 12)),
        id="E4-revision-firefighters",
    ),
    pytest.param(
        Expected("revision", "area-burned", "people", ("Cal Fire", 12_000), ("Cal Fire", 14_000)),
        id="E4-revision-area",
    ),
]


@pytest.mark.parametrize("expected", README_VERDICTS)
def test_fixture_readme_verdict(fixture_store: Store, expected: Expected) -> None:
    assert _found(_rows(fixture_store, "verdicts"), expected)


def test_every_verdict_kind_occurs_on_the_fixtures(fixture_store: Store) -> None:
    kinds = {r["verdict_type"] for r in _rows(fixture_store, "verdicts")}
    assert kinds == {"corroboration", "conflict", "revision"}


def test_fixture_events_match_the_four_stories(fixture_store: Store) -> None:
    events = _rows(fixture_store, "events")
    groups = sorted(sorted(i[:2] for i in e["article_ids"].split(", ")) for e in events)
    assert groups == [["e1"] * 5, ["e2"] * 5, ["e3"] * 5, ["e4"] * 5]


def test_fixture_negative_expectations(fixture_store: Store) -> None:
    rows = _rows(fixture_store, "verdicts")
    e2 = [r for r in rows if any(a.startswith("e2_") for a in (r["article_a"], r["article_b"]))]
    assert not [r for r in e2 if r["verdict_type"] == "conflict"]  # every toll a lower bound
    copies = {"e1_france24_2024-05-06", "e1_thehindu_2024-05-06"}
    assert not [r for r in rows if {r["article_a"], r["article_b"]} == copies]
    huge = [r for r in rows if "10000000" in (r["value_a"], r["value_b"])]
    assert not huge  # the war-wide UN total is not compared with one town's
    e4 = [r for r in rows if r["article_a"].startswith("e4_")]
    # insured vs total losses, orders issued vs lifted: different quantities
    assert not [r for r in e4 if r["measure"] in {"economic-loss", "evacuated"}]


@pytest.fixture(scope="module")
def seed_store(pipeline, seeds_dir: Path) -> Store:  # type: ignore[no-untyped-def]
    return _ingest([seeds_dir], pipeline)


def test_seed_sohr_is_one_node_reached_from_both_articles(seed_store: Store) -> None:
    timeline = _rows(seed_store, "figure-timeline", source=SOHR)
    assert {r["article_id"][:3] for r in timeline} == {"000", "003"}
    g = network_from_store(seed_store)
    observatory = [n for n in g.nodes if "observatory" in n.lower() or n == "SOHR"]
    assert observatory == [SOHR]


def test_seed_timeline_lays_the_breakdown_beside_the_totals(seed_store: Store) -> None:
    timeline = _rows(seed_store, "figure-timeline", source=SOHR, measure="deaths")
    values = {(r["value"], r["population"], r["derived"]) for r in timeline}
    assert {
        ("745", "civilians", "false"),
        ("125", "security-forces", "false"),
        ("148", "militants:assad", "false"),  # "militants ... affiliated with Assad"
        ("1000", "people", "false"),
        ("1018", "people", "true"),
    } <= values


def test_seed_conflicts_compare_sohr_with_ap(seed_store: Store) -> None:
    rows = [r for r in _rows(seed_store, "verdicts") if r["measure"] == "deaths"]
    pairs = {(r["verdict_type"], r["via_a"] or r["source_a"], r["text_b"]) for r in rows}
    assert ("corroboration", "Associated Press", "More than 1,000") in pairs
    assert ("corroboration", "Associated Press", "at least 1,018 (745 + 125 + 148)") in pairs
    assert all(r["verdict_type"] == "corroboration" for r in rows)
