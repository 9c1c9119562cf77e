"""parse_text: header lines, glued headers and dates (all fixtures invented)."""

from __future__ import annotations

from typing import Any

import pytest

from newsprov.errors import IngestError
from newsprov.ingest import parse_date, parse_text

TITLE = "Valley towns cut off by floods"
BODY = "Rescue crews reached the flooded valley on Tuesday, officials said."


def _fields(text: str, **meta: Any) -> dict[str, Any]:
    art = parse_text(text, article_id="t", **meta)
    return {
        "outlet": art.outlet,
        "date": art.date,
        "url": art.url,
        "title": art.title,
        "event": art.event,
        "wires": art.wires,
        "text": art.text,
    }


HEADER_CASES = [
    (f"• Source:JND\n\n{BODY}", {"outlet": "JND"}),
    (f"Source: Reuters\n{BODY}", {"outlet": "Reuters"}),
    (f"Outlet: Agence France-Presse\n\n{BODY}", {"outlet": "AFP"}),
    (f"Publisher: The Harbour Gazette\n\n{BODY}", {"outlet": "The Harbour Gazette"}),
    (f"Date: 9 March 2025\n\n{BODY}", {"date": "2025-03-09"}),
    (f"Published: March 9, 2025 10:32 GMT\n\n{BODY}", {"date": "2025-03-09"}),
    (f"date 2025-03-09\n\n{BODY}", {"date": "2025-03-09"}),
    (f"Updated: 10 March 2025\n\n{BODY}", {"date": "2025-03-10"}),
    (f"Published: 9 March 2025\nUpdated: 10 March 2025\n\n{BODY}", {"date": "2025-03-09"}),
    (f"Published: 09/03/2025\n\n{BODY}", {"date": None}),  # ambiguous: lifted, not read
    (f"Sunday, 9 March 2025\n\n{BODY}", {"date": "2025-03-09"}),
    (
        f"URL: https://www.reuters.com/world/valley-floods\n\n{BODY}",
        {"url": "https://www.reuters.com/world/valley-floods", "outlet": "Reuters"},
    ),
    (f"https://apnews.com/article/floods\n\n{BODY}", {"outlet": "Associated Press"}),
    (f"Title: {TITLE}\n\n{BODY}", {"title": TITLE}),
    (f"# {TITLE}\n\n{BODY}", {"title": TITLE}),
    (f"Event: Valley floods 2025\n\n{BODY}", {"event": "Valley floods 2025"}),
    (f"By Jane Q. Doe\n\n{BODY}", {"wires": (), "outlet": None}),
    (f"By Jane Doe, Associated Press\n\n{BODY}", {"wires": ("Associated Press",)}),
    (
        f"---\ntitle: Valley floods\ndate: 2025-03-09\nsource: Reuters\n---\n{BODY}",
        {"title": "Valley floods", "date": "2025-03-09", "outlet": "Reuters"},
    ),
    (
        f"Valley towns cut off by floods\nDate: 9 March 2025\n\n{BODY}",
        {"title": "Valley towns cut off by floods", "date": "2025-03-09"},
    ),
    (
        f"Source: JND\r\nDate: 2025-03-09\r\n\r\n{BODY}\r\n",
        {"outlet": "JND", "date": "2025-03-09"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), HEADER_CASES)
def test_header_lines_become_metadata(text: str, expected: dict[str, Any]) -> None:
    got = _fields(text)
    assert got["text"] == BODY
    for key, value in expected.items():
        assert got[key] == value, key


GLUED_CASES = [
    (f" date 2025-03-09 {BODY}", "2025-03-09", None),
    (f"Published: March 9, 2025 {BODY}", "2025-03-09", None),
    (f"Date: 9 March 2025 {BODY}", "2025-03-09", None),
    (f"Source: Reuters {BODY}", None, "Reuters"),
    (f"• Source:Agence France-Presse {BODY}", None, "AFP"),
]


@pytest.mark.parametrize(("text", "date", "outlet"), GLUED_CASES)
def test_glued_header_is_lifted_off_the_first_line(
    text: str, date: str | None, outlet: str | None
) -> None:
    got = _fields(text)
    assert (got["text"], got["date"], got["outlet"]) == (BODY, date, outlet)


NOT_HEADER_CASES = [
    "Date palms lined the road where 9 March 2025 was marked as a holiday.",
    "By the end of the week, 40 homes had been cleared of mud.",
    "Source code for the warning system was never published, the council said.",
    f"{BODY}\n\nSource: Reuters",  # a header-like line after the body stays body
]


@pytest.mark.parametrize("text", NOT_HEADER_CASES)
def test_body_lines_are_not_headers(text: str) -> None:
    got = _fields(text)
    assert got["text"] == text
    assert (got["outlet"], got["date"]) == (None, None)


def test_keyword_metadata_overrides_headers() -> None:
    text = f"Source: JND\nDate: 9 March 2025\nEvent: A\n\n{BODY}"
    got = _fields(text, outlet="Agence France-Presse", date="2025-04-01T08:00:00Z", event="B")
    assert (got["outlet"], got["date"], got["event"]) == ("AFP", "2025-04-01", "B")


def test_unreadable_keyword_date_falls_back_to_header() -> None:
    assert _fields(f"Date: 9 March 2025\n\n{BODY}", date="soon")["date"] == "2025-03-09"


@pytest.mark.parametrize("text", ["", "   \n\n ", "Source: JND\nDate: 9 March 2025\n"])
def test_empty_article_raises_naming_the_source(text: str) -> None:
    with pytest.raises(IngestError, match="empty article") as info:
        parse_text(text, article_id="a1", source_path="in/a1.txt")
    assert info.value.path == "in/a1.txt"


def test_text_is_normalised_and_offsets_index_it() -> None:
    art = parse_text("\ufeffSource: JND\r\n\r\nFirst line.\r\nSecond\x00 line.", article_id="n")
    assert art.text == "First line.\nSecond line."
    assert art.id == "n"


DATE_CASES = [
    ("2025-03-09", "2025-03-09"),
    ("2025-03-09T10:32:00Z", "2025-03-09"),
    ("2025/3/9", "2025-03-09"),
    ("9 March 2025", "2025-03-09"),
    ("9th March, 2025", "2025-03-09"),
    ("March 9, 2025", "2025-03-09"),
    ("Mar. 9, 2025, 10:32 a.m. ET", "2025-03-09"),
    ("Sunday, 9 Mar 2025 10:32 GMT", "2025-03-09"),
    ("Sept. 3, 2024", "2024-09-03"),
    ("Tuesday 3 September 2024 at 10.32am BST", "2024-09-03"),
    ("25/03/2025", "2025-03-25"),
    ("03/25/2025", "2025-03-25"),
    ("09/03/2025", None),  # day/month order unknown
    ("31 February 2025", None),
    ("March 9", None),
    ("next Tuesday", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_parse_date(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"{TITLE}\n\n{BODY}\n\nMore to follow.", TITLE),  # heading-shaped first paragraph
        (f"Floods\n\n{BODY}\n\nMore to follow.", None),  # too short to be a headline
        (f"{BODY}\n\n{TITLE}\n\nMore to follow.", None),  # a later heading is not the title
    ],
)
def test_opening_heading_is_the_title(text: str, title: str | None) -> None:
    art = parse_text(text, article_id="t")
    assert art.title == title
    assert art.text == text  # the headline line stays in the body, marked as a heading


@pytest.mark.parametrize(
    ("text", "repeated"),
    [
        ("Title: Toll at 128; aid sent\n\nToll at 128; aid sent\n\nBody text here.\n", True),
        ("Title: Toll rises to 128\n\nToll rises to 128.\n\nBody text here.\n", True),
        ("Title: Toll rises to 128\n\nThe toll rises to 128, officials said.\n\nMore.\n", False),
    ],
)
def test_headline_repeated_in_the_body_is_not_body(text: str, repeated: bool) -> None:
    article = parse_text(text, article_id="a")
    first = article.text.split("\n\n")[0]
    marked = any(article.text[h.start : h.end] == first for h in article.headings)
    assert marked is repeated
