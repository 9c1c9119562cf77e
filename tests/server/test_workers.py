"""Answers streamed from the worker processes (newsprov.server.workers) through the real
server: the same bytes as an answer sent whole, limits that cut a stream visibly, and a
client that goes away stopping its query."""

from __future__ import annotations

import http.client
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from newsprov.config import Settings
from newsprov.server import TRUNCATED_HEADER, create_app, workers
from test_server_data import live_server, make_store

FILLER = 3000  # rows enough to pass HEAD_BYTES in every format
ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
# Millions of rows from a few thousand triples: an answer no buffer holds.
HUGE = "CONSTRUCT { ?a ?b ?d } WHERE { ?a ?b ?c . ?d ?e ?f }"
ACCEPT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "ntriples": "application/n-triples",
    "nquads": "application/n-quads",
    "turtle": "text/turtle",
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("stream") / "store"
    make_store(filler=FILLER, path=path).close()
    return path


def _get(port: int, query: str, accept: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    target = "/sparql?" + urllib.parse.urlencode({"query": query})
    conn.request("GET", target, headers={"Accept": accept})
    return conn.getresponse()


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


@pytest.fixture(scope="module")
def streaming(store_path: Path) -> Iterator[tuple[int, Any]]:
    """The server over the on-disk store: answers come from worker processes."""
    app = create_app(
        make_store_reader(store_path), Settings(query_timeout=60.0, result_limit=10**7)
    )
    with live_server(app) as url:
        yield _port(url), app


def make_store_reader(path: Path) -> Any:
    from newsprov.rdf.store import Store

    return Store(path, read_only=True)


@pytest.fixture(scope="module")
def whole() -> Iterator[int]:
    """The same data in memory: queried in a thread and answered whole."""
    app = create_app(make_store(filler=FILLER), Settings(result_limit=10**7))
    with live_server(app) as url:
        yield _port(url)


@pytest.mark.parametrize("name", list(ACCEPT))
def test_a_streamed_answer_equals_the_answer_sent_whole(
    name: str, streaming: tuple[int, Any], whole: int
) -> None:
    query = ALL if name in ("json", "xml", "csv", "tsv") else GRAPH
    port, app = streaming
    streamed = _get(port, query, ACCEPT[name])
    assert streamed.status == 200
    assert streamed.getheader("transfer-encoding") == "chunked"  # sent as it came
    assert streamed.getheader("content-type", "").startswith(ACCEPT[name])
    body = streamed.read()
    sent_whole = _get(whole, query, ACCEPT[name])
    assert sent_whole.getheader("content-length") is not None
    assert body == sent_whole.read()
    assert len(body) > workers.HEAD_BYTES
    # and it is the whole answer, as Oxigraph reads it
    if name == "json":
        parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        assert len(list(parsed)) >= FILLER
    elif name == "ntriples":
        assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) >= FILLER
    assert app.state.runner.active == 0


def test_small_answers_are_kept_and_large_ones_are_not(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(make_store_reader(store_path), Settings(result_limit=10**7))
    runner = app.state.runner
    with live_server(app) as url:
        port = _port(url)
        assert _get(port, "ASK { ?s ?p ?o }", ACCEPT["json"]).read() == (
            b'{"head":{},"boolean":true}'
        )
        assert runner.cached == 1
        first = _get(port, ALL, ACCEPT["tsv"])
        assert first.getheader("transfer-encoding") == "chunked"
        body = first.read()
        assert runner.cached == 2  # streamed, and small enough to keep
        again = _get(port, ALL, ACCEPT["tsv"])
        assert again.getheader("content-length") == str(len(body))  # from what was kept
        assert again.read() == body
        monkeypatch.setattr(workers, "CACHE_BYTES", len(body) // 2)
        assert _get(port, ALL, ACCEPT["csv"]).read().startswith(b"s,p,o\r\n")
        assert runner.cached == 2  # too big to keep


def test_the_row_limit_cuts_a_stream_visibly(store_path: Path) -> None:
    app = create_app(make_store_reader(store_path), Settings(result_limit=2000))
    with live_server(app) as url:
        port = _port(url)
        # JSON results have no room for a note: the stream is broken off.
        cut = _get(port, ALL, ACCEPT["json"])
        assert cut.status == 200 and cut.getheader(TRUNCATED_HEADER) is None
        with pytest.raises(http.client.IncompleteRead):
            cut.read()
        # SPARQL XML ends with a comment, still a valid answer of exactly 2000 rows.
        xml = _get(port, ALL, ACCEPT["xml"]).read()
        assert xml.endswith(
            b"</results><!-- newsprov: truncated at the server's limit of 2000 rows --></sparql>"
        )
        parsed = ox.parse_query_results(xml, format=ox.QueryResultsFormat.XML)
        assert len(list(parsed)) == 2000
        # N-Triples ends with a comment line.
        lines = _get(port, GRAPH, ACCEPT["ntriples"]).read().decode("utf-8").splitlines()
        assert lines[-1] == "# newsprov: truncated at the server's limit of 2000 rows"
        assert len(lines) == 2001
        assert app.state.runner.active == 0


def test_the_byte_limit_cuts_a_stream_between_rows(store_path: Path) -> None:
    limit = 3 * workers.HEAD_BYTES
    app = create_app(make_store_reader(store_path), Settings(result_bytes=limit))
    with live_server(app) as url:
        body = _get(_port(url), GRAPH, ACCEPT["nquads"]).read()
    note = f"# newsprov: truncated at the server's limit of {limit} bytes\n".encode()
    assert body.endswith(note) and len(body) - len(note) <= limit
    assert len(list(ox.parse(body, format=ox.RdfFormat.N_QUADS))) > 100


def test_the_time_limit_cuts_a_stream_to_a_slow_client(store_path: Path) -> None:
    app = create_app(
        make_store_reader(store_path),
        Settings(query_timeout=2.0, result_limit=10**9),
        max_workers=1,
    )
    with live_server(app) as url:
        port = _port(url)
        response = _get(port, HUGE, ACCEPT["ntriples"])
        assert response.status == 200
        start = response.read(1024)
        time.sleep(3)  # the deadline passes while the client reads nothing
        rest = response.read()
        assert (start + rest).endswith(b" .\n# newsprov: truncated at the server's limit of 2 s\n")
        assert app.state.runner.active == 0  # its worker was stopped
        assert _get(port, "ASK {}", ACCEPT["json"]).status == 200  # by a fresh worker


def test_a_client_that_leaves_frees_its_worker(store_path: Path) -> None:
    app = create_app(
        make_store_reader(store_path),
        Settings(query_timeout=120.0, result_limit=10**9),
        max_workers=1,
    )
    with live_server(app) as url:
        port = _port(url)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        target = "/sparql?" + urllib.parse.urlencode({"query": HUGE})
        conn.request("GET", target, headers={"Accept": ACCEPT["ntriples"]})
        response = conn.getresponse()
        assert len(response.read(64 * 1024)) == 64 * 1024
        assert app.state.runner.active == 1  # still writing, held back by the client
        conn.close()  # the client goes away with the answer far from done
        deadline = time.monotonic() + 10
        while app.state.runner.active and time.monotonic() < deadline:
            time.sleep(0.05)
        assert app.state.runner.active == 0  # stopped long before its two minutes
        ask = _get(port, "ASK { ?s ?p ?o }", ACCEPT["json"])  # the one slot is free
        assert (ask.status, ask.read()) == (200, b'{"head":{},"boolean":true}')
