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
from newsprov.viz.scale import (
    CAP,
    NODES_PER_ARTICLE,
    aggregate_graph,
    article_count,
    cut,
    find_entity,
    graphs_naming,
)
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
_FILTERS = ("event", "outlet", "source", "measure")


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
    claims: bool = True,
) -> str:
    """The HTML page drawing ``view``; ``choices`` (filter values) adds the filter form.

    ``claims`` False: ``view`` draws no articles, figures or quotes (the aggregate), so
    the standalone page offers no filters to run over them."""
    net = to_network(view, focus=focus, physics=physics)
    js, css = _vis_assets()
    data = {"nodes": net.nodes, "edges": net.edges, "options": net.options}
    local = None
    if choices is None:  # standalone: filter in page
        local = filter_choices(view) if claims else {name: [] for name in _FILTERS}
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
    cap: int = CAP,
) -> str:
    """The explorer page for ``store`` as an HTML string, drawing at most ``cap`` nodes.

    ``filters`` narrow the graph (values may be IRIs or keys relative to ``base_iri``);
    ``focus`` (an IRI, key or name) keeps only what lies within ``hops`` steps of that
    entity. ``served`` adds filter controls that reload ``explore`` with new parameters
    (only useful behind the server). ``physics`` None picks by size (see
    PHYSICS_THRESHOLD). A store too big to draw article by article is drawn as its
    aggregate, and focus and filters read only the articles that name what they ask for
    (:mod:`newsprov.viz.scale`).
    """
    active = (filters or Filters()).resolved(base_iri)
    articles = article_count(store)
    big = articles * NODES_PER_ARTICLE > cap
    if big and not focus and not active.active:
        return _aggregate_page(store, articles, cap, served, physics)
    graphs, notes = None, []
    if big:
        anchor = find_entity(store, focus, base_iri) if focus else None
        if focus and anchor is None:
            return render_page(
                nx.MultiDiGraph(),
                focus=focus,
                hops=hops,
                filters=active,
                notice=f"{focus}: no such name, key or IRI in the store",
                choices=_no_choices() if served else None,
            )
        anchor = anchor or _first_set(active)
        scoped = graphs_naming(store, anchor or "", max(1, cap // NODES_PER_ARTICLE))
        graphs, focus = scoped.graphs, anchor if focus else None
        if scoped.total > len(graphs):
            notes.append(f"drawn from {len(graphs):,} of the {scoped.total:,} articles naming it")
    graph = build_graph(store, graphs)
    mark_conflicts(graph, store, part=graphs is not None)
    view = apply_filters(graph, active)
    if focus:
        focus = resolve_focus(view, focus, base_iri)
        try:
            view = focus_on(view, focus, hops)
        except FocusError as exc:
            view, notes = nx.MultiDiGraph(), [str(exc)]
    view, left_out = cut(view, cap, focus)
    if left_out:
        notes.append(f"{left_out:,} more nodes not drawn (at most {cap:,}; nearest first)")
    return render_page(
        view,
        focus=focus,
        hops=hops,
        filters=active,
        notice="; ".join(notes) or None,
        physics=physics,
        choices=filter_choices(graph) if served else None,
    )


def _first_set(f: Filters) -> str | None:
    """The filter whose articles are read on a big store: source, outlet, event, measure."""
    return next((v for v in (f.source, f.outlet, f.event, f.measure) if v), None)


def _no_choices() -> dict[str, list[tuple[str, str]]]:
    return {name: [] for name in _FILTERS}


def _aggregate_page(
    store: Store, articles: int, cap: int, served: bool, physics: bool | None
) -> str:
    view = aggregate_graph(store, cap)
    notice = (
        f"{articles:,} articles are too many to draw one by one: this is the aggregate, "
        "outlets and sources, each link the figures and quotes between them. Focus on a "
        "name, or filter, to draw the articles and claims."
    )
    choices = None
    if served:
        choices = _no_choices()
        for node, data in view.nodes(data=True):
            name = "outlet" if data["kind"] == "outlet" else "source"
            choices[name].append((node, data["label"]))
        for values in choices.values():
            values.sort(key=lambda kv: (kv[1].lower(), kv[0]))
    return render_page(view, notice=notice, physics=physics, choices=choices, claims=False)


def write_explorer(
    store: Store,
    out: Path,
    *,
    focus: str | None = None,
    hops: int = 2,
    filters: Filters | None = None,
    base_iri: str = DEFAULT_BASE_IRI,
    cap: int = CAP,
) -> Path:
    """Write the standalone explorer page for ``store`` to ``out`` and return the path."""
    page = explorer_html(store, focus=focus, hops=hops, filters=filters, base_iri=base_iri, cap=cap)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
