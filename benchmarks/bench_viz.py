"""Benchmark the explorer: graph build, layout and HTML write at 100 / 1k / 5k nodes.

    .venv/bin/python benchmarks/bench_viz.py            # Python side only
    .venv/bin/python benchmarks/bench_viz.py --browser  # also time vis-network in Chromium
    .venv/bin/python benchmarks/bench_viz.py --stores DIR...  # page build, cold and warm

With ``--stores`` it times the whole explorer page (``explorer_html``, default cap) of each
existing on-disk store (e.g. the ones ``run_all.py --keep`` leaves), opened read-only as
``newsprov viz`` opens it: first cold (the aggregate's cache file removed, so its counts
are read from the store), then warm (counted once for this published generation, read
from the cache), with ``--repeats`` warm runs.

The Python side fills an in-memory store with synthetic articles (invented names, no
real text) and times ``build_graph`` + ``mark_conflicts`` (SPARQL -> networkx),
``to_network`` (layout + node records) and page rendering + writing. With
``--browser`` it opens each page in headless Chromium (/usr/bin/chromium, network off)
twice, physics on and off, and times how long until the graph is ready: stabilised
(physics on) or first drawn (precomputed positions, physics off).

Threshold choice (newsprov.viz.render.PHYSICS_THRESHOLD = 300), measured on the
development container (2 slow vCPUs; absolute numbers vary, the growth is what matters):

    nodes  build s  layout s  page s |  Chromium: physics on   physics off
      115     0.01      0.10    0.04 |            0.5 s          0.14 s
      309        -         -       - |            1.0 s          0.21 s
      984     0.12      0.22    0.29 |            4.8 s          0.48 s
     4847     1.00      0.69    0.37 |           20.6 s          1.17 s

("page" = to_network + template + file write.) In-browser stabilisation freezes the page
and grows steeply: about a second at 300 nodes, five at 1,000, twenty at 5,000, while
precomputed positions draw 5,000 nodes in about a second. So physics stays on only up
to 300 nodes, where it tidies the picture in about a second; bigger graphs keep the
networkx layout. The node/edge lists are built directly, not with pyvis's quadratic
``add_node``. Spring layout itself is O(n^2) per iteration (22 s at 5,000 nodes here),
which is why newsprov.viz.layout switches to its anchor layout above 400 nodes.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import rdflib
from rdflib.namespace import RDF, RDFS, XSD

from newsprov.rdf.store import Store
from newsprov.viz import build_graph, mark_conflicts, render_page, to_network

T = TypeVar("T")
B = "https://newsprov.org/id/"
NP = rdflib.Namespace("https://newsprov.org/ontology#")
NPM = rdflib.Namespace("https://newsprov.org/measure/")
SCHEMA = rdflib.Namespace("https://schema.org/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
SIZES = (100, 1000, 5000)
BROWSER_SIZES = (100, 300, 1000, 5000)
CHROMIUM = "/usr/bin/chromium"
BROWSER_TIMEOUT_S = 60


def _entity(g: rdflib.Graph, kind: str, i: int) -> rdflib.URIRef:
    cls = {
        "outlet": NP.Outlet,
        "person": NP.Person,
        "organisation": NP.Organisation,
        "place": NP.Place,
    }[kind]
    iri = rdflib.URIRef(f"{B}{kind}/{kind}-{i}")
    g.add((iri, RDF.type, cls))
    g.add((iri, RDFS.label, rdflib.Literal(f"{kind.title()} {i}")))
    return iri


def _claim(g: rdflib.Graph, article: rdflib.URIRef, kind: str, j: int) -> rdflib.URIRef:
    node = rdflib.URIRef(f"{article}/{kind}/{j * 100}-{j * 100 + 9}")
    sentence = rdflib.URIRef(f"{article}/sentence/{j * 100}-{j * 100 + 90}")
    g.add((node, RDF.type, NP.Figure if kind == "figure" else NP.Quote))
    g.add((node, NP.reportedIn, article))
    g.add((node, NP.evidence, sentence))
    g.add((sentence, RDF.type, NP.Evidence))
    g.add((sentence, OA.exact, rdflib.Literal(f"Synthetic sentence {j} of {article}.")))
    return node


def _article(i: int, n_entities: int, rng: random.Random) -> rdflib.Graph:
    """One synthetic article graph: 3 figures and 1 quote drawn from shared entities."""
    g = rdflib.Graph()
    article = rdflib.URIRef(f"{B}article/a{i}")
    g.add((article, RDF.type, NP.Article))
    g.add((article, NP.articleId, rdflib.Literal(f"a{i}")))
    g.add((article, SCHEMA.publisher, _entity(g, "outlet", rng.randrange(20))))
    g.add((article, NP.event, rdflib.URIRef(f"{B}event/e{i % 10}")))
    for j in range(4):
        kind = "quote" if j == 3 else "figure"
        node = _claim(g, article, kind, j)
        source = _entity(g, rng.choice(["person", "organisation"]), rng.randrange(n_entities))
        g.add((node, PROV.wasAttributedTo, source))
        g.add((node, NP.via, _entity(g, "outlet", rng.randrange(20))))
        if kind == "figure":
            g.add(
                (node, NP.value, rdflib.Literal(str(rng.randrange(1, 500)), datatype=XSD.decimal))
            )
            g.add((node, NP.qualifier, rdflib.Literal("exact")))
            g.add((node, NP.measure, NPM.deaths))
            g.add((node, NP.place, _entity(g, "place", rng.randrange(max(1, n_entities // 2)))))
        else:
            g.add((node, NP.quoteText, rdflib.Literal(f"Quote {i}")))
    return g


def synthetic_store(n_nodes: int, seed: int = 1) -> Store:
    """A store whose explorer graph has roughly ``n_nodes`` nodes."""
    rng = random.Random(seed)
    n_articles = max(1, int(n_nodes * 0.8 / 5))  # 5 nodes per article, ~20% shared entities
    n_entities = max(2, int(n_nodes * 0.2 / 3))
    store = Store()
    for i in range(n_articles):
        store.replace_graph(f"{B}graph/a{i}", _article(i, n_entities, rng))
    return store


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - start


def bench_python(n: int, out_dir: Path) -> dict[str, Any]:
    """Seconds spent building, laying out and writing the explorer for ~n nodes."""
    store = synthetic_store(n)
    graph, t_build = timed(lambda: build_graph(store))
    _, t_conflicts = timed(lambda: mark_conflicts(graph, store))
    _, t_network = timed(lambda: to_network(graph))
    path = out_dir / f"explorer-{n}.html"
    _, t_page = timed(lambda: path.write_text(render_page(graph), encoding="utf-8"))
    return {
        "n": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "build": t_build + t_conflicts,
        "network": t_network,
        "html": t_page,
        "mb": path.stat().st_size / 1e6,
        "graph": graph,
    }


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        try:
            yield browser
        finally:
            browser.close()


def bench_browser(browser: Any, html_path: Path) -> float | None:
    """Milliseconds until the page reports ready, or None past the timeout."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.route(
        "**/*",
        lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort(),
    )
    try:
        page.goto(html_path.as_uri())
        page.wait_for_function(
            "document.body.dataset.ready === '1'", timeout=BROWSER_TIMEOUT_S * 1000
        )
        return float(page.evaluate("window.npTiming.ms"))
    except Exception:  # playwright's TimeoutError: stabilisation did not finish
        return None
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--browser", action="store_true", help="also time vis-network in Chromium")
    parser.add_argument("--stores", nargs="*", type=Path, default=None, help="time these stores")
    parser.add_argument("--repeats", type=int, default=3, help="warm runs per store")
    args = parser.parse_args(argv)
    if args.stores is not None:
        run_stores(args.stores, args.repeats)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(tmp)
        print(f"{'nodes':>6} {'edges':>6} {'build s':>8} {'layout s':>9} {'page s':>7} {'MB':>5}")
        graphs = {}
        for size in SIZES:
            r = bench_python(size, out_dir)
            graphs[size] = r.pop("graph")
            print(
                f"{r['n']:>6} {r['edges']:>6} {r['build']:>8.2f} {r['network']:>9.2f} "
                f"{r['html']:>7.2f} {r['mb']:>5.1f}"
            )
        if args.browser:
            run_browser(out_dir)
    return 0


def run_stores(paths: list[Path], repeats: int) -> None:
    from newsprov.viz import explorer_html
    from newsprov.viz.scale import AGGREGATE_CACHE, article_count

    print(f"{'store':<28} {'articles':>9} {'cold s':>7} {'warm s (each run)':>24} {'MB':>5}")
    for path in paths:
        (path / AGGREGATE_CACHE).unlink(missing_ok=True)
        with Store(path, read_only=True) as store:
            articles = article_count(store)
            page, cold = timed(lambda: explorer_html(store))
            warm = [timed(lambda: explorer_html(store)) for _ in range(repeats)]
        assert all(p == page for p, _ in warm), "a warm page differs from the cold one"
        runs = " ".join(f"{t:.2f}" for _, t in warm)
        print(
            f"{path!s:<28} {articles:>9,} {cold:>7.2f} {runs:>24} {len(page) / 1e6:>5.1f}",
            flush=True,
        )


def run_browser(out_dir: Path) -> None:
    print(f"\n{'nodes':>6} {'physics on ms':>14} {'physics off ms':>15}")
    with chromium() as browser:
        for size in BROWSER_SIZES:
            graph = build_graph(synthetic_store(size))
            times = []
            for physics in (True, False):
                path = out_dir / f"browser-{size}-{physics}.html"
                path.write_text(render_page(graph, physics=physics), encoding="utf-8")
                times.append(bench_browser(browser, path))
            on, off = (f"{t:.0f}" if t is not None else f">{BROWSER_TIMEOUT_S}s" for t in times)
            print(f"{graph.number_of_nodes():>6} {on:>14} {off:>15}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
