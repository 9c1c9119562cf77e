"""Events do not chain day by day across a news year (``newsprov.analysis.events``)."""

from __future__ import annotations

import datetime as dt

from newsprov.analysis.events import DEFAULT_WINDOW_DAYS, group_events
from newsprov.analysis.records import ArticleRecord
from newsprov.rdf.iris import event_iri

B = "https://newsprov.org/id/"
SHARED = frozenset({f"{B}person/mara-lind", f"{B}organisation/union-party", f"{B}place/ostval"})


def art(aid: str, day: int, event: str | None = None) -> ArticleRecord:
    return ArticleRecord(
        iri=f"{B}article/{aid}",
        article_id=aid,
        date=dt.date(2024, 1, 1) + dt.timedelta(days=day),
        entities=SHARED,
        places=frozenset({f"{B}place/ostval"}),
        user_event=str(event_iri(event, B)) if event else None,
        user_event_label=event,
    )


def groups(articles: list[ArticleRecord]) -> list[list[str]]:
    events = group_events(articles, {f"{B}place/ostval": "Ostval"}, B)
    return sorted(sorted(a.rsplit("/", 1)[-1] for a in e.articles) for e in events)


def test_a_campaign_covered_every_week_is_not_one_event() -> None:
    # each article shares every name with the next one, a week later
    weekly = [art(f"w{n:02d}", 7 * n) for n in range(12)]
    found = groups(weekly)
    assert len(found) > 1
    spans = [[int(a[1:]) * 7 for a in g] for g in found]
    assert all(max(s) - min(s) <= DEFAULT_WINDOW_DAYS for s in spans)


def test_articles_within_the_window_stay_one_event() -> None:
    assert groups([art("a", 0), art("b", 4), art("c", 9)]) == [["a", "b", "c"]]


def test_a_user_named_event_keeps_its_articles_whatever_their_span() -> None:
    named = [art(f"n{n}", 30 * n, event="Ostval inquiry") for n in range(4)]
    assert groups(named) == [["n0", "n1", "n2", "n3"]]


def story(aid: str, day: int, *names: str) -> ArticleRecord:
    """An article naming the campaign's two candidates and its own story's names."""
    own = frozenset(f"{B}person/{n}" for n in names)
    return ArticleRecord(
        iri=f"{B}article/{aid}",
        article_id=aid,
        date=dt.date(2024, 3, 1) + dt.timedelta(days=day),
        entities=frozenset({f"{B}person/mara-lind", f"{B}person/oren-tash"}) | own,
    )


def test_names_in_most_articles_of_a_large_store_link_nothing() -> None:
    # 60 articles over a week name both candidates; stories only share their own names
    stories = [story(f"s{n:02d}", n % 7, f"aide-{n // 2}", f"donor-{n // 2}") for n in range(60)]
    found = groups(stories)
    assert len(found) == 30 and all(len(g) == 2 for g in found)
    assert ["s00", "s01"] in found


def test_in_a_small_store_shared_names_still_make_one_event() -> None:
    # the same two names in every one of 12 articles: too few articles to be background
    assert len(groups([story(f"s{n:02d}", n % 7) for n in range(12)])) == 1
