"""Tests for the outlet registry data (``data/outlets.json``) and its lookups."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib import resources
from typing import Any

import pytest

from newsprov.outlets import KINDS, Outlet, OutletRegistry, normalise_name

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9]\d*$")
DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")

# Bare words that must never be an alias on their own: in lower case they are ordinary
# English, so an alias like "Post" would turn every "post" into an outlet mention.
BARE_WORDS = frozenset(
    {
        "post", "times", "time", "mail", "star", "nation", "express", "independent",
        "globe", "guardian", "mirror", "sun", "herald", "telegraph", "standard", "news",
        "press", "daily", "tribune", "observer", "age", "hill", "national", "australian",
        "economist", "punch", "memo", "map", "tap", "spa", "nan", "liberation", "stuff",
        "dawn", "vanguard", "inquirer", "monitor", "world", "today", "journal", "wire",
    }
)  # fmt: skip

REQUIRED_WIRES = [
    ("AFP", "afp"),
    ("Associated Press", "associated-press"),
    ("Reuters", "reuters"),
    ("dpa", "dpa"),
    ("Xinhua", "xinhua"),
    ("Anadolu", "anadolu-agency"),
    ("ANSA", "ansa"),
    ("EFE", "efe"),
    ("Kyodo", "kyodo"),
    ("PTI", "pti"),
    ("TASS", "tass"),
    ("Yonhap", "yonhap"),
]


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    """The raw JSON records, read the way the registry reads them."""
    text = resources.files("newsprov.data").joinpath("outlets.json").read_text("utf-8")
    data = json.loads(text)
    assert isinstance(data, list)
    return data


@pytest.fixture(scope="module")
def registry() -> OutletRegistry:
    return OutletRegistry.default()


def _owners(pairs: list[tuple[str, str]]) -> dict[str, set[str]]:
    """Map each key to the set of record ids that claim it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for key, outlet_id in pairs:
        owners[key].add(outlet_id)
    return owners


def test_registry_loads_at_least_150_outlets(
    records: list[dict[str, Any]], registry: OutletRegistry
) -> None:
    assert len(records) >= 150
    assert len(registry) == len(records)
    assert all(isinstance(o, Outlet) for o in registry)


def test_ids_are_unique_slugs(records: list[dict[str, Any]]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if not SLUG.match(i)] == []


def test_original_ids_are_kept(registry: OutletRegistry) -> None:
    expected = {
        "afp": "AFP",
        "associated-press": "Associated Press",
        "reuters": "Reuters",
        "sky-news": "Sky News",
        "jnd": "JND",
    }
    got = {i: o.name for i in expected if (o := registry.get(i)) is not None}
    assert got == expected


def test_every_kind_is_valid(records: list[dict[str, Any]]) -> None:
    assert {r["id"]: r["kind"] for r in records if r["kind"] not in KINDS} == {}


def test_wikidata_ids_are_qids_or_null_and_unique(records: list[dict[str, Any]]) -> None:
    bad = {r["id"]: r["wikidata"] for r in records if r["wikidata"] is not None}
    bad = {i: q for i, q in bad.items() if not (isinstance(q, str) and QID.match(q))}
    assert bad == {}
    owners = _owners([(r["wikidata"], r["id"]) for r in records if r["wikidata"]])
    assert {q: ids for q, ids in owners.items() if len(ids) > 1} == {}


def test_countries_are_alpha2(records: list[dict[str, Any]]) -> None:
    bad = {r["id"]: r["country"] for r in records if not re.fullmatch(r"[A-Z]{2}", r["country"])}
    assert bad == {}


def test_no_name_or_alias_maps_to_two_outlets(records: list[dict[str, Any]]) -> None:
    # Checked on the raw records: the registry keeps the first claimant silently.
    pairs = [(normalise_name(s), r["id"]) for r in records for s in [r["name"], *r["aliases"]]]
    owners = _owners(pairs)
    assert {k: ids for k, ids in owners.items() if len(ids) > 1} == {}


def test_surfaces_are_clean_strings(registry: OutletRegistry) -> None:
    bad = [(o.id, s) for o in registry for s in o.surfaces if not s or s != s.strip() or "  " in s]
    assert bad == []


def test_no_alias_is_a_bare_common_word(records: list[dict[str, Any]]) -> None:
    bad = [(r["id"], a) for r in records for a in r["aliases"] if normalise_name(a) in BARE_WORDS]
    assert bad == []


def test_domains_are_bare_lowercase_hosts(records: list[dict[str, Any]]) -> None:
    bad = [
        (r["id"], d)
        for r in records
        for d in r["domains"]
        if not DOMAIN.match(d) or d.startswith("www.")
    ]
    assert bad == []


def test_no_domain_maps_to_two_outlets(records: list[dict[str, Any]]) -> None:
    owners = _owners([(d.lower(), r["id"]) for r in records for d in r["domains"]])
    assert {d: ids for d, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize(("name", "outlet_id"), REQUIRED_WIRES)
def test_required_wire_agency_is_present(
    registry: OutletRegistry, name: str, outlet_id: str
) -> None:
    outlet = registry.lookup(name)
    assert outlet is not None, name
    assert (outlet.id, outlet.kind) == (outlet_id, "wire agency")


@pytest.mark.parametrize(
    ("url_or_host", "outlet_id"),
    [
        ("https://www.reuters.com/world/x", "reuters"),
        ("edition.cnn.com", "cnn"),
        ("https://www.bbc.co.uk/news/world-middle-east-1", "bbc-news"),
        ("https://apnews.com/article/abc", "associated-press"),
        ("news.sky.com", "sky-news"),
        ("WWW.THEGUARDIAN.COM", "the-guardian"),
        ("https://www.abc.net.au/news/x", "abc-australia"),
        ("https://abcnews.go.com/International/x", "abc-news"),
        ("economictimes.indiatimes.com", "economic-times"),
        ("https://timesofindia.indiatimes.com/world/x.cms", "times-of-india"),
        ("english.news.cn", "xinhua"),
        ("http://www.dw.com:80/en/top-stories/s-9097", "deutsche-welle"),
    ],
)
def test_by_domain_matches_hosts_subdomains_and_urls(
    registry: OutletRegistry, url_or_host: str, outlet_id: str
) -> None:
    outlet = registry.by_domain(url_or_host)
    assert outlet is not None, url_or_host
    assert outlet.id == outlet_id


@pytest.mark.parametrize(
    "url_or_host",
    ["example.org", "https://www.example.org/news", "sky.com", "indiatimes.com", "com", ""],
)
def test_by_domain_returns_none_for_unknown_hosts(
    registry: OutletRegistry, url_or_host: str
) -> None:
    assert registry.by_domain(url_or_host) is None


@pytest.mark.parametrize(
    ("name", "outlet_id"),
    [
        ("the associated press", "associated-press"),
        ("THE GUARDIAN", "the-guardian"),
        ("Guardian", "the-guardian"),
        ("reuters", "reuters"),
        ("New York Times", "new-york-times"),
        ("the new york times", "new-york-times"),
        ("El Pais", "el-pais"),
        ("Agence France-Presse", "afp"),
        ("agence france presse", "afp"),
        ("Deutsche Presse-Agentur", "dpa"),
        ("ABC", "abc-news"),
        ("ABC News (Australia)", "abc-australia"),
        ("CNA", "cna"),
        ("Central News Agency", "central-news-agency"),
        ("BBC", "bbc-news"),
        ("RFE/RL", "rfe-rl"),
        ("L’Orient-Le Jour", "lorient-le-jour"),
    ],
)
def test_lookup_ignores_case_accents_and_leading_the(
    registry: OutletRegistry, name: str, outlet_id: str
) -> None:
    outlet = registry.lookup(name)
    assert outlet is not None, name
    assert outlet.id == outlet_id


@pytest.mark.parametrize("name", ["Post", "Mail", "Star", "Nation", "Globe", "", "the"])
def test_lookup_returns_none_for_bare_words(registry: OutletRegistry, name: str) -> None:
    assert registry.lookup(name) is None


def test_get_returns_none_for_unknown_id(registry: OutletRegistry) -> None:
    assert registry.get("no-such-outlet") is None


def _record(**overrides: object) -> dict[str, object]:
    rec: dict[str, object] = {
        "id": "gazette-x",
        "name": "Gazette X",
        "aliases": [],
        "domains": ["gazette-x.example"],
        "country": "GB",
        "kind": "newspaper",
        "wikidata": None,
    }
    rec.update(overrides)
    return rec


def test_from_records_rejects_bad_kind_naming_the_record() -> None:
    with pytest.raises(ValueError, match=r"bad outlet record 'gazette-x'.*kind 'blog'"):
        OutletRegistry.from_records([_record(), _record(id="gazette-x", kind="blog")])


def test_from_records_rejects_missing_name_naming_the_record() -> None:
    rec = _record(id="nameless")
    del rec["name"]
    with pytest.raises(ValueError, match="nameless"):
        OutletRegistry.from_records([rec])


def test_from_records_accepts_a_good_record() -> None:
    reg = OutletRegistry.from_records([_record(aliases=["GX"], wikidata="Q42")])
    outlet = reg.lookup("the gazette x")
    assert outlet is not None
    expected = ("gazette-x", ("Gazette X", "GX"), "Q42")
    assert (outlet.id, outlet.surfaces, outlet.wikidata) == expected
