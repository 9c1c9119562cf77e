"""The page-shaped fixture set (tests/fixtures/pages): publisher, date and wires as a
reader of each page would give them, read by ingest alone (no NLP needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprov.evaluate import label_matches
from newsprov.ingest import read_paths
from newsprov.model import Article

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
GOLD = {
    g["id"]: g for g in (json.loads(p.read_text("utf-8")) for p in (PAGES / "gold").glob("*.json"))
}


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    found = [a for a in read_paths([PAGES / "articles"]) if isinstance(a, Article)]
    return {a.id: a for a in found}


def test_the_set_is_page_shaped_and_mostly_unregistered(articles: dict[str, Article]) -> None:
    from newsprov.outlets import OutletRegistry

    assert len(GOLD) >= 30 and set(articles) == set(GOLD)
    suffixes = {p.suffix for p in (PAGES / "articles").iterdir()}
    assert {".html", ".txt", ".jsonl"} <= suffixes
    unknown = [g for g in GOLD.values() if OutletRegistry.default().lookup(g["outlet"]) is None]
    assert len(unknown) * 2 >= len(GOLD)


def test_outlets(articles: dict[str, Article]) -> None:
    right = [aid for aid, g in GOLD.items() if label_matches(articles[aid].outlet, [g["outlet"]])]
    assert len(right) / len(GOLD) >= 0.95, sorted(set(GOLD) - set(right))


def test_dates(articles: dict[str, Article]) -> None:
    dated = {aid: g for aid, g in GOLD.items() if g["date"]}
    right = [aid for aid, g in dated.items() if articles[aid].date == g["date"]]
    assert len(right) / len(dated) >= 0.9, sorted(set(dated) - set(right))
    undated = [aid for aid, g in GOLD.items() if not g["date"]]
    assert all(articles[aid].date is None for aid in undated)


def test_wires(articles: dict[str, Article]) -> None:
    gold = sum(len(g["wires"]) for g in GOLD.values())
    found = sum(
        1 for aid, g in GOLD.items() for w in g["wires"] if label_matches(w, articles[aid].wires)
    )
    spurious = [
        (aid, w)
        for aid, g in GOLD.items()
        for w in articles[aid].wires
        if not any(label_matches(w, [x]) for x in g["wires"])
    ]
    assert found / gold >= 0.9 and not spurious, spurious


def test_derived_names_are_marked(articles: dict[str, Article]) -> None:
    steps = {a.outlet_from for a in articles.values()}
    assert {"record", "html", "registry", "text", "domain", "wire"} <= steps
    assert all(a.outlet for a in articles.values())
