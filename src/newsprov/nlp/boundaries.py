"""Sentence and paragraph boundaries that news text needs and the parser misses.

The "newsprov_boundaries" component runs before the parser and marks sentence starts at
paragraph breaks, around headings and photo credits, and at glued full stops
("distance.125 government"), and keeps an abbreviated title with its name ("Sens. Marco
Rubio and Ted Cruz"). Heading and credit spans come from the ``Article``
(``set_article_spans`` puts them in ``doc.user_data`` before the pipeline runs); short
unpunctuated lines and "(Name/Agency)" credits are also detected here, so a plain
``nlp(text)`` still gets them.

Headings and credits are not body sentences: ``is_body`` tells the record builder which
sentences may serve as evidence.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, IS_SPACE, LENGTH, LOWER, SPACY
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex

from newsprov.model import Article
from newsprov.nlp.aliases import is_agency_name, lexicon
from newsprov.nlp.tokens import token_texts
from newsprov.outlets import OutletRegistry

__all__ = [
    "add_news_infixes",
    "credit_spans",
    "detect_credits",
    "detect_headings",
    "heading_spans",
    "is_body",
    "paragraph_breaks",
    "paragraph_of",
    "set_article_spans",
    "trimmed",
]

_HEADINGS = "newsprov.headings"
_CREDITS = "newsprov.credits"

# A full stop or opening bracket glued between a lower-case word and the next sentence
# or credit ("distance.125", "dead(Omar"): split it so the boundary can be marked.
_EXTRA_INFIXES = (
    r"(?<=[a-z])\.(?=[0-9A-Z])",
    r"(?<=[0-9])\.(?=[A-Z][a-z])",  # a caption's date run into its credit: "2020.Noah"
    r"(?<=[a-z])\((?=[A-Z])",
    # a quotation mark glued to the next word: ',”Clinton said', 'said,“Look'
    r"(?<=[a-z])[,.!?:](?=[”“\"][A-Za-z])",
    r"(?<=[,.!?:])[”“\"](?=[A-Za-z])",
    # a closing bracket glued to a dateline's dash: "(RHC)-- Niger's health minister"
    r"(?<=\w)\)(?=[-—–])",
)

_CREDIT_RE = re.compile(
    r"\((?:(?:Photo|Image|Picture)s?\s*:?\s*)?"
    r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|der|al|el|da|di|bin|dos)){0,4}"
    r"\s*/\s*[A-Z][\w.&' -]{0,30}?\)"
)
# a credit on a line of its own: "Franklin Jacome/Agencia Press South/Getty Images"
_CREDIT_LINE = re.compile(
    r"^[ \t]*[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){1,3}"
    r"(?:[ ]?/[ ]?[A-Z][\w.&'’-]*(?:[ ](?:[A-Z][\w.&'’-]*|via))*){1,3}[ \t]*$",
    re.MULTILINE,
)
# a wire story's closing credit line: "Reporting by Ann Lee; Writing by Bo Tan and Cy Day"
_ROLE_LINE = re.compile(
    r"^[ \t]*(?i:(?:with\s+)?(?:additional\s+)?(?:reporting|writing|editing)\s+(?:by|from))\s+"
    r"[A-Z][\w.'’-]*(?:[ ,;]+(?:[A-Z][\w.'’-]*|and|in|(?i:reporting|writing|editing|by)))*"
    r"[ \t.]*$",
    re.MULTILINE,
)
# a caption's credit closing its line: "… expected / Photo: Ann Lee - GETTY IMAGES/AFP"
_CAPTION_CREDIT = re.compile(
    r"(?:^|(?<=[\s/|]))(?:Photo|Image|Picture)s?[ \t]*:[ \t]*"
    r"[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,4}"  # a name
    r"(?:[ \t]*(?:/|[ \t][-–—][ \t]|[ \t]via[ \t])[ \t]*"  # another, after / - or via
    r"[A-Z][\w.'’&-]*(?:[ \t]+[A-Z][\w.'’&-]*){0,4})*[ \t]*$",
    re.MULTILINE,
)
_PARA_RE = re.compile(r"\n[ \t]*\n\s*|\n(?=\s*\S)")
_TERMINAL = tuple('.!?:;"”’)')
_NON_SPACE = re.compile(r"\S")
_BLANK_LINE = re.compile(r"\n\s*\n")


def add_news_infixes(nlp: Language) -> None:
    """Split glued full stops, brackets and quotation marks ("distance.125", "dead(Omar",
    'paranoia,”Clinton') into tokens; keep the plural of an abbreviated title whole
    ("Sens.", "Reps.") as spaCy keeps the singular ("Sen."), not "Capt." (which spaCy
    splits, as the entity recogniser expects)."""
    current = nlp.tokenizer.infix_finditer  # type: ignore[union-attr]
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if pattern is None:
        infixes = list(nlp.Defaults.infixes or ())
    else:
        if any(x in pattern for x in _EXTRA_INFIXES):
            return
        infixes = [pattern]
    regex = compile_infix_regex([*infixes, *_EXTRA_INFIXES])
    nlp.tokenizer.infix_finditer = regex.finditer  # type: ignore[union-attr]
    titles = lexicon().titles
    for title in titles:  # "Sens." one token as "Sen." is; the parser read its stop as an end
        if title.endswith("s.") and title[:-2] + "." in titles:
            form = title[:1].upper() + title[1:]
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])  # type: ignore[union-attr]


def detect_credits(text: str) -> list[tuple[int, int]]:
    """Character spans of photo credits such as "(Omar Albam/AP)", a line holding only
    names joined by slashes ("Franklin Jacome/Agencia Press South/Getty Images"), or a
    wire story's closing credit line ("Reporting by Ann Lee; Writing by Bo Tan")."""
    spans = [(m.start(), m.end()) for m in _CREDIT_RE.finditer(text)]
    spans += [(m.start(), m.end()) for m in _CAPTION_CREDIT.finditer(text)]
    for m in _ROLE_LINE.finditer(text):
        lead = len(m.group()) - len(m.group().lstrip())
        spans.append((m.start() + lead, m.end()))
    registry = OutletRegistry.default()
    for m in _CREDIT_LINE.finditer(text):
        parts = [p.strip() for p in re.split(r"/|\svia\s", m.group())]
        if not any(registry.lookup(p) or is_agency_name(p) for p in parts[1:]):
            continue  # "ASIA PACIFIC / Natural Disasters": a section, no credit
        lead = len(m.group()) - len(m.group().lstrip())
        spans.append((m.start() + lead, m.start() + len(m.group().rstrip())))
    return sorted(spans)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of non-blank lines (each line is a paragraph candidate)."""
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        seg = m.group()
        if seg.strip():
            lead = len(seg) - len(seg.lstrip())
            spans.append((m.start() + lead, m.start() + len(seg.rstrip())))
    return spans


def detect_headings(text: str) -> list[tuple[int, int]]:
    """Short unpunctuated lines standing alone between blank lines: section headings."""
    out = []
    for start, end in _paragraphs(text):
        line = text[start:end]
        words = line.split()
        if len(words) > 10 or len(line) > 80 or line.endswith(_TERMINAL):
            continue
        if line[0] in "“\"‘'(" or not any(c.isalpha() for c in line):
            continue
        if not (line[0].isupper() or line[0].isdigit()):
            continue
        if _blank_around(text, start, end):
            out.append((start, end))
    return out


_TITLE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE_MIN_WORDS = 3  # capitalised words of four letters or more


def title_case_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in title case ("At Least 15 People Killed in Air Strikes"), where a
    capital says nothing of a name: every word of four letters or more is capitalised,
    and there are at least three of them."""
    out = []
    for start, end in _paragraphs(text):
        long = [w for w in _TITLE_WORD.findall(text[start:end]) if len(w) >= 4]
        capitals = len(long) >= _TITLE_MIN_WORDS and all(w[0].isupper() for w in long)
        if capitals and not all(w.isupper() for w in long):  # a line in capitals is no title
            out.append((start, end))
    return out


def _blank_around(text: str, start: int, end: int) -> bool:
    """The line is preceded and followed by a blank line (or the text edge).

    Looks only near the line (never copies the text before or after it), so detecting
    every heading of a long article stays linear."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    tail = text[max(0, i - 3) : i]
    ok_before = _NON_SPACE.search(text, 0, i) is None or tail.endswith(("\n\n", "\n \n"))
    ok_after = _NON_SPACE.search(text, j) is None or _BLANK_LINE.match(text, j) is not None
    return ok_before and ok_after


def paragraph_breaks(text: str) -> list[int]:
    """Char offsets where a new paragraph starts (after blank lines or a line break
    that follows terminal punctuation or a short line)."""
    starts = []
    for m in _PARA_RE.finditer(text):
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        if "\n\n" in re.sub(r"[ \t]", "", m.group()) or _line_break_is_paragraph(text, m.start()):
            starts.append(nxt)
    return starts


def _line_break_is_paragraph(text: str, pos: int) -> bool:
    """A single newline ends a paragraph after terminal punctuation or a short line."""
    line_start = text.rfind("\n", 0, pos) + 1
    line = text[line_start:pos].rstrip()
    return not line or line.endswith(_TERMINAL) or len(line) < 60


def paragraph_of(breaks: list[int], char: int) -> int:
    """Index of the paragraph containing ``char`` given sorted ``paragraph_breaks``."""
    return bisect_right(breaks, char)


_TEXT = "newsprov.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token's text on each call
    (80 µs for a news article), and the rules ask for it a few dozen times."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def set_article_spans(doc: Doc, article: Article) -> None:
    """Store the article's heading and credit spans (plus detected ones) on the Doc."""
    creds = {(c.span.start, c.span.end) for c in article.credits}
    creds |= set(detect_credits(doc_text(doc)))
    # a short line carrying a photo credit is a caption, not a heading: its names count
    detected = [h for h in detect_headings(doc_text(doc)) if not _overlaps(h, creds)]
    heads = {(s.start, s.end) for s in article.headings} | set(detected)
    doc.user_data[_HEADINGS] = sorted([list(s) for s in heads])
    doc.user_data[_CREDITS] = sorted([list(s) for s in creds])


def _overlaps(span: tuple[int, int], others: set[tuple[int, int]]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in others)


def heading_spans(doc: Doc) -> list[tuple[int, int]]:
    """Heading char spans (from the article, else detected)."""
    spans = doc.user_data.get(_HEADINGS)
    if spans is None:
        return detect_headings(doc_text(doc))
    return [(int(s), int(e)) for s, e in spans]


def credit_spans(doc: Doc) -> list[tuple[int, int]]:
    """Photo-credit char spans (from the article, else detected)."""
    spans = doc.user_data.get(_CREDITS)
    if spans is None:
        return detect_credits(doc_text(doc))
    return [(int(s), int(e)) for s, e in spans]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def trimmed(span: Span) -> tuple[int, int]:
    """Char span of ``span`` without leading/trailing whitespace."""
    text = doc_text(span.doc)[span.start_char : span.end_char]  # span.text, without a join
    lead = len(text) - len(text.lstrip())
    return span.start_char + lead, span.start_char + len(text.rstrip())


def is_body(doc: Doc, sent: Span) -> bool:
    """True unless the sentence lies inside a heading or a photo credit."""
    start, end = trimmed(sent)
    return not _inside(heading_spans(doc), start, end) and not _inside(
        credit_spans(doc), start, end
    )


@Language.factory("newsprov_boundaries", assigns=["token.is_sent_start"])
def make_boundaries(nlp: Language, name: str) -> SentenceBoundaries:
    """Factory for the boundary component (takes no settings)."""
    return SentenceBoundaries()


class SentenceBoundaries:
    """Mark sentence starts the statistical parser would miss (see module docstring).

    The tokens are read as columns (``Doc.to_array``) and the token texts once per Doc
    (:func:`newsprov.nlp.tokens.token_texts`): a spaCy Token is made only for a token
    whose start is set, not several for every token looked at."""

    def __call__(self, doc: Doc) -> Doc:
        starts = set(paragraph_breaks(doc_text(doc)))
        blocks = [*heading_spans(doc), *credit_spans(doc)]
        for s, e in blocks:
            starts.update((s, e))
        ordered = sorted(starts)
        inside = _Blocks(blocks)
        titles = lexicon().titles
        cols = _Columns(doc)
        for i in range(1, len(doc)):
            if cols.space[i] or inside(cols.idx[i]):
                doc[i].is_sent_start = False  # keep a heading or credit in one piece
            elif (
                cols.idx[i] in starts
                or _follows_space_start(cols, i, starts, ordered)
                or _glued_stop(cols, i)
            ):
                doc[i].is_sent_start = True
            elif _after_title(cols, i, titles):
                doc[i].is_sent_start = False  # "Sens. Marco Rubio": the full stop ends no sentence
        return doc


_COLUMNS = [IDX, LENGTH, IS_SPACE, SPACY, LOWER]


class _Columns:
    """What the boundary rules read of each token: its text, char offset, length,
    whether it is whitespace, whether whitespace follows it, and its lower-case form."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = token_texts(doc)
        rows = doc.to_array(_COLUMNS).T.tolist() if len(doc) else [[], [], [], [], []]
        self.idx, self.length, self.space, self.ws, self._lower = rows

    def lower(self, i: int) -> str:
        """``doc[i].lower_``."""
        return str(self.doc.vocab.strings[self._lower[i]])


class _Blocks:
    """Is a char offset strictly inside one of the spans? (binary search, not a scan)"""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []  # the furthest end among spans starting up to here
        for _, e in self.spans:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def __call__(self, char: int) -> bool:
        k = bisect_left(self.starts, char)  # spans starting strictly before ``char``
        return k > 0 and self.reach[k - 1] > char


def _follows_space_start(cols: _Columns, i: int, starts: set[int], ordered: list[int]) -> bool:
    """A boundary offset that falls on whitespace applies to the next real token."""
    prev = i - 1
    if not cols.space[prev] and not cols.ws[prev]:
        return False
    gap_start = cols.idx[prev] + cols.length[prev] if not cols.space[prev] else cols.idx[prev]
    k = bisect_left(ordered, gap_start)
    return k < len(ordered) and ordered[k] < cols.idx[i] and cols.idx[i] not in starts


def _after_title(cols: _Columns, i: int, titles: frozenset[str]) -> bool:
    """A capitalised word right after an abbreviated title ("Sens.", "Gov.", "Adm."), its
    full stop in the token or split off it ("Sens" "." when the tokenizer has no rule)."""
    if not cols.text[i][:1].isupper():
        return False
    if cols.text[i - 1] == "." and i >= 2 and not cols.ws[i - 2]:
        title = cols.lower(i - 2) + "."
    else:
        title = cols.lower(i - 1)
    # a word with one full stop at its end: "Sen.", not "U.S." (a place ends sentences)
    return title in titles and title.find(".") == len(title) - 1


def _glued_stop(cols: _Columns, i: int) -> bool:
    """A glued full stop ("distance.125"): a full stop with no space before a digit or capital."""
    if cols.text[i - 1] != "." or cols.ws[i - 1] or i < 2:
        return False
    glued = not cols.ws[i - 2] and cols.text[i - 2][-1:].islower()
    first = cols.text[i][:1]
    return glued and (first.isdigit() or first.isupper())
