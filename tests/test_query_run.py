"""Canned queries run on a store filled from the hand-built extractions."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.query import Result

from golden.rdf_samples import BASE, SAMPLES
from newsprov import query
from newsprov.errors import QueryError
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Rows, Store

HOSTILE = "} DROP ALL; # <script>alert(1)</script> & \\ done"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    st = Store()
    for build in SAMPLES.values():
        ex = build()
        st.replace_graph(graph_iri(ex.article.id, BASE), extraction_to_graph(ex, BASE))
    yield st
    st.close()


def _strings(rows: Rows, *columns: str) -> list[tuple[str | None, ...]]:
    """Selected columns of every row as plain strings (None = unbound)."""
    return [tuple(None if d[c] is None else str(d[c]) for c in columns) for d in rows.dicts()]


def test_figures(store: Store) -> None:
    rows = query.run(store, "figures")
    got = _strings(rows, "article_id", "outlet", "source", "via", "value", "qualifier")
    assert got == [
        ("flood-001", "Riverside Herald", "civil protection agency", None, "23", "at least"),
        ("flood-001", "Riverside Herald", None, "AFP", "1500", "more than"),
        ("protest 2/b#x", None, "the organisers", None, "8000", "at least"),
        ("protest 2/b#x", None, "the organisers", None, "12000", "up to"),
        ("protest 2/b#x", None, None, None, "2500000", "exact"),
        ("protest 2/b#x", None, None, None, "3.75", "about"),
    ]
    first = rows.dicts()[0]
    assert str(first["sentence"]).startswith("At least 23 people were killed")
    assert (str(first["what"]), str(first["measure"]), str(first["lower"])) == (
        "people were killed",
        "deaths",
        "23",
    )
    assert first["upper"] is None
    assert first["date"] == Literal("2024-04-30", datatype=URIRef(XSD + "date"))
    assert first["figure"] == URIRef(BASE + "article/flood-001/figure/15-26")
    assert first["source_entity"] == URIRef(BASE + "organisation/civil-protection-agency")
    assert first["publisher"] == URIRef(BASE + "outlet/riverside-herald")
    assert str(first["event"]) == "Alvorada floods 2024"
    assert rows.dicts()[1]["via_entity"] == URIRef(BASE + "outlet/afp")


def test_entities_are_named_ones_with_plain_types(store: Store) -> None:
    rows = query.run(store, "entities", {"article_id": "flood-001"})
    assert _strings(rows, "name", "type", "aliases") == [
        ("civil protection agency", "Organisation", None),
        ("Riverside Herald", "Outlet", None),  # longest name first within a type
        ("AFP", "Outlet", "Agence France-Presse"),
        ("Ana Ferreira", "Person", "Ferreira"),
        ("Alvorada valley", "Place", None),
        ("Lisbon", "Place", "LISBON"),
    ]  # the unnamed resident is not a named entity


def test_entity_names_come_from_each_article_graph(store: Store) -> None:
    # the same IRI named differently in another article keeps each article's label
    ex = SAMPLES["quiet"]()
    other = extraction_to_graph(ex, BASE)
    council = URIRef(BASE + "organisation/council")
    other.set(
        (council, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("City Council"))
    )
    store.replace_graph(graph_iri("quiet-2", BASE), other)
    try:
        rows = query.run(store, "entities", {"type": "Organisation"})
        names = {str(d["name"]) for d in rows.dicts() if d["entity"] == council}
        assert names == {"council", "City Council"}
    finally:
        store.remove_graph(graph_iri("quiet-2", BASE))


def test_quotes(store: Store) -> None:
    rows = query.run(store, "quotes")
    assert _strings(rows, "article_id", "speaker", "via", "quote", "anonymous") == [
        ("flood-001", "Ana Ferreira", None, "The water reached the roof in ten minutes,", "false"),
        ("flood-001", "unnamed resident", None, "We lost everything,", "true"),
        ("protest 2/b#x", None, None, HOSTILE, "false"),
    ]
    assert rows.dicts()[1]["speaker_entity"] == URIRef(BASE + "article/flood-001/anon/resident")


def test_articles(store: Store) -> None:
    rows = query.run(store, "articles")
    assert _strings(rows, "article_id", "outlet", "date", "title", "wires") == [
        (
            "flood-001",
            "Riverside Herald",
            "2024-05-02",
            "Floods kill at least 23 in Alvorada valley",
            "AFP",
        ),
        ("protest 2/b#x", None, None, "Thousands march", None),
        ("quiet", "Dunmore Times", "2024-06", None, None),
    ]
    url = rows.dicts()[0]["url"]
    assert str(url) == "https://riverside-herald.example/news/floods?id=1&lang=en"


@pytest.mark.parametrize("name", ["figures", "quotes", "articles", "entities"])
def test_bound_article_id_selects_one_article(store: Store, name: str) -> None:
    rows = query.run(store, name, {"article_id": "protest 2/b#x"})
    assert rows.rows
    assert {str(d["article_id"]) for d in rows.dicts()} == {"protest 2/b#x"}


@pytest.mark.parametrize("name", query.names())
def test_every_canned_query_runs_and_serialises(store: Store, name: str) -> None:
    rows = query.run(store, name)
    # the cross-reference queries read the derived crossref graph, tested in test_crossref_*
    assert rows.rows or name not in {"figures", "entities", "quotes", "articles"}
    doc = json.dumps(query.to_sparql_json(rows))
    # rdflib's own SPARQL 1.1 JSON results parser reads it back term for term
    parsed = Result.parse(io.StringIO(doc), format="json")
    assert [str(v) for v in parsed.vars or []] == list(rows.variables)
    back = [tuple(r.get(v) for v in parsed.vars or []) for r in parsed.bindings]
    assert back == [tuple(row) for row in rows.rows]


def test_binding_is_not_spliced(store: Store) -> None:
    rows = query.run(store, "figures", {"article_id": '" } } SELECT * WHERE { ?s ?p ?o } #'})
    assert len(rows) == 0


def test_hostile_quote_round_trips(store: Store) -> None:
    rows = query.run(store, "quotes", {"article_id": "protest 2/b#x"})
    (row,) = rows.dicts()
    assert str(row["quote"]) == HOSTILE
    doc = json.loads(json.dumps(query.to_sparql_json(rows)))
    assert doc["results"]["bindings"][0]["quote"] == {"type": "literal", "value": HOSTILE}
    parsed = list(csv.reader(io.StringIO(query.to_csv(rows))))
    assert parsed[1][rows.variables.index("quote")] == HOSTILE


def test_literal_sparql_and_non_select(store: Store) -> None:
    rows = query.run(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert int(str(rows.rows[0][0])) == len(store)
    with pytest.raises(QueryError, match="SELECT"):
        query.run(store, "ASK { ?s ?p ?o }")
    with pytest.raises(QueryError, match="malformed"):
        query.run(store, "SELECT ?x WHERE { ?x ")


# --- result formats ---------------------------------------------------------------------


ROWS = Rows(
    ("iri", "text", "lang", "num", "blank", "missing"),
    (
        (
            URIRef("https://e.org/a"),
            Literal("plain"),
            Literal("bonjour", lang="fr"),
            Literal("1000.0", datatype=URIRef(XSD + "decimal")),
            BNode("b0"),
            None,
        ),
        (None, Literal(""), None, Literal("0", datatype=URIRef(XSD + "integer")), None, None),
    ),
)


def test_to_sparql_json_follows_the_results_format() -> None:
    doc = query.to_sparql_json(ROWS)
    assert doc["head"] == {"vars": ["iri", "text", "lang", "num", "blank", "missing"]}
    first, second = doc["results"]["bindings"]
    assert first == {
        "iri": {"type": "uri", "value": "https://e.org/a"},
        "text": {"type": "literal", "value": "plain"},
        "lang": {"type": "literal", "value": "bonjour", "xml:lang": "fr"},
        "num": {"type": "literal", "value": "1000.0", "datatype": XSD + "decimal"},
        "blank": {"type": "bnode", "value": "b0"},
    }
    # empty strings and zero are bound values, not missing ones
    assert second == {
        "text": {"type": "literal", "value": ""},
        "num": {"type": "literal", "value": "0", "datatype": XSD + "integer"},
    }


def test_to_csv_uses_lexical_forms_and_crlf() -> None:
    text = query.to_csv(ROWS)
    assert text.split("\r\n")[0] == "iri,text,lang,num,blank,missing"
    assert text.split("\r\n")[1] == "https://e.org/a,plain,bonjour,1000.0,b0,"


def test_to_table_rows_prints_plain_numbers() -> None:
    assert query.to_table_rows(ROWS) == [
        ["https://e.org/a", "plain", "bonjour", "1000", "b0", ""],
        ["", "", "", "0", "", ""],
    ]


def test_scorer_reads_our_json(store: Store) -> None:
    """The scorer takes each binding's "value"; values must parse with float(str)."""
    doc = query.to_sparql_json(query.run(store, "figures"))
    values = [b["value"]["value"] for b in doc["results"]["bindings"]]
    assert [float(v) for v in values] == [23, 1500, 8000, 12000, 2_500_000, 3.75]
