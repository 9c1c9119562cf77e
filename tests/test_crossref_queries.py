"""The cross-reference canned queries parse, run, document their variables and filter."""

from __future__ import annotations

import re

import pytest
from rdflib import URIRef

from newsprov import query
from newsprov.analysis import refresh
from newsprov.analysis.synthetic import scenario_extractions
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store

B = "https://newsprov.org/id/"
NEW = [
    "sources-by-outlet",
    "outlets-citing-source",
    "via-chains",
    "conflicts",
    "verdicts",
    "figure-timeline",
    "quotes-by-speaker",
    "events",
]
SOHR = "Syrian Observatory for Human Rights"


@pytest.fixture(scope="module")
def store() -> Store:
    s = Store()
    for ex in scenario_extractions():
        s.replace_graph(graph_iri(ex.article.id, B), extraction_to_graph(ex, B))
    refresh(s, B)
    return s


def rows(store: Store, name: str, **bind: object) -> list[dict[str, str]]:
    result = query.run(store, name, bind or None)  # type: ignore[arg-type]
    return [{k: "" if v is None else str(v) for k, v in r.items()} for r in result.dicts()]


def projected(text: str) -> set[str]:
    """Variables a SELECT projects: plain ones and each "(... AS ?x)"."""
    match = re.search(r"SELECT(?: DISTINCT)?(.*?)\nWHERE", text, re.S)
    assert match is not None
    clause = match.group(1)
    named = set(re.findall(r"AS \?(\w+)\)", clause))
    plain = re.sub(r"\((?:[^()]|\([^()]*\))*\)", " ", clause)
    return named | set(re.findall(r"\?(\w+)", plain))


@pytest.mark.parametrize("name", NEW)
def test_query_is_canned_documented_and_runs_on_an_empty_store(name: str) -> None:
    assert name in query.names()
    text = query.load(name)
    assert text.startswith("#")
    header = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    for var in projected(text):
        assert f"?{var}" in header, f"{name}: ?{var} is not documented"
    assert len(query.run(Store(), name)) == 0


@pytest.mark.parametrize("name", NEW)
def test_query_answers_on_the_scenario(store: Store, name: str) -> None:
    assert rows(store, name)


def test_sources_by_outlet_counts_figures(store: Store) -> None:
    got = {(r["outlet"], r["source"]): r for r in rows(store, "sources-by-outlet")}
    assert got[("Reuters", SOHR)]["figures"] == "1"
    assert got[("France 24", "Interior Ministry")]["measures"] == "deaths"
    only = rows(store, "sources-by-outlet", outlet="Reuters")
    assert {r["outlet"] for r in only} == {"Reuters"}


def test_outlets_citing_source_has_vias(store: Store) -> None:
    got = rows(store, "outlets-citing-source", source="Rami Abdel-Rahman")
    assert {(r["outlet"], r["via"], r["quotes"]) for r in got} == {
        ("", "", "1"),
        ("France 24", "AFP", "1"),
    }


def test_via_chains_lists_relayed_figures_with_evidence(store: Store) -> None:
    got = rows(store, "via-chains")
    ap = [r for r in got if r["via"] == "Associated Press"]
    assert ap and ap[0]["article_id"] == "coast-ap" and "1,000" in ap[0]["sentence"]
    assert {r["via"] for r in got if r["article_id"] == "coast-hindu"} == {"AFP"}


def test_conflicts_side_by_side_and_filter(store: Store) -> None:
    (c,) = rows(store, "conflicts", verdict_type="conflict")
    assert (c["source_a"], c["value_a"], c["source_b"], c["value_b"]) == (
        SOHR,
        "745",
        "Interior Ministry",
        "200",
    )
    assert c["population"] == "civilians" and c["measure"] == "deaths"
    assert c["date_a"] == "2025-03-09" and c["date_b"] == "2025-03-10"
    assert "conflict" in c["comment"]
    kinds = {r["verdict_type"] for r in rows(store, "verdicts")}
    assert {r["verdict_type"] for r in rows(store, "conflicts")} == {"conflict"}
    assert kinds == {"conflict", "corroboration", "revision"}
    quake = rows(store, "verdicts", event=URIRef(f"{B}event/quake"))
    assert {(r["source_a"], r["source_b"]) for r in quake} == {("AFAD", "Turkish Red Crescent")}


def test_figure_timeline_is_ordered_by_date(store: Store) -> None:
    got = rows(store, "figure-timeline", source=SOHR, measure="deaths")
    people = [(r["date"], r["text"]) for r in got if r["population"] == "people"]
    assert people == [
        ("2025-03-08", "more than 1,000"),
        ("2025-03-09", "at least 1,018 (745 + 125 + 148)"),
        ("2025-03-10", "more than 1,300"),
    ]


def test_quotes_by_speaker_merges_spellings(store: Store) -> None:
    (r,) = rows(store, "quotes-by-speaker")
    assert r["speaker"] == "Rami Abdel-Rahman" and r["quotes"] == "2"
    assert r["vias"] == "AFP" and r["outlets"] == "France 24"


def test_events_have_dates_and_articles(store: Store) -> None:
    got = {r["label"]: r for r in rows(store, "events")}
    coast = got["Latakia, 2025-03-08"]
    assert coast["articles"] == "4"
    assert (coast["first_date"], coast["last_date"]) == ("2025-03-08", "2025-03-10")
    assert got["Quake"]["figures"] == "2"
    one = rows(store, "events", event=URIRef(f"{B}event/quake"))
    assert [r["label"] for r in one] == ["Quake"]
