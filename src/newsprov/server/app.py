"""The Starlette application: SPARQL endpoint, query page and graph explorer.

Routes:

- ``GET|POST /sparql`` — SPARQL 1.1 Protocol query endpoint (read-only; see
  :mod:`newsprov.server.protocol`), service description on a bare GET.
- ``GET /`` — a query editor with the canned queries, running them through ``/sparql``.
- ``GET /explore`` — the pyvis graph explorer (:mod:`newsprov.viz`) with filters and focus.

The endpoint has no authentication: it listens on loopback unless told otherwise, sends
no CORS headers unless origins are listed (``cors_origins``), refuses SERVICE (so it never
fetches other addresses), runs every query of an on-disk store in a killable worker
process (:mod:`newsprov.server.workers`) and answers oversized requests with 413/414
(:mod:`newsprov.server.limits`). It reads the store's newest published copy and moves to
a newer one when an ingest publishes it.

Answers are written as the worker reads them (:mod:`newsprov.server.results`). One that
ends within the first few dozen kilobytes is sent whole, with ``X-Newsprov-Truncated:
true`` when a limit cut it. A larger one is streamed (chunked), so its headers leave
before anyone knows whether a limit will cut it: a streamed answer cut at the row or byte
limit, at the time limit or at the worker's memory bound ends with a note where its
format has room for one after a row (an XML comment in SPARQL XML results, a ``#``
comment in N-Triples, N-Quads and Turtle) and is otherwise broken off, the final chunk
never sent (JSON and CSV/TSV results, JSON-LD, RDF/XML), so that a client sees an error,
never a short answer that looks whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import Send

from newsprov.config import Settings
from newsprov.errors import NewsprovError, QueryError
from newsprov.rdf.guard import ServiceRefused
from newsprov.rdf.store import Store
from newsprov.server.execute import Answer, Offers, ThreadRunner
from newsprov.server.limits import MAX_HEAD, BodyLimit, LimitedH11Protocol
from newsprov.server.negotiate import GRAPH_FORMATS, NotAcceptable, choose
from newsprov.server.page import explore_params, index_html
from newsprov.server.protocol import ProtocolError, SparqlRequest, read_request
from newsprov.server.service import service_description
from newsprov.server.workers import ProcessRunner, StreamCut

__all__ = ["LOOPBACK", "TRUNCATED_HEADER", "create_app", "serve", "uvicorn_config"]

TRUNCATED_HEADER = "X-Newsprov-Truncated"
_CORS_HEADERS = ("Accept", "Content-Type")


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})
Runner = ProcessRunner | ThreadRunner


def create_app(
    store: Store,
    settings: Settings,
    *,
    cors_origins: Sequence[str] = (),
    max_workers: int = 8,
    memory_mb: int = 1024,
    queue_timeout: float | None = None,
) -> Starlette:
    """The web application over ``store``.

    ``settings.query_timeout`` (seconds) and ``settings.result_limit`` (rows) bound every
    SPARQL query; at most ``max_workers`` run at once, each within ``memory_mb``
    (on-disk stores); a query waits up to ``queue_timeout`` (default: the query timeout)
    for a free worker. ``cors_origins`` lists the origins whose pages may call the
    endpoint from a browser (``"*"`` for any); none by default, so a web page the user
    happens to open cannot use it.
    """
    runner = _runner(store, settings, max_workers, memory_mb, queue_timeout)
    handlers = _Handlers(store, settings, runner)
    routes = [
        Route("/", handlers.index, methods=["GET"]),
        Route("/sparql", handlers.sparql, methods=["GET", "POST"]),
        Route("/explore", handlers.explore, methods=["GET"]),
    ]
    middleware = (
        [
            Middleware(
                CORSMiddleware,
                allow_origins=list(cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=list(_CORS_HEADERS),
                expose_headers=[TRUNCATED_HEADER],
            )
        ]
        if cors_origins
        else []
    )
    app = Starlette(routes=routes, middleware=[Middleware(BodyLimit), *middleware])
    app.state.runner = runner
    app.state.store = store
    return app


def _runner(
    store: Store, settings: Settings, max_workers: int, memory_mb: int, queue: float | None
) -> Runner:
    timeout, limit, size = settings.query_timeout, settings.result_limit, settings.result_bytes
    if store.path is None:  # in memory: no other process can open it
        return ThreadRunner(
            store, timeout=timeout, limit=limit, max_bytes=size, max_workers=max_workers
        )
    return ProcessRunner(
        store.path,
        timeout=timeout,
        limit=limit,
        max_bytes=size,
        max_workers=max_workers,
        memory_mb=memory_mb,
        queue_timeout=queue,
    )


class _Handlers:
    """Request handlers sharing the store, settings and query runner."""

    def __init__(self, store: Store, settings: Settings, runner: Runner) -> None:
        self.store = store
        self.settings = settings
        self.runner = runner

    async def sparql(self, request: Request) -> Response:
        try:
            parsed = await read_request(request)
            if parsed is None:
                return self._describe(request)
            return await self._answer(request, parsed)
        except ProtocolError as exc:
            return PlainTextResponse(exc.message + "\n", status_code=exc.status)
        except NotAcceptable as exc:
            return PlainTextResponse(f"{exc}\n", status_code=406)
        except ServiceRefused as exc:
            return PlainTextResponse(f"{exc}\n", status_code=403)
        except QueryError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=400)
        except NewsprovError as exc:
            return PlainTextResponse(f"query failed: {exc}\n", status_code=500)
        except (OSError, ValueError, RuntimeError) as exc:  # raised while evaluating
            return PlainTextResponse(f"query failed: {exc}\n", status_code=500)

    async def _answer(self, request: Request, parsed: SparqlRequest) -> Response:
        offers = Offers.of(request.headers.get("accept"), parsed.format_params)
        if offers.solutions is None and offers.graphs is None:
            offers.pick("solutions")  # raises NotAcceptable, naming the formats
        answer: Answer = await self.runner.run(parsed, offers)
        media_type = _with_charset(answer.fmt.media_type)
        headers = {"Vary": "Accept"}
        if answer.rest is None:
            if answer.cut is not None:
                headers[TRUNCATED_HEADER] = "true"
            return Response(answer.body, media_type=media_type, headers=headers)
        return _Streamed(answer, media_type=media_type, headers=headers)

    def _describe(self, request: Request) -> Response:
        self.store.refresh()
        fmt = choose(
            GRAPH_FORMATS, request.headers.get("accept"), request.query_params.getlist("format")
        )
        endpoint = str(request.url.replace(query="", fragment=""))
        body = service_description(
            endpoint,
            self.store.graphs()[: self.settings.result_limit],
            fmt,
            timeout=self.settings.query_timeout,
            limit=self.settings.result_limit,
        )
        return Response(body, media_type=_with_charset(fmt.media_type), headers={"Vary": "Accept"})

    async def index(self, request: Request) -> Response:
        html = await run_in_threadpool(index_html)
        return HTMLResponse(html)

    async def explore(self, request: Request) -> Response:
        from newsprov.viz import explorer_html  # heavy imports only when used

        try:
            kwargs = explore_params(request.query_params, self.settings.base_iri)
        except ValueError as exc:
            return PlainTextResponse(f"{exc}\n", status_code=400)
        self.store.refresh()
        html = await run_in_threadpool(
            lambda: explorer_html(
                self.store, base_iri=self.settings.base_iri, served=True, **kwargs
            )
        )
        return HTMLResponse(html)


class _Streamed(StreamingResponse):
    """An answer sent as it is written: its first part, then the rest from the worker.

    A :class:`StreamCut` from the rest leaves the response without its final chunk (the
    connection is closed), so the client sees it broken off. Starlette stops sending when
    the client disconnects, and closing the rest then stops the worker."""

    def __init__(self, answer: Answer, *, media_type: str, headers: dict[str, str]) -> None:
        assert answer.rest is not None
        self.rest = answer.rest

        async def body() -> Any:
            yield answer.body
            async for chunk in self.rest:
                yield chunk

        super().__init__(body(), media_type=media_type, headers=headers)

    async def stream_response(self, send: Send) -> None:
        start = {"type": "http.response.start", "status": self.status_code}
        await send({**start, "headers": self.raw_headers})
        try:
            async for chunk in self.body_iterator:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
        except StreamCut:
            return  # broken off: never the final chunk
        finally:
            await self.rest.aclose()  # type: ignore[attr-defined]
        await send({"type": "http.response.body", "body": b"", "more_body": False})


def _with_charset(media_type: str) -> str:
    return media_type if media_type.endswith("json") else f"{media_type}; charset=utf-8"


def uvicorn_config(app: Starlette, host: str, port: int, **options: Any) -> uvicorn.Config:
    """The uvicorn settings newsprov serves with (its own limits on request heads)."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=LimitedH11Protocol,
        h11_max_incomplete_event_size=MAX_HEAD + 64 * 1024,
        **options,
    )


def serve(
    settings: Settings,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    cors_origins: Sequence[str] = (),
    max_workers: int = 8,
    memory_mb: int = 1024,
) -> None:
    """Open the store read-only at ``settings.store_path`` and serve until interrupted.

    Listens on loopback by default; pass ``host="0.0.0.0"`` deliberately to expose it.
    """
    store = Store(settings.store_path, read_only=True)
    app = create_app(
        store, settings, cors_origins=cors_origins, max_workers=max_workers, memory_mb=memory_mb
    )
    try:
        uvicorn.Server(uvicorn_config(app, host, port, log_level="info")).run()
    finally:
        app.state.runner.close()
        store.close()
