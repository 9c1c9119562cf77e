"""Minting instance IRIs: deterministic, so re-ingesting an article yields the same IRIs.

With base ``B`` (``Settings.base_iri``, default ``https://newsprov.org/id/``)::

    B graph/{id}                        the article's named graph
    B article/{id}                      the article
    B article/{id}/figure/{start}-{end} a figure (span of its number phrase)
    B article/{id}/quote/{start}-{end}  a quote
    B article/{id}/sentence/{start}-{end}  an evidence sentence
    B {entity key}                      an entity, shared by every article naming it
    B article/{id}/anon/{role}          an anonymous speaker, local to one article
    B event/{slug}                      an event

Ids and key segments are percent-encoded (``quote(..., safe="")``), so any article id
(spaces, slashes, ``#``) gives a valid IRI.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

from rdflib import URIRef

__all__ = [
    "ANON_PREFIX",
    "article_iri",
    "entity_iri",
    "event_iri",
    "figure_iri",
    "graph_iri",
    "quote_iri",
    "sentence_iri",
    "slugify",
]


ANON_PREFIX = "anon/"
"""Entity keys of anonymous speakers start with this."""


def _base(base_iri: str) -> str:
    """The base with a trailing separator, so ``"https://x/id"`` and ``".../id/"`` agree."""
    return base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"


@lru_cache(maxsize=1 << 16)
def _seg(text: str) -> str:
    """``text`` percent-encoded as one path segment (made once per text: an article's
    graph asks for the same keys' segments dozens of times)."""
    return quote(text, safe="")


def slugify(text: str) -> str:
    """Lower-case ASCII slug: "Syria coast clashes 2025" -> "syria-coast-clashes-2025"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or _seg(text.strip()) or "unnamed"


def graph_iri(article_id: str, base_iri: str) -> str:
    """IRI of the named graph that holds one article's triples."""
    return f"{_base(base_iri)}graph/{_seg(article_id)}"


def article_iri(article_id: str, base_iri: str) -> URIRef:
    """IRI of the article itself."""
    return URIRef(f"{_base(base_iri)}article/{_seg(article_id)}")


def _in_article(kind: str, article_id: str, start: int, end: int, base_iri: str) -> URIRef:
    return URIRef(f"{article_iri(article_id, base_iri)}/{kind}/{start}-{end}")


def figure_iri(article_id: str, start: int, end: int, base_iri: str) -> URIRef:
    """IRI of the figure whose number phrase spans ``[start, end)`` of the article text."""
    return _in_article("figure", article_id, start, end, base_iri)


def quote_iri(article_id: str, start: int, end: int, base_iri: str) -> URIRef:
    """IRI of the quote spanning ``[start, end)``."""
    return _in_article("quote", article_id, start, end, base_iri)


def sentence_iri(article_id: str, start: int, end: int, base_iri: str) -> URIRef:
    """IRI of the evidence sentence spanning ``[start, end)``."""
    return _in_article("sentence", article_id, start, end, base_iri)


def entity_iri(key: str, base_iri: str, *, article_id: str | None = None) -> URIRef:
    """IRI of an entity: its key's ``/``-separated segments, each percent-encoded.

    Keys are global: ``person/bashar-al-assad`` names the same IRI in every article.
    Anonymous speakers (keys ``anon/...``) are the exception when ``article_id`` is
    given: "a resident" in one article is not "a resident" in another, so their IRI
    lives under the article (``B article/{id}/anon/resident``).
    """
    path = "/".join(_seg(part) for part in key.split("/"))
    if article_id is not None and key.startswith(ANON_PREFIX):
        return URIRef(f"{article_iri(article_id, base_iri)}/{path}")
    return URIRef(_base(base_iri) + path)


def event_iri(event: str, base_iri: str) -> URIRef:
    """IRI of an event named ``event`` (slugified, so "Event A" and "event-a" agree)."""
    return URIRef(f"{_base(base_iri)}event/{slugify(event)}")
