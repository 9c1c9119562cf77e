"""Timeline plots of each source's figures (matplotlib, Agg canvas, PNG bytes).

Figures are drawn without pyplot (``matplotlib.figure.Figure`` renders with the Agg
canvas), so no global backend or GUI state is touched. Marker shape shows the bound: ▲ a
lower bound ("more than", "at least"), ▼ an upper bound ("up to", "nearly"), ● a point
("exact"), ◆ "about" with its ±10 % bar, ✚ a derived total.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict
from collections.abc import Sequence

from matplotlib.dates import AutoDateLocator, DateFormatter, DayLocator, date2num
from matplotlib.figure import Figure

from newsprov.analysis._report_data import FigureRow

__all__ = ["MAX_SERIES", "timeline_png"]

MAX_SERIES = 10
_MARKERS = {"more than": "^", "at least": "^", "up to": "v", "nearly": "v", "about": "D"}


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _series(rows: Sequence[FigureRow]) -> dict[str, list[tuple[dt.date, FigureRow]]]:
    """Dated figures by "origin · population", the most frequent series first."""
    series: dict[str, list[tuple[dt.date, FigureRow]]] = defaultdict(list)
    for row in rows:
        day = _date(row.date)
        if day is not None and (row.source or row.via):  # unattributed: no one's series
            series[f"{row.origin} · {row.population}"].append((day, row))
    ranked = sorted(series, key=lambda k: (-len(series[k]), k))[:MAX_SERIES]
    return {k: sorted(series[k], key=lambda p: (p[0], p[1].value)) for k in ranked}


def _draw(fig: Figure, title: str, series: dict[str, list[tuple[dt.date, FigureRow]]]) -> None:
    ax = fig.subplots()
    for i, (name, points) in enumerate(series.items()):
        color = f"C{i % 10}"
        # the line follows each day's highest figure; every figure gets a marker
        peak: dict[dt.date, float] = {}
        for day, row in points:
            peak[day] = max(peak.get(day, row.value), row.value)
        xs = [float(date2num(d)) for d in peak]
        ax.plot(xs, list(peak.values()), color=color, linewidth=1, alpha=0.6, label=name)
        for day, row in points:
            marker = "P" if row.derived else _MARKERS.get(row.qualifier, "o")
            x = float(date2num(day))
            ax.plot([x], [row.value], marker=marker, color=color, markersize=8)
            if row.qualifier == "about":
                ax.errorbar([x], [row.value], yerr=[[row.value * 0.1]], color=color, capsize=3)
    days = sorted({p[0] for points in series.values() for p in points})
    span = (days[-1] - days[0]).days
    # daily reporting: one tick per day (no hour ticks) unless the span is long
    ax.xaxis.set_major_locator(DayLocator() if span <= 21 else AutoDateLocator())
    ax.xaxis.set_major_formatter(DateFormatter("%d %b" if span <= 365 else "%b %Y"))
    ax.margins(x=0.08)
    top = max(row.value for points in series.values() for _, row in points)
    ax.set_ylim(0, top * 1.15 or 1)  # from 0: a rise from 130 to 140 should look like one
    ax.set_title(title, fontsize=11)
    ax.set_ylabel("reported value")
    ax.grid(True, alpha=0.3)
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}")
    ax.legend(fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, frameon=False)


def timeline_png(rows: Sequence[FigureRow], title: str) -> bytes | None:
    """A PNG plotting each source's dated figures over time; None with fewer than two
    dates (a single day is no timeline)."""
    series = _series(rows)
    if len({p[0] for points in series.values() for p in points}) < 2:
        return None
    height = 3.4 + 0.22 * ((len(series) + 1) // 2)
    fig = Figure(figsize=(11, height), dpi=96, layout="constrained")
    _draw(fig, title, series)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()
