"""Where extraction runs: in this process, in a pool of worker processes, or on Dask.

Extraction is a pure function from a batch of Articles to, for each article, its N-Triples
(checked against the shapes) or the reason it failed: :func:`process_batch`. Each
executor maps that function over batches and yields the outcomes batch by batch, in input
order, so whichever runs it the store receives the same graphs. At most ``2 × workers``
batches are in flight, so memory stays bounded however long the input is.

- ``local``: one process (the pipeline given, or loaded once).
- ``process``: ``workers`` processes, each loading the model once. A
  :class:`WorkerPool` can be started before the input is read, so the workers load the
  model while the parent reads. With one worker the batch is split: the worker extracts
  (:func:`extract_batch`) and this process maps, checks and serialises the batch before
  (:func:`graph_batch`) meanwhile, the same function in two halves.
- ``dask``: a Dask cluster (a ``LocalCluster`` of ``workers`` processes by default, or
  the scheduler at ``scheduler``); each Dask worker loads the model once.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from newsprov.errors import NewsprovError
from newsprov.model import Article, Extraction

if TYPE_CHECKING:
    from spacy.language import Language

    from newsprov.analysis._load import GraphRows
    from newsprov.rdf.mapping import MappedGraph

__all__ = [
    "EXECUTORS",
    "GC_YOUNG_THRESHOLD",
    "Done",
    "Failed",
    "Outcome",
    "WorkerPool",
    "batches",
    "fewer_collections",
    "process_batch",
    "run_batches",
]

EXECUTORS = ("local", "process", "dask")

GC_YOUNG_THRESHOLD = 20_000
"""During an ingest the garbage collector looks at the young objects after this many
allocations (Python's default is 700): the pipeline allocates millions of short-lived
objects, few of them in cycles, so most collections find nothing (0.35 s of collections
per 400 articles at the default, 0.09 s at this threshold)."""


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect young objects after ``GC_YOUNG_THRESHOLD`` allocations, not Python's
    default 700, until the block ends (the older generations as they were)."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


@dataclass(frozen=True, slots=True)
class Done:
    """One article extracted, mapped and checked: its graph as N-Triples and its counts;
    ``rows``, when the batch read them, its graph's cross-reference input rows
    (:func:`newsprov.analysis._load.graph_rows`), so the parent need not read them back."""

    article: Article
    graph_iri: str
    ntriples: bytes
    triples: int
    figures: int
    quotes: int
    entities: int
    rows: GraphRows | None = None


@dataclass(frozen=True, slots=True)
class Failed:
    """An article that could not be extracted, mapped or checked, and why."""

    article: Article
    problem: str


Outcome = Done | Failed
BatchFn = Callable[[Sequence[Article]], list[Outcome]]
ExtractFn = Callable[[Sequence[Article]], list[Extraction | Failed]]

_R = TypeVar("_R")

_PIPELINES: dict[str, Language] = {}


def _pipeline(model: str) -> Language:
    """The pipeline for ``model``, loaded once per process."""
    if model not in _PIPELINES:
        from newsprov.nlp import build_pipeline

        _PIPELINES[model] = build_pipeline(model)
    return _PIPELINES[model]


def _preload(model: str) -> None:
    """Load the pipeline as a worker starts, while the parent is still reading articles
    (a failure is left for the first batch to raise, as the error it is); the worker
    collects garbage as an ingest does (:func:`fewer_collections`), for as long as it
    lives."""
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, GC_YOUNG_THRESHOLD), *older)
    try:
        _pipeline(model)
    except Exception:  # raised again, with its own message, by the first batch
        return


def _extract_each(nlp: Language, articles: Sequence[Article]) -> list[Extraction | Failed]:
    """Extractions for ``articles`` as one batch; if the batch fails, one by one."""
    from newsprov.nlp import extract

    try:
        return list(extract(nlp, articles))
    except Exception:  # one bad article spoils the batch: find it below
        pass
    done: list[Extraction | Failed] = []
    for article in articles:
        try:
            done.extend(extract(nlp, [article]))
        except Exception as exc:
            done.append(Failed(article, f"extraction failed: {exc}"))
    return done


def _to_outcome(ex: Extraction, mapped: MappedGraph | NewsprovError, base_iri: str) -> Outcome:
    from newsprov.rdf.mapping import graph_iri
    from newsprov.rdf.validate_compiled import check

    try:
        if isinstance(mapped, NewsprovError):
            raise mapped
        check(mapped.triples)
    except NewsprovError as exc:
        return Failed(ex.article, str(exc))
    return Done(
        article=ex.article,
        graph_iri=graph_iri(ex.article.id, base_iri),
        ntriples=mapped.ntriples,
        triples=len(mapped.triples),
        figures=len(ex.figures),
        quotes=len(ex.quotes),
        entities=sum(1 for e in ex.entities if not e.anonymous),
    )


def process_batch(
    articles: Sequence[Article],
    *,
    model: str,
    base_iri: str,
    nlp: Language | None = None,
    rows: bool = False,
) -> list[Outcome]:
    """Extract, map, check and serialise one batch (a pure function of its inputs): the
    mapping's triples go straight to N-Triples, with no rdflib Graph in between. With
    ``rows``, each Done also carries its graph's cross-reference input rows, read from
    the batch's own small store (a worker reads them while the other workers extract,
    instead of the parent after the last; in one process a few queries per batch instead
    of some forty per article read back from the store).

    :func:`extract_batch` then :func:`graph_batch`, which may run in two processes."""
    done = extract_batch(articles, model=model, nlp=nlp)
    return graph_batch(done, base_iri=base_iri, rows=rows)


def extract_batch(
    articles: Sequence[Article], *, model: str, nlp: Language | None = None
) -> list[Extraction | Failed]:
    """The NLP half of :func:`process_batch`: each article's Extraction, or why it failed,
    in order (the pipeline given, or ``model`` loaded once per process)."""
    return _extract_each(nlp if nlp is not None else _pipeline(model), articles)


def graph_batch(
    done: Sequence[Extraction | Failed], *, base_iri: str, rows: bool = False
) -> list[Outcome]:
    """The graph half of :func:`process_batch`: map, check and serialise each Extraction
    of a batch (a Failed stays as it is)."""
    from newsprov.rdf.mapping import extraction_to_graphs

    extractions = [item for item in done if not isinstance(item, Failed)]
    views: list[Any] = []  # the store the views read the batch in, if they read it at once
    mapped = iter(extraction_to_graphs(extractions, base_iri, views.append if rows else None))
    outcomes = [
        item if isinstance(item, Failed) else _to_outcome(item, next(mapped), base_iri)
        for item in done
    ]
    return _with_rows(outcomes, base_iri, views[0] if views else None) if rows else outcomes


def _with_rows(outcomes: list[Outcome], base_iri: str, views: Any) -> list[Outcome]:
    """``outcomes`` with each Done's cross-reference input rows, read from ``views`` (an
    Oxigraph store of the batch's mapped graphs, named by their IRIs: their rows are those
    of the graphs as stored, the view rows added to them matching no input pattern), or
    else from a store of the graphs as stored."""
    from dataclasses import replace

    from newsprov.analysis._load import INPUTS, graph_rows, rows_in
    from newsprov.analysis.crossref import crossref_graph_iri

    stored = [(o.graph_iri, o.ntriples) for o in outcomes if isinstance(o, Done)]
    if not stored:
        return outcomes
    skip = crossref_graph_iri(base_iri)
    found = rows_in(views, skip) if views is not None else graph_rows(stored, skip)
    empty: GraphRows = {name: [] for name in INPUTS}
    return [
        replace(o, rows=found.get(o.graph_iri, empty)) if isinstance(o, Done) else o
        for o in outcomes
    ]


def batches(articles: Iterable[Article], size: int, workers: int = 1) -> Iterator[list[Article]]:
    """``articles`` in lists of ``size`` (the last may be shorter).

    For several ``workers`` and a sequence of articles, the number of batches is rounded
    up to a multiple of ``workers`` and the articles spread evenly over them (sizes differ
    by one at most), so the workers finish together instead of one taking the last batch
    alone while the others wait."""
    if workers > 1 and isinstance(articles, Sequence) and articles:
        yield from _even(articles, size, workers)
        return
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _even(articles: Sequence[Article], size: int, workers: int) -> Iterator[list[Article]]:
    count = -(-len(articles) // size)  # batches of ``size``, then a multiple of workers
    count = min(-(-count // workers) * workers, len(articles))
    each, extra = divmod(len(articles), count)
    start = 0
    for k in range(count):
        end = start + each + (k < extra)
        yield list(articles[start:end])
        start = end


def _bounded(
    submit: Callable[[list[Article]], Any],
    result: Callable[[Any], _R],
    work: Iterable[list[Article]],
    window: int,
    submitted: Callable[[], None] | None = None,
) -> Iterator[_R]:
    """Submit batches keeping at most ``window`` in flight; yield results in order.
    ``submitted`` is called once the last batch is submitted."""
    pending: deque[Any] = deque()
    for batch in work:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield result(pending.popleft())
    if submitted is not None:
        submitted()
    while pending:
        yield result(pending.popleft())


def _ready() -> None:
    """A task that does nothing: submitting one makes the pool spawn a process now."""


class WorkerPool:
    """``workers`` spawned processes that each load ``model`` as they start.

    The processes are spawned at once (a bare ProcessPoolExecutor spawns them as batches
    are submitted), so a pool made before the input is read loads the model meanwhile.
    Spawn, not fork: the parent may hold threads (a progress bar, the store's) and a
    loaded model.
    """

    def __init__(self, workers: int, model: str) -> None:
        self.workers, self.model = workers, model
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_preload,
            initargs=(model,),
        )
        for _ in range(workers):
            self._pool.submit(_ready)

    def map(self, fn: Callable[[list[Article]], _R], work: Iterable[list[Article]]) -> Iterator[_R]:
        """``fn`` of every batch of ``work``, in order, at most ``2 × workers`` in flight.

        A pool serves one map: once the last batch is submitted the processes are told to
        exit when they finish, so they are gone while the caller stores and
        cross-references the last results.
        """
        return _bounded(
            lambda b: self._pool.submit(fn, b),
            Future.result,
            work,
            2 * self.workers,
            lambda: self._pool.shutdown(wait=False),
        )

    def close(self) -> None:
        """Wait for the processes to end (work not yet started is dropped)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _run_process(
    fn: BatchFn, work: Iterable[list[Article]], workers: int, model: str
) -> Iterator[list[Outcome]]:
    with WorkerPool(workers, model) as own:
        yield from own.map(fn, work)


def _run_split(
    work: Iterable[list[Article]], model: str, base_iri: str, pool: WorkerPool | None
) -> Iterator[list[Outcome]]:
    """One worker process extracts (the NLP) while this one maps, checks and serialises
    the batch before (:func:`graph_batch`): the graph stage runs beside spaCy instead of
    after it, on a core a single pipeline leaves idle."""
    extract: ExtractFn = partial(extract_batch, model=model)
    graphs = partial(graph_batch, base_iri=base_iri, rows=True)
    if pool is not None and pool.workers == 1 and pool.model == model:
        yield from map(graphs, pool.map(extract, work))
        return
    with WorkerPool(1, model) as own:
        yield from map(graphs, own.map(extract, work))


def _run_dask(
    fn: BatchFn, work: Iterable[list[Article]], workers: int, scheduler: str | None
) -> Iterator[list[Outcome]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise NewsprovError(f"--executor dask needs the 'distributed' package: {exc}") from exc
    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        n = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        yield from _bounded(
            lambda b: client.submit(fn, b, pure=False), lambda f: f.result(), work, 2 * n
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_batches(
    work: Iterable[list[Article]],
    *,
    model: str,
    base_iri: str,
    executor: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    nlp: Language | None = None,
    pool: WorkerPool | None = None,
) -> Iterator[list[Outcome]]:
    """Outcomes of every batch of ``work``, in input order, run by ``executor``; the
    ``process`` executor uses ``pool`` if it is one of ``workers`` processes for ``model``
    (see :meth:`WorkerPool.map`), else a pool of its own; with one worker, it only
    extracts there (:func:`_run_split`)."""
    if executor not in EXECUTORS:
        raise NewsprovError(f"unknown executor {executor!r}; choose from {', '.join(EXECUTORS)}")
    fn: BatchFn = partial(process_batch, model=model, base_iri=base_iri, rows=True)
    if executor == "dask":
        return _run_dask(fn, work, workers, scheduler)
    if executor == "process" and workers == 1:
        return _run_split(work, model, base_iri, pool)
    if executor == "process":
        if pool is not None and pool.workers == workers and pool.model == model:
            return pool.map(fn, work)
        return _run_process(fn, work, workers, model)
    local: BatchFn = partial(process_batch, model=model, base_iri=base_iri, nlp=nlp, rows=True)
    return (local(batch) for batch in work)
