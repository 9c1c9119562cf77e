"""The SPARQL endpoint in-process (httpx + ASGITransport): protocol, formats, limits."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
import rdflib

from newsprov.config import Settings
from newsprov.server import TRUNCATED_HEADER, create_app
from newsprov.server.negotiate import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    NotAcceptable,
    choose,
    parse_accept,
)
from newsprov.server.protocol import SparqlRequest, looks_like_update
from test_server_data import GRAPHS, MAYOR, call, make_store

ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
LABELS = "SELECT ?e ?label WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
SD = "http://www.w3.org/ns/sparql-service-description#"
NP = "https://newsprov.org/ontology#"


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app(make_store(), Settings(query_timeout=10.0, result_limit=1000))


# --- negotiation ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "params", "expected"),
    [
        (None, (), "json"),
        ("*/*", (), "json"),
        ("text/csv", (), "csv"),
        ("text/*", (), "csv"),
        ("text/csv;q=0.5, application/sparql-results+xml", (), "xml"),
        ("application/sparql-results+json;q=0.1, text/tab-separated-values;q=0.9", (), "tsv"),
        ("text/html, */*;q=0.1", (), "json"),
        ("application/sparql-results+json", ("csv",), "csv"),
        ("text/csv", ("nonsense", "text/tab-separated-values"), "tsv"),
        ("application/json", (), "json"),
    ],
)
def test_choose_solution_format(accept: str | None, params: tuple[str, ...], expected: str) -> None:
    assert choose(SOLUTION_FORMATS, accept, params).name == expected


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "turtle"),
        ("application/n-triples", "ntriples"),
        ("application/ld+json", "jsonld"),
        ("text/turtle;q=0.2, application/ld+json;q=0.8", "jsonld"),
        ("application/rdf+xml", "rdfxml"),
    ],
)
def test_choose_graph_format(accept: str | None, expected: str) -> None:
    assert choose(GRAPH_FORMATS, accept, ()).name == expected


def test_choose_refuses_what_it_cannot_offer() -> None:
    with pytest.raises(NotAcceptable, match="image/png"):
        choose(SOLUTION_FORMATS, "image/png", ())
    with pytest.raises(NotAcceptable):
        choose(SOLUTION_FORMATS, "text/csv;q=0", ())


def test_parse_accept_reads_q_values() -> None:
    ranges = parse_accept("text/csv;q=0.3, application/json , bad, */*;q=x")
    assert [(r.kind, r.sub, r.q) for r in ranges] == [
        ("text", "csv", 0.3),
        ("application", "json", 1.0),
        ("*", "*", 0.0),
    ]


@pytest.mark.parametrize(
    ("text", "is_update"),
    [
        ("INSERT DATA { <a:b> <a:b> <a:b> }", True),
        ("PREFIX x: <http://x/>\n# note\nDELETE WHERE { ?s ?p ?o }", True),
        ("  drop all", True),
        ("WITH <a:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", True),
        ("SELECT ?insert WHERE { ?insert ?p ?o }", False),
        ("PREFIX drop: <http://x/> SELECT * WHERE { ?s drop:p ?o }", False),
        ("# INSERT DATA\nASK { ?s ?p ?o }", False),
    ],
)
def test_looks_like_update(text: str, is_update: bool) -> None:
    assert looks_like_update(text) is is_update


def test_dataset_clause_detection() -> None:
    assert SparqlRequest("SELECT * FROM <a:g> WHERE { ?s ?p ?o }").has_dataset_clause
    assert SparqlRequest("SELECT * from named ex:g WHERE { ?s ?p ?o }").has_dataset_clause
    assert not SparqlRequest("SELECT ?from WHERE { ?from ?p ?o }").has_dataset_clause


# --- the three ways to send a query ---------------------------------------------------


def test_get_returns_json_by_default(app: Any) -> None:
    resp = call(app, "GET", "/sparql", params={"query": LABELS})
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "application/sparql-results+json"
    labels = {b["label"]["value"] for b in resp.json()["results"]["bindings"]}
    assert {"Mara Quill", "Reuters"} <= labels


def test_post_form_and_direct_bodies_agree(app: Any) -> None:
    form = call(app, "POST", "/sparql", data={"query": LABELS}, headers={"Accept": "text/csv"})
    direct = call(
        app,
        "POST",
        "/sparql",
        content=LABELS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"},
    )
    assert form.status_code == direct.status_code == 200
    assert form.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(form.text)))
    assert rows[0] == ["e", "label"] and len(rows) > 5
    assert sorted(form.text.splitlines()) == sorted(direct.text.splitlines())


def test_format_parameter_wins_over_accept(app: Any) -> None:
    resp = call(
        app,
        "GET",
        "/sparql",
        params={"query": LABELS, "format": "tsv"},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert resp.headers["content-type"].startswith("text/tab-separated-values")
    assert resp.text.startswith("?e\t?label")


def test_ask_and_xml(app: Any) -> None:
    resp = call(
        app,
        "GET",
        "/sparql",
        params={"query": "ASK { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert "<boolean>true</boolean>" in resp.text


def test_construct_formats(app: Any) -> None:
    query = f"CONSTRUCT WHERE {{ <{MAYOR}> ?p ?o }}"
    expected = None
    for accept, fmt in [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ]:
        resp = call(app, "GET", "/sparql", params={"query": query}, headers={"Accept": accept})
        assert resp.status_code == 200, resp.text
        assert resp.headers["content-type"].startswith(accept)
        graph = rdflib.Graph().parse(data=resp.text, format=fmt)
        triples = set(graph)
        assert (rdflib.URIRef(MAYOR), rdflib.RDFS.label, rdflib.Literal("Mara Quill")) in triples
        expected = expected or triples
        assert triples == expected


def test_unacceptable_format_is_406(app: Any) -> None:
    resp = call(app, "GET", "/sparql", params={"query": LABELS}, headers={"Accept": "image/png"})
    assert resp.status_code == 406
    assert "application/sparql-results+json" in resp.text


# --- refusals and errors ---------------------------------------------------------------


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST", "data": {"update": "INSERT DATA { <a:b> <a:b> <a:b> }"}},
        {
            "method": "POST",
            "content": b"CLEAR ALL",
            "headers": {"Content-Type": "application/sparql-update"},
        },
        {"method": "GET", "params": {"query": "INSERT DATA { <a:b> <a:b> <a:b> }"}},
        {"method": "GET", "params": {"update": "DROP ALL"}},
    ],
)
def test_updates_are_refused(app: Any, request_kwargs: dict[str, Any]) -> None:
    before = call(app, "GET", "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    kwargs = dict(request_kwargs)
    resp = call(app, kwargs.pop("method"), "/sparql", **kwargs)
    assert resp.status_code == 403
    assert "read-only" in resp.text
    after = call(app, "GET", "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"})
    assert before.json() == after.json()


def test_malformed_query_is_400_with_parser_message(app: Any) -> None:
    resp = call(app, "GET", "/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert resp.status_code == 400
    assert "malformed SPARQL at line 1, column" in resp.text


def test_service_clause_is_refused(app: Any) -> None:
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    resp = call(app, "GET", "/sparql", params={"query": query})
    assert resp.status_code == 403
    assert "SERVICE" in resp.text


def test_wrong_content_type_is_415(app: Any) -> None:
    resp = call(app, "POST", "/sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert resp.status_code == 415


def test_two_queries_are_400(app: Any) -> None:
    resp = call(app, "GET", "/sparql?query=ASK{}&query=ASK{}")
    assert resp.status_code == 400


# --- limits, datasets, CORS, service description --------------------------------------


def test_result_limit_truncates_and_says_so() -> None:
    app = create_app(make_store(), Settings(result_limit=7))
    resp = call(app, "GET", "/sparql", params={"query": ALL})
    assert len(resp.json()["results"]["bindings"]) == 7
    assert resp.headers[TRUNCATED_HEADER] == "true"
    small = call(app, "GET", "/sparql", params={"query": ALL + " LIMIT 3"})
    assert TRUNCATED_HEADER.lower() not in small.headers


def test_result_limit_applies_to_graphs() -> None:
    app = create_app(make_store(), Settings(result_limit=7))
    resp = call(
        app,
        "GET",
        "/sparql",
        params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
        headers={"Accept": "application/n-triples"},
    )
    *triples, note = resp.text.strip().splitlines()
    assert len(triples) == 7 and all(t.endswith(" .") for t in triples)
    assert note == "# newsprov: truncated at the server's limit of 7 rows"  # a comment
    assert resp.headers[TRUNCATED_HEADER] == "true"


def _article_ids(app: Any, params: dict[str, Any]) -> set[str]:
    query = "SELECT ?id WHERE { ?a <https://newsprov.org/ontology#articleId> ?id }"
    resp = call(app, "GET", "/sparql", params={"query": query, **params})
    assert resp.status_code == 200, resp.text
    return {b["id"]["value"] for b in resp.json()["results"]["bindings"]}


def test_default_graph_is_the_union(app: Any) -> None:
    assert _article_ids(app, {}) == {"flood-1", "flood-2", "protest-1"}


def test_default_graph_uri_selects_graphs(app: Any) -> None:
    assert _article_ids(app, {"default-graph-uri": GRAPHS[0]}) == {"flood-1"}
    assert _article_ids(app, {"default-graph-uri": GRAPHS[1:]}) == {"flood-2", "protest-1"}


def test_named_graph_uri_limits_graph_patterns(app: Any) -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    resp = call(app, "GET", "/sparql", params={"query": query, "named-graph-uri": GRAPHS[2]})
    assert [b["g"]["value"] for b in resp.json()["results"]["bindings"]] == [GRAPHS[2]]


def test_from_clause_is_respected(app: Any) -> None:
    query = f"SELECT ?id FROM <{GRAPHS[1]}> WHERE {{ ?a <{NP}articleId> ?id }}"
    resp = call(app, "GET", "/sparql", params={"query": query})
    assert [b["id"]["value"] for b in resp.json()["results"]["bindings"]] == ["flood-2"]


def test_no_cors_by_default(app: Any) -> None:
    resp = call(
        app, "GET", "/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://x.example"}
    )
    assert resp.status_code == 200
    assert "access-control-allow-origin" not in resp.headers


def test_cors_for_any_origin_when_asked() -> None:
    app = create_app(make_store(), Settings(), cors_origins=["*"])
    pre = call(
        app,
        "OPTIONS",
        "/sparql",
        headers={"Origin": "http://elsewhere.example", "Access-Control-Request-Method": "POST"},
    )
    assert pre.status_code == 200
    assert pre.headers["access-control-allow-origin"] == "*"
    assert "POST" in pre.headers["access-control-allow-methods"]
    resp = call(
        app,
        "GET",
        "/sparql",
        params={"query": "ASK {}"},
        headers={"Origin": "http://elsewhere.example"},
    )
    assert resp.headers["access-control-allow-origin"] == "*"
    assert TRUNCATED_HEADER in resp.headers["access-control-expose-headers"]


def test_cors_can_be_restricted() -> None:
    app = create_app(make_store(), Settings(), cors_origins=["http://good.example"])
    resp = call(
        app, "GET", "/sparql", params={"query": "ASK {}"}, headers={"Origin": "http://bad.example"}
    )
    assert "access-control-allow-origin" not in resp.headers


def test_service_description(app: Any) -> None:
    resp = call(app, "GET", "/sparql")
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=resp.text, format="turtle")
    endpoint = rdflib.URIRef("http://testserver/sparql")
    assert (endpoint, rdflib.RDF.type, rdflib.URIRef(SD + "Service")) in graph
    assert (endpoint, rdflib.URIRef(SD + "endpoint"), endpoint) in graph
    names = set(graph.objects(None, rdflib.URIRef(SD + "name")))
    assert names == {rdflib.URIRef(g) for g in GRAPHS}


def test_json_terms_carry_datatype_and_language() -> None:
    app = create_app(make_store(), Settings())
    query = (
        'SELECT ?d ?l WHERE { BIND("2025-01-02"^^<http://www.w3.org/2001/XMLSchema#date> AS ?d)'
        ' BIND("x"@en AS ?l) }'
    )
    binding = call(app, "GET", "/sparql", params={"query": query}).json()["results"]["bindings"][0]
    assert binding["d"]["datatype"].endswith("#date")
    assert binding["l"] == {"type": "literal", "value": "x", "xml:lang": "en"}
