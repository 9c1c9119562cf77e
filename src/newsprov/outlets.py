"""The outlet registry: news organisations and wire agencies, shipped as a data file.

``data/outlets.json`` lists each outlet with its aliases, web domains, country, kind and
Wikidata id. Ingest uses it to name the publisher from a URL or dateline; the NLP layer
uses it to recognise outlets in text; the RDF layer gives each outlet one IRI.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import urlsplit

__all__ = ["KINDS", "Outlet", "OutletRegistry", "normalise_name"]

KINDS = frozenset({"wire agency", "broadcaster", "newspaper", "online", "magazine"})


def normalise_name(name: str) -> str:
    """Case-, accent- and article-insensitive key: "The Associated Press" -> "associated press"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("’", "'")
    text = re.sub(r"[^\w&' ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass(frozen=True, slots=True)
class Outlet:
    """One news organisation. ``id`` is a stable slug used in IRIs ("afp", "associated-press")."""

    id: str
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str | None
    kind: str
    wikidata: str | None

    @property
    def surfaces(self) -> tuple[str, ...]:
        """Every form the outlet is named by: name first, then aliases."""
        return (self.name, *self.aliases)


class OutletRegistry:
    """Lookup of outlets by name, alias or web domain."""

    def __init__(self, outlets: list[Outlet]) -> None:
        self._outlets = sorted(outlets, key=lambda o: o.id)
        self._by_name: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        self._by_id: dict[str, Outlet] = {}
        for outlet in self._outlets:
            self._by_id.setdefault(outlet.id, outlet)  # the first of an id, as get() had it
            for surface in outlet.surfaces:
                _claim(self._by_name, normalise_name(surface), outlet, "name")
            for domain in outlet.domains:
                _claim(self._by_domain, domain.lower(), outlet, "domain")

    @classmethod
    def from_records(cls, records: list[dict[str, object]]) -> OutletRegistry:
        """Build from JSON records; raises ValueError naming the bad record."""
        return cls([_outlet_from_record(r) for r in records])

    @classmethod
    @cache
    def default(cls) -> OutletRegistry:
        """The registry shipped with newsprov (loaded once)."""
        text = resources.files("newsprov.data").joinpath("outlets.json").read_text("utf-8")
        return cls.from_records(json.loads(text))

    def lookup(self, name: str) -> Outlet | None:
        """The outlet called ``name`` (case-, accent- and leading-"the"-insensitive)."""
        return self._by_name.get(normalise_name(name))

    def get(self, outlet_id: str) -> Outlet | None:
        """The outlet whose id is ``outlet_id``."""
        return self._by_id.get(outlet_id)

    def by_domain(self, url_or_host: str) -> Outlet | None:
        """The outlet serving ``url_or_host``; subdomains match their parent domain."""
        host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
        labels = (host or "").lower().rstrip(".").split(".")
        for i in range(len(labels) - 1):
            found = self._by_domain.get(".".join(labels[i:]))
            if found:
                return found
        return None

    def __iter__(self) -> Iterator[Outlet]:
        return iter(self._outlets)

    def __len__(self) -> int:
        return len(self._outlets)


def _claim(index: dict[str, Outlet], key: str, outlet: Outlet, what: str) -> None:
    """Index ``outlet`` under ``key``; two outlets may not share a name or domain."""
    owner = index.setdefault(key, outlet)
    if owner is not outlet:
        raise ValueError(f"{what} {key!r} belongs to both {owner.id!r} and {outlet.id!r}")


def _outlet_from_record(rec: dict[str, object]) -> Outlet:
    try:
        kind = str(rec["kind"])
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r} is not one of {sorted(KINDS)}")
        return Outlet(
            id=str(rec["id"]),
            name=str(rec["name"]),
            aliases=tuple(str(a) for a in rec.get("aliases", ()) or ()),  # type: ignore[attr-defined]
            domains=tuple(str(d) for d in rec.get("domains", ()) or ()),  # type: ignore[attr-defined]
            country=str(rec["country"]) if rec.get("country") else None,
            kind=kind,
            wikidata=str(rec["wikidata"]) if rec.get("wikidata") else None,
        )
    except (KeyError, ValueError) as exc:
        raise ValueError(f"bad outlet record {rec.get('id', rec)!r}: {exc}") from exc
