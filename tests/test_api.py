"""The public API of ``newsprov``: the exported names are pinned, and each does its job."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import rdflib

import newsprov as nw

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "articles"
BRIDGE = """Source: Riverside Courier
date 2024-05-07

More than 40 people were injured when a footbridge collapsed in the river town of Eldmoor
on Sunday, police said. "The railing simply gave way," said Mara Lindqvist, a witness.
"""

PUBLIC = [
    "Explorer",
    "NewsprovError",
    "QueryError",
    "Result",
    "Settings",
    "Store",
    "__version__",
    "citation_network",
    "explorer",
    "export",
    "ingest_files",
    "ingest_text",
    "iri",
    "knowledge_graph",
    "open_store",
    "push",
    "queries",
    "select",
    "write_network",
]


def test_public_names_are_pinned() -> None:
    assert sorted(nw.__all__) == sorted(PUBLIC)
    for name in PUBLIC:
        assert hasattr(nw, name), name


def test_no_public_name_is_shadowed_by_a_subpackage() -> None:
    import importlib
    import pkgutil
    import types

    for info in pkgutil.iter_modules(nw.__path__):
        if info.name not in ("cli", "__main__"):
            importlib.import_module(f"newsprov.{info.name}")  # sets newsprov.<name>
    for name in PUBLIC:
        assert not isinstance(getattr(nw, name), types.ModuleType), name
    assert "figures" in nw.queries()


@pytest.fixture(scope="module")
def store() -> Iterator[nw.Store]:
    with nw.open_store() as st:
        yield st


@pytest.mark.model
def test_ingest_paths_and_text(store: nw.Store) -> None:
    paths = [ARTICLES / "e4_bbc_2024-09-25.txt", ARTICLES / "e4_cnn_2024-09-24.html"]
    report = nw.ingest_files(store, *paths)
    assert len(report.stored) == 2 and not report.failed
    report = nw.ingest_text(store, BRIDGE, article_id="bridge")
    assert [r.article_id for r in report.stored] == ["bridge"]
    assert report.stored[0].figures >= 1
    assert nw.ingest_text(store, "   ").failed  # an empty article is reported, not raised


@pytest.mark.model
def test_select_binds_and_converts(store: nw.Store) -> None:
    ingested = nw.select(store, "articles")
    assert "bridge" in {r["article_id"] for r in ingested}
    mine = nw.select(store, "figures", outlet="Riverside Courier")
    assert mine.dicts() and {r["outlet"] for r in mine} == {"Riverside Courier"}
    assert all(isinstance(r["value"], float) for r in mine)
    assert len(nw.select(store, "figures", {"outlet": "Nobody Times"})) == 0
    frame = mine.to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(mine.variables)
    assert frame["value"].max() == 40
    assert mine.to_csv().startswith("article_id,")
    assert mine.to_json()["head"]["vars"] == list(mine.variables)


@pytest.mark.model
def test_custom_sparql_uses_predefined_prefixes(store: nw.Store) -> None:
    result = nw.select(
        store,
        "SELECT ?id (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a np:Figure ; np:reportedIn ?a . "
        "?a np:articleId ?id } GROUP BY ?id",
        id="bridge",
    )
    assert result.dicts()[0]["n"] >= 1
    with pytest.raises(nw.QueryError, match="undeclared prefix 'nope:'"):
        nw.select(store, "SELECT ?x WHERE { ?x a nope:Thing }")


@pytest.mark.model
def test_export_network_and_explorer(store: nw.Store, tmp_path: Path) -> None:
    turtle = nw.export(store)
    graph = rdflib.Graph().parse(data=turtle, format="turtle")
    assert len(graph) > 50
    assert Path(nw.export(store, tmp_path / "g.trig", "trig")).stat().st_size > 1000

    network = nw.citation_network(store)
    assert isinstance(network, nx.DiGraph) and network.number_of_edges() > 0
    for suffix in ("gexf", "graphml"):
        out = nw.write_network(store, tmp_path / f"net.{suffix}")
        back = nx.read_gexf(out) if suffix == "gexf" else nx.read_graphml(out)
        assert back.number_of_nodes() == network.number_of_nodes()
        assert back.number_of_edges() == network.number_of_edges()

    assert nw.knowledge_graph(store).number_of_nodes() > network.number_of_nodes()
    page = nw.explorer(store)
    assert "<iframe" in page._repr_html_() and "vis-network" not in page._repr_html_()[:200]
    assert page.save(tmp_path / "x.html").stat().st_size > 10_000


def test_open_store_on_disk(tmp_path: Path) -> None:
    with nw.open_store(tmp_path / "data") as st:
        assert len(st) == 0
    assert (tmp_path / "data").is_dir()


@pytest.mark.model
def test_push_copies_every_graph(store: nw.Store) -> None:
    with nw.open_store() as target:
        written = nw.push(store, target)
        assert target.graphs() == store.graphs() and written == len(store)
        assert nw.push(store, target) == written  # graphs are replaced, never duplicated
        assert len(target) == len(store)


def test_open_store_takes_an_endpoint_url() -> None:
    from newsprov.rdf.remote import RemoteStore

    remote = nw.open_store("http://127.0.0.1:9/sparql", graph_store_url="http://127.0.0.1:9/gsp")
    assert isinstance(remote, RemoteStore) and remote.graph_store_url.endswith("/gsp")
    with pytest.raises(nw.NewsprovError, match="cannot reach"):
        nw.select(remote, "figures")
