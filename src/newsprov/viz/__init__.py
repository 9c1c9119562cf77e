"""The graph explorer: the store drawn as an interactive, self-contained vis-network page.

``explorer_html(store, ...)`` returns the page; ``write_explorer(store, out, ...)`` writes
it to a file. Both take ``focus`` (an entity IRI or key) with ``hops``, and
:class:`Filters` by event, outlet, source and measure. ``build_graph(store)`` gives the
underlying networkx graph.
"""

from newsprov.viz.conflicts import find_conflicts, mark_conflicts
from newsprov.viz.explorer import explorer_html, render_page, write_explorer
from newsprov.viz.graph import build_graph
from newsprov.viz.render import PHYSICS_THRESHOLD, STYLES, to_network
from newsprov.viz.select import Filters, FocusError, apply_filters, filter_choices, focus_on

__all__ = [
    "PHYSICS_THRESHOLD",
    "STYLES",
    "Filters",
    "FocusError",
    "apply_filters",
    "build_graph",
    "explorer_html",
    "filter_choices",
    "find_conflicts",
    "focus_on",
    "mark_conflicts",
    "render_page",
    "to_network",
    "write_explorer",
]
