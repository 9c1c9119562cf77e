"""HTML pages -> ``Article``: trafilatura finds the main text and the page metadata.

Only the given string is parsed; nothing is ever fetched. The publisher comes from
the page metadata (``og:site_name``, the JSON-LD publisher), the page URL's domain and
the page's full ``<title>``, by the chain of ``_publisher``; title, date and URL from
the page metadata. When trafilatura finds no text, a
plain lxml pass over paragraphs and headings is the fallback. Bylines (author meta tags,
``<address>``, byline elements, trafilatura's author list) give the authors, the place
filed from and any agency (a wire unless it is the publisher); credited figure captions
are appended after the body (see ``_page``).
"""

from __future__ import annotations

from typing import Any

import lxml.html
from lxml.etree import ParserError

from newsprov.errors import IngestError
from newsprov.ingest._dates import parse_date
from newsprov.ingest._page import page_extras
from newsprov.ingest._text import parse_text
from newsprov.model import Article

__all__ = ["parse_html"]

_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "figcaption")


def parse_html(html: str, *, article_id: str, source_path: str | None = None) -> Article:
    """The article in an HTML page; ``IngestError`` if the page holds no text."""
    where = source_path or article_id
    doc = _extract(html)
    text = str(getattr(doc, "text", "") or "").strip() if doc is not None else ""
    if not text:
        text = _lxml_text(html)
    if not text:
        raise IngestError(where, "no article text found in the HTML")
    meta = _metadata(doc)
    extras = page_extras(html, authors=_str(doc, "author") if doc is not None else None)
    byline = extras.byline
    return parse_text(
        _paragraphs(text, meta.get("title")),
        article_id=article_id,
        source_path=source_path,
        authors=byline.authors,
        byline_place=byline.place,
        wires=byline.agencies,
        captions=extras.captions,
        page_title=_page_title(html),
        **meta,
    )


def _extract(html: str) -> Any:
    """trafilatura's Document for ``html`` (None when it finds nothing)."""
    import trafilatura  # 0.3 s to import: only when an HTML page is read

    try:
        return trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_images=False
        )
    except (ValueError, TypeError, ParserError):  # malformed markup: use the fallback
        return None


def _metadata(doc: Any) -> dict[str, str | None]:
    """Title, date, URL and publisher from trafilatura's metadata."""
    if doc is None:
        return {}
    return {
        "title": _str(doc, "title"),
        "date": parse_date(_str(doc, "date") or "") or None,
        "url": _str(doc, "url") or _str(doc, "hostname"),
        "site_name": _str(doc, "sitename"),
    }


def _page_title(html: str) -> str | None:
    """The full ``<title>`` ("Headline | Site Name"): trafilatura's title drops the site."""
    try:
        found = lxml.html.fromstring(html).findtext(".//title")
    except (ParserError, ValueError):
        return None
    return " ".join(found.split()) or None if found else None


def _str(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None)
    return str(value).strip() or None if value else None


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph per line -> blank-line separated; a leading copy of the title dropped."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if title and lines and lines[0] == title.strip() and len(lines) > 1:
        lines = lines[1:]
    return "\n\n".join(lines)


def _lxml_text(html: str) -> str:
    """Text of paragraph-like elements (or the whole body) with lxml; "" if unparseable."""
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return ""
    for bad in root.xpath("//head|//script|//style|//noscript|//template"):
        bad.drop_tree()  # <title> and code are not article text
    parts = [" ".join(el.text_content().split()) for el in root.iter(*_BLOCK_TAGS)]
    parts = [p for p in parts if p]
    if not parts:
        parts = [" ".join(root.text_content().split())]
    return "\n".join(p for p in parts if p)
