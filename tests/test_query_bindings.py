"""Bound values filter, never widen: every variable a canned query declares bindable
(``# bind:``) keeps exactly the rows that hold that value, and a value nobody has gives
no rows. Run on the fixture corpus ingested with the trained model, plus an article with
no publisher and no named source (where OPTIONAL patterns used to invent rows). Every
value a column takes is bound in turn, and the rows must be the unbound query's rows
that hold it, in the same order for the listings read from their key nodes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.term import Node

from newsprov import query
from newsprov.config import Settings
from newsprov.ingest import parse_text
from newsprov.pipeline import ingest_articles, ingest_paths
from newsprov.rdf import views
from newsprov.rdf.store import Rows, Store

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
ORPHAN = (
    "More than 40 people were injured when a footbridge collapsed in the river town of "
    "Eldmoor on Sunday. Two people were missing, police said."
)
CASES = [(name, var) for name in query.names() for var in query.bindable(query.load(name)) or ()]


@pytest.fixture(scope="module")
def store(pipeline) -> Iterator[Store]:  # type: ignore[no-untyped-def]
    settings = Settings()
    st = Store()
    ingest_paths([ROOT / "tests" / "fixtures" / "articles"], st, settings, pipeline)
    orphan = parse_text(ORPHAN, article_id="orphan-bridge", date="2024-05-07", event="Eldmoor")
    ingest_articles([orphan], st, settings, pipeline)
    assert views.is_keyed(st)  # bound values of figures, quotes and articles: their key nodes
    yield st
    st.close()


# GROUP_CONCAT joins in the store's own order, which SPARQL leaves unspecified: a row read
# from its key node and the same row from the live query may list its wires differently
_CONCATENATED = {"wires"}


def _canonical(rows: Rows) -> tuple[tuple[Node | None, ...], ...]:
    joined = [k for k, v in enumerate(rows.variables) if v in _CONCATENATED]

    def fix(row: tuple[Node | None, ...]) -> tuple[Node | None, ...]:
        out = list(row)
        for k in joined:
            if isinstance(out[k], Literal):
                out[k] = Literal(" | ".join(sorted(str(out[k]).split(" | "))))
        return tuple(out)

    return tuple(fix(r) for r in rows.rows)


def _multiset(rows: Rows) -> Counter[tuple[Node | None, ...]]:
    return Counter(_canonical(rows))


def test_every_canned_query_declares_its_bindable_variables() -> None:
    for name in query.names():
        sparql = query.load(name)
        declared = query.bindable(sparql)
        assert declared, f"{name}.rq has no '# bind:' line"
        for var in declared:
            assert f"?{var}" in sparql, f"{name}: ?{var} is not in the query"


@pytest.mark.parametrize(("name", "var"), CASES, ids=[f"{n}-{v}" for n, v in CASES])
def test_binding_filters_never_widens(store: Store, name: str, var: str) -> None:
    everything = store.select(query.load(name))  # the SPARQL itself, never the rows
    column = everything.variables.index(var)
    rows = _canonical(everything)
    values = Counter(row[column] for row in rows if row[column] is not None)
    assert values, f"{name}: ?{var} is never bound in the corpus"
    for value in values:
        bound = query.run(store, name, {var: value})
        expected = Counter(row for row in rows if row[column] == value)
        assert _multiset(bound) == expected, f"{name} with ?{var}={value}"
        if name in views.VIEWS:
            assert _canonical(bound) == tuple(r for r in rows if r[column] == value)
    nobody: Node = (
        URIRef("https://nobody.example/x") if isinstance(value, URIRef) else Literal("Nobody Times")
    )
    assert len(query.run(store, name, {var: nobody})) == 0, f"{name} with ?{var} unmatched"
