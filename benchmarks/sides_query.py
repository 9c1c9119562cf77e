"""Query latency of two newsprov versions side by side, on one store built by this one.

Usage: python benchmarks/sides_query.py STORE --other /path/to/other/src [--repeats 5]

``STORE`` is a benchmark store (``run_all.py --keep DIR`` leaves them in DIR as ``qSIZE``).
Each side runs in its own process with its own ``src`` first on ``PYTHONPATH``: the other
one first, then this one; the store's keyed-rows mark is set to the digest the side
writes (:func:`newsprov.rdf.views.rows_digest`) while it runs and put back after, so each
side reads the store as it reads its own. That is only fair when both read the same rows
and key nodes: rows-v2 (before the page orders) and rows-v3 differ only by the orders
(``np:keyedOrder``) that v3 adds and v2 ignores. In each process every canned query of
``measure_query.QUERIES`` is streamed (the median of ``--repeats`` runs, one run for the
unbound listings at 100,000 articles), then again cut to its first 100 rows, and
``newsprov query`` is timed as a whole process (the best of two). One JSON line per side is
appended to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
MARK = "newsprov-mark-keyed-rows"
CLI = (
    ("csv", ("figures", "--format", "csv")),
    ("json", ("figures", "--format", "json")),
    ("csv limit 100", ("figures", "--format", "csv", "--limit", "100")),
    ("filtered csv", ("figures", "--bind", "source=Ministry of Health", "--format", "csv")),
    (
        "filtered csv limit 100",
        ("figures", "--bind", "source=Ministry of Health", "--format", "csv", "--limit", "100"),
    ),
)
LISTINGS = ("figures", "quotes", "articles", "sources-by-outlet")


def _side(store: Path, label: str, repeats: int) -> dict[str, Any]:
    """Time the queries with the newsprov this process imports (one side)."""
    sys.path.insert(0, str(HERE))
    from measure_query import QUERIES

    from newsprov import query
    from newsprov.rdf.store import Store

    out: dict[str, Any] = {}
    big = "100000" in store.name
    with Store(store, read_only=True) as st:
        for limit in (None, 100):
            for name_label, name, bindings in QUERIES:
                if limit and name == "sources-by-outlet":
                    continue
                runs = 1 if big and limit is None and name_label in LISTINGS else repeats
                samples, rows = [], 0
                for _ in range(runs):
                    started = time.perf_counter()
                    found = query.stream(st, name, bindings or None, limit=limit)
                    rows = sum(1 for _ in found)
                    samples.append(time.perf_counter() - started)
                key = name_label + ("" if limit is None else ", first 100")
                out[key] = {"ms": statistics.median(samples) * 1000, "rows": rows, "runs": runs}
                print(label, key, f"{out[key]['ms']:.1f} ms", rows, file=sys.stderr, flush=True)
    cli: dict[str, float] = {}
    base = [sys.executable, "-m", "newsprov.cli", "query"]
    for key, args in CLI:
        samples = []
        for _ in range(2):
            started = time.perf_counter()
            cmd = [*base, *args, "--store", str(store)]
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
            samples.append(time.perf_counter() - started)
        cli[key] = min(samples)
        print(label, "cli", key, f"{cli[key]:.2f} s", file=sys.stderr, flush=True)
    return {"store": str(store), "side": label, "queries": out, "cli": cli}


def _digest(src: Path) -> str:
    code = "from newsprov.rdf.views import rows_digest; print(rows_digest())"
    env = {**os.environ, "PYTHONPATH": str(src)}
    done = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    return done.stdout.decode().strip()


def _run_side(store: Path, src: Path, label: str, repeats: int, out: Path) -> None:
    mark = store / MARK
    kept = mark.read_text(encoding="utf-8")
    temporary = mark.with_suffix(".tmp")
    temporary.write_text(_digest(src), encoding="utf-8")
    temporary.replace(mark)
    try:
        env = {**os.environ, "PYTHONPATH": str(src)}
        cmd = [sys.executable, __file__, str(store), "--side", label, "--repeats", str(repeats)]
        cmd += ["--out", str(out)]
        subprocess.run(cmd, env=env, check=True, cwd=src.parent)
    finally:
        temporary.write_text(kept, encoding="utf-8")
        temporary.replace(mark)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("--other", type=Path, help="the other newsprov's src folder")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--out", type=Path, default=Path("sides_query.jsonl"))
    ap.add_argument("--side", help=argparse.SUPPRESS)  # inside one side's process
    args = ap.parse_args(argv)
    if args.side:
        result = _side(args.store, args.side, args.repeats)
        with args.out.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(result) + "\n")
        return 0
    if args.other is None:
        ap.error("--other is required")
    out = args.out.resolve()
    _run_side(args.store.resolve(), args.other.resolve(), "other", args.repeats, out)
    _run_side(args.store.resolve(), SRC, "this", args.repeats, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
