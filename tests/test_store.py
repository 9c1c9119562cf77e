"""The Oxigraph store adapter: named-graph replacement, bound queries, export."""

from __future__ import annotations

import io

import pytest
import rdflib
from rdflib import RDFS, Literal, URIRef

from newsprov.errors import QueryError, StoreError
from newsprov.rdf.store import Store

EX = rdflib.Namespace("http://example.org/")


def _graph(*labels: str) -> rdflib.Graph:
    g = rdflib.Graph()
    for i, label in enumerate(labels):
        g.add((EX[f"s{i}"], RDFS.label, Literal(label)))
    return g


def test_replace_graph_replaces_instead_of_duplicating(tmp_path):
    with Store(tmp_path / "db") as store:
        store.replace_graph(str(EX.g1), _graph("a", "b"))
        store.replace_graph(str(EX.g1), _graph("c"))
        store.replace_graph(str(EX.g2), _graph("d"))
        assert len(store) == 2
        assert store.graphs() == [str(EX.g1), str(EX.g2)]
        labels = {str(r[0]) for r in store.select("SELECT ?l WHERE { ?s ?p ?l }").rows}
        assert labels == {"c", "d"}


def test_store_persists_on_disk(tmp_path):
    with Store(tmp_path / "db") as store:
        store.replace_graph(str(EX.g1), _graph("kept"))
    with Store(tmp_path / "db") as store:
        assert [str(r[0]) for r in store.select("SELECT ?l WHERE { ?s ?p ?l }").rows] == ["kept"]


@pytest.mark.parametrize(
    "text",
    ["plain", 'with "double" quotes', "} DROP ALL ; #", "<script>alert(1)</script>", "line\nbreak"],
)
def test_bound_values_are_never_spliced(text):
    store = Store()
    store.replace_graph(str(EX.g), _graph(text, "other"))
    rows = store.select("SELECT ?s ?label WHERE { ?s ?p ?label }", {"label": Literal(text)})
    assert [r[0] for r in rows.rows] == [EX.s0]
    assert len(store) == 2


def test_python_values_bind_as_literals():
    store = Store()
    g = rdflib.Graph()
    g.add((EX.a, EX.value, Literal(7)))
    store.replace_graph(str(EX.g), g)
    assert store.ask("ASK { ?s ?p ?v }", {"v": 7})
    assert not store.ask("ASK { ?s ?p ?v }", {"v": 8})


def test_graph_scoped_query_and_remove():
    store = Store()
    store.replace_graph(str(EX.g1), _graph("one"))
    store.replace_graph(str(EX.g2), _graph("two"))
    rows = store.select("SELECT ?g ?l WHERE { GRAPH ?g { ?s ?p ?l } } ORDER BY ?g")
    assert [(str(g), str(lab)) for g, lab in rows.rows] == [
        (str(EX.g1), "one"),
        (str(EX.g2), "two"),
    ]
    assert store.remove_graph(str(EX.g1))
    assert not store.remove_graph(str(EX.g1))
    assert store.graph(str(EX.g2)).value(EX.s0, RDFS.label) == Literal("two")


def test_binding_an_unprojected_variable_is_a_query_error():
    with pytest.raises(QueryError, match="cannot bind"):
        Store().select("SELECT ?s WHERE { ?s ?p ?label }", {"label": "x"})


def test_malformed_query_raises_query_error():
    with pytest.raises(QueryError, match="malformed SPARQL"):
        Store().select("SELECT WHERE {")


def test_select_rejects_construct():
    with pytest.raises(QueryError):
        Store().select("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads", "jsonld"])
def test_export_round_trips(fmt):
    store = Store()
    store.replace_graph(str(EX.g1), _graph("x", "y"))
    buf = io.BytesIO()
    store.export(fmt, buf)
    parsed = rdflib.Dataset()
    parsed.parse(
        data=buf.getvalue(),
        format={"turtle": "turtle", "trig": "trig", "nquads": "nquads", "jsonld": "json-ld"}[fmt],
    )
    labels = {str(o) for _, _, o, _ in parsed.quads((None, RDFS.label, None, None))}
    assert labels == {"x", "y"}


def test_unknown_export_format():
    with pytest.raises(StoreError, match="unknown export format"):
        Store().export("yaml", io.BytesIO())


def test_construct_returns_rdflib_graph():
    store = Store()
    store.replace_graph(str(EX.g1), _graph("x"))
    g = store.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert (URIRef(EX.s0), RDFS.label, Literal("x")) in g


def test_read_only_store_reads_and_closes(tmp_path):
    with Store(tmp_path / "db") as store:
        store.replace_graph(str(EX.g1), _graph("x"))
    with Store(tmp_path / "db", read_only=True) as store:
        assert len(store) == 1


def test_select_values_gives_plain_strings_by_variable_name_and_none_when_unbound():
    store = Store()
    store.replace_graph(str(EX.g1), _graph("first"))
    g2 = _graph("second")
    g2.add((EX.s0, EX.note, Literal("noted", lang="en")))
    store.replace_graph(str(EX.g2), g2)
    sparql = """SELECT ?note ?l ?s ?g WHERE {
      GRAPH ?g { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l
                 OPTIONAL { ?s <http://example.org/note> ?note } } }"""
    rows = sorted(store.select_values(sparql), key=lambda r: str(r["l"]))
    assert rows == [
        {"note": None, "l": "first", "s": str(EX.s0), "g": str(EX.g1)},
        {"note": "noted", "l": "second", "s": str(EX.s0), "g": str(EX.g2)},
    ]
    assert list(rows[0]) == ["note", "l", "s", "g"]  # keys in the SELECT's order
    bound = list(store.select_values(sparql, {"g": URIRef(str(EX.g1))}))
    assert [r["l"] for r in bound] == ["first"]
    with pytest.raises(QueryError):
        list(store.select_values("ASK { ?s ?p ?o }"))


def test_marks_are_kept_beside_the_store_and_seen_by_readers(tmp_path):
    with Store(tmp_path / "s") as st:
        assert st.read_mark("keyed-rows") is None
        st.write_mark("keyed-rows", "abc")
        assert st.read_mark("keyed-rows") == "abc"
    with Store(tmp_path / "s", read_only=True) as reader:
        assert reader.read_mark("keyed-rows") == "abc"
        with pytest.raises(StoreError, match="read-only"):
            reader.write_mark("keyed-rows", None)
    with Store(tmp_path / "s") as st:
        st.write_mark("keyed-rows", None)
        assert st.read_mark("keyed-rows") is None
    memory = Store()
    memory.write_mark("x", "1")
    assert memory.read_mark("x") == "1" and Store().read_mark("x") is None


def test_ntriples_writes_the_graph_it_is_given() -> None:
    """The one serialiser of article graphs: escaped literals, typed values, IRIs, parsed
    back into the very same triples."""
    from rdflib import XSD, Graph, Literal, URIRef

    from newsprov.rdf.store import ntriples

    s, p = URIRef("https://example.org/a"), URIRef("https://example.org/p")
    triples = [
        (s, p, Literal('He said "no".\nThen \\ left')),
        (s, p, Literal(True)),
        (s, p, Literal(12)),
        (s, p, Literal("1.5", datatype=XSD.decimal)),
        (s, p, Literal("hola", lang="es")),
        (s, p, URIRef("https://example.org/b?x=1")),
    ]
    data = ntriples(triples)
    assert data.count(b"\n") == len(triples)
    assert set(Graph().parse(data=data, format="nt")) == set(triples)
