"""The SPARQL 1.1 Service Description served at ``GET /sparql`` without a query."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox

from newsprov.server.negotiate import GRAPH_FORMATS, SOLUTION_FORMATS, Format
from newsprov.server.results import RDF_FORMATS

__all__ = ["SD", "service_description"]

SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS = "http://www.w3.org/ns/formats/"
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_COMMENT = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
# W3C format IRIs (https://www.w3.org/ns/formats/) for each format name we offer.
_FORMAT_IRIS = {
    "json": "SPARQL_Results_JSON",
    "xml": "SPARQL_Results_XML",
    "csv": "SPARQL_Results_CSV",
    "tsv": "SPARQL_Results_TSV",
    "turtle": "Turtle",
    "ntriples": "N-Triples",
    "nquads": "N-Quads",
    "jsonld": "JSON-LD",
    "rdfxml": "RDF_XML",
}


def _sd(local: str) -> ox.NamedNode:
    return ox.NamedNode(SD + local)


def _service(endpoint: ox.NamedNode, note: str) -> list[ox.Triple]:
    triples = [
        ox.Triple(endpoint, _RDF_TYPE, _sd("Service")),
        ox.Triple(endpoint, _sd("endpoint"), endpoint),
        ox.Triple(endpoint, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        ox.Triple(endpoint, _sd("feature"), _sd("UnionDefaultGraph")),
        ox.Triple(endpoint, _COMMENT, ox.Literal(note)),
    ]
    for fmt in (*SOLUTION_FORMATS, *GRAPH_FORMATS):
        iri = ox.NamedNode(_FORMATS + _FORMAT_IRIS[fmt.name])
        triples.append(ox.Triple(endpoint, _sd("resultFormat"), iri))
    return triples


def _dataset(endpoint: ox.NamedNode, graphs: Sequence[str]) -> list[ox.Triple]:
    dataset, default = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        ox.Triple(endpoint, _sd("defaultDataset"), dataset),
        ox.Triple(dataset, _RDF_TYPE, _sd("Dataset")),
        ox.Triple(dataset, _sd("defaultGraph"), default),
        ox.Triple(default, _RDF_TYPE, _sd("Graph")),
    ]
    for i, graph in enumerate(graphs):
        node = ox.BlankNode(f"g{i}")
        triples += [
            ox.Triple(dataset, _sd("namedGraph"), node),
            ox.Triple(node, _RDF_TYPE, _sd("NamedGraph")),
            ox.Triple(node, _sd("name"), ox.NamedNode(graph)),
        ]
    return triples


def service_description(
    endpoint: str, graphs: Sequence[str], fmt: Format, *, timeout: float, limit: int
) -> bytes:
    """Describe the endpoint at ``endpoint`` and its named ``graphs`` in format ``fmt``."""
    note = (
        "Read-only SPARQL 1.1 Query endpoint of newsprov. The default graph is the union "
        "of all named graphs (one per article) unless default-graph-uri or FROM is given. "
        f"Queries time out after {timeout:g} s; results are cut at {limit} rows "
        "(header X-Newsprov-Truncated: true on answers sent whole; an answer streamed "
        "and cut ends with a note where its format allows one, and is broken off "
        "otherwise). SERVICE is disabled."
    )
    node = ox.NamedNode(endpoint)
    triples = _service(node, note) + _dataset(node, graphs)
    prefixes = {"sd": SD, "formats": _FORMATS, "rdfs": "http://www.w3.org/2000/01/rdf-schema#"}
    items: list[Any] = triples
    if fmt.name == "nquads":  # a quad format: the triples in the default graph
        items = [ox.Quad(t.subject, t.predicate, t.object) for t in triples]
    data = ox.serialize(items, format=RDF_FORMATS[fmt.name], prefixes=prefixes)
    return data or b""
