"""The public Python API: open a store, ingest, query, export, draw.

Everything a notebook or a script needs, importable from ``newsprov`` itself::

    import newsprov as nw

    store = nw.open_store()                      # in memory; nw.open_store("data") on disk
    nw.ingest_files(store, "articles/")          # files, folders, .jsonl
    figures = nw.select(store, "figures", outlet="Reuters")
    figures.to_dataframe()                       # or figures.dicts()
    nw.export(store, "graph.ttl")                # Turtle, TriG, N-Quads, JSON-LD
    nw.citation_network(store)                   # networkx DiGraph outlet -> via -> source

Values given to :func:`select` are bound to the query's variables by the store, never
pasted into the SPARQL text. Library functions never print; they return values and raise
:class:`~newsprov.errors.NewsprovError` subclasses.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import rdflib

from newsprov import query as _query
from newsprov.config import Settings
from newsprov.errors import IngestError
from newsprov.rdf.store import Bindable, Rows, Store

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    from spacy.language import Language

    from newsprov.pipeline import IngestReport

__all__ = [
    "Explorer",
    "Result",
    "citation_network",
    "explorer",
    "export",
    "ingest_files",
    "ingest_text",
    "iri",
    "knowledge_graph",
    "open_store",
    "push",
    "queries",
    "select",
    "write_network",
]


def open_store(
    location: str | Path | None = None,
    *,
    read_only: bool = False,
    graph_store_url: str | None = None,
) -> Store:
    """The store at ``location``: a folder (created if missing), an external triple
    store's SPARQL endpoint (``http(s)://…``; writes go to ``graph_store_url``, by
    default the same URL), or None for a new store in memory.

    Use it as a context manager, or call ``store.close()`` when done with a store on disk.
    """
    from newsprov.rdf.remote import RemoteStore, is_remote

    if isinstance(location, str) and is_remote(location):
        remote = RemoteStore(location, graph_store_url=graph_store_url, read_only=read_only)
        return remote  # type: ignore[return-value]  # the same methods, over HTTP
    return Store(location, read_only=read_only)


def push(store: Store, target: Store) -> int:
    """Copy every named graph of ``store`` (articles and cross-references) into
    ``target``, replacing graphs of the same name; returns the triples written.

    ``target`` is typically an external triple store from ``open_store("http://…")``.
    """
    return sum(target.replace_graph(iri, store.graph(iri)) for iri in store.graphs())


@cache
def _pipeline(model: str) -> Language:
    from newsprov.nlp import build_pipeline

    return build_pipeline(model)


def ingest_files(
    store: Store, *paths: str | Path, event: str | None = None, settings: Settings | None = None
) -> IngestReport:
    """Read files and folders (.txt .md .html .json .jsonl), extract and store them.

    Returns the report: ``stored`` articles, ``failed`` inputs (a bad file never stops the
    others) and the cross-reference summary. ``settings`` default to the environment
    (``NEWSPROV_SPACY_MODEL``, ``NEWSPROV_BASE_IRI``).
    """
    from newsprov.pipeline import ingest_paths

    settings = settings or Settings.from_env()
    nlp = _pipeline(settings.spacy_model)
    return ingest_paths([Path(p) for p in paths], store, settings, nlp, event=event)


def ingest_text(
    store: Store,
    text: str,
    *,
    article_id: str | None = None,
    settings: Settings | None = None,
    **metadata: str,
) -> IngestReport:
    """Ingest one article given as text; header lines (``Source: X``, ``date …``) are read.

    ``metadata`` may give ``outlet``, ``date``, ``url``, ``title`` and ``event``. The id
    defaults to a digest of the text, so ingesting the same text twice replaces it.
    """
    from newsprov.ingest import parse_text
    from newsprov.pipeline import Failure, IngestReport, ingest_articles

    settings = settings or Settings.from_env()
    article_id = article_id or "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
    try:
        article = parse_text(text, article_id=article_id, **metadata)
    except IngestError as exc:
        return IngestReport(failed=[Failure(exc.path, exc.problem)])
    return ingest_articles([article], store, settings, _pipeline(settings.spacy_model))


def iri(value: str) -> rdflib.URIRef:
    """An IRI to bind to a query variable (plain strings are bound as text literals)."""
    return rdflib.URIRef(value)


def queries() -> list[str]:
    """Names of the canned queries (``figures``, ``quotes``, ``conflicts``, …)."""
    return _query.names()


def select(
    store: Store,
    sparql: str | Path,
    bindings: Mapping[str, Bindable] | None = None,
    /,
    **bind: Bindable,
) -> Result:
    """Run a canned query (by name), a ``.rq`` file or SPARQL text; returns a Result.

    ``bindings`` and keyword arguments fix variables to values (``outlet="Reuters"``):
    rows whose value differs are left out. The common prefixes (``np:``, ``schema:``,
    ``prov:``, ``rdfs:``, …, see ``newsprov.query.PREFIXES``) need no declaration.
    """
    values = {**(bindings or {}), **bind}
    return Result(_query.run(store, sparql, values or None))


@dataclass(frozen=True, slots=True)
class Result:
    """The rows of a SELECT, as RDF terms (``rows``), dictionaries or a DataFrame."""

    rows: Rows

    @property
    def variables(self) -> tuple[str, ...]:
        """The projected variable names, in order."""
        return self.rows.variables

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.dicts())

    def dicts(self) -> list[dict[str, Any]]:
        """Rows as dictionaries of plain Python values (numbers, str; None when unbound)."""
        return _query.to_records(self.rows)

    def to_dataframe(self) -> pd.DataFrame:
        """Rows as a pandas DataFrame, one column per variable."""
        import pandas as pd

        return pd.DataFrame(self.dicts(), columns=list(self.variables))

    def to_csv(self) -> str:
        """SPARQL 1.1 CSV results."""
        return _query.to_csv(self.rows)

    def to_json(self) -> dict[str, Any]:
        """SPARQL 1.1 JSON results."""
        return _query.to_sparql_json(self.rows)

    def _repr_html_(self) -> str:
        html: str = self.to_dataframe().to_html(max_rows=60, na_rep="")
        return html


def export(store: Store, out: str | Path | IO[bytes] | None = None, fmt: str = "turtle") -> str:
    """Write the store as ``fmt`` (turtle, trig, nquads, ntriples, jsonld, rdfxml).

    ``out`` is a path or binary file; None returns the document as a string instead.
    Returns the path written (or the document).
    """
    if out is None:
        buf = io.BytesIO()
        store.export(fmt, buf)
        return buf.getvalue().decode("utf-8")
    if isinstance(out, str | Path):
        with open(out, "wb") as fh:
            store.export(fmt, fh)
        return str(out)
    store.export(fmt, out)
    return getattr(out, "name", "")


def citation_network(store: Store) -> nx.DiGraph:
    """Outlet -> via -> source network; nodes carry ``roles``, edges ``weight``."""
    from newsprov.analysis.network import network_from_store

    return network_from_store(store)


def knowledge_graph(store: Store) -> nx.MultiDiGraph:
    """The whole store as the explorer draws it: entities, articles, figures, quotes."""
    from newsprov.viz import build_graph

    return build_graph(store)


def write_network(store: Store, out: str | Path, fmt: str | None = None) -> Path:
    """Write the citation network as GEXF or GraphML (for Gephi, Cytoscape, yEd).

    ``fmt`` defaults to the file suffix (``.gexf`` / ``.graphml``).
    """
    from newsprov.viz.export import write_graph

    out = Path(out)
    return write_graph(citation_network(store), out, fmt or out.suffix.lstrip("."))


@dataclass(frozen=True, slots=True, repr=False)
class Explorer:
    """The interactive graph explorer page; shown inline by Jupyter, or saved to a file."""

    html: str

    def __repr__(self) -> str:
        return f"<newsprov explorer page, {len(self.html):,} characters; .save(path) writes it>"

    def save(self, out: str | Path) -> Path:
        """Write the self-contained page to ``out``."""
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.html, encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        from html import escape

        return (
            '<iframe style="width:100%;height:640px;border:1px solid #ccc" '
            f'sandbox="allow-scripts" srcdoc="{escape(self.html, quote=True)}"></iframe>'
        )


def explorer(
    store: Store,
    *,
    focus: str | None = None,
    hops: int = 2,
    event: str | None = None,
    outlet: str | None = None,
    source: str | None = None,
    measure: str | None = None,
) -> Explorer:
    """The explorer for ``store``, optionally narrowed to an event, outlet, source or measure
    (IRIs or keys like ``outlet/reuters``) or to ``hops`` steps around ``focus``."""
    from newsprov.viz import Filters, explorer_html

    filters = Filters(event=event, outlet=outlet, source=source, measure=measure)
    return Explorer(explorer_html(store, focus=focus, hops=hops, filters=filters))
