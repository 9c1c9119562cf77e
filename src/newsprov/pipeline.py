"""Ingest end to end: files -> Articles -> Extractions -> validated graphs -> store.

After the articles are stored, the cross-reference (entity clusters, events, verdicts)
is brought up to date for the events those articles touch, so it never lags behind them.

One bad article never stops a batch: read errors arrive from ingest as values, and an
article whose extraction, mapping or shape check fails is reported and skipped before the
store is touched, so nothing already stored is lost and nothing is written twice (each
article replaces its own named graph).

Extraction runs where :class:`Execution` says (this process, a process pool, or Dask:
:mod:`newsprov.executors`); this process only buffers the checked graphs and writes them
in batches, so every executor stores the same graphs.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsprov.config import Settings
from newsprov.errors import IngestError
from newsprov.executors import (
    Done,
    Failed,
    Outcome,
    WorkerPool,
    batches,
    fewer_collections,
    run_batches,
)
from newsprov.ingest import read_paths
from newsprov.model import MAX_CHARS, Article

if TYPE_CHECKING:
    from spacy.language import Language

    from newsprov.analysis._load import GraphRows
    from newsprov.analysis.crossref import CrossrefSummary
    from newsprov.rdf.store import Store

__all__ = [
    "ArticleResult",
    "Execution",
    "Failure",
    "IngestReport",
    "ingest_articles",
    "ingest_paths",
    "split_pays",
    "start_workers",
]

Progress = Callable[[int], None]
"""Called with the number of articles just finished (for progress bars)."""

WRITE_BATCH_TRIPLES = 100_000
"""Checked graphs are buffered and written to the store in batches of about this size;
with worker processes, of a quarter of it, so that the batch written after the last
article is small (this process writes while the workers extract, but that batch it
writes alone)."""

GIVEN_ROWS_ARTICLES = 5_000
"""The cross-reference input rows the workers read for the graphs they made are kept for
at most this many articles (a few kB each); a longer ingest has them read back."""


@dataclass(frozen=True, slots=True)
class Execution:
    """Where and how extraction runs (see :mod:`newsprov.executors`).

    ``executor`` is ``local``, ``process`` (``workers`` processes; one process extracts
    while this one maps, checks and writes, when ``workers`` is 1) or ``dask`` (a
    LocalCluster of ``workers`` processes, or the cluster at ``scheduler``).
    """

    executor: str = "local"
    workers: int = 1
    scheduler: str | None = None
    batch_size: int = 16

    @classmethod
    def for_workers(
        cls,
        workers: int,
        executor: str | None = None,
        scheduler: str | None = None,
        *,
        split: bool = False,
    ) -> Execution:
        """``--workers N`` alone means a process pool; ``--scheduler`` implies Dask; one
        worker with ``split`` (see :func:`split_pays`) means one extracting process
        beside this one."""
        pool = workers > 1 or split
        kind = executor or ("dask" if scheduler else "process" if pool else "local")
        return cls(executor=kind, workers=max(1, workers), scheduler=scheduler)


SPLIT_MIN_BYTES = 200_000
"""An input at least this big (about 60 articles) is extracted by one worker process
while the ingesting process maps, checks and writes the graphs (:func:`split_pays`)."""


def split_pays(paths: Sequence[Path], cores: int | None = None) -> bool:
    """Whether one worker's ingest of ``paths`` should run split over two processes: the
    NLP in a worker process, and the graph stage and the store's writes (about a tenth of
    an article's time) in this one, beside it instead of after it. That takes a second
    core (``cores``: the ones this process may run on), and an input big enough that the
    graphs saved outweigh the worker's start and the Extractions sent back (files and
    folders of at least :data:`SPLIT_MIN_BYTES` together)."""
    if cores is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    return cores >= 2 and _input_bytes(paths, SPLIT_MIN_BYTES) >= SPLIT_MIN_BYTES


def _input_bytes(paths: Sequence[Path], enough: int) -> int:
    """Bytes in the files under ``paths``, counted until ``enough`` (an unreadable path
    counts nothing: reading it reports why)."""
    total = 0
    todo = list(paths)
    while todo and total < enough:
        path = todo.pop()
        try:
            if path.is_dir():
                todo.extend(path.iterdir())
            else:
                total += path.stat().st_size
        except OSError:
            continue
    return total


@contextlib.contextmanager
def start_workers(execution: Execution | None, model: str) -> Iterator[WorkerPool | None]:
    """The worker processes of ``execution`` (None for other executors), started now so
    they load the model while the caller reads the input; pass it to ingest_articles."""
    if execution is None or execution.executor != "process":  # one worker: a pool of one
        yield None
        return
    with WorkerPool(execution.workers, model) as pool:
        yield pool


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """What one stored article contributed."""

    article_id: str
    source_path: str | None
    outlet: str | None
    figures: int
    quotes: int
    entities: int
    triples: int


@dataclass(frozen=True, slots=True)
class Failure:
    """An input or article that could not be ingested, and why."""

    where: str
    problem: str


@dataclass(slots=True)
class IngestReport:
    """Summary of one ingest run."""

    stored: list[ArticleResult] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)
    seconds: float = 0.0
    crossref: CrossrefSummary | None = None

    @property
    def triples(self) -> int:
        """Triples written across all stored articles."""
        return sum(r.triples for r in self.stored)


def _where(article: Article) -> str:
    return f"{article.source_path or '<input>'} [{article.id}]"


def _result(done: Done) -> ArticleResult:
    a = done.article
    return ArticleResult(
        a.id, a.source_path, a.outlet, done.figures, done.quotes, done.entities, done.triples
    )


class _Writer:
    """Buffers checked graphs and writes them to the store in batches; keeps the
    cross-reference input rows of the graphs it wrote (``given``) when each came with
    its rows and was written once."""

    def __init__(self, store: Store, report: IngestReport, limit: int) -> None:
        self.store, self.report, self.limit = store, report, limit
        self.pending: list[Done] = []
        self.size = 0
        self.given: dict[str, GraphRows] | None = {}
        self.written: set[str] = set()

    def add(self, outcomes: Iterable[Outcome]) -> None:
        for item in outcomes:
            if isinstance(item, Failed):
                self.report.failed.append(Failure(_where(item.article), item.problem))
            else:
                self.pending.append(item)
                self.size += item.triples
        if self.size >= self.limit:
            self.flush()

    def flush(self) -> None:
        from newsprov.errors import NewsprovError

        if not self.pending:
            return
        batch, self.pending, self.size = self.pending, [], 0
        try:
            self.store.replace_graphs([(d.graph_iri, d.ntriples) for d in batch])
        except NewsprovError as exc:
            self.report.failed.extend(Failure(_where(d.article), str(exc)) for d in batch)
            self.given = None  # which of them the store holds is not known
            return
        self.report.stored.extend(_result(d) for d in batch)
        self._keep_rows(batch)

    def _keep_rows(self, batch: list[Done]) -> None:
        for d in batch:
            if self.given is None:
                return
            if d.rows is None or d.graph_iri in self.written:  # written twice: read back
                self.given.pop(d.graph_iri, None)
            else:
                self.given[d.graph_iri] = d.rows
            self.written.add(d.graph_iri)
        if len(self.written) > GIVEN_ROWS_ARTICLES:
            self.given = None


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    settings: Settings,
    nlp: Language | None = None,
    *,
    batch_size: int = 16,
    progress: Progress | None = None,
    report: IngestReport | None = None,
    execution: Execution | None = None,
    pool: WorkerPool | None = None,
) -> IngestReport:
    """Extract, map, check and store ``articles``; returns (or extends) a report.

    ``nlp`` is used by the local executor (loaded from ``settings`` when None); other
    executors load the model once in each worker. ``pool`` (from :func:`start_workers`)
    is the process executor's workers, already loading the model; it serves this ingest
    only (it shuts down once the last batch is submitted).
    """
    report = report if report is not None else IngestReport()
    run = execution or Execution(batch_size=batch_size)
    started = time.perf_counter()
    with fewer_collections():
        _ingest(articles, store, settings, nlp, progress, report, run, pool)
    report.seconds += time.perf_counter() - started
    return report


def _ingest(
    articles: Iterable[Article],
    store: Store,
    settings: Settings,
    nlp: Language | None,
    progress: Progress | None,
    report: IngestReport,
    run: Execution,
    pool: WorkerPool | None,
) -> None:
    _mark_ingest(store, True)  # cleared only once cross-referenced and published
    alone = run.executor == "local"  # else workers extract meanwhile
    writer = _Writer(store, report, WRITE_BATCH_TRIPLES if alone else WRITE_BATCH_TRIPLES // 4)
    outcomes = run_batches(
        batches(articles, run.batch_size, run.workers if run.executor != "local" else 1),
        model=settings.spacy_model,
        base_iri=settings.base_iri,
        executor=run.executor,
        workers=run.workers,
        scheduler=run.scheduler,
        nlp=nlp,
        pool=pool,
    )
    for n, done in enumerate(outcomes):
        writer.add(done)
        if progress:
            progress(len(done))
        if n == 0 and run.executor != "local":
            _import_crossref()  # while the workers extract, not after the last batch
    writer.flush()
    if report.stored:
        from newsprov.analysis.crossref import update
        from newsprov.rdf.iris import article_iri

        stored = (article_iri(r.article_id, settings.base_iri) for r in report.stored)
        report.crossref = update(store, settings.base_iri, stored, _given(store, writer))
        _mark_keyed(store)
    store.flush()
    _mark_ingest(store, False)


def _import_crossref() -> None:
    """Import the cross-reference (the verdict rules, NumPy: about 0.15 s) while other
    processes extract: an ingest with workers would otherwise import it in its serial
    tail, after the last batch."""
    import newsprov.analysis.crossref  # noqa: F401


def _given(store: Store, writer: _Writer) -> dict[str, GraphRows] | None:
    """The rows the workers read for the graphs written, for an embedded store (whose
    Oxigraph gives the very rows they read); a remote store's are read back from it."""
    from newsprov.rdf.store import Store as Embedded

    return writer.given if isinstance(store, Embedded) else None


def _mark_keyed(store: Store) -> None:
    """Flag an embedded store whose article graphs all hold keyed rows (rdf/views.py)."""
    from newsprov.rdf.store import Store as Embedded

    if isinstance(store, Embedded) and not store.read_only:
        from newsprov.rdf.views import mark_keyed

        mark_keyed(store)


def _mark_ingest(store: Store, running: bool) -> None:
    """Mark the ingest on an embedded store (a remote store keeps no such mark)."""
    mark = getattr(store, "mark_ingest", None)
    if mark is not None:
        mark(running)


def read_all(
    paths: Sequence[Path], *, event: str | None = None
) -> tuple[list[Article], list[Failure]]:
    """Every readable article under ``paths``, and a Failure for each unreadable input.

    Articles longer than newsprov processes, and every article whose id another input
    also has, are failures too: a duplicate id would make one input silently replace the
    other, so neither is stored and the graph already stored under that id is kept.
    """
    articles: list[Article] = []
    failures: list[Failure] = []
    for item in read_paths(paths, event=event):
        if isinstance(item, IngestError):
            failures.append(Failure(item.path, item.problem))
        elif (problem := _too_long(item)) is not None:
            failures.append(Failure(_where(item), problem))
        else:
            articles.append(item)
    kept, duplicates = _refuse_duplicates(articles)
    return kept, failures + duplicates


def _too_long(article: Article) -> str | None:
    if len(article.text) <= MAX_CHARS:
        return None
    return (
        f"article too long ({len(article.text):,} characters; the limit is {MAX_CHARS:,}): "
        "split it into parts"
    )


def _refuse_duplicates(articles: list[Article]) -> tuple[list[Article], list[Failure]]:
    """Articles whose id is unique in the batch, and a Failure for each that is not."""
    by_id: dict[str, list[Article]] = {}
    for article in articles:
        by_id.setdefault(article.id, []).append(article)
    failures = []
    for article_id, same in by_id.items():
        if len(same) < 2:
            continue
        inputs = " and ".join(a.source_path or "<input>" for a in same)
        for article in same:
            failures.append(
                Failure(
                    _where(article),
                    f"duplicate article id {article_id!r} in {inputs}: none of them was "
                    "stored (give each record its own id)",
                )
            )
    return [a for a in articles if len(by_id[a.id]) == 1], failures


def ingest_paths(
    paths: Sequence[Path],
    store: Store,
    settings: Settings,
    nlp: Language | None = None,
    *,
    event: str | None = None,
    progress: Progress | None = None,
    execution: Execution | None = None,
) -> IngestReport:
    """Read ``paths`` (files or folders) and ingest every article found."""
    with start_workers(execution, settings.spacy_model) as pool:
        articles, failures = read_all(paths, event=event)
        report = IngestReport(failed=failures)
        return ingest_articles(
            articles,
            store,
            settings,
            nlp,
            progress=progress,
            report=report,
            execution=execution,
            pool=pool,
        )
