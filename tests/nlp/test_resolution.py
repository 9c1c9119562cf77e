"""Source resolution: which entity an attribution's source span names (trained parse)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprov.nlp.attributions import attributions
from newsprov.nlp.cues import load_cues
from newsprov.nlp.mentions import build_entity_table
from newsprov.nlp.resolution import resolve_sources
from nlp_docs import extract_text

pytestmark = pytest.mark.model


def _sources(pipeline, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    table = build_entity_table(doc, None)
    found = attributions(doc)
    resolved = resolve_sources(doc, table, found, None, load_cues())
    names = {c.key: c.name for c in table.clusters}
    return [names.get(r.source) if r.source else None for r in resolved]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person named inside a phrase that starts with a place
        (
            "Shooting.\n\n“We will find the truth,” Tulsa police Chief Chuck Jordan said Monday.\n",
            "Chuck Jordan",
        ),
        # a description nobody named stays a description
        ("Debate night.\n\n“Who answers the phone at 3 a.m.?” the announcer asks.\n", "announcer"),
        # a description given its name: "the new union, called X," is X ("called" is no cue)
        (
            "Strike.\n\nThe new union, called Harbour Workers United, said 400 members had "
            "joined.\n",
            "Harbour Workers United",
        ),
        ("Strike.\n\nA watchdog known as the Lund Monitor said 40 people died.\n", "Lund Monitor"),
        # a description with a participle that does not name it stays a description
        (
            "Fund.\n\nThe fund, managed by two banks, said it lent $40 million.\n",
            "fund",
        ),
        # a country speaks for its state
        ("Tensions.\n\nJapan called the launch a grave threat to the region.\n", "Japan"),
        # a name the tagger took for a common noun, after "according to"
        (
            "Turnout.\n\nThe mayor won 61 percent of the vote, according to VoteCountHub.\n",
            "VoteCountHub",
        ),
        # a document speaks for the name it is titled with, its author or its possessor
        (
            "Race.\n\nShe leads by 4 points, according to the PollTrackr polling average.\n",
            "PollTrackr",
        ),
        (
            "Wages.\n\nPay rose 3 percent, according to an analysis by the Lumen Institute.\n",
            "Lumen Institute",
        ),
        # a document nobody owns is named by its own words, not by what follows it
        ("Turnout.\n\nExit polling shows she won 71 percent of young voters.\n", "Exit polling"),
        # "its director": the body "its" stands for names the unnamed person
        (
            "Study.\n\nThe Lund Institute said 40 wells ran dry. “It is grim,” its director "
            "said.\n",
            "director of Lund Institute",
        ),
        # a kind of body named again without its description is the one described
        (
            "Search.\n\nThe Chilean navy said the search went on.\n\n“We have found traces "
            "of life,” the navy said in a statement.\n",
            "Chilean navy",
        ),
        # a description with its name set beside it, after the quotation it closes
        (
            "Vote.\n\n\"Is the count over? We won!\" the newly elected mayor of the city, "
            "Ada Vale, tweeted Sunday after the result.\n",
            "Ada Vale",
        ),
        # a role's holder the parse hung on the body closing the role's phrase
        (
            "Quake.\n\nThe head of Chile's National Seismology Centre, Sergio Barrientos, "
            'described the quake as "historically, the largest event measured by the '
            'network".\n',
            "Sergio Barrientos",
        ),
        # "the man" is the unnamed man described before, not a group of officials
        (
            "Fire.\n\nOfficials in the county said the road was closed.\n\n“The fire is "
            "massive,” the man said.\n",
            "unnamed man",
        ),
        # people named by their standing
        (
            "Ratings.\n\n“The best ratings in years,” the business mogul told reporters.\n",
            "business mogul",
        ),
        # a counted group is the group: "dozens of members of the party" are members
        (
            "Raids.\n\nDozens of members of the party condemned the raids in which 121 people "
            "were held.\n",
            "members",
        ),
        # a body of a named organisation, described with words of its own, is that body
        (
            "Toll.\n\nThe UN human rights office recorded at least 748 civilians killed in "
            "the first six months of the year.\n",
            "UN human rights office",
        ),
        # a statement speaks for who issued it
        (
            "Port.\n\nAfter a short meeting, the Harbor Council issued a statement calling the "
            "dumping “a plain breach and in open contempt” of its rules.\n",
            "Harbor Council",
        ),
        # several unnamed people stay several
        ("Base.\n\nThe camp will stay open for years, officials said.\n", "unnamed officials"),
        # unnamed media speak as written, however the lemmatizer reads "media"
        ("Cyclone.\n\nState radio reported that 4,000 people had died.\n", "State radio"),
        ("Floods.\n\nAt least 12 people died, according to local media.\n", "local media"),
    ],
)
def test_named_sources(pipeline, text, expected):  # type: ignore[no-untyped-def]
    found = [s for s in _sources(pipeline, text) if s]
    assert any(expected in s for s in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed document keeps the phrases that tell it apart
        ("Race.\n\nPolls taken in March showed her ahead by 6 points.\n", "Polls taken in March"),
        ("Race.\n\nThe tally released Monday shows him ahead by 3.\n", "tally released Monday"),
        # ... up to the first comma, not the clause about it
        ("Race.\n\nThe survey, which ran for a week, found him ahead.\n", "survey"),
        # an author under the document's participle owns it
        (
            "Audit.\n\nA memo released Friday by the Harbor Authority found a dozen faults.\n",
            "Harbor Authority",
        ),
    ],
)
def test_unnamed_documents(pipeline, text, expected):  # type: ignore[no-untyped-def]
    assert [s for s in _sources(pipeline, text) if s] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # what was counted never counted itself
        "Quake.\n\nMore than 640 aftershocks were recorded on Tuesday.\n",
        "Poll.\n\nSeventy-three percent said they would vote, and 52 percent agreed.\n",
        # a thing is no source
        "Protest.\n\nThe placards said the rent was too high.\n",
        "Protest.\n\nThe banner told them the rent was too high.\n",
    ],
)
def test_no_source(pipeline, text):  # type: ignore[no-untyped-def]
    assert [s for s in _sources(pipeline, text) if s] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a one-word name styled as an acronym or a brand is an organisation
        (
            "Jobs.\n\nHiring fell 2 percent, according to polling by the A.F.L.-C.I.O.\n",
            "Organisation",
        ),
        ("Race.\n\nShe leads by 4 points, according to PollTrackr.\n", "Organisation"),
    ],
)
def test_styled_names_are_organisations(pipeline, text, kind):  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    table = build_entity_table(doc, None)
    found = attributions(doc)
    resolved = resolve_sources(doc, table, found, None, load_cues())
    kinds = {c.key: c.kind.value for c in table.clusters}
    assert [kinds[r.source] for r in resolved if r.source] == [kind]


def test_a_source_phrase_ending_in_a_name_is_that_person(pipeline):  # type: ignore[no-untyped-def]
    """"… Office of Civil Defense spokesperson X told Reuters" in a whole article of the
    dev4 fixture set, where the parse made the office the phrase's head."""
    path = Path(__file__).parents[1] / "fixtures" / "dev4" / "articles" / "scrape_2025.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    text = next(r["text"] for r in records if r["id"] == "m2_jakartapost_2025-07-11")
    ex = extract_text(pipeline, text)
    names = {e.key: e.name for e in ex.entities}
    quote = next(q for q in ex.quotes if q.text.startswith("We are shifting"))
    assert names.get(quote.speaker or "") == "Raffy Olarte-Banzon", names.get(quote.speaker or "")



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the statement" a source gave before speaks for that source
        (
            "Strike.\n\nThe Lund Monitor said in a statement on Wednesday that 12 people "
            "were killed.\n\nThe monitor is reviewing reports \"from several strikes in "
            'other parts of the valley", said the statement.\n',
            ["Lund Monitor", "Lund Monitor"],
        ),
        # a statement nobody was said to give before is named by its own words
        (
            "Strike.\n\nThe Lund Monitor counted 12 dead.\n\nThe statement said 40 homes "
            "were destroyed.\n",
            ["Lund Monitor", "statement"],
        ),
    ],
)
def test_a_statement_named_again_speaks_for_its_issuer(pipeline, text, expected):  # type: ignore[no-untyped-def]
    assert [s for s in _sources(pipeline, text) if s] == expected
