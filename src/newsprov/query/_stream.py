"""Query results as a stream: rows of pyoxigraph terms, written out as they come.

:func:`stream` runs a SELECT and hands back its variables and a lazy iterator of rows,
cut by ``offset``/``limit`` (Oxigraph evaluates lazily, so a query without ORDER BY stops
computing once the limit is reached). The listing queries ``figures`` and ``quotes`` are
answered from the rows materialised when each article graph was written
(:mod:`newsprov.rdf.views`), the same rows their SPARQL gives, one triple per row. The
writers turn each row into CSV, SPARQL JSON or display strings directly from pyoxigraph's
terms: nothing is converted to rdflib terms first.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

import pyoxigraph as ox

from newsprov.errors import QueryError
from newsprov.query._catalog import resolve
from newsprov.query._format import _plain_number
from newsprov.rdf.store import Bindable, Rows, Store, from_ox, to_ox
from newsprov.rdf.view_rows import EncodedRows, decode_term
from newsprov.rdf.views import read_view, view_for

__all__ = ["Stream", "display_term", "json_term", "stream", "write_csv", "write_json"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_PLAIN = {_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_NUMBERS = {_XSD + "decimal", _XSD + "double", _XSD + "float"}

Row = tuple[Any, ...]


@dataclass(slots=True)
class Stream:
    """A SELECT's variables and its rows (pyoxigraph terms, None = unbound), read once.

    ``count`` is the number of rows handed out so far; ``repeated`` how many of them
    repeated an earlier row (counted only when ``track_repeats`` was set).
    """

    variables: tuple[str, ...]
    _rows: Iterator[Row]
    track_repeats: bool = False
    count: int = 0
    repeated: int = 0
    _seen: set[Row] = field(default_factory=set)

    def __iter__(self) -> Iterator[Row]:
        for row in self._rows:
            self.count += 1
            if self.track_repeats:
                if row in self._seen:
                    self.repeated += 1
                else:
                    self._seen.add(row)
            yield row

    def cells(self) -> Iterator[list[str]]:
        """Every remaining row as lexical forms, "" for unbound (as CSV writes them); rows
        materialised in the store are read as such, building no term."""
        source = self._rows
        if isinstance(source, EncodedRows) and not self.track_repeats:
            for cells in source.cells():
                self.count += 1
                yield cells
            return
        for row in self:
            yield ["" if t is None else t.value for t in row]

    def bindings_json(self) -> Iterator[str]:
        """Every remaining row as its SPARQL 1.1 Query Results JSON binding, serialised
        (``json.dumps`` of :func:`json_term` of each bound term); rows materialised in the
        store are written from their stored terms, each distinct one serialised once."""
        source = self._rows
        if isinstance(source, EncodedRows) and not self.track_repeats:
            columns = [_Fragments(json.dumps(v) + ": ") for v in self.variables]
            for row in source.encoded():
                self.count += 1
                yield "{" + ", ".join([columns[i][t] for i, t in enumerate(row) if t]) + "}"
            return
        for row in self:
            pairs = zip(self.variables, row, strict=True)
            binding = {v: json_term(t) for v, t in pairs if t is not None}
            yield json.dumps(binding, ensure_ascii=False)

    def to_rows(self) -> Rows:
        """Every remaining row as rdflib terms (for callers that want a Rows)."""
        return Rows(self.variables, tuple(tuple(from_ox(t) for t in row) for row in self))


def stream(
    store: Store,
    query: str | Path,
    bindings: Mapping[str, Bindable] | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> Stream:
    """Run a SELECT (canned name, ``.rq`` path or SPARQL) lazily; rows as they come."""
    if offset < 0 or (limit is not None and limit < 0):
        raise QueryError("limit and offset must not be negative")
    sparql = resolve(query)
    if isinstance(store, Store) and (view := view_for(sparql)) is not None:
        terms = {k: to_ox(v) for k, v in (bindings or {}).items()}
        found = read_view(store, view, terms, offset, limit)
        if found is not None:
            return Stream(*found)
    result = store.raw_query(sparql, bindings)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    variables = tuple(v.value for v in result.variables)
    keys = [ox.Variable(v) for v in variables]
    rows: Iterator[Row] = (tuple(sol[k] for k in keys) for sol in result)
    stop = None if limit is None else offset + limit
    return Stream(variables, islice(rows, offset, stop))


class _Fragments(dict[str, str]):
    """One column's stored term -> ``"name": binding`` as JSON, made on first use."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def __missing__(self, encoded: str) -> str:
        binding = json.dumps(json_term(decode_term(encoded)), ensure_ascii=False)
        fragment = self[encoded] = self.name + binding
        return fragment


def display_term(term: Any) -> str:
    """A term as a person reads it: decimals without trailing zeros, unbound as ""."""
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.datatype.value in _NUMBERS:
        return _plain_number(term.value)
    return str(term.value)


def json_term(term: Any) -> dict[str, str]:
    """One pyoxigraph term as a SPARQL 1.1 Query Results JSON binding."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value not in _PLAIN:
        out["datatype"] = term.datatype.value
    return out


def write_csv(rows: Stream, out: TextIO) -> int:
    """SPARQL 1.1 CSV results (lexical forms, empty for unbound, CRLF), row by row."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(rows.variables)
    writer.writerows(rows.cells())
    return rows.count


def write_json(rows: Stream, out: TextIO) -> int:
    """SPARQL 1.1 Query Results JSON, one binding per line, written as rows come."""
    out.write('{"head": {"vars": ' + json.dumps(list(rows.variables)) + "},\n")
    out.write(' "results": {"bindings": [')
    for i, binding in enumerate(rows.bindings_json()):
        out.write(("\n  " if i == 0 else ",\n  ") + binding)
    out.write("\n ]}}\n")
    return rows.count
