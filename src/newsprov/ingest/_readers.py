"""One file -> its articles, or ``IngestError`` values naming the file, record and problem.

``.txt``/``.md`` hold one article (header lines + body), ``.html``/``.htm`` one page,
``.json`` one record or a list of records, ``.jsonl`` one record per line. A record is
an object with ``text`` (required, non-empty string) and optional ``id``, ``url``,
``title``, ``outlet``, ``date``, ``event`` (scrapers' other names for them are read too:
``publisher``/``site_name``/``source`` for the outlet, ``published``/``published_at`` for
the date, ``link`` for the URL) and byline fields ``author`` / ``authors`` /
``byline`` (a string, a list of strings, or objects with a ``name``). Article ids: the
record ``id``, else the file stem (``{stem}-{n}`` for the n-th record of a JSONL file or
a JSON list).
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any

from newsprov.errors import IngestError
from newsprov.ingest._bylines import Byline, merge_bylines, parse_byline
from newsprov.ingest._page import split_author_list
from newsprov.ingest._text import parse_text
from newsprov.model import Article

__all__ = ["MAX_BYTES", "SUPPORTED_SUFFIXES", "decode", "read_file"]

SUPPORTED_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".json", ".jsonl"})
MAX_BYTES = 5 * 1024 * 1024
_META_FIELDS = ("url", "title", "outlet", "date", "event")
# other names scrapers give the same fields; the first present one counts
_ALIASES = {
    "url": ("link", "canonical_url", "source_url"),
    "outlet": ("publisher", "site_name", "sitename", "source_name", "source"),
    "date": ("published", "published_at", "publish_date", "date_published", "datePublished"),
}
_BYLINE_FIELDS = ("byline", "authors", "author")
_BOMS = ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

Result = Article | IngestError


def read_file(path: Path) -> list[Result]:
    """Every article in the file at ``path``; problems come back as ``IngestError`` values."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        supported = " ".join(sorted(SUPPORTED_SUFFIXES))
        return [IngestError(str(path), f"unsupported file type {suffix!r} ({supported})")]
    try:
        text = decode(_read_bytes(path), str(path))
        return _READERS[suffix](text, path)
    except IngestError as exc:
        return [exc]


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(str(path), f"file too big ({size} bytes; the limit is 5 MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(str(path), "no such file") from None
    except IsADirectoryError:
        raise IngestError(str(path), "is a directory") from None
    except OSError as exc:
        raise IngestError(str(path), f"cannot read: {exc.strerror or exc}") from None


def decode(data: bytes, where: str) -> str:
    """``data`` as text: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252."""
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(where, "binary file (contains NUL bytes), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="strict")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            bad = data[utf8_error.start : utf8_error.start + 1].hex()
            raise IngestError(
                where,
                f"undecodable bytes: not UTF-8 (byte 0x{bad} at offset {utf8_error.start}) "
                "and not cp1252",
            ) from None


def _read_text(text: str, path: Path) -> list[Result]:
    return [parse_text(text, article_id=path.stem, source_path=str(path))]


def _read_html(text: str, path: Path) -> list[Result]:
    from newsprov.ingest._html import parse_html  # trafilatura: only for HTML pages

    return [parse_html(text, article_id=path.stem, source_path=str(path))]


def _read_json(text: str, path: Path) -> list[Result]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise IngestError(
            str(path), f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    if isinstance(data, list):
        if not data:
            raise IngestError(str(path), "empty JSON list: no records")
        many = len(data) > 1
        return [_record(r, path, n, f"record {n}", many) for n, r in enumerate(data, 1)]
    return [_record(data, path, 1, "record", numbered=False)]


def _read_jsonl(text: str, path: Path) -> list[Result]:
    results: list[Result] = []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            problem = f"line {number}: invalid JSON at column {exc.colno}: {exc.msg}"
            results.append(IngestError(str(path), problem))
            continue
        results.append(_record(data, path, number, f"line {number}", numbered=True))
    if not results:
        raise IngestError(str(path), "empty file: no JSON lines")
    return results


def _record(data: Any, path: Path, number: int, where: str, numbered: bool) -> Result:
    """One JSON record -> Article, or the IngestError saying what is wrong with it."""
    try:
        if not isinstance(data, dict):
            raise ValueError(f"expected a JSON object, got {type(data).__name__}")
        text = _text_field(data)
        meta = {key: _meta(data, key) for key in _META_FIELDS}
        default_id = f"{path.stem}-{number}" if numbered else path.stem
        article_id = _optional_str(data, "id") or default_id
        byline = _record_byline(data)
        return parse_text(
            text,
            article_id=article_id,
            source_path=str(path),
            authors=byline.authors,
            byline_place=byline.place,
            wires=byline.agencies,
            url=meta["url"],
            title=meta["title"],
            outlet=meta["outlet"],
            date=meta["date"],
            event=meta["event"],
        )
    except ValueError as exc:
        return IngestError(str(path), f"{where}: {exc}")
    except IngestError as exc:
        return IngestError(str(path), f"{where}: {exc.problem}")


def _record_byline(data: dict[str, Any]) -> Byline:
    """The byline fields of a record; values of an unexpected type are ignored."""
    found: list[Byline] = []
    for key in _BYLINE_FIELDS:
        value = data.get(key)
        if isinstance(value, str):  # "byline" is a byline line; "author(s)" a name list
            found.extend([parse_byline(value)] if key == "byline" else split_author_list(value))
        elif isinstance(value, list | dict):
            items = value if isinstance(value, list) else [value]
            names = [_item_name(item) for item in items]
            found.extend(b for n in names if n for b in split_author_list(n))
    return merge_bylines(found)


def _item_name(item: Any) -> str | None:
    if isinstance(item, dict):
        item = item.get("name")
    return item if isinstance(item, str) else None


def _text_field(data: dict[str, Any]) -> str:
    if "text" not in data:
        raise ValueError("missing 'text'")
    text = data["text"]
    if not isinstance(text, str):
        raise ValueError(f"'text' is not a string (got {type(text).__name__})")
    if not text.strip():
        raise ValueError("'text' is empty")
    return text


def _meta(data: dict[str, Any], key: str) -> str | None:
    """Field ``key`` of a record, or the first of its aliases that is given; a "source"
    that is a web address is the URL, not the publisher."""
    for name in (key, *_ALIASES.get(key, ())):
        value = _optional_str(data, name)
        if value and not (key == "outlet" and "/" in value):
            return value
    if key == "url":
        source = _optional_str(data, "source")
        return source if source and "://" in source else None
    return None


def _optional_str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if key == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"{key!r} is not a string (got {type(value).__name__})")
    return value.strip() or None


_READERS = {
    ".txt": _read_text,
    ".md": _read_text,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}
