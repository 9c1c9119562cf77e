"""The report tells each event's story: disputes first, each source's latest figure and
timeline, headlines and links rather than ids (on the hand-written corpus)."""

from __future__ import annotations

from pathlib import Path

from crossref_corpus import crossreferenced
from newsprov.analysis import write_report
from newsprov.analysis._report_story import disputes, quantities


def test_quantities_put_disputes_first_and_keep_each_sources_timeline() -> None:
    claims = [
        {"source": "A", "measure": "deaths", "date": "2025-01-02", "text": "12", "title": "T2"},
        {"source": "A", "measure": "deaths", "date": "2025-01-01", "text": "10", "title": "T1"},
        {"source": "A", "measure": "deaths", "date": "2025-01-02", "text": "12", "title": "T3"},
        {"source": "B", "measure": "injuries", "date": "2025-01-01", "text": "5"},
    ]
    verdicts = [
        {"verdict_type": "conflict", "measure": "injuries", "value_a": "5", "value_b": "50"}
    ]
    got = quantities(claims, verdicts)
    assert [(q.name, q.disputed) for q in got] == [("injuries", True), ("deaths", False)]
    (a,) = got[1].lines
    assert a.timeline() == "10 (2025-01-01) → 12 (2025-01-02)"  # a repeat is shown once
    assert (a.latest, a.latest_date) == ("12", "2025-01-02")
    assert disputes(verdicts)[0].ratio == 10.0


def test_report_leads_with_disputes_and_links_headlines(tmp_path: Path) -> None:
    html = write_report(crossreferenced(), tmp_path / "r.html").read_text("utf-8")
    quake = html[html.index("Norvania, 2025-04-02") :]
    quake = quake[: quake.index("</section>")]
    assert quake.index("<h3>Disputes</h3>") < quake.index("<h3>Verdicts</h3>")
    assert '<a href="https://news.example/quake-09-kyodo" rel="noopener noreferrer">' in quake
    assert "Norvania earthquake: ministry revises its toll" in quake
    assert "85 (2025-04-02) → 130 (2025-04-03) → 162 (2025-04-04)" in quake


def test_only_http_links_are_written() -> None:
    from newsprov.analysis._report_html import _link

    assert _link("x", "javascript:alert(1)") == "x"
    assert _link("<b>", "https://a.example/?q=\"'") == (
        '<a href="https://a.example/?q=&quot;&#x27;" rel="noopener noreferrer">&lt;b&gt;</a>'
    )


def test_a_running_total_is_named_in_words() -> None:
    claims = [
        {"source": "A", "measure": "deaths", "scope": "since-start", "date": "2025-01-02"},
        {"source": "A", "measure": "deaths", "scope": "region:varn", "date": "2025-01-02"},
    ]
    names = sorted(q.name for q in quantities(claims, []))
    assert names == ["deaths in region:varn", "deaths since it began"]
