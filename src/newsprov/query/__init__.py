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

Every query may use the prefixes of :data:`PREFIXES` (``np:``, ``schema:``, ``prov:``,
``oa:``, ``skos:``, ``rdfs:``, ``rdf:``, ``xsd:``, ``owl:``, ``npm:``) without declaring
them: the store, the CLI, the query page and the SPARQL endpoint all predefine them.

The default graph is the union of the article graphs. Oxigraph repeats a triple once per
graph holding it (an outlet's label sits in every article that names the outlet), so
write ``SELECT DISTINCT`` (or ``COUNT(DISTINCT …)``), or match inside ``GRAPH ?g``.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from newsprov.query._catalog import bindable, load, names, resolve, table_columns
from newsprov.query._format import (
    RECORD_VIEW_BELOW,
    rows_view,
    to_csv,
    to_records,
    to_sparql_json,
    to_table_rows,
)
from newsprov.query._stream import Stream, display_term, stream, write_csv, write_json
from newsprov.rdf.namespaces import PREFIXES
from newsprov.rdf.store import Bindable, Rows, Store
from newsprov.rdf.views import view_for

__all__ = [
    "PREFIXES",
    "RECORD_VIEW_BELOW",
    "Rows",
    "Stream",
    "bindable",
    "display_term",
    "load",
    "names",
    "prefix_block",
    "resolve",
    "rows_view",
    "run",
    "stream",
    "table_columns",
    "to_csv",
    "to_records",
    "to_sparql_json",
    "to_table_rows",
    "write_csv",
    "write_json",
]


def run(store: Store, query: str | Path, bindings: Mapping[str, Bindable] | None = None) -> Rows:
    """Run a SELECT (canned name, ``.rq`` path or SPARQL text) with ``bindings`` substituted.

    Raises QueryError for an unknown name, malformed SPARQL, or a non-SELECT query.
    """
    sparql = resolve(query)
    if isinstance(store, Store) and view_for(sparql) is not None:
        return stream(store, sparql, bindings).to_rows()
    return store.select(sparql, bindings)


def prefix_block() -> str:
    """The predefined prefixes as SPARQL ``PREFIX`` lines (for editors and documents)."""
    width = max(len(p) for p in PREFIXES) + 1
    return "".join(f"PREFIX {p + ':':<{width}} <{iri}>\n" for p, iri in sorted(PREFIXES.items()))
