"""Queries that can be stopped: each one runs in a worker process, killed at its deadline,
and its answer streamed to the client as the worker writes it.

Oxigraph cannot cancel a query from Python (its cancellation token is not exposed), so a
thread that gives up leaves the query running. Here every query of an on-disk store runs
in one of at most ``max_workers`` worker processes, each with the store's newest
published copy open read-only (:mod:`newsprov.rdf.snapshots`). The request waits for a
free worker (up to ``queue_timeout``, by default ``timeout``) and sends it the query and
the formats the client accepts. The worker writes the answer in the format that fits its
kind and sends it back in chunks of rows (:func:`newsprov.server.results.write_answer`),
cut at the row limit and at ``max_bytes``; the pipe, and a queue of :data:`QUEUE` chunks
on the server's side, hold it back while the client reads slowly, so neither the worker
nor the server ever holds a large answer whole.

The request is answered whole when the worker finishes within :data:`HEAD_BYTES`; beyond
that it is streamed (see :mod:`newsprov.server.app`). The whole query, streaming
included, has ``timeout`` seconds: past the deadline the worker is killed, its slot given
a fresh process, and the request answered 503 (or, when streaming has begun, the stream
ends early, see the app). A client that goes away stops its query the same way. A
worker's memory is bounded too (``RLIMIT_DATA``: its data at start plus ``memory_mb``); a
query that needs more makes the worker fail and is answered the same way. The SERVICE
check and the limits run inside the worker, so a hostile query costs at most one slot
for ``timeout`` seconds.

The same query asked by several clients at once runs once when its answer is small (the
others wait for it), and answers of up to :data:`CACHE_BYTES` (the last :data:`CACHED`)
are kept until the store's generation changes: a dashboard of clients all asking the same
heavy query of a big store costs one evaluation, not one per client.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from newsprov.errors import NewsprovError, QueryError
from newsprov.rdf import snapshots
from newsprov.rdf.guard import ServiceRefused
from newsprov.server.execute import Answer, Offers, evaluate
from newsprov.server.negotiate import Format, NotAcceptable
from newsprov.server.protocol import ProtocolError, SparqlRequest
from newsprov.server.results import ALIGNED, MARKED, Cut, Kind, closing

__all__ = ["CACHED", "CACHE_BYTES", "HEAD_BYTES", "QUEUE", "ProcessRunner", "StreamCut"]

_STARTUP = 120.0  # seconds a new worker may take to import and open the store
_SLICE = 0.2  # seconds between checks whether the client is still there
CACHED = 32  # answers kept per store generation
CACHE_BYTES = 4 * 1024 * 1024  # answers up to this size are kept
HEAD_BYTES = 64 * 1024  # an answer that ends within this is sent whole
QUEUE = 8  # chunks waiting between a worker and its client


class StreamCut(Exception):
    """A streamed answer stopped early where its format has no room to say so: the
    response is broken off, so the client sees an incomplete answer, not a short one."""


@dataclass(frozen=True, slots=True)
class _Job:
    request: SparqlRequest
    generation: int
    solutions: Format | None
    graphs: Format | None

    def pick(self, kind: Kind) -> Format:
        fmt = self.graphs if kind == "triples" else self.solutions
        if fmt is None:
            raise NotAcceptable(kind)
        return fmt


class _Died(Exception):
    """The worker ended without answering (out of memory, or crashed)."""


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, store: Path, limit: int, max_bytes: int, memory_mb: int) -> None:
        ctx = multiprocessing.get_context("spawn")  # never fork a threaded server
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(
            target=_worker_main,
            args=(child, str(store), limit, max_bytes, memory_mb),
            name="newsprov-query",
            daemon=True,
        )
        self.proc.start()
        child.close()
        if not self.conn.poll(_STARTUP) or self.recv() != "ready":
            self.kill()
            raise _Died("the query worker did not start")

    def recv(self) -> Any:
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


class _Channel:
    """Messages from the thread tending a worker to the request on the event loop: at
    most ``size`` chunks wait (the thread blocks, and so the worker, until the client
    reads); ``cancel`` tells the thread that nobody reads any more."""

    def __init__(self, loop: asyncio.AbstractEventLoop, size: int) -> None:
        self.loop = loop
        self.queue: asyncio.Queue[tuple[Any, ...]] = asyncio.Queue()
        self.space = threading.Semaphore(size)
        self.cancel = threading.Event()

    def put(self, message: tuple[Any, ...], deadline: float) -> bool:
        """Queue a chunk (thread side); False when cancelled or past ``deadline`` first."""
        while not self.space.acquire(timeout=_SLICE):
            if self.cancel.is_set() or time.monotonic() > deadline:
                return False
        if self.cancel.is_set():
            return False
        self.last(message)
        return True

    def last(self, message: tuple[Any, ...]) -> None:
        """Queue the message that ends the answer (thread side), whatever is waiting."""
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting
            self.loop.call_soon_threadsafe(self.queue.put_nowait, message)

    async def get(self) -> tuple[Any, ...]:
        message = await self.queue.get()
        if message[0] == "chunk":
            self.space.release()
        return message


class ProcessRunner:
    """Runs queries against the store at ``path`` in killable worker processes."""

    def __init__(
        self,
        path: Path,
        *,
        timeout: float,
        limit: int,
        max_bytes: int = 1 << 62,
        max_workers: int = 8,
        memory_mb: int = 1024,
        queue_timeout: float | None = None,
    ) -> None:
        self.path = path
        self.timeout = timeout
        self.queue_timeout = timeout if queue_timeout is None else queue_timeout
        self.limit = limit
        self.max_bytes = max_bytes
        self.memory_mb = memory_mb
        self.max_workers = max_workers
        self._threads = ThreadPoolExecutor(max_workers, thread_name_prefix="newsprov-sparql")
        self._idle: list[_Worker | None] = [None] * max_workers
        self._free = threading.Semaphore(max_workers)
        self._lock = threading.Lock()
        self._busy = 0
        # Event-loop thread only: queries being answered, and answers kept.
        self._flights: dict[_Job, asyncio.Future[Answer | BaseException | None]] = {}
        self._answers: OrderedDict[_Job, Answer] = OrderedDict()

    @property
    def active(self) -> int:
        """How many queries are being evaluated now."""
        with self._lock:
            return self._busy

    @property
    def cached(self) -> int:
        """How many answers are kept for the next client asking the same."""
        return len(self._answers)

    async def run(self, request: SparqlRequest, offers: Offers) -> Answer:
        """Evaluate ``request``: the answer whole, or its start and a stream of the rest.

        ProtocolError 503 on timeout, exhaustion or when too busy before the answer
        starts; NotAcceptable when the client takes no format for its kind."""
        job = _Job(request, snapshots.generation(self.path), offers.solutions, offers.graphs)
        if (answer := self._answers.get(job)) is not None:
            self._answers.move_to_end(job)
            return answer
        flight = self._flights.get(job)
        if flight is not None:  # somebody is asking this already: wait for a small answer
            shared = await asyncio.shield(flight)
            if isinstance(shared, Exception):
                raise shared
            if isinstance(shared, BaseException):  # its client went away: ask again
                shared = None
            if shared is not None:
                return shared
            # it was streamed to them: this request runs it again
        loop = asyncio.get_running_loop()
        own: asyncio.Future[Answer | BaseException | None] = loop.create_future()
        if job not in self._flights:
            self._flights[job] = own
        try:
            answer = await self._ask(job, offers)
        except BaseException as exc:
            own.set_result(exc)
            raise
        else:
            own.set_result(answer if answer.rest is None else None)
            return answer
        finally:
            if self._flights.get(job) is own:
                del self._flights[job]

    async def _ask(self, job: _Job, offers: Offers) -> Answer:
        loop = asyncio.get_running_loop()
        channel = _Channel(loop, QUEUE)
        loop.run_in_executor(self._threads, self._pump, job, channel)
        try:
            message = await channel.get()
            if message[0] != "start":
                raise self._error(message, offers)
            kind: Kind = message[1]
            fmt = job.pick(kind)
            head: list[bytes] = []
            size = 0
            while size < HEAD_BYTES:
                message = await channel.get()
                if message[0] == "chunk":
                    head.append(message[1])
                    size += len(message[1])
                elif message[0] == "end":
                    cut, end = message[1], message[2]
                    answer = Answer(fmt, kind, b"".join([*head, end]), cut=cut)
                    self._remember(job, answer)
                    return answer
                else:
                    raise self._error(message, offers)
        except BaseException:
            channel.cancel.set()
            raise
        rest = self._rest(job, channel, fmt, kind, list(head))
        return Answer(fmt, kind, b"".join(head), rest=rest)

    async def _rest(
        self, job: _Job, channel: _Channel, fmt: Format, kind: Kind, kept: list[bytes] | None
    ) -> AsyncIterator[bytes]:
        """The chunks after the first ones, then the end; kept whole when small."""
        size = sum(len(c) for c in kept or ())
        try:
            while True:
                message = await channel.get()
                tag = message[0]
                if tag == "chunk":
                    size += len(message[1])
                    if kept is not None and size <= CACHE_BYTES:
                        kept.append(message[1])
                    else:
                        kept = None
                    yield message[1]
                    continue
                if tag == "end":
                    cut, end = message[1], message[2]
                    if cut is not None and fmt.name not in MARKED:
                        raise StreamCut(cut.text())
                    if kept is not None and size + len(end) <= CACHE_BYTES:
                        self._remember(job, Answer(fmt, kind, b"".join([*kept, end]), cut=cut))
                    yield end
                    return
                stop = {"timeout": Cut("time", self.timeout), "died": Cut("memory", self.memory_mb)}
                cut = stop.get(tag)
                if cut is not None and fmt.name in MARKED and fmt.name in ALIGNED:
                    yield closing(fmt, kind, cut)
                    return
                raise StreamCut(cut.text() if cut else f"query failed: {message[-1]}")
        finally:
            channel.cancel.set()  # a client that went away stops the worker

    def _error(self, message: tuple[Any, ...], offers: Offers) -> Exception:
        tag = message[0]
        if tag == "unacceptable":
            try:
                offers.pick(message[1])
            except NotAcceptable as exc:
                return exc
            return NotAcceptable(f"cannot answer a {message[1]} query in the format asked for")
        if tag == "refused":
            return ServiceRefused(message[1])
        if tag == "query":
            return QueryError(message[1])
        if tag == "error":
            return NewsprovError(message[1])
        if tag == "timeout":
            return ProtocolError(503, f"query timed out after {self.timeout:g} s and was stopped")
        if tag == "died":
            return ProtocolError(
                503, f"query stopped: it needed more than the {self.memory_mb} MB a query may use"
            )
        return ProtocolError(503, "too many queries running; try again later")

    def _remember(self, job: _Job, answer: Answer) -> None:
        if len(answer.body) > CACHE_BYTES:
            return
        stale = [k for k in self._answers if k.generation != job.generation]
        for key in stale:
            del self._answers[key]
        self._answers[job] = answer
        while len(self._answers) > CACHED:
            self._answers.popitem(last=False)

    def _pump(self, job: _Job, channel: _Channel) -> None:
        """In a thread: run ``job`` on a free worker, passing its messages to ``channel``."""
        if not self._free.acquire(timeout=self.queue_timeout):
            channel.last(("busy",))
            return
        with self._lock:
            worker = self._idle.pop()
            self._busy += 1
        try:
            if worker is None or not worker.alive:
                worker = _Worker(self.path, self.limit, self.max_bytes, self.memory_mb)
            worker, final = self._tend(worker, job, channel)
        except _Died:
            worker, final = None, ("died",)
        finally:
            with self._lock:
                self._idle.append(worker)
                self._busy -= 1
            self._free.release()
        if final is not None:  # after the slot is free: a client that has it all may ask again
            channel.last(final)

    def _tend(
        self, worker: _Worker, job: _Job, channel: _Channel
    ) -> tuple[_Worker | None, tuple[Any, ...] | None]:
        """Pass the worker's answer on until it ends: the worker (None once killed), and
        the message that ends the answer, still to be passed on."""
        deadline = time.monotonic() + self.timeout
        worker.conn.send(job)
        while True:
            if channel.cancel.is_set():
                worker.kill()
                return None, None
            left = deadline - time.monotonic()
            if left <= 0:
                worker.kill()
                return None, ("timeout",)
            if not worker.conn.poll(min(left, _SLICE)):
                continue
            message = worker.recv()
            if message[0] == "start":
                channel.last(message)
            elif message[0] != "chunk":
                return worker, message  # the answer ended (or failed): the worker is free
            elif not channel.put(message, deadline):
                worker.kill()
                return None, None if channel.cancel.is_set() else ("timeout",)

    def close(self) -> None:
        """Stop every worker process."""
        with self._lock:
            workers, self._idle = self._idle, [None] * self.max_workers
        for worker in workers:
            if worker is not None:
                worker.kill()
        self._threads.shutdown(wait=False, cancel_futures=True)


# --- inside the worker process ------------------------------------------------------


def _worker_main(conn: Connection, path: str, limit: int, max_bytes: int, memory_mb: int) -> None:
    """Answer jobs from ``conn`` until the server closes it."""
    from newsprov.rdf.store import Store

    store = Store(path, read_only=True)
    _bound_memory(memory_mb)
    conn.send("ready")
    never = threading.Event()

    def started(kind: Kind, fmt: Format) -> None:
        conn.send(("start", kind))

    def emit(data: bytes) -> None:
        conn.send(("chunk", data))

    while True:
        try:
            job: _Job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if job.generation != store.generation and store.refresh():
                _bound_memory(memory_mb)
            written = evaluate(
                store,
                job.request,
                job.pick,
                rows=limit,
                max_bytes=max_bytes,
                emit=emit,
                cancel=never,
                started=started,
            )
            reply: Any = ("end", written.cut, written.end)
        except NotAcceptable as exc:
            reply = ("unacceptable", str(exc))
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
