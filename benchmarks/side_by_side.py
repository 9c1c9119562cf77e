"""Two newsprov source trees and a bare ``nlp.pipe``, timed side by side, interleaved.

Usage: python benchmarks/side_by_side.py CORPUS.jsonl --side main=/path/to/main/src
           --side branch=/path/to/branch/src [--rounds 3] [--workers 2] [--one ONE.jsonl]

Each round runs, one after the other so that a busy machine slows them alike: bare spaCy
(``bare_spacy.py``) on the corpus, then each side's ``newsprov ingest`` on it (a fresh
store each time, that side's ``src`` first on PYTHONPATH), then with ``--workers N`` each
side again with N workers, and with ``--one`` each side and bare spaCy on that one-article
file (start-up). Every run is a whole process measured from outside (wall time, and CPU
time of it and its waited-for children). Prints each run as it ends, then the medians and
the ratios: each side against bare spaCy and against the first side, and N workers
against one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from _proc import Timed, run_timed

HERE = Path(__file__).resolve().parent


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--side", action="append", required=True, help="NAME=SRC_DIR")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=0, help="also ingest with N workers")
    ap.add_argument("--one", type=Path, help="a one-article file, for start-up")
    return ap.parse_args(argv)


def _env(src: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    return env


def _bare(path: Path) -> Timed:
    return run_timed([sys.executable, str(HERE / "bare_spacy.py"), str(path)])


def _ingest(src: str, path: Path, store: Path, *extra: str) -> Timed:
    cmd = [sys.executable, "-m", "newsprov.cli", "ingest", str(path), "--store", str(store)]
    return run_timed([*cmd, *extra], env=_env(src))


def _plan(
    args: argparse.Namespace, sides: dict[str, str]
) -> list[tuple[str, Callable[[Path], Timed]]]:
    plan: list[tuple[str, Callable[[Path], Timed]]] = [("bare", lambda _: _bare(args.corpus))]
    for name, src in sides.items():
        plan.append((name, lambda s, src=src: _ingest(src, args.corpus, s)))
    if args.workers > 1:
        extra = ("--workers", str(args.workers))
        for name, src in sides.items():
            plan.append(
                (f"{name} w{args.workers}", lambda s, src=src: _ingest(src, args.corpus, s, *extra))
            )
    if args.one is not None:
        plan.append(("bare start", lambda _: _bare(args.one)))
        for name, src in sides.items():
            plan.append((f"{name} start", lambda s, src=src: _ingest(src, args.one, s)))
    return plan


def main(argv: list[str] | None = None) -> int:
    """Run the rounds; print every run, then the medians and ratios."""
    args = _args(argv)
    sides = dict(s.split("=", 1) for s in args.side)
    runs: dict[str, list[Timed]] = {}
    with tempfile.TemporaryDirectory(prefix="side-by-side-") as tmp:
        for r in range(args.rounds):
            for k, (name, run) in enumerate(_plan(args, sides)):
                timed = run(Path(tmp) / f"store-{r}-{k}")
                runs.setdefault(name, []).append(timed)
                print(
                    f"round {r + 1} {name}: {timed.seconds:.2f} s wall, "
                    f"{timed.cpu_seconds:.2f} s CPU",
                    flush=True,
                )
            print(f"round {r + 1} load average {os.getloadavg()[:2]}", flush=True)
    _summary(runs, list(sides), args.workers)
    return 0


def _median(runs: list[Timed], cpu: bool = False) -> float:
    return statistics.median(t.cpu_seconds if cpu else t.seconds for t in runs)


def _summary(runs: dict[str, list[Timed]], sides: list[str], workers: int) -> None:
    bare, first = _median(runs["bare"]), _median(runs[sides[0]])
    bare_cpu = _median(runs["bare"], cpu=True)
    print("\nmedians (wall s, CPU s) and ratios (> 1: quicker than the other)")
    print(f"bare: {bare:.2f}, {bare_cpu:.2f}")
    for name in sides:
        wall, cpu = _median(runs[name]), _median(runs[name], cpu=True)
        line = (
            f"{name}: {wall:.2f}, {cpu:.2f}; vs bare {bare / wall:.2f}× (CPU {bare_cpu / cpu:.2f}×)"
        )
        print(f"{line}; vs {sides[0]} {first / wall:.2f}×")
        if f"{name} w{workers}" in runs:
            par = _median(runs[f"{name} w{workers}"])
            print(f"{name} w{workers}: {par:.2f}; {wall / par:.2f}× one worker")
        if f"{name} start" in runs:
            start, bare_start = _median(runs[f"{name} start"]), _median(runs["bare start"])
            print(f"{name} start: {start:.2f} (bare {bare_start:.2f}, {start - bare_start:+.2f} s)")


if __name__ == "__main__":
    sys.exit(main())
