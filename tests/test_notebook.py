"""The notebook in notebooks/ runs top to bottom (its code cells, in order)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"


@pytest.mark.model
def test_notebook_code_cells_run(monkeypatch: pytest.MonkeyPatch) -> None:
    cells = json.loads(NOTEBOOK.read_text("utf-8"))["cells"]
    code = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    assert len(code) >= 5
    monkeypatch.chdir(NOTEBOOK.parent)  # as Jupyter would run it
    namespace: dict[str, object] = {"__name__": "notebook"}
    for source in code:
        exec(compile(source, str(NOTEBOOK), "exec"), namespace)
    assert namespace["report"].stored  # type: ignore[attr-defined]
    assert Path(str(namespace["out"])).stat().st_size > 10_000
