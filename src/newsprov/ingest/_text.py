"""Plain text (and markdown) -> ``Article``: headers lifted, wires, credits and headings marked.

The returned ``Article.text`` is the body: the input with line endings normalised, header
lines lifted off and outer whitespace stripped; everything else (datelines, credits,
headings) stays in the text and is only marked by spans that index it.

Who published the article: the fallback chain of ``_publisher`` (record metadata, a
``Source:`` header, HTML metadata, the registry by domain, the page's own naming of
itself, a name derived from the domain, a wire's own dateline story). Agencies named by
datelines and end credits are ``Article.wires`` in every case; photo credits name
neither publisher nor wire.
A heading-shaped first paragraph is the title when nothing else gives one.

Bylines ("By Jane Doe, BBC News, Nairobi" header lines, or ``authors`` given by the
caller) give ``Article.authors`` and ``byline_place``. Figure ``captions`` the caller
found (HTML ``<figcaption>``) that carry a photo credit are appended after the body, one
paragraph each, with the credit marked like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprov.errors import IngestError
from newsprov.ingest._blocks import Block, blocks
from newsprov.ingest._credits import find_credits
from newsprov.ingest._dateline import WireCredit, find_wires
from newsprov.ingest._dates import parse_date
from newsprov.ingest._headers import Header, lift_headers
from newsprov.ingest._headings import find_headings
from newsprov.ingest._opening import opening_byline
from newsprov.ingest._pagedate import page_date
from newsprov.ingest._publisher import find_publisher
from newsprov.model import Article, Credit, TextSpan

__all__ = ["normalise_text", "parse_text"]


_SPACES = "\u00a0\u2007\u2009\u202f"  # no-break, figure, thin, narrow no-break
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # the C0 controls but tab and line feed


def normalise_text(text: str) -> str:
    """Unix line endings, no byte-order mark, no NUL or other C0 control characters; a
    no-break or thin space is a space ("Stu\u00a0Vale" is one name to the tokenizer),
    one character for one, so offsets into the text keep."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    for space in _SPACES:  # str.replace scans at C speed; str.translate looks up each char
        text = text.replace(space, " ")
    return _CONTROL.sub("", text)


def parse_text(
    text: str,
    *,
    article_id: str,
    source_path: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
    url: str | None = None,
    title: str | None = None,
    event: str | None = None,
    authors: Sequence[str] = (),
    byline_place: str | None = None,
    wires: Sequence[str] = (),
    captions: Sequence[str] = (),
    site_name: str | None = None,
    page_title: str | None = None,
) -> Article:
    """Read one article's text; keyword metadata overrides what the header lines say.

    ``authors``, ``byline_place`` and ``wires`` (agencies of a byline the caller read) add
    to what the header lines say; ``captions`` are appended when they carry a credit.
    ``site_name`` and ``page_title`` (the page's full ``<title>``) are what an HTML page's
    metadata says; ``outlet`` is the input's own statement of the publisher.
    Raises ``IngestError`` (naming ``source_path`` or the id) when no body text is left.
    """
    body, header = lift_headers(normalise_text(text))
    body = body.strip()
    if not body:
        raise IngestError(source_path or article_id, "empty article (no body text)")
    paragraphs = blocks(body)
    wire_credits = find_wires(paragraphs)
    opening = opening_byline(paragraphs)
    credits = _merge_credits(find_credits(body, paragraphs), wire_credits)
    url = url or header.url
    headings = find_headings(paragraphs, [c.span for c in credits])
    headings += _title_repeats(paragraphs, title or header.title, headings)
    body, caption_credits = _append_captions(body, captions)
    own_wire = next((c.names[0] for c in wire_credits if c.own_story), None)
    found = find_publisher(
        record=outlet,
        header=header.outlet,
        site_name=site_name,
        url=url,
        text=body,
        title=page_title or title or header.title,
        headline=title or header.title,
        own_wire=own_wire or next(iter(opening.agencies), None),
        title_is_headline=not (page_title or title) and header.title_inferred,
    )
    publisher = found.name
    # a lone "AFP" line above the story is a wire unless it names the publisher itself
    # (nor is the agency of a byline: "By Jane Doe | AP" on AP's own site)
    opening_wires = [a for a in [*opening.agencies, *wires] if a != publisher]
    return Article(
        id=article_id,
        text=body,
        outlet=publisher,
        outlet_from=found.found_by,
        date=(parse_date(date) if date else None)
        or header.date
        or page_date(paragraphs, url)
        or header.updated
        or header.bare_date,
        url=url,
        title=title or header.title or _lead_heading(body, paragraphs, headings),
        source_path=source_path,
        event=event or header.event,
        wires=tuple(dict.fromkeys([*_wires(header, wire_credits), *opening_wires])),
        headings=tuple(headings),
        credits=tuple([*credits, *caption_credits]),
        authors=tuple(dict.fromkeys([*authors, *header.authors, *opening.authors])),
        byline_place=byline_place or header.byline_place or opening.place,
    )


def _title_repeats(
    paragraphs: Sequence[Block], title: str | None, headings: Sequence[TextSpan]
) -> list[TextSpan]:
    """Paragraphs that repeat the headline: scraped pages often print it again in the body.

    Any shape counts (a headline may end with a full stop or hold a semicolon), so it is
    matched against the known title rather than judged by its looks.
    """
    if not title:
        return []
    key = _comparable(title)
    taken = {(h.start, h.end) for h in headings}
    return [
        TextSpan(b.start, b.end)
        for b in paragraphs
        if _comparable(b.text) == key and (b.start, b.end) not in taken
    ]


def _comparable(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split()).rstrip(" .")


def _append_captions(body: str, captions: Sequence[str]) -> tuple[str, list[Credit]]:
    """``body`` with each credited caption not already in it appended as a paragraph."""
    credits: list[Credit] = []
    for raw in captions:
        caption = " ".join(normalise_text(raw).split())
        found = find_credits(caption, blocks(caption)) if caption else []
        if not found or caption in body:
            continue
        start = len(body) + 2
        body = f"{body}\n\n{caption}"
        credits.extend(
            Credit(TextSpan(c.span.start + start, c.span.end + start), c.person, c.outlet)
            for c in found
        )
    return body, credits


def _lead_heading(body: str, paragraphs: list[Block], headings: list[TextSpan]) -> str | None:
    """A heading that opens the body ("Valley towns cut off by floods") is the headline."""
    first = paragraphs[0]
    lead = headings[0] if headings else None
    if lead and lead.end == first.end and len(first.text.split()) >= 3:
        return body[lead.start : lead.end]
    return None


def _wires(header: Header, wire_credits: list[WireCredit]) -> tuple[str, ...]:
    """Dateline agencies first, then byline agencies, then end credits; no repeats."""
    dateline = [n for c in wire_credits if c.span is None for n in c.names]
    ending = [n for c in wire_credits if c.span is not None for n in c.names]
    return tuple(dict.fromkeys([*dateline, *header.wires, *ending]))


def _merge_credits(photo: list[Credit], wire_credits: list[WireCredit]) -> list[Credit]:
    """Photo credits plus end-credit lines ("— AFP"), in text order, overlaps dropped."""
    ending = [Credit(c.span, None, c.names[0]) for c in wire_credits if c.span is not None]
    merged: list[Credit] = []
    for credit in sorted([*photo, *ending], key=lambda c: (c.span.start, -c.span.end)):
        if not merged or credit.span.start >= merged[-1].span.end:
            merged.append(credit)
    return merged
