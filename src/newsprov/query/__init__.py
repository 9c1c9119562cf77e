"""Canned SPARQL queries and their result formats.

The queries are ``.rq`` files in ``queries/`` (package data, loaded with
importlib.resources). :func:`run` takes a canned name, a path to a ``.rq`` file, or SPARQL
text, and binds values to variables through the store (never by string formatting)::

    rows = query.run(store, "figures", {"article_id": "003_b2e476c790d0777a"})
    print(query.to_table_rows(rows))

Canned queries and the variables other code relies on (extra variables may follow):

- ``figures``: article_id, outlet, source, via, value, qualifier, what, sentence
- ``entities``: article_id, name, type
- ``quotes``: article_id, speaker, via, quote
- ``articles``: article_id, outlet, date
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from newsprov.query._catalog import load, names, resolve, table_columns
from newsprov.query._format import to_csv, to_sparql_json, to_table_rows
from newsprov.rdf.store import Bindable, Rows, Store

__all__ = [
    "Rows",
    "load",
    "names",
    "resolve",
    "run",
    "table_columns",
    "to_csv",
    "to_sparql_json",
    "to_table_rows",
]


def run(store: Store, query: str | Path, bindings: Mapping[str, Bindable] | None = None) -> Rows:
    """Run a SELECT (canned name, ``.rq`` path or SPARQL text) with ``bindings`` substituted.

    Raises QueryError for an unknown name, malformed SPARQL, or a non-SELECT query.
    """
    return store.select(resolve(query), bindings)
