"""Cross-referencing: one graph across outlets.

- :func:`update` brings the stored cross-reference up to date for the articles an ingest
  wrote; :func:`refresh` recomputes all of it: entity clusters (``np:canonical``,
  ``owl:sameAs``) in ``{base}graph/crossref``, and per event (``np:Event``) its claims
  (``np:Claim``) and verdicts (``np:Corroboration``, ``np:Conflict``, ``np:Revision``).
- :func:`~newsprov.analysis.core.crossref` is the pure computation behind both.
- :func:`write_report` writes the HTML or Markdown cross-reference report.
- :mod:`newsprov.analysis.network` turns query rows into networkx citation graphs.

The pure building blocks (:mod:`~newsprov.analysis.bounds`,
:mod:`~newsprov.analysis.clusters`, :mod:`~newsprov.analysis.events`,
:mod:`~newsprov.analysis.claims`, :mod:`~newsprov.analysis.verdicts`) work on plain
records and need no store.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsprov.analysis.crossref import CrossrefSummary, crossref_graph_iri, refresh, update
    from newsprov.analysis.report import write_report

__all__ = ["CrossrefSummary", "crossref_graph_iri", "refresh", "update", "write_report"]

# Imported on first use: an ingest cross-references without the report's matplotlib.
_HOME = {
    "CrossrefSummary": "newsprov.analysis.crossref",
    "crossref_graph_iri": "newsprov.analysis.crossref",
    "refresh": "newsprov.analysis.crossref",
    "update": "newsprov.analysis.crossref",
    "write_report": "newsprov.analysis.report",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_HOME[name]), name)
    globals()[name] = value
    return value
