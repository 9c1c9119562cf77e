"""parse_html: trafilatura extraction, metadata, publisher, fallback, no network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from newsprov.errors import IngestError
from newsprov.ingest import parse_html
from newsprov.ingest._html import _lxml_text

DATA = Path(__file__).parent / "data" / "ingest"


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test: HTML is parsed, never fetched."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("ingest tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def _page(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def test_wire_page_metadata_and_marks() -> None:
    art = parse_html(_page("wire_page.html"), article_id="w", source_path="w.html")
    assert (art.outlet, art.date, art.wires) == ("Reuters", "2024-05-04", ("Reuters",))
    assert art.url == "https://www.reuters.com/world/europe/valley-towns-cut-off-2024-05-04/"
    assert art.title == "Valley towns cut off as river bursts its banks"
    assert art.text.startswith("LONDON, 4 May 2024 (Reuters) - Floodwater")  # title dropped
    assert "do not read me" not in art.text and "All rights reserved" not in art.text
    assert [art.text[h.start : h.end] for h in art.headings] == ["Roads Closed Across The Valley"]
    assert [c.outlet for c in art.credits] == ["Reuters"]


def test_unknown_site_name_is_the_publisher_and_dateline_is_a_wire() -> None:
    art = parse_html(_page("local_paper.html"), article_id="p")
    assert (art.outlet, art.wires) == ("The Harbour Gazette", ("AFP",))
    assert art.date is None
    assert "\n\n" in art.text  # one paragraph per block


def test_domain_names_the_publisher_without_site_name() -> None:
    html = (
        '<html><head><link rel="canonical" href="https://apnews.com/article/x">'
        "<title>Bridge reopens</title></head><body><article>"
        "<p>The old bridge over the river reopened to traffic on Monday after repairs that "
        "took nearly two years and cost the town council more than it had planned.</p>"
        "<p>Drivers queued for an hour before the barriers were lifted.</p>"
        "</article></body></html>"
    )
    assert parse_html(html, article_id="b").outlet == "Associated Press"


@pytest.mark.parametrize(
    "html", ["", "<html><body></body></html>", "<html><head><title>x</title></head></html>"]
)
def test_page_without_text_is_an_error(html: str) -> None:
    with pytest.raises(IngestError, match="no article text") as info:
        parse_html(html, article_id="e", source_path="in/e.html")
    assert info.value.path == "in/e.html"


def test_lxml_fallback_text() -> None:
    html = (
        "<html><body><script>var x = 1;</script><h2>Road Works</h2>"
        "<p>The lane stays closed.</p><p>  Detours   are signed. </p></body></html>"
    )
    assert _lxml_text(html) == "Road Works\nThe lane stays closed.\nDetours are signed."
