"""An external triple store over HTTP: Virtuoso, Fuseki, GraphDB or an Oxigraph server.

:class:`RemoteStore` offers the part of :class:`~newsprov.rdf.store.Store` that ingest,
cross-referencing and queries use. Writes go through the SPARQL 1.1 Graph Store HTTP
Protocol (``PUT`` replaces one article's named graph whole, so re-ingesting never
duplicates); reads through the SPARQL 1.1 Protocol (``POST`` of the query, results as
SPARQL XML, parsed by pyoxigraph into the same term objects the embedded store yields).

Queries see the union of the named graphs as their default graph (the stores named above
do so by default). newsprov's prefixes are declared in front of every query. A remote
endpoint cannot substitute variables, so bound values travel in a trailing ``VALUES``
block: each value is one RDF term written by pyoxigraph's serialiser (IRIs validated,
literals escaped), which cannot change the query's structure.
"""

from __future__ import annotations

import io
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import pyoxigraph as ox
import rdflib

from newsprov.errors import QueryError, StoreError
from newsprov.rdf.namespaces import PREFIXES
from newsprov.rdf.store import Bindable, Rows, from_ox, ntriples, to_ox

__all__ = ["RemoteStore", "is_remote"]

_RESULTS_XML = "application/sparql-results+xml"
_PROLOGUE = re.compile(r"\s*($|#|PREFIX\b|BASE\b)", re.IGNORECASE)
_NTRIPLES = "application/n-triples"


def is_remote(location: str) -> bool:
    """True when a ``--store`` value names an HTTP(S) endpoint rather than a folder."""
    return location.startswith(("http://", "https://"))


def _prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in sorted(PREFIXES.items()))


def _values_block(bindings: Mapping[str, Bindable]) -> str:
    names = " ".join(str(ox.Variable(k)) for k in bindings)
    terms = [to_ox(v) for v in bindings.values()]
    if any(isinstance(t, ox.BlankNode) for t in terms):
        raise QueryError("a blank node cannot be bound in a query to a remote store")
    return f"VALUES ({names}) {{ ({' '.join(str(t) for t in terms)}) }}"


def _bound(sparql: str, bindings: Mapping[str, Bindable] | None) -> str:
    """The query joined with its bound values: ``SELECT * { VALUES … { the query } }``.

    The query goes in whole as a sub-select (its prologue of PREFIX/BASE lines and
    comments stays in front), so the values filter its rows whatever its form; a
    trailing VALUES block is not joined correctly by every engine (Virtuoso 7 replaces
    the column instead). The order of the rows is then the engine's.
    """
    if not bindings:
        return sparql
    lines = sparql.splitlines()
    head = 0
    while head < len(lines) and _PROLOGUE.match(lines[head]):
        head += 1
    prologue, body = "\n".join(lines[:head]), "\n".join(lines[head:])
    if not body.lstrip().upper().startswith("SELECT"):
        raise QueryError("a remote store binds values in SELECT queries only")
    return f"{prologue}\nSELECT * WHERE {{ {_values_block(bindings)}\n{{ {body}\n}} }}"


class RemoteStore:
    """A SPARQL endpoint at ``query_url`` with a Graph Store endpoint at ``graph_store_url``.

    ``graph_store_url`` defaults to ``query_url`` (Fuseki serves both on a dataset's URL);
    Virtuoso's is ``…/sparql-graph-crud``, an Oxigraph server's ``…/store``.
    """

    path = None  # not a folder: nothing on this machine to flush or lock

    def __init__(
        self,
        query_url: str,
        *,
        graph_store_url: str | None = None,
        timeout: float = 120.0,
        read_only: bool = False,
    ) -> None:
        if not is_remote(query_url):
            raise StoreError(f"not an http(s) SPARQL endpoint: {query_url}")
        self.query_url = query_url
        self.graph_store_url = graph_store_url or query_url
        self.timeout = timeout
        self.read_only = read_only

    # --- HTTP ----------------------------------------------------------------------

    def _send(self, request: urllib.request.Request) -> tuple[str, bytes]:
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read()[:300].decode("utf-8", "replace").replace("\n", " ").strip()
            where = f"{request.get_method()} {request.full_url.split('?')[0]}"
            raise StoreError(f"{where} answered {exc.code}: {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach {self.query_url}: {exc}") from exc

    def _query(self, sparql: str, accept: str) -> tuple[str, bytes]:
        body = urllib.parse.urlencode({"query": _prefixes() + sparql}).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}
        return self._send(urllib.request.Request(self.query_url, body, headers, method="POST"))

    def _graph_url(self, graph_iri: str) -> str:
        sep = "&" if "?" in self.graph_store_url else "?"
        return f"{self.graph_store_url}{sep}{urllib.parse.urlencode({'graph': graph_iri})}"

    # --- writing -------------------------------------------------------------------

    def replace_graphs(self, graphs: Sequence[tuple[str, bytes]]) -> int:
        """PUT each graph's N-Triples (replacing the graph whole); returns triples written."""
        written = 0
        for graph_iri, data in graphs:
            headers = {"Content-Type": _NTRIPLES}
            url = self._graph_url(graph_iri)
            self._send(urllib.request.Request(url, data, headers, method="PUT"))
            written += data.count(b"\n")
        return written

    def replace_graph(self, graph_iri: str, graph: rdflib.Graph) -> int:
        """Make the named graph ``graph_iri`` hold exactly the triples of ``graph``."""
        self.replace_graphs([(graph_iri, graph.serialize(format="nt", encoding="utf-8"))])
        return len(graph)

    def swap_graphs(
        self,
        drop: Iterable[str],
        write: Iterable[tuple[str, Iterable[tuple[Bindable, Bindable, Bindable]]]],
    ) -> int:
        """Write the graphs ``write`` (each an rdflib Graph or any iterable of triples,
        each triple once; each PUT replaces one graph whole), then delete the graphs
        ``drop``. Every graph is serialised before anything is sent, so a failure while
        building changes nothing; the Graph Store protocol makes each graph, not the
        whole swap, atomic."""
        data = [(iri, ntriples(g)) for iri, g in write]
        written = self.replace_graphs(data)
        for iri in sorted(set(drop) - {i for i, _ in data}):
            self.remove_graph(iri)
        return written

    def remove_graph(self, graph_iri: str) -> bool:
        """Drop a named graph; True when it existed."""
        if graph_iri not in self.graphs():
            return False
        request = urllib.request.Request(self._graph_url(graph_iri), method="DELETE")
        self._send(request)
        return True

    # --- reading -------------------------------------------------------------------

    def raw_query(self, sparql: str, bindings: Mapping[str, Bindable] | None = None) -> Any:
        """A SELECT or ASK, answered as pyoxigraph's own result object."""
        _type, body = self._query(_bound(sparql, bindings), _RESULTS_XML)
        try:
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.XML)
        except (SyntaxError, ValueError) as exc:
            raise QueryError(f"unreadable answer from {self.query_url}: {exc}") from exc

    def select(self, sparql: str, bindings: Mapping[str, Bindable] | None = None) -> Rows:
        """Run a SELECT; rows of rdflib terms (None = unbound)."""
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = tuple(v.value for v in result.variables)
        return Rows(variables, tuple(tuple(from_ox(s[v]) for v in variables) for s in result))

    def select_values(
        self, sparql: str, bindings: Mapping[str, Bindable] | None = None
    ) -> Iterator[dict[str, str | None]]:
        """Rows of a SELECT as plain strings (IRI or lexical form; None = unbound)."""
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in result.variables]
        for sol in result:
            yield {n: (None if (t := sol[n]) is None else t.value) for n in names}

    def ask(self, sparql: str, bindings: Mapping[str, Bindable] | None = None) -> bool:
        """Run an ASK query."""
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(
        self, sparql: str, bindings: Mapping[str, Bindable] | None = None
    ) -> rdflib.Graph:
        """Run a CONSTRUCT or DESCRIBE; its triples as an rdflib graph."""
        if bindings:
            raise QueryError("a remote store binds values in SELECT queries only")
        _type, body = self._query(sparql, _NTRIPLES)
        return rdflib.Graph().parse(data=body, format="nt")

    def graph(self, graph_iri: str) -> rdflib.Graph:
        """The triples of one named graph."""
        request = urllib.request.Request(
            self._graph_url(graph_iri), headers={"Accept": _NTRIPLES}, method="GET"
        )
        _type, body = self._send(request)
        return rdflib.Graph().parse(io.BytesIO(body), format="nt")

    def graphs(self) -> list[str]:
        """IRIs of every named graph that holds a triple, sorted."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(g) for (g,) in rows.rows if isinstance(g, rdflib.URIRef))

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(str(rows.rows[0][0])) if rows.rows else 0

    def flush(self) -> None:
        """Nothing to do: every PUT is durable when it returns."""

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
