"""Predefined prefixes (one table, used by the store, CLI, page and endpoint) and parse
errors as one readable line with the position."""

from __future__ import annotations

import pytest

from newsprov import query
from newsprov.config import Settings
from newsprov.errors import QueryError
from newsprov.query._syntax import syntax_message
from newsprov.rdf.namespaces import NP, SCHEMA
from newsprov.rdf.store import Store
from newsprov.server import create_app
from newsprov.server.page import index_html
from test_server_data import call, make_store

UNDECLARED = "SELECT ?a WHERE { ?a a np:Article ; schema:publisher ?p . ?p rdfs:label ?l }"


def test_prefix_table_names_the_ontology_and_common_vocabularies() -> None:
    assert query.PREFIXES["np"] == str(NP) and query.PREFIXES["schema"] == str(SCHEMA)
    block = query.prefix_block()
    assert all(f"PREFIX {p}:" in block for p in ("np", "prov", "oa", "skos", "rdfs", "xsd"))


def test_store_queries_need_no_prefix_declarations() -> None:
    store = make_store()
    assert len(query.run(store, UNDECLARED)) > 0
    redeclared = "PREFIX np: <urn:other#>\nSELECT ?a WHERE { ?a a np:Article }"
    assert len(query.run(store, redeclared)) == 0  # a query's own PREFIX wins


def test_endpoint_predefines_the_same_prefixes() -> None:
    app = create_app(make_store(), Settings(query_timeout=10.0))
    resp = call(app, "GET", "/sparql", params={"query": UNDECLARED})
    assert resp.status_code == 200, resp.text
    assert resp.json()["results"]["bindings"]


def test_query_page_offers_the_prefixes() -> None:
    html = index_html()
    assert "https://newsprov.org/ontology#" in html and '"schema"' in html


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        ("SELECT ?x WHERE { ?x a foo:Bar }", "line 1, column 32: undeclared prefix 'foo:'"),
        ("SELECT ?x WHERE {\n  ?x ?p }", "line 2"),
        ('SELECT ?x WHERE { ?x ?p "open }', "at the end of the query"),
    ],
)
def test_parse_errors_are_one_line_with_the_position(sparql: str, expected: str) -> None:
    with pytest.raises(QueryError) as info:
        Store().select(sparql)
    message = str(info.value)
    assert "\n" not in message and len(message) < 200
    assert message.startswith("malformed SPARQL at line") and expected in message


def test_syntax_message_without_a_position_keeps_the_first_line() -> None:
    assert syntax_message("x", "boom\nmore") == "malformed SPARQL: boom"
