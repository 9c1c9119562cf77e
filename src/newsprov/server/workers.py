"""Queries that can be stopped: each one runs in a worker process, killed at its deadline.

Oxigraph cannot cancel a query from Python (its cancellation token is not exposed), so a
thread that gives up leaves the query running. Here every query of an on-disk store runs
in one of at most ``max_workers`` worker processes, each with the store's newest
published copy open read-only (:mod:`newsprov.rdf.snapshots`). The request waits for a
free worker (up to ``queue_timeout``, by default ``timeout``), sends it the query, and
waits up to ``timeout`` for the answer; past the deadline the worker is killed, its slot
given a fresh process, and the request answered 503. A worker's memory is bounded too
(``RLIMIT_DATA``: its data at start plus ``memory_mb``); a query that needs more makes
the worker fail and is answered 503 the same way. The SERVICE check and the result limit
run inside the worker, so a hostile query costs at most one slot for ``timeout`` seconds.

The same query asked by several clients at once runs once (the others wait for its
answer), and the answers of the last ``CACHED`` queries are kept until the store's
generation changes: a dashboard of clients all asking the heavy ``figures`` query of a
big store costs one evaluation, not one per client.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from newsprov.errors import NewsprovError, QueryError
from newsprov.rdf import snapshots
from newsprov.rdf.guard import ServiceRefused
from newsprov.server.execute import Outcome, evaluate
from newsprov.server.protocol import ProtocolError, SparqlRequest

__all__ = ["ProcessRunner"]

_STARTUP = 120.0  # seconds a new worker may take to import and open the store
CACHED = 32  # answers kept per store generation


@dataclass(frozen=True, slots=True)
class _Job:
    request: SparqlRequest
    generation: int


class _Timeout(Exception):
    """The worker did not answer in time (it has been killed)."""


class _Died(Exception):
    """The worker ended without answering (out of memory, or crashed)."""


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, store: Path, limit: int, memory_mb: int) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main,
            args=(child, str(store), limit, memory_mb),
            name="newsprov-query",
            daemon=True,
        )
        self.proc.start()
        child.close()
        if not self.conn.poll(_STARTUP) or self._recv() != "ready":
            self.kill()
            raise _Died("the query worker did not start")

    def ask(self, job: _Job, timeout: float) -> Any:
        self.conn.send(job)
        if not self.conn.poll(timeout):
            self.kill()
            raise _Timeout
        return self._recv()

    def _recv(self) -> Any:
        try:
            return self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise _Died("the query worker stopped") from None

    def kill(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    @property
    def alive(self) -> bool:
        return self.proc.is_alive()


class ProcessRunner:
    """Runs queries against the store at ``path`` in killable worker processes."""

    def __init__(
        self,
        path: Path,
        *,
        timeout: float,
        limit: int,
        max_workers: int = 8,
        memory_mb: int = 1024,
        queue_timeout: float | None = None,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self.queue_timeout = timeout if queue_timeout is None else queue_timeout
        self.limit = limit
        self.memory_mb = memory_mb
        self.max_workers = max_workers
        self._threads = ThreadPoolExecutor(max_workers, thread_name_prefix="newsprov-sparql")
        self._idle: list[_Worker | None] = [None] * max_workers
        self._free = threading.Semaphore(max_workers)
        self._lock = threading.Lock()
        self._busy = 0
        self._flights: dict[_Job, asyncio.Future[Any]] = {}  # event-loop thread only
        self._answers: OrderedDict[_Job, Outcome] = OrderedDict()

    @property
    def active(self) -> int:
        """How many queries are being evaluated now."""
        with self._lock:
            return self._busy

    async def run(self, request: SparqlRequest) -> Outcome:
        """Evaluate ``request``; ProtocolError 503 on timeout, exhaustion or when too busy."""
        job = _Job(request, snapshots.generation(self.path))
        if (answer := self._answers.get(job)) is not None:
            self._answers.move_to_end(job)
            return answer
        flight = self._flights.get(job)
        if flight is None:  # nobody is asking this yet: ask a worker
            loop = asyncio.get_running_loop()
            flight = loop.run_in_executor(self._threads, self._run, job)
            self._flights[job] = flight
            flight.add_done_callback(lambda _: self._flights.pop(job, None))
        reply = await asyncio.shield(flight)
        outcome = _unpack(reply, self.timeout, self.memory_mb)
        self._remember(job, outcome)
        return outcome

    def _remember(self, job: _Job, outcome: Outcome) -> None:
        stale = [k for k in self._answers if k.generation != job.generation]
        for key in stale:
            del self._answers[key]
        self._answers[job] = outcome
        while len(self._answers) > CACHED:
            self._answers.popitem(last=False)

    def _run(self, job: _Job) -> Any:
        if not self._free.acquire(timeout=self.queue_timeout):
            return ("busy",)
        with self._lock:
            worker = self._idle.pop()
            self._busy += 1
        try:
            if worker is None or not worker.alive:
                worker = _Worker(self.path, self.limit, self.memory_mb)
            reply = worker.ask(job, self.timeout)
        except _Timeout:
            worker = None
            reply = ("timeout",)
        except _Died:
            worker = None
            reply = ("died",)
        finally:
            with self._lock:
                self._idle.append(worker)
                self._busy -= 1
            self._free.release()
        return reply

    def close(self) -> None:
        """Stop every worker process."""
        with self._lock:
            workers, self._idle = self._idle, [None] * self.max_workers
        for worker in workers:
            if worker is not None:
                worker.kill()
        self._threads.shutdown(wait=False, cancel_futures=True)


def _unpack(reply: Any, timeout: float, memory_mb: int) -> Outcome:
    kind = reply[0]
    if kind == "ok":
        outcome: Outcome = reply[1]
        return outcome
    if kind == "refused":
        raise ServiceRefused(reply[1])
    if kind == "query":
        raise QueryError(reply[1])
    if kind == "error":
        raise NewsprovError(reply[1])
    if kind == "timeout":
        raise ProtocolError(503, f"query timed out after {timeout:g} s and was stopped")
    if kind == "died":
        raise ProtocolError(
            503, f"query stopped: it needed more than the {memory_mb} MB a query may use"
        )
    raise ProtocolError(503, "too many queries running; try again later")


# --- inside the worker process ------------------------------------------------------


def _worker_main(conn: Connection, path: str, limit: int, memory_mb: int) -> None:
    """Answer jobs from ``conn`` until the server closes it."""
    from newsprov.rdf.store import Store

    store = Store(path, read_only=True)
    _bound_memory(memory_mb)
    conn.send("ready")
    never = threading.Event()
    while True:
        try:
            job: _Job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if job.generation != store.generation and store.refresh():
                _bound_memory(memory_mb)
            reply: Any = ("ok", evaluate(store, job.request, limit, never))
        except ServiceRefused as exc:
            reply = ("refused", str(exc))
        except QueryError as exc:
            reply = ("query", str(exc))
        except (NewsprovError, OSError, ValueError, RuntimeError, MemoryError) as exc:
            reply = ("error", " ".join(str(exc).split()))
        conn.send(reply)


def _bound_memory(memory_mb: int) -> None:
    """Cap this process's data segment at what it uses now plus ``memory_mb``."""
    import resource

    used = _data_bytes()
    if used is None or memory_mb <= 0:
        return
    cap = used + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def _data_bytes() -> int | None:
    """VmData of this process (Linux), or None where /proc is not there."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmData:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        return None
    return None
