"""Refusing federated queries: a SPARQL ``SERVICE`` clause found by parsing, not by pattern.

Oxigraph evaluates ``SERVICE <url> { … }`` by sending an HTTP request to ``url``, so a
query could make newsprov (and the machine it runs on) fetch any address. Every query
newsprov runs goes through :func:`refuse_service` unless the caller allows federation
explicitly.

The query is parsed with rdflib's SPARQL parser and translated to its algebra; any
``ServiceGraphPattern`` in the tree (at any depth: inside OPTIONAL, UNION, EXISTS,
sub-queries …) refuses it. rdflib does not parse every extension Oxigraph accepts; for
such a query the SPARQL tokens are read instead (comments, strings, IRIs, variables and
prefixed names are single tokens, ``\\u`` escapes are decoded first, as SPARQL defines),
and a bare ``SERVICE`` keyword refuses it. Both checks run (either one refuses), except
that the query files newsprov ships are only token-checked: the tests parse each of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache
from typing import Any

from newsprov.errors import QueryError

__all__ = ["ServiceRefused", "has_service", "refuse_service", "shipped_queries", "vetted"]


class ServiceRefused(QueryError):
    """A query with a SERVICE clause, refused because federation is not allowed."""


_PARSER = ThreadPoolExecutor(1, thread_name_prefix="newsprov-sparql-check")
_QUERY_PACKAGES = ("newsprov.query", "newsprov.analysis")
_VETTED: set[str] = set()  # query constants of newsprov's own modules (see vetted)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<long>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*''')
  | (?P<string>"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]*)
  | (?P<lang>@[A-Za-z][\w-]*)
  | (?P<pname>(?:[^\W\d][\w.-]*)?:[\w.:%\\-]*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


def refuse_service(query: str) -> None:
    """Raise ServiceRefused when ``query`` contains a SERVICE clause."""
    if has_service(query):
        raise ServiceRefused(
            "federated queries (SERVICE) are refused: newsprov never lets a query "
            "fetch other endpoints"
        )


@lru_cache(maxsize=1024)
def has_service(query: str) -> bool:
    """True when the query's algebra, or failing a parse its tokens, holds a SERVICE.

    A query file newsprov ships (the canned queries, the cross-reference's queries) is
    part of its code: its tokens are still read, but it is not parsed again in every
    process (parsing costs about 0.1 s a query, several per ingest); the tests hold every
    shipped file to the full check."""
    if query in _VETTED or query in shipped_queries():
        return _keyword_service(query)
    return _keyword_service(query) or _algebra_service(query)


def vetted(query: str) -> str:
    """Register a query text that newsprov's own code defines (a module constant), so it is
    token-checked only, like a shipped file; returns it. The tests parse every one."""
    _VETTED.add(query)
    return query


@lru_cache(maxsize=1)
def shipped_queries() -> frozenset[str]:
    """The text of every ``.rq`` file in newsprov's query folders."""
    from importlib import resources

    texts = set()
    for package in _QUERY_PACKAGES:
        for entry in resources.files(package).joinpath("queries").iterdir():
            if entry.name.endswith(".rq"):
                texts.add(entry.read_text("utf-8"))
    return frozenset(texts)


def _algebra_service(query: str) -> bool:
    # pyparsing keeps exceptions (packrat cache, frames caught in cycles) whose frames hold
    # their callers' frames: parsed on a thread of its own, the caller's frames (holding a
    # query result, and so the store) are never among them.
    return _PARSER.submit(_parse_for_service, query).result()


def _parse_for_service(query: str) -> bool:
    from pyparsing import ParserElement
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = translateQuery(parseQuery(query)).algebra
    except Exception:  # rdflib cannot read it: the token check alone decides
        return False
    finally:
        ParserElement.reset_cache()
    return any(getattr(node, "name", None) == "ServiceGraphPattern" for node in _walk(tree))


def _walk(tree: Any) -> Iterator[Any]:
    """Every node of an rdflib algebra tree (CompValues are dicts; parts may be lists)."""
    stack, seen = [tree], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list | tuple | set):
            stack.extend(node)


def _unescape(m: re.Match[str]) -> str:
    code = int(m.group(1) or m.group(2), 16)
    return chr(code) if code <= 0x10FFFF else m.group()


def _keyword_service(query: str) -> bool:
    """A bare SERVICE keyword among the query's tokens."""
    text = _ESCAPE.sub(_unescape, query)
    return any(
        m.lastgroup == "word" and m.group().upper() == "SERVICE" for m in _TOKEN.finditer(text)
    )
