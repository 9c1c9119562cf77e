"""Content negotiation for the SPARQL endpoint: which serialisation a client gets.

A client picks a format with the ``format=`` parameter (a short name such as ``csv`` or a
media type; it wins over the header) or with an ``Accept`` header weighted by q-values.
Solutions (SELECT, ASK) and graphs (CONSTRUCT, DESCRIBE) have separate format tables;
the first entry of each table is the default.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "GRAPH_FORMATS",
    "SOLUTION_FORMATS",
    "Format",
    "NotAcceptable",
    "choose",
    "parse_accept",
]


@dataclass(frozen=True, slots=True)
class Format:
    """One serialisation: its canonical media type, aliases and short names."""

    name: str  # key the serialisers dispatch on
    media_type: str  # sent back as Content-Type
    aliases: tuple[str, ...] = ()  # other media types that mean the same
    short: tuple[str, ...] = ()  # ``format=`` values

    def matches_name(self, value: str) -> bool:
        """True when a ``format=`` value names this format."""
        value = value.strip().lower()
        return value in self.short or value == self.media_type or value in self.aliases

    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)


SOLUTION_FORMATS: tuple[Format, ...] = (
    Format("json", "application/sparql-results+json", ("application/json",), ("json", "srj")),
    Format(
        "xml", "application/sparql-results+xml", ("application/xml", "text/xml"), ("xml", "srx")
    ),
    Format("csv", "text/csv", (), ("csv",)),
    Format("tsv", "text/tab-separated-values", (), ("tsv",)),
)
"""Formats for SELECT and ASK results; JSON is the default."""

GRAPH_FORMATS: tuple[Format, ...] = (
    Format(
        "turtle",
        "text/turtle",
        ("application/turtle", "application/x-turtle"),
        ("turtle", "ttl", "n3", "text/n3"),
    ),
    Format("ntriples", "application/n-triples", ("text/plain",), ("ntriples", "nt", "n-triples")),
    Format("nquads", "application/n-quads", (), ("nquads", "nq", "n-quads")),
    Format(
        "jsonld",
        "application/ld+json",
        ("application/x-json+ld", "application/json"),
        ("jsonld", "json-ld", "json"),
    ),
    Format("rdfxml", "application/rdf+xml", ("application/xml", "text/xml"), ("rdfxml", "xml")),
)
"""Formats for CONSTRUCT and DESCRIBE results; Turtle is the default."""


class NotAcceptable(Exception):
    """No offered format satisfies the client (HTTP 406); the message lists the offers."""


@dataclass(frozen=True, slots=True)
class _Range:
    """One media range of an Accept header."""

    kind: str  # e.g. "text" or "*"
    sub: str  # e.g. "csv" or "*"
    q: float

    def specificity(self, media_type: str) -> int:
        """How specifically this range matches ``media_type`` (-1: not at all)."""
        kind, _, sub = media_type.partition("/")
        if self.kind == "*" and self.sub == "*":
            return 0
        if self.kind == kind and self.sub == "*":
            return 1
        if self.kind == kind and self.sub == sub:
            return 2
        return -1


def parse_accept(header: str) -> list[_Range]:
    """The media ranges of an Accept header; malformed entries are skipped."""
    ranges: list[_Range] = []
    for part in header.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        kind, slash, sub = media.lower().partition("/")
        if not slash or not kind or not sub:
            continue
        ranges.append(_Range(kind, sub, _quality(params)))
    return ranges


def _quality(params: Iterable[str]) -> float:
    for param in params:
        key, _, value = param.partition("=")
        if key.strip().lower() == "q":
            try:
                return min(max(float(value), 0.0), 1.0)
            except ValueError:
                return 0.0
    return 1.0


def _quality_for(fmt: Format, ranges: Sequence[_Range]) -> float:
    """The q-value the client gives ``fmt``: the most specific matching range decides."""
    best_spec, best_q = -1, 0.0
    for media_type in fmt.media_types():
        for rng in ranges:
            spec = rng.specificity(media_type)
            if media_type != fmt.media_type and spec < 2:
                continue  # wildcards select by canonical type; aliases only match exactly
            if spec > best_spec or (spec == best_spec and spec >= 0 and rng.q > best_q):
                best_spec, best_q = spec, rng.q
    return best_q if best_spec >= 0 else 0.0


def choose(offers: Sequence[Format], accept: str | None, format_params: Sequence[str]) -> Format:
    """Pick the format to answer with.

    The first ``format=`` value that names an offer wins; values naming nothing offered
    are ignored (SPARQLWrapper sends several). Then the Accept header decides, ties going
    to the earlier offer; no header means the default (first) offer.
    """
    for value in format_params:
        for fmt in offers:
            if fmt.matches_name(value):
                return fmt
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    best = max(offers, key=lambda f: (_quality_for(f, ranges), -offers.index(f)))
    if _quality_for(best, ranges) <= 0.0:
        names = ", ".join(f.media_type for f in offers)
        raise NotAcceptable(f"cannot answer with {accept!r}; available: {names}")
    return best
