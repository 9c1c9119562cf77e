"""Article-level name rules run by the entity fix after the model's spans are cleaned.

* ``with_patterns`` — the rule-based names of ``patterns`` win over model spans they cover.
* ``without_owners`` / ``without_events`` — drop "UN" in "the UN's humanitarian office,
  OCHA" and named events ("the Sawtooth Fire") with every other span of that name.
* ``described_names`` — untagged names the text describes ("residents of Pine Hollow, a
  community of 6,000").
* ``second_pass`` — a gazetteer of the article's own multi-word names: their other
  occurrences are tagged too, replacing a model span cut inside one ("[Um] Sidra").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from newsprov.model import EntityType

from .aliases import lexicon
from .boundaries import doc_text
from .evidence import STRONG, context_votes, name_kind
from .mentions import LABELS
from .patterns import (
    is_event,
    lower_orgs,
    name_runs,
    name_runs_untyped,
    patterns,
    storm_names,
)
from .tokens import token_texts

__all__ = [
    "clutter_lines",
    "described_names",
    "doc_headlines",
    "headline_lines",
    "route_between",
    "second_pass",
    "split_coordinated",
    "with_patterns",
    "without_events",
    "without_owners",
]

# lines of page furniture: "Join ST's Telegram channel", "READ MORE: ...", "Follow us on X"
_PROMO = re.compile(
    r"^[ \t]*(?:join|follow|subscribe|sign up|download|read more|also read|related|"
    r"watch|listen|share|click|get the|more from|recommended|see also|catch all|"
    r"track latest|get latest)\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# the items listed under a "Related Articles" line: "- Indonesia offers help after quake"
_RELATED_LIST = re.compile(
    r"^[ \t]*related\b[^\n]{0,40}\n((?:[ \t]*(?:[-•*·–]|\d{1,2}[.)]?)[ \t]+[^\n]*(?:\n|$))+)",
    re.IGNORECASE | re.MULTILINE,
)
# a list of other stories' headlines: bullet lines in title case, two or more in a row
# ("- The Fall of Rents and the End of the Boom")
_BULLET_LINE = re.compile(r"^[ \t]*[-•*·–—▪►][ \t]+([^\n]+)$", re.MULTILINE)
# a list of videos: a running time on its own line over each video's headline
# ("02:17 ¶ Flood waters rise in the north")
_VIDEO_ITEM = re.compile(r"^[ \t]*\d{1,2}:\d{2}[ \t]*\n[^\n]+$", re.MULTILINE)
# a breadcrumb trail over the headline: "News / World News / Toll rises to 40"
_CRUMBS = re.compile(r"^[ \t]*[A-Z][\w&' ]{0,24}(?: / [^\n/]{1,120}){2,}$", re.MULTILINE)
# a promoted story inside the text: a label of capitals, a colon and a headline with no
# full stop ("LONGER WAITS, FEWER NURSES: Hospitals cut staff as costs rise")
_CAPS_PROMO = re.compile(
    r"^[ \t]*[A-Z][A-Z'’-]+(?:,?[ ]+[A-Z][A-Z'’-]+)+:[ ]+[^\n]*[^\s.!?\"”'’:][ \t]*$",
    re.MULTILINE,
)
# browser and cookie notices: "This browser is not updated by Microsoft ... Edge, Safari"
_NOTICE = re.compile(
    r"^(?=[^\n]*\b(?:browsers?|cookies?)\b)"
    r"(?=[^\n]*\b(?:updated?|support|accept|consent|enable|settings|privacy)\b)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# "CBC's Journalistic Standards and Practices|About CBC News": a row of menu items
_MENU = re.compile(r"^[^\n]*\|[^\n]*$", re.MULTILINE)


def with_patterns(doc: Doc, ents: list[Span], credits: list[tuple[int, int]]) -> list[Span]:
    """Rule-based names win over the model's spans they cover or equal."""
    seen = _Seen(ents)
    found = [
        s
        for s in [*name_runs(doc), *lower_orgs(doc)]
        if not any(a <= s.start_char < b for a, b in credits) and not _joins_names(s, seen)
    ]
    return filter_spans([*found, *ents])


class _Seen:
    """Where the model's names start and end, indexed once per Doc."""

    def __init__(self, ents: list[Span]) -> None:
        self.starts = {e.start for e in ents}
        self.ends = {e.end for e in ents}
        self.bodies = {(e.start, e.end) for e in ents if e.label_ == "ORG" and len(e) >= 2}
        self.persons = {e.start: e.end for e in ents if e.label_ == "PERSON"}


def _joins_names(run: Span, seen: _Seen) -> bool:
    """A place's run over "and" whose sides the model named apart ("Deir Ezzor and
    Boukamal"): two places listed, not one; a body's run, when the model named both
    sides apart as bodies of two words or more ("the Department of Homeland Security and
    Virginia State Police"; "Fire and Disaster Headquarters" is one body); a run over a
    person the model named before "of" ("Margaret Harris of the World Health Organisation")."""
    doc = run.doc
    person_end = seen.persons.get(run.start)
    if person_end is not None and person_end < run.end and doc[person_end].lower_ == "of":
        return True
    cut = next((t.i for t in run[1:-1] if t.lower_ in {"and", "or"}), None)
    if cut is None:
        return False
    if run.label_ == "ORG":
        return (run.start, cut) in seen.bodies and (cut + 1, run.end) in seen.bodies
    if run.label_ != "GPE":
        return False
    starts, ends = seen.starts, seen.ends
    return (run.start in starts and cut in ends) or (cut + 1 in starts and run.end in ends)


def without_events(ents: list[Span]) -> list[Span]:
    """Drop named events and every other span with an event's name, a storm's among them
    ("Irene" after "Hurricane Irene")."""
    events = {e.text.removeprefix("the ").removeprefix("The ") for e in ents if is_event(e)}
    if ents:
        events |= storm_names(ents[0].doc)
    return [e for e in ents if not is_event(e) and e.text not in events]


def without_owners(doc: Doc, ents: list[Span]) -> list[Span]:
    """Drop "UN" in "the UN's humanitarian office, OCHA": an organisation owning a
    described body that the text names next is no entity of its own there."""
    starts = {e.start: e for e in ents}
    out = []
    for ent in ents:
        k = ent.end + (ent.end < len(doc) and doc[ent.end].lower_ in {"'s", "’s", "'", "’"})
        while k < len(doc) and (
            (doc[k].text.islower() and doc[k].is_alpha) or doc[k].lower_ in {"'s", "’s"}
        ):
            k += 1
        head = doc[k - 1]
        described = k > ent.end and head.lower_ in lexicon().org_nouns and k + 1 < len(doc)
        named = described and doc[k].text == "," and starts.get(k + 1) is not None
        if not (ent.label_ == "ORG" and named and starts[k + 1].label_ in LABELS):
            out.append(ent)
    return out


def described_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Untagged capitalised names the text describes ("residents of Pine Hollow, a
    community of 6,000"): a strong context vote gives the type; opening a sentence, only a
    person's full name so described ("Aijamal Sydykova, 63, spent …")."""
    taken = {i for e in ents for i in range(e.start, e.end)}
    labels = {
        EntityType.PLACE: "GPE",
        EntityType.ORGANISATION: "ORG",
        EntityType.PERSON: "PERSON",
        EntityType.OUTLET: "ORG",  # the words after it make it an outlet ("X newspaper")
    }
    out = []
    conn = patterns().connectors
    for start, end in name_runs_untyped(doc):
        while start < end and (doc[start].pos_ != "PROPN" or doc[start].lower_ in conn):
            start += 1  # "Residents of [Pine Hollow]"
        owned = [k for k in range(start, end - 1) if doc[k].lower_ in {"'s", "’s"}]
        if owned and all(i in taken for i in range(start, owned[-1])):
            start = owned[-1] + 1  # a tagged name's: "Dhaka's [Ittefaq] newspaper"
        if start == end:
            continue
        first = doc[start]
        if any(i in taken for i in range(start, end)) or first.is_stop:
            continue
        if first.pos_ != "PROPN" or (start and doc[start - 1].text in {"“", '"', "‘", "'"}):
            continue
        votes = [(k, w) for k, w in context_votes(doc, start, end, EntityType.PLACE) if w >= STRONG]
        if not votes or votes[0][0] not in labels:
            continue
        full = end - start >= 2 and all(t.pos_ == "PROPN" for t in doc[start:end])
        if first.is_sent_start and not (votes[0][0] is EntityType.PERSON and full):
            continue  # any word opens a sentence capitalised; "Ann Lee, 63, said" still names
        out.append(Span(doc, start, end, label=labels[votes[0][0]]))
    return out


def second_pass(doc: Doc, ents: list[Span]) -> list[Span]:
    """Other occurrences of the article's multi-word names that the model left untagged
    or cut ("Um Sidra, a farming town" after "the town of Um Sidra"); a model span
    inside such an occurrence gives way to it."""
    names: dict[tuple[str, ...], Span] = {}
    for ent in ents:
        if ent.label_ in LABELS and len(ent) >= 2:
            names.setdefault(tuple(t.text for t in ent), ent)
    out: list[Span] = []
    if not names:
        return out
    texts = token_texts(doc)
    at: dict[str, list[int]] = {}  # where each word is, in order
    for i, text in enumerate(texts):
        at.setdefault(text, []).append(i)
    for words, ent in names.items():
        n = len(words)
        for i in at.get(words[0], ()):
            if i > len(doc) - n or tuple(texts[i : i + n]) != words:
                continue
            crossing = [e for e in [*ents, *out] if e.start < i + n and i < e.end]
            if all(i <= e.start and e.end <= i + n and (e.end - e.start) < n for e in crossing):
                out.append(Span(doc, i, i + n, label=ent.label_, span_id=ent.id_))
    return out


def clutter_lines(
    text: str, headlines: list[tuple[int, int]] | None = None
) -> list[tuple[int, int]]:
    """Char spans of lines that are page furniture, not news: promotions ("Join ST's
    Telegram channel", "READ MORE: ...") and menu rows ("Standards|About CBC News"),
    and other stories' headlines (``headline_lines``, or ``headlines`` when found)."""
    spans = [m.span() for m in _PROMO.finditer(text) if len(m.group()) < 200]
    spans += [m.span() for m in _NOTICE.finditer(text) if len(m.group()) < 400]
    spans += headline_lines(text) if headlines is None else headlines
    menus = [m for m in _MENU.finditer(text) if len(m.group()) < 300]
    # a byline row ("Jessica Tran · CBC News · Posted: Jun 04 | Updated") holds digits
    return spans + [m.span() for m in menus if not any(c.isdigit() for c in m.group())]


_HEADLINES = "newsprov_headline_lines"


def doc_headlines(doc: Doc) -> list[tuple[int, int]]:
    """``headline_lines`` of the Doc's text, found once per Doc (entities, attributions
    and figures all skip them)."""
    found = doc.user_data.get(_HEADLINES)
    if found is None:
        found = doc.user_data[_HEADLINES] = headline_lines(doc_text(doc))
    return list(found)


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Char spans of other stories' headlines: the items under a "Related" line, a run of
    two or more bullet lines in title case, a story promoted under a label in capitals,
    videos listed under their running times, and a breadcrumb trail over the headline.
    Their names and numbers are not the article's (the headline repeats its own)."""
    spans = [m.span(1) for m in _RELATED_LIST.finditer(text)]
    spans += [m.span() for m in _CAPS_PROMO.finditer(text) if len(m.group()) < 200]
    spans += [m.span() for m in _VIDEO_ITEM.finditer(text) if len(m.group()) < 200]
    spans += [m.span() for m in _CRUMBS.finditer(text)]
    run: list[tuple[int, int]] = []
    for m in _BULLET_LINE.finditer(text):
        if run and text[run[-1][1] : m.start()].strip() == "" and _title_case(m.group(1)):
            run.append(m.span())
            continue
        spans += run if len(run) >= 2 else []
        run = [m.span()] if _title_case(m.group(1)) else []
    return spans + (run if len(run) >= 2 else [])


def _title_case(line: str) -> bool:
    """A headline's capitals: three or more words, most of the longer ones capitalised."""
    words = line.split()
    longer = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    upper = sum(w[:1].isupper() for w in longer)
    return len(words) >= 3 and bool(longer) and upper * 3 >= len(longer) * 2


# "the road between Bahir Dar and Debre Markos": names between which something runs
_ROUTE = {"road", "highway", "route", "railway", "border", "corridor", "halfway", "lies"}


def route_between(doc: Doc, start: int) -> bool:
    """Is the name at token ``start`` the first end of "<road> between X and Y"?"""
    return start >= 2 and doc[start - 1].lower_ == "between" and doc[start - 2].lower_ in _ROUTE


def _bare(doc: Doc, start: int, end: int) -> bool:
    """One to three capitalised words."""
    return 1 <= end - start <= 3 and all(t.text[:1].isupper() for t in doc[start:end])


def _after_place(doc: Doc, ent: Span, ents: list[Span]) -> str | None:
    """ "Cusco, Puno, Arequipa and Cajamarca": a span that closes a comma list holding a
    place (the list may hold names the model mislabels: "Puno" ORG)."""
    comma = ent.start - 1
    while comma >= 1 and doc[comma].text == ",":
        before = next((e for e in ents if e.end == comma), None)
        if before is None:
            return None
        if before.label_ in {"GPE", "LOC"}:
            return "GPE"
        comma = before.start - 1
    return None


def split_coordinated(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "between [Benalla and Wangaratta]" tagged as one name: split a span at "and" when
    its words name no organisation ("Marks and Spencer Group" stays) and one side is a
    name the article uses on its own; both sides take that name's label."""
    alone = {e.text: e.label_ for e in ents if "and" not in {t.lower_ for t in e}}
    out = []
    for ent in ents:
        cut = next((t.i for t in ent[1:-1] if t.lower_ == "and"), None)
        if cut is None or ent.label_ not in LABELS or name_kind(ent.text) is not None:
            out.append(ent)
            continue
        left, right = doc[ent.start : cut], doc[cut + 1 : ent.end]
        label = alone.get(left.text) or alone.get(right.text) or _after_place(doc, ent, ents)
        if label is not None and ent.label_ != "PERSON":
            label = "ORG" if label == "ORG" else "GPE"  # "between Benalla and Wangaratta"
        if label is None or not (_bare(doc, ent.start, cut) and _bare(doc, cut + 1, ent.end)):
            out.append(ent)
            continue
        out += [Span(doc, ent.start, cut, label=label), Span(doc, cut + 1, ent.end, label=label)]
    return out
