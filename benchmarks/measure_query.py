"""Query latency on large stores built from pre-made N-Quads.

The article graphs that a real ``newsprov ingest`` wrote for the generated corpus are
dumped once as N-Quads and replicated under fresh article ids (``bench-`` becomes
``bench0001-`` …, and the key nodes of the article ids are minted again, as an ingest of
those ids would), so a 10k or 100k store holds real extraction output without running
the NLP 100k times. Entities stay shared across copies, as they are across real articles,
so a source's figures grow with the store (one source is a fixed share of all figures).
Each store is bulk-loaded, then every query is timed in-process, its rows streamed
(percentiles over repeats), and ``newsprov query figures`` is timed as a whole CLI process.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from _proc import dir_size_mb, run_timed
from rdflib import XSD, Literal

__all__ = ["article_nquads", "measure_queries"]

NEWSPROV = [sys.executable, "-m", "newsprov.cli"]
CROSSREF_GRAPH = "<https://newsprov.org/id/graph/crossref>"
VIEWS = ("figures", "quotes", "articles")  # the listings answered from stored rows
QUERIES: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("figures", "figures", {}),
    ("quotes", "quotes", {}),
    ("articles", "articles", {}),
    ("sources-by-outlet", "sources-by-outlet", {}),
    ("figures of one article", "figures", {"article_id": "bench0003-000042"}),
    ("quotes of one article", "quotes", {"article_id": "bench0003-000042"}),
    ("figures of one source", "figures", {"source": "Ministry of Health"}),
    ("figures of one outlet", "figures", {"outlet": "Reuters"}),
    ("figures of one measure", "figures", {"measure": "displaced"}),
    ("quotes of one speaker", "quotes", {"speaker": "Hiroshi Tanaka"}),
    ("quotes relayed by one outlet", "quotes", {"via": "Reuters"}),
    ("articles of one outlet", "articles", {"outlet": "Reuters"}),
    ("articles of one date", "articles", {"date": Literal("2025-10-26", datatype=XSD.date)}),
)
CLI_FILTERED = ("figures", "--bind", "source=Ministry of Health")
PAGE = 100
"""Each listing is timed again for its first page (``limit=PAGE``): its label + ", first 100"."""
_ARTICLE_KEY = re.compile(r"<https://newsprov\.org/id/rowkey/(\w+)/article_id/\w+>")
_ARTICLE_ID = re.compile(r'<https://newsprov\.org/ontology#articleId> "([^"]+)"')
_ORDER = re.compile(
    r'<https://newsprov\.org/ontology#keyedOrder> "([0-9.]+)"'
    r"\^\^<http://www\.w3\.org/2001/XMLSchema#decimal>"
)


def article_nquads(store_path: Path) -> list[str]:
    """The N-Quads lines of every article graph in the store at ``store_path``."""
    store = ox.Store.read_only(str(store_path))
    data = store.dump(format=ox.RdfFormat.N_QUADS).decode("utf-8")
    return [ln for ln in data.splitlines() if ln and not ln.endswith(f"{CROSSREF_GRAPH} .")]


def _write_copies(lines: list[str], per_copy: int, size: int, path: Path) -> int:
    copies = max(1, round(size / per_copy))
    ordered = [ln for ln in lines if _ORDER.search(ln)]
    keyed = [ln for ln in lines if _ARTICLE_KEY.match(ln) and not _ORDER.search(ln)]
    block = "\n".join(ln for ln in lines if not (_ARTICLE_KEY.match(ln) or _ORDER.search(ln)))
    ids = _ids_by_order(lines)
    with path.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            fh.write(block.replace("bench-", f"bench{k:04d}-") + "\n")
            fh.writelines(_article_key(ln.replace("bench-", f"bench{k:04d}-")) for ln in keyed)
            fh.writelines(_order_line(ln, ids, k) for ln in ordered)
    return copies * per_copy


def _ids_by_order(lines: list[str]) -> dict[int, str]:
    """The article ids of the N-Quads by their sort key (np:keyedOrder, rdf/views.py)."""
    from newsprov.rdf.views import order_number

    ids = [m.group(1) for ln in lines if (m := _ARTICLE_ID.search(ln))]
    by_order = {order_number(i): i for i in ids}
    assert len(by_order) == len(set(ids)), "two article ids share their sort key"
    return by_order


def _order_line(line: str, ids: dict[int, str], k: int) -> str:
    """A row's order line (np:keyedOrder) with the order of the id its copy
    holds: the order is a number, which renaming ``bench-`` leaves as it was."""
    from newsprov.rdf.views import key_node, order_literal_text, order_of

    match = _ORDER.search(line)
    assert match is not None

    article_id = ids[order_of(match.group(1))].replace("bench-", f"bench{k:04d}-")
    renamed = line[: match.start(1)] + order_literal_text(article_id) + line[match.end(1) :]
    renamed = renamed.replace("bench-", f"bench{k:04d}-")
    if key := _ARTICLE_KEY.match(renamed):  # an article id's key node, minted again
        node = key_node(key.group(1), "article_id", '"' + article_id)
        return f"<{node}>" + renamed[key.end() :] + "\n"
    return renamed + "\n"


def _article_key(line: str) -> str:
    """An article id's key-node line with the node minted for the id the line now holds."""
    from newsprov.rdf.views import key_node

    match = _ARTICLE_KEY.match(line)
    assert match is not None
    article_id = line.split("\x1f" if "\x1f" in line else "\\u001F")[1]
    node = key_node(match.group(1), "article_id", '"' + article_id)
    return f"<{node}>" + line[match.end() :] + "\n"


def _load(nq: Path, store_path: Path) -> float:
    started = time.perf_counter()
    store = ox.Store(str(store_path))
    store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    return time.perf_counter() - started


def _quads(store_path: Path) -> int:
    from newsprov.rdf.store import Store

    with Store(store_path, read_only=True) as store:
        return len(store)


def _mark(store_path: Path) -> dict[str, Any]:
    """Mark the loaded store keyed as an ingest would (rdf/views.py), timed."""
    from newsprov.rdf.store import Store
    from newsprov.rdf.views import mark_keyed

    started = time.perf_counter()
    with Store(store_path) as store:
        keyed = mark_keyed(store)
    return {"keyed": keyed, "mark_keyed_s": time.perf_counter() - started}


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000}


def _time_queries(store_path: Path, repeats: int) -> dict[str, dict[str, Any]]:
    from newsprov.rdf.store import Store

    out: dict[str, dict[str, Any]] = {}
    with Store(store_path, read_only=True) as store:
        for label, name, bindings in QUERIES:
            out[label] = _time_query(store, name, bindings, repeats, None)
        for label, name, bindings in QUERIES:
            if name in VIEWS:
                page = _time_query(store, name, bindings, repeats, PAGE)
                out[f"{label}, first {PAGE}"] = page
    return out


def _time_query(
    store: Any, name: str, bindings: dict[str, Any], repeats: int, limit: int | None
) -> dict[str, Any]:
    """p50/p95 of streaming every row of the query (cut at ``limit``), and the rows."""
    from newsprov import query

    samples, rows = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        rows = sum(1 for _ in query.stream(store, name, bindings or None, limit=limit))
        samples.append(time.perf_counter() - started)
    return {"rows": rows, **_percentiles(samples)}


def _cli_figures(store_path: Path, *args: str) -> float:
    cmd = [*NEWSPROV, "query", *(args or ("figures",)), "--format", "csv"]
    return min(run_timed([*cmd, "--store", str(store_path)]).seconds for _ in range(2))


def _cli_viz(store_path: Path, *args: str) -> dict[str, float]:
    """``newsprov viz`` as a whole process: seconds, and the size of the page it wrote."""
    out = store_path.parent / f"{store_path.name}-viz.html"
    cmd = [*NEWSPROV, "viz", "--out", str(out), "--store", str(store_path), *args]
    seconds = run_timed(cmd).seconds
    return {"seconds": seconds, "mb": out.stat().st_size / 1e6}


def measure_queries(
    source_store: Path,
    per_copy: int,
    sizes: list[int],
    work: Path,
    repeats: int,
    *,
    reuse: bool = False,
) -> list[dict[str, Any]]:
    """Latency of the canned queries on stores of each size in ``sizes`` (articles);
    ``reuse``: on the stores already in ``work`` (built and marked by an earlier run)."""
    lines = [] if reuse else article_nquads(source_store)
    results = []
    for size in sizes:
        nq, store_path = work / f"q{size}.nq", work / f"q{size}"
        articles = max(1, round(size / per_copy)) * per_copy
        load: dict[str, Any] = {"bulk_load_s": None}
        if not reuse:
            _write_copies(lines, per_copy, size, nq)
            load = {"bulk_load_s": _load(nq, store_path)}
            nq.unlink()
            print(f"  {articles} articles loaded in {load['bulk_load_s']:.1f} s", file=sys.stderr)
            load.update(_mark(store_path))
        results.append(
            {
                "articles": articles,
                "quads": _quads(store_path),
                "store_mb": dir_size_mb(store_path, skip="newsprov-readers"),
                **load,
                "queries": _time_queries(store_path, repeats),
                "cli_figures_s": _cli_figures(store_path),
                "cli_filtered_s": _cli_figures(store_path, *CLI_FILTERED),
                "cli_page_s": _cli_figures(store_path, "figures", "--limit", str(PAGE)),
                "cli_filtered_page_s": _cli_figures(store_path, *CLI_FILTERED, "--limit", "100"),
                "viz": _cli_viz(store_path),
                "viz_focus": _cli_viz(store_path, "--focus", "Reuters"),
            }
        )
    return results
