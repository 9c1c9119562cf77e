"""The HTML pages the server renders: the query page at / and the explorer at /explore."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprov import query
from newsprov.config import Settings
from newsprov.rdf.store import Store
from newsprov.server import app as app_module
from newsprov.server import create_app, serve
from newsprov.server import page as page_module
from newsprov.server.limits import LimitedH11Protocol
from test_server_data import (
    FIG_CROWD,
    FIG_MAYOR,
    GRAPHS,
    MAYOR,
    QUOTE_XSS,
    REMOTE,
    XSS,
    B,
    call,
    graph_data,
    make_store,
)


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app(make_store(), Settings())


def test_index_lists_the_canned_queries(app: Any) -> None:
    resp = call(app, "GET", "/")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/html")
    for name in query.names():
        assert f'<option value="{name}">{name}</option>' in resp.text
    assert not REMOTE.search(resp.text)


def test_index_escapes_query_text(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    evil = f"SELECT * WHERE {{ ?s ?p ?o }} # </textarea>{XSS}"
    monkeypatch.setattr(page_module, "canned_queries", lambda: {"evil": evil})
    text = call(app, "GET", "/").text
    assert XSS not in text
    assert "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in text  # in the editor
    assert "\\u003c/textarea\\u003e\\u003cscript\\u003e" in text  # in the JSON block


def test_explore_escapes_and_draws_everything(app: Any) -> None:
    resp = call(app, "GET", "/explore")
    assert resp.status_code == 200
    assert XSS not in resp.text
    assert not REMOTE.search(resp.text)
    ids = {n["id"] for n in graph_data(resp.text)["nodes"]}
    assert {MAYOR, FIG_MAYOR, FIG_CROWD, QUOTE_XSS} <= ids


def test_explore_filters_from_query_parameters(app: Any) -> None:
    resp = call(app, "GET", "/explore", params={"event": "valley-floods-2025", "measure": "deaths"})
    ids = {n["id"] for n in graph_data(resp.text)["nodes"]}
    assert FIG_MAYOR in ids and FIG_CROWD not in ids and QUOTE_XSS not in ids
    assert f'<option value="{B}event/valley-floods-2025" selected>' in resp.text


def test_explore_focus(app: Any) -> None:
    resp = call(app, "GET", "/explore", params={"focus": "person/mara-quill", "hops": "1"})
    ids = {n["id"] for n in graph_data(resp.text)["nodes"]}
    assert ids == {MAYOR, FIG_MAYOR, QUOTE_XSS, B + "article/flood-2"}
    missing = call(app, "GET", "/explore", params={"focus": B + "person/nobody"})
    assert missing.status_code == 200 and "is not in the graph" in missing.text


@pytest.mark.parametrize("hops", ["x", "-1", "99"])
def test_explore_rejects_bad_hops(app: Any, hops: str) -> None:
    resp = call(app, "GET", "/explore", params={"hops": hops})
    assert resp.status_code == 400
    assert "hops" in resp.text


def test_serve_opens_the_store_read_only_on_loopback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store(tmp_path / "store") as store:
        store.replace_graph(GRAPHS[0], make_store().graph(GRAPHS[0]))
    seen: dict[str, Any] = {}

    class FakeServer:
        def __init__(self, config: Any) -> None:
            self.config = config

        def run(self) -> None:
            config = self.config
            seen.update(host=config.host, port=config.port, log_level=config.log_level)
            seen["http"] = config.http
            resp = call(config.app, "GET", "/sparql", params={"query": "ASK { ?s ?p ?o }"})
            seen["answer"] = resp.json()["boolean"]
            update = call(config.app, "POST", "/sparql", data={"update": "CLEAR ALL"})
            seen["update"] = update.status_code

    monkeypatch.setattr(app_module.uvicorn, "Server", FakeServer)
    serve(Settings(store_path=tmp_path / "store"), port=8123)
    assert seen == {
        "host": "127.0.0.1",
        "port": 8123,
        "log_level": "info",
        "http": LimitedH11Protocol,
        "answer": True,
        "update": 403,
    }
