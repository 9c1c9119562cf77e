"""Bylines -> Article.authors / byline_place, HTML captions -> credits, desk lines -> wires."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprov.ingest import parse_html, parse_text, read_file
from newsprov.ingest._bylines import Byline, parse_byline
from newsprov.model import Article

BODY = (
    "Floodwater cut off three valley towns on Sunday, the regional council said.\n\n"
    "The council said 40 homes had been evacuated overnight."
)

BYLINE_CASES = [
    ("By Amira Saleh, BBC News, Khartoum", ("Amira Saleh",), "Khartoum", ("BBC News",)),
    ("By Tomas Brandt, BBC News, Los Angeles", ("Tomas Brandt",), "Los Angeles", ("BBC News",)),
    ("Giulia Ferri in Naples", ("Giulia Ferri",), "Naples", ()),
    ("By Hana Ortiz and Felix Grant, CNN", ("Hana Ortiz", "Felix Grant"), None, ("CNN",)),
    ("Ana Ruiz, Li Wei and Omar al-Masri", ("Ana Ruiz", "Li Wei", "Omar al-Masri"), None, ()),
    ("Ana Ruiz, Li Wei, and Omar al-Masri, Reuters", ("Ana Ruiz", "Li Wei", "Omar al-Masri"),
     None, ("Reuters",)),
    ("By Jane Doe, Middle East correspondent", ("Jane Doe",), None, ()),
    ("By Jane Doe, Senior Correspondent, Beirut", ("Jane Doe",), "Beirut", ()),
    ("Jane Q. Doe", ("Jane Q. Doe",), None, ()),
    ("Byline: Jane Doe in Beirut and John Roe in Damascus", ("Jane Doe", "John Roe"), "Beirut", ()),
    ("Jane Doe for the Associated Press", ("Jane Doe",), None, ("Associated Press",)),
    ("By Jane Doe | Reuters", ("Jane Doe",), None, ("Reuters",)),
    ("Nadia Farah; BBC News", ("Nadia Farah",), None, ("BBC News",)),
    ("By Jane Doe and agencies", ("Jane Doe",), None, ()),
    ("By AFP", (), None, ("AFP",)),
    # a job title run on after the last name, no comma between
    ("By Ana Ruiz, Li Wei and Omar Haddad Staff writers", ("Ana Ruiz", "Li Wei", "Omar Haddad"),
     None, ()),
    ("By Jane Doe Senior Correspondent", ("Jane Doe",), None, ()),
    ("Reuters staff", (), None, ("Reuters",)),
    # not bylines: nobody is named
    ("By the numbers", (), None, ()),
    ("By Tuesday, officials said the toll had risen", (), None, ()),
    ("Staff Reporter", (), None, ()),
    ("By 2025 the dam will be finished", (), None, ()),
    ("https://www.example.com/profile/jane-doe", (), None, ()),
]  # fmt: skip


@pytest.mark.parametrize(("text", "authors", "place", "agencies"), BYLINE_CASES)
def test_parse_byline(
    text: str, authors: tuple[str, ...], place: str | None, agencies: tuple[str, ...]
) -> None:
    assert parse_byline(text) == Byline(authors, place, agencies)


def test_an_empty_byline_is_false() -> None:
    assert not parse_byline("By the numbers")
    assert parse_byline("By Jane Doe")


TEXT_CASES = [
    (f"Source: BBC News\n\nBy Amira Saleh, BBC News, Khartoum\n\n{BODY}", ("Amira Saleh",),
     "Khartoum"),
    (f"Valley towns cut off\n\nBy Tomas Brandt, Reuters\n\n{BODY}", ("Tomas Brandt",), None),
    (f"Byline: Giulia Ferri in Naples\n\n{BODY}", ("Giulia Ferri",), "Naples"),
    (f"---\nbyline: Hana Ortiz and Felix Grant\n---\n{BODY}", ("Hana Ortiz", "Felix Grant"), None),
]  # fmt: skip


@pytest.mark.parametrize(("text", "authors", "place"), TEXT_CASES)
def test_text_byline_lines_give_authors(
    text: str, authors: tuple[str, ...], place: str | None
) -> None:
    art = parse_text(text, article_id="t")
    assert (art.authors, art.byline_place, art.text) == (authors, place, BODY)


def test_a_bulleted_byline_opening_the_body_gives_authors() -> None:
    text = f"Valley towns cut off\n\n- By Ana Ruiz and Omar Haddad Staff writers\n\n{BODY}"
    assert parse_text(text, article_id="t").authors == ("Ana Ruiz", "Omar Haddad")


def test_by_the_numbers_stays_in_the_body() -> None:
    art = parse_text(f"By the numbers\n\n{BODY}", article_id="t")
    assert art.authors == ()
    assert art.text.startswith("By the numbers")


def test_a_by_sentence_in_the_body_is_no_byline() -> None:
    text = f"{BODY}\n\nBy Tuesday, officials said the water had begun to recede."
    art = parse_text(text, article_id="t")
    assert (art.authors, art.byline_place) == ((), None)
    assert art.text == text


def test_byline_agencies_are_wires_and_caller_metadata_adds() -> None:
    art = parse_text(
        f"By Jane Doe, Associated Press\n\n{BODY}",
        article_id="t",
        authors=("Lena Kovac",),
        byline_place="Sarajevo",
    )
    assert art.wires == ("Associated Press",)
    assert art.authors == ("Lena Kovac", "Jane Doe")
    assert art.byline_place == "Sarajevo"


# --- DW-style closing agency line ----------------------------------------------------

DESK_CASES = [
    ("lo/jcg (AFP, Reuters, dpa)", ("AFP", "Reuters", "dpa")),
    ("kb/rm (AP, dpa)", ("Associated Press", "dpa")),
    ("ab (Reuters)", ("Reuters",)),
    ("(AFP, dpa)", ("AFP", "dpa")),
]


@pytest.mark.parametrize(("line", "wires"), DESK_CASES)
def test_desk_line_names_the_wires(line: str, wires: tuple[str, ...]) -> None:
    art = parse_text(f"Source: DW\n\n{BODY}\n\n{line}", article_id="t")
    assert art.wires == wires
    assert art.outlet == "Deutsche Welle"
    assert [art.text[c.span.start : c.span.end] for c in art.credits] == [line]


def test_desk_line_glued_to_the_last_paragraph() -> None:
    art = parse_text(f"{BODY}\nlo/jcg (AFP, Reuters, dpa)", article_id="t")
    assert art.wires == ("AFP", "Reuters", "dpa")


def test_desk_line_needs_known_agencies_and_its_own_line() -> None:
    art = parse_text(f"{BODY}\n\nab/cd (Smith, Jones)", article_id="t")
    assert art.wires == ()
    art = parse_text(f"{BODY} The river (AFP) rose again.", article_id="t")
    assert art.wires == ()


# --- HTML ------------------------------------------------------------------------------

_PARA_TEXTS = (
    "Floodwater cut off three valley towns on Sunday, the regional council said, after the "
    "river burst its banks for the second time in a month.",
    "The council said 40 homes had been evacuated overnight and more rain was forecast for "
    "the hills above the valley on Monday and Tuesday.",
    "Volunteers filled sandbags along the river embankment through the night while "
    "firefighters pumped water out of the cellars of the old town.",
    "Schools in the three towns will stay closed until Wednesday, the education office said "
    "in a statement posted on its website.",
    "Farmers said the water had ruined much of the maize harvest in the lower fields, and "
    "asked the government for emergency help with feed for their animals.",
    "The last time the river rose this high, residents said, the bridge at the mill had "
    "been swept away and the towns were cut off for a week.",
)
_PARAS = "".join(f"<p>{p}</p>" for p in _PARA_TEXTS)


def _page(head: str = "", top: str = "", figure: str = "", tail: str = "") -> str:
    return (
        "<html><head><title>Valley floods</title>"
        '<meta property="og:site_name" content="The Guardian">'
        f"{head}</head><body><article><h1>Valley floods</h1>{top}"
        f"<div class='article-body'>{_PARAS}{figure}</div></article>{tail}</body></html>"
    )


HTML_BYLINE_CASES = [
    (_page(head='<meta name="author" content="Lena Kovac">'), ("Lena Kovac",), None),
    (_page(top="<address>Lena Kovac in Sarajevo</address>"), ("Lena Kovac",), "Sarajevo"),
    (_page(top="<div class='byline'>By Hana Ortiz and Felix Grant, CNN</div>"),
     ("Hana Ortiz", "Felix Grant"), None),
    (_page(top="<p>By <a rel='author' href='/p/lk'>Lena Kovac</a></p>"), ("Lena Kovac",), None),
    (_page(top="<span itemprop='author'>Lena Kovac</span>"), ("Lena Kovac",), None),
    (_page(head='<meta name="author" content="Lena Kovac, Piotr Nowak">'),
     ("Lena Kovac", "Piotr Nowak"), None),
    (_page(tail="<aside><div class='byline'>By Other Writer</div></aside>"), (), None),
    (_page(), (), None),
]  # fmt: skip


@pytest.mark.parametrize(("html", "authors", "place"), HTML_BYLINE_CASES)
def test_html_bylines(html: str, authors: tuple[str, ...], place: str | None) -> None:
    art = parse_html(html, article_id="h")
    assert (art.authors, art.byline_place) == (authors, place)
    assert "Lena Kovac" not in art.text


def test_html_byline_agency_is_a_wire_unless_it_is_the_publisher() -> None:
    html = _page(top="<div class='byline'>By Lena Kovac, Associated Press</div>")
    assert parse_html(html, article_id="h").wires == ("Associated Press",)
    html = _page(top="<div class='byline'>By Lena Kovac, The Guardian</div>")
    assert parse_html(html, article_id="h").wires == ()


def _credits(art: Article) -> list[tuple[str, str | None, str | None]]:
    return [(art.text[c.span.start : c.span.end], c.person, c.outlet) for c in art.credits]


CAPTION_CASES = [
    ("<figure><img src='a.jpg' alt='x'><figcaption>Sandbags on the embankment. "
     "Photograph: Piotr Nowak/Reuters</figcaption></figure>",
     "Sandbags on the embankment. Photograph: Piotr Nowak/Reuters",
     [("Photograph: Piotr Nowak/Reuters", "Piotr Nowak", "Reuters")]),
    ("<figure><figcaption>A flooded street in the old town (Photo: Reuters)</figcaption></figure>",
     "A flooded street in the old town (Photo: Reuters)",
     [("(Photo: Reuters)", None, "Reuters")]),
    ("<div class='image-caption'>Rescuers at the bridge (Piotr Nowak/AP)</div>",
     "Rescuers at the bridge (Piotr Nowak/AP)",
     [("(Piotr Nowak/AP)", "Piotr Nowak", "Associated Press")]),
]  # fmt: skip


@pytest.mark.parametrize(("figure", "caption", "credits"), CAPTION_CASES)
def test_credited_caption_is_appended_and_marked(
    figure: str, caption: str, credits: list[tuple[str, str | None, str | None]]
) -> None:
    art = parse_html(_page(figure=figure), article_id="h")
    assert art.text.endswith(f"{_last_para()}\n\n{caption}")
    assert _credits(art) == credits
    assert art.wires == ()  # a photo credit names no wire


def _last_para() -> str:
    return _PARA_TEXTS[-1]


def test_uncredited_and_boxed_captions_are_left_out() -> None:
    figure = "<figure><figcaption>Sandbags on the embankment</figcaption></figure>"
    related = (
        "<section class='related'><figure><figcaption>Old flood (Piotr Nowak/AP)"
        "</figcaption></figure></section>"
    )
    art = parse_html(_page(figure=figure, tail=related), article_id="h")
    assert art.text.endswith(_last_para())
    assert art.credits == ()


def test_caption_already_in_the_text_is_not_repeated() -> None:
    caption = "Rescuers at the bridge (Piotr Nowak/AP)"
    art = parse_text(f"{BODY}\n\n{caption}", article_id="t", captions=[f" {caption}\n"])
    assert art.text.count("Rescuers at the bridge") == 1
    assert _credits(art) == [("(Piotr Nowak/AP)", "Piotr Nowak", "Associated Press")]


def test_captions_follow_the_body_so_end_credits_still_count() -> None:
    text = f"{BODY}\n\n— AFP"
    captions = ["Rescuers at the bridge (Piotr Nowak/AP)", "A flooded street (Lena Kovac/EPA)"]
    art = parse_text(text, article_id="t", captions=captions)
    assert art.wires == ("AFP",)
    assert art.text == "\n\n".join([text, *captions])
    assert [c.person for c in art.credits] == [None, "Piotr Nowak", "Lena Kovac"]


# --- JSON records ----------------------------------------------------------------------

JSON_CASES = [
    ({"author": "Lena Kovac"}, ("Lena Kovac",), None, ()),
    ({"authors": ["Lena Kovac", "Piotr Nowak"]}, ("Lena Kovac", "Piotr Nowak"), None, ()),
    ({"authors": [{"name": "Lena Kovac"}, {"url": "x"}, 7]}, ("Lena Kovac",), None, ()),
    ({"author": {"name": "Lena Kovac"}}, ("Lena Kovac",), None, ()),
    ({"byline": "By Lena Kovac, AFP, Sarajevo"}, ("Lena Kovac",), "Sarajevo", ("AFP",)),
    ({"author": "Lena Kovac; Piotr Nowak"}, ("Lena Kovac", "Piotr Nowak"), None, ()),
    ({"author": 42}, (), None, ()),
    ({"byline": "By the numbers"}, (), None, ()),
]


@pytest.mark.parametrize(("fields", "authors", "place", "wires"), JSON_CASES)
def test_json_author_fields(
    tmp_path: Path,
    fields: dict[str, object],
    authors: tuple[str, ...],
    place: str | None,
    wires: tuple[str, ...],
) -> None:
    path = tmp_path / "rec.json"
    path.write_text(json.dumps({"id": "r1", "text": BODY, **fields}), encoding="utf-8")
    [art] = read_file(path)
    assert isinstance(art, Article)
    assert (art.authors, art.byline_place, art.wires) == (authors, place, wires)
