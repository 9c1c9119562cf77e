"""Serialising a query :class:`Outcome` in the negotiated format.

Solutions are written as SPARQL 1.1 Query Results JSON here, and the other result
formats (XML, CSV, TSV) come from re-reading that JSON with pyoxigraph and letting it
write the target format, so every format follows Oxigraph's spec-conformant writers even
though the rows were cut at the limit. Graphs go straight to ``pyoxigraph.serialize``.
"""

from __future__ import annotations

import json
from typing import Any

import pyoxigraph as ox

from newsprov.rdf.namespaces import PREFIXES
from newsprov.server.execute import Outcome
from newsprov.server.negotiate import Format

__all__ = ["RDF_FORMATS", "serialize_outcome", "term_json"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

_RESULT_FORMATS = {
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_WITH_PREFIXES = {"turtle", "rdfxml"}


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


def _json_document(outcome: Outcome) -> dict[str, Any]:
    if outcome.kind == "boolean":
        return {"head": {}, "boolean": outcome.boolean}
    bindings = [
        {
            var: term_json(term)
            for var, term in zip(outcome.variables, row, strict=True)
            if term is not None
        }
        for row in outcome.rows
    ]
    return {"head": {"vars": list(outcome.variables)}, "results": {"bindings": bindings}}


def serialize_outcome(outcome: Outcome, fmt: Format) -> bytes:
    """The body of the response to ``outcome`` in format ``fmt``."""
    if outcome.kind == "triples":
        prefixes = PREFIXES if fmt.name in _WITH_PREFIXES else None
        data = ox.serialize(outcome.triples, format=RDF_FORMATS[fmt.name], prefixes=prefixes)
        return data or b""
    body = json.dumps(_json_document(outcome), ensure_ascii=False).encode("utf-8")
    if fmt.name == "json":
        return body
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    return bytes(parsed.serialize(format=_RESULT_FORMATS[fmt.name]) or b"")
