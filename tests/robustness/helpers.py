"""Shared helpers: hand-written articles, the CLI run in-process, and store fingerprints."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprov.cli import main
from newsprov.rdf.store import Store

# Fixtures written for these tests (never copied from real articles).
HARBOUR = (
    "Source: Harbour Gazette\nTitle: Ferry strike ends\n\n"
    "At least 40 ferries stayed in port on Tuesday, the port authority said.\n"
)
VALLEY = (
    "Source: Valley Courier\nTitle: Flood waters recede\n\n"
    "More than 300 homes were flooded in Lindenbrook, the regional fire service said.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``newsprov argv…`` in this process: exit code, stdout, stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def fingerprint(store: Path) -> tuple[int, frozenset[tuple[str, str, str, str | None]]]:
    """Every quad of the store's newest published copy (and how many), to compare."""
    with Store(store, read_only=True) as opened:
        quads = list(opened.quads())
    return len(quads), frozenset(quads)


def article_graphs(store: Path) -> dict[str, int]:
    """Triples per named graph (article graphs and the cross-reference graph)."""
    with Store(store, read_only=True) as opened:
        return {g: len(opened.graph(g)) for g in opened.graphs()}


def one_line_error(err: str, *needles: str) -> str:
    """The stderr line holding every needle; asserts there is exactly one, unwrapped."""
    lines = [line for line in err.splitlines() if all(n in line for n in needles)]
    assert len(lines) == 1, err
    assert "Traceback" not in err, err
    return lines[0]
