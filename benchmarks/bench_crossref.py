"""Cross-referencing at scale: materialised verdicts, incremental ingest, memory.

Usage: python benchmarks/bench_crossref.py [--articles 10000] [--new 5]

Fills an on-disk Oxigraph store with synthetic articles (hand-built Extractions from
``newsprov.analysis.synthetic``: no NLP), then measures side by side in one run:

- ``newsprov crossref``: a full recompute of every event (what every ingest used to run),
  flushed as the command does when it closes the store (so the update below is not
  charged with persisting the recompute's writes);
- ``query conflicts``: the canned query, in process and through the CLI (a fresh process);
- ingesting ``--new`` more articles beyond their NLP: mapping, SHACL validation, store
  writes and the incremental cross-reference update (only the events they touch);
- peak memory (RSS) of the whole run.

Prints a Markdown table with the goals of issue 10 (conflicts < 1 s, 5 more articles
< 10 s beyond NLP, memory < 2 GB) and the ratio of a full recompute to an update.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsprov import query
from newsprov.analysis import CrossrefSummary, refresh, update
from newsprov.analysis.synthetic import synthetic_corpus
from newsprov.config import Settings
from newsprov.model import Extraction
from newsprov.rdf.iris import article_iri
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store
from newsprov.rdf.validate import validate

PER_EVENT = 20


def _fill(store: Store, extractions: list[Extraction], base: str) -> float:
    """Store the articles in batches (Oxigraph's bulk loader), as a large ingest does."""
    t0 = time.perf_counter()
    for i in range(0, len(extractions), 1000):
        store.replace_graphs(
            [
                (
                    graph_iri(ex.article.id, base),
                    extraction_to_graph(ex, base).serialize(format="nt", encoding="utf-8"),
                )
                for ex in extractions[i : i + 1000]
            ]
        )
    store.flush()
    return time.perf_counter() - t0


def _ingest(
    store: Store, extractions: list[Extraction], base: str
) -> tuple[float, float, CrossrefSummary]:
    """(seconds to map, validate and store, seconds of the update, the update's summary)."""
    t0 = time.perf_counter()
    for ex in extractions:
        graph = extraction_to_graph(ex, base)
        validate(graph)
        store.replace_graph(graph_iri(ex.article.id, base), graph)
    t1 = time.perf_counter()
    summary = update(store, base, [str(article_iri(ex.article.id, base)) for ex in extractions])
    t2 = time.perf_counter()
    store.flush()  # the ingest's own writes: its articles and the events it rewrote
    stages = (*summary.stages, ("flush", time.perf_counter() - t2))
    return t1 - t0, time.perf_counter() - t1, dataclasses.replace(summary, stages=stages)


def _cli_seconds(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsprov.cli", *args],
        check=True,
        stdout=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "200"},
    )
    return time.perf_counter() - t0


def _new_articles(events: int, new: int) -> list[Extraction]:
    """``new`` articles: a later day of existing events (their events change)."""
    more = list(synthetic_corpus(events, PER_EVENT + 1, seed=7))
    late = [ex for ex in more if ex.article.id.endswith(f"art{PER_EVENT:03d}")]
    return late[:new]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    """Fill a store, time the three goals side by side, print the table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--new", type=int, default=5, help="articles ingested incrementally")
    args = ap.parse_args()
    base = Settings().base_iri
    events = max(1, args.articles // PER_EVENT)
    corpus = list(synthetic_corpus(events, PER_EVENT, 4))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "store"
        with Store(path) as store:
            filled = _fill(store, corpus, base)
            t0 = time.perf_counter()
            full = refresh(store, base)
            store.flush()  # as `newsprov crossref` does when it closes the store
            t_full = time.perf_counter() - t0
            t0 = time.perf_counter()
            conflicts = query.run(store, "conflicts")
            t_conflicts = time.perf_counter() - t0
            t0 = time.perf_counter()
            every = query.run(store, "verdicts")
            t_every = time.perf_counter() - t0
            cpu0 = time.process_time()
            t_map, t_update, upd = _ingest(store, _new_articles(events, args.new), base)
            cpu_ingest = time.process_time() - cpu0
            quads = len(store)
        t_cli = _cli_seconds(["query", "conflicts", "--store", str(path), "--format", "csv"])
    rows = [
        (
            "articles in the store",
            f"{len(corpus):,} ({quads:,} quads, filled in {filled:.0f} s)",
            "",
        ),
        (
            "`newsprov crossref` (full recompute, flushed)",
            f"{t_full:.2f} s",
            _stages((*full.stages, ("flush", t_full - full.seconds))),
        ),
        (
            "`query conflicts` (in process)",
            f"{t_conflicts:.3f} s ({len(conflicts)} rows)",
            "< 1 s",
        ),
        ("`query verdicts`, every kind", f"{t_every:.3f} s ({len(every)} rows)", ""),
        ("`newsprov query conflicts` (whole process)", f"{t_cli:.2f} s", ""),
        (f"ingest {args.new} more: map + validate + store", f"{t_map:.2f} s", ""),
        (
            f"ingest {args.new} more: cross-reference update",
            f"{t_update:.2f} s ({upd.recomputed} of {upd.events} events recomputed)",
            _stages(upd.stages),
        ),
        (
            f"ingest {args.new} more, beyond NLP",
            f"{t_map + t_update:.2f} s (CPU {cpu_ingest:.2f} s; load {os.getloadavg()[0]:.1f})",
            "< 10 s",
        ),
        ("full recompute / update", f"{t_full / max(t_update, 1e-9):.1f}×", ""),
        ("peak memory (RSS)", f"{_peak_mb():,.0f} MB", "< 2,048 MB"),
    ]
    print("| measure | value | goal |\n| --- | --- | --- |")
    for name, value, goal in rows:
        print(f"| {name} | {value} | {goal} |")
    return 0


def _stages(stages: tuple[tuple[str, float], ...]) -> str:
    return "stages: " + ", ".join(f"{name} {secs:.1f} s" for name, secs in stages)


if __name__ == "__main__":
    sys.exit(main())
