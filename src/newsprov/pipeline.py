"""Ingest end to end: files -> Articles -> Extractions -> validated graphs -> store.

After the articles are stored, the cross-reference (entity clusters, events, verdicts)
is brought up to date for the events those articles touch, so it never lags behind them.

One bad article never stops a batch: read errors arrive from ingest as values, and an
article whose extraction, mapping or validation fails is reported and skipped before the
store is touched, so nothing already stored is lost and nothing is written twice (each
article replaces its own named graph).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsprov.analysis.crossref import CrossrefSummary, update
from newsprov.config import Settings
from newsprov.errors import IngestError, NewsprovError
from newsprov.ingest import read_paths
from newsprov.model import Article, Extraction
from newsprov.rdf.iris import article_iri
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store
from newsprov.rdf.validate import validate

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["ArticleResult", "Failure", "IngestReport", "ingest_articles", "ingest_paths"]

Progress = Callable[[int], None]
"""Called with the number of articles just finished (for progress bars)."""


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


def _extract_each(
    nlp: Language, articles: Sequence[Article], report: IngestReport
) -> list[Extraction]:
    """Extractions for ``articles`` as one batch; if the batch fails, one by one."""
    from newsprov.nlp import extract

    try:
        return list(extract(nlp, articles))
    except Exception:
        pass
    done: list[Extraction] = []
    for article in articles:
        try:
            done.extend(extract(nlp, [article]))
        except Exception as exc:
            report.failed.append(Failure(_where(article), f"extraction failed: {exc}"))
    return done


def _store_one(ex: Extraction, store: Store, settings: Settings, report: IngestReport) -> None:
    article = ex.article
    try:
        graph = extraction_to_graph(ex, settings.base_iri)
        validate(graph)
        written = store.replace_graph(graph_iri(article.id, settings.base_iri), graph)
    except NewsprovError as exc:
        report.failed.append(Failure(_where(article), str(exc)))
        return
    report.stored.append(
        ArticleResult(
            article_id=article.id,
            source_path=article.source_path,
            outlet=article.outlet,
            figures=len(ex.figures),
            quotes=len(ex.quotes),
            entities=sum(1 for e in ex.entities if not e.anonymous),
            triples=written,
        )
    )


def ingest_articles(
    articles: Iterable[Article],
    store: Store,
    settings: Settings,
    nlp: Language,
    *,
    batch_size: int = 16,
    progress: Progress | None = None,
    report: IngestReport | None = None,
) -> IngestReport:
    """Extract, map, validate and store ``articles``; returns (or extends) a report."""
    report = report if report is not None else IngestReport()
    started = time.perf_counter()
    pending = list(articles)
    for i in range(0, len(pending), batch_size):
        batch = pending[i : i + batch_size]
        for ex in _extract_each(nlp, batch, report):
            _store_one(ex, store, settings, report)
        if progress:
            progress(len(batch))
    if report.stored:
        stored = (article_iri(r.article_id, settings.base_iri) for r in report.stored)
        report.crossref = update(store, settings.base_iri, stored)
    store.flush()
    report.seconds += time.perf_counter() - started
    return report


def read_all(
    paths: Sequence[Path], *, event: str | None = None
) -> tuple[list[Article], list[Failure]]:
    """Every readable article under ``paths``, and a Failure for each unreadable input."""
    articles: list[Article] = []
    failures: list[Failure] = []
    for item in read_paths(paths, event=event):
        if isinstance(item, IngestError):
            failures.append(Failure(item.path, item.problem))
        else:
            articles.append(item)
    return articles, failures


def ingest_paths(
    paths: Sequence[Path],
    store: Store,
    settings: Settings,
    nlp: Language,
    *,
    event: str | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Read ``paths`` (files or folders) and ingest every article found."""
    articles, failures = read_all(paths, event=event)
    report = IngestReport(failed=failures)
    return ingest_articles(articles, store, settings, nlp, progress=progress, report=report)
