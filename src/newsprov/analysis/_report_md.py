"""Markdown rendering of the cross-reference report (plots are PNG files beside it).

Cell text is HTML-escaped (Markdown renderers pass raw HTML through) and pipes and line
breaks are neutralised so a quote cannot break a table.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from itertools import groupby

from newsprov.analysis._report_data import EventData, ReportData
from newsprov.analysis._report_story import disputes, quantities
from newsprov.analysis.bounds import format_number

__all__ = ["render_markdown"]


def _c(value: object) -> str:
    text = escape(str(value), quote=False).replace("|", "\\|")
    return " ".join(text.split())


def _table(head: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(_c(h) for h in head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_c(v) for v in row) + " |" for row in rows]
    return [*lines, ""]


def _side(v: Mapping[str, str], s: str) -> str:
    who = v[f"source_{s}"] or v[f"via_{s}"] or "unattributed"
    text = v[f"text_{s}"] or v[f"value_{s}"]
    return f"{who}: {text} ({v[f'outlet_{s}'] or 'unknown outlet'}, {v[f'date_{s}'] or 'undated'})"


def _link(title: str, url: str) -> str:
    """A Markdown link to an http(s) article URL, else the title alone."""
    if url.lower().startswith(("https://", "http://")):
        safe = url.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
        return f"[{_c(title or url).replace(']', ')')}]({_c(safe)})"
    return _c(title)


def _disputes(event: EventData) -> list[str]:
    found = disputes(event.verdicts)
    if not found:
        return ["No source contradicts another.", ""]
    lines = []
    for d in found:
        (sa, ta, da, tia, ua), (sb, tb, db, tib, ub) = d.a, d.b
        lines.append(
            f"- **{_c(d.quantity)}**: {_c(sa)} {_c(ta)} ({_c(da or 'undated')}, "
            f"{_link(tia, ua)}) vs {_c(sb)} {_c(tb)} ({_c(db or 'undated')}, {_link(tib, ub)})"
        )
    return [*lines, ""]


def _story(event: EventData) -> list[str]:
    lines: list[str] = []
    for q in quantities(event.claims, event.verdicts):
        lines += [f"#### {_c(q.name)}{' (disputed)' if q.disputed else ''}", ""]
        lines += _table(
            ["source", "latest", "as of", "timeline", "latest report"],
            [
                [
                    ln.source,
                    ln.latest,
                    ln.latest_date or "undated",
                    ln.timeline(),
                    ln.title or ln.article_id,
                ]
                for ln in q.lines
            ],
        )
    return lines or ["No attributed figures.", ""]


def _verdicts(event: EventData) -> list[str]:
    if not event.verdicts:
        return ["No two figures of this event could be compared.", ""]
    rows = [
        [
            ("**CONFLICT**" if v["verdict_type"] == "conflict" else v["verdict_type"]),
            v["measure"],
            v["population"],
            _side(v, "a"),
            _side(v, "b"),
            v["comment"],
        ]
        for v in event.verdicts
    ]
    return _table(["verdict", "measure", "population", "figure A", "figure B", "why"], rows)


def _figures(event: EventData) -> list[str]:
    conflicted = event.conflicted()
    lines: list[str] = []
    ordered = sorted(event.figures, key=lambda f: (f.measure == "(none)", f.measure))
    for measure, group in groupby(ordered, key=lambda f: f.measure):
        lines += [f"#### {_c(measure)}", ""]
        rows = [
            [
                format_number(f.value) + (" ⚠" if f.figure in conflicted else ""),
                f.text,
                f.population,
                f.source or "—",
                f.via or "—",
                f.outlet or "—",
                f.date or "undated",
                f.article_id,
            ]
            for f in group
        ]
        lines += _table(
            ["value", "as written", "population", "source", "via", "outlet", "date", "article"],
            rows,
        )
    return lines


def _matrix(event: EventData) -> list[str]:
    if not event.matrix:
        return ["No attributed figures or quotes.", ""]
    outlets = sorted({o for o, _ in event.matrix})
    sources = sorted({s for _, s in event.matrix})
    rows = [[o, *[event.matrix[(o, s)] or "·" for s in sources]] for o in outlets]
    return _table(["outlet \\ source", *sources], rows)


def _quotes(event: EventData) -> list[str]:
    if not event.quotes:
        return ["No quotes.", ""]
    rows = [
        [q.speaker, f"“{q.text}”", q.via or "—", q.outlet or "—", q.article_id]
        for q in event.quotes
    ]
    return _table(["speaker", "quote", "via", "outlet", "article"], rows)


def _event(event: EventData, plots: Sequence[tuple[str, str]]) -> list[str]:
    dates = " – ".join(d for d in dict.fromkeys([event.first_date, event.last_date]) if d)
    lines = [
        f"## {_c(event.label)}",
        "",
        _c(
            f"{event.articles} article(s): {event.article_ids}"
            f"{' · ' + event.outlets if event.outlets else ''}"
            f"{' · ' + dates if dates else ''}"
        ),
        "",
        "### Disputes",
        "",
        *_disputes(event),
        "### What each source says",
        "",
        *_story(event),
        "### Verdicts",
        "",
        *_verdicts(event),
        "### Figures by measure",
        "",
        *_figures(event),
        "### Timeline",
        "",
    ]
    lines += [f"![{_c(caption)}]({name})" for caption, name in plots] or ["No dated figures."]
    return [
        *lines,
        "",
        "### Outlet × source",
        "",
        *_matrix(event),
        "### Quotes",
        "",
        *_quotes(event),
    ]


def render_markdown(data: ReportData, plots: Mapping[str, Sequence[tuple[str, str]]]) -> str:
    """The whole report; ``plots`` maps an event IRI to (caption, relative PNG path)."""
    lines = ["# Cross-reference report", ""]
    for event in data.events:
        lines += _event(event, plots.get(event.iri, ()))
    if not data.events:
        lines.append("No events in the store.")
    return "\n".join(lines).rstrip() + "\n"
