"""Batched writes: Store.replace_graphs loads many article graphs in one call."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from newsprov.rdf import store as store_module
from newsprov.rdf.store import Store

G1, G2 = "https://newsprov.org/id/graph/a1", "https://newsprov.org/id/graph/a2"
S = URIRef("https://newsprov.org/id/article/a1")
P = URIRef("https://newsprov.org/ontology#note")


def _graph(*notes: str) -> Graph:
    g = Graph()
    for note in notes:
        g.add((S, P, Literal(note)))
    return g


def _nt(g: Graph) -> bytes:
    return g.serialize(format="nt", encoding="utf-8")


TRICKY = ("ends with a dot .", 'has "quotes" and a\nnewline', "naïve — unicode")


def test_new_graphs_are_written_whole() -> None:
    store = Store()
    written = store.replace_graphs([(G1, _nt(_graph(*TRICKY))), (G2, _nt(_graph("b")))])
    assert written == 4
    assert store.graphs() == [G1, G2]
    assert isomorphic(store.graph(G1), _graph(*TRICKY))


def test_replacing_drops_the_old_triples() -> None:
    store = Store()
    store.replace_graphs([(G1, _nt(_graph("old", "older")))])
    store.replace_graphs([(G1, _nt(_graph("new"))), (G2, _nt(_graph("b")))])
    assert isomorphic(store.graph(G1), _graph("new"))
    assert len(store) == 2


@pytest.mark.parametrize("existing", [False, True])
def test_big_batches_on_disk_match_small_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    monkeypatch.setattr(store_module, "BULK_MIN_TRIPLES", 2)  # force the bulk loader
    with Store(tmp_path / "s") as store:
        if existing:
            store.replace_graphs([(G1, _nt(_graph("stale")))])
        store.replace_graphs([(G1, _nt(_graph(*TRICKY))), (G2, _nt(_graph("b")))])
        assert isomorphic(store.graph(G1), _graph(*TRICKY))
        assert len(store) == 4
