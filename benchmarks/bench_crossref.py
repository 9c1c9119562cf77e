"""How long cross-referencing takes on a synthetic store, and where the time goes.

Usage: python benchmarks/bench_crossref.py [--events N] [--articles N] [--figures N]
Builds hand-made Extractions (no NLP: newsprov.analysis.synthetic), writes one named graph
per article into a temporary on-disk Oxigraph store, then runs refresh() a few times
(first run, and again on an unchanged store, as after every ingest) and prints the time of
each stage (SPARQL load, clustering + events, claims + verdicts, graph write).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from newsprov.analysis import refresh
from newsprov.analysis.synthetic import synthetic_corpus
from newsprov.config import Settings
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store


def main() -> int:
    """Fill a store, time refresh() and print a small table."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=50)
    ap.add_argument("--articles", type=int, default=20, help="articles per event")
    ap.add_argument("--figures", type=int, default=4, help="figures per article")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    base = Settings().base_iri
    extractions = list(synthetic_corpus(args.events, args.articles, args.figures))
    figures = sum(len(ex.figures) for ex in extractions)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "store") as store:
        t0 = time.perf_counter()
        for ex in extractions:
            store.replace_graph(graph_iri(ex.article.id, base), extraction_to_graph(ex, base))
        store.flush()
        print(
            f"{len(extractions)} articles, {figures} figures, {len(store)} quads "
            f"(filled in {time.perf_counter() - t0:.1f} s)"
        )
        for run in range(1, args.runs + 1):
            summary = refresh(store, base)
            stages = "  ".join(f"{name} {secs:5.2f}" for name, secs in summary.stages)
            print(f"refresh #{run}: {summary.seconds:5.2f} s  [{stages}]")
        print(
            f"{summary.events} events, {summary.claims} claims, "
            f"{summary.corroborations} corroborations, {summary.conflicts} conflicts, "
            f"{summary.revisions} revisions, {summary.triples} triples written"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
