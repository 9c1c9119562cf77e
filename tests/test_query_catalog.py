"""Canned queries: every .rq parses, and resolve() tells names, files and SPARQL apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from newsprov import query
from newsprov.errors import QueryError

CONTRACT_VARIABLES = {
    "figures": ["article_id", "outlet", "source", "via", "value", "qualifier", "what", "sentence"],
    "entities": ["article_id", "name", "type"],
    "quotes": ["article_id", "speaker", "via", "quote"],
    "articles": ["article_id", "outlet", "date"],
}


def test_names_lists_the_canned_queries() -> None:
    assert set(CONTRACT_VARIABLES) <= set(query.names())
    assert query.names() == sorted(query.names())


@pytest.mark.parametrize("name", query.names())
def test_every_canned_query_parses(name: str) -> None:
    parsed = prepareQuery(query.load(name))
    assert parsed.algebra.name == "SelectQuery"


@pytest.mark.parametrize(("name", "variables"), sorted(CONTRACT_VARIABLES.items()))
def test_canned_queries_project_the_contract_variables_first(
    name: str, variables: list[str]
) -> None:
    projected = [str(v) for v in prepareQuery(query.load(name)).algebra["PV"]]
    assert projected[: len(variables)] == variables


def test_load_accepts_the_file_name_too() -> None:
    assert query.load("figures.rq") == query.load("figures")


def test_load_unknown_name_names_it() -> None:
    with pytest.raises(QueryError, match=r"'figurez'.*figures"):
        query.load("figurez")


def test_resolve_a_canned_name() -> None:
    assert query.resolve("entities") == query.load("entities")
    assert query.resolve("  quotes\n") == query.load("quotes")


def test_resolve_a_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("SELECT ?s WHERE { ?s ?p ?o }", "utf-8")
    assert query.resolve(str(path)) == "SELECT ?s WHERE { ?s ?p ?o }"
    assert query.resolve(path) == "SELECT ?s WHERE { ?s ?p ?o }"


def test_a_file_named_like_a_canned_query_wins_when_it_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("figures.rq").write_text("ASK {}", "utf-8")
    assert query.resolve("figures.rq") == "ASK {}"
    assert query.resolve("figures") == query.load("figures")


def test_resolve_literal_sparql() -> None:
    text = "PREFIX np: <https://newsprov.org/ontology#>\nselect * { ?s ?p ?o }"
    assert query.resolve(text) == text


@pytest.mark.parametrize(
    ("arg", "message"),
    [
        ("figurez", r"unknown query 'figurez'.*figures"),
        ("missing.rq", "no such query file: missing.rq"),
        ("PREFIX np: <x>", "unknown query"),
        ("", "unknown query"),
    ],
)
def test_resolve_rejects_what_it_cannot_read(arg: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        query.resolve(arg)


def test_unreadable_file_is_a_query_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.rq"
    path.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(QueryError, match="cannot read query file"):
        query.resolve(path)
