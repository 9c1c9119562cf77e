"""The two real seed articles, read at test time from /work/shared/seeds (skipped if absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprov.ingest import read_paths
from newsprov.model import Article

SEEDS = Path("/work/shared/seeds")
SEED_000 = SEEDS / "000_2de5403b6d0e5539.txt"
SEED_003 = SEEDS / "003_b2e476c790d0777a.txt"

pytestmark = pytest.mark.skipif(not SEED_003.exists(), reason="seed articles not available")


def _read(path: Path) -> Article:
    [article] = list(read_paths([path]))
    assert isinstance(article, Article)
    return article


def _headings(article: Article) -> list[str]:
    return [article.text[h.start : h.end] for h in article.headings]


def test_seed_000_outlet_body_and_headings() -> None:
    art = _read(SEED_000)
    assert (art.id, art.outlet, art.date) == ("000_2de5403b6d0e5539", "JND", None)
    assert art.text.startswith("The coastal city")
    assert "Source" not in art.text[:200]
    headings = _headings(art)
    assert any(h.startswith("ODeadliest") for h in headings)  # junk-prefixed heading
    assert len(headings) >= 2
    assert art.credits == ()


def test_seed_003_date_credit_and_headings() -> None:
    art = _read(SEED_003)
    assert (art.outlet, art.date, art.wires) == (None, "2025-03-09", ())
    assert art.text.startswith("In one of")
    assert [(c.person, c.outlet) for c in art.credits] == [("Omar Albam", "Associated Press")]
    credit = art.credits[0].span
    assert art.text[credit.start : credit.end] == "(Omar Albam/AP)"
    assert {"Electricity, water cut off", "Women paraded naked"} <= set(_headings(art))


def test_seeds_from_the_folder_in_sorted_order() -> None:
    ids = [a.id for a in read_paths([SEEDS]) if isinstance(a, Article)]
    assert ids[:2] == [SEED_000.stem, SEED_003.stem]
