"""Materialised rows of figures, quotes and articles: the same answers as the SPARQL, or
the SPARQL; bound values read from the rows' key nodes once the store is marked keyed."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

import crossref_corpus
from golden.rdf_samples import BASE, SAMPLES
from newsprov import query
from newsprov.rdf import view_rows, views
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.namespaces import NP, RDF
from newsprov.rdf.store import Bindable, Rows, Store, to_ox

HOSTILE = "} DROP ALL; # <script>alert(1)</script> & \\ done"
ROW_OF = {"figures": NP.figuresRow, "quotes": NP.quotesRow, "articles": NP.articlesRow}


def _samples() -> Store:
    st = Store()
    for build in SAMPLES.values():
        ex = build()
        st.replace_graph(graph_iri(ex.article.id, BASE), extraction_to_graph(ex, BASE))
    return st


@pytest.fixture(scope="module", params=["samples", "crossref", "samples-keyed", "crossref-keyed"])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """The sample articles or the cross-reference corpus; "-keyed": marked, so bound
    values are read from the key nodes, else walked from their terms."""
    name = str(request.param)
    st = crossref_corpus.crossreferenced() if name.startswith("crossref") else _samples()
    assert views.mark_keyed(st) is views.is_keyed(st) is True
    if not name.endswith("-keyed"):
        _unflag(st)
    yield st
    st.close()


def _unflag(st: Store) -> None:
    st.write_mark("keyed-rows", None)
    assert not views.is_keyed(st)


def _sparql(st: Store, name: str, bindings: dict[str, Bindable] | None = None) -> Rows:
    return st.select(query.load(name), bindings)


def _from_rows(st: Store, name: str, bindings: dict[str, Bindable] | None = None) -> Rows:
    """The view's answer; fails when the store's rows were not used."""
    view = views.VIEWS[name]
    terms = {k: to_ox(v) for k, v in (bindings or {}).items()}
    found = views.read_view(st, view, terms, 0, None)
    assert found is not None, f"{name} was not answered from its rows"
    return query.Stream(*found).to_rows()


def test_every_figure_and_quote_gets_one_row() -> None:
    seen = 0
    for build in SAMPLES.values():
        graph = extraction_to_graph(build(), BASE)
        pairs = ((NP.Figure, NP.figuresRow), (NP.Quote, NP.quotesRow), (NP.Article, NP.articlesRow))
        for cls, row in pairs:
            subjects = set(graph.subjects(RDF.type, cls))
            seen += len(subjects)
            assert subjects == set(graph.subjects(row, None))
            assert all(len(list(graph.objects(s, row))) == 1 for s in subjects)
    assert seen > 6


@pytest.mark.parametrize("name", ["figures", "quotes", "articles"])
def test_rows_answer_as_the_sparql_does(store: Store, name: str) -> None:
    want = _sparql(store, name)
    assert len(want) > 0 or name == "quotes"  # the cross-reference corpus has no quotes
    assert _from_rows(store, name) == want
    assert query.run(store, name) == want  # the public path takes the rows too


@pytest.mark.parametrize("name", ["figures", "quotes", "articles"])
def test_every_bound_value_keeps_the_same_rows(store: Store, name: str) -> None:
    everything = _sparql(store, name)
    for var in query.bindable(query.load(name)) or []:
        column = everything.variables.index(var)
        values = {row[column] for row in everything.rows if row[column] is not None}
        assert values or var in {"via", "event", "speaker", "date"} or not everything.rows, var
        for value in sorted(values, key=str)[:12]:
            want = _sparql(store, name, {var: value})
            assert len(want) > 0
            assert _from_rows(store, name, {var: value}) == want, (var, value)
        for absent in (HOSTILE, "nobody at all"):
            assert _from_rows(store, name, {var: absent}) == _sparql(store, name, {var: absent})
            assert len(_from_rows(store, name, {var: absent})) == 0


def test_two_bound_values_and_typed_values(store: Store) -> None:
    every = _sparql(store, "figures").dicts()
    first = every[0]
    both = {"article_id": first["article_id"], "qualifier": first["qualifier"]}
    assert _from_rows(store, "figures", both) == _sparql(store, "figures", both)  # type: ignore[arg-type]
    other = {"measure": "deaths", "qualifier": "at least"}
    assert _from_rows(store, "figures", other) == _sparql(store, "figures", other)  # type: ignore[arg-type]
    typed = {"article_id": 7}  # an integer is not the string "7"
    assert len(_from_rows(store, "figures", typed)) == 0 == len(_sparql(store, "figures", typed))


def test_limit_and_offset_cut_the_sorted_rows(store: Store) -> None:
    want = _sparql(store, "figures").rows
    for offset, limit in ((0, 1), (1, 2), (2, None), (len(want), 3)):
        got = query.stream(store, "figures", offset=offset, limit=limit).to_rows().rows
        stop = None if limit is None else offset + limit
        assert got == want[offset:stop]


def _strip_rows(st: Store, graph: str, predicate: URIRef) -> None:
    g = st.graph(graph)
    g.remove((None, predicate, None))
    st.replace_graph(graph, g)


def test_a_graph_without_rows_falls_back_to_the_query() -> None:
    st = _samples()
    want = {n: _sparql(st, n) for n in ROW_OF}
    flood = graph_iri(SAMPLES["flood"]().article.id, BASE)
    for name, predicate in ROW_OF.items():
        _strip_rows(st, flood, predicate)
        view = views.VIEWS[name]
        assert views.read_view(st, view, {}, 0, None) is None
        assert views.read_view(st, view, {"article_id": ox.Literal("flood-001")}, 0, None) is None
        assert query.run(st, name) == want[name]
        assert query.run(st, name, {"article_id": "flood-001"}) == _sparql(
            st, name, {"article_id": "flood-001"}
        )
    st.close()


def test_rows_of_another_query_text_are_not_used() -> None:
    st = _samples()
    want = _sparql(st, "figures")
    flood = graph_iri(SAMPLES["flood"]().article.id, BASE)
    g = st.graph(flood)
    for s, p, o in list(g.triples((None, None, None))):
        if p in (NP.figuresRow, NP.keyedRow) and str(o).startswith(views._digest("figures")):
            g.remove((s, p, o))  # as if written with the digest of an older figures.rq
            g.add((s, p, Literal("0" * 16 + str(o)[16:])))
    st.replace_graph(flood, g)
    assert views.mark_keyed(st)  # the graph is marked; its figures rows are not current
    source = next(r["source"] for r in want.dicts() if r["article_id"] == Literal("flood-001"))
    for bindings in ({}, {"article_id": ox.Literal("flood-001")}, {"source": to_ox(source)}):
        assert views.read_view(st, views.VIEWS["figures"], bindings, 0, None) is None
    assert query.run(st, "figures") == want
    by_source = {"source": source}
    assert query.run(st, "figures", by_source) == _sparql(st, "figures", by_source)
    st.close()


def test_a_store_with_a_graph_without_keyed_rows_is_not_marked() -> None:
    st = _samples()
    assert views.mark_keyed(st)
    flood = graph_iri(SAMPLES["flood"]().article.id, BASE)
    st.replace_graph(flood, st.graph(flood))  # rewriting a graph with current rows
    assert views.is_keyed(st)
    for predicate in (NP.keyedRow, NP.rowsDigest):  # as an older newsprov wrote it
        _strip_rows(st, flood, predicate)
    assert not views.is_keyed(st)  # writing it took the mark away
    assert not views.mark_keyed(st) and not views.is_keyed(st)
    every = _sparql(st, "figures").dicts()
    source = next(r["source"] for r in every if r["article_id"] == Literal("flood-001"))
    want = _sparql(st, "figures", {"source": source})  # type: ignore[dict-item]
    assert any(r["article_id"] == Literal("flood-001") for r in want.dicts())
    assert query.run(st, "figures", {"source": source}) == want  # type: ignore[dict-item]
    st.close()


def test_rows_are_text_unless_a_value_holds_the_separator() -> None:
    terms = ['"plain', None, "^http://www.w3.org/2001/XMLSchema#integer 7"]
    text = view_rows.row_text("d" * 16, "a-1", 3, terms)
    assert not text.startswith("[") and view_rows.parse_row(text) == ("d" * 16, "a-1", 3, terms)
    odd = ['"a\x1fb', None]
    text = view_rows.row_text("d" * 16, "a\x1f1", 0, odd)
    assert json.loads(text) == ["d" * 16, "a\x1f1", 0, odd]
    assert view_rows.parse_row(text) == ("d" * 16, "a\x1f1", 0, odd)


def test_a_query_that_differs_from_the_canned_text_runs_as_sparql() -> None:
    st = _samples()
    text = query.load("figures").replace("ORDER BY ?article_id", "ORDER BY DESC(?article_id)")
    assert views.view_for(text) is None
    rows = query.run(st, text)
    assert str(rows.dicts()[0]["article_id"]) == "protest 2/b#x"
    st.close()


def test_unknown_bound_variable_is_left_to_the_query() -> None:
    st = _samples()
    view = views.VIEWS["figures"]
    assert views.read_view(st, view, {"value": ox.Literal("23")}, 0, None) is None
    st.close()


def test_batched_views_give_each_article_its_own_rows() -> None:
    """Mapping a batch (the figures query run once over all of it) gives the very triples
    mapping each article alone gives, duplicates of an id included."""
    from newsprov.rdf.mapping import extraction_to_triples

    exs = [build() for build in SAMPLES.values()]
    assert len(exs) > 1
    alone = [set(extraction_to_graph(ex, BASE)) for ex in exs]
    batched = [t for t in extraction_to_triples(exs, BASE) if isinstance(t, list)]
    assert [set(t) for t in batched] == alone
    assert all(len(set(t)) == len(t) for t in batched)  # each triple once, as in a graph
    assert any(NP.figuresRow in {p for _, p, _ in g} for g in alone)
    # two articles with one id: their rows cannot be told apart, so each is run alone
    twice = [t for t in extraction_to_triples([exs[0], exs[0]], BASE) if isinstance(t, list)]
    assert [set(t) for t in twice] == [alone[0], alone[0]]


def test_batched_articles_rows_keep_each_articles_wires() -> None:
    """The articles query run over a batch joins each article's wires in its own graph,
    in the order its graph alone gives: one wire IRI labelled differently in two
    articles, and several wires an article, change nothing."""
    import dataclasses

    from newsprov.model import Entity, EntityType
    from newsprov.rdf.mapping import extraction_to_triples

    names = ["Reuters", "AFP", "Associated Press", "Kyodo", "dpa", "Yonhap", "Ωmega Wire"]
    exs = []
    for n, build in enumerate([*SAMPLES.values()] * 3):
        ex = build()
        ex = dataclasses.replace(ex, article=dataclasses.replace(ex.article, id=f"w{n}"))
        picks = [names[(n * 3 + k) % len(names)] for k in range(2 + n % 4)]
        wires = [
            Entity(
                key="outlet/" + w.lower().replace(" ", "-"),
                name=w if n % 2 else w.upper(),
                type=EntityType.OUTLET,
            )
            for w in picks
        ]
        exs.append(
            dataclasses.replace(
                ex, entities=(*ex.entities, *wires), wires=tuple(e.key for e in wires)
            )
        )
    alone = [set(extraction_to_graph(ex, BASE)) for ex in exs]
    batched = [t for t in extraction_to_triples(exs, BASE) if isinstance(t, list)]
    assert [set(t) for t in batched] == alone
    rows = [str(o) for g in alone for _, p, o in g if p == NP.articlesRow]
    assert len(rows) == len(exs) and all(" | " in r for r in rows)


def test_batched_rows_refuse_what_they_cannot_split() -> None:
    from newsprov.rdf.mapping import _mapped

    graphs = [_mapped(build(), BASE) for build in SAMPLES.values()]
    terms = [[(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in g] for g in graphs]
    assert set(views._batched_rows(graphs, terms)) == {"figures", "quotes", "articles"}
    assert views._batched_rows([graphs[0], graphs[0]], [terms[0], terms[0]]) == {}


# --- pages of a keyed store: the first articles' rows only, in the query's order ---------


def _many() -> Store:
    """The samples again under ids that sort in every way a page must handle: ids that
    share their first 15 bytes (one order for several articles), short ids, ids past
    ASCII, and one graph that holds two articles."""
    import dataclasses

    from newsprov.rdf.mapping import extraction_to_triples

    ids = [
        *(f"shared-prefix-long-{n}" for n in (3, 1, 2)),  # one order, three articles
        "a",
        "b-1",
        "zz",
        "é-accent",
        "日本-記事",
        "shared-prefix-lon",  # 17 bytes: the same order as the three above
        "b-2",
        "shared-prefix-lo",  # 16 bytes: still the same order
        "shared-prefix-l",  # 15 bytes: the same order again (the prefix is padded)
        "shared-prefix-",  # 14 bytes: an order of its own, just below
    ]
    builds = [*SAMPLES.values()]
    exs = []
    for n, article_id in enumerate(ids):
        last = len(ids) - 1 - n  # the two in one graph: flood and protest, with figures
        ex = (builds[n % len(builds)] if last > 1 else builds[last])()
        exs.append(dataclasses.replace(ex, article=dataclasses.replace(ex.article, id=article_id)))
    st = Store()
    mapped = [t for t in extraction_to_triples(exs, BASE) if isinstance(t, list)]
    for ex, triples in zip(exs[:-2], mapped[:-2], strict=True):
        g = st.graph(graph_iri(ex.article.id, BASE))
        for triple in triples:
            g.add(triple)
        st.replace_graph(graph_iri(ex.article.id, BASE), g)
    both = st.graph(graph_iri("two articles", BASE))  # two articles in one graph
    for triple in [*mapped[-2], *mapped[-1]]:
        both.add(triple)
    st.replace_graph(graph_iri("two articles", BASE), both)
    assert views.mark_keyed(st)
    return st


@pytest.fixture(scope="module")
def many() -> Iterator[Store]:
    st = _many()
    yield st
    st.close()


def _page(st: Store, name: str, bindings: dict[str, Bindable], offset: int, limit: int) -> Rows:
    view = views.VIEWS[name]
    terms = {k: to_ox(v) for k, v in bindings.items()}
    found = views.read_view(st, view, terms, offset, limit)
    assert found is not None, f"{name} was not answered from its rows"
    return query.Stream(*found).to_rows()


@pytest.mark.parametrize("name", ["figures", "quotes", "articles"])
def test_every_page_is_the_slice_of_the_query(many: Store, name: str) -> None:
    want = _sparql(many, name).rows
    articles = {str(r[0]) for r in want}
    assert len(articles) == 13 if name == "articles" else len(articles) > 4
    if name != "quotes":  # the two articles in one graph have figures; the other no quotes
        assert {"shared-prefix-l", "shared-prefix-"} <= articles
    for offset in (0, 1, 2, 3, 5, 8, len(want) - 1, len(want), len(want) + 4):
        for limit in (0, 1, 2, 3, 7, 40, 1000):
            got = _page(many, name, {}, offset, limit).rows
            assert got == want[offset : offset + limit], (offset, limit)


@pytest.mark.parametrize("name", ["figures", "quotes", "articles"])
def test_every_page_of_a_bound_value_is_the_slice_of_the_query(many: Store, name: str) -> None:
    everything = _sparql(many, name)
    for var in query.bindable(query.load(name)) or []:
        column = everything.variables.index(var)
        for value in sorted({r[column] for r in everything.rows if r[column] is not None}, key=str):
            want = _sparql(many, name, {var: value}).rows
            for offset, limit in ((0, 1), (0, 2), (1, 3), (2, 100), (len(want), 1)):
                got = _page(many, name, {var: value}, offset, limit).rows
                assert got == want[offset : offset + limit], (var, value, offset, limit)
        assert len(_page(many, name, {var: "nobody at all"}, 0, 10)) == 0
    if name == "figures":
        first = everything.dicts()[3]
        two = {"source": first["source"], "qualifier": first["qualifier"]}
        want = _sparql(many, name, two).rows  # type: ignore[arg-type]
        for offset, limit in ((0, 1), (1, 1), (0, 50)):
            got = _page(many, name, two, offset, limit).rows  # type: ignore[arg-type]
            assert got == want[offset : offset + limit]


def test_a_page_of_rows_of_another_query_text_runs_the_query(many: Store) -> None:
    st = _many()
    iri = graph_iri("a", BASE)
    g = st.graph(iri)
    for s, p, o in list(g.triples((None, None, None))):
        if p in (NP.figuresRow, NP.keyedRow) and str(o).startswith(views._digest("figures")):
            g.remove((s, p, o))
            g.add((s, p, Literal("0" * 16 + str(o)[16:])))
    st.replace_graph(iri, g)
    assert views.mark_keyed(st)
    assert views.read_view(st, views.VIEWS["figures"], {}, 0, 5) is None
    want = _sparql(many, "figures").rows
    assert query.stream(st, "figures", limit=5).to_rows().rows == want[:5]
    st.close()


def test_an_unmarked_store_pages_without_the_orders() -> None:
    st = _many()
    want = _sparql(st, "figures").rows
    for predicate in (NP.keyedOrder,):
        for iri in st.graphs():
            _strip_rows(st, iri, predicate)
    assert views.is_keyed(st)  # the rows digest says current: the mark stays...
    st.write_mark("keyed-rows", None)  # ...until an ingest marks the store again
    assert query.stream(st, "figures", offset=2, limit=4).to_rows().rows == want[2:6]
    st.close()


def test_orders_follow_the_ids() -> None:
    ids = ["", "a", "a\x00", "ab", "b", "shared-prefix-long-1", "shared-prefix-long-2", "é", "日本"]
    ids += ["\U0001f600", "z" * 40, "Z", "0", "~"]
    ordered = sorted(ids)
    numbers = [views.order_number(i) for i in ordered]
    assert numbers == sorted(numbers)
    assert views.order_number("shared-prefix-long-1") == views.order_number("shared-prefix-long-2")
    assert views.order_number("a") < views.order_number("ab")
    store = ox.Store()
    decimal = ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    for i in ids:
        lexical = views.order_literal_text(i)
        assert views.order_of(lexical) == views.order_number(i)
        node = ox.NamedNode("http://example.org/" + str(ids.index(i)))
        store.add(ox.Quad(node, node, ox.Literal(lexical, datatype=decimal)))
        back = next(iter(store.quads_for_pattern(node, None, None)))
        assert views.order_of(back.object.value) == views.order_number(i)  # as Oxigraph writes it
    result = store.query("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?o")
    assert isinstance(result, ox.QuerySolutions)
    by_store = [ids[int(sol[0].value.rsplit("/", 1)[1])] for sol in result]
    assert [views.order_number(i) for i in by_store] == numbers


def test_a_page_past_the_paged_rows_is_cut_from_the_listing(
    many: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    paged = views._paged
    monkeypatch.setattr(views, "PAGED_ROWS", 4)
    monkeypatch.setattr(views, "_paged", lambda *a: calls.append(1) or paged(*a))
    want = _sparql(many, "figures").rows
    assert _page(many, "figures", {}, 2, 2).rows == want[2:4] and len(calls) == 1
    assert _page(many, "figures", {}, 3, 2).rows == want[3:5] and len(calls) == 1
