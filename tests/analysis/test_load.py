"""analysis/_load.py: rows given for the graphs an ingest wrote stand in for reading them
back, and give what reading them back gives."""

from __future__ import annotations

import copy

from newsprov.analysis import crossref_graph_iri, refresh, update
from newsprov.analysis._load import GraphRows, graph_rows, load_figures, load_index
from newsprov.analysis.crossref import derived_graphs
from newsprov.analysis.synthetic import scenario_extractions
from newsprov.rdf.iris import article_iri
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store, ntriples

B = "https://newsprov.org/id/"
XREF = crossref_graph_iri(B)


def _filled() -> tuple[Store, dict[str, GraphRows], list[str]]:
    """A store of the scenario's articles, each graph's rows as a worker reads them, and
    the article IRIs."""
    store = Store()
    written = []
    for ex in scenario_extractions():
        name = graph_iri(ex.article.id, B)
        data = ntriples(extraction_to_graph(ex, B))
        store.replace_graphs([(name, data)])
        written.append((name, data))
    ids = [str(article_iri(ex.article.id, B)) for ex in scenario_extractions()]
    return store, graph_rows(written, XREF), ids


def _retitled(given: dict[str, GraphRows], title: str) -> dict[str, GraphRows]:
    changed = copy.deepcopy(given)
    for rows in changed.values():
        for r in rows["articles"]:
            r["title"] = title
    return changed


def test_given_rows_read_as_the_store_reads_them_back() -> None:
    store, given, ids = _filled()
    assert load_index(store, XREF, ids, given) == load_index(store, XREF, ids)
    assert load_figures(store, XREF, given=given) == load_figures(store, XREF)
    some = sorted(given)[:2]
    assert load_figures(store, XREF, some, given) == load_figures(store, XREF, some)


def test_given_rows_stand_in_for_the_graphs_they_are_given_for() -> None:
    store, given, ids = _filled()
    arts, _ = load_index(store, XREF, ids, _retitled(given, "given"))  # one pass, all given
    assert {a.title for a in arts.values()} == {"given"}
    refresh(store, B)  # now the others come from their stored index
    arts, _ = load_index(store, XREF, ids[:1], _retitled(given, "given"))
    assert arts[ids[0]].title == "given"
    assert {a.title for a in arts.values() if a.iri != ids[0]} != {"given"}


def test_a_store_holding_other_graphs_is_read_for_every_graph() -> None:
    store, given, ids = _filled()
    partial = _retitled({k: v for k, v in given.items() if k != sorted(given)[0]}, "given")
    assert load_index(store, XREF, ids, partial) == load_index(store, XREF, ids)
    assert load_figures(store, XREF, given=partial) == load_figures(store, XREF)


def test_an_update_with_given_rows_stores_the_same_cross_reference() -> None:
    (read, _, ids), (fed, given, _) = _filled(), _filled()
    update(read, B, ids)
    summary = update(fed, B, ids, given)
    assert summary.stages[0][0] == "load" and summary.recomputed > 0
    assert derived_graphs(read, B) == derived_graphs(fed, B)
    for name in derived_graphs(read, B):
        assert set(read.graph(name)) == set(fed.graph(name)), name
