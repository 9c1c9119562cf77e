"""The README's command-line tour prints what the README shows.

Every fenced block of the README that starts with ``$ newsprov`` is run command by
command, in process, from a folder laid out like the repository's (``../shared`` beside
it), at 160 columns, with the tour's own store (``NEWSPROV_STORE=tour-data``, as the
README says); each command followed by output lines must print exactly those lines
(timings aside).
Commands shown without output are examples and are not run.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from newsprov.cli import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPROV_SHARED", ROOT.parent / "shared"))
FENCE = re.compile(r"^```[a-z]*\n(\$ newsprov .*?)^```$", re.MULTILINE | re.DOTALL)
TIMING = re.compile(r"\b\d+(?:\.\d+)? s\b")

pytestmark = pytest.mark.model


def _commands() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) for each shown command that has output."""
    found = []
    for block in FENCE.findall((ROOT / "README.md").read_text("utf-8")):
        command: str | None = None
        output: list[str] = []
        for line in [*block.splitlines(), "$ end"]:
            if line.startswith("$ "):
                if command and output:
                    found.append((command, output))
                command, output = line[2:], []
            else:
                output.append(line.rstrip())
    return found


def test_the_readme_shows_commands_with_output() -> None:
    assert len(_commands()) >= 8


def _normal(lines: list[str]) -> list[str]:
    return [TIMING.sub("N s", line.rstrip()) for line in lines if line.strip()]


def test_readme_tour_prints_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if not (SHARED / "seeds").is_dir():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {SHARED / 'seeds'} is missing")
        pytest.skip(f"the README tour needs {SHARED / 'seeds'}")
    repo = tmp_path / "newsprov"
    repo.mkdir()
    (tmp_path / "shared").symlink_to(SHARED.resolve(), target_is_directory=True)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("NEWSPROV_STORE", "tour-data")
    monkeypatch.setenv("COLUMNS", "160")  # the width the README shows
    for command, expected in _commands():
        argv = shlex.split(command, comments=True)
        assert argv[0] == "newsprov"
        main(argv[1:])
        out, err = capsys.readouterr()
        assert _normal((out + err).splitlines()) == _normal(expected), command


PYTHON_EXAMPLE = re.compile(
    r"^```python\n(import newsprov as nw\n.*?)^```\n\n```\n(.*?)^```$", re.MULTILINE | re.DOTALL
)


def test_readme_python_example_prints_what_the_readme_shows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    found = PYTHON_EXAMPLE.search((ROOT / "README.md").read_text("utf-8"))
    assert found, "the README's Python example and its output"
    code, expected = found.groups()
    assert len(code.strip().splitlines()) <= 12  # the ten-line example stays short
    (tmp_path / "examples").symlink_to(ROOT / "examples", target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    exec(compile(code, "README.md", "exec"), {"__name__": "readme"})
    assert _normal(capsys.readouterr().out.splitlines()) == _normal(expected.splitlines())
    assert (tmp_path / "graph.ttl").stat().st_size > 1000
