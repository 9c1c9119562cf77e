"""The publisher fallback chain: record -> header -> html -> registry -> text -> domain -> wire."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprov.ingest import parse_html, parse_text, read_file
from newsprov.ingest._publisher import derive_name, find_publisher, named_in_text

BODY = "More than 40 homes were flooded on Sunday, the fire service said in a statement."


@pytest.mark.parametrize(
    ("kwargs", "name", "step"),
    [
        ({"record": "agence france-presse", "header": "BBC"}, "AFP", "record"),
        ({"header": "Reuters", "site_name": "Levant Daily"}, "Reuters", "header"),
        ({"site_name": "Levant Daily", "url": "https://www.bbc.co.uk/x"}, "Levant Daily", "html"),
        ({"site_name": "levantdaily.com", "url": "https://levantdaily.com/x"}, "Levant Daily",
         "domain"),  # a host name as site name is no name
        ({"url": "https://www.bbc.co.uk/news/x"}, "BBC News", "registry"),
        ({"site_name": "bbc.co.uk"}, "BBC News", "registry"),
        ({"title": "Floods hit valley | Cedar Valley Courier"}, "Cedar Valley Courier", "text"),
        ({"text": f"{BODY}\n\n© 2025 Cedar Valley Courier. All rights reserved."},
         "Cedar Valley Courier", "text"),
        ({"url": "https://northcoastherald.com/a/b"}, "North Coast Herald", "domain"),
        ({"own_wire": "AFP"}, "AFP", "wire"),
        ({"url": "https://web.archive.org/web/20250310120000/https://www.bbc.co.uk/news/x"},
         "BBC News", "registry"),  # an archived copy: the page it copied
        ({"url": "https://northcoastherald.com", "own_wire": "AFP"}, "North Coast Herald",
         "domain"),
        ({}, None, None),
    ],
)  # fmt: skip
def test_first_step_that_names_a_publisher_wins(
    kwargs: dict[str, str], name: str | None, step: str | None
) -> None:
    kwargs.setdefault("text", BODY)
    found = find_publisher(**kwargs)
    assert (found.name, found.found_by) == (name, step)


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://www.northcoastherald.com/2025/03/09/x", "North Coast Herald"),
        ("https://levantdailyreport.co.uk/", "Levant Daily Report"),
        ("https://wkrn.com/news", "WKRN"),
        ("https://news.timesofcedarvale.org/a", "Times of Cedar Vale"),
        ("https://qzxv.net", "QZXV"),
        ("https://www.thisisbeirut.com.lb/a", "This is Beirut"),
        ("https://newagebd.net/article/1", "New Age BD"),
        ("northcoastherald.com", "North Coast Herald"),
        ("not a url", None),
    ],
)
def test_derived_names_read_the_domain(url: str, name: str | None) -> None:
    assert derive_name(url) == name


@pytest.mark.parametrize(
    ("text", "title", "host", "name"),
    [
        ("LEVANT DAILY REPORT\nHome > World\n" + BODY, None, "levantdailyreport.com",
         "LEVANT DAILY REPORT"),
        (BODY + "\nRead more from The Coastal Ledger", None, "coastalledger.net",
         "The Coastal Ledger"),
        (BODY, "Floods hit valley - Hill Post", None, "Hill Post"),
        ("New Age | Home | Nation\n" + BODY, None, "newagebd.net", "New Age"),
        ("Levant 24 | Levant news\n" + BODY, None, "levant24.com", "Levant 24"),
        (BODY, "Floods hit valley - live updates", None, None),  # not a name
        (BODY, "Floods hit valley | World", None, None),  # a section, not a site
        (BODY + "\n© 2025 AFP", None, None, None),  # a wire's copyright names a wire
        (BODY + "\nCopyright 2024-2025, Delta Mail Group | Terms", None, None,
         "Delta Mail Group"),
        # a known outlet's name alone on the first line: the logo's text
        ("The Mercury News\n\n" + BODY, None, None, "The Mercury News"),
        ("AFP\n\n" + BODY, None, None, None),  # a wire's name names a wire
        ("Breaking News\n\n" + BODY, None, None, None),  # no outlet's name
        # a news site's name before its headline on the first line
        ("Pine Harbor News Online - Death toll in valley floods climbs to 40\n\n" + BODY,
         None, None, "Pine Harbor News Online"),
        ("Reuters - Death toll in valley floods climbs to 40\n\n" + BODY, None, None, None),
        ("Harbor Town Council - Death toll in valley floods climbs to 40\n\n" + BODY,
         None, None, None),  # no media word: a body, not a site
        ("Pine Harbor News - Floods\n\n" + BODY, None, None, None),  # no headline after it
        # a known outlet's name after its headline on an opening line
        ("Menu\nMinister says toll in the cyclone may hit 10,000 – Metro US\n\n" + BODY,
         None, None, "Metro US"),
        ("Minister says toll in the cyclone may hit 10,000 - Officials\n\n" + BODY,
         None, None, None),
        # a news site's name alone on an opening line, or a known outlet's after a word
        ("Floods hit the valley\n\nPine Harbor News\n\n" + BODY, None, None,
         "Pine Harbor News"),
        ("Watch CBS News\n\nFloods hit the valley\n\n" + BODY, None, None, "CBS News"),
        ("Floods hit the valley\n\nFrom the Associated Press\n\n" + BODY, None, None, None),
        ("Fox News Host Leaves\n\n" + BODY, None, None, None),
        # a name in brackets alone on the first line credits the site
        ("(Harbourwire)\n–\n" + BODY, None, None, "Harbourwire"),
        ("(AFP)\n\n" + BODY, None, None, None),  # a wire's name names a wire
    ],
)  # fmt: skip
def test_named_in_text(text: str, title: str | None, host: str | None, name: str | None) -> None:
    assert named_in_text(text, title=title, host=host) == name


@pytest.mark.parametrize(
    ("title", "outlet"),
    [
        # after the dash of a headline above the page's headers: who said it
        ("Polls mostly calm, about 60% turnout - Elections Chief", None),
        ("Toll rises to 40, says health minister - Regional Governor", None),
        # ... or a news site's name
        ("Polls mostly calm, about 60% turnout - Harbour Daily News", "Harbour Daily News"),
    ],
)
def test_a_headline_suffix_names_the_site_only_when_it_looks_like_one(
    title: str, outlet: str | None
) -> None:
    text = f"date 2018-02-10\n\n{title}\n\nFebruary 10, 2018   06:26 pm\n\n{BODY}\n"
    assert parse_text(text, article_id="a").outlet == outlet


def test_a_keyed_title_names_the_site_after_its_dash() -> None:
    text = f"Title: Floods in the valley - The Cedar Sentinel\n\n{BODY}\n"
    assert parse_text(text, article_id="a").outlet == "The Cedar Sentinel"


def test_republished_wire_story_keeps_publisher_and_wire_apart() -> None:
    text = "URL: https://www.cedarvalecourier.com/news/2025/03/09/floods\n\n" + (
        "CEDARVALE (AFP) - " + BODY
    )
    article = parse_text(text, article_id="a")
    assert (article.outlet, article.outlet_from) == ("Cedar Vale Courier", "domain")
    assert article.wires == ("AFP",)


def test_wire_own_story_without_any_site_is_the_wire() -> None:
    article = parse_text("BEIRUT (AFP) - " + BODY, article_id="a")
    assert (article.outlet, article.outlet_from) == ("AFP", "wire")


def test_byline_agency_of_the_publisher_is_no_wire() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Associated Press">'
        '<meta name="author" content="Jane Doe | AP"></head><body><article>'
        f"<p>{BODY} The river rose by two metres overnight and kept rising.</p>"
        "</article></body></html>"
    )
    article = parse_html(html, article_id="a")
    assert (article.outlet, article.outlet_from) == ("Associated Press", "html")
    assert "Associated Press" not in article.wires


def test_html_page_title_names_an_unknown_site() -> None:
    html = (
        "<html><head><title>Homes flooded in valley | Cedar Valley Courier</title></head>"
        f"<body><article><h1>Homes flooded in valley</h1><p>{BODY} The river rose by two "
        "metres overnight.</p></article></body></html>"
    )
    article = parse_html(html, article_id="a")
    assert (article.outlet, article.outlet_from) == ("Cedar Valley Courier", "text")


def test_jsonl_records_read_scrapers_field_names(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "text": BODY, "publisher": "Hill Post", "published_at": "2025-03-09T08:00Z"},
        {"id": "b", "text": BODY, "source": "https://hillpost.in/2025/03/10/x"},
        {"id": "c", "text": BODY, "link": "https://www.bbc.co.uk/news/x", "source": "BBC"},
    ]
    path = tmp_path / "pages.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    a, b, c = read_file(path)
    assert (a.outlet, a.outlet_from, a.date) == ("Hill Post", "record", "2025-03-09")  # type: ignore[union-attr]
    assert (b.url, b.outlet, b.outlet_from) == (  # type: ignore[union-attr]
        "https://hillpost.in/2025/03/10/x",
        "Hill Post",
        "domain",
    )
    assert (c.outlet, c.outlet_from) == ("BBC News", "record")  # type: ignore[union-attr]
