"""The ingest's store writer (``newsprov.pipeline._Writer``): batches written by a thread
of their own, in order, one at a time, each reported stored or failed as a whole."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

from newsprov import pipeline
from newsprov.errors import StoreError
from newsprov.executors import Done, Failed
from newsprov.model import Article
from newsprov.pipeline import IngestReport, _Writer


class _SlowStore:
    """Records each batch written, the thread that wrote it, and how many were being
    written at once; the batch holding the article ``bad`` fails."""

    def __init__(self, bad: str = "") -> None:
        self.bad = bad
        self.batches: list[list[str]] = []
        self.threads: set[str] = set()
        self.busy = self.most_busy = 0
        self.lock = threading.Lock()

    def replace_graphs(self, graphs: Sequence[tuple[str, bytes]]) -> int:
        with self.lock:
            self.busy += 1
            self.most_busy = max(self.most_busy, self.busy)
        try:
            self.threads.add(threading.current_thread().name)
            ids = [iri.rsplit("/", 1)[-1] for iri, _ in graphs]
            if self.bad in ids:
                raise StoreError("disk full")
            self.batches.append(ids)
            return len(graphs)
        finally:
            with self.lock:
                self.busy -= 1


def _done(article_id: str) -> Done:
    article = Article(id=article_id, text="x")
    return Done(article, f"https://x/graph/{article_id}", b"<a> <b> <c> .\n", 1, 0, 0, 0)


def test_batches_are_written_in_order_by_one_other_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "WRITE_BATCH_TRIPLES", 2)
    store, report = _SlowStore(), IngestReport()
    writer = _Writer(store, report)  # type: ignore[arg-type]
    try:
        for k in range(0, 9, 3):
            writer.add([_done(f"a{k}"), _done(f"a{k + 1}"), _done(f"a{k + 2}")])
        writer.add([_done("last")])
        writer.flush()
    finally:
        writer.close()
    assert store.batches == [["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a6", "a7", "a8"], ["last"]]
    assert store.most_busy == 1
    assert threading.current_thread().name not in store.threads
    assert [r.article_id for r in report.stored] == [
        *(f"a{k}" for k in range(9)),
        "last",
    ]


def test_a_failed_batch_is_reported_and_the_others_are_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "WRITE_BATCH_TRIPLES", 2)
    store, report = _SlowStore(bad="b3"), IngestReport()
    writer = _Writer(store, report)  # type: ignore[arg-type]
    try:
        writer.add([_done("b1"), _done("b2")])
        writer.add([_done("b3"), Failed(Article(id="odd", text="y"), "no text"), _done("b4")])
        writer.add([_done("b5"), _done("b6")])
        writer.flush()
    finally:
        writer.close()
    assert [r.article_id for r in report.stored] == ["b1", "b2", "b5", "b6"]
    assert sorted((f.where, f.problem) for f in report.failed) == [
        ("<input> [b3]", "disk full"),
        ("<input> [b4]", "disk full"),
        ("<input> [odd]", "no text"),
    ]


def test_closing_waits_for_the_batch_being_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "WRITE_BATCH_TRIPLES", 1)
    store, report = _SlowStore(), IngestReport()
    writer = _Writer(store, report)  # type: ignore[arg-type]
    writer.add([_done("c1")])  # its write starts and is not waited for
    writer.close()
    assert store.batches == [["c1"]]
    assert [r.article_id for r in report.stored] == ["c1"]
