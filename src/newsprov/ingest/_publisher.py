"""Who published an article: one documented fallback chain, strongest evidence first.

=========  ===========================================================================
step       where the name comes from
=========  ===========================================================================
record     the input's own metadata: a JSON record's ``outlet`` / ``publisher`` /
           ``source`` field (registry name when the registry knows it)
header     a ``Source:`` / ``Publisher:`` header line of a text file
html       the page's metadata as trafilatura reads it: ``og:site_name``, the JSON-LD
           ``publisher`` (a bare host name there is no name and is skipped)
registry   the URL's web domain (or a host name given as site name) in the registry
text       a publisher the page itself names: the title's suffix ("Headline | North
           Coast Herald"), a copyright line ("© 2025 North Coast Herald"), or a
           capitalised phrase that spells the site's domain ("Levant Daily Report" on
           levantdailyreport.com), a known outlet's name alone on the first line
domain     a name derived from the web domain ("northcoastherald.com" -> "North Coast
           Herald"): a guess, marked as such in the graph (``np:publisherFrom "domain"``)
wire       no site at all, but the copy is a wire agency's own story ("BEIRUT (AFP) -",
           a lone "AFP" line above it): the agency
=========  ===========================================================================

The publisher is kept apart from the wires: a regional paper republishing an AFP story
has itself as publisher and AFP as wire. A web archive's copy (``web.archive.org/web/
<time>/<page URL>``) is read as the page it copied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from tld import get_tld

from newsprov.ingest._agencies import canonical_outlet
from newsprov.outlets import OutletRegistry

__all__ = ["Publisher", "derive_name", "find_publisher", "named_in_text", "page_url"]

# a copy kept by a web archive names the page it copied: that page's site published it
_ARCHIVED_RE = re.compile(
    r"^https?://(?:web\.)?archive\.(?:org|ph|today|is|li)/(?:web/)?(?:\d{4,14}[a-z_]*/)?"
    r"(?P<page>https?://\S+)$",
    re.IGNORECASE,
)
_TITLE_SEP_RE = re.compile(r"\s+[|·•–—-]\s+|\s+::\s+")
_COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|\bCopyright\b)\s*(?:©\s*)?(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?"
    r"\s*[,.]?\s*(?P<name>[A-Z][\w&'’.\- ]{1,60}?)\s*(?:[.,|]|\ball rights reserved\b|$)",
    re.IGNORECASE | re.MULTILINE,
)
_NAME_WORD_RE = re.compile(r"^(?:[A-Z0-9][\w&'’.\-]*|of|the|and|al|el|de|for|&)$")
_SECTION_WORDS = frozenset({
    "news", "latest", "live", "world", "home", "video", "videos", "opinion", "analysis",
    "update", "updates", "breaking", "middle", "east", "politics", "business", "sport",
    "sports", "region", "local", "national", "international",
})  # fmt: skip
_WORD_RE = re.compile(r"[A-Za-z0-9][\w'’&.\-]*")
_MAX_NAME_WORDS = 6
# words that make a name before a headline a news site's ("RCA Telegram News California")
_MEDIA_WORDS = frozenset({
    "news", "times", "telegram", "telegraph", "herald", "post", "daily", "tv", "radio",
    "press", "tribune", "journal", "gazette", "chronicle", "observer", "express", "media",
})
_EDGE_CHARS = 1500  # a page names itself in its chrome: the first and last characters


@dataclass(frozen=True, slots=True)
class Publisher:
    """The publisher's name and the chain step that found it (both None when none did)."""

    name: str | None = None
    found_by: str | None = None


def find_publisher(
    *,
    record: str | None = None,
    header: str | None = None,
    site_name: str | None = None,
    url: str | None = None,
    text: str = "",
    title: str | None = None,
    headline: str | None = None,
    own_wire: str | None = None,
    title_is_headline: bool = False,
) -> Publisher:
    """The first step of the chain (see the module docstring) that names a publisher.

    ``title`` is the page's full title ("Headline | Site"), ``headline`` the article's
    own: an extractor's site name equal to it is a misreading, not the site's name.
    ``title_is_headline``: the title is only the text's opening line, whose suffix after a
    dash may name who said it ("… 65% turnout - Elections Chief"), so it must look like a
    news site's name.
    """
    url = page_url(url)
    host = _host(url)
    site = None if _same(site_name, headline) else _site_name(site_name, host)
    steps: list[tuple[str, str | None]] = [
        ("record", canonical_outlet(record) if record else None),
        ("header", header),
        ("html", site),
        ("registry", _registered(url, site_name)),
        ("text", named_in_text(text, title=title, host=host, headline_only=title_is_headline)),
        ("domain", derive_name(url) if host and url else None),
        ("wire", own_wire),
    ]
    for step, name in steps:
        if name:
            return Publisher(name, step)
    return Publisher()


def page_url(url: str | None) -> str | None:
    """The page a URL shows: an archived copy's original address, else ``url`` itself."""
    archived = _ARCHIVED_RE.match(url or "")
    return archived["page"] if archived else url


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _skeleton(a or "") == _skeleton(b or "")


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.lower() if host and "." in host else None


def _site_name(site_name: str | None, host: str | None) -> str | None:
    """The metadata's site name, unless it is only a host name ("example.com")."""
    name = " ".join((site_name or "").split())
    if not name or (" " not in name and "." in name) or (host and name.lower() in host):
        return None
    return canonical_outlet(name)


def _registered(url: str | None, site_name: str | None) -> str | None:
    registry = OutletRegistry.default()
    for candidate in (url, site_name):
        found = registry.by_domain(candidate) if candidate and "." in candidate else None
        if found:
            return found.name
    return None


_MASTHEAD_CHARS = 60


def named_in_text(
    text: str, *, title: str | None = None, host: str | None = None, headline_only: bool = False
) -> str | None:
    """The publisher the page names itself: a phrase spelling its domain, the title's
    suffix (a news site's name when the title is only the headline), a copyright line (a
    wire agency's copyright names a wire, not the site), or a known outlet's name
    standing alone as the first line."""
    chrome = text if len(text) <= 2 * _EDGE_CHARS else text[:_EDGE_CHARS] + text[-_EDGE_CHARS:]
    label = _label(host) if host else None
    spelled = _spelling(f"{title or ''}\n{chrome}", label) if label else None
    if spelled:
        return canonical_outlet(spelled)
    suffix = _title_suffix(title)
    if suffix and headline_only and not _site_name_like(suffix):
        suffix = None
    for name in (suffix, *_copyrights(chrome), _masthead(text), _site_prefix(text)):
        if name and not _is_wire(name):
            return canonical_outlet(name)
    return None


def _masthead(text: str) -> str | None:
    """The page's first line when it is only a known outlet's name (a logo's text kept by
    the scrape: "The Mercury News"), or a name in brackets ("(Newser)")."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first) > _MASTHEAD_CHARS:
        return None
    found = OutletRegistry.default().lookup(first)
    if found is not None:
        return found.name
    # "(Newser)": the site's name in brackets alone on the first line, as a credit
    bracketed = first[1:-1].strip() if first[:1] == "(" and first[-1:] == ")" else ""
    return bracketed if bracketed and _name_like(bracketed) else None


_SITE_LINES = 3  # the opening lines where a scraped page prints its title


def _site_prefix(text: str) -> str | None:
    """The news site's name beside its headline on one of the page's opening lines
    ("RCA Telegram News California - Death toll climbs to 108", "Minister says toll may
    hit 10,000 – Metro US"): a known outlet, or a name holding a media word; or alone on
    one of those lines ("Tolo News")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()][:_SITE_LINES]
    for k, line in enumerate(lines):
        parts = [p.strip() for p in _TITLE_SEP_RE.split(line)]
        alone = _site_line(line) if len(parts) == 1 else None
        if alone:
            return alone  # "Tolo News" on a line of its own under the headline
        if len(parts) != 2:
            continue
        sides = [(parts[1], parts[0]), (parts[0], parts[1])] if k == 0 else [(parts[0], parts[1])]
        for headline, name in sides:
            if len(headline.split()) >= 4 and _name_like(name) and _site_name_like(name):
                return name
    return None


def _site_line(line: str) -> str | None:
    """The news site's name a line holds alone: up to four capitalised words ending in a
    media word ("Tolo News", "Harbour Daily Times"; not "Fox News Host Fired", nor "From
    the Associated Press"), a known outlet's name after a word ("Watch CBS News")."""
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    if not _name_like(line) or words[-1].lower() not in _MEDIA_WORDS:
        return None
    for k in range(len(words) - 1):  # the longest known outlet the line ends with
        found = OutletRegistry.default().lookup(" ".join(words[k:]))
        if found is not None:
            return found.name
    return line


def _site_name_like(name: str) -> bool:
    if OutletRegistry.default().lookup(name) is not None:
        return True
    words = {w.lower() for w in name.split()}
    return bool(words & _MEDIA_WORDS) and len(words) >= 2


def _title_suffix(title: str | None) -> str | None:
    """ "Toll rises on coast | North Coast Herald" -> "North Coast Herald"."""
    parts = _TITLE_SEP_RE.split(title or "")
    return parts[-1].strip() if len(parts) > 1 and _name_like(parts[-1].strip()) else None


def _copyrights(text: str) -> list[str]:
    names = [m["name"].strip(" .-") for m in _COPYRIGHT_RE.finditer(text)]
    return [n for n in names if _name_like(n)]


def _name_like(text: str) -> bool:
    """A name: one to six capitalised words, not a section label ("World", "Live")."""
    words = text.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or not text[:1].isupper():
        return False
    if all(w.lower().strip(".") in _SECTION_WORDS for w in words):
        return False
    return all(_NAME_WORD_RE.match(w) for w in words)


def _is_wire(name: str) -> bool:
    found = OutletRegistry.default().lookup(canonical_outlet(name))
    return found is not None and found.kind == "wire agency"


def _spelling(text: str, label: str) -> str | None:
    """A capitalised phrase of ``text`` whose letters spell ``label`` ("Levant Daily
    Report" for "levantdailyreport"; a leading "The" may be missing from the domain).
    Failing that, one spelling all but a closing country code ("New Age" on newagebd.net).
    """
    words = list(_WORD_RE.finditer(text))
    fallback = None
    for i, first in enumerate(words):
        if not first.group()[0].isupper():
            continue
        joined = ""
        for j in range(i, min(i + _MAX_NAME_WORDS, len(words))):
            joined += _skeleton(words[j].group())
            phrase = text[first.start() : words[j].end()]
            if joined in (label, f"the{label}"):
                return phrase
            rest = label[len(joined) :] if label.startswith(joined) else ""
            if fallback is None and len(joined) >= 5 and 2 <= len(rest) <= 3 and rest.isalpha():
                fallback = phrase
            if not label.startswith(joined) and not f"the{label}".startswith(joined):
                break
    return fallback


def _skeleton(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _label(host: str) -> str | None:
    """The registrable label of a host: "www.northcoastherald.co.uk" -> "northcoastherald"."""
    found = get_tld(host, as_object=True, fail_silently=True, fix_protocol=True)
    domain = getattr(found, "domain", None) or host.split(".")[-2 if "." in host else 0]
    label = _skeleton(domain)
    return label if len(label) >= 3 else None


def derive_name(url: str) -> str | None:
    """A readable name made from the URL's domain: "northcoastherald.com" -> "North Coast
    Herald", "wkrn.com" -> "WKRN", "newagebd.net" -> "New Age BD" (a closing country
    code kept as one); None when the URL has no host."""
    host = _host(url)
    label = _label(host) if host else None
    if not label:
        return None
    if len(label) <= 4 or (not label.isalpha() and len(label) <= 6):
        return label.upper()
    import wordninja  # loads its word list: only when a domain name is split

    pieces = wordninja.split(label)
    if len(pieces) > 1 and all(_word_piece(p) for p in pieces[:-1]):
        last = pieces[-1]
        if _word_piece(last):
            return " ".join(p if p in _SHORT_WORDS else p.capitalize() for p in pieces)
        if len(last) <= 3 and last.isalpha():  # "bd", "ng", "ngr": a country code
            return " ".join([*(p.capitalize() for p in pieces[:-1]), last.upper()])
    return label.capitalize()


_SHORT_WORDS = frozenset({"of", "on", "is", "in", "at", "by", "to", "my"})


def _word_piece(piece: str) -> bool:
    return len(piece) >= 3 or piece.isdigit() or piece in _SHORT_WORDS
