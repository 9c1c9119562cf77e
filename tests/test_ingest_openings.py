"""Round-5 ingest gaps: datelines after page furniture, opening bylines, Canadian credits,
caption credits without parentheses, nested caption markup."""

from __future__ import annotations

from typing import Any

import pytest

from newsprov.ingest import parse_text
from newsprov.ingest._bylines import parse_byline
from newsprov.ingest._html import parse_html
from newsprov.ingest._page import page_extras
from newsprov.model import Article

REST = "Floodwater forced about 2,000 residents from their homes, officials said."
NEXT = "The regional council said 14 people were treated for minor injuries on Monday."
FURNITURE = (
    "World News\nRiver towns cut off as floods spread\nSaturday, 3 May, 2025 - 09:20\n"
    "A man wades through a flooded street in Tessala on May 2, 2025. (AFP)\nValley Daily"
)


def _art(text: str, **meta: Any) -> Article:
    return parse_text(text, article_id="t", **meta)


def _spans(art: Article) -> list[str]:
    return [art.text[c.span.start : c.span.end] for c in art.credits]


@pytest.mark.parametrize(
    ("text", "wires"),
    [
        # a mixed-case dateline after a section label, headline, date, caption and logo
        (f"{FURNITURE}\n\nTessala (AFP) - {REST}\n\n{NEXT}", ("AFP",)),
        (f"{FURNITURE}\n\nTESSALA, Algeria (AP) — {REST}\n\n{NEXT}", ("Associated Press",)),
        # a place in parentheses is no agency
        (f"{FURNITURE}\n\nTessala (Algeria) - {REST}\n\n{NEXT}", ()),
        (f"Oran (Tessala) - {REST}\n\n{NEXT}", ()),
        # "(AP)" inside a sentence is no dateline
        (f"{REST}\n\nA spokesman for the agency (AP) - who asked not to be named - agreed.", ()),
        (f"Officials in Tessala (AP) said {REST}\n\n{NEXT}", ()),
        # a dateline-shaped line after the story has begun is not the story's dateline
        (f"{NEXT}\n\nTessala (AFP) - {REST}\n\n{NEXT}", ()),
    ],
)
def test_dateline_after_page_furniture(text: str, wires: tuple[str, ...]) -> None:
    assert _art(text).wires == wires


@pytest.mark.parametrize(
    ("opening", "wires", "authors"),
    [
        ("By Jane Roe The Canadian Press", ("The Canadian Press",), ("Jane Roe",)),
        ("By Jane Roe, The Canadian Press", ("The Canadian Press",), ("Jane Roe",)),
        ("AFP\nPublished May 3, 2025", ("AFP",), ()),
        ("AFP, Reuters\nUpdated 3 May 2025", ("AFP", "Reuters"), ()),
        ("CNN\nPublished May 3, 2025", (), ()),  # a broadcaster's name is no wire line
        ("Valley Daily\nPublished May 3, 2025", (), ()),
        ("By Tuesday Evening", (), ()),
    ],
)
def test_opening_byline_lines(
    opening: str, wires: tuple[str, ...], authors: tuple[str, ...]
) -> None:
    art = _art(f"Source: Valley Daily\n\n{opening}\n\nKAMLOOPS, B.C. - {REST}\n\n{NEXT}")
    assert (art.outlet, art.wires, art.authors) == ("Valley Daily", wires, authors)


def test_lone_agency_line_naming_the_publisher_is_no_wire() -> None:
    art = _art(f"Source: AFP\n\nAFP\nPublished May 3, 2025\n\n{REST}\n\n{NEXT}")
    assert (art.outlet, art.wires) == ("AFP", ())


def test_lone_agency_line_gives_the_publisher_when_nothing_else_does() -> None:
    assert _art(f"AFP\nPublished May 3, 2025\n\n{REST}\n\n{NEXT}").outlet == "AFP"


@pytest.mark.parametrize(
    ("ending", "wires", "credit"),
    [
        (
            "This report by The Canadian Press was first published Aug. 3, 2025.",
            ("The Canadian Press",),
            "This report by The Canadian Press was first published Aug. 3, 2025.",
        ),
        (
            "With files from The Associated Press and Reuters",
            ("Associated Press", "Reuters"),
            "With files from The Associated Press and Reuters",
        ),
        ("With files from The Canadian Press", ("The Canadian Press",), None),
        ("— With files from Valley Daily’s Jane Roe", (), None),
        ("This report by the council was first published in March.", (), None),
        ("She said she would stay with Reuters.", (), None),
    ],
)
def test_closing_credits(ending: str, wires: tuple[str, ...], credit: str | None) -> None:
    art = _art(f"KAMLOOPS, B.C. - {REST}\n\n{NEXT}\n\n{ending}\n\nSHARE:\nJOIN THE CONVERSATION")
    assert art.wires == wires
    if credit:
        assert credit in _spans(art)


@pytest.mark.parametrize(
    ("byline", "authors", "agencies"),
    [
        ("By Jane Roe The Canadian Press", ("Jane Roe",), ("The Canadian Press",)),
        ("By Press Gallery Staff", (), ()),
    ],
)
def test_byline_without_comma(
    byline: str, authors: tuple[str, ...], agencies: tuple[str, ...]
) -> None:
    parsed = parse_byline(byline)
    assert (parsed.authors, parsed.agencies) == (authors, agencies)


@pytest.mark.parametrize("byline", ["By BBC Persian", "By AFP Arabic", "By RFA Khmer"])
def test_outlet_language_service_is_no_person(byline: str) -> None:
    assert parse_byline(byline).authors == ()


@pytest.mark.parametrize(
    ("caption", "credit", "person", "outlet"),
    [
        (
            "A plane drops water near Tessala, July 28, 2025. REUTERS/Jane Roe",
            "REUTERS/Jane Roe",
            "Jane Roe",
            "Reuters",
        ),
        (
            "Crews on the ridge on Monday. AFP/Omar Haddad.",
            "AFP/Omar Haddad",
            "Omar Haddad",
            "AFP",
        ),
    ],
)
def test_caption_tail_credit(caption: str, credit: str, person: str, outlet: str) -> None:
    art = _art(REST, captions=[caption])
    assert art.text.endswith(caption)
    assert _spans(art) == [credit]
    assert (art.credits[0].person, art.credits[0].outlet) == (person, outlet)


@pytest.mark.parametrize(
    "caption",
    [
        "The council voted 12/3 in favour on Monday.",
        "Residents on the ridge on Monday. Jane Roe/Omar Haddad",  # no agency
        "Crews said the road was open and/or closed. Reuters/AFP",  # no person
    ],
)
def test_caption_without_credit_is_not_appended(caption: str) -> None:
    art = _art(REST, captions=[caption])
    assert (art.text, art.credits) == (REST, ())


PAGE = """<html><head><meta property="og:site_name" content="Valley Daily"></head><body>
<article><h1>River towns cut off as floods spread</h1>
<div class="c-byline">By <span class="c-byline__name">Jane Roe</span></div>
<figure><img src="a.jpg"><figcaption class="c-caption">
<span class="caption__text">Crews reinforce a levee near <b>Tessala</b>, May 2, 2025.</span>
<span class="caption__credit">REUTERS/Omar Haddad</span></figcaption></figure>
<p>TESSALA, Algeria (AP) — Floodwater forced about 2,000 residents from their homes on
Saturday, officials said, as the river rose for a third day.</p>
<p>The regional council said 14 people were treated for minor injuries and that two bridges
had been closed to traffic until engineers could inspect them.</p>
</article></body></html>"""


def test_nested_caption_parts_are_spaced() -> None:
    captions = page_extras(PAGE).captions
    assert captions == ("Crews reinforce a levee near Tessala, May 2, 2025. REUTERS/Omar Haddad",)


def test_html_page_dateline_and_caption_credit() -> None:
    art = parse_html(PAGE, article_id="p")
    assert art.wires == ("Associated Press",)
    assert "REUTERS/Omar Haddad" in _spans(art)
    assert art.authors == ("Jane Roe",)


@pytest.mark.parametrize(
    ("closing", "wires"),
    [
        ("Source: Xinhua", ("Xinhua",)),
        ("Sources: AFP, Reuters", ("AFP", "Reuters")),
        ("Source: Reuters and news agencies", ("Reuters",)),
        ("(FRANCE 24 with AFP)", ("AFP",)),
        ("© 2025 The Associated Press. All rights reserved.", ("Associated Press",)),
        ("AFP, REUTERS", ("AFP", "Reuters")),
        ("© 2025 BBC News", ()),  # a site's own copyright credits no wire
        ("BBC News", ()),  # nor does its name
        ("Source: the city council", ()),
    ],
)
def test_closing_credits_of_pages(closing: str, wires: tuple[str, ...]) -> None:
    text = (
        "Crews cleared the coast road on Sunday after a landslide blocked it for two days.\n\n"
        f"Traffic was back to normal by the evening, the police said.\n\n{closing}"
    )
    assert parse_text(text, article_id="a").wires == wires


def test_dateline_after_page_chrome_and_caption() -> None:
    text = (
        "GULF SHORE POST\nNews | Business | Sport\nSUBSCRIBE NOW\n"
        "Fire halts desalination plant\nFire halts desalination plant\n"
        "Smoke over the plant on Tuesday. (Photo: Salem Obaid/AFP)\n"
        "Residents queue for bottled water at a shop in the old town on Tuesday morning.\n"
        "DUBAI (AFP) - A fire at a desalination plant forced it to shut down on Tuesday, "
        "the utility said.\nNo one was hurt."
    )
    assert parse_text(text, article_id="a").wires == ("AFP",)


@pytest.mark.parametrize(
    ("opening", "wires"),
    [
        ("Beirut / AFP ", ("AFP",)),
        ("WASHINGTON / AP ", ("Associated Press",)),
        ("Samraong (Cambodia) (AFP) – ", ("AFP",)),
        ("Home / World ", ()),  # breadcrumbs name no agency
        ("Tessala (Algeria) - ", ()),
    ],
)
def test_more_dateline_shapes(opening: str, wires: tuple[str, ...]) -> None:
    text = (
        f"{opening}Eight people were killed while trying to cross the border on Sunday, "
        "a monitor said.\n\nThe group gave a higher toll and condemned the killings."
    )
    assert parse_text(text, article_id="a").wires == wires


def test_closing_credit_above_page_footer() -> None:
    footer = "\nShare this story\nFacebook\nMost read\nCouncil approves depot\nAbout us"
    footer += "\nContact\nPrivacy policy\n© 2024 Valdora News Media"
    text = (
        "Crews cleared the coast road on Sunday after a landslide blocked it for two days.\n"
        "Traffic was back to normal by the evening, the police said.\n"
        f"— Reuters{footer}"
    )
    assert parse_text(text, article_id="a").wires == ("Reuters",)


def test_dateline_below_a_long_menu() -> None:
    menu = "Skip to content\nMenu\nHome\nRegion\nNational\nWorld\nBusiness\nSport"
    menu += "\nCulture\nOpinion\nWeather\nJobs\nSign in"
    text = (
        f"{menu}\nMERAN PASS (Reuters) - A bus went off a mountain road on Sunday, killing nine "
        "people, the police said.\nThe driver lost control on a sharp bend, they said."
    )
    assert parse_text(text, article_id="a").wires == ("Reuters",)
