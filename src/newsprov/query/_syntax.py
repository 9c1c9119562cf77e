"""SPARQL syntax errors as one readable line: where, what was found, and a hint.

Oxigraph reports a parse error as ``error at LINE:COLUMN: expected one of …`` followed
by every character class its grammar would accept, over several lines. People need the
position, the text found there and, for the commonest slip (a prefix never declared),
its name.
"""

from __future__ import annotations

import re

__all__ = ["syntax_message"]

_POSITION = re.compile(r"error at (\d+):(\d+)(?:-\d+:\d+)?:?\s*(.*)", re.DOTALL)
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:[\w.-]*$")
_SNIPPET = 24


def _offset(sparql: str, line: int, column: int) -> int:
    """Character offset of 1-based ``line``, ``column`` (Oxigraph counts columns from 0)."""
    lines = sparql.split("\n")
    if not 1 <= line <= len(lines):
        return len(sparql)
    return sum(len(text) + 1 for text in lines[: line - 1]) + min(column, len(lines[line - 1]))


def _context(sparql: str, offset: int) -> str:
    """The text just before ``offset`` on its line (where the parser gave up)."""
    before = sparql[:offset].rsplit("\n", 1)[-1].strip()
    if not sparql[offset:].strip():
        return "at the end of the query"
    if not before:
        return "at the start of the line"
    return "after " + repr(before if len(before) <= _SNIPPET else "…" + before[-_SNIPPET + 1 :])


def _undeclared_prefix(sparql: str, offset: int) -> str | None:
    words = sparql[:offset].split()
    match = _PREFIXED.search(words[-1]) if words else None
    if match is None:
        return None
    return match.group(1) or ""


def _expected(detail: str) -> str:
    first = detail.strip().splitlines()[0] if detail.strip() else ""
    return f" ({first})" if first and len(first) <= _SNIPPET * 3 else ""


def syntax_message(sparql: str, error: str) -> str:
    """One line saying where ``sparql`` fails to parse, from Oxigraph's ``error`` text."""
    match = _POSITION.search(error)
    if match is None:
        first = error.strip().splitlines()[0] if error.strip() else "unknown error"
        return f"malformed SPARQL: {first}"
    line, column, detail = int(match.group(1)), int(match.group(2)), match.group(3)
    offset = _offset(sparql, line, column)
    where = f"malformed SPARQL at line {line}, column {column + 1}"
    if "Prefix not found" in detail:
        prefix = _undeclared_prefix(sparql, offset)
        if prefix is not None:
            return (
                f"{where}: undeclared prefix '{prefix}:' (add 'PREFIX {prefix}: <…>'; "
                "predefined: see newsprov.query.PREFIXES)"
            )
    return f"{where}, {_context(sparql, offset)}{_expected(detail)}"
