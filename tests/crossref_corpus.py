"""The hand-written cross-reference corpus (``tests/fixtures/crossref/corpus.json``) as
Extractions, and a store cross-referenced from it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsprov.analysis import refresh
from newsprov.analysis.synthetic import Ent, Fig, build_extraction
from newsprov.model import Extraction
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store

B = "https://newsprov.org/id/"
CORPUS = Path(__file__).parent / "fixtures" / "crossref" / "corpus.json"


def _ent(d: dict[str, Any]) -> Ent:
    return Ent(
        d["name"],
        d.get("type", "Organisation"),
        tuple(d.get("aliases", ())),
        d.get("key"),
        d.get("anonymous", False),
    )


def _fig(d: dict[str, Any]) -> Fig:
    return Fig(**{k: v for k, v in d.items()})


def _extraction(d: dict[str, Any]) -> Extraction:
    return build_extraction(
        d["id"],
        outlet=d.get("outlet"),
        date=d.get("date"),
        wires=d.get("wires", ()),
        event=d.get("event"),
        entities=[_ent(e) for e in d["entities"]],
        figures=[_fig(f) for f in d["figures"]],
        title=d.get("title"),
        url=d.get("url"),
    )


def corpus() -> dict[str, list[Extraction]]:
    """Event name -> its articles, in the corpus file's order."""
    data = json.loads(CORPUS.read_text("utf-8"))
    return {name: [_extraction(a) for a in arts] for name, arts in data["events"].items()}


def articles() -> list[Extraction]:
    return [ex for exs in corpus().values() for ex in exs]


def fill(extractions: list[Extraction], store: Store | None = None) -> Store:
    store = store if store is not None else Store()
    for ex in extractions:
        store.replace_graph(graph_iri(ex.article.id, B), extraction_to_graph(ex, B))
    return store


def crossreferenced() -> Store:
    store = fill(articles())
    refresh(store, B)
    return store
