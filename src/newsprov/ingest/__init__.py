"""Ingest: files, folders, JSON(L) records and HTML pages -> ``Article`` records.

::

    read_paths(paths, event=None)  -> Iterator[Article | IngestError]   folders walked
    read_file(path)                -> list[Article | IngestError]      one file
    parse_text(text, article_id=...) -> Article                        one plain text
    parse_html(html, article_id=...) -> Article                        one HTML page

Header lines ("Source: X", "date 2025-03-09", "URL: ...") become metadata; datelines
and end credits name ``Article.wires``; photo credits and section headings are marked by
spans of ``Article.text``. Bylines (header lines, HTML author tags and byline elements,
JSON ``author``/``authors``/``byline``) give ``Article.authors`` and ``byline_place``;
credited HTML figure captions are appended after the body. Nothing is fetched from the
network.
"""

from __future__ import annotations

from newsprov.ingest._dates import parse_date
from newsprov.ingest._html import parse_html
from newsprov.ingest._readers import MAX_BYTES, SUPPORTED_SUFFIXES, read_file
from newsprov.ingest._text import parse_text
from newsprov.ingest._walk import iter_files, read_paths

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "iter_files",
    "parse_date",
    "parse_html",
    "parse_text",
    "read_file",
    "read_paths",
]
