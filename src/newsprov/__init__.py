"""newsprov: a source-cross-referencing knowledge graph for news.

Which outlet quotes which source for which figure, and where they disagree::

    import newsprov as nw

    with nw.open_store() as store:                  # in memory; or open_store("folder")
        nw.ingest_files(store, "examples/")          # .txt .md .html .json .jsonl, folders
        df = nw.select(store, "figures").to_dataframe()
        nw.select(store, "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a np:Figure }")
        nw.export(store, "graph.ttl")

See :mod:`newsprov.api` for every function; errors are :class:`NewsprovError` subclasses
(:mod:`newsprov.errors`).
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from newsprov.config import Settings
from newsprov.errors import NewsprovError, QueryError

if TYPE_CHECKING:
    from newsprov.api import (
        Explorer,
        Result,
        citation_network,
        explorer,
        export,
        ingest_files,
        ingest_text,
        iri,
        knowledge_graph,
        open_store,
        push,
        queries,
        select,
        write_network,
    )
    from newsprov.rdf.store import Store

__version__ = "0.1.0"

__all__ = [
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

# Imported on first use, so that the command line (``newsprov --help``, ``ingest``) does not
# pay for rdflib, the store and the query formats before it needs them.
_LAZY = {name: "newsprov.api" for name in __all__ if name[0].islower() and name != "__version__"}
_LAZY.update(Explorer="newsprov.api", Result="newsprov.api", Store="newsprov.rdf.store")


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value
