"""Grouping articles into events from shared entities and dates; unnamed sources."""

from __future__ import annotations

import datetime as dt

from newsprov.analysis.clusters import EntityRecord
from newsprov.analysis.descriptions import DescriptionResolver
from newsprov.analysis.events import group_events, link_score
from newsprov.analysis.records import ArticleRecord
from newsprov.rdf.iris import event_iri

B = "https://newsprov.org/id/"
PLACES = {
    f"{B}place/{p.lower()}": p for p in ("Syria", "Latakia", "Baniyas", "Malatya", "Turkey", "Rome")
}


def art(
    aid: str, day: int | None, *ents: str, event: str | None = None, month: int = 3
) -> ArticleRecord:
    iris = frozenset(f"{B}{e}" for e in ents)
    return ArticleRecord(
        iri=f"{B}article/{aid}",
        article_id=aid,
        date=dt.date(2025, month, day) if day else None,
        user_event=str(event_iri(event, B)) if event else None,
        user_event_label=event,
        entities=iris,
        places=frozenset(i for i in iris if i in PLACES),
    )


SYRIA = ("place/syria", "place/latakia", "organisation/sohr", "person/bashar-al-assad")
TURKEY = ("place/malatya", "place/turkey", "organisation/afad", "organisation/red-crescent")


def groups(articles: list[ArticleRecord]) -> set[frozenset[str]]:
    events = group_events(articles, PLACES, B)
    return {frozenset(a.rsplit("/", 1)[-1] for a in e.articles) for e in events}


def test_articles_sharing_entities_within_the_window_form_one_event() -> None:
    arts = [
        art("s1", 7, *SYRIA),
        art("s2", 8, *SYRIA[:3]),
        art("s3", 9, *SYRIA[1:]),
        art("t1", 8, *TURKEY),
        art("t2", 9, *TURKEY[:3]),
    ]
    assert groups(arts) == {frozenset({"s1", "s2", "s3"}), frozenset({"t1", "t2"})}


def test_shared_entities_months_apart_are_two_events() -> None:
    arts = [art("s1", 7, *SYRIA), art("s2", 8, *SYRIA, month=6)]
    assert groups(arts) == {frozenset({"s1"}), frozenset({"s2"})}


def test_undated_article_joins_by_entities() -> None:
    arts = [art("s1", 7, *SYRIA), art("s2", None, *SYRIA)]
    assert groups(arts) == {frozenset({"s1", "s2"})}


def test_one_shared_country_is_not_enough() -> None:
    arts = [
        art("s1", 7, *SYRIA),
        art("r1", 7, "place/syria", "place/rome", "organisation/un", "person/someone"),
    ]
    assert link_score(arts[0], arts[1]) == 0.0
    assert len(groups(arts)) == 2


def test_user_named_event_keeps_its_articles_together() -> None:
    arts = [art("s1", 7, *SYRIA, event="Coast"), art("x1", 9, "place/rome", event="Coast")]
    (event,) = group_events(arts, PLACES, B)
    assert event.iri == f"{B}event/coast" and event.label == "Coast" and event.user_named
    assert len(event.articles) == 2


def test_two_user_named_events_never_merge_but_unnamed_articles_join() -> None:
    arts = [art("s1", 7, *SYRIA, event="A"), art("s2", 7, *SYRIA, event="B"), art("s3", 7, *SYRIA)]
    found = groups(arts)
    assert len(found) == 2
    assert any("s3" in g and len(g) == 2 for g in found)


def test_unnamed_event_is_named_after_its_most_frequent_place_and_first_date() -> None:
    arts = [art("s1", 8, *SYRIA), art("s2", 7, "place/latakia", *SYRIA[2:])]
    (event,) = group_events(arts, PLACES, B)
    assert event.label == "Latakia, 2025-03-07"
    assert event.iri == f"{B}event/latakia-2025-03-07"


def test_event_slugs_never_collide() -> None:
    arts = [
        art("s1", 7, "place/latakia", "organisation/a"),
        art("s2", 7, "place/latakia", "organisation/b"),
    ]
    iris = sorted(e.iri for e in group_events(arts, PLACES, B))
    assert iris == [f"{B}event/latakia-2025-03-07", f"{B}event/latakia-2025-03-07-2"]


def test_grouping_is_independent_of_input_order() -> None:
    arts = [
        art("s1", 7, *SYRIA),
        art("s2", 8, *SYRIA[:3]),
        art("t1", 8, *TURKEY),
        art("t2", 9, *TURKEY[:3]),
        art("x", None, "place/rome"),
    ]
    assert group_events(arts, PLACES, B) == group_events(arts[::-1], PLACES, B)


def _org(
    iri: str, label: str, *, anonymous: bool = False, aliases: tuple[str, ...] = ()
) -> EntityRecord:
    return EntityRecord(
        f"{B}{iri}", "Organisation", frozenset({label}), frozenset(aliases), anonymous
    )


def test_description_resolves_to_the_one_named_body_of_the_event() -> None:
    ents = [
        _org("organisation/dema", "Disaster and Emergency Management Authority", aliases=("AFAD",)),
        _org("organisation/krc", "Turkish Red Crescent"),
        _org("article/a1/anon/disaster-agency", "disaster management agency", anonymous=True),
        _org("article/a2/anon/police", "police", anonymous=True),
    ]
    by_iri = {e.iri: e for e in ents}
    resolver = DescriptionResolver(by_iri, {}, {"E": list(by_iri)})
    assert resolver.is_description(f"{B}article/a1/anon/disaster-agency")
    assert resolver.resolve(f"{B}article/a1/anon/disaster-agency", "E") == (
        f"{B}organisation/dema",
        True,
    )
    assert resolver.resolve(f"{B}article/a2/anon/police", "E") == ("police@E", False)
    assert not resolver.is_description(f"{B}organisation/krc")
