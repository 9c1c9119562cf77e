"""A bounded loopback load test: 16 clients, 2,000 queries, mixed with abusive requests.

Every good query must be answered correctly (compared with the same query run in
process); every abusive one must get its status. Loopback only, bounded in count and
time (the clients stop at a deadline and the test fails if they had to).
"""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

import pytest

from newsprov import query
from newsprov.analysis import refresh
from newsprov.analysis.synthetic import synthetic_corpus
from newsprov.config import Settings
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store
from newsprov.server import create_app
from test_server_data import live_server

B = "https://newsprov.org/id/"
CLIENTS = 16
PER_CLIENT = 125  # 2,000 queries in all
ABUSIVE_CLIENTS = 2  # these send an abusive request every 8th time
DEADLINE = 300.0  # seconds for the whole run

GOOD = {
    "figures": query.load("figures"),
    "articles": query.load("articles"),
    "count": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "events": query.load("events"),
}
ABUSE: list[tuple[str, str, Any, int]] = [
    ("GET", "service", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", 403),
    ("GET", "endless", "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", 503),
    ("GET", "malformed", "SELECT * WHERE { ?s ?p }", 400),
    ("GET", "update", "DELETE WHERE { ?s ?p ?o }", 403),
    ("GET", "url", "A" * 100_000, 414),
    ("POST", "body", b"x" * 2_000_000, 413),
]


def _rows(doc: dict[str, Any]) -> list[tuple[tuple[str, str], ...]]:
    """Result rows as sorted (variable, value) pairs, in a stable order."""
    bindings = doc["results"]["bindings"]
    rows = [tuple(sorted((k, v["value"]) for k, v in b.items())) for b in bindings]
    return sorted(rows)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("load") / "store"
    with Store(path) as store:
        for ex in synthetic_corpus(12, 8, 3):
            store.replace_graph(graph_iri(ex.article.id, B), extraction_to_graph(ex, B))
        refresh(store, B)
    return path


def _expected(path: Path) -> dict[str, list[tuple[tuple[str, str], ...]]]:
    with Store(path, read_only=True) as store:
        out = {}
        for name, sparql in GOOD.items():
            rows = store.select(sparql)
            out[name] = _rows(query.to_sparql_json(rows))
    return out


def _send(conn: http.client.HTTPConnection, method: str, payload: Any) -> tuple[int, bytes]:
    if method == "POST":
        conn.request(
            "POST", "/sparql", body=payload, headers={"Content-Type": "application/sparql-query"}
        )
    elif payload.startswith("A"):
        conn.request("GET", "/sparql?query=" + payload)
    else:
        target = "/sparql?" + urllib.parse.urlencode({"query": payload})
        conn.request("GET", target, headers={"Accept": "application/sparql-results+json"})
    resp = conn.getresponse()
    body = resp.read()
    if resp.getheader("connection", "").lower() == "close":
        conn.close()
    return resp.status, body


def test_sixteen_clients_mixed_with_abuse(store_path: Path) -> None:
    expected = _expected(store_path)
    assert all(expected.values())
    app = create_app(
        Store(store_path, read_only=True),
        Settings(query_timeout=10.0, result_limit=100_000),
        max_workers=4,
        queue_timeout=60.0,
    )
    wrong: list[str] = []
    counts = {"good": 0, "abusive": 0}
    lock = threading.Lock()
    stop_at = time.monotonic() + DEADLINE

    def client(n: int, port: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        names = list(GOOD)
        for i in range(PER_CLIENT):
            if time.monotonic() > stop_at:
                with lock:
                    wrong.append(f"client {n} stopped at the deadline after {i} queries")
                return
            if n < ABUSIVE_CLIENTS and i % 8 == 7:
                method, label, payload, status = ABUSE[(i // 8 + n) % len(ABUSE)]
                got, _ = _send(conn, method, payload)
                with lock:
                    counts["abusive"] += 1
                    if got != status:
                        wrong.append(f"{label}: {got}, expected {status}")
                continue
            name = names[(i + n) % len(names)]
            got, body = _send(conn, "GET", GOOD[name])
            ok = got == 200 and _rows(json.loads(body)) == expected[name]
            with lock:
                counts["good"] += 1
                if not ok:
                    wrong.append(f"{name}: {got} {body[:120]!r}")
        conn.close()

    with live_server(app) as url:
        port = int(url.rsplit(":", 1)[1])
        threads = [threading.Thread(target=client, args=(n, port)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert wrong == []
    assert counts["good"] + counts["abusive"] == CLIENTS * PER_CLIENT
    assert counts["abusive"] >= 30


def test_eight_clients_asking_figures_at_once_all_get_it(store_path: Path) -> None:
    expected = _expected(store_path)["figures"]
    app = create_app(Store(store_path, read_only=True), Settings(query_timeout=10.0), max_workers=2)
    answers: list[tuple[int, bytes]] = []

    def ask(port: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        answers.append(_send(conn, "GET", GOOD["figures"]))
        conn.close()

    with live_server(app) as url:
        port = int(url.rsplit(":", 1)[1])
        threads = [threading.Thread(target=ask, args=(port,)) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert [status for status, _ in answers] == [200] * 8
    assert all(_rows(json.loads(body)) == expected for _, body in answers)
