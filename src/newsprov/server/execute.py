"""Evaluating one SPARQL query with a row limit, and the runner for in-memory stores.

:func:`evaluate` is what a worker does with a request: run it (SERVICE is refused by the
store), pull at most ``limit`` rows or triples, and say whether more were available.

An on-disk store is queried in killable worker processes
(:class:`newsprov.server.workers.ProcessRunner`). An in-memory store (tests, notebooks)
cannot be shared with another process, so :class:`ThreadRunner` runs its queries in
daemon threads: the handler waits up to ``timeout`` seconds and then gives up, and the
thread stops at its next row (a cancel flag is checked before each one). A query that
computes for a long time *before* its next row cannot be interrupted there and finishes
on its own; at most ``max_workers`` queries run at once, beyond that the endpoint
answers 503.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import pyoxigraph as ox

from newsprov.rdf.store import Store
from newsprov.server.protocol import ProtocolError, SparqlRequest

__all__ = ["Outcome", "ThreadRunner", "evaluate"]

T = TypeVar("T")
Kind = Literal["solutions", "boolean", "triples"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a query produced, as pyoxigraph terms, cut at the row limit."""

    kind: Kind
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Any, ...], ...] = ()  # solutions; None marks an unbound variable
    triples: tuple[Any, ...] = ()  # pyoxigraph Triples of CONSTRUCT / DESCRIBE
    boolean: bool = False
    truncated: bool = False  # True when rows or triples were cut at the limit


class _Cancelled(Exception):
    """Raised inside a worker whose caller gave up."""


class ThreadRunner:
    """Runs queries against ``store`` in worker threads with the given limits."""

    def __init__(self, store: Store, *, timeout: float, limit: int, max_workers: int = 8) -> None:
        self.store = store
        self.timeout = timeout
        self.limit = limit
        self.max_workers = max_workers
        self._active = 0
        self._lock = threading.Lock()

    @property
    def active(self) -> int:
        """How many worker threads are still running (abandoned ones included)."""
        with self._lock:
            return self._active

    async def run(self, request: SparqlRequest) -> Outcome:
        """Evaluate ``request``; ProtocolError 503 on timeout or when too busy."""
        cancel = threading.Event()
        future = self._start(lambda: evaluate(self.store, request, self.limit, cancel))
        try:
            return await asyncio.wait_for(future, self.timeout)
        except TimeoutError:
            cancel.set()
            raise ProtocolError(
                503,
                f"query timed out after {self.timeout:g} s and was abandoned "
                "(Oxigraph cannot cancel a running query; it stops at its next row "
                "or finishes in the background)",
            ) from None

    def _start(self, work: Callable[[], Outcome]) -> asyncio.Future[Outcome]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()
        with self._lock:
            if self._active >= self.max_workers:
                raise ProtocolError(503, "too many queries running; try again later")
            self._active += 1

        def target() -> None:
            value: Outcome | None = None
            error: BaseException | None = None
            try:
                value = work()
            except BaseException as exc:  # handed to the waiting request
                # pyoxigraph results may only be dropped on the thread that made them:
                # free the locals the traceback holds here, not on the event loop.
                traceback.clear_frames(exc.__traceback__)
                error = None if isinstance(exc, _Cancelled) else exc
            finally:
                with self._lock:
                    self._active -= 1
            _settle(loop, future, value, error)

        threading.Thread(target=target, name="newsprov-sparql", daemon=True).start()
        return future

    def close(self) -> None:
        """Nothing to stop: abandoned threads end at their next row."""


def evaluate(store: Store, request: SparqlRequest, limit: int, cancel: threading.Event) -> Outcome:
    """Run ``request`` on ``store`` and keep at most ``limit`` rows or triples."""
    result = store.raw_query(
        request.query,
        union=not request.has_dataset_clause,
        default_graph=request.default_graphs or None,
        named_graphs=request.named_graphs or None,
    )
    if isinstance(result, ox.QueryBoolean):
        return Outcome("boolean", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        width = range(len(variables))
        rows, cut = _take(result, limit, cancel, lambda s: tuple(s[i] for i in width))
        return Outcome("solutions", variables=variables, rows=tuple(rows), truncated=cut)
    triples, cut = _take(result, limit, cancel, lambda t: t)
    return Outcome("triples", triples=tuple(triples), truncated=cut)


def _take(
    items: Iterable[Any], limit: int, cancel: threading.Event, convert: Callable[[Any], T]
) -> tuple[list[T], bool]:
    """Up to ``limit`` converted items and whether more were available."""
    taken: list[T] = []
    for item in items:
        if cancel.is_set():
            raise _Cancelled
        if len(taken) >= limit:
            return taken, True
        taken.append(convert(item))
    return taken, False


def _settle(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[Outcome],
    value: Outcome | None,
    error: BaseException | None,
) -> None:
    """Hand a worker's outcome (or error) to the future the request awaits."""

    def settle() -> None:
        if future.done():  # the caller timed out and went away
            return
        if error is not None:
            future.set_exception(error)
        elif value is not None:
            future.set_result(value)

    # A closed loop (server shut down) raises RuntimeError: then nobody is waiting.
    with contextlib.suppress(RuntimeError):
        loop.call_soon_threadsafe(settle)
