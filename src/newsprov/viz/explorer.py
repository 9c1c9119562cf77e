"""The explorer page: one self-contained HTML file drawing the store's graph.

The page works offline. vis-network's JavaScript and CSS are copied inline from the
pyvis package (pyvis's own template links Bootstrap from a CDN, so it is not used);
graph data is embedded as JSON escaped for a ``<script>`` block, and every text value is
escaped by Jinja2's autoescaping. Served at ``/explore`` (with filter controls that
reload the page) and written as a file by :func:`write_explorer`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import networkx as nx
import pyvis

from newsprov.config import DEFAULT_BASE_IRI
from newsprov.rdf.store import Store
from newsprov.viz.conflicts import mark_conflicts
from newsprov.viz.graph import build_graph
from newsprov.viz.render import CONFLICT_COLOR, CONFLICT_LINK, PHYSICS_THRESHOLD, STYLES, to_network
from newsprov.viz.select import (
    Filters,
    FocusError,
    apply_filters,
    filter_choices,
    filter_data,
    focus_on,
    resolve_focus,
)

__all__ = ["explorer_html", "render_page", "write_explorer"]

_VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


@cache
def _env() -> jinja2.Environment:
    loader = jinja2.PackageLoader("newsprov.viz", "static")
    return jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined)


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS, safe to put inside <script>/<style>."""
    js = (_VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    css = (_VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    return _SCRIPT_END.sub(r"<\\/\1", js), css.replace("</style", "<\\/style")


def render_page(
    view: nx.MultiDiGraph,
    *,
    title: str = "newsprov explorer",
    focus: str | None = None,
    hops: int = 2,
    filters: Filters | None = None,
    choices: dict[str, list[tuple[str, str]]] | None = None,
    notice: str | None = None,
    physics: bool | None = None,
) -> str:
    """The HTML page drawing ``view``; ``choices`` (filter values) adds the filter form."""
    net = to_network(view, focus=focus, physics=physics)
    js, css = _vis_assets()
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options}
    local = filter_choices(view) if choices is None else None  # standalone: filter in page
    context: dict[str, Any] = {
        "title": title,
        "data": data,
        "vis_js": js,
        "vis_css": css,
        "legend": [
            (kind, style["color"], style["shape"])
            for kind, style in STYLES.items()
            if kind != "entity"
        ],
        "conflict_color": CONFLICT_COLOR["background"],
        "conflict_link": CONFLICT_LINK,
        "local_choices": local,
        "filter_data": filter_data(view) if local is not None else None,
        "n_nodes": view.number_of_nodes(),
        "n_edges": view.number_of_edges(),
        "n_conflicts": sum(1 for r in net.nodes if r["conflict"]),
        "physics": net.options["physics"]["enabled"],
        "threshold": PHYSICS_THRESHOLD,
        "focus": focus or "",
        "hops": hops,
        "filters": filters or Filters(),
        "choices": choices,
        "notice": notice,
    }
    return _env().get_template("explorer.html").render(**context)


def explorer_html(
    store: Store,
    *,
    focus: str | None = None,
    hops: int = 2,
    filters: Filters | None = None,
    base_iri: str = DEFAULT_BASE_IRI,
    served: bool = False,
    physics: bool | None = None,
) -> str:
    """The explorer page for ``store`` as an HTML string.

    ``filters`` narrow the graph (values may be IRIs or keys relative to ``base_iri``);
    ``focus`` (an IRI or key) keeps only what lies within ``hops`` steps of that entity.
    ``served`` adds filter controls that reload ``explore`` with new parameters (only
    useful behind the server). ``physics`` None picks by size (see PHYSICS_THRESHOLD).
    """
    graph = build_graph(store)
    mark_conflicts(graph, store)
    active = (filters or Filters()).resolved(base_iri)
    view = apply_filters(graph, active)
    notice = None
    if focus:
        focus = resolve_focus(view, focus, base_iri)
        try:
            view = focus_on(view, focus, hops)
        except FocusError as exc:
            view, notice = nx.MultiDiGraph(), str(exc)
    return render_page(
        view,
        focus=focus,
        hops=hops,
        filters=active,
        notice=notice,
        physics=physics,
        choices=filter_choices(graph) if served else None,
    )


def write_explorer(
    store: Store,
    out: Path,
    *,
    focus: str | None = None,
    hops: int = 2,
    filters: Filters | None = None,
    base_iri: str = DEFAULT_BASE_IRI,
) -> Path:
    """Write the standalone explorer page for ``store`` to ``out`` and return the path."""
    page = explorer_html(store, focus=focus, hops=hops, filters=filters, base_iri=base_iri)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
