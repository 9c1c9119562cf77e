"""parse_text: datelines and end credits -> wires/outlet, photo credits, headings."""

from __future__ import annotations

import pytest

from newsprov.ingest import parse_text
from newsprov.ingest._agencies import agency_name
from newsprov.model import Article

REST = "Floodwater forced about 2,000 residents from their homes, officials said."
NEXT = "The regional council said 14 people were treated for minor injuries."


def _art(text: str, **meta: str) -> Article:
    return parse_text(text, article_id="t", **meta)


def _spans(art: Article, spans: object) -> list[str]:
    return [art.text[s.start : s.end] for s in spans]  # type: ignore[attr-defined]


DATELINE_CASES = [
    (f"LONDON, 4 May 2024 (Reuters) - {REST}", ("Reuters",)),
    (f"BEIRUT, March 9 (Reuters) - {REST}", ("Reuters",)),
    (f"BEIRUT (AFP) — {REST}", ("AFP",)),
    (f"KYIV, Ukraine (AP) – {REST}", ("Associated Press",)),
    (f"WASHINGTON/KYIV (Reuters) - {REST}", ("Reuters",)),
    (f"(Agence France-Presse) - {REST}", ("AFP",)),
    (f"Sky News/ {REST}", ("Sky News",)),
    (f"Reuters — {REST}", ("Reuters",)),
    (f"AFP - {REST}", ("AFP",)),
    (f"WASHINGTON — {REST}", ()),  # a dateline that credits no agency
    (f"WASHINGTON (Dec 3) - {REST}", ()),
    (f"BEIRUT (Smith) - {REST}", ()),
    (f"The figure was confirmed to the Associated Press (AP) - {REST}", ()),
    (f"Residents told Reuters that {REST}", ()),
    (f"{REST} The mayor spoke to AFP (AP) on Sunday.", ()),
]


@pytest.mark.parametrize(("text", "wires"), DATELINE_CASES)
def test_dateline_wires(text: str, wires: tuple[str, ...]) -> None:
    art = _art(f"{text}\n\n{NEXT}")
    assert art.wires == wires
    assert art.outlet == (wires[0] if wires else None)  # a wire's own story
    assert art.text.startswith(text)  # the dateline stays in the body


def test_dateline_with_two_agencies_uses_canonical_names() -> None:
    art = _art(f"(dpa/ANSA) - {REST}")
    assert art.wires == (agency_name("dpa"), agency_name("ANSA"))
    assert None not in art.wires


@pytest.mark.parametrize(
    ("meta", "outlet"),
    [
        ({"outlet": "The Harbour Gazette"}, "The Harbour Gazette"),
        ({"url": "https://www.reuters.com/world/x"}, "Reuters"),
    ],
)
def test_publisher_and_dateline_wire_both_kept(meta: dict[str, str], outlet: str) -> None:
    art = _art(f"BEIRUT (AFP) — {REST}", **meta)
    assert (art.outlet, art.wires) == (outlet, ("AFP",))


def test_header_publisher_and_dateline_wire_both_kept() -> None:
    art = _art(f"Source: The Harbour Gazette\n\nKYIV, Ukraine (AP) – {REST}")
    assert (art.outlet, art.wires) == ("The Harbour Gazette", ("Associated Press",))


END_CASES = [
    (f"{NEXT}\n\n— AFP", ("AFP",), "AFP", "— AFP"),
    (f"{NEXT} -- Reuters", ("Reuters",), "Reuters", "-- Reuters"),
    (
        f"{NEXT}\n\n(Reporting by Jane Doe in Beirut; Editing by John Roe)",
        ("Reuters",),
        "Reuters",
        "(Reporting by Jane Doe in Beirut; Editing by John Roe)",
    ),
    (
        f"{NEXT}\n\nAFP contributed to this report.",
        ("AFP",),
        None,
        "AFP contributed to this report.",
    ),
    (
        f"{NEXT} The Associated Press contributed to this report.",
        ("Associated Press",),
        None,
        "The Associated Press contributed to this report.",
    ),
    (f"{NEXT}\n\nWith AFP", ("AFP",), None, "With AFP"),
    (f"{NEXT} (With Reuters)", ("Reuters",), None, "(With Reuters)"),
    (f"{NEXT} She said so in an interview with Reuters.", (), None, None),
    (f"{NEXT}\n\nStaff writer Jane Doe contributed to this report.", (), None, None),
    (f"{NEXT} The toll is now 14 - officials", (), None, None),
]


@pytest.mark.parametrize(("ending", "wires", "outlet", "credit"), END_CASES)
def test_end_credits(
    ending: str, wires: tuple[str, ...], outlet: str | None, credit: str | None
) -> None:
    art = _art(f"{REST}\n\n{ending}")
    assert (art.wires, art.outlet) == (wires, outlet)
    assert _spans(art, [c.span for c in art.credits]) == ([credit] if credit else [])


def test_dateline_wire_comes_before_end_credit_wires() -> None:
    art = _art(f"BEIRUT (AFP) — {REST}\n\nReuters contributed to this report.")
    assert (art.outlet, art.wires) == ("AFP", ("AFP", "Reuters"))


CREDIT_CASES = [
    ("Crowds gathered in the square(Lina Haddad/AP)", "(Lina Haddad/AP)", "Lina Haddad",
     "Associated Press"),
    ("Crews search the rubble. (AP Photo/Karim Nasser)", "(AP Photo/Karim Nasser)",
     "Karim Nasser", "Associated Press"),
    ("Smoke over the harbour (Reuters/Tom Baker)", "(Reuters/Tom Baker)", "Tom Baker",
     "Reuters"),
    ("Firefighters at work (Mark Ellis/AFP via Getty Images)",
     "(Mark Ellis/AFP via Getty Images)", "Mark Ellis", "AFP"),
    ("A flooded street in the old town (Getty Images)", "(Getty Images)", None, "Getty Images"),
    ("Smoke over the port (Reuters)", "(Reuters)", None, "Reuters"),
    ("Photo: Ana Silva/AFP", "Photo: Ana Silva/AFP", "Ana Silva", "AFP"),
    ("Residents queue for water. Photo: Agence France-Presse", "Photo: Agence France-Presse",
     None, "AFP"),
    ("A damaged bridge (Omar Said/EPA)", "(Omar Said/EPA)", "Omar Said", agency_name("EPA")),
]  # fmt: skip


@pytest.mark.parametrize(("para", "span", "person", "outlet"), CREDIT_CASES)
def test_photo_credits(para: str, span: str, person: str | None, outlet: str | None) -> None:
    art = _art(f"{REST}\n\n{para}\n\n{NEXT}")
    assert [(art.text[c.span.start : c.span.end], c.person, c.outlet) for c in art.credits] == [
        (span, person, outlet)
    ]
    assert (art.outlet, art.wires) == (None, ())  # a photo credit is not the publisher


NOT_CREDIT_CASES = [
    "The ministry gave the figure (AP) to reporters on Sunday.",
    "Talks on the border (Israel/Gaza) resumed on Monday.",
    "The monitor counted 40 dead, according to the observatory (SOHR)",
    "Both agencies (AFP/Reuters) carried the statement on Monday.",
    "Prices rose (see chart) over the year.",
]


@pytest.mark.parametrize("para", NOT_CREDIT_CASES)
def test_not_photo_credits(para: str) -> None:
    assert _art(f"{REST}\n\n{para}\n\n{NEXT}").credits == ()


HEADING_CASES = [
    ("Widespread Flooding Across The Valley", True),
    ("ODeadliest Week For The Valley Towns", True),  # junk character before the heading
    ("ROADS CLOSED", True),
    ("Power, water cut off", True),
    ("Schools shut for a week", True),
    ("## Aid convoys stalled at the bridge", True),
    ("What Comes Next For The Towns On The River And Their People", True),
    ("The river rose.", False),
    ("Officials said the levee held:", False),
    ("“We lost everything in one night”", False),
    ('"We lost everything"', False),
    ("the water kept rising", False),
    ("Some residents said the water was higher than anything they remember", False),
    ("What Comes Next For The Towns On The River And Their People And Farms", False),
    ("By Jane Doe", False),
    ("- Bridges closed", False),
    ("(Lina Haddad/AP)", False),
    ("1,200 homes flooded", False),
]


@pytest.mark.parametrize(("line", "is_heading"), HEADING_CASES)
def test_headings(line: str, is_heading: bool) -> None:
    art = _art(f"{REST}\n\n{line}\n\n{NEXT}")
    expected = [line.lstrip("# ")] if is_heading else []
    assert _spans(art, art.headings) == expected
    assert line in art.text  # headings stay in the text


def test_last_paragraph_is_not_a_heading() -> None:
    assert _art(f"{REST}\n\nMore Coverage Of The Floods").headings == ()


def test_headings_in_single_newline_text() -> None:
    art = _art(f"{REST}\nRoads Closed Across The Valley\n{NEXT}")
    assert _spans(art, art.headings) == ["Roads Closed Across The Valley"]


def test_wrapped_paragraph_lines_are_not_headings() -> None:
    wrapped = "Officials said the water rose\nQuickly Over The Old Stone Bridge\nbefore dawn."
    assert _art(f"{REST}\n\n{wrapped}\n\n{NEXT}").headings == ()


@pytest.mark.parametrize(
    ("text", "wires"),
    [
        (f"Valley Towns Cut Off\n\nBEIRUT (AFP) — {REST}\n\n{NEXT}", ("AFP",)),
        (f"{NEXT}\n\nBEIRUT (AFP) — {REST}\n\n{NEXT}", ()),  # not the opening paragraph
    ],
)
def test_dateline_only_opens_the_body(text: str, wires: tuple[str, ...]) -> None:
    assert _art(text).wires == wires
