"""Writing a query's answer in the negotiated format as it is read, row by row.

:func:`write_answer` takes the pyoxigraph result of a query and hands its serialisation
to a callback in chunks of about :data:`CHUNK` bytes, each ending between two rows
(solutions, or triples in N-Triples / N-Quads) so that a stream stopped at any chunk can
still be closed properly. No answer is held whole, and no term is converted to rdflib.

Solutions are written here in the SPARQL 1.1 Query Results JSON, XML, CSV and TSV
formats, term by term as Oxigraph's writers do; graphs (CONSTRUCT, DESCRIBE) in
N-Triples and N-Quads line by line, and in Turtle, JSON-LD and RDF/XML by Oxigraph's own
streaming serialiser fed one triple at a time. ASK answers are one word.

The limits: at most ``rows`` solutions or triples and about ``max_bytes`` bytes of body,
checked before each row. An answer cut at a limit says so where the format has room for a
note after its last row (:data:`MARKED`: an XML comment, a ``#`` comment line), and the
writer returns the :class:`Cut`; what the server does with a cut in the other formats is
described in :mod:`newsprov.server.app`.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Any, Literal, cast

import pyoxigraph as ox

from newsprov.rdf.namespaces import PREFIXES
from newsprov.server.negotiate import Format

__all__ = [
    "ALIGNED",
    "CHUNK",
    "MARKED",
    "RDF_FORMATS",
    "Cancelled",
    "Cut",
    "closing",
    "term_json",
    "write_answer",
]

CHUNK = 64 * 1024
"""Bytes of rows gathered before they are handed on (the first chunk is smaller)."""
_FIRST_CHUNK = 8 * 1024

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"
_XML_HEAD = f'<?xml version="1.0"?><sparql xmlns="{_RESULTS_NS}">'

RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_WITH_PREFIXES = {"turtle", "rdfxml"}
_BY_LINE = {"ntriples", "nquads"}
MARKED = frozenset({"xml", "turtle", "ntriples", "nquads"})
"""Formats whose answer, cut at a limit, ends with a note saying so (and stays valid)."""
ALIGNED = frozenset({"json", "xml", "csv", "tsv", "ntriples", "nquads"})
"""Formats written here row by row: every chunk ends between two rows."""

Kind = Literal["solutions", "boolean", "triples"]
Emit = Callable[[bytes], None]


class Cancelled(Exception):
    """Raised inside a writer whose caller gave up (the client went away)."""


@dataclass(frozen=True, slots=True)
class Cut:
    """Why an answer stopped early: ``by`` rows, bytes, time or memory, at ``limit``."""

    by: Literal["rows", "bytes", "time", "memory"]
    limit: float

    def text(self) -> str:
        unit = {"rows": "rows", "bytes": "bytes", "time": "s", "memory": "MB"}[self.by]
        return f"truncated at the server's limit of {self.limit:g} {unit}"


def closing(fmt: Format, kind: Kind, cut: Cut | None) -> bytes:
    """What ends an answer in ``fmt`` written row by row, with the note of ``cut``."""
    name = fmt.name
    note = "" if cut is None else cut.text()
    if kind == "solutions":
        if name == "json":
            return b"]}}"
        if name == "xml":
            comment = f"<!-- newsprov: {note} -->" if note else ""
            return f"</results>{comment}</sparql>".encode()
        return b""
    if name in _BY_LINE | {"turtle"} and note:
        return f"# newsprov: {note}\n".encode()
    return b""


def term_json(term: Any) -> dict[str, Any]:
    """One pyoxigraph term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):  # RDF 1.2 triple term
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: term_json(getattr(term, p)) for p in parts}}
    raise TypeError(f"cannot serialise term {term!r}")


# --- solutions, one row at a time ---------------------------------------------------


def _json_row(variables: tuple[str, ...], row: tuple[Any, ...]) -> str:
    binding = {v: term_json(t) for v, t in zip(variables, row, strict=True) if t is not None}
    return json.dumps(binding, ensure_ascii=False, separators=(",", ":"))


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;")


def _xml_term(term: Any) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{_xml_text(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{_xml_text(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            attr = f' xml:lang="{_xml_attr(term.language)}"'
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            attr = f' datatype="{_xml_attr(term.datatype.value)}"'
        else:
            attr = ""
        return f"<literal{attr}>{_xml_text(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        inner = "".join(f"<{p}>{_xml_term(getattr(term, p))}</{p}>" for p in parts)
        return f"<triple>{inner}</triple>"
    raise TypeError(f"cannot serialise term {term!r}")


def _xml_row(variables: tuple[str, ...], row: tuple[Any, ...]) -> str:
    bindings = "".join(
        f'<binding name="{v}">{_xml_term(t)}</binding>'
        for v, t in zip(variables, row, strict=True)
        if t is not None
    )
    return f"<result>{bindings}</result>"


def _csv_term(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.NamedNode | ox.Literal):
        value: str = term.value
    else:  # a triple term: its N-Triples form
        value = str(term)
    if any(c in value for c in '",\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _csv_row(variables: tuple[str, ...], row: tuple[Any, ...]) -> str:
    return ",".join(_csv_term(t) for t in row) + "\r\n"


_TSV_ESCAPES = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r", '"': '\\"', "\\": "\\\\"})
_BARE = {
    _XSD + "boolean": re.compile(r"true|false"),
    _XSD + "integer": re.compile(r"[+-]?[0-9]+"),
    _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    _XSD + "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+"),
}


def _tsv_term(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        value, datatype = term.value, term.datatype.value
        quoted = '"' + value.translate(_TSV_ESCAPES) + '"'
        if term.language:
            return f"{quoted}@{term.language}"
        bare = _BARE.get(datatype)
        if bare is not None and bare.fullmatch(value):
            return value
        if datatype == _XSD_STRING:
            return quoted
        return f"{quoted}^^<{datatype}>"
    return str(term)  # IRIs <...>, blank nodes _:..., triple terms in N-Triples form


def _tsv_row(variables: tuple[str, ...], row: tuple[Any, ...]) -> str:
    return "\t".join(_tsv_term(t) for t in row) + "\n"


def _solutions_head(name: str, variables: tuple[str, ...]) -> str:
    if name == "json":
        return (
            json.dumps({"head": {"vars": list(variables)}}, separators=(",", ":"))[:-1]
            + ',"results":{"bindings":['
        )
    if name == "xml":
        names = "".join(f'<variable name="{v}"/>' for v in variables)
        return f"{_XML_HEAD}<head>{names}</head><results>"
    if name == "csv":
        return ",".join(variables) + "\r\n"
    return "\t".join(f"?{v}" for v in variables) + "\n"


_ROW_WRITERS: dict[str, Callable[[tuple[str, ...], tuple[Any, ...]], str]] = {
    "json": _json_row,
    "xml": _xml_row,
    "csv": _csv_row,
    "tsv": _tsv_row,
}


def _boolean(name: str, value: bool) -> bytes:
    word = "true" if value else "false"
    if name == "json":
        return f'{{"head":{{}},"boolean":{word}}}'.encode()
    if name == "xml":
        return f"{_XML_HEAD}<head></head><boolean>{word}</boolean></sparql>".encode()
    return word.encode()


# --- the writer ------------------------------------------------------------------------


class _Chunks:
    """Gathers written text into chunks for ``emit``, counting the bytes of the body."""

    def __init__(self, emit: Emit, cancel: threading.Event) -> None:
        self.emit = emit
        self.cancel = cancel
        self.parts: list[bytes] = []
        self.pending = 0
        self.written = 0
        self.size = _FIRST_CHUNK

    def add(self, data: bytes) -> None:
        self.parts.append(data)
        self.pending += len(data)
        self.written += len(data)
        if self.pending >= self.size:
            self.flush()

    def flush(self) -> None:
        if self.cancel.is_set():
            raise Cancelled
        if self.parts:
            self.emit(b"".join(self.parts))
            self.parts, self.pending, self.size = [], 0, CHUNK


@dataclass(frozen=True, slots=True)
class Written:
    """What :func:`write_answer` wrote: the kind of answer, how it was cut, and the bytes
    that end it (not yet written: a server may withhold them from a stream it breaks off)."""

    kind: Kind
    cut: Cut | None
    end: bytes = b""


def write_answer(
    result: Any,
    formats: Callable[[Kind], Format],
    *,
    rows: int,
    max_bytes: int,
    emit: Emit,
    cancel: threading.Event,
    started: Callable[[Kind, Format], None] = lambda kind, fmt: None,
) -> Written:
    """Write the pyoxigraph ``result`` to ``emit`` in the format ``formats`` picks for its
    kind (it may raise to refuse), after calling ``started``; at most ``rows`` rows and
    about ``max_bytes`` bytes. The closing is returned, not written. Raises Cancelled
    when ``cancel`` is set, checked at each chunk."""
    if isinstance(result, ox.QueryBoolean):
        fmt = formats("boolean")
        started("boolean", fmt)
        emit(_boolean(fmt.name, bool(result)))
        return Written("boolean", None)
    out = _Chunks(emit, cancel)
    if isinstance(result, ox.QuerySolutions):
        fmt = formats("solutions")
        started("solutions", fmt)
        cut = _write_solutions(result, fmt, rows, max_bytes, out)
        out.flush()
        return Written("solutions", cut, closing(fmt, "solutions", cut))
    fmt = formats("triples")
    started("triples", fmt)
    if fmt.name in _BY_LINE:
        cut = _write_lines(result, rows, max_bytes, out)
    else:
        try:
            cut = _write_serialised(result, fmt, rows, max_bytes, out)
        except Exception:  # raised in the sink, through Oxigraph's serialiser
            if cancel.is_set():
                raise Cancelled from None
            raise
    out.flush()
    return Written("triples", cut, closing(fmt, "triples", cut))


def _write_solutions(
    result: Any, fmt: Format, rows: int, max_bytes: int, out: _Chunks
) -> Cut | None:
    variables = tuple(v.value for v in result.variables)
    width = range(len(variables))
    write_row = _ROW_WRITERS[fmt.name]
    out.add(_solutions_head(fmt.name, variables).encode("utf-8"))
    separator = b"," if fmt.name == "json" else b""
    for count, solution in enumerate(result):
        if count >= rows:
            return Cut("rows", rows)
        data = write_row(variables, tuple(solution[i] for i in width)).encode("utf-8")
        if count:
            data = separator + data
        if out.written + len(data) > max_bytes:
            return Cut("bytes", max_bytes)
        out.add(data)
    return None


def _write_lines(result: Any, rows: int, max_bytes: int, out: _Chunks) -> Cut | None:
    for count, triple in enumerate(result):
        if count >= rows:
            return Cut("rows", rows)
        data = f"{triple} .\n".encode()
        if out.written + len(data) > max_bytes:
            return Cut("bytes", max_bytes)
        out.add(data)
    return None


class _Sink:
    """A binary file for Oxigraph's serialiser, passing what it writes to the chunks."""

    def __init__(self, out: _Chunks) -> None:
        self.out = out

    def write(self, data: bytes) -> int:
        self.out.add(bytes(data))
        return len(data)

    def flush(self) -> None:
        return None


def _write_serialised(
    result: Any, fmt: Format, rows: int, max_bytes: int, out: _Chunks
) -> Cut | None:
    cut: list[Cut] = []

    def triples() -> Iterator[Any]:
        for count, triple in enumerate(result):
            if count >= rows:
                cut.append(Cut("rows", rows))
                return
            if out.written >= max_bytes:
                cut.append(Cut("bytes", max_bytes))
                return
            yield triple

    prefixes = PREFIXES if fmt.name in _WITH_PREFIXES else None
    sink = cast(IO[bytes], _Sink(out))
    ox.serialize(triples(), sink, format=RDF_FORMATS[fmt.name], prefixes=prefixes)
    return cut[0] if cut else None
