"""The materialised rows of :mod:`newsprov.rdf.views` as text: terms as short strings,
a row as one literal, and back.

A term is its lexical form behind a tag (``<`` IRI, ``"`` plain string, ``@lang `` a
language-tagged string, ``^datatype `` a typed literal, ``_`` a blank node). A row is the
digest of the query it was computed with, the article id, its position in the article
and its terms, separated by U+001F (empty for an unbound term): split is far cheaper
than parsing JSON, and listing 40,000 rows parses 40,000 of them. A row whose values
hold U+001F themselves is written as a JSON array instead, which starts with ``[``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Any

import pyoxigraph as ox

__all__ = [
    "EncodedRows",
    "decode_rows",
    "decode_term",
    "encode_term",
    "parse_row",
    "row_fields",
    "row_text",
]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SEP = "\x1f"


def encode_term(term: Any) -> str | None:
    """A pyoxigraph term as a tagged string (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return "<" + term.value
    if isinstance(term, ox.BlankNode):
        return "_" + term.value
    if term.language:
        return f"@{term.language} {term.value}"
    if term.datatype.value == _XSD_STRING:
        return '"' + term.value
    return f"^{term.datatype.value} {term.value}"


@cache
def _datatype(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def decode_term(text: str | None) -> Any:
    """The pyoxigraph term of a tagged string (None stays None)."""
    if text is None:
        return None
    tag, body = text[0], text[1:]
    if tag == '"':
        return ox.Literal(body)
    if tag == "<":
        return ox.NamedNode(body)
    if tag == "^":
        datatype, _, value = body.partition(" ")
        return ox.Literal(value, datatype=_datatype(datatype))
    if tag == "@":
        language, _, value = body.partition(" ")
        return ox.Literal(value, language=language)
    return ox.BlankNode(body)


def row_text(digest: str, article_id: str, position: int, terms: list[str | None]) -> str:
    """One row as stored: digest, article id, position and the encoded terms (empty for
    unbound), split by U+001F; as JSON when a value holds that character itself."""
    parts = [digest, article_id, str(position), *("" if t is None else t for t in terms)]
    if any(_SEP in part for part in parts):
        return json.dumps([digest, article_id, position, terms], ensure_ascii=False)
    return _SEP.join(parts)


def row_fields(text: str) -> list[str]:
    """A stored row as strings: query digest, article id, position, then the encoded
    terms, "" for unbound (what :func:`decode_rows` takes after the first three)."""
    if not text.startswith("["):
        return text.split(_SEP)
    digest, article_id, position, terms = json.loads(text)
    return [digest, article_id, str(position), *("" if t is None else t for t in terms)]


def parse_row(text: str) -> tuple[str, str, int, list[str | None]]:
    """A stored row: (query digest, article id, position, encoded terms or None)."""
    digest, article_id, position, *terms = row_fields(text)
    return digest, article_id, int(position), [t or None for t in terms]


def decode_rows(rows: Iterable[Sequence[str | None]]) -> EncodedRows:
    """Rows of encoded terms (None or "" unbound) as pyoxigraph terms, each distinct term
    built once; :meth:`EncodedRows.cells` gives their lexical forms instead."""
    return EncodedRows(rows)


class EncodedRows(Iterator[tuple[Any, ...]]):
    """Rows of encoded terms, read once: iterated, as tuples of pyoxigraph terms (None
    for unbound); through :meth:`cells`, as lists of lexical forms ("" for unbound),
    building no term at all (what the CSV writer needs); through :meth:`encoded`, as
    stored."""

    __slots__ = ("_built", "_source")

    def __init__(self, rows: Iterable[Sequence[str | None]]) -> None:
        self._source = iter(rows)
        self._built = _Terms({None: None, "": None})

    def __iter__(self) -> EncodedRows:
        return self

    def __next__(self) -> tuple[Any, ...]:
        return tuple(map(self._built.__getitem__, next(self._source)))

    def cells(self) -> Iterator[list[str]]:
        """The remaining rows as lexical forms, "" for unbound."""
        lexical = _Lexical({None: "", "": ""})
        return (list(map(lexical.__getitem__, row)) for row in self._source)

    def encoded(self) -> Iterator[Sequence[str | None]]:
        """The remaining rows as they are stored: encoded terms, "" or None unbound."""
        return self._source


class _Terms(dict[str | None, Any]):
    """Encoded term -> pyoxigraph term, built on first use."""

    def __missing__(self, text: str | None) -> Any:
        term = self[text] = decode_term(text)
        return term


class _Lexical(dict[str | None, str]):
    """Encoded term -> its lexical form (the text after the tag, and after the datatype
    or language of a literal that has one), found on first use."""

    def __missing__(self, text: str | None) -> str:
        assert text
        body = text[1:]
        value = self[text] = body.partition(" ")[2] if text[0] in "^@" else body
        return value
