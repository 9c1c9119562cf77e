"""Checkable evidence: every offset in an article's graph cuts its text out of the body
the graph stores (``schema:articleBody``), for every fixture set and the examples."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from newsprov.ingest import read_paths
from newsprov.model import Article
from newsprov.rdf.mapping import extraction_to_graph
from newsprov.rdf.namespaces import NP, OA, SCHEMA

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
RECORDS_ONLY = {"crossref"}  # extraction records for cross-referencing, not article files
SETS = sorted(
    [
        p
        for p in FIXTURES.iterdir()
        if p.is_dir() and not p.name.startswith("gold") and p.name not in RECORDS_ONLY
    ]
    + [ROOT / "examples"]
)
BASE = "https://newsprov.org/id/"


def _articles(folder: Path) -> list[Article]:
    inputs = folder / "articles" if (folder / "articles").is_dir() else folder
    return [a for a in read_paths([inputs]) if isinstance(a, Article)]


def _cuts(graph: Graph) -> Iterator[tuple[str, str, str]]:
    """(what, text the graph states, text its offsets cut out of the stored body)."""
    body = str(next(graph.objects(None, SCHEMA.articleBody)))
    for prop, what in ((NP.numberText, "figure"), (NP.quoteText, "quote")):
        for node, text in graph.subject_objects(prop):
            assert isinstance(node, URIRef)
            start, end = _offsets(graph, node, NP.startOffset, NP.endOffset)
            yield what, str(text), body[start:end]
    for node, exact in graph.subject_objects(OA.exact):
        assert isinstance(node, URIRef)
        start, end = _offsets(graph, node, OA.start, OA.end)
        yield "evidence", str(exact), body[start:end]


def _offsets(graph: Graph, node: URIRef, start: URIRef, end: URIRef) -> tuple[int, int]:
    return int(graph.value(node, start).toPython()), int(graph.value(node, end).toPython())  # type: ignore[union-attr]


@pytest.mark.parametrize("folder", SETS, ids=lambda p: p.name)
def test_every_offset_cuts_out_its_text(pipeline, folder: Path) -> None:  # type: ignore[no-untyped-def]
    from newsprov.nlp import extract

    articles = _articles(folder)
    assert articles, f"no articles in {folder}"
    wrong, checked = [], 0
    for ex in extract(pipeline, articles):
        graph = extraction_to_graph(ex, BASE)
        for what, stated, cut in _cuts(graph):
            checked += 1
            if stated != cut:
                wrong.append(f"{ex.article.id} {what}: states {stated!r}, offsets give {cut!r}")
    assert checked > 0
    assert not wrong, "\n".join(wrong[:20])
