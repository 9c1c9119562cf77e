"""Reading a SPARQL 1.1 Protocol request: the query, its dataset and format parameters.

Three ways to send a query: ``GET /sparql?query=...``, ``POST`` with an
``application/x-www-form-urlencoded`` body holding ``query=...``, and ``POST`` with an
``application/sparql-query`` body. ``default-graph-uri`` and ``named-graph-uri`` may be
repeated in the URL (and, for form posts, in the body). The endpoint is read-only, so
every way of sending a SPARQL Update is refused with 403.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from starlette.datastructures import QueryParams
from starlette.requests import Request

__all__ = ["ProtocolError", "SparqlRequest", "looks_like_update", "read_request"]

_FORM = "application/x-www-form-urlencoded"
_QUERY_BODY = "application/sparql-query"
_UPDATE_BODY = "application/sparql-update"
_MAX_BODY = 1_000_000  # bytes; a query longer than this is a mistake or an attack
READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"

# What may come before the first keyword of a request: comments, BASE and PREFIX lines.
_PROLOGUE = re.compile(
    r"(?:\s+|#[^\n]*\n?|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*", re.IGNORECASE
)
_UPDATE_KEYWORD = re.compile(
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE
)
_DATASET_CLAUSE = re.compile(r"\bFROM\s+(?:NAMED\s+)?(?:<|[A-Za-z_]*:)", re.IGNORECASE)


class ProtocolError(Exception):
    """A request the endpoint answers with an HTTP error; ``status`` is the code."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class SparqlRequest:
    """A query request as the protocol defines it."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    format_params: tuple[str, ...] = ()

    @property
    def has_dataset_clause(self) -> bool:
        """True when the query names its own dataset with FROM / FROM NAMED.

        Then the query's dataset is used instead of the union of all graphs (a regex
        check: a FROM inside a string literal fools it, which only changes that default).
        """
        return bool(_DATASET_CLAUSE.search(self.query))


def looks_like_update(text: str) -> bool:
    """True when ``text`` (after its prologue) starts with a SPARQL Update keyword."""
    start = _PROLOGUE.match(text)
    rest = text[start.end() if start else 0 :]
    return bool(_UPDATE_KEYWORD.match(rest))


async def read_request(request: Request) -> SparqlRequest | None:
    """The query request carried by ``request``; None for a bare GET (service description).

    Raises ProtocolError for updates (403), unsupported bodies (415) and malformed
    parameter sets (400).
    """
    params = request.query_params
    if "update" in params:
        raise ProtocolError(403, READ_ONLY)
    if request.method == "GET":
        return _from_params(params, None) if "query" in params else None
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == _UPDATE_BODY:
        raise ProtocolError(403, READ_ONLY)
    if media == _FORM:
        form = _parse_form(await _read_body(request))
        if "update" in form:
            raise ProtocolError(403, READ_ONLY)
        return _from_params(params, form)
    if media == _QUERY_BODY:
        body = await _read_body(request)
        return _build(body, params, None)
    raise ProtocolError(
        415, f"unsupported Content-Type {media or '(none)'!r}; send {_FORM} or {_QUERY_BODY}"
    )


async def _read_body(request: Request) -> str:
    """The body, read in chunks and refused (413) as soon as it passes the limit."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > _MAX_BODY:
            raise ProtocolError(413, f"query longer than {_MAX_BODY} bytes")
        chunks.append(chunk)
    body = b"".join(chunks)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"query is not UTF-8: {exc}") from exc


def _parse_form(body: str) -> dict[str, list[str]]:
    """A urlencoded body as name -> values (parsed here: no multipart library needed)."""
    form: dict[str, list[str]] = {}
    for name, value in parse_qsl(body, keep_blank_values=True):
        form.setdefault(name, []).append(value)
    return form


def _from_params(params: QueryParams, form: dict[str, list[str]] | None) -> SparqlRequest:
    queries = list(form.get("query", [])) if form is not None else []
    queries += params.getlist("query")
    if len(queries) != 1:
        raise ProtocolError(400, f"expected exactly one 'query' parameter, got {len(queries)}")
    return _build(queries[0], params, form)


def _build(query: str, params: QueryParams, form: dict[str, list[str]] | None) -> SparqlRequest:
    if looks_like_update(query):
        raise ProtocolError(403, READ_ONLY)

    def many(name: str) -> tuple[str, ...]:
        values = list(params.getlist(name))
        if form is not None:
            values += form.get(name, [])
        return tuple(values)

    return SparqlRequest(
        query=query,
        default_graphs=many("default-graph-uri"),
        named_graphs=many("named-graph-uri"),
        format_params=many("format"),
    )
