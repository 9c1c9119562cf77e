"""Shipped query files skip the per-process parse, and lose nothing by it."""

from __future__ import annotations

from importlib import resources

import pytest

from newsprov.rdf import guard
from newsprov.rdf.store import Store


def _files() -> list[str]:
    texts = []
    for package in ("newsprov.query", "newsprov.analysis"):
        for entry in resources.files(package).joinpath("queries").iterdir():
            if entry.name.endswith(".rq"):
                texts.append(entry.read_text("utf-8"))
    return texts


def test_every_shipped_query_file_is_known() -> None:
    files = _files()
    assert len(files) >= 15
    assert guard.shipped_queries() == frozenset(files)


@pytest.mark.parametrize("text", _files())
def test_every_shipped_query_passes_the_full_check(text: str) -> None:
    """The parse the shortcut skips finds nothing in any shipped file."""
    assert not guard._keyword_service(text)
    assert not guard._algebra_service(text)


def test_every_vetted_query_constant_passes_the_full_check() -> None:
    import newsprov.analysis.crossref  # noqa: F401  (registers its query constants)

    assert guard._VETTED
    for text in guard._VETTED:
        assert not guard._keyword_service(text)
        assert not guard._algebra_service(text)


def test_a_shipped_query_is_not_parsed_but_any_other_is(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    monkeypatch.setattr(guard, "_algebra_service", lambda q: parsed.append(q) or False)
    guard.has_service.cache_clear()
    try:
        shipped = sorted(guard.shipped_queries())[0]
        assert not guard.has_service(shipped)
        assert parsed == []
        changed = shipped + "\n# a comment makes it another text\n"
        assert not guard.has_service(changed)
        assert parsed == [changed]
    finally:
        guard.has_service.cache_clear()


def test_service_in_a_query_close_to_a_shipped_one_is_still_refused() -> None:
    shipped = sorted(guard.shipped_queries())[0]
    hostile = shipped.replace("WHERE {", "WHERE { SERVICE <http://127.0.0.1:9/> { ?x ?y ?z } ", 1)
    assert hostile != shipped and "WHERE {" in shipped
    with pytest.raises(guard.ServiceRefused):
        Store().select(hostile)
