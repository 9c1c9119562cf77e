"""Answers written row by row (newsprov.server.results) against Oxigraph's own writers,
on invented terms chosen to need escaping in every format."""

from __future__ import annotations

import csv
import io
import threading

import pyoxigraph as ox
import pytest

from newsprov.server.negotiate import GRAPH_FORMATS, SOLUTION_FORMATS, Format
from newsprov.server.results import (
    RDF_FORMATS,
    Cancelled,
    Cut,
    Kind,
    Written,
    write_answer,
)

E = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
OBJECTS = [
    ox.Literal('quote " comma , tab \t newline \n return \r back \\ slash'),
    ox.Literal("<b>bold & 'plain'</b>", language="en-gb"),
    ox.Literal("Ünïcödé ✓ 😀"),
    ox.Literal(42),
    ox.Literal("-0012", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("1.50", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("2.5E3", datatype=ox.NamedNode(XSD + "double")),
    ox.Literal("not a number", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal(True),
    ox.Literal("2025-04-02", datatype=ox.NamedNode(XSD + "date")),
    ox.BlankNode("b0"),
    ox.NamedNode(E + "o?x=1&y=2#frag"),
]


def _store(copies: int = 1) -> ox.Store:
    store = ox.Store()
    for c in range(copies):
        for i, obj in enumerate(OBJECTS):
            store.add(ox.Quad(ox.NamedNode(f"{E}s{c}/{i}"), ox.NamedNode(E + "p"), obj))
    store.add(ox.Quad(ox.NamedNode(E + "lonely"), ox.NamedNode(E + "q"), ox.Literal("x")))
    return store


SELECT = f"SELECT ?s ?o ?p WHERE {{ ?s ?p0 ?o OPTIONAL {{ ?s <{E}p> ?p }} }}"  # ?p unbound
CONSTRUCT = "CONSTRUCT WHERE { ?s ?p ?o }"


def _written(
    result: object, fmt: Format, rows: int = 10**9, max_bytes: int = 10**12
) -> tuple[list[bytes], Written]:
    chunks: list[bytes] = []
    written = write_answer(
        result,
        lambda kind: fmt,
        rows=rows,
        max_bytes=max_bytes,
        emit=chunks.append,
        cancel=threading.Event(),
    )
    return chunks, written


def _fmt(name: str) -> Format:
    return next(f for f in (*SOLUTION_FORMATS, *GRAPH_FORMATS) if f.name == name)


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_solutions_match_oxigraphs_writer(name: str) -> None:
    store = _store()
    chunks, written = _written(store.query(SELECT), _fmt(name))
    mine = b"".join(chunks) + written.end
    theirs = store.query(SELECT).serialize(format=RESULT_FORMATS[name])
    assert written.cut is None
    if name in ("csv", "tsv"):
        assert mine == theirs  # byte for byte
    if name == "csv":
        return  # Oxigraph does not read CSV results back (the format loses term types)
    parsed = ox.parse_query_results(mine, format=RESULT_FORMATS[name])
    expected = ox.parse_query_results(theirs, format=RESULT_FORMATS[name])
    assert [v.value for v in parsed.variables] == ["s", "o", "p"]
    assert [list(s) for s in parsed] == [list(s) for s in expected]


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
def test_ask_matches_oxigraphs_writer(name: str) -> None:
    store = _store()
    for query in ("ASK { ?s ?p ?o }", f"ASK {{ <{E}none> ?p ?o }}"):
        chunks, _ = _written(store.query(query), _fmt(name))
        assert b"".join(chunks) == store.query(query).serialize(format=RESULT_FORMATS[name])


@pytest.mark.parametrize("name", ["ntriples", "nquads", "turtle", "jsonld", "rdfxml"])
def test_graphs_match_oxigraphs_writer(name: str) -> None:
    store = _store()
    chunks, written = _written(store.query(CONSTRUCT), _fmt(name))
    mine = b"".join(chunks) + written.end
    triples = list(store.query(CONSTRUCT))
    if name in ("ntriples", "nquads"):
        items = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
        theirs = ox.serialize(items if name == "nquads" else triples, format=RDF_FORMATS[name])
        assert sorted(mine.splitlines()) == sorted((theirs or b"").splitlines())
    got = {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(mine, format=RDF_FORMATS[name])
    }
    want = {
        (str(t.subject), str(t.predicate), str(t.object))
        for t in triples
        if not isinstance(t.subject, ox.BlankNode) and not isinstance(t.object, ox.BlankNode)
    }
    assert want <= got and len(got) == len(triples)


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv", "ntriples", "nquads"])
def test_chunks_end_between_rows(name: str) -> None:
    store = _store(copies=400)  # some hundred kilobytes
    query = CONSTRUCT if name in ("ntriples", "nquads") else SELECT
    chunks, written = _written(store.query(query), _fmt(name))
    assert len(chunks) > 3
    whole = b"".join(chunks) + written.end
    ends = {"json": b"}", "xml": b"</result>", "csv": b"\r\n", "tsv": b"\n"}
    for chunk in chunks[1:]:  # the first ends with the head, or after rows
        assert chunk.endswith(ends.get(name, b" .\n")), chunk[-40:]
    assert len(whole) == sum(map(len, chunks)) + len(written.end)


def _count(body: bytes, name: str) -> int:
    if name == "csv":
        return len(list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))) - 1
    return len(list(ox.parse_query_results(body, format=RESULT_FORMATS[name])))


def test_the_row_limit_cuts_and_marked_formats_say_so() -> None:
    store = _store(copies=3)
    total = len(list(store.query(SELECT)))
    for name in ("json", "xml", "csv", "tsv"):
        chunks, written = _written(store.query(SELECT), _fmt(name), rows=5)
        assert written.cut == Cut("rows", 5)
        body = b"".join(chunks) + written.end
        assert _count(body, name) == 5 < total
        note = b"<!-- newsprov: truncated at the server's limit of 5 rows -->"
        assert (note in body) == (name == "xml")
    chunks, written = _written(store.query(CONSTRUCT), _fmt("ntriples"), rows=4)
    lines = (b"".join(chunks) + written.end).decode().splitlines()
    assert len(lines) == 5 and lines[-1] == "# newsprov: truncated at the server's limit of 4 rows"
    chunks, written = _written(store.query(CONSTRUCT), _fmt("turtle"), rows=4)
    body = b"".join(chunks) + written.end
    assert body.endswith(b"# newsprov: truncated at the server's limit of 4 rows\n")
    assert len(list(ox.parse(body, format=ox.RdfFormat.TURTLE))) == 4
    _, whole = _written(store.query(SELECT), _fmt("json"), rows=total)
    assert whole.cut is None  # exactly at the limit is not cut


def test_the_byte_limit_cuts_between_rows() -> None:
    store = _store(copies=50)
    for name in ("json", "tsv", "ntriples"):
        query = CONSTRUCT if name == "ntriples" else SELECT
        full, _ = _written(store.query(query), _fmt(name))
        chunks, written = _written(store.query(query), _fmt(name), max_bytes=5000)
        assert written.cut == Cut("bytes", 5000)
        assert 4000 < sum(map(len, chunks)) <= 5000 < sum(map(len, full))
        body = b"".join(chunks) + written.end
        if name == "ntriples":
            assert len(list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))) > 10
        else:
            assert len(list(ox.parse_query_results(body, format=RESULT_FORMATS[name]))) > 10


def test_a_cancelled_writer_stops_at_its_next_chunk() -> None:
    store = _store(copies=400)
    cancel = threading.Event()
    chunks: list[bytes] = []

    def emit(data: bytes) -> None:
        chunks.append(data)
        cancel.set()

    kinds: list[Kind] = []
    for name, query in (("json", SELECT), ("turtle", CONSTRUCT)):
        chunks.clear()
        cancel.clear()
        with pytest.raises(Cancelled):
            write_answer(
                store.query(query),
                lambda kind, name=name: _fmt(name),
                rows=10**9,
                max_bytes=10**12,
                emit=emit,
                cancel=cancel,
                started=lambda kind, fmt: kinds.append(kind),
            )
        assert len(chunks) == 1
    assert kinds == ["solutions", "triples"]
