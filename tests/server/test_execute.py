"""Picking the format once the kind of answer is known (newsprov.server.execute), in a
thread for an in-memory store and in a worker process for an on-disk one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsprov.config import Settings
from newsprov.server import TRUNCATED_HEADER, create_app
from newsprov.server.execute import Offers
from newsprov.server.negotiate import NotAcceptable
from test_server_data import call, make_store

SELECT = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
CONSTRUCT = "CONSTRUCT WHERE { ?s ?p ?o }"


def test_offers_hold_a_format_per_kind() -> None:
    both = Offers.of("application/sparql-results+json, text/turtle;q=0.5", ())
    assert (both.pick("solutions").name, both.pick("triples").name) == ("json", "turtle")
    assert both.pick("boolean").name == "json"
    only_graphs = Offers.of("application/n-quads", ())
    assert only_graphs.solutions is None and only_graphs.pick("triples").name == "nquads"
    with pytest.raises(NotAcceptable, match="application/sparql-results\\+json"):
        only_graphs.pick("solutions")
    by_name = Offers.of("text/turtle", ("csv",))  # format= wins over the header
    assert by_name.pick("solutions").name == "csv"


@pytest.fixture(params=["thread", "process"])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    path = None if request.param == "thread" else tmp_path / "store"
    app = create_app(make_store(path=path), Settings(result_limit=5))
    yield app
    app.state.runner.close()


def test_a_kind_the_client_takes_no_format_for_is_406(app: Any) -> None:
    for query, accept, offered in [
        (SELECT, "text/turtle", "application/sparql-results+json"),
        ("ASK { ?s ?p ?o }", "application/n-triples", "text/csv"),
        (CONSTRUCT, "application/sparql-results+json", "text/turtle"),
    ]:
        resp = call(app, "GET", "/sparql", params={"query": query}, headers={"Accept": accept})
        assert resp.status_code == 406, resp.text
        assert offered in resp.text


def test_one_accept_header_for_either_kind(app: Any) -> None:
    accept = {"Accept": "text/tab-separated-values, application/n-quads;q=0.9"}
    rows = call(app, "GET", "/sparql", params={"query": SELECT}, headers=accept)
    assert rows.headers["content-type"].startswith("text/tab-separated-values")
    assert rows.text.splitlines()[0] == "?s\t?p\t?o" and len(rows.text.splitlines()) == 6
    assert rows.headers[TRUNCATED_HEADER] == "true"  # sent whole: the header says so
    quads = call(app, "GET", "/sparql", params={"query": CONSTRUCT}, headers=accept)
    assert quads.headers["content-type"].startswith("application/n-quads")
    *lines, note = quads.text.splitlines()
    assert len(lines) == 5 and note == "# newsprov: truncated at the server's limit of 5 rows"
