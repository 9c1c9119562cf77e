"""Is a name an outlet? Registry names that are also words ("Time", "The National") and
names that look like outlets ("X News", "the daily Al-Watan")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsprov.outlets import OutletRegistry

from .aliases import lexicon
from .boundaries import doc_text
from .patterns import patterns

__all__ = ["ambiguous_outlet", "looks_like_outlet"]

# "Televisión Canaria", "Radio Free Asia", "Télévision Suisse Romande"
_OUTLET_PREFIX = re.compile(r"(?:Televisi[oó]n|Televis[aã]o|T[ée]l[ée]vision|R[aá]dio)\s+[A-Z]")
_OUTLET_SUFFIX = re.compile(
    r"\b(?:News|TV|Times|Post|Herald|Gazette|Tribune|Television|Radio|Journal|Telegraph|"
    r"Chronicle|News\s+Agency|Press\s+Agency)$"
)


def ambiguous_outlet(span: Span) -> bool:
    """True for an outlet name that is also a word or a surname where it is not the
    outlet: "Time" opening a sentence, "Bloomberg" in "Michael Bloomberg"."""
    bare = span.text.removeprefix("The ")
    if bare not in lexicon().ambiguous_outlets:
        return False
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if bare != span.text:  # "The National Front for Water and Life"
        return nxt is not None and nxt.text[:1].isupper()
    beside = [t for t in (prev, nxt) if t is not None and t.text[:1].isupper()]
    return bool(span[0].is_sent_start) or prev is None or bool(beside)


def looks_like_outlet(ent: Span) -> bool:
    """A registry outlet, a name like "X News"/"X TV"/"Radio X", or a name next to "newspaper",
    "radio", "news agency" ("the daily Al-Watan", "France Info radio")."""
    doc = ent.doc
    if _reported_citing(ent):
        return True  # even a name that is also a word: "Interfax reported, citing ..."
    if OutletRegistry.default().lookup(ent.text):
        return not ambiguous_outlet(ent)
    if _OUTLET_SUFFIX.search(ent.text) or _OUTLET_PREFIX.match(ent.text):
        return True
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    p = patterns()
    if after in p.outlet_nouns:
        return True
    if after == "media" and ent.end + 1 < len(doc) and doc[ent.end + 1].lower_ in p.media_bodies:
        return True
    if _service_of_outlet(ent):
        return True
    if ent.label_ != "ORG":
        return False
    before = {t.lower_ for t in doc[max(0, ent.start - 3) : ent.start]}
    if ent.start > 0 and doc[ent.start - 1].lower_ == "website":
        return True  # "opposition website Libya Al-Youm"; not "X's website. Y said"
    cues = (p.outlet_nouns - {"radio"}) | p.outlet_cues  # "CNN affiliate KSTU"
    return bool(before & cues) or {"news", "agency"} <= before


def _service_of_outlet(ent: Span) -> bool:
    """ "RFE/RL's Kyrgyz Service", "the BBC's Persian Service": a language service of an
    outlet is an outlet."""
    doc = ent.doc
    if ent[-1].text != "Service" or ent.start < 2 or doc[ent.start - 1].lower_ not in {"'s", "’s"}:
        return False
    # the owner's whole word: "RFE/RL" is three tokens
    owner = doc_text(doc)[: doc[ent.start - 1].idx].split()[-1:]
    return bool(owner) and OutletRegistry.default().lookup(owner[0]) is not None


def _reported_citing(ent: Span) -> bool:
    """ "Interfax reported, citing the ministry": a body that reports what others said."""
    doc = ent.doc
    after = [t.lower_ for t in doc[ent.end : ent.end + 3]]
    return (
        ent.label_ != "PERSON" and bool(after) and after[0] == "reported" and "citing" in after[1:]
    )
