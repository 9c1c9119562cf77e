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

from newsprov.analysis.crossref import CrossrefSummary, crossref_graph_iri, refresh, update
from newsprov.analysis.report import write_report

__all__ = ["CrossrefSummary", "crossref_graph_iri", "refresh", "update", "write_report"]
