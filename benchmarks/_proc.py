"""Run a command as a child process and measure it from outside: wall time, peak RSS."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Timed", "dir_size_mb", "run_timed"]


@dataclass(frozen=True, slots=True)
class Timed:
    """One finished child: its wall time, peak resident memory, standard output, and the
    CPU time (user + system) of it and its waited-for children, which a busy machine
    stretches far less than the wall time."""

    seconds: float
    peak_rss_mb: float
    stdout: str
    cpu_seconds: float = 0.0


def run_timed(cmd: Sequence[str], env: dict[str, str] | None = None) -> Timed:
    """Run ``cmd`` to completion; raise RuntimeError (with its stderr) when it fails.

    Peak RSS comes from wait4 on the child: the largest of the process and its waited-for
    children, so with worker processes it is the biggest single process, not their sum.
    """
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            tail = err.read()[-2000:].strip()
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {tail}")
        cpu = usage.ru_utime + usage.ru_stime
        return Timed(seconds, usage.ru_maxrss / 1024, out.read(), cpu)


def dir_size_mb(path: Path, skip: str | None = None) -> float:
    """Bytes under ``path``, in MB, leaving out the folder named ``skip`` (e.g. the
    readers' copies of a store, hard links to the same files)."""
    files = (f for f in path.rglob("*") if f.is_file())
    return sum(f.stat().st_size for f in files if skip not in f.relative_to(path).parts) / 1e6
