"""The endpoint under abuse (table rows: SERVICE, CORS, endless queries, an ingest while
serving, huge URL and body, a non-loopback host)."""

from __future__ import annotations

import concurrent.futures
import http.client
import json
import socket
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import rdflib

from newsprov.config import Settings
from newsprov.rdf.store import Store
from newsprov.server import create_app
from test_server_data import live_server, make_store

from .helpers import run

ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture
def trap() -> Iterator[tuple[int, list[Any]]]:
    """A loopback listener standing in for a host behind the server; records connections."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.settimeout(0.05)
    accepted: list[Any] = []
    yield sock.getsockname()[1], accepted
    try:
        while True:
            accepted.append(sock.accept())
    except OSError:
        pass
    sock.close()


def _services(port: int) -> list[str]:
    url = f"http://127.0.0.1:{port}/sparql"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ SERVICE #c\n<{url}> {{ ?s ?p ?o }} }}",
        f"PREFIX : <http://127.0.0.1:{port}/> SELECT * WHERE {{ SERVICE :sparql {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?x ?y ?z FILTER EXISTS {{ sErViCe <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]


def _get(port: int, target: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", target, headers=headers)
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def _query(port: int, query: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    target = "/sparql?" + urllib.parse.urlencode({"query": query})
    return _get(port, target, Accept="application/sparql-results+json", **headers)


def _port(url: str) -> int:
    return int(url.rsplit(":", 1)[1])


@pytest.fixture
def disk_app(tmp_path: Path) -> Any:
    store = make_store(filler=300, path=tmp_path / "store")
    return create_app(store, Settings(query_timeout=1.0), max_workers=2)


def test_service_is_refused_and_nothing_is_fetched(disk_app: Any, trap: Any) -> None:
    port, accepted = trap
    with live_server(disk_app) as url:
        for query in _services(port):
            status, _, body = _query(_port(url), query)
            assert (status, body.decode()) == (
                403,
                "federated queries (SERVICE) are refused: newsprov never lets a query fetch "
                "other endpoints\n",
            ), query
    assert accepted == []


def test_cors_is_off_by_default_and_an_allow_list_by_option(tmp_path: Path) -> None:
    store = make_store(path=tmp_path / "store")
    closed = create_app(store, Settings())
    listed = create_app(store, Settings(), cors_origins=["http://app.example"])
    for app, origin, expected in [
        (closed, "http://evil.example", None),
        (listed, "http://evil.example", None),
        (listed, "http://app.example", "http://app.example"),
    ]:
        with live_server(app) as url:
            status, headers, _ = _query(_port(url), "ASK {}", Origin=origin)
        assert status == 200
        assert headers.get("access-control-allow-origin") == expected


def test_endless_queries_are_stopped_and_free_their_slots(disk_app: Any) -> None:
    with live_server(disk_app) as url:
        port = _port(url)
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(lambda i: _query(port, f"{ENDLESS} # {i}"), range(4)))
        assert [a[0] for a in answers] == [503] * 4
        assert all(b"timed out after 1 s and was stopped" in a[2] for a in answers)
        assert disk_app.state.runner.active == 0
        status, _, body = _query(port, COUNT)  # a good query right after is answered
        assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"]


def test_the_server_sees_an_ingest_only_once_it_is_published(tmp_path: Path) -> None:
    path = tmp_path / "store"
    app = create_app(make_store(path=path), Settings(query_timeout=5.0), max_workers=2)

    def count(port: int) -> int:
        status, _, body = _query(port, COUNT)
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    with live_server(app) as url:
        port = _port(url)
        before = count(port)
        extra = rdflib.Graph()
        extra.add((rdflib.URIRef("http://x.example/a"), rdflib.RDFS.label, rdflib.Literal("a")))
        with Store(path) as writer:  # an ingest, while the server runs
            writer.replace_graph("http://x.example/graph", extra)
            assert count(port) == before  # never the store mid-write
            writer.flush()
            assert count(port) == before + 1  # published: seen at once
        status, _, body = _get(port, "/sparql", Accept="text/turtle")
        assert status == 200 and b"http://x.example/graph" in body  # service description too


def test_huge_url_is_414_and_huge_body_413(disk_app: Any) -> None:
    with live_server(disk_app) as url:
        port = _port(url)
        status, headers, body = _get(port, "/sparql?query=" + "A" * 2_000_000)
        assert (status, body) == (414, b"request line longer than 65536 bytes\n")
        assert headers["connection"] == "close"
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request(
            "POST",
            "/sparql",
            body=b"x" * 10_000_000,
            headers={"Content-Type": "application/sparql-query"},
        )
        resp = conn.getresponse()
        assert (resp.status, resp.read()) == (
            413,
            b"request body of 10000000 bytes is longer than 1000000 bytes\n",
        )
        conn.close()
        assert _query(port, "ASK {}")[0] == 200  # and the server goes on


def test_serving_beyond_loopback_warns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsprov.server as server

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(server, "serve", lambda *a, **k: calls.append(a))
    store = str(tmp_path / "store")
    code, _, err = run(capsys, "serve", "--host", "0.0.0.0", "--store", store)
    assert code == 0 and len(calls) == 1
    assert (
        "warning: listening on 0.0.0.0: the endpoint has no authentication, so anyone who can "
        "reach this address can query the whole store"
    ) in err
    code, _, err = run(capsys, "serve", "--store", store)
    assert code == 0 and "warning" not in err


def test_a_query_over_its_memory_bound_is_stopped(tmp_path: Path) -> None:
    store = make_store(filler=2000, path=tmp_path / "store")
    app = create_app(store, Settings(query_timeout=30.0, result_limit=10), memory_mb=64)
    sort_everything = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d"
    with live_server(app) as url:
        status, _, body = _query(_port(url), sort_everything)
        assert (status, body) == (
            503,
            b"query stopped: it needed more than the 64 MB a query may use\n",
        )
        assert app.state.runner.active == 0
        assert _query(_port(url), "ASK {}")[0] == 200
