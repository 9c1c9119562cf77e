"""What an HTML page says beside its main text: bylines and figure captions, read with lxml.

trafilatura's main text leaves out both the byline and the figure captions, so they are
read from the markup here. Bylines: ``<meta name="author">`` (and ``byl``,
``article:author``, ...), ``<address>``, and elements marked ``rel="author"``,
``itemprop="author"`` or with a class such as ``byline`` / ``article-author``. Captions:
``<figcaption>`` and elements with a class such as ``caption`` / ``image-credit``.
Navigation, footers, asides and "related" boxes are skipped: their bylines and captions
belong to other articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree
from lxml.etree import ParserError

from newsprov.ingest._bylines import Byline, merge_bylines, parse_byline

__all__ = ["PageExtras", "page_extras", "split_author_list"]

_META_NAMES = frozenset(
    {"author", "byl", "byline", "article:author", "parsely-author", "sailthru.author", "dc.creator"}
)
_BYLINE_CLASS_RE = re.compile(r"byline|(?:^|[-_])(?:author|authors|contributors?)(?:$|[-_])")
_CAPTION_CLASS_RE = re.compile(r"caption|(?:^|[-_])credits?(?:$|[-_])")
_SKIP_TAGS = frozenset({"nav", "footer", "aside", "script", "style", "noscript", "template"})
_SKIP_CLASS_RE = re.compile(r"related|recommend|popular|promo|comment|newsletter|footer|nav")
_AUTHOR_LIST_RE = re.compile(r"\s*[;,|]\s*")
_MAX_CHARS = 300


@dataclass(frozen=True, slots=True)
class PageExtras:
    """The page's byline (merged over every place that gives one) and its figure captions."""

    byline: Byline = field(default_factory=Byline)
    captions: tuple[str, ...] = ()


def page_extras(html: str, *, authors: str | None = None) -> PageExtras:
    """Bylines and captions of ``html``; ``authors`` is an extractor's author list
    ("Jane Doe; BBC News"). Empty when the page cannot be parsed."""
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return PageExtras()
    bylines: list[Byline] = []
    captions: list[str] = []
    for el in _elements(root):
        if el.tag == "meta":
            if (el.get("name") or el.get("property") or "").lower() in _META_NAMES:
                bylines.extend(split_author_list(el.get("content") or ""))
        elif _is_caption(el):
            if not any(_is_caption(a) for a in el.iterancestors()):
                captions.append(_text(el))
        elif _is_byline(el):
            bylines.append(parse_byline(_text(el)))
    bylines.extend(split_author_list(authors or ""))
    kept = [c for c in dict.fromkeys(captions) if c and len(c) <= _MAX_CHARS]
    return PageExtras(merge_bylines(bylines), tuple(kept))


def split_author_list(value: str) -> list[Byline]:
    """Bylines of a metadata author list: "Jane Doe, John Roe" or "Jane Doe; BBC News".

    Each item is read on its own (so no item is taken for a place)."""
    items = [parse_byline(item) for item in _AUTHOR_LIST_RE.split(value) if item.strip()]
    return [Byline(b.authors, None, b.agencies) for b in items if b]


def _elements(root: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """Every element in document order, outside navigation, footers and related boxes."""
    skip: set[lxml.html.HtmlElement] = set()
    for el in root.iter(etree.Element):
        parent = el.getparent()
        if parent is not None and parent in skip:
            skip.add(el)
            continue
        if el.tag in _SKIP_TAGS or _SKIP_CLASS_RE.search(el.get("class") or ""):
            skip.add(el)
            continue
        yield el


def _is_caption(el: lxml.html.HtmlElement) -> bool:
    if el.tag == "figcaption":
        return True
    return any(_CAPTION_CLASS_RE.search(c) for c in (el.get("class") or "").lower().split())


def _is_byline(el: lxml.html.HtmlElement) -> bool:
    if el.tag == "address" or el.get("rel") == "author" or el.get("itemprop") == "author":
        return True
    return any(_BYLINE_CLASS_RE.search(c) for c in (el.get("class") or "").lower().split())


def _text(el: lxml.html.HtmlElement) -> str:
    """The element's text; nested parts ("caption__text", "caption__credit") kept apart by
    a space so a credit in its own span is not glued to the caption's last word."""
    text = " ".join("".join(_pieces(el)).split())
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text).replace("( ", "(")
    return text if len(text) <= _MAX_CHARS else ""


_INLINE_TAGS = frozenset({"a", "b", "i", "em", "strong", "small", "abbr", "cite", "sup", "sub"})
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})


def _pieces(el: lxml.html.HtmlElement) -> list[str]:
    """Text of ``el`` in document order; a space around every child but inline markup."""
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _HIDDEN_TAGS:
            gap = "" if child.tag in _INLINE_TAGS else " "
            out.extend([gap, *_pieces(child), gap])
        out.append(child.tail or "")
    return out
