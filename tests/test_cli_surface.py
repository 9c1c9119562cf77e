"""The command line as people meet it: help on every option, a record view on narrow
terminals, shell completion, and graph exports for Gephi."""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from newsprov import query
from newsprov.cli import build_parser, main
from newsprov.rdf.store import Store
from test_server_data import make_store

SENTENCE_WORDS = 12


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no subcommands")


def test_every_option_and_argument_has_help() -> None:
    missing = [
        f"{name} {action.dest}"
        for name, sub in _subparsers(build_parser()).items()
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction) and not action.help
    ]
    assert missing == []


def test_top_level_help_speaks_to_users(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Which outlet quotes which source" in out and "examples:" in out
    assert "parse, call one library function" not in out


@pytest.fixture()
def store_dir(tmp_path: Path) -> Path:
    """The server tests' small store, copied graph by graph into a folder."""
    folder = tmp_path / "store"
    source = make_store()
    with Store(folder) as st:
        for iri in source.graphs():
            st.replace_graph(iri, source.graph(iri))
    return folder


def _quotes(capsys, store: Path, columns: str, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", columns)
    assert main(["query", "quotes", "--store", str(store)]) == 0
    return capsys.readouterr().out


def test_narrow_terminals_get_records_wide_ones_a_table(capsys, store_dir, monkeypatch):  # type: ignore[no-untyped-def]
    narrow = _quotes(capsys, store_dir, "80", monkeypatch)
    assert "┃" not in narrow and "│" not in narrow
    assert all(len(line) <= 80 for line in narrow.splitlines())
    assert "speaker" in narrow and "2 row(s)" in narrow
    # values wrap between words, never inside one
    quote = next(r["quote"] for r in query.to_records(query.run(make_store(), "quotes")))
    words = [w for w in str(quote).split() if len(w) > 3][:SENTENCE_WORDS]
    assert all(w in narrow for w in words)
    wide = _quotes(capsys, store_dir, "140", monkeypatch)
    assert "┃" in wide


def test_bash_completion_completes_commands_options_and_query_names(capsys):  # type: ignore[no-untyped-def]
    assert main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert "complete -o filenames -F _newsprov newsprov" in script
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash to run the completion in")
    probe = (
        script
        + '\nt() { COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _newsprov; '
        + 'echo "${COMPREPLY[*]}"; }\n'
        + "t newsprov qu\nt newsprov query fig\nt newsprov export --format g\n"
        + "t newsprov query figures --bi\n"
    )
    out = subprocess.run([bash, "-c", probe], capture_output=True, text=True, check=True)
    lines = out.stdout.splitlines()
    assert lines[0].split() == ["query", "queries"]
    assert set(lines[1].split()) >= {"figures", "figure-timeline"}
    assert lines[2].split() == ["gexf", "graphml"]
    assert lines[3].split() == ["--bind"]


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_export_citation_network_for_gephi(capsys, store_dir, tmp_path, fmt):  # type: ignore[no-untyped-def]
    out = tmp_path / f"net.{fmt}"
    assert main(["export", "--format", fmt, "--out", str(out), "--store", str(store_dir)]) == 0
    graph = nx.read_gexf(out) if fmt == "gexf" else nx.read_graphml(out)
    assert graph.number_of_nodes() > 0
    assert all("roles" in data for _, data in graph.nodes(data=True))
    assert main(["export", "--format", fmt, "--store", str(store_dir)]) == 3
    assert "--out" in capsys.readouterr().err
