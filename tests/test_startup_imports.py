"""Commands load only what they use: start-up cost is paid by the path that needs it.

Each command runs in a fresh interpreter (imports are process-wide) and reports which of
the heavy libraries it imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsprov.rdf.store import Store

ROOT = Path(__file__).resolve().parents[1]
HEAVY = (
    "spacy",
    "thinc",
    "matplotlib",
    "scipy",
    "pyshacl",
    "trafilatura",
    "dateparser",
    "htmldate",
    "wordninja",
    "networkx",
)
PROBE = """
import json, sys
from newsprov.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = {heavy!r}
print(json.dumps({{"code": code, "loaded": [m for m in heavy if m in sys.modules]}}))
"""


def _loaded(*argv: str) -> tuple[object, set[str]]:
    """Run ``newsprov ARGV`` in a fresh interpreter: its exit code and the heavy imports."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY), *argv],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["code"], set(report["loaded"])


def test_help_imports_no_heavy_library() -> None:
    code, loaded = _loaded("--help")
    assert code == 0
    assert loaded == set()


def test_help_does_not_even_load_the_store_or_rdflib() -> None:
    probe = (
        "import sys; from newsprov.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('rdflib', 'pyoxigraph', 'newsprov.api') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_query_imports_neither_spacy_nor_the_report_libraries(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    with Store(folder) as store:
        store.replace_graphs(
            [
                (
                    "https://example.org/graph/a1",
                    b'<https://example.org/a1> <https://example.org/p> "x" .\n',
                )
            ]
        )
    code, loaded = _loaded("query", "SELECT * WHERE { ?s ?p ?o }", "--store", str(folder))
    assert code == 0
    assert loaded == set()


def test_reading_plain_articles_loads_no_html_or_date_library(tmp_path: Path) -> None:
    """The ingest path as far as reading: JSONL with ISO dates needs no trafilatura,
    dateparser, htmldate or wordninja, and nothing of the model yet."""
    source = tmp_path / "in.jsonl"
    record = {"id": "a1", "outlet": "Reuters", "date": "2025-03-09", "text": "Rain fell."}
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    probe = (
        "import json, sys; from pathlib import Path; from newsprov.pipeline import read_all; "
        f"arts, fails = read_all([Path({str(source)!r})]); "
        f"print(json.dumps([len(arts), [m for m in {HEAVY!r} if m in sys.modules]]))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    count, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert count == 1
    assert loaded == []


def test_crossref_update_does_not_load_the_report_plots() -> None:
    probe = (
        "import sys; from newsprov.analysis import update, refresh; "
        "print('matplotlib' in sys.modules, 'newsprov.analysis.report' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.split() == ["False", "False"]


def test_the_report_is_still_importable_from_the_package() -> None:
    from newsprov.analysis import CrossrefSummary, write_report

    assert callable(write_report) and CrossrefSummary.__name__ == "CrossrefSummary"
    with pytest.raises(AttributeError):
        from newsprov import analysis

        _ = analysis.no_such_name  # type: ignore[attr-defined]
