"""The ``newsprov`` command line: parse, call one library function, format.

Exit codes: 0 success, 1 some inputs failed (the rest was ingested), 2 usage or
configuration error, 3 nothing could be done (store, query or model error).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from newsprov import __version__
from newsprov.config import Settings
from newsprov.errors import NewsprovError

if TYPE_CHECKING:
    from newsprov.analysis import CrossrefSummary
    from newsprov.executors import WorkerPool
    from newsprov.pipeline import Execution, IngestReport
    from newsprov.rdf.store import Bindable, Rows, Store

__all__ = ["main"]

OUT = Console(soft_wrap=True)
ERR = Console(stderr=True, soft_wrap=True)  # never wrap: messages stay one line
TABLE_CELL_MAX = 160
_EPILOG = """examples:
  newsprov ingest articles/                 read .txt .md .html .json .jsonl files
  newsprov query figures                    who reports which figure (newsprov queries)
  newsprov query conflicts --bind verdict_type=conflict
  newsprov query 'SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a np:Figure }'
  newsprov viz --out graph.html             the graph explorer as one HTML file
  newsprov serve                            SPARQL endpoint, query page and explorer

The store is ./newsprov-data unless --store or $NEWSPROV_STORE says otherwise.
Shell completion: source <(newsprov completion bash)"""
GRAPH_FORMATS = ("gexf", "graphml")  # the citation network, through networkx


def _settings(args: argparse.Namespace) -> Settings:
    return Settings.from_env(
        store_path=getattr(args, "store", None),
        spacy_model=getattr(args, "model", None),
        graph_store_url=getattr(args, "graph_store", None),
    )


def _open_store(
    settings: Settings,
    *,
    read_only: bool = False,
    remote: bool = False,
    allow_service: bool = False,
) -> Store:
    """The store; readers open its newest published copy, so they run during an ingest."""
    from newsprov.rdf.store import Store

    _check_local(settings, remote_ok=remote)
    if settings.store_url:  # an external triple store: same methods, over HTTP
        from newsprov.rdf.remote import RemoteStore

        store = RemoteStore(settings.store_url, graph_store_url=settings.graph_store_url)
        return store  # type: ignore[return-value]
    if read_only and not settings.store_path.exists():
        raise NewsprovError(
            f"no store at {settings.store_path}: run 'newsprov ingest PATH --store DIR' first"
        )
    return Store(settings.store_path, read_only=read_only, allow_service=allow_service)


@contextlib.contextmanager
def _evaluation_errors() -> Iterator[None]:
    """Errors the store raises while rows are pulled (evaluation is lazy), as one line."""
    try:
        yield
    except BrokenPipeError:
        raise
    except (OSError, RuntimeError, ValueError) as exc:
        raise NewsprovError(f"query failed: {exc}") from exc


def _note_interrupted(store: Store) -> None:
    if getattr(store, "interrupted", False):  # a remote store has no such mark
        _warn(
            "warning:",
            f"an ingest into {store.path} stopped before it finished: this shows the store "
            "as it was before that ingest; run the ingest again to complete it",
        )


def _one_line(exc: Exception) -> str:
    """The message on one line (a RocksDB or parser message may span several)."""
    text = " ".join(str(exc).split())
    if type(exc).__name__ == "ServiceRefused":
        text += " (newsprov query --allow-service permits it)"
    return text


def _check_local(settings: Settings, *, remote_ok: bool = False) -> None:
    """Refuse an http(s) --store for the commands that need a store folder."""
    if settings.store_url and not remote_ok:
        raise NewsprovError(
            f"--store {settings.store_url}: an http(s) store works with ingest and query; "
            "this command needs a store folder"
        )


def _warn(label: str, message: str) -> None:
    """Print a labelled message to stderr; the message is never read as markup."""
    ERR.print(Text(label, style="bold red"), Text(message), highlight=False, soft_wrap=True)


# --- ingest ------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    """Read files/folders, extract, and store one named graph per article."""
    from newsprov.pipeline import Execution, split_pays, start_workers

    settings = _settings(args)
    split = args.workers == 1 and split_pays([Path(p) for p in args.paths])
    run = Execution.for_workers(args.workers, args.executor, args.scheduler, split=split)
    with start_workers(run, settings.spacy_model) as pool:  # loading while the input is read
        report = _ingest(args, settings, run, pool)
    if report is None:
        return 1
    _print_ingest_summary(report, settings)
    return 1 if report.failed else 0


def _ingest(
    args: argparse.Namespace, settings: Settings, run: Execution, pool: WorkerPool | None
) -> IngestReport | None:
    """Read the inputs and ingest them; None (and a message) when there is nothing."""
    from newsprov.pipeline import IngestReport, ingest_articles, read_all

    articles, failures = read_all([Path(p) for p in args.paths], event=args.event)
    if not articles and not failures:
        _warn("error:", f"no articles found in {' '.join(args.paths)}")
        return None
    nlp = None
    if run.executor == "local":  # other executors load the model in their workers
        from newsprov.nlp import build_pipeline

        nlp = build_pipeline(settings.spacy_model)
    report = IngestReport(failed=failures)
    with _open_store(settings, remote=True) as store, _progress() as bar:
        task = bar.add_task("ingesting", total=len(articles))
        ingest_articles(
            articles,
            store,
            settings,
            nlp,
            report=report,
            progress=lambda n: bar.advance(task, n),
            execution=run,
            pool=pool,
        )
    return report


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=ERR,
        transient=True,
        disable=not ERR.is_terminal,
    )


def _print_ingest_summary(report: IngestReport, settings: Settings) -> None:
    figures = sum(r.figures for r in report.stored)
    quotes = sum(r.quotes for r in report.stored)
    OUT.print(
        f"ingested {len(report.stored)} article(s) into "
        f"{settings.store_url or settings.store_path}: "
        f"{figures} figures, {quotes} quotes, {report.triples} triples "
        f"in {report.seconds:.1f} s"
    )
    if report.crossref:
        _print_crossref(report.crossref)
    for failure in report.failed:
        _warn("failed", f"{failure.where}: {failure.problem}")
    if report.failed:
        ERR.print(f"{len(report.failed)} input(s) failed; everything else was stored.")


def _print_crossref(x: CrossrefSummary) -> None:
    OUT.print(
        f"cross-reference: {x.events} event(s) ({x.recomputed} recomputed), "
        f"{x.merged_clusters} merged entities, {x.corroborations} corroborated, "
        f"{x.conflicts} in conflict, {x.revisions} revised in {x.seconds:.1f} s"
    )


def cmd_crossref(args: argparse.Namespace) -> int:
    """Recompute every event's claims and verdicts and store them (one transaction)."""
    from newsprov.analysis import refresh

    settings = _settings(args)
    with _open_store(settings) as store:
        summary = refresh(store, settings.base_iri)
    _print_crossref(summary)
    return 0


# --- query / export ------------------------------------------------------------------


def cmd_query(args: argparse.Namespace) -> int:
    """Run a canned query, a .rq file or literal SPARQL and print the rows."""
    from newsprov import query

    settings = _settings(args)
    bindings = dict(_parse_binding(b) for b in args.bind or ())
    sparql = query.resolve(args.query)
    _check_bindable(args.query, sparql, bindings)
    store_at = _open_store(
        settings, read_only=True, remote=True, allow_service=args.allow_service
    )
    with store_at as store, _evaluation_errors():
        _note_interrupted(store)
        found = query.stream(store, sparql, bindings or None, limit=args.limit, offset=args.offset)
        found.track_repeats = query.bindable(sparql) is None
        if args.format in ("json", "csv"):  # written row by row as the store yields them
            write = query.write_json if args.format == "json" else query.write_csv
            write(found, sys.stdout)
            sys.stdout.flush()
            rows = None
        else:
            rows = found.to_rows()
    _note_repeats(found.repeated)
    if rows is not None:
        _print_query_table(rows, query.table_columns(sparql) if not args.all_columns else None)
    return 0


def _note_repeats(repeated: int) -> None:
    """Say so when a query of one's own returns repeated rows: the union default graph
    holds a triple once per article graph that states it."""
    if repeated:
        ERR.print(
            f"note: {repeated} repeated row(s); the default graph is the union of the article "
            "graphs, which repeats a triple once per article stating it: use SELECT DISTINCT "
            "or COUNT(DISTINCT ...)",
            highlight=False,
            soft_wrap=True,
        )


def _print_query_table(rows: Rows, columns: Sequence[str] | None) -> None:
    """Rows as a table, narrowed to ``columns`` (the query's ``# table:`` line) if given."""
    from newsprov import query

    cells = query.to_table_rows(rows)
    order = list(columns) if columns else list(rows.variables)
    keep = [rows.variables.index(v) for v in order if v in rows.variables]
    _print_table([rows.variables[i] for i in keep], [[row[i] for i in keep] for row in cells])


def _parse_binding(text: str) -> tuple[str, Bindable]:
    """NAME=VALUE; a value in angle brackets (<https://…>) is an IRI, else text."""
    from rdflib import URIRef

    name, sep, value = text.partition("=")
    if not sep or not name:
        raise NewsprovError(f"--bind takes NAME=VALUE, got {text!r}")
    if value.startswith("<") and value.endswith(">") and len(value) > 2:
        return name.lstrip("?$"), URIRef(value[1:-1])
    return name.lstrip("?$"), value


def _check_bindable(name: str, sparql: str, bindings: dict[str, Bindable]) -> None:
    """A canned query accepts --bind only for the variables it declares (``# bind:``)."""
    from newsprov import query

    allowed = query.bindable(sparql)
    unknown = sorted(set(bindings) - set(allowed)) if allowed is not None else []
    if unknown:
        takes = ", ".join(allowed or ())
        raise NewsprovError(f"{name} cannot bind {', '.join(unknown)}; it takes --bind for {takes}")


def _print_table(variables: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    """A table, or one record per row on a terminal narrower than 100 columns."""
    from newsprov.query import rows_view

    width = _width()
    clipped = [[_clip(cell) for cell in row] for row in rows] if width >= 100 else rows
    Console(width=width, soft_wrap=False).print(rows_view(variables, clipped, width))
    OUT.print(f"{len(rows)} row(s)")


def _width() -> int:
    """COLUMNS when set, else the terminal's width; a pipe gets a wide table."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return OUT.width if OUT.is_terminal else 200


def _clip(cell: str) -> str:
    cell = cell.replace("\n", " ")
    return cell if len(cell) <= TABLE_CELL_MAX else cell[: TABLE_CELL_MAX - 1] + "…"


def cmd_export(args: argparse.Namespace) -> int:
    """Write the whole store as RDF, or the citation network as GEXF / GraphML."""
    settings = _settings(args)
    with _open_store(settings, read_only=True) as store:
        if args.format in GRAPH_FORMATS:
            return _export_network(store, args)
        if args.out in (None, "-"):
            store.export(args.format, sys.stdout.buffer)
        else:
            with open(args.out, "wb") as fh:
                store.export(args.format, fh)
            ERR.print(f"wrote {args.out}")
    return 0


def _export_network(store: Store, args: argparse.Namespace) -> int:
    from newsprov.api import write_network

    if args.out in (None, "-"):
        raise NewsprovError(f"--format {args.format} writes a file: give --out FILE")
    ERR.print(f"wrote {write_network(store, args.out, args.format)}")
    return 0


def cmd_completion(args: argparse.Namespace) -> int:
    """Print the completion script for ``args.shell``."""
    from newsprov import query
    from newsprov.completion import bash_script

    OUT.out(bash_script(build_parser(), {"query": query.names()}), highlight=False)
    return 0


def cmd_queries(args: argparse.Namespace) -> int:
    """List the canned queries."""
    from newsprov import query

    for name in query.names():
        OUT.print(name, highlight=False)
    return 0


# --- evaluate / serve / viz / report ---------------------------------------------------


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Ingest inputs into a temporary store and score them against gold files."""
    from newsprov.evaluate import evaluate, format_summary

    settings = _settings(args)
    inputs = [Path(p) for p in args.inputs] or None
    result = evaluate(Path(args.gold), inputs, settings)
    if args.json:
        OUT.out(json.dumps(result.as_dict(), indent=1), highlight=False)
    else:
        _print_table(["measure", "precision", "recall", "f1", "n"], result.table())
        for line in result.notes:
            ERR.print(Text(line), highlight=False, soft_wrap=True)
    OUT.print(format_summary(result), highlight=False, soft_wrap=True)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the SPARQL endpoint, query page and explorer."""
    from newsprov.server import LOOPBACK, serve

    settings = _settings(args)
    _check_local(settings)
    if args.host not in LOOPBACK:
        _warn(
            "warning:",
            f"listening on {args.host}: the endpoint has no authentication, so anyone who "
            "can reach this address can query the whole store",
        )
    ERR.print(f"serving {settings.store_path} on http://{args.host}:{args.port}/")
    serve(
        settings,
        args.host,
        args.port,
        cors_origins=args.cors_origin or (),
        max_workers=args.workers,
        memory_mb=args.query_memory,
    )
    return 0


def cmd_viz(args: argparse.Namespace) -> int:
    """Write the interactive graph explorer as one self-contained HTML file."""
    from newsprov.viz import write_explorer

    settings = _settings(args)
    with _open_store(settings, read_only=True) as store:
        out = write_explorer(
            store, Path(args.out), focus=args.focus, hops=args.hops, cap=args.cap
        )
    OUT.print(f"wrote {out}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """Write the cross-reference report (HTML or Markdown)."""
    from newsprov.analysis.report import write_report

    settings = _settings(args)
    with _open_store(settings, read_only=True) as store:
        _note_interrupted(store)
        out = write_report(store, Path(args.out), event=args.event, fmt=args.format)
    OUT.print(f"wrote {out}")
    return 0


# --- argument parsing ------------------------------------------------------------------


def _whole(text: str, least: int) -> int:
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise argparse.ArgumentTypeError(f"expected a whole number >= {least}, got {text!r}")
    return value


def _positive(text: str) -> int:
    return _whole(text, 1)


def _count(text: str) -> int:
    return _whole(text, 0)


def _add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--store",
        help="store folder (default ./newsprov-data or $NEWSPROV_STORE), or the http(s) URL "
        "of a SPARQL endpoint (Virtuoso, Fuseki, GraphDB, Oxigraph server)",
    )
    p.add_argument(
        "--graph-store",
        metavar="URL",
        help="with an http(s) --store: its Graph Store Protocol URL for writes "
        "(default the --store URL, or $NEWSPROV_GRAPH_STORE)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="newsprov",
        description="Which outlet quotes which source for which figure: read news articles\n"
        "into an RDF knowledge graph, query it with SPARQL, cross-reference and explore it.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsprov {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="ingest articles (.txt .md .html .json .jsonl, folders)")
    p.add_argument("paths", nargs="+", help="files and folders (folders are walked)")
    p.add_argument("--event", help="name the event these articles report")
    p.add_argument("--model", help="spaCy model (default $NEWSPROV_SPACY_MODEL or the pinned one)")
    p.add_argument("--workers", type=_positive, default=1, help="extraction processes")
    p.add_argument(
        "--executor",
        choices=["local", "process", "dask"],
        help=(
            "where extraction runs (default: process with --workers N; with one worker,"
            " a process beside this one for a big input on two cores or more, else local)"
        ),
    )
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler (implies dask)")
    _add_store(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("crossref", help="recompute the cross-reference (verdicts) of every event")
    _add_store(p)
    p.set_defaults(func=cmd_crossref)

    p = sub.add_parser("query", help="run a canned query, a .rq file or SPARQL text")
    p.add_argument("query", help="canned name (see 'newsprov queries'), FILE.rq or SPARQL")
    p.add_argument(
        "--format",
        choices=["table", "csv", "json"],
        default="table",
        help="table (default; one record per row below 100 columns), SPARQL CSV or JSON results",
    )
    p.add_argument(
        "--bind",
        action="append",
        metavar="NAME=VALUE",
        help="keep only rows where ?NAME is VALUE (repeatable; <https://...> is an IRI); "
        "canned queries list the names they take",
    )
    p.add_argument(
        "--all-columns", action="store_true", help="table: every variable, not the chosen few"
    )
    p.add_argument(
        "--allow-service",
        action="store_true",
        help="let the query fetch other SPARQL endpoints (SERVICE); refused by default",
    )
    p.add_argument("--limit", type=_count, metavar="N", help="at most N rows")
    p.add_argument("--offset", type=_count, default=0, metavar="N", help="skip the first N rows")
    _add_store(p)
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("queries", help="list the canned queries")
    p.set_defaults(func=cmd_queries)

    p = sub.add_parser("export", help="write the store as RDF, or the citation network")
    p.add_argument(
        "--format",
        choices=["turtle", "trig", "nquads", "jsonld", *GRAPH_FORMATS],
        default="trig",
        help="RDF of the whole store (trig keeps the article graphs), or the outlet -> via "
        "-> source network for Gephi and other graph tools (gexf, graphml)",
    )
    p.add_argument("--out", help="output file (default: standard output; needed for gexf/graphml)")
    _add_store(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("evaluate", help="score extraction against gold annotation files")
    p.add_argument("--gold", required=True, help="folder of gold JSON files")
    p.add_argument("inputs", nargs="*", help="articles to ingest (default: beside the gold)")
    p.add_argument("--json", action="store_true", help="print every metric as JSON")
    p.add_argument("--model", help="spaCy model (default $NEWSPROV_SPACY_MODEL or the pinned one)")
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("serve", help="SPARQL endpoint, query page and explorer")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default loopback)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument(
        "--cors-origin",
        action="append",
        metavar="ORIGIN",
        help="let pages from ORIGIN (e.g. http://localhost:3000, or *) call the endpoint",
    )
    p.add_argument("--workers", type=int, default=8, help="queries run at once (processes)")
    p.add_argument("--query-memory", type=int, default=1024, metavar="MB", help="per query")
    _add_store(p)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("viz", help="write the graph explorer as a standalone HTML file")
    p.add_argument("--out", default="graph.html", help="HTML file to write (default graph.html)")
    p.add_argument(
        "--focus", help="entity to centre on: a name, a key such as person/jane-doe, or an IRI"
    )
    p.add_argument(
        "--hops", type=int, default=2, help="with --focus: how many steps around it (default 2)"
    )
    p.add_argument(
        "--cap",
        type=lambda text: _whole(text, 1),
        default=1500,
        metavar="N",
        help="draw at most N nodes (default 1500); a store too big to draw whole is drawn "
        "as outlets and sources, --focus reads only the articles naming its entity",
    )
    _add_store(p)
    p.set_defaults(func=cmd_viz)

    p = sub.add_parser("report", help="cross-reference report per event")
    p.add_argument("--event", help="only this event")
    p.add_argument("--out", default="report.html", help="file to write (default report.html)")
    p.add_argument(
        "--format", choices=["html", "md"], default="html", help="HTML (default) or Markdown"
    )
    _add_store(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("completion", help="print a shell completion script")
    p.add_argument(
        "shell",
        choices=["bash"],
        help="bash; load it with: source <(newsprov completion bash)",
    )
    p.set_defaults(func=cmd_completion)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newsprov`` console script."""
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except NewsprovError as exc:
        _warn("error:", _one_line(exc))
        return 3
    except KeyboardInterrupt:
        ERR.print("interrupted")
        return 130
    except BrokenPipeError:  # `newsprov export | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
