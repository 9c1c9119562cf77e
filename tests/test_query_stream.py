"""Streamed results: the same rows as query.run, cut by limit/offset, written row by row."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator

import pytest

from golden.rdf_samples import BASE, SAMPLES
from newsprov import query
from newsprov.cli import main
from newsprov.errors import QueryError
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    s = Store()
    for make in SAMPLES.values():
        ex = make()
        s.replace_graph(graph_iri(ex.article.id, BASE), extraction_to_graph(ex, BASE))
    yield s


@pytest.mark.parametrize("name", query.names())
def test_streamed_rows_are_the_rows_of_run(store: Store, name: str) -> None:
    assert query.stream(store, name).to_rows() == query.run(store, name)


def test_limit_and_offset_cut_the_stream(store: Store) -> None:
    every = query.run(store, "figures").rows
    assert len(every) >= 4
    assert query.stream(store, "figures", limit=2).to_rows().rows == every[:2]
    assert query.stream(store, "figures", limit=2, offset=1).to_rows().rows == every[1:3]
    assert query.stream(store, "figures", offset=len(every)).to_rows().rows == ()
    assert query.stream(store, "figures", limit=0).to_rows().rows == ()


def test_negative_limit_is_refused(store: Store) -> None:
    with pytest.raises(QueryError, match="must not be negative"):
        query.stream(store, "figures", limit=-1)


def test_csv_matches_the_whole_result_writer(store: Store) -> None:
    out = io.StringIO()
    count = query.write_csv(query.stream(store, "figures"), out)
    rows = query.run(store, "figures")
    assert out.getvalue() == query.to_csv(rows)
    assert count == len(rows)


def test_json_matches_the_whole_result_document(store: Store) -> None:
    out = io.StringIO()
    query.write_json(query.stream(store, "quotes"), out)
    assert json.loads(out.getvalue()) == query.to_sparql_json(query.run(store, "quotes"))


def test_empty_json_result_is_a_valid_document(store: Store) -> None:
    out = io.StringIO()
    query.write_json(query.stream(store, "figures", limit=0), out)
    assert json.loads(out.getvalue())["results"]["bindings"] == []


def test_repeats_are_counted_when_asked(store: Store) -> None:
    found = query.stream(store, "SELECT ?l WHERE { ?s rdfs:label ?l }")
    found.track_repeats = True
    rows = list(found)
    assert found.count == len(rows) and found.repeated == len(rows) - len(set(rows))


def test_cli_limit_and_offset(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "store"
    with Store(path) as s:
        for make in SAMPLES.values():
            ex = make()
            s.replace_graph(graph_iri(ex.article.id, BASE), extraction_to_graph(ex, BASE))
    assert main(["query", "figures", "--store", str(path), "--format", "csv"]) == 0
    every = capsys.readouterr().out.splitlines()
    args = ["query", "figures", "--store", str(path), "--format", "csv", "--limit", "2"]
    assert main([*args, "--offset", "1"]) == 0
    assert capsys.readouterr().out.splitlines() == [every[0], *every[2:4]]
    with pytest.raises(SystemExit):
        main([*args, "--offset", "-3"])


@pytest.mark.parametrize("keyed", [False, True])
@pytest.mark.parametrize("name", ["figures", "quotes", "articles"])
def test_csv_of_the_stored_rows_is_the_csv_of_the_query(
    store: Store, name: str, keyed: bool
) -> None:
    """CSV written from the materialised rows (lexical forms read from them, no terms
    built) is the CSV of the SPARQL's own rows, whole and by page."""
    from newsprov.rdf import views

    with Store() as st:
        for make in SAMPLES.values():
            ex = make()
            st.replace_graph(graph_iri(ex.article.id, BASE), extraction_to_graph(ex, BASE))
        assert views.mark_keyed(st) is keyed or st.write_mark("keyed-rows", None) is None
        assert views.is_keyed(st) is keyed
        want = st.select(query.load(name))
        for offset, limit in ((0, None), (1, 2), (0, 1)):
            found = query.stream(st, name, offset=offset, limit=limit)
            out = io.StringIO()
            count = query.write_csv(found, out)
            stop = None if limit is None else offset + limit
            cut = type(want)(want.variables, want.rows[offset:stop])
            assert out.getvalue() == query.to_csv(cut)
            assert count == len(cut) == found.count
        tracked = query.stream(st, name)
        tracked.track_repeats = True  # counted row by row: the terms are built
        out = io.StringIO()
        query.write_csv(tracked, out)
        assert out.getvalue() == query.to_csv(want) and tracked.repeated == 0


def test_cells_are_the_lexical_forms_of_the_terms() -> None:
    from newsprov.rdf.view_rows import decode_rows, decode_term

    encoded = [
        "<https://example.org/a%20b",
        '"plain, with "quotes"',
        "^http://www.w3.org/2001/XMLSchema#decimal 2.50",
        "@en-GB colour words",
        "_b0",
        "",
        None,
        '"',
    ]
    terms = next(decode_rows([encoded]))
    cells = next(decode_rows([encoded]).cells())
    assert cells == ["" if t is None else t.value for t in terms]
    lexical = ["https://example.org/a%20b", 'plain, with "quotes"', "2.50", "colour words"]
    assert cells == [*lexical, "b0", "", "", ""]
    assert terms[3] == decode_term("@en-GB colour words") and terms[5] is terms[6] is None


@pytest.mark.parametrize("name", ["figures", "quotes", "articles"])
def test_json_of_the_stored_rows_is_the_json_of_the_terms(store: Store, name: str) -> None:
    """JSON written from the materialised rows is byte for byte what writing each row's
    terms gives (and the document of the SPARQL's own rows)."""
    fast, slow = io.StringIO(), io.StringIO()
    assert query.write_json(query.stream(store, name), fast) == len(query.run(store, name))
    terms = query.stream(store, name)
    terms.track_repeats = True  # row by row through the terms
    query.write_json(terms, slow)
    assert fast.getvalue() == slow.getvalue()
    want = query.to_sparql_json(store.select(query.load(name)))
    assert json.loads(fast.getvalue()) == want
    page = io.StringIO()
    query.write_json(query.stream(store, name, offset=1, limit=2), page)
    assert json.loads(page.getvalue())["results"]["bindings"] == want["results"]["bindings"][1:3]
