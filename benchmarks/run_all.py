"""``make bench``: ingest beside bare spaCy, start-up, memory, store size, query latency.

Usage: python benchmarks/run_all.py [--articles N] [--repeats N] [--workers N]
                                    [--sizes 1000,10000] [--real DIR] [--others]
                                    [--queries-only] [--keep DIR [--reuse]]

Generates a deterministic corpus (benchmarks/corpus.py), or reads real articles from a
JSONL file given with ``--real``; times ``newsprov ingest`` and a bare ``nlp.pipe`` with
the same model side by side, as whole processes; then builds stores of each size from
replicated N-Quads of that ingest and times the canned queries. Prints a Markdown table
and writes it, with every number as JSON, to benchmarks/results/latest.{md,json}.
``--others`` also runs the older per-module scripts (bench_*.py). ``--queries-only`` ingests
the corpus once, untimed, and re-measures only the queries, keeping the ingest figures of
the previous latest.json (the table says so). ``--keep DIR`` builds the stores in DIR
(emptied first) and leaves them there, e.g. to time ``newsprov viz`` on them; with
``--reuse`` the stores already in DIR are timed again (their load time is not re-measured).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_jsonl  # noqa: E402
from measure_ingest import measure_ingest  # noqa: E402
from measure_query import measure_queries  # noqa: E402

RESULTS = HERE / "results"


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200, help="generated articles to ingest")
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--workers", type=int, default=2, help="also ingest with N workers")
    ap.add_argument("--sizes", default="1000,10000", help="store sizes for query latency")
    ap.add_argument("--query-repeats", type=int, default=5)
    ap.add_argument("--real", type=Path, help="a JSONL of real articles instead of the corpus")
    ap.add_argument("--others", action="store_true", help="also run benchmarks/bench_*.py")
    ap.add_argument("--out", type=Path, default=RESULTS, help="folder for latest.{md,json}")
    ap.add_argument(
        "--keep", type=Path, help="build the stores in this folder and keep them (e.g. for viz)"
    )
    ap.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: time the stores an earlier --keep run left there, not new ones",
    )
    ap.add_argument(
        "--queries-only",
        action="store_true",
        help="re-measure the queries only; keep the ingest figures of the previous latest.json",
    )
    return ap.parse_args(argv)


def _corpus(args: argparse.Namespace, work: Path) -> tuple[Path, Path]:
    corpus = args.real or write_jsonl(work / "corpus.jsonl", args.articles)
    one = work / "one.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        one.write_text(fh.readline(), encoding="utf-8")
    return corpus, one


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every measurement, as one JSON-ready dictionary."""
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    load_before = os.getloadavg()[1]
    with _workdir(args.keep, args.reuse) as work:
        corpus, one = _corpus(args, work)
        if args.queries_only:
            print("ingest (once, untimed) …", file=sys.stderr)
            ingest = _previous_ingest(args.out)
            ingest["articles"] = _ingest_once(corpus, work / "store-ingest-0")
        else:
            print("ingest (bare spaCy and newsprov, interleaved) …", file=sys.stderr)
            ingest = measure_ingest(corpus, one, work, repeats=args.repeats, workers=args.workers)
        print("query latency …", file=sys.stderr)
        queries = measure_queries(
            work / "store-ingest-0",
            ingest["articles"],
            sizes,
            work,
            args.query_repeats,
            reuse=args.reuse,
        )
    return {
        "corpus": str(args.real) if args.real else f"generated ({args.articles} articles)",
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, load average {load_before:.1f} before and "
        f"{os.getloadavg()[1]:.1f} after (5 min)",
        "ingest": ingest,
        "queries": queries,
    }


@contextlib.contextmanager
def _workdir(keep: Path | None, reuse: bool) -> Iterator[Path]:
    """A temporary folder, or ``keep`` (emptied of an earlier run's stores unless
    ``reuse``, then kept)."""
    if keep is None:
        with tempfile.TemporaryDirectory(prefix="newsprov-bench-") as tmp:
            yield Path(tmp)
        return
    if reuse:
        shutil.rmtree(keep / "store-ingest-0", ignore_errors=True)
        yield keep
        return
    if keep.exists():
        shutil.rmtree(keep)
    keep.mkdir(parents=True)
    yield keep


def _previous_ingest(out: Path) -> dict[str, Any]:
    """The ingest block of the previous latest.json, marked as carried over."""
    previous = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    ingest: dict[str, Any] = previous["ingest"]
    ingest.setdefault("carried_over", previous.get("machine", "an earlier run"))
    if "table" not in ingest:  # that run's ingest table, as it printed it
        text = (out / "latest.md").read_text(encoding="utf-8")
        ingest["table"] = [ln for ln in _ingest_block(text) if ln.startswith("|")]
    return ingest


def _ingest_block(text: str) -> list[str]:
    """The lines of a latest.md before its query table."""
    lines = text.splitlines()
    end = next((n for n, ln in enumerate(lines) if ln.startswith("| query ")), len(lines))
    return lines[:end]


def _ingest_once(corpus: Path, store: Path) -> int:
    cmd = [sys.executable, "-m", "newsprov.cli", "ingest", str(corpus), "--store", str(store)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with corpus.open(encoding="utf-8") as fh:
        return sum(1 for line in fh if line.strip())


def markdown(result: dict[str, Any]) -> str:
    """The benchmark table as Markdown."""
    i = result["ingest"]
    lines = [
        f"Corpus: {result['corpus']}; {result['machine']}.",
        "",
    ]
    if "carried_over" in i:
        lines += [
            "Ingest figures carried over from the previous run (--queries-only); "
            f"that run: {i['carried_over']}.",
            "",
        ]
    if "table" in i:
        return "\n".join([*lines, *i["table"], "", *_query_markdown(result["queries"])]) + "\n"
    lines += [
        "| measure | newsprov ingest | bare nlp.pipe | ratio |",
        "| --- | --- | --- | --- |",
        f"| articles/s, whole process ({i['articles']} articles) | "
        f"{i['ingest_articles_per_s']:.2f} | {i['bare_articles_per_s']:.2f} | "
        f"{i['ratio_ingest_vs_bare']:.2f}× |",
        f"| start-up + 1 article (s) | {i['ingest_start_s']:.2f} | {i['bare_start_s']:.2f} | "
        f"+{i['ingest_start_s'] - i['bare_start_s']:.2f} s |",
        f"| CPU s, user + system ({i['articles']} articles) | {i['ingest_cpu_s']:.1f} | "
        f"{i['bare_cpu_s']:.1f} | {i['bare_cpu_s'] / i['ingest_cpu_s']:.2f}× |",
        f"| CPU s, start-up + 1 article | {i['ingest_start_cpu_s']:.2f} | "
        f"{i['bare_start_cpu_s']:.2f} | +{i['ingest_start_cpu_s'] - i['bare_start_cpu_s']:.2f} s |",
        f"| peak RSS (MB) | {i['ingest_peak_rss_mb']:.0f} | {i['bare_peak_rss_mb']:.0f} | |",
        f"| store size (MB) | {i['store_mb']:.1f} | | |",
    ]
    if "workers" in i:
        lines.append(
            f"| articles/s with --workers {i['workers']} | {i['workers_articles_per_s']:.2f} | "
            f"| {i['workers_speedup']:.2f}× one worker |"
        )
        lines.append(
            f"| CPU s with --workers {i['workers']} | {i['workers_cpu_s']:.1f} | "
            f"| {i['workers_cpu_s'] / i['ingest_cpu_s']:.2f}× one worker |"
        )
    return "\n".join([*lines, "", *_query_markdown(result["queries"])]) + "\n"


def _query_markdown(queries: list[dict[str, Any]]) -> list[str]:
    if not queries:
        return []
    head = "| query (p50 / p95 ms, rows) | " + " | ".join(
        f"{q['articles']:,} articles" for q in queries
    )
    lines = [head + " |", "| --- |" + " --- |" * len(queries)]
    for label in queries[0]["queries"]:
        cells = [
            f"{q['queries'][label]['p50_ms']:.0f} / {q['queries'][label]['p95_ms']:.0f} "
            f"({q['queries'][label]['rows']:,})"
            for q in queries
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    for key, label in (("viz", "`newsprov viz`"), ("viz_focus", "`newsprov viz --focus Reuters`")):
        cells = " | ".join(
            f"{q[key]['seconds']:.1f} s, {q[key]['mb']:.1f} MB" if key in q else "" for q in queries
        )
        lines.append(f"| {label}, whole process (s, page size) | {cells} |")
    for key, fmt in (
        ("cli_figures_s", "| `newsprov query figures --format csv`, whole process (s) | {} |"),
        (
            "cli_filtered_s",
            "| `newsprov query figures --bind 'source=Ministry of Health' --format csv`, "
            "whole process (s) | {} |",
        ),
        (
            "cli_page_s",
            "| `newsprov query figures --limit 100 --format csv`, whole process (s) | {} |",
        ),
        (
            "cli_filtered_page_s",
            "| `newsprov query figures --bind 'source=Ministry of Health' --limit 100 "
            "--format csv`, whole process (s) | {} |",
        ),
        ("bulk_load_s", "| bulk load of the N-Quads (s) | {} |"),
        ("store_mb", "| store size (MB) | {} |"),
        ("quads", "| quads | {} |"),
    ):
        cells = " | ".join(_cell(q.get(key)) for q in queries)
        lines.append(fmt.format(cells))
    return lines


def _cell(value: float | int | None) -> str:
    if value is None:  # measured by a later version of this script
        return ""
    return f"{value:,}" if isinstance(value, int) else f"{value:.2f}"


def main(argv: list[str] | None = None) -> int:
    """Run, print the Markdown table, write latest.md and latest.json."""
    args = _args(argv)
    result = run(args)
    text = markdown(result)
    print(text)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.md").write_text(text, encoding="utf-8")
    (args.out / "latest.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if args.others:
        for script in sorted(HERE.glob("bench_*.py")):
            print(f"== {script.name}", flush=True)
            subprocess.run([sys.executable, str(script)], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
