"""Every executor stores the same graphs: local, a process pool and a Dask LocalCluster."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from newsprov.config import Settings
from newsprov.errors import NewsprovError
from newsprov.executors import Done, WorkerPool, _bounded, batches, run_batches
from newsprov.model import Article
from newsprov.pipeline import Execution, ingest_paths, start_workers
from newsprov.rdf.store import Store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _article(i: int) -> Article:
    return Article(id=f"a{i}", text=f"Article {i}.")


def _sorted(rows: object) -> object:
    """Rows of each query in a fixed order (their readers do not depend on it)."""
    assert isinstance(rows, dict)
    return {name: sorted(map(repr, found)) for name, found in rows.items()}


def test_batches_keep_order_and_split_evenly() -> None:
    got = list(batches((_article(i) for i in range(5)), 2))
    assert [[a.id for a in b] for b in got] == [["a0", "a1"], ["a2", "a3"], ["a4"]]


def test_batches_for_several_workers_come_in_a_multiple_of_them_of_even_size() -> None:
    articles = [_article(i) for i in range(400)]
    got = list(batches(articles, 16, 2))
    assert [a for b in got for a in b] == articles
    assert len(got) == 26 and {len(b) for b in got} == {15, 16}
    assert [len(b) for b in batches(articles[:5], 2, 2)] == [2, 1, 1, 1]
    assert [len(b) for b in batches(articles[:3], 16, 4)] == [1, 1, 1]
    assert len(list(batches(articles, 16))) == 25  # one worker: batches of the size asked
    assert len(list(batches(iter(articles), 16, 2))) == 25  # a stream is not counted


def test_bounded_keeps_the_window_and_says_when_the_last_batch_is_submitted() -> None:
    events: list[str] = []

    def submit(batch: list[Article]) -> list[Article]:
        events.append(f"submit {batch[0].id}")
        return batch

    def result(batch: list[Article]) -> list[Article]:
        events.append(f"result {batch[0].id}")
        return batch

    work = [[_article(i)] for i in range(3)]
    got = list(_bounded(submit, result, work, 2, lambda: events.append("submitted")))  # type: ignore[arg-type]
    assert [b[0].id for b in got] == ["a0", "a1", "a2"]  # type: ignore[union-attr,index]
    assert events == [
        "submit a0",
        "submit a1",
        "result a0",
        "submit a2",
        "result a1",
        "submitted",  # found once a1 is taken and the next asked for; a2 is still in flight
        "result a2",
    ]


def test_a_worker_pool_serves_one_map_then_lets_its_workers_go() -> None:
    with start_workers(Execution.for_workers(1), "unused") as none:
        assert none is None  # one worker: the local executor, no pool
    # a model that cannot load: the workers start anyway (the first batch would say why)
    with start_workers(Execution.for_workers(2), "no-such-model") as pool:
        assert isinstance(pool, WorkerPool) and pool.workers == 2
        assert list(pool.map(len, [[1, 2], [3], [4, 5, 6]])) == [2, 1, 3]  # type: ignore[arg-type,list-item]
        with pytest.raises(RuntimeError, match="after shutdown"):
            next(iter(pool.map(len, [[1]])))  # type: ignore[arg-type,list-item]


def test_unknown_executor_is_refused() -> None:
    with pytest.raises(NewsprovError, match="unknown executor 'spark'"):
        list(run_batches([[_article(1)]], model="m", base_iri="b", executor="spark"))


def test_workers_alone_mean_a_process_pool_and_a_scheduler_means_dask() -> None:
    assert Execution.for_workers(1).executor == "local"
    assert Execution.for_workers(3).executor == "process"
    split = Execution.for_workers(1, split=True)  # one worker process beside this one
    assert (split.executor, split.workers) == ("process", 1)
    assert Execution.for_workers(1, "local", split=True).executor == "local"
    assert Execution.for_workers(1, scheduler="tcp://127.0.0.1:8786").executor == "dask"
    assert Execution.for_workers(2, "dask").workers == 2


def _graphs(store: Store) -> dict[str, object]:
    return {g: store.graph(g) for g in store.graphs()}


def _assert_same_store(a: Store, b: Store) -> None:
    ga, gb = _graphs(a), _graphs(b)
    assert sorted(ga) == sorted(gb)
    for name in ga:
        assert isomorphic(ga[name], gb[name]), f"graph {name} differs"  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def local_store(pipeline) -> Store:  # type: ignore[no-untyped-def]
    store = Store()
    report = ingest_paths([EXAMPLES], store, Settings(), pipeline)
    assert len(report.stored) >= 5 and not report.failed
    return store


@pytest.mark.model
def test_local_batches_are_checked_ntriples(pipeline) -> None:  # type: ignore[no-untyped-def]
    article = Article(id="x1", text="At least 12 people were killed, police said on Monday.")
    [[done]] = run_batches([[article]], model="unused", base_iri=Settings().base_iri, nlp=pipeline)
    assert isinstance(done, Done) and done.figures == 1
    assert done.triples == done.ntriples.count(b"\n") and done.graph_iri.endswith("/graph/x1")
    # its cross-reference input rows come with it, as from the worker executors, so the
    # ingest's cross-reference need not read them back from the store
    assert done.rows is not None and done.rows["figures"] and done.rows["articles"]


@pytest.mark.model
def test_a_batch_reads_the_cross_reference_rows_of_its_graphs_as_stored(pipeline) -> None:  # type: ignore[no-untyped-def]
    from newsprov.analysis._load import graph_rows
    from newsprov.analysis.crossref import crossref_graph_iri
    from newsprov.executors import process_batch
    from newsprov.pipeline import read_all

    base = Settings().base_iri
    articles, _ = read_all([EXAMPLES])
    for batch in (articles[:4], articles[:1]):  # read with the views, or alone
        done = [d for d in process_batch(batch, model="", base_iri=base, nlp=pipeline, rows=True)]
        assert all(isinstance(d, Done) for d in done)
        stored = graph_rows([(d.graph_iri, d.ntriples) for d in done], crossref_graph_iri(base))
        assert {d.graph_iri: _sorted(d.rows) for d in done} == {  # type: ignore[union-attr]
            g: _sorted(rows) for g, rows in stored.items()
        }
        assert all(rows["articles"] and rows["figures"] for rows in stored.values())
    plain = process_batch(articles[:2], model="", base_iri=base, nlp=pipeline)
    assert all(isinstance(d, Done) and d.rows is None for d in plain)


@pytest.mark.model
def test_two_worker_processes_store_the_same_graphs(local_store: Store) -> None:
    store = Store()
    run = Execution.for_workers(2)
    report = ingest_paths([EXAMPLES], store, Settings(), execution=run)
    assert not report.failed
    _assert_same_store(local_store, store)


@pytest.mark.model
def test_one_worker_process_beside_this_one_stores_the_same_graphs(local_store: Store) -> None:
    store = Store()
    run = Execution(executor="process", workers=1, batch_size=2)  # several batches in flight
    report = ingest_paths([EXAMPLES], store, Settings(), execution=run)
    assert not report.failed
    _assert_same_store(local_store, store)


@pytest.mark.model
def test_the_two_halves_of_a_batch_make_what_it_makes_in_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    from newsprov.executors import extract_batch, graph_batch, process_batch
    from newsprov.pipeline import read_all

    base = Settings().base_iri
    articles, _ = read_all([EXAMPLES])
    whole = process_batch(articles[:3], model="", base_iri=base, nlp=pipeline, rows=True)
    done = extract_batch(articles[:3], model="", nlp=pipeline)
    halves = graph_batch(done, base_iri=base, rows=True)
    assert all(isinstance(d, Done) for d in [*whole, *halves])
    assert [_made(d) for d in whole] == [_made(d) for d in halves]


def _made(done: object) -> tuple[object, ...]:
    assert isinstance(done, Done)
    return done.graph_iri, done.ntriples, done.triples, _sorted(done.rows)


@pytest.mark.model
def test_dask_local_cluster_stores_the_same_graphs(local_store: Store) -> None:
    store = Store()
    run = Execution(executor="dask", workers=2, batch_size=2)
    report = ingest_paths([EXAMPLES], store, Settings(), execution=run)
    assert not report.failed
    _assert_same_store(local_store, store)


@pytest.mark.model
def test_dask_scheduler_address_is_used(local_store: Store) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        store = Store()
        run = Execution.for_workers(1, scheduler=cluster.scheduler_address)
        report = ingest_paths([EXAMPLES], store, Settings(), execution=run)
        assert not report.failed
        assert cluster.scheduler.task_prefixes  # the work ran on that cluster
    _assert_same_store(local_store, store)


def test_fewer_collections_raises_the_young_threshold_and_restores_it() -> None:
    import gc

    from newsprov.executors import GC_YOUNG_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold() == (max(before[0], GC_YOUNG_THRESHOLD), *before[1:])
    assert gc.get_threshold() == before
