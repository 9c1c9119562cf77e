"""Ingest throughput and where the time goes: NLP vs mapping + SHACL vs store writes.

Usage: python benchmarks/bench_ingest.py [--copies N] [PATH ...]
Ingests the given articles (default: examples/ and tests/fixtures/articles/) N times under
fresh ids into a temporary on-disk store and prints articles/s for each stage.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

from newsprov.config import Settings
from newsprov.nlp import build_pipeline, extract
from newsprov.pipeline import read_all
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store
from newsprov.rdf.validate import validate

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    """Time each ingest stage and print a small table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--copies", type=int, default=5)
    args = ap.parse_args()
    paths = args.paths or [ROOT / "examples", ROOT / "tests" / "fixtures" / "articles"]
    articles, _ = read_all([p for p in paths if p.exists()])
    batch = [dataclasses.replace(a, id=f"{a.id}-{i}") for i in range(args.copies) for a in articles]
    words = sum(len(a.text.split()) for a in batch)
    settings = Settings.from_env()
    t0 = time.perf_counter()
    nlp = build_pipeline(settings.spacy_model)
    t_load = time.perf_counter() - t0

    t0 = time.perf_counter()
    extractions = list(extract(nlp, batch))
    t_nlp = time.perf_counter() - t0

    t0 = time.perf_counter()
    graphs = [(ex, extraction_to_graph(ex, settings.base_iri)) for ex in extractions]
    t_map = time.perf_counter() - t0

    t0 = time.perf_counter()
    for _, g in graphs:
        validate(g)
    t_shacl = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "store") as store:
        t0 = time.perf_counter()
        for ex, g in graphs:
            store.replace_graph(graph_iri(ex.article.id, settings.base_iri), g)
        store.flush()
        t_store = time.perf_counter() - t0
        triples = len(store)

    n = len(batch)
    print(f"{n} articles, {words / n:.0f} words each on average, {triples} triples")
    print(f"model load      {t_load:6.2f} s")
    for name, secs in [("nlp", t_nlp), ("map", t_map), ("shacl", t_shacl), ("store", t_store)]:
        print(f"{name:<15} {secs:6.2f} s  {n / secs:8.1f} articles/s")
    total = t_nlp + t_map + t_shacl + t_store
    print(f"{'total':<15} {total:6.2f} s  {n / total:8.1f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
