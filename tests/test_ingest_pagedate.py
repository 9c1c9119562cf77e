"""Publication dates from page chrome, datelines and URLs (``ingest._pagedate``)."""

from __future__ import annotations

import pytest

from newsprov.ingest import parse_date, parse_text
from newsprov.ingest._blocks import blocks
from newsprov.ingest._pagedate import page_date, url_date

STORY = "Crews cleared the coast road on Sunday after a landslide blocked it for two days."


@pytest.mark.parametrize(
    ("text", "url", "iso"),
    [
        (f"Home > World\nPublished: 4 June 2024, 18:20 GMT\n\n{STORY}", None, "2024-06-04"),
        (f"Posted on March 10, 2025 by admin\n\n{STORY}", None, "2025-03-10"),
        (f"PUBLISHED Apr 07, 2025, 03:10 PM\n\n{STORY}", None, "2025-04-07"),
        (f"Cairo, 8 March 2025 (dpa) - {STORY}", None, "2025-03-08"),
        (f"DAMASCUS, March 9, 2025 (Xinhua) -- {STORY}", None, "2025-03-09"),
        (f"PORT ELLIS, Jan. 22, 2025 — {STORY}", None, "2025-01-22"),
        (STORY, "https://example.net/world/2025/03/09/landslide", "2025-03-09"),
        (STORY, "https://example.net/world/landslide-2025-03-09/", "2025-03-09"),
        (
            STORY,
            "https://web.archive.org/web/20250411000000/https://example.net/2025/03/09/a",
            "2025-03-09",
        ),  # the archived page's date, not the day it was archived
        (f"Updated 11:02 AM GMT+5:45, April 3, 2025\n\n{STORY}", None, "2025-04-03"),
        (f"Share\nSave\n14 February 2025\n\n{STORY}", None, "2025-02-14"),
        (f"Kestrel Valley Star\nMar 18, 2025 | 3 min read\n\n{STORY}", None, "2025-03-18"),
        (f"• 9 mars 2025\n\n{STORY}", None, "2025-03-09"),
        (f"By - May 09,2023 - Last updated at May 09,2023\n\n{STORY}", None, "2023-05-09"),
        # a labelled publication date beats the dateline, the dateline beats the URL
        (f"Published 2 May 2025\n\nLIMA, 1 May 2025 (EFE) - {STORY}", None, "2025-05-02"),
        (f"LIMA, 1 May 2025 (EFE) - {STORY}", "https://x.net/2025/05/03/a", "2025-05-01"),
        # the URL beats an update line and a bare (masthead) date line
        (f"Updated 5 May 2025\n\n{STORY}", "https://x.net/2025/05/03/a", "2025-05-03"),
        # nothing: no date, a date deep in the story, a date with no year
        (STORY, "https://example.net/story/9981", None),
        (f"{STORY}\n\nThe road was first closed on 3 March 2025 by the council.", None, None),
        (
            f"The plan, first published on 3 March 2025, was approved on Sunday by the council."
            f"\n\n{STORY}",
            None,
            None,
        ),
        (f"BEIRUT, March 9 (Reuters) - {STORY}", None, None),
    ],
)
def test_page_date(text: str, url: str | None, iso: str | None) -> None:
    assert page_date(blocks(text), url) == iso


def test_dateline_date_beats_a_masthead_date_line() -> None:
    text = (
        "LEVANT DAILY REPORT\n• Sunday, 09 March 2025\nHome › World\n\n"
        f"Cairo, 8 March 2025 (dpa) - {STORY}\n\nTraffic was back to normal by the evening."
    )
    assert parse_text(text, article_id="a").date == "2025-03-08"


def test_keyed_header_date_still_wins() -> None:
    text = f"date 2025-03-07\n\nCairo, 8 March 2025 (dpa) - {STORY}"
    assert parse_text(text, article_id="a").date == "2025-03-07"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("9 mars 2025", "2025-03-09"),
        ("9. März 2025", "2025-03-09"),
        ("2025年3月9日", "2025-03-09"),
        ("Sun 9th of March 2025", "2025-03-09"),
        ("09/03/2025", None),  # day and month order unknown
        ("March 2025 budget", None),
        ("The toll rose to 2025 on Sunday", None),
    ],
)
def test_parse_date_reads_other_shapes_with_dateparser(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_url_without_a_scheme_or_date_gives_none() -> None:
    assert url_date("example.net/2025/03/09/x") is None
    assert url_date("https://example.net/a/b/12345") is None
