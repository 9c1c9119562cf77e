"""The RDF layer: records -> triples, the Oxigraph store, SHACL validation.

- :func:`extraction_to_graph` maps one article's :class:`~newsprov.model.Extraction` to an
  rdflib graph (stored as the named graph :func:`graph_iri`).
- :class:`Store` holds one named graph per article.
- :func:`validate` checks a graph against ``ontology/shapes.ttl``.
- :func:`ontology_path` locates the shipped Turtle files (``newsprov.ttl``,
  ``measures.ttl``, ``shapes.ttl``).

This package never imports spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsprov.rdf.iris import graph_iri
    from newsprov.rdf.mapping import extraction_to_graph
    from newsprov.rdf.namespaces import ontology_path
    from newsprov.rdf.store import Rows, Store
    from newsprov.rdf.validate import validate

__all__ = ["Rows", "Store", "extraction_to_graph", "graph_iri", "ontology_path", "validate"]

# imported on first use: a query (newsprov.rdf.store) need not load the mapping (~50 ms)
_HOMES = {
    "Rows": "store",
    "Store": "store",
    "extraction_to_graph": "mapping",
    "graph_iri": "iris",
    "ontology_path": "namespaces",
    "validate": "validate",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"newsprov.rdf.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
