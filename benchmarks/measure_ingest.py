"""Ingest throughput beside a bare ``nlp.pipe``, measured side by side in one run.

Each repeat runs, interleaved so that a busy machine slows both alike: bare spaCy on one
article and on the corpus, ``newsprov ingest`` on one article and on the corpus (a fresh
store each time), and ``newsprov ingest --workers 2`` on the corpus. Times are whole
processes measured from outside; the medians are reported.
"""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _proc import Timed, dir_size_mb, run_timed

__all__ = ["measure_ingest"]

HERE = Path(__file__).resolve().parent
NEWSPROV = [sys.executable, "-m", "newsprov.cli"]


def _bare(path: Path) -> Timed:
    return run_timed([sys.executable, str(HERE / "bare_spacy.py"), str(path)])


def _ingest(path: Path, store: Path, *extra: str) -> Timed:
    return run_timed([*NEWSPROV, "ingest", str(path), "--store", str(store), *extra])


def _count(path: Path) -> int:
    with path.open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def measure_ingest(
    corpus: Path, one: Path, work: Path, *, repeats: int, workers: int
) -> dict[str, Any]:
    """Median timings of bare spaCy and newsprov ingest over ``corpus`` (and ``one``)."""
    runs: dict[str, list[Timed]] = {}
    plan: list[tuple[str, Callable[[Path], Timed]]] = [
        ("bare_start", lambda _: _bare(one)),
        ("ingest_start", lambda s: _ingest(one, s)),
        ("bare", lambda _: _bare(corpus)),
        ("ingest", lambda s: _ingest(corpus, s)),
    ]
    if workers > 1:
        plan.append(("ingest_workers", lambda s: _ingest(corpus, s, "--workers", str(workers))))
    for r in range(repeats):
        for name, run in plan:
            store = work / f"store-{name}-{r}"
            runs.setdefault(name, []).append(run(store))
            print(f"  {name} #{r + 1}: {runs[name][-1].seconds:.2f} s", file=sys.stderr)
    return _summary(runs, _count(corpus), work / "store-ingest-0", workers)


def _median(runs: list[Timed]) -> float:
    return statistics.median(t.seconds for t in runs)


def _median_cpu(runs: list[Timed]) -> float:
    return statistics.median(t.cpu_seconds for t in runs)


def _summary(runs: dict[str, list[Timed]], n: int, store: Path, workers: int) -> dict[str, Any]:
    bare, ingest = _median(runs["bare"]), _median(runs["ingest"])
    out: dict[str, Any] = {
        "articles": n,
        "bare_articles_per_s": n / bare,
        "ingest_articles_per_s": n / ingest,
        "ratio_ingest_vs_bare": bare / ingest,
        "bare_cpu_s": _median_cpu(runs["bare"]),
        "ingest_cpu_s": _median_cpu(runs["ingest"]),
        "bare_start_s": _median(runs["bare_start"]),
        "ingest_start_s": _median(runs["ingest_start"]),
        "bare_start_cpu_s": _median_cpu(runs["bare_start"]),
        "ingest_start_cpu_s": _median_cpu(runs["ingest_start"]),
        "bare_peak_rss_mb": max(t.peak_rss_mb for t in runs["bare"]),
        "ingest_peak_rss_mb": max(t.peak_rss_mb for t in runs["ingest"]),
        "store_mb": dir_size_mb(store),
        "bare_detail": json.loads(runs["bare"][0].stdout.strip().splitlines()[-1]),
    }
    if "ingest_workers" in runs:
        par = _median(runs["ingest_workers"])
        out["workers"] = workers
        out["workers_articles_per_s"] = n / par
        out["workers_speedup"] = ingest / par
        out["workers_cpu_s"] = _median_cpu(runs["ingest_workers"])
        out["workers_peak_rss_mb"] = max(t.peak_rss_mb for t in runs["ingest_workers"])
    return out
