"""Evaluating one SPARQL query within its limits, and the runner for in-memory stores.

:func:`evaluate` is what a worker does with a request: run it (SERVICE is refused by the
store) and write its answer in the negotiated format, chunk by chunk, within the row and
byte limits (:func:`newsprov.server.results.write_answer`). The format is picked once the
kind of answer is known (:class:`Offers`): solutions and graphs have separate tables.

An on-disk store is queried in killable worker processes
(:class:`newsprov.server.workers.ProcessRunner`), which stream large answers. An
in-memory store (tests, notebooks) cannot be shared with another process, so
:class:`ThreadRunner` runs its queries in daemon threads and answers whole: the handler
waits up to ``timeout`` seconds and then gives up, and the thread stops at its next chunk
(a cancel flag is checked before each one). A query that computes for a long time
*before* its next chunk cannot be interrupted there and finishes on its own; at most
``max_workers`` queries run at once, beyond that the endpoint answers 503.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import traceback
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from newsprov.rdf.store import Store
from newsprov.server.negotiate import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    Format,
    NotAcceptable,
    choose,
)
from newsprov.server.protocol import ProtocolError, SparqlRequest
from newsprov.server.results import Cancelled, Cut, Kind, Written, write_answer

__all__ = ["Answer", "Offers", "ThreadRunner", "evaluate"]


@dataclass(frozen=True, slots=True)
class Offers:
    """What the client asked for: the format of solutions and of graphs it gets (None when
    it accepts none of that kind), and its Accept header and ``format=`` values."""

    solutions: Format | None
    graphs: Format | None
    accept: str | None = None
    params: tuple[str, ...] = ()

    @classmethod
    def of(cls, accept: str | None, params: tuple[str, ...]) -> Offers:
        return cls(
            _or_none(SOLUTION_FORMATS, accept, params),
            _or_none(GRAPH_FORMATS, accept, params),
            accept,
            params,
        )

    def pick(self, kind: Kind) -> Format:
        """The format for an answer of ``kind``; NotAcceptable when the client takes none."""
        graphs = kind == "triples"
        fmt = self.graphs if graphs else self.solutions
        if fmt is None:  # raises NotAcceptable, naming what is on offer
            return choose(GRAPH_FORMATS if graphs else SOLUTION_FORMATS, self.accept, self.params)
        return fmt


def _or_none(
    offers: tuple[Format, ...], accept: str | None, params: tuple[str, ...]
) -> Format | None:

    try:
        return choose(offers, accept, params)
    except NotAcceptable:
        return None


@dataclass(slots=True)
class Answer:
    """An answer in format ``fmt``: ``body`` is all of it, or (``rest`` not None) what
    came before the rest, which is still being written. ``cut`` says how a whole answer
    was cut at a limit; a streamed one says so in its body (see the app)."""

    fmt: Format
    kind: Kind
    body: bytes
    rest: AsyncIterator[bytes] | None = None
    cut: Cut | None = None


class ThreadRunner:
    """Runs queries against ``store`` in worker threads with the given limits."""

    def __init__(
        self,
        store: Store,
        *,
        timeout: float,
        limit: int,
        max_bytes: int = 1 << 62,
        max_workers: int = 8,
    ) -> None:
        self.store = store
        self.timeout = timeout
        self.limit = limit
        self.max_bytes = max_bytes
        self.max_workers = max_workers
        self._active = 0
        self._lock = threading.Lock()

    @property
    def active(self) -> int:
        """How many worker threads are still running (abandoned ones included)."""
        with self._lock:
            return self._active

    async def run(self, request: SparqlRequest, offers: Offers) -> Answer:
        """Evaluate ``request`` and answer whole; ProtocolError 503 on timeout or too busy."""
        cancel = threading.Event()

        def work() -> Answer:
            chunks: list[bytes] = []
            picked: list[Format] = []
            written = evaluate(
                self.store,
                request,
                offers.pick,
                rows=self.limit,
                max_bytes=self.max_bytes,
                emit=chunks.append,
                cancel=cancel,
                started=lambda kind, fmt: picked.append(fmt),
            )
            body = b"".join([*chunks, written.end])
            return Answer(picked[0], written.kind, body, cut=written.cut)

        future = self._start(work)
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

    def _start(self, work: Callable[[], Answer]) -> asyncio.Future[Answer]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Answer] = loop.create_future()
        with self._lock:
            if self._active >= self.max_workers:
                raise ProtocolError(503, "too many queries running; try again later")
            self._active += 1

        def target() -> None:
            value: Answer | None = None
            error: BaseException | None = None
            try:
                value = work()
            except BaseException as exc:  # handed to the waiting request
                # pyoxigraph results may only be dropped on the thread that made them:
                # free the locals the traceback holds here, not on the event loop.
                traceback.clear_frames(exc.__traceback__)
                error = None if isinstance(exc, Cancelled) else exc
            finally:
                with self._lock:
                    self._active -= 1
            _settle(loop, future, value, error)

        threading.Thread(target=target, name="newsprov-sparql", daemon=True).start()
        return future

    def close(self) -> None:
        """Nothing to stop: abandoned threads end at their next chunk."""


def evaluate(
    store: Store,
    request: SparqlRequest,
    pick: Callable[[Kind], Format],
    *,
    rows: int,
    max_bytes: int,
    emit: Callable[[bytes], None],
    cancel: threading.Event,
    started: Callable[[Kind, Format], None] = lambda kind, fmt: None,
) -> Written:
    """Run ``request`` on ``store`` and write its answer, in the format ``pick`` gives for
    its kind, to ``emit`` within the limits."""
    result = store.raw_query(
        request.query,
        union=not request.has_dataset_clause,
        default_graph=request.default_graphs or None,
        named_graphs=request.named_graphs or None,
    )
    return write_answer(
        result,
        pick,
        rows=rows,
        max_bytes=max_bytes,
        emit=emit,
        cancel=cancel,
        started=started,
    )


def _settle(
    loop: asyncio.AbstractEventLoop,
    future: asyncio.Future[Answer],
    value: Answer | None,
    error: BaseException | None,
) -> None:
    """Hand a worker's answer (or error) to the future the request awaits."""

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
