"""The cross-reference report: per event, who reported which figure, and whether they agree.

:func:`write_report` writes one self-contained file: HTML with inline CSS and plots
embedded as ``data:`` PNGs (no scripts, no remote fonts, no CDN), or Markdown with the
PNGs written beside it and linked relatively. Every piece of text from the store is
escaped (``html.escape``), so a quote containing ``<script>`` is shown, never run.

Per event it shows the verdicts (conflicts highlighted), the figures by measure with their
sources and outlets, a timeline plot per measure, and an outlet × source matrix.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

from newsprov.analysis import _plots
from newsprov.analysis._report_data import EventData, FigureRow, ReportData, collect
from newsprov.analysis._report_html import render_html
from newsprov.analysis._report_md import render_markdown
from newsprov.analysis.crossref import crossref_graph_iri, refresh
from newsprov.config import Settings
from newsprov.errors import ConfigError
from newsprov.rdf.iris import slugify
from newsprov.rdf.store import Store

__all__ = ["FORMATS", "Plot", "ensure_crossref", "plots_for", "write_report"]

FORMATS = ("html", "md")
Plot = tuple[str, str, bytes]
"""(file stem, caption, PNG bytes) of one timeline plot."""


def _base_of(store: Store) -> str:
    """The base IRI the store's graphs were minted with (default when it is empty)."""
    for graph in store.graphs():
        if "/graph/" in graph:
            return graph[: graph.rindex("/graph/") + 1]
    return Settings().base_iri


def ensure_crossref(store: Store) -> None:
    """Run :func:`~newsprov.analysis.crossref.refresh` if the cross-reference graph is missing."""
    base = _base_of(store)
    if crossref_graph_iri(base) not in store.graphs():
        refresh(store, base)


def _unit(row: FigureRow) -> str:
    return "" if row.unit in {"", "people", "count"} else row.unit


def _by_quantity(figures: list[FigureRow]) -> Iterator[tuple[str, list[FigureRow]]]:
    """Figures by measure (and unit, when not a head count); no measure, no plot."""

    def key(f: FigureRow) -> str:
        return f"{f.measure} ({_unit(f)})" if _unit(f) else f.measure

    ordered = sorted((f for f in figures if f.measure != "(none)"), key=key)
    for quantity, rows in groupby(ordered, key=key):
        yield quantity, list(rows)


def plots_for(event: EventData) -> list[Plot]:
    """One timeline per quantity of the event with attributed figures on two or more dates."""
    plots = []
    for quantity, rows in _by_quantity(event.figures):
        png = _plots.timeline_png(rows, f"{event.label} — {quantity}")
        if png is not None:
            stem = f"{event.slug}-{slugify(quantity)}"
            plots.append((stem, f"{quantity}: each source's figures over time", png))
    return plots


def _html(data: ReportData) -> str:
    plots = {
        e.iri: [
            (caption, "data:image/png;base64," + base64.b64encode(png).decode("ascii"))
            for _, caption, png in plots_for(e)
        ]
        for e in data.events
    }
    return render_html(data, plots)


def _markdown(data: ReportData, out: Path) -> str:
    plots: dict[str, list[tuple[str, str]]] = {}
    for e in data.events:
        plots[e.iri] = []
        for stem, caption, png in plots_for(e):
            name = f"{out.stem}-{stem}.png"
            (out.parent / name).write_bytes(png)
            plots[e.iri].append((caption, name))
    return render_markdown(data, plots)


def _target(out: Path, fmt: str) -> Path:
    if out.is_dir():
        return out / f"report.{fmt}"
    out.parent.mkdir(parents=True, exist_ok=True)
    return out


def write_report(store: Store, out: Path, *, event: str | None = None, fmt: str = "html") -> Path:
    """Write the cross-reference report to ``out`` (a file, or a folder for report.{fmt}).

    ``event`` limits it to one event (IRI, label or slug); ``fmt`` is "html" or "md".
    Returns the path written. Raises ConfigError for an unknown format and QueryError for
    an unknown event.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")
    ensure_crossref(store)
    data = collect(store, event)
    path = _target(Path(out), fmt)
    text = _html(data) if fmt == "html" else _markdown(data, path)
    path.write_text(text, encoding="utf-8")
    return path
