"""The store under kills: atomic graph replacement, the cross-reference step, readers
during an ingest (table rows: replace_graph in two steps, SIGKILL/Ctrl-C during the
cross-reference step, report on a read-only store or during an ingest)."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import rdflib
from rdflib.compare import isomorphic

from newsprov.analysis import crossref_graph_iri, refresh
from newsprov.analysis.synthetic import synthetic_corpus
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store

from .helpers import run

B = "https://newsprov.org/id/"
G = "https://newsprov.org/id/graph/under-fire"
N = 20_000  # triples per version: big enough that a kill lands inside a write


def _version(tag: str) -> rdflib.Graph:
    g = rdflib.Graph()
    p = rdflib.URIRef("https://newsprov.org/ontology#note")
    for i in range(N):
        g.add((rdflib.URIRef(f"https://newsprov.org/id/s/{i}"), p, rdflib.Literal(f"{tag}-{i}")))
    return g


def _killed_after(script: str, started: str, delay: float, sig: int = signal.SIGKILL) -> None:
    """Run ``script`` in a fresh Python, wait for the line ``started``, then ``delay``
    seconds, then send ``sig``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script)],
        stdout=subprocess.PIPE,
        text=True,
        # Ctrl-C as from a shell, whatever the test process inherited or set
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == started, line
        time.sleep(delay)
        proc.send_signal(sig)
        sent = time.monotonic()
        deadline = sent + 60
        while proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            if sig == signal.SIGINT and time.monotonic() - sent > 5 and proc.poll() is None:
                proc.send_signal(sig)  # Ctrl-C pressed again after 5 s, as a user would
                sent = time.monotonic()
        proc.wait(timeout=1)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


WRITER = """
import rdflib, sys
from newsprov.rdf.store import Store
store = Store({path!r})
p = rdflib.URIRef("https://newsprov.org/ontology#note")
print("writing", flush=True)
k = 0
while True:
    k += 1
    g = rdflib.Graph()
    for i in range({n}):
        s = rdflib.URIRef(f"https://newsprov.org/id/s/{{i}}")
        g.add((s, p, rdflib.Literal(f"v{{k}}-{{i}}")))
    store.replace_graph({g!r}, g)
"""


@pytest.mark.parametrize("delay", [0.3, 1.1, 2.3])
def test_kill_during_replace_graph_keeps_one_whole_version(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "store"
    with Store(path) as store:
        store.replace_graph(G, _version("old"))
    _killed_after(WRITER.format(path=str(path), n=N, g=G), "writing", delay)
    with Store(path) as store:  # the primary itself, as the next ingest sees it
        values = {str(o) for o in store.graph(G).objects()}
    assert len(values) == N  # never empty, never half of one version
    assert len({v.rsplit("-", 1)[0] for v in values}) == 1


def _fill(path: Path, events: int) -> list[str]:
    ids = []
    with Store(path) as store:
        for ex in synthetic_corpus(events, 6, 3):
            store.replace_graph(graph_iri(ex.article.id, B), extraction_to_graph(ex, B))
            ids.append(ex.article.id)
        refresh(store, B)
    return ids


CROSSREF = """
from newsprov.analysis import refresh
from newsprov.analysis.synthetic import synthetic_corpus
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.store import Store
B = "https://newsprov.org/id/"
store = Store({path!r})
store.mark_ingest(True)
for ex in list(synthetic_corpus({events}, 6, 3))[-6:]:
    store.replace_graph(graph_iri(ex.article.id + "-new", B), extraction_to_graph(ex, B))
print("cross-referencing", flush=True)
while True:
    refresh(store, B)
"""


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_kill_during_crossref_keeps_results_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sig: int
) -> None:
    path = tmp_path / "store"
    ids = _fill(path, events=6)
    with Store(path, read_only=True) as store:
        published = store.graph(crossref_graph_iri(B))
    assert len(published) > 0
    _killed_after(CROSSREF.format(path=str(path), events=6), "cross-referencing", 0.8, sig)
    # readers still see the copy published before the interrupted ingest, and are told
    with Store(path, read_only=True) as store:
        assert store.interrupted
        assert isomorphic(store.graph(crossref_graph_iri(B)), published)
    code, _, err = run(capsys, "query", "articles", "--store", str(path), "--format", "csv")
    assert code == 0 and "an ingest into" in err and "stopped before it finished" in err
    # the primary kept every article and one whole cross-reference graph (old or new)
    with Store(path) as store:
        graphs = set(store.graphs())
        assert {graph_iri(i, B) for i in ids} <= graphs
        kept = store.graph(crossref_graph_iri(B))
        refresh(store, B)
        redone = store.graph(crossref_graph_iri(B))
    assert isomorphic(kept, published) or isomorphic(kept, redone)


def test_report_runs_while_an_ingest_holds_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "store"
    _fill(path, events=2)
    out = tmp_path / "report.md"
    with Store(path) as writer:  # an ingest in progress holds the store for writing
        writer.mark_ingest(True)
        writer.replace_graph(G, _version("in-flight"))
        code, stdout, err = run(
            capsys, "report", "--store", str(path), "--out", str(out), "--format", "md"
        )
        assert code == 0, err
        assert f"wrote {out}" in stdout
        assert "stopped before it finished" in err  # the mark of the ingest in progress
        writer.mark_ingest(False)
    assert out.read_text(encoding="utf-8").strip()
