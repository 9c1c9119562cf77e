"""The cross-reference report: self-contained, escaped, HTML and Markdown."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from newsprov.analysis import crossref_graph_iri, write_report
from newsprov.analysis.synthetic import scenario_extractions
from newsprov.errors import ConfigError, QueryError
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store

B = "https://newsprov.org/id/"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def store() -> Store:
    s = Store()
    for ex in scenario_extractions():
        s.replace_graph(graph_iri(ex.article.id, B), extraction_to_graph(ex, B))
    return s


def test_report_refreshes_when_the_crossref_graph_is_missing(store: Store, tmp_path: Path) -> None:
    assert crossref_graph_iri(B) not in store.graphs()
    write_report(store, tmp_path / "r.html")
    assert crossref_graph_iri(B) in store.graphs()


def test_html_is_self_contained(store: Store, tmp_path: Path) -> None:
    out = write_report(store, tmp_path / "sub" / "report.html")
    assert out == tmp_path / "sub" / "report.html"
    html = out.read_text("utf-8")
    # nothing is loaded (links to the articles are followed only when clicked)
    assert not re.search(r"""src\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"""<link[^>]*href""", html, re.I)
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert "@import" not in html and "url(" not in html
    images = re.findall(r'src="data:image/png;base64,([^"]+)"', html)
    assert images and all(base64.b64decode(i).startswith(PNG) for i in images)


def test_markup_in_a_quote_or_figure_text_is_escaped(store: Store, tmp_path: Path) -> None:
    html = write_report(store, tmp_path / "r.html").read_text("utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; we counted every one" in html
    md = write_report(store, tmp_path / "r.md", fmt="md").read_text("utf-8")
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_html_shows_verdicts_figures_timeline_and_matrix(store: Store, tmp_path: Path) -> None:
    html = write_report(store, tmp_path / "r.html").read_text("utf-8")
    for text in [
        "Latakia, 2025-03-08",
        "Quake",
        "Verdicts",
        "Figures by measure",
        "Timeline",
        "Outlet × source",
        "Quotes",
        "The toll keeps rising",
        "at least 1,018 (745 + 125 + 148)",
        "745 is 3.7× 200 (gap 545)",
        "Syrian Observatory for Human Rights",
    ]:
        assert text in html, text
    assert html.count('<tr class="conflict">') >= 3  # the verdict row and both figures
    assert '<span class="badge revision">revision</span>' in html


def test_one_event_by_slug_label_or_iri(store: Store, tmp_path: Path) -> None:
    for name in ("quake", "Quake", f"{B}event/quake"):
        html = write_report(store, tmp_path / "q.html", event=name).read_text("utf-8")
        assert "Quake" in html and "Latakia, 2025-03-08" not in html
    with pytest.raises(QueryError, match="no event 'nowhere'"):
        write_report(store, tmp_path / "x.html", event="nowhere")


def test_markdown_links_plots_written_beside_it(store: Store, tmp_path: Path) -> None:
    out = write_report(store, tmp_path / "report.md", fmt="md")
    md = out.read_text("utf-8")
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", md)
    assert links
    for link in links:
        assert "/" not in link and (tmp_path / link).read_bytes().startswith(PNG)
    assert "| **CONFLICT** |" in md
    assert "## Quake" in md


def test_folder_target_and_bad_format(store: Store, tmp_path: Path) -> None:
    assert write_report(store, tmp_path).name == "report.html"
    with pytest.raises(ConfigError):
        write_report(store, tmp_path / "r.pdf", fmt="pdf")


def test_empty_store_still_writes_a_page(tmp_path: Path) -> None:
    html = write_report(Store(), tmp_path / "e.html").read_text("utf-8")
    assert "No events in the store." in html
