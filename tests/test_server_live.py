"""The real server (uvicorn on loopback, in a thread) queried with SPARQLWrapper."""

from __future__ import annotations

import csv
import http.client
import io
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from newsprov.config import Settings
from newsprov.server import TRUNCATED_HEADER, create_app
from test_server_data import GRAPHS, MAYOR, live_server, make_store

LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?label WHERE { ?e rdfs:label ?label } ORDER BY ?e ?label"""
CONSTRUCT = f"CONSTRUCT WHERE {{ <{MAYOR}> ?p ?o }}"
ENDLESS = "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MAYOR_LABEL = (rdflib.URIRef(MAYOR), rdflib.RDFS.label, rdflib.Literal("Mara Quill"))


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    app = create_app(make_store(), Settings(query_timeout=10.0, result_limit=50))
    with live_server(app) as url:
        yield url


def client(base_url: str, query: str, fmt: str, **options: Any) -> SPARQLWrapper:
    sparql = SPARQLWrapper(base_url + "/sparql")
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if options.get("method"):
        sparql.setMethod(POST)
        sparql.setRequestMethod(options["method"])
    for graph in options.get("default_graphs", ()):
        sparql.addDefaultGraph(graph)
    for graph in options.get("named_graphs", ()):
        sparql.addNamedGraph(graph)
    return sparql


def fetch(sparql: SPARQLWrapper) -> Any:
    """Run the query and convert the answer (its type depends on the format)."""
    return sparql.queryAndConvert()


@pytest.mark.parametrize("method", [None, "urlencoded", POSTDIRECTLY])
def test_select_json(base_url: str, method: str | None) -> None:
    result = fetch(client(base_url, LABELS, JSON, method=method))
    assert isinstance(result, dict)
    pairs = {(b["e"]["value"], b["label"]["value"]) for b in result["results"]["bindings"]}
    assert (MAYOR, "Mara Quill") in pairs


def test_select_xml(base_url: str) -> None:
    document = fetch(client(base_url, LABELS, XML))
    literals = [node.firstChild.data for node in document.getElementsByTagName("literal")]
    assert "Mara Quill" in literals


@pytest.mark.parametrize(("fmt", "delimiter"), [(CSV, ","), (TSV, "\t")])
def test_select_csv_and_tsv(base_url: str, fmt: str, delimiter: str) -> None:
    raw = fetch(client(base_url, LABELS, fmt))
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8")), delimiter=delimiter))
    assert rows[0] in (["e", "label"], ["?e", "?label"])
    flat = {cell for row in rows[1:] for cell in row}
    assert ("Mara Quill" in flat) or ('"Mara Quill"' in flat)


def test_ask(base_url: str) -> None:
    result = fetch(client(base_url, f"ASK {{ <{MAYOR}> ?p ?o }}", JSON))
    assert result["boolean"] is True


def test_construct_turtle(base_url: str) -> None:
    raw = fetch(client(base_url, CONSTRUCT, TURTLE))
    assert MAYOR_LABEL in rdflib.Graph().parse(data=raw, format="turtle")


def test_construct_ntriples(base_url: str) -> None:
    sparql = client(base_url, CONSTRUCT, N3)
    sparql.setOnlyConneg(True)
    sparql.addCustomHttpHeader("Accept", "application/n-triples")
    response = sparql.query()
    assert response.info()["content-type"].startswith("application/n-triples")
    raw: Any = response.convert()
    assert MAYOR_LABEL in rdflib.Graph().parse(data=raw, format="nt")


def test_construct_jsonld(base_url: str) -> None:
    graph = fetch(client(base_url, CONSTRUCT, JSONLD))
    assert MAYOR_LABEL in set(graph)


def test_update_is_refused(base_url: str) -> None:
    sparql = client(base_url, "INSERT DATA { <urn:a> <urn:b> <urn:c> }", JSON)
    sparql.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as info:
        sparql.query()
    assert info.value.code == 403
    assert b"read-only" in info.value.read()
    assert fetch(client(base_url, "ASK { <urn:a> ?p ?o }", JSON))["boolean"] is False


def test_malformed_query_is_400_with_message(base_url: str) -> None:
    with pytest.raises(QueryBadFormed) as info:
        client(base_url, "SELECT ?s WHERE { ?s ?p ", JSON).query()
    assert "malformed SPARQL at line 1, column" in str(info.value)


def test_result_limit_truncates(base_url: str) -> None:
    response = client(base_url, "SELECT * WHERE { ?s ?p ?o }", JSON).query()
    assert response.info()[TRUNCATED_HEADER.lower()] == "true"
    result: Any = response.convert()
    assert len(result["results"]["bindings"]) == 50


def test_named_graph_parameters(base_url: str) -> None:
    query = "SELECT ?id WHERE { ?a <https://newsprov.org/ontology#articleId> ?id }"
    result = fetch(client(base_url, query, JSON, default_graphs=[GRAPHS[2]]))
    assert [b["id"]["value"] for b in result["results"]["bindings"]] == ["protest-1"]
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    result = fetch(client(base_url, query, JSON, named_graphs=GRAPHS[:2]))
    assert {b["g"]["value"] for b in result["results"]["bindings"]} == set(GRAPHS[:2])


def test_no_cors_by_default_and_service_description(base_url: str) -> None:
    request = urllib.request.Request(base_url + "/sparql", headers={"Origin": "http://x.example"})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert "Access-Control-Allow-Origin" not in response.headers
        assert response.headers["Content-Type"].startswith("text/turtle")
        body = response.read().decode("utf-8")
    assert "sd:Service" in body and "sd:SPARQL11Query" in body


def test_endless_query_times_out_and_its_worker_stops(tmp_path: Path) -> None:
    store = make_store(filler=300, path=tmp_path / "store")
    app = create_app(store, Settings(query_timeout=1.0, result_limit=10**8), max_workers=1)
    with live_server(app) as url:
        fetch(client(url, LABELS, JSON))  # the one worker is up
        started = time.monotonic()
        # Rows come at once, so the answer is streamed; at the deadline it is broken off.
        request = urllib.request.Request(
            url + "/sparql?" + urllib.parse.urlencode({"query": ENDLESS}),
            headers={"Accept": "application/sparql-results+json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.status == 200 and TRUNCATED_HEADER not in response.headers
            with pytest.raises(http.client.IncompleteRead):
                response.read()
        assert time.monotonic() - started < 10
        assert app.state.runner.active == 0  # killed, not abandoned: the slot is free
        result = fetch(client(url, LABELS, JSON))  # served by a fresh worker
        assert isinstance(result, dict) and result["results"]["bindings"]
        counting = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        with pytest.raises(urllib.error.HTTPError) as info:
            client(url, counting, JSON).query()  # no row before the deadline: a 503
        assert info.value.code == 503
        assert b"timed out after 1 s and was stopped" in info.value.read()
