"""The SPARQL endpoint on a large SELECT: time to first byte and peak memory, two source
trees side by side in one run (e.g. before and after streaming).

    .venv/bin/python benchmarks/bench_stream.py --store DIR --src before=/path/a/src \\
        --src after=/path/b/src [--rows 200000] [--format json] [--repeats 2]

For each source tree in turn it starts the server (``create_app`` of that tree, uvicorn on
loopback, in a child process with that tree first on ``PYTHONPATH``) over the on-disk
store, starts one query worker with ``ASK {}``, then asks ``--repeats`` times for every
triple of the store's figures (``--rows`` of them, by LIMIT), reading the answer as it
comes. It prints the seconds to the response head and to the first body byte, the total
seconds and megabytes, and the peak resident memory (VmHWM) of the server process and of
its query worker, before the first query and after the last. Each run uses a fresh copy
of the query text (a comment with the run number), so no answer comes from a cache.
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

QUERY = """SELECT ?f ?p ?o WHERE {{ GRAPH ?g {{ ?f a <https://newsprov.org/ontology#Figure> ;
  ?p ?o }} }} LIMIT {rows} # run {run}"""
ACCEPT = {
    "json": "application/sparql-results+json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "xml": "application/sparql-results+xml",
}

SERVE = """
import sys, dataclasses, uvicorn
from newsprov.config import Settings
from newsprov.rdf.store import Store
from newsprov.server import create_app, uvicorn_config
store, port = sys.argv[1], int(sys.argv[2])
limits = dict(query_timeout=600.0, result_limit=10**9, result_bytes=10**12)
known = {f.name for f in dataclasses.fields(Settings)}
settings = Settings(**{k: v for k, v in limits.items() if k in known})
app = create_app(Store(store, read_only=True), settings, max_workers=1, memory_mb=8192)
try:
    uvicorn.Server(uvicorn_config(app, "127.0.0.1", port, log_level="warning")).run()
finally:
    app.state.runner.close()
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _hwm_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _children(pid: int) -> list[int]:
    """Children of every thread of ``pid`` (a worker is started by a pool thread)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            found += [int(p) for p in (task / "children").read_text(encoding="ascii").split()]
        except OSError:
            continue
    return found


def _worker(pid: int) -> int | None:
    """The query worker: the child of the server that is a Python process (spawn makes a
    resource tracker too, which is not one)."""
    for child in _children(pid):
        cmdline = Path(f"/proc/{child}/cmdline").read_bytes()
        if b"spawn_main" in cmdline:
            return child
    return None


def _ask(port: int, query: str, accept: str) -> tuple[float, float, float, int]:
    """Seconds to the head, to the first body byte, to the end; bytes read."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    target = "/sparql?" + urllib.parse.urlencode({"query": query})
    started = time.perf_counter()
    conn.request("GET", target, headers={"Accept": accept})
    response = conn.getresponse()
    head = time.perf_counter() - started
    if response.status != 200:
        raise RuntimeError(f"{response.status}: {response.read()[:300]!r}")
    first = response.read(1)
    first_byte = time.perf_counter() - started
    size = len(first)
    while chunk := response.read(1 << 20):
        size += len(chunk)
    conn.close()
    return head, first_byte, time.perf_counter() - started, size


def _wait_up(port: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the server exited")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def bench(label: str, src: Path, store: Path, rows: int, fmt: str, repeats: int) -> None:
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(src)}
    cmd = [sys.executable, "-c", SERVE, str(store), str(port)]
    proc = subprocess.Popen(cmd, env=env)
    try:
        _wait_up(port, proc)
        _ask(port, "ASK {}", ACCEPT["json"])  # the worker is up
        worker = _worker(proc.pid)
        server_before = _hwm_mb(proc.pid)
        worker_before = _hwm_mb(worker) if worker else 0.0
        for run in range(repeats):
            head, first, total, size = _ask(port, QUERY.format(rows=rows, run=run), ACCEPT[fmt])
            print(
                f"{label:<8} {run:>3} {head:>7.2f} {first:>9.2f} {total:>8.2f} {size / 1e6:>8.1f}",
                flush=True,
            )
        worker = _worker(proc.pid) or worker
        print(
            f"{label:<8} peak RSS MB: server {server_before:.0f} -> {_hwm_mb(proc.pid):.0f}, "
            f"worker {worker_before:.0f} -> {_hwm_mb(worker) if worker else 0.0:.0f}",
            flush=True,
        )
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="an on-disk store")
    parser.add_argument(
        "--src", action="append", required=True, metavar="LABEL=DIR", help="a source tree"
    )
    parser.add_argument("--rows", type=int, default=200_000, help="rows asked for (LIMIT)")
    parser.add_argument("--format", choices=sorted(ACCEPT), default="json")
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args(argv)
    print(f"store {args.store}, {args.rows:,} rows asked for, as {args.format}")
    print(f"{'tree':<8} {'run':>3} {'head s':>7} {'1st byte':>9} {'total s':>8} {'MB':>8}")
    for spec in args.src:
        label, _, src = spec.partition("=")
        bench(label, Path(src), args.store, args.rows, args.format, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
