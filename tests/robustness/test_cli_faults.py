"""The command line under abuse (table rows: `query` with SERVICE, stderr wrapping; and
SPARQL injection through --bind)."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from newsprov.rdf.store import Store
from test_server_data import make_store

from .helpers import fingerprint, one_line_error, run


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    make_store(path=path).close()
    return path


@pytest.mark.parametrize(
    "clause",
    [
        "SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}",
        "SERVICE SILENT <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}",
        "SERVICE #c\n<http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }}",
        "SERVICE :sparql {{ ?s ?p ?o }}",
    ],
)
def test_query_with_service_is_one_clean_line(
    store: Path, capsys: pytest.CaptureFixture[str], clause: str
) -> None:
    trap = socket.socket()
    trap.bind(("127.0.0.1", 0))
    trap.listen(1)
    trap.settimeout(0.05)
    port = trap.getsockname()[1]
    sparql = f"PREFIX : <http://127.0.0.1:{port}/> SELECT * WHERE {{ {clause.format(port=port)} }}"
    code, out, err = run(capsys, "query", sparql, "--store", str(store))
    assert (code, out) == (3, "")
    line = one_line_error(err, "federated queries (SERVICE) are refused")
    assert line.endswith("(newsprov query --allow-service permits it)")
    with pytest.raises(OSError):
        trap.accept()  # nothing was fetched
    trap.close()


def test_allowed_service_failing_is_still_one_line(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sparql = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    code, _, err = run(capsys, "query", sparql, "--store", str(store), "--allow-service")
    assert code == 3
    one_line_error(err, "error: query failed")


def test_stderr_is_never_wrapped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    missing = tmp_path / ("a-rather-long-folder-name-" * 6) / "store"
    code, _, err = run(capsys, "query", "figures", "--store", str(missing))
    assert code == 3
    line = one_line_error(err, "no store at", "newsprov ingest PATH --store DIR")
    assert str(missing) in line


@pytest.mark.parametrize(
    "value",
    [
        'x" } } ; DROP ALL ; #',
        "x> } DELETE WHERE { ?s ?p ?o } #",
        "<https://newsprov.org/id/article/x> } UNION { ?a ?b ?c",
        "') . } INSERT DATA { <a> <b> <c> } #",
    ],
)
def test_bind_values_are_never_sparql(
    store: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    before = fingerprint(store)
    code, out, err = run(
        capsys,
        "query",
        "figures",
        "--store",
        str(store),
        "--bind",
        f"article_id={value}",
        "--format",
        "csv",
    )
    assert code == 0, err
    assert out.strip().splitlines()[1:] == []  # the header only: no article has that id
    assert fingerprint(store) == before
    with Store(store, read_only=True) as opened:
        assert len(opened) == before[0]
