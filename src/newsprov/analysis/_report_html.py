"""HTML rendering of the cross-reference report: one self-contained page.

Every string from the store goes through :func:`html.escape`; the page loads nothing
(inline CSS, plots as ``data:`` URIs, no scripts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from itertools import groupby

from newsprov.analysis._report_data import EventData, FigureRow, ReportData
from newsprov.analysis._report_story import disputes, quantities
from newsprov.analysis.bounds import format_number

__all__ = ["render_html"]

_CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;
  color:#1d232a;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:20px;margin:0 0 6px}
h3{font-size:16px;margin:22px 0 8px;color:#2d3a48}
section.event{background:#fff;border:1px solid #dde2e8;border-radius:8px;padding:18px 20px;
  margin:18px 0}
.meta{color:#5a6773;font-size:13px}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13px}
th,td{border-bottom:1px solid #e6e9ee;padding:5px 7px;text-align:left;vertical-align:top}
th{background:#f0f3f6;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.conflict td{background:#fdecec}tr.corroboration td{background:#eef8f0}
tr.revision td{background:#fff6e0}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:600}
.badge.conflict{background:#d93b3b;color:#fff}.badge.corroboration{background:#2f8f4e;color:#fff}
.badge.revision{background:#c98a0b;color:#fff}
.sentence{color:#5a6773;font-size:12px;max-width:420px}
.derived{font-style:italic}
figure{margin:8px 0}figure img{max-width:100%;border:1px solid #e6e9ee;border-radius:4px}
figcaption{color:#5a6773;font-size:12px}
table.matrix td{text-align:center}table.matrix td.zero{color:#c3c9d0}
.summary span{margin-right:16px}
.scroll{overflow-x:auto}table.matrix th{min-width:70px}
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _cells(values: Iterable[object], num: Sequence[int] = ()) -> str:
    return "".join(
        f'<td class="num">{_e(v)}</td>' if i in num else f"<td>{_e(v)}</td>"
        for i, v in enumerate(values)
    )


def _head(names: Iterable[str]) -> str:
    return "<tr>" + "".join(f"<th>{_e(n)}</th>" for n in names) + "</tr>"


def _side(v: Mapping[str, str], s: str) -> str:
    who = v[f"source_{s}"] or v[f"via_{s}"] or "unattributed"
    where = v[f"outlet_{s}"] or "unknown outlet"
    text = v[f"text_{s}"] or v[f"value_{s}"]
    return f"{who}: {text} ({where}, {v[f'date_{s}'] or 'undated'}, {v[f'article_{s}']})"


def _link(title: str, url: str) -> str:
    """A headline linking to its article; only http(s) links (article URLs are untrusted)."""
    if url.lower().startswith(("https://", "http://")):
        return f'<a href="{_e(url)}" rel="noopener noreferrer">{_e(title or url)}</a>'
    return _e(title)


def _disputes(event: EventData) -> str:
    found = disputes(event.verdicts)
    if not found:
        return '<p class="meta">No source contradicts another.</p>'
    rows = []
    for d in found:
        sides = [
            f"<td><b>{_e(src)}</b>: {_e(text)} ({_e(date or 'undated')})<br>"
            f"{_link(title, url)}</td>"
            for src, text, date, title, url in (d.a, d.b)
        ]
        rows.append(
            f'<tr class="conflict">{_cells([d.quantity])}{"".join(sides)}{_cells([d.note])}</tr>'
        )
    head = _head(["quantity", "one source", "the other", "why"])
    return f"<table>{head}{''.join(rows)}</table>"


def _story(event: EventData) -> str:
    found = quantities(event.claims, event.verdicts)
    if not found:
        return '<p class="meta">No attributed figures.</p>'
    parts = []
    for q in found:
        mark = ' <span class="badge conflict">disputed</span>' if q.disputed else ""
        rows = "".join(
            f"<tr>{_cells([line.source, line.latest, line.latest_date or 'undated'])}"
            f"<td>{_e(line.timeline())}</td><td>{_link(line.title or line.article_id, line.url)}"
            f"{' · ' + _e(line.outlet) if line.outlet else ''}</td></tr>"
            for line in q.lines
        )
        head = _head(["source", "latest", "as of", "timeline", "latest report"])
        parts.append(f"<h4>{_e(q.name)}{mark}</h4><table>{head}{rows}</table>")
    return "".join(parts)


def _verdicts(event: EventData) -> str:
    if not event.verdicts:
        return '<p class="meta">No two figures of this event could be compared.</p>'
    rows = []
    for v in event.verdicts:
        kind = v["verdict_type"]
        badge = f'<span class="badge {_e(kind)}">{_e(kind)}</span>'
        cells = _cells(
            [
                v["measure"],
                v["population"],
                _side(v, "a"),
                _side(v, "b"),
                v["chains"],
                v["comment"],
            ],
            num=(4,),
        )
        rows.append(f'<tr class="{_e(kind)}"><td>{badge}</td>{cells}</tr>')
    head = _head(["verdict", "measure", "population", "figure A", "figure B", "chains", "why"])
    return f"<table>{head}{''.join(rows)}</table>"


def _figure_row(f: FigureRow, conflicted: set[str]) -> str:
    css = ' class="conflict"' if f.figure in conflicted else ""
    mark = " ⚠" if f.figure in conflicted else ""
    text = f'<span class="derived">{_e(f.text)}</span>' if f.derived else _e(f.text)
    value = format_number(f.value)
    rest = _cells(
        [
            f.population,
            f.source or "—",
            f.via or "—",
            f.outlet or "—",
            f.date or "undated",
            f.article_id,
        ]
    )
    sentence = f'<td class="sentence">{_e(f.sentence)}</td>'
    return f'<tr{css}><td class="num">{_e(value)}{mark}</td><td>{text}</td>{rest}{sentence}</tr>'


def _figures(event: EventData) -> str:
    conflicted = event.conflicted()
    parts = []
    ordered = sorted(event.figures, key=lambda f: (f.measure == "(none)", f.measure))
    for measure, rows in groupby(ordered, key=lambda f: f.measure):
        head = _head(
            [
                "value",
                "as written",
                "population",
                "source",
                "via",
                "outlet",
                "date",
                "article",
                "sentence",
            ]
        )
        body = "".join(_figure_row(f, conflicted) for f in rows)
        parts.append(f"<h4>{_e(measure)}</h4><table>{head}{body}</table>")
    return "".join(parts) or '<p class="meta">No figures.</p>'


def _matrix(event: EventData) -> str:
    if not event.matrix:
        return '<p class="meta">No attributed figures or quotes.</p>'
    outlets = sorted({o for o, _ in event.matrix})
    sources = sorted({s for _, s in event.matrix})
    rows = []
    for outlet in outlets:
        cells = "".join(
            '<td class="zero">·</td>'
            if not event.matrix[(outlet, s)]
            else f"<td>{event.matrix[(outlet, s)]}</td>"
            for s in sources
        )
        rows.append(f"<tr><th>{_e(outlet)}</th>{cells}</tr>")
    head = _head(["outlet \\ source", *sources])
    # many sources make a wide matrix: it scrolls inside the section instead of spilling
    return f'<div class="scroll"><table class="matrix">{head}{"".join(rows)}</table></div>'


def _quotes(event: EventData) -> str:
    if not event.quotes:
        return '<p class="meta">No quotes.</p>'
    head = _head(["speaker", "quote", "via", "outlet", "article"])
    body = "".join(
        f'<tr>{_cells([q.speaker])}<td class="sentence">“{_e(q.text)}”</td>'
        f"{_cells([q.via or '—', q.outlet or '—', q.article_id])}</tr>"
        for q in event.quotes
    )
    return f"<table>{head}{body}</table>"


def _plots(plots: Sequence[tuple[str, str]]) -> str:
    if not plots:
        return '<p class="meta">No dated, attributed figures to plot.</p>'
    return "".join(
        f'<figure><img alt="{_e(caption)}" src="{_e(uri)}"><figcaption>{_e(caption)}'
        "</figcaption></figure>"
        for caption, uri in plots
    )


def _event(event: EventData, plots: Sequence[tuple[str, str]]) -> str:
    dates = " – ".join(d for d in dict.fromkeys([event.first_date, event.last_date]) if d)
    meta = (
        f"{event.articles} article(s): {event.article_ids}"
        f"{' · ' + event.outlets if event.outlets else ''}{' · ' + dates if dates else ''}"
    )
    return (
        f'<section class="event" id="{_e(event.slug)}"><h2>{_e(event.label)}</h2>'
        f'<p class="meta">{_e(meta)}</p>'
        f"<h3>Disputes</h3>{_disputes(event)}"
        f"<h3>What each source says</h3>{_story(event)}"
        f"<h3>Verdicts</h3>{_verdicts(event)}"
        f"<h3>Figures by measure</h3>{_figures(event)}"
        f"<h3>Timeline</h3>{_plots(plots)}"
        f"<h3>Outlet × source</h3>{_matrix(event)}"
        f"<h3>Quotes</h3>{_quotes(event)}</section>"
    )


def _summary(data: ReportData) -> str:
    kinds = [v["verdict_type"] for e in data.events for v in e.verdicts]
    counts = {
        k: len({v["verdict"] for e in data.events for v in e.verdicts if v["verdict_type"] == k})
        for k in sorted(set(kinds))
    }
    figures = sum(len(e.figures) for e in data.events)
    spans = [f"<span>{len(data.events)} event(s)</span>", f"<span>{figures} figure(s)</span>"]
    spans += [f"<span>{n} {_e(k)}(s)</span>" for k, n in counts.items()]
    return f'<p class="summary meta">{"".join(spans)}</p>'


def render_html(data: ReportData, plots: Mapping[str, Sequence[tuple[str, str]]]) -> str:
    """The whole page; ``plots`` maps an event IRI to (caption, data: URI) pairs."""
    sections = "".join(_event(e, plots.get(e.iri, ())) for e in data.events)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>newsprov — cross-reference report</title>"
        f"<style>{_CSS}</style></head><body><main>"
        "<h1>Cross-reference report</h1>"
        f"{_summary(data)}{sections or '<p>No events in the store.</p>'}"
        "</main></body></html>\n"
    )
