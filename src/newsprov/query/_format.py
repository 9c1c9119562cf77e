"""Query rows as SPARQL 1.1 Query Results JSON, CSV, or plain display strings."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node
from rich.console import Group, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from newsprov.rdf.store import Rows

__all__ = [
    "RECORD_VIEW_BELOW",
    "display",
    "python_value",
    "rows_view",
    "term_json",
    "to_csv",
    "to_records",
    "to_sparql_json",
    "to_table_rows",
]

_PLAIN_TYPES = {None, XSD.string, RDF.langString}
_INTEGER_TYPES = {XSD.integer, XSD.int, XSD.long, XSD.nonNegativeInteger, XSD.positiveInteger}


def term_json(term: Node) -> dict[str, str]:
    """One RDF term as a SPARQL 1.1 JSON results binding."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype not in _PLAIN_TYPES:
            out["datatype"] = str(term.datatype)
        return out
    raise TypeError(f"not an RDF term: {term!r}")


def _binding(variables: tuple[str, ...], row: tuple[Node | None, ...]) -> dict[str, Any]:
    # "is not None", not truthiness: an empty string or 0 literal is still bound
    return {v: term_json(t) for v, t in zip(variables, row, strict=True) if t is not None}


def to_sparql_json(rows: Rows) -> dict[str, Any]:
    """Rows as a SPARQL 1.1 Query Results JSON document (unbound values left out)."""
    bindings = [_binding(rows.variables, row) for row in rows.rows]
    return {"head": {"vars": list(rows.variables)}, "results": {"bindings": bindings}}


def to_csv(rows: Rows) -> str:
    """Rows as SPARQL 1.1 CSV results: a header, lexical forms, empty for unbound, CRLF."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(rows.variables)
    for row in rows.rows:
        writer.writerow(["" if term is None else str(term) for term in row])
    return buf.getvalue()


def display(term: Node | None) -> str:
    """A term as a person reads it: decimals without trailing zeros ("1000", not "1000.0")."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in (XSD.decimal, XSD.double, XSD.float):
        return _plain_number(str(term))
    return str(term)


def _plain_number(lexical: str) -> str:
    try:
        number = Decimal(lexical)
    except InvalidOperation:
        return lexical
    if not number.is_finite():
        return lexical
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def to_table_rows(rows: Rows) -> list[list[str]]:
    """Rows as lists of plain strings for display (unbound -> "")."""
    return [[display(term) for term in row] for row in rows.rows]


def python_value(term: Node | None) -> Any:
    """A term as a plain Python value: numbers as int/float, booleans as bool, else str."""
    if term is None:
        return None
    if isinstance(term, Literal):
        try:
            if term.datatype in _INTEGER_TYPES:
                return int(str(term))
            if term.datatype in (XSD.decimal, XSD.double, XSD.float):
                return float(str(term))
        except ValueError:  # an ill-typed literal reads as its text
            return str(term)
        if term.datatype == XSD.boolean:
            return str(term) in ("true", "1")
    return str(term)


def to_records(rows: Rows) -> list[dict[str, Any]]:
    """Rows as dictionaries of plain Python values (None when unbound)."""
    return [
        {v: python_value(t) for v, t in zip(rows.variables, row, strict=True)} for row in rows.rows
    ]


RECORD_VIEW_BELOW = 100
"""Terminals narrower than this get one record per row instead of a table."""


def rows_view(
    variables: Sequence[str], rows: Sequence[Sequence[str]], width: int
) -> RenderableType:
    """A rich table of ``rows``, or below RECORD_VIEW_BELOW columns a record view: one
    block per row, ``name  value`` lines, long values wrapped at word boundaries."""
    if width >= RECORD_VIEW_BELOW:
        table = Table(show_lines=False, header_style="bold", expand=False)
        for var in variables:
            table.add_column(var, overflow="fold")
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))  # Text: cells are never markup
        return table
    return Group(*(_record(variables, row, n) for n, row in enumerate(rows, 1)))


def _record(variables: Sequence[str], row: Sequence[str], number: int) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for var, cell in zip(variables, row, strict=True):
        if cell:
            grid.add_row(var, Text(cell))
    return Group(Rule(f"{number}", align="left", style="dim"), grid)
