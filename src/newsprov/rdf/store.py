"""The embedded RDF store: an Oxigraph database on disk (or in memory).

This module and :mod:`newsprov.rdf.terms` are the only places that know pyoxigraph's
term model. Everything else hands in rdflib graphs and gets back plain rows.

One named graph per article: :meth:`Store.replace_graph` drops the graph and writes the
new one in one transaction (a kill leaves the old graph or the new one, never neither),
so re-ingesting an article never duplicates anything. Queries see the union of all graphs
as their default graph, and a query with a SERVICE clause is refused unless the store was
opened with ``allow_service=True`` (:mod:`newsprov.rdf.guard`).

A writer publishes a read-only copy after each flush, and ``Store(path, read_only=True)``
opens the newest copy (:mod:`newsprov.rdf.snapshots`), so readers can run while an
ingest writes; :meth:`Store.refresh` moves a reader to a newer copy.
"""

from __future__ import annotations

import contextlib
import functools
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
import rdflib

from newsprov.errors import QueryError, StoreError
from newsprov.rdf import snapshots
from newsprov.rdf.guard import refuse_service
from newsprov.rdf.namespaces import PREFIXES

__all__ = ["EXPORT_FORMATS", "Bindable", "Rows", "Store", "ntriples"]

Bindable = str | int | float | bool | rdflib.term.Node
"""A value that can be bound to a query variable: Python values become literals."""

EXPORT_FORMATS: Mapping[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_GRAPHLESS = {"turtle", "ntriples", "rdfxml"}
BULK_MIN_TRIPLES = 5_000
"""Batches at least this big go through Oxigraph's bulk loader (when every graph is new):
from a few thousand triples on it is the quicker (20,000 article triples into a store on
disk, flushed: 0.18 s, against 0.30 s in one transaction; 40,000: 0.26 against 0.58)."""


@dataclass(frozen=True, slots=True)
class Rows:
    """The answer to a SELECT: variable names and rows of rdflib terms (None = unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[rdflib.term.Node | None, ...], ...]

    def dicts(self) -> list[dict[str, rdflib.term.Node | None]]:
        """Rows as dictionaries keyed by variable name."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        return len(self.rows)


def _as_nquads(graph_iri: str, ntriples: bytes) -> bytes:
    """N-Triples lines ("s p o .") as N-Quads lines in ``graph_iri``."""
    suffix = b" <" + graph_iri.encode("utf-8") + b"> .\n"
    lines = ntriples.splitlines()
    return b"".join(ln[: ln.rindex(b".")].rstrip() + suffix for ln in lines if ln.strip())


def _replacing(existing: Sequence[ox.NamedNode], graphs: Sequence[tuple[str, bytes]]) -> str:
    """One SPARQL Update (one transaction) dropping ``existing`` and writing ``graphs``."""
    drops = "".join(f"DROP SILENT GRAPH {name} ;\n" for name in existing)
    blocks = "\n".join(
        f"GRAPH {ox.NamedNode(iri)} {{\n{data.decode('utf-8')}\n}}" for iri, data in graphs
    )
    return f"{drops}INSERT DATA {{\n{blocks}\n}}"


def _nt(node: Bindable, iris: dict[str, str]) -> str:
    """A term in N-Triples syntax (Oxigraph's), IRIs looked up in ``iris`` first."""
    if type(node) is rdflib.URIRef:
        written = iris.get(node)
        if written is None:
            written = iris[node] = str(ox.NamedNode(str(node)))
        return written
    return str(to_ox(node))


def ntriples(triples: Iterable[tuple[Bindable, Bindable, Bindable]]) -> bytes:
    """``triples`` (rdflib terms) as N-Triples, one line each, every term written by
    Oxigraph's own term model (validated IRIs, escaped literals): the one serialiser of
    article graphs, for the ingest's workers and :meth:`Store.replace_graph` alike."""
    iris: dict[str, str] = {}  # an IRI's N-Triples form, made (and checked) once
    lines = [f"{_nt(s, iris)} {_nt(p, iris)} {_nt(o, iris)} .\n" for s, p, o in triples]
    return "".join(lines).encode("utf-8")


def to_ox(node: Bindable) -> Any:
    """An rdflib term (or plain Python value) as a pyoxigraph term (which passes as is)."""
    kind = type(node)  # the mapper's terms first, without the isinstance chain below
    if kind is rdflib.URIRef:
        return ox.NamedNode(str(node))
    if kind is rdflib.Literal:
        return _literal(node)  # type: ignore[arg-type]
    if isinstance(node, ox.NamedNode | ox.BlankNode | ox.Literal):
        return node
    if isinstance(node, rdflib.URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, rdflib.BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, rdflib.Literal):
        return _literal(node)
    if isinstance(node, str | int | float | bool):
        return to_ox(rdflib.Literal(node))
    raise StoreError(f"cannot bind a value of type {type(node).__name__}")


def _literal(node: rdflib.Literal) -> ox.Literal:
    language = node.language
    if language:
        return ox.Literal(str(node), language=language)
    datatype = node.datatype
    if datatype:
        return ox.Literal(str(node), datatype=_datatype(str(datatype)))
    return ox.Literal(str(node))


@functools.lru_cache(maxsize=256)
def _datatype(iri: str) -> ox.NamedNode:
    """A datatype IRI as an Oxigraph node (immutable, so one serves every literal)."""
    return ox.NamedNode(iri)


def from_ox(term: Any) -> rdflib.term.Node | None:
    """A pyoxigraph term as an rdflib term."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # RDF 1.1: a plain literal is an xsd:string
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise StoreError(f"unsupported term {term!r}")


class Store:
    """An Oxigraph store at ``path`` (created if missing), or in memory when path is None."""

    def __init__(
        self,
        path: Path | str | None = None,
        *,
        read_only: bool = False,
        allow_service: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        self.allow_service = allow_service
        self.generation = 0  # of the published copy a reader has open
        self._dirty = False  # written since the last publish
        self.writes = 0  # graph writes through this handle (versions in-process caches)
        self._marks: dict[str, str] = {}  # read_mark / write_mark without a folder
        try:
            if self.path is None:
                self._ox = ox.Store()
            elif read_only:
                self.generation, folder = snapshots.reader_path(self.path)
                self._ox = ox.Store.read_only(str(folder))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open store at {self.path}: {_reason(exc)}") from exc

    @property
    def interrupted(self) -> bool:
        """True when an ingest into this store stopped before it finished (killed or
        interrupted): its articles may be stored without their cross-reference results,
        and readers still see the copy published before it."""
        return self.path is not None and snapshots.is_pending(self.path)

    def mark_ingest(self, running: bool) -> None:
        """Mark an ingest as started (before writing) or finished (after publishing)."""
        if self.path is not None and not self.read_only:
            snapshots.mark_pending(self.path, running)

    def refresh(self) -> bool:
        """Move a reader to the newest published copy; True when it moved."""
        if not self.read_only or self.path is None:
            return False
        if snapshots.generation(self.path) == self.generation:
            return False
        gen, folder = snapshots.reader_path(self.path)
        try:
            self._ox = ox.Store.read_only(str(folder))
        except OSError as exc:
            raise StoreError(f"cannot reopen store at {self.path}: {_reason(exc)}") from exc
        self.generation = gen
        return True

    @property
    def published_version(self) -> int | None:
        """The published generation this handle reads, when it reads one: a number that
        names its data exactly (a published copy never changes, and every write is
        published under a greater number), so data derived from it can be cached on disk.
        None for writers, in-memory stores and stores never published."""
        if self.read_only and self.path is not None and self.generation > 0:
            return self.generation
        return None

    # --- writing -------------------------------------------------------------------

    def replace_graph(self, graph_iri: str, graph: rdflib.Graph) -> int:
        """Make the named graph ``graph_iri`` hold exactly the triples of ``graph``.

        Returns the number of triples written.
        """
        name = ox.NamedNode(graph_iri)
        data = ntriples(graph)
        self._check_marks([data])
        try:  # one SPARQL Update is one transaction: the old graph stays until the new is in
            self._ox.update(_replacing([name], [(graph_iri, data)]))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write graph {graph_iri}: {exc}") from exc
        self._dirty = True
        self.writes += 1
        return len(graph)

    def swap_graphs(
        self,
        drop: Iterable[str],
        write: Iterable[tuple[str, Iterable[tuple[Bindable, Bindable, Bindable]]]],
    ) -> int:
        """Drop the graphs ``drop`` and (re)write the graphs ``write`` (each an rdflib
        Graph or any iterable of triples, each triple once) in one transaction.

        Readers see either everything before or everything after; an interrupted or failed
        swap leaves the store as it was. The data travels as one SPARQL Update whose terms
        are serialised by Oxigraph's own term model (validated IRIs, escaped literals):
        nothing is pasted into query text as written. Each graph is serialised as it
        arrives, so only the text is held, never all the graphs. When none of the graphs
        exists yet (a first cross-reference), the same quads are loaded as N-Quads in one
        transaction instead, which Oxigraph reads faster than an Update. Returns the
        triples written.
        """
        dropped = {str(g) for g in drop}
        body: list[tuple[ox.NamedNode, list[str]]] = []
        count = 0
        iris: dict[str, str] = {}  # an IRI's N-Triples form, made (and checked) once
        for g_iri, graph in write:
            dropped.add(g_iri)
            name = ox.NamedNode(g_iri)
            lines = [f"{_nt(s, iris)} {_nt(p, iris)} {_nt(o, iris)} ." for s, p, o in graph]
            self._check_marks(["\n".join(lines).encode("utf-8")])
            count += len(lines)
            if lines:
                body.append((name, lines))
        try:
            if any(self._has_graph(ox.NamedNode(g)) for g in dropped):
                parts = [f"DROP SILENT GRAPH {ox.NamedNode(g)} ;" for g in sorted(dropped)]
                graphs = (f"GRAPH {n} {{\n" + "\n".join(lines) + "\n}" for n, lines in body)
                parts.append("INSERT DATA {\n" + "\n".join(graphs) + "\n}")
                self._ox.update("\n".join(parts))
            else:  # nothing to drop: the same quads as N-Quads, in one transaction
                quads = (f"{ln[:-2]} {n} .\n" for n, lines in body for ln in lines)
                self._ox.load("".join(quads).encode("utf-8"), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot swap {len(dropped)} graph(s): {exc}") from exc
        self._dirty = True
        self.writes += 1
        return count

    def replace_graphs(self, graphs: Sequence[tuple[str, bytes]]) -> int:
        """Make each named graph hold exactly its N-Triples: one batched write.

        When some graphs are already present, dropping them and writing the batch is one
        SPARQL Update, one transaction: a kill leaves the old graphs or the new ones. When
        every graph is new the batch is loaded as N-Quads in one call: with Oxigraph's bulk
        loader into an on-disk store when it is big (an interrupted bulk load leaves whole
        or partial new graphs, which re-ingesting replaces; nothing stored before is
        touched), else in one transaction. Returns the triples written.
        """
        names = [ox.NamedNode(iri) for iri, _ in graphs]
        self._check_marks(data for _, data in graphs)
        nquads = b"".join(_as_nquads(iri, data) for iri, data in graphs)
        triples = nquads.count(b"\n")
        try:
            existing = [n for n in names if self._has_graph(n)]
            if existing:
                self._ox.update(_replacing(existing, graphs))
            else:
                big = triples >= BULK_MIN_TRIPLES and self.path is not None
                load = self._ox.bulk_load if big else self._ox.load
                load(nquads, format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"cannot write {len(graphs)} graph(s): {exc}") from exc
        self._dirty = True
        self.writes += 1
        return triples

    def _check_marks(self, graphs: Iterable[bytes]) -> None:
        """Before writing article graphs: drop the keyed-rows mark (rdf/views.py) when one
        of them lacks the current rows, which an ingest's own graphs never do."""
        if self.read_mark("keyed-rows") is None:
            return
        from newsprov.rdf.views import lacks_current_rows

        if any(lacks_current_rows(data) for data in graphs):
            self.write_mark("keyed-rows", None)

    def read_mark(self, name: str) -> str | None:
        """A short fact newsprov keeps about the store beside its data, not in it
        (``<store>/newsprov-mark-<name>``; in memory for a store without a folder)."""
        if self.path is None:
            return self._marks.get(name)
        try:
            return (self.path / f"newsprov-mark-{name}").read_text(encoding="utf-8")
        except OSError:
            return None

    def write_mark(self, name: str, value: str | None) -> None:
        """Set (or with None, remove) the mark ``name`` (see :meth:`read_mark`)."""
        if self.read_only:
            raise StoreError(f"cannot mark the store at {self.path}: opened read-only")
        if self.path is None:
            self._marks.pop(name, None) if value is None else self._marks.update({name: value})
            return
        target = self.path / f"newsprov-mark-{name}"
        try:
            if value is None:
                target.unlink(missing_ok=True)
                return
            temporary = target.with_suffix(".tmp")
            temporary.write_text(value, encoding="utf-8")
            temporary.replace(target)  # readers see the old mark or the new one
        except OSError as exc:
            raise StoreError(f"cannot mark the store at {self.path}: {_reason(exc)}") from exc

    def remove_graph(self, graph_iri: str) -> bool:
        """Drop a named graph; True when it existed."""
        name = ox.NamedNode(graph_iri)
        if not self._has_graph(name):
            return False
        self._ox.remove_graph(name)
        self._dirty = True
        self.writes += 1
        return True

    def _has_graph(self, name: ox.NamedNode) -> bool:
        return bool(self._ox.contains_named_graph(name))

    def graphs(self) -> list[str]:
        """IRIs of every named graph, sorted."""
        return sorted(g.value for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self._ox)

    # --- reading -------------------------------------------------------------------

    def raw_query(
        self,
        sparql: str,
        bindings: Mapping[str, Bindable] | None = None,
        *,
        union: bool = True,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        own_text: bool = False,
    ) -> Any:
        """Run a query and return pyoxigraph's own result object (for the server).

        The prefixes of ``PREFIXES`` (np, schema, prov, rdfs, …) are predefined. Raises
        ServiceRefused (a QueryError) for a SERVICE clause unless ``allow_service``;
        ``own_text`` skips that check for a text newsprov itself wrote, with no SERVICE
        (never one that holds anything a user gave: values come as ``bindings``).
        """
        if not self.allow_service and not own_text:
            refuse_service(sparql)
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        kwargs: dict[str, Any] = {"substitutions": subs or None, "prefixes": PREFIXES}
        if default_graph:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graph]
        else:
            kwargs["use_default_graph_as_union"] = union
        if named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            return self._ox.query(sparql, **kwargs)
        except SyntaxError as exc:
            from newsprov.query._syntax import syntax_message

            raise QueryError(syntax_message(sparql, str(exc))) from exc
        except RuntimeError as exc:  # e.g. a bound variable the SELECT does not project
            raise QueryError(f"cannot bind {sorted(bindings or {})}: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"query failed: {_reason(exc)}") from exc

    def quads_matching(self, subject: Any, predicate: Any, obj: Any, graph: Any) -> Iterator[Any]:
        """pyoxigraph quads matching a pattern of pyoxigraph terms (None = any): an index
        read with no query planning, for :mod:`newsprov.rdf.views`."""
        with _evaluating():
            yield from self._ox.quads_for_pattern(subject, predicate, obj, graph)

    def select(self, sparql: str, bindings: Mapping[str, Bindable] | None = None) -> Rows:
        """Run a SELECT with ``bindings`` substituted for its variables (never spliced).

        A bound variable must appear in the SELECT clause (or the query use ``SELECT *``):
        that is how Oxigraph's substitution (SPARQL-dev SEP-0007) is defined."""
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = tuple(v.value for v in result.variables)
        with _evaluating():
            rows = tuple(tuple(from_ox(sol[v]) for v in variables) for sol in result)
        return Rows(variables, rows)

    def select_values(
        self, sparql: str, bindings: Mapping[str, Bindable] | None = None
    ) -> Iterator[dict[str, str | None]]:
        """Rows of a SELECT as plain strings (IRI or lexical form; None = unbound), read as
        they come: for bulk readers that need no term objects."""
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in result.variables]
        for sol in result:  # a solution iterates its values in the order of the variables
            yield dict(zip(names, [None if t is None else t.value for t in sol], strict=True))

    def ask(self, sparql: str, bindings: Mapping[str, Bindable] | None = None) -> bool:
        """Run an ASK query."""
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(
        self, sparql: str, bindings: Mapping[str, Bindable] | None = None
    ) -> rdflib.Graph:
        """Run a CONSTRUCT or DESCRIBE and return its triples as an rdflib graph."""
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        graph = rdflib.Graph()
        with _evaluating():
            triples = list(result)
        for t in triples:
            graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
        return graph

    def graph(self, graph_iri: str) -> rdflib.Graph:
        """The triples of one named graph as an rdflib graph."""
        buf = io.BytesIO()
        self._ox.dump(buf, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(graph_iri))
        return rdflib.Graph().parse(data=buf.getvalue(), format="nt")

    def quads(self) -> Iterator[tuple[str, str, str, str | None]]:
        """Every quad as N-Triples-ish strings (subject, predicate, object, graph)."""
        for q in self._ox:
            g = q.graph_name
            yield (
                str(q.subject),
                str(q.predicate),
                str(q.object),
                (None if isinstance(g, ox.DefaultGraph) else str(g)),
            )

    def export(self, fmt: str, out: IO[bytes]) -> None:
        """Write the whole store in ``fmt`` (see EXPORT_FORMATS).

        Graph-less formats (Turtle, N-Triples, RDF/XML) get the union of all graphs; Turtle,
        TriG and RDF/XML abbreviate IRIs with the prefixes of ``PREFIXES``.
        """
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose from {sorted(EXPORT_FORMATS)}")
        if fmt in _GRAPHLESS:
            triples = self._ox.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
            )
            assert isinstance(triples, ox.QueryTriples)
            ox.serialize(triples, out, format=EXPORT_FORMATS[fmt], prefixes=PREFIXES)
            return
        self._ox.dump(out, format=EXPORT_FORMATS[fmt], prefixes=PREFIXES)

    def flush(self) -> None:
        """Make every write durable, and publish it for readers (see module docstring)."""
        if self.path is None or self.read_only:
            return
        try:
            self._ox.flush()
            if self._dirty or not snapshots.generation(self.path):
                snapshots.publish(self._ox, self.path)
        except OSError as exc:
            raise StoreError(f"cannot flush store at {self.path}: {_reason(exc)}") from exc
        self._dirty = False

    def close(self) -> None:
        """Flush and release the store (further use is an error)."""
        self.flush()
        del self._ox

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def _evaluating() -> Iterator[None]:
    """Errors raised while pulling results (evaluation is lazy) as newsprov errors."""
    try:
        yield
    except OSError as exc:
        raise StoreError(f"query failed: {_reason(exc)}") from exc
    except (RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {exc}") from exc


def _reason(exc: OSError) -> str:
    """The store error in one line (RocksDB messages can span several)."""
    return " ".join(str(exc).split())
