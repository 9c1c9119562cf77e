"""The canned queries shipped in ``queries/*.rq`` and how a query argument is resolved."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from pathlib import Path

from newsprov.errors import QueryError

__all__ = ["bindable", "load", "names", "resolve", "table_columns"]

# a query form keyword marks literal SPARQL text (PREFIX alone is not a query)
_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_MAX_PATH = 1024


def _folder() -> resources.abc.Traversable:
    return resources.files("newsprov.query").joinpath("queries")


@cache
def _stems() -> tuple[str, ...]:
    return tuple(sorted(e.name[:-3] for e in _folder().iterdir() if e.name.endswith(".rq")))


def names() -> list[str]:
    """Names of the canned queries (file stems of ``queries/*.rq``), sorted."""
    return list(_stems())


def load(name: str) -> str:
    """The SPARQL text of canned query ``name`` ("figures"; "figures.rq" also works)."""
    stem = name.removesuffix(".rq")
    if stem not in _stems():
        raise QueryError(f"unknown canned query {name!r}; choose from {', '.join(names())}")
    return _folder().joinpath(f"{stem}.rq").read_text("utf-8")


def _read_file(path: Path) -> str:
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"cannot read query file {path}: {exc}") from exc


def _is_file(text: str) -> bool:
    if "\n" in text or len(text) > _MAX_PATH:
        return False
    try:
        return Path(text).is_file()
    except OSError:
        return False


def resolve(query: str | Path) -> str:
    """SPARQL text for a canned query name, a path to a ``.rq`` file, or SPARQL itself.

    Raises QueryError naming ``query`` when it is none of these.
    """
    if isinstance(query, Path):
        return _read_file(query)
    text = query.strip()
    if text.removesuffix(".rq") in _stems() and not _is_file(text):
        return load(text)
    if _is_file(text):
        return _read_file(Path(text))
    if _QUERY_FORM.search(text):
        return query
    if text.endswith(".rq"):
        raise QueryError(f"no such query file: {text}")
    raise QueryError(
        f"unknown query {text!r}: not a canned query ({', '.join(names())}), "
        "a .rq file, or SPARQL text"
    )


def _header(sparql: str, key: str) -> list[str] | None:
    """The words of a ``# key: a b c`` line of the opening comment block, if any."""
    for line in sparql.splitlines():
        stripped = line.strip()
        if stripped.startswith(f"# {key}:"):
            return stripped.removeprefix(f"# {key}:").split()
        if stripped and not stripped.startswith("#"):
            return None
    return None


def table_columns(sparql: str) -> list[str] | None:
    """The columns a ``# table: a b c`` comment line asks a table view to show, if any.

    Canned queries project many variables for programs; people reading a terminal table
    want a few. The comment names them in order; other formats keep every variable.
    """
    return _header(sparql, "table")


def bindable(sparql: str) -> list[str] | None:
    """The variables a ``# bind: a b c`` line says can be bound to filter the rows.

    Each canned query declares them, and each of them filters strictly (a row whose value
    differs, or is unbound, is left out); None for a query without the line.
    """
    return _header(sparql, "bind")
