"""Page furniture the name and figure rules leave alone: other stories' headlines listed
on the page (texts of our own)."""

from __future__ import annotations

import pytest

from newsprov.nlp.gazetteer import clutter_lines, headline_lines

STORY = "The bridge reopened on Monday after 12 days, the council said.\n"


@pytest.mark.parametrize(
    ("text", "headlines"),
    [
        # two or more bullet lines in title case after the story
        (
            STORY + "- The Rise of Rents and the End of the Boom\n"
            "- Column: 5 Simple Ways to Cut Your Heating Bill\n",
            [
                "- The Rise of Rents and the End of the Boom",
                "- Column: 5 Simple Ways to Cut Your Heating Bill",
            ],
        ),
        (
            STORY + "• Harbour Board Votes to Sell the Old Pier\n• Why Ferries Are Late Again\n",
            ["• Harbour Board Votes to Sell the Old Pier", "• Why Ferries Are Late Again"],
        ),
        # a story promoted under a label in capitals, with no full stop
        (
            "Crews cleared the track.\n\nLONGER WAITS, FEWER NURSES: Hospitals cut staff as "
            "costs rise\n\nThe line reopened at noon.\n",
            ["LONGER WAITS, FEWER NURSES: Hospitals cut staff as costs rise"],
        ),
        # videos listed under their running times
        (
            STORY + "02:17\nFlood waters rise in the north as 40 homes are lost\n01:04\n"
            "Harbour Board: ferry fares up by 5% in 2025\nGo to video\n",
            [
                "02:17\nFlood waters rise in the north as 40 homes are lost",
                "01:04\nHarbour Board: ferry fares up by 5% in 2025",
            ],
        ),
        # a breadcrumb trail over the headline
        (
            "News / World News / 'Strike on school killed 12': ministry\n\n" + STORY,
            ["News / World News / 'Strike on school killed 12': ministry"],
        ),
        ("Prices rose 4 percent in the city / region / nation.\n", []),  # no trail
        # one bullet line is no list
        (STORY + "- The Rise of Rents and the End of the Boom\n", []),
        # bullet points of the story itself are sentences, not headlines
        (
            STORY + "- 12 people were hurt in the crash\n- the road was shut for two days\n",
            [],
        ),
        # a dateline or a speaker's label opens a sentence with its full stop
        ("Quake.\n\nCHILE: At least 40 people died when the quake struck.\n", []),
        ("Briefing.\n\nMAYOR JONES: We will rebuild every bridge.\n", []),
    ],
)
def test_headline_lines(text: str, headlines: list[str]) -> None:
    assert [text[s:e] for s, e in headline_lines(text)] == headlines


def test_headlines_are_clutter() -> None:
    text = STORY + "- The Rise of Rents and the End of the Boom\n- Why Ferries Are Late Again\n"
    assert set(headline_lines(text)) <= set(clutter_lines(text))


@pytest.mark.model
def test_no_names_or_figures_from_other_stories(pipeline):  # type: ignore[no-untyped-def]
    from nlp_docs import extract_text

    text = (
        "Ferry sinks\n\nThe ferry sank on Monday with 40 people aboard, the coast guard said. "
        "“We found the hull at dawn,” Captain Mara Ellison told reporters.\n"
        "- The Fall of Rents and the End of the Boom in Lisbon\n"
        "- Column: 6 Simple Ways to Cut Your Heating Bill\n"
        "\nLONGER WAITS, FEWER NURSES: Hospitals in Ohio cut staff as costs rise\n"
        "00:15\nMarcus Albright shooting witness says 30 shots were fired\n"
    )
    ex = extract_text(pipeline, text)
    assert [f.value for f in ex.figures] == [40]
    names = {e.name for e in ex.entities}
    assert not names & {"Fall", "Lisbon", "Ohio", "Longer Waits", "Marcus Albright"}, names
    assert [q.speaker for q in ex.quotes] == ["person/mara-ellison"]


def _ents(words: list[str], spans: list[tuple[int, int, str]]):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc, Span

    from nlp_docs import VOCAB

    doc = Doc(VOCAB, words=words)
    return doc, [Span(doc, s, e, label=label) for s, e, label in spans]


@pytest.mark.parametrize(
    ("words", "spans", "names"),
    [
        # the model's person before "of the" and its body stay two names
        (
            ["said", "Annika", "Voss", "of", "the", "World", "Health", "Organisation", "."],
            [(1, 3, "PERSON"), (5, 8, "ORG")],
            {("Annika Voss", "PERSON"), ("World Health Organisation", "ORG")},
        ),
        # the model's two bodies listed with "and" stay two
        (
            ["from", "Department", "of", "Homeland", "Security", "and", "Ohio", "State", "Police"],
            [(1, 5, "ORG"), (6, 9, "ORG")],
            {("Department of Homeland Security", "ORG"), ("Ohio State Police", "ORG")},
        ),
        # one body whose name holds "and"
        (
            ["the", "Fire", "and", "Disaster", "Headquarters", "said"],
            [(3, 5, "ORG")],
            {("Fire and Disaster Headquarters", "ORG")},
        ),
    ],
)
def test_rule_runs_keep_the_models_names_apart(words, spans, names):  # type: ignore[no-untyped-def]
    from newsprov.nlp.gazetteer import with_patterns

    doc, ents = _ents(words, spans)
    assert {(e.text, e.label_) for e in with_patterns(doc, ents, [])} == names
