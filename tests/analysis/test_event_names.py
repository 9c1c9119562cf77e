"""A named storm is one event (``newsprov.analysis.events``): articles naming it join,
whatever else they name; other storms, and storm words that name no storm, do not."""

from __future__ import annotations

import datetime as dt

import pytest

from newsprov.analysis._load import RawArticle
from newsprov.analysis.clusters import EntityRecord
from newsprov.analysis.core import group
from newsprov.analysis.events import event_names, group_events
from newsprov.analysis.records import ArticleRecord

B = "https://newsprov.org/id/"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hurricane Orla could cost the region $30 billion", {"storm:orla"}),
        ("Tropical Storm Orla floods the coast", {"storm:orla"}),
        ("Super Typhoon Penda nears the islands", {"storm:penda"}),
        ("Cyclone Orla", {"storm:orla"}),
        ("Hurricane Season opens with a warning", set()),  # a storm word, no storm's name
        ("Storm Surge Warning for the coast", set()),
        ("Officials brace for the hurricane", set()),
    ],
)
def test_a_storms_name_is_read_from_headlines_and_names(text: str, expected: set[str]) -> None:
    assert event_names(text) == expected


def art(aid: str, day: int, names: set[str], *entities: str) -> ArticleRecord:
    return ArticleRecord(
        iri=f"{B}article/{aid}",
        article_id=aid,
        date=dt.date(2024, 9, 1) + dt.timedelta(days=day),
        entities=frozenset(f"{B}organisation/{e}" for e in entities),
        names=frozenset(names),
    )


def groups(articles: list[ArticleRecord]) -> list[list[str]]:
    events = group_events(articles, {}, B)
    return sorted(sorted(a.rsplit("/", 1)[-1] for a in e.articles) for e in events)


def test_articles_naming_one_storm_are_one_event_without_a_shared_name() -> None:
    # one names the firm estimating losses, the other the states the storm hit
    arts = [art("a", 0, {"storm:orla"}, "tallis-analytics"), art("b", 6, {"storm:orla"}, "ferrin")]
    assert groups(arts) == [["a", "b"]]


@pytest.mark.parametrize(
    "arts",
    [
        [art("a", 0, {"storm:orla"}, "x"), art("b", 2, {"storm:penda"}, "y")],  # two storms
        # two storms, however many names the two stories share (the coast, its agencies)
        [art("a", 0, {"storm:orla"}, "x", "y", "z"), art("b", 2, {"storm:penda"}, "x", "y", "z")],
        [art("a", 0, {"storm:orla"}, "x"), art("b", 30, {"storm:orla"}, "y")],  # a month apart
        [art("a", 0, set(), "x"), art("b", 2, set(), "y")],  # no storm named, nothing shared
    ],
)
def test_other_storms_or_far_apart_articles_stay_apart(arts: list[ArticleRecord]) -> None:
    assert groups(arts) == [["a"], ["b"]]


def test_an_article_is_about_the_storm_its_headline_names_else_the_only_one_it_mentions() -> None:
    orla, penda = f"{B}organisation/orla", f"{B}organisation/penda"
    ents = [
        EntityRecord(orla, "Organisation", frozenset({"Hurricane Orla"})),
        EntityRecord(penda, "Organisation", frozenset({"Hurricane Penda"})),
    ]
    raws = {
        aid: RawArticle(iri=f"{B}article/{aid}", article_id=aid, title=title, mentions=set(m))
        for aid, title, m in [
            ("headline", "Hurricane Penda nears", {orla, penda}),
            ("one", "Losses mount", {orla}),
            ("two", "Losses mount", {orla, penda}),  # which one is it about?
        ]
    }
    records = group(raws, ents, B).articles
    assert records[f"{B}article/headline"].names == {"storm:penda"}
    assert records[f"{B}article/one"].names == {"storm:orla"}
    assert records[f"{B}article/two"].names == frozenset()
