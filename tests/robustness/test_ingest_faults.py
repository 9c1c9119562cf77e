"""Ingest under bad input (table rows: duplicate ids in one batch, unreadable folders,
articles over 1M characters; and every bad input already handled: empty, binary,
encodings, oversize, malformed JSONL, hostile text in every page). Each asserts the
message and that nothing stored was lost or duplicated."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsprov.analysis import crossref_graph_iri
from newsprov.config import Settings
from newsprov.rdf.store import Store
from newsprov.server import create_app

from .helpers import HARBOUR, VALLEY, article_graphs, fingerprint, one_line_error, run

pytestmark = pytest.mark.model

ARTICLE = "https://newsprov.org/id/graph/"  # named graph of an article
XREF = crossref_graph_iri("https://newsprov.org/id/")


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding two articles, ingested once through the CLI."""
    root = tmp_path_factory.mktemp("base")
    (root / "in").mkdir()
    (root / "in" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (root / "in" / "valley.txt").write_text(VALLEY, encoding="utf-8")
    from newsprov.cli import main

    assert main(["ingest", str(root / "in"), "--store", str(root / "store")]) == 0
    return root / "store"


@pytest.fixture
def store(base: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(base, copy)
    return copy


def _articles(store: Path) -> dict[str, int]:
    return {g: n for g, n in article_graphs(store).items() if not g.startswith(XREF)}


def _graph_quads(store: Path, iri: str) -> frozenset[tuple[str, str, str, str | None]]:
    return frozenset(q for q in fingerprint(store)[1] if q[3] == f"<{iri}>")


def _kept_and_added(store: Path, before: dict[str, int], added: set[str]) -> None:
    """Every article graph of ``before`` is still there, and only ``added`` is new."""
    after = _articles(store)
    assert {g: after[g] for g in before} == before
    assert set(after) - set(before) == {ARTICLE + a for a in added}


GOOD = "Source: Hill Post\n\nAt least 7 climbers were rescued on Sunday, the park service said.\n"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty article (no body text)"),
        ("binary.txt", b"\x00\x01\x02\x03 not text", "binary file (contains NUL bytes), not text"),
        ("mixed.txt", b"\xef\xbb\xbfFires \x81\x8d out", "undecodable bytes: not UTF-8"),
        (
            "big.txt",
            b"a" * (5 * 1024 * 1024 + 1),
            "file too big (5242881 bytes; the limit is 5 MB)",
        ),
        (
            "feed.jsonl",
            b'{"id": "ok1", "text": "Two boats sank."}\n{oops\n',
            "line 2: invalid JSON",
        ),
        ("blank.jsonl", b"\n\n", "empty file: no JSON lines"),
        (
            "huge.txt",
            ("Rain fell all day. " * 60_000).encode(),
            "article too long (1,139,999 characters; the limit is 1,000,000): split it into parts",
        ),
    ],
)
def test_bad_input_is_named_and_the_batch_goes_on(
    store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    problem: str,
) -> None:
    before = _articles(store)
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / name).write_bytes(data)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(folder), "--store", str(store))
    assert code == 1
    one_line_error(err, name, problem)
    added = {"good", "ok1"} if name == "feed.jsonl" else {"good"}
    assert f"ingested {len(added)} article(s)" in out
    _kept_and_added(store, before, added)


def test_duplicate_ids_in_one_batch_store_neither(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _articles(store)
    harbour = _graph_quads(store, ARTICLE + "harbour")
    folder = tmp_path / "batch"
    folder.mkdir()
    record = {"id": "harbour", "text": "Twelve ferries were cancelled, the operator said."}
    (folder / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "b.json").write_text(json.dumps(record | {"text": "Nine ferries ran."}))
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run(capsys, "ingest", str(folder), "--store", str(store))
    assert code == 1
    lines = [ln for ln in err.splitlines() if "duplicate article id 'harbour'" in ln]
    assert sorted(ln.split(" [harbour]")[0].rsplit("/", 1)[1] for ln in lines) == [
        "a.jsonl",
        "b.json",
    ]
    for line in lines:  # each names both inputs
        assert "a.jsonl and " in line and "b.json: none of them was stored" in line
    assert "ingested 1 article(s)" in out  # the summary counts only what was stored
    _kept_and_added(store, before, {"good"})
    assert _graph_quads(store, ARTICLE + "harbour") == harbour  # nothing replaced


@pytest.mark.parametrize("named", [False, True])
def test_unreadable_folder_is_an_error(
    store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    named: bool,
) -> None:
    before = _articles(store)
    folder = tmp_path / "batch"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.txt").write_text(VALLEY, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    listing = Path.iterdir

    def iterdir(self: Path):  # type: ignore[no-untyped-def]
        if self.name == "locked":  # root reads any folder: make this one unreadable
            raise PermissionError(13, "Permission denied", str(self))
        return listing(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    paths = [str(folder), str(folder / "locked")] if named else [str(folder)]
    code, out, err = run(capsys, "ingest", *paths, "--store", str(store))
    assert code == 1
    lines = [ln for ln in err.splitlines() if "locked: cannot read folder: Permission denied" in ln]
    assert len(lines) == (2 if named else 1), err
    assert "ingested 1 article(s)" in out
    _kept_and_added(store, before, {"good"})


HOSTILE = "<script>alert('x')</script>"


def test_hostile_text_is_inert_in_every_page(
    store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    record = {
        "id": "hostile",
        "outlet": f"Evil {HOSTILE} News",
        "title": f"Title {HOSTILE}",
        "text": (
            f"At least 5 people {HOSTILE} were hurt, said Jon {HOSTILE} Doe of the "
            f"Red {HOSTILE} Society. \u201cWe saw {HOSTILE} it all,\u201d said Jon Doe."
        ),
    }
    (folder / "hostile.json").write_text(json.dumps(record), encoding="utf-8")
    assert run(capsys, "ingest", str(folder), "--store", str(store))[0] == 0
    pages = {}
    for fmt in ("html", "md"):
        out = tmp_path / f"report.{fmt}"
        assert (
            run(capsys, "report", "--store", str(store), "--out", str(out), "--format", fmt)[0] == 0
        )
        pages[f"report.{fmt}"] = out.read_text(encoding="utf-8")
    graph = tmp_path / "graph.html"
    assert run(capsys, "viz", "--store", str(store), "--out", str(graph))[0] == 0
    pages["viz"] = graph.read_text(encoding="utf-8")
    from test_server_data import call

    app = create_app(Store(store, read_only=True), Settings())
    try:
        for route in ("/", "/explore", "/explore?focus=https://newsprov.org/id/article/hostile"):
            resp = call(app, "GET", route)
            assert resp.status_code in (200, 400)
            pages[route] = resp.text
    finally:
        app.state.runner.close()
    stored = "\n".join(" ".join(map(str, q)) for q in fingerprint(store)[1])
    assert HOSTILE in stored  # the text is kept as written …
    for name, page in pages.items():
        if name != "report.md":
            assert HOSTILE not in page, name  # … and never live markup in a page
