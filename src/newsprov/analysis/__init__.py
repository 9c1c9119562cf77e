"""Cross-referencing: one graph across outlets.

- :func:`refresh` recomputes the derived ``{base}graph/crossref`` named graph over the
  whole store: entity clusters (``np:canonical``, ``owl:sameAs``), events (``np:Event``)
  and verdicts comparing figures (``np:Corroboration``, ``np:Conflict``, ``np:Revision``).
- :func:`write_report` writes the HTML or Markdown cross-reference report.
- :mod:`newsprov.analysis.network` turns query rows into networkx citation graphs.

The pure building blocks (:mod:`~newsprov.analysis.bounds`,
:mod:`~newsprov.analysis.clusters`, :mod:`~newsprov.analysis.events`,
:mod:`~newsprov.analysis.claims`, :mod:`~newsprov.analysis.verdicts`) work on plain
records and need no store.
"""

from newsprov.analysis.crossref import CrossrefSummary, crossref_graph_iri, refresh
from newsprov.analysis.report import write_report

__all__ = ["CrossrefSummary", "crossref_graph_iri", "refresh", "write_report"]
