"""What part of an event a figure counts, and what kind of figure it is.

Figures are compared only when they count the same thing. Besides event, measure and
population, a claim's key holds:

- **place scope** (:func:`place_scope`): ``event`` for the whole event, else the level and
  name of the part it counts — ``region:idlib`` ("in Idlib province"), ``city:antakya``
  ("in the town of Antakya"; ``city:unnamed`` for "in an eastern town"),
  ``site:monastery`` ("at one monastery") — or ``day`` for a
  one-day subtotal ("on Sunday alone", "in the past 24 hours");
- **kind** (:func:`kind_of`): ``count``, ``estimate`` ("an estimated", "believed"),
  ``projection`` ("could rise to", "expected to"), ``verified`` (a subset someone has
  verified, documented or identified so far), ``earlier`` (the source's own earlier figure
  the clause says was replaced: "up from its earlier estimate of …", "up from 30") or
  ``superseded`` (another period's figure: "the previous 30-day toll");
- **when** (:func:`days_before`): a statement the clause dates relative to the article
  ("less than a week ago", "last week", "earlier this week");
- **side** (:func:`side_of`): whose people a count counts in a conflict ("122 ISIS
  fighters", "eight fighters loyal to the regime"; ``data/sides.json``).

:func:`background` tells figures that are not about the event at all ("since the war
began", "last year's quake") and :func:`measure_fits` figures whose clause names another
quantity than the measure the NLP gave them (hostages, people in hospital, troops
deployed, homes without power, delegates or votes read as deaths or crowds; deaths read as
missing; refugees a country admits read as people displaced): these are never
compared, so upstream slips do not become verdicts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache, lru_cache
from importlib import resources

from newsprov.analysis.names import name_key

__all__ = [
    "background",
    "clause",
    "counts_civilians",
    "days_before",
    "kind_of",
    "locate",
    "measure_fits",
    "place_scope",
    "placed_in",
    "side_of",
]

_CLAUSE_BREAK = re.compile(r"[;:]\s|—|\s-\s|,\s(?:while|but|and|whereas)\s|\.\s")
_REGION = r"province|region|state|governorate|district|county|prefecture|oblast|department"
_CITY = r"city|town|village|municipality|neighbou?rhood|suburb|camp"
_SITE = (
    r"monastery|hospital|school|mosque|church|temple|market|building|stadium|prison|mine|"
    r"factory|plant|hotel|concert|festival|club|shelter|bridge|station|base|compound|"
    r"warehouse|ward|bus|train|ship|boat|vessel|plane|aircraft"
)
_NAME = r"([A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*)"
# "in an eastern Syrian town": one town, not named
_CITY_UNNAMED = re.compile(
    rf"\b(?:in|at|near)\s+(?:a|an|one)\s+(?:[\w'-]+\s+){{0,3}}?(?:{_CITY})\b", re.I
)
_THE = r"(?:(?i:the)\s+)?"
_REGION_AFTER = re.compile(rf"\b(?i:in|across|of)\s+{_THE}{_NAME}\s+(?i:{_REGION})\b")
_REGION_BEFORE = re.compile(rf"\b(?i:in|across)\s+{_THE}(?i:{_REGION})\s+of\s+{_NAME}")
_CITY_BEFORE = re.compile(rf"\b(?i:in|at|near)\s+{_THE}(?i:{_CITY})\s+of\s+{_NAME}")
# "the Sawtooth Fire in San Bernardino County": the place of the event, not a part of it
_EVENT_BEFORE = re.compile(
    r"\b(?:fire|wildfire|blaze|quake|earthquake|flood(?:ing|s)?|storm|hurricane|cyclone|"
    r"attack|fighting|clashes|protests?|march|rally|stampede|explosion|blast)\s*$",
    re.I,
)
_SITE_WORD = re.compile(
    rf"\b(?:at|in|inside|on|aboard|near)\s+(?:a|an|the|one|one single|a single|that|this)\s+"
    rf"(?:[\w'-]+\s+){{0,2}}?({_SITE})s?\b",
    re.I,
)
_DAY = re.compile(
    r"\b(?:on|during)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"that day|the day)\s+alone\b|\balone\s+on\b|\bin the (?:past|last|previous) 24 hours\b|"
    r"\bovernight\b|\b(?:a|per|each) day\b|\bdaily\b|\bon the first day\b|\bin a single day\b",
    re.I,
)
_VERIFIED = re.compile(
    r"\bverif(?:y|ied|ies)\b|\bdocumented\b|\bidentified\b|\bable to (?:confirm|verify)\b|"
    r"\bconfirmed (?:by name|individually)\b|\bnamed victims\b",
    re.I,
)
_PROJECTION = re.compile(
    r"\bcould (?:rise|climb|reach|exceed|top)\b|\bexpected to\b|\bmay (?:rise|climb|reach)\b|"
    r"\bfeared (?:to )?(?:rise|climb)\b|\bproject(?:ed|ion|s)\b|\bforecast\b|\bcould be as\b|"
    r"\bwould (?:rise|reach)\b|\blikely to (?:rise|climb|reach)\b",
    re.I,
)
# a figure the clause itself says was replaced ("up from the modeler's earlier estimate of
# $3 billion", "an initial estimated range")
_SUPERSEDED = re.compile(
    r"\b(?:earlier|initial|previous|prior|original|first)\s+(?:([\w-]+)\s+)?"
    r"(?:estimates?|count|toll|figures?|projection|forecast|range|tally)\b",
    re.I,
)
# "the previous 30-day toll", "last month's count": another period's figure, not an earlier
# figure for the same quantity
_PERIOD = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|ten|thirty)-(?:day|week|month|year)$|"
    r"^(?:daily|weekly|monthly|annual|yearly|quarterly|day's|week's|month's|year's)$",
    re.I,
)
# "up from 30", "rose from 30 to 50", "revised upward from": the number right after is the
# source's earlier figure (at most a few words between: "up from its estimate of")
_FROM = re.compile(
    r"\b(?:up|down|rose|risen|rising|increased|increasing|raised|climbed|jumped|grew|"
    r"revised|upgraded|downgraded|lowered|cut)\s+(?:[\w'’-]+\s+){0,3}?from\s+"
    r"(?:[\w'’-]+\s+){0,5}$",
    re.I,
)
_DIGITS = re.compile(r"\d")
# "the quake, which struck three days ago, has killed 40": when the event happened, not
# when the figure was given
_EVENT_TIME = re.compile(
    r"\b(?:struck|hit|began|started|erupted|occurred|happened|broke out|made landfall|"
    r"exploded|collapsed|quake|earthquake|attack|blast|explosion|storm|hurricane|fire|"
    r"strike|raid|crash|flood(?:ing|s)?)\s+(?:[\w,]+\s+){0,2}$",
    re.I,
)
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
# "In March, the coalition said ...": a statement of an earlier month (not "may" the verb)
_MONTH = re.compile(
    r"\b(?i:in|during|by)\s+(?:early\s+|late\s+|mid-?)?"
    r"((?i:january|february|march|april|june|july|august|september|october|november|"
    r"december)|May)\b(?:\s+((?:19|20)\d\d)\b)?"
)
_NOW = re.compile(r"\b(?:now|currently|latest|as of today|this morning|today)\b", re.I)
_SMALL = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
_N = r"(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)"
# when a statement the clause reports was made, in days before the article ("less than a
# week ago, the firm estimated ..."); "this week" / "this month" depend on the article's date
_RELATIVE = (
    (re.compile(rf"\b{_N}\s+days?\s+(?:ago|earlier)\b", re.I), 1),
    (re.compile(rf"\b{_N}\s+weeks?\s+(?:ago|earlier)\b", re.I), 7),
    (re.compile(r"\b(?:less than|under|nearly|almost|not even)\s+a\s+week\s+ago\b", re.I), 6),
    (re.compile(r"\blast week\b|\bthe (?:previous|prior) week\b|\ba week ago\b", re.I), 7),
    (re.compile(r"\byesterday\b|\bthe (?:day before|previous day|prior day)\b", re.I), -1),
    (re.compile(r"\bearlier (?:this|in the) week\b", re.I), -7),
    (re.compile(r"\bearlier (?:this|in the) month\b", re.I), -30),
)
_ESTIMATE = re.compile(r"\bestimat\w*\b|\bbelieved\b|\bthought to\b|\bfeared\b|\bpresumed\b", re.I)
_BACKGROUND = re.compile(
    r"\bsince the (?:war|conflict|invasion|uprising|revolution)\b|"
    r"\bsince the (?:start|beginning|outbreak) of the (?:war|conflict|invasion)\b|"
    r"\bsince (?:19|20)\d\d\b|\bwar-wide\b|\bthroughout the war\b|"
    r"\bin the (?:entire|whole) (?:war|conflict)\b|"
    r"\bover the (?:past|last) (?:\w+ )?(?:years|decades)\b|\b(?:last|previous) year'?s?\b|"
    # "killed 130 people in Paris last November": another month's event
    r"\blast (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|spring|summer|fall|autumn|winter)\b|\b(?:a|one|two|\d+) years? ago\b|"
    # "reports at the time said more than 200": what was said then, of an earlier moment
    r"\bat the time\b(?! of (?:writing|publication|going to press))",
    re.I,
)
# clause words of each measure: a figure whose clause has another measure's words and none
# of its own counts something else (the NLP read "hostages" or "in hospital" as deaths)
_WORDS = {
    "deaths": r"kill\w*|dead|died|dies|death\w*|toll|bodies|lives|fatalit\w*|perish\w*|"
    r"slain|massacre\w*",
    "injuries": r"injur\w*|wound\w*|hurt|hospitali[sz]\w*|treated",
    "missing": r"missing|unaccounted|disappear\w*",
    "displaced": r"displac\w*|fled|flee\w*|homeless|refugees?|evacuat\w*|shelters?",
    "arrests": r"arrest\w*|detain\w*|detention|custody|held",
    "crowd-size": r"crowds?|rall(?:y|ies)|protest\w*|marche[drs]|marching|(?-i:march)|"
    r"demonstrat\w*|gather\w*|attend\w*|turnout|turned out|audience|packed|filled|cheer\w*|"
    r"supporters",
}
_ELSEWHERE = re.compile(
    r"hostages?|captiv\w*|abduct\w*|kidnap\w*|(?:in|to) hospital|hospitali[sz]\w*|troops|"
    r"soldiers deployed|"
    r"deployed|without (?:power|electricity)|power outage|customers|injur\w*|wounded|missing|"
    r"arrest\w*|detain\w*|displac\w*|evacuat\w*|rescued|delegates?|votes?|ballots?|voters",
    re.I,
)
# refugees a country admits are a quota or a policy's count, not people the event displaced
_ADMITTED = re.compile(
    r"\b(?:admit\w*|accept\w*|take in|taking in|took in|let in|resettl\w*|welcom\w*)\b", re.I
)
_KILLED = re.compile(r"\b(?:killed|dead|died)\b", re.I)


_COORDINATOR = re.compile(r",?\s(?:and|but|while|whereas)\s", re.I)
_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"hundreds?|thousands?|millions?)\b",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")


def clause(sentence: str, number_text: str, start: int | None = None) -> str:
    """The clause of ``sentence`` holding the number phrase (the whole sentence if absent).

    Besides punctuation, "and", "but", "while" end the clause where they join the number's
    part to another number's ("80 people were killed and 18 others were injured": the 18
    are the injured), though not inside a range ("between 800 and 1,000 people") nor a
    breakdown sharing its words ("745 civilians and 125 soldiers were killed in X")."""
    at = locate(sentence, number_text)
    if at < 0:
        return sentence
    end = at + len(number_text)
    starts = [m.end() for m in _CLAUSE_BREAK.finditer(sentence[:at])]
    stop = _CLAUSE_BREAK.search(sentence, end)
    first, last = (starts[-1] if starts else 0), stop.start() if stop else len(sentence)
    for m in _COORDINATOR.finditer(sentence, first, last):
        if m.end() <= at and _numbered_part(sentence[first : m.start()]):
            first = m.end()
        elif (
            m.start() >= end
            and _NUMBER.search(sentence, m.end(), last)
            and _says_more(sentence[end : m.start()])
        ):
            last = m.start()
            break
    return sentence[first:last]


def locate(sentence: str, number_text: str) -> int:
    """Where the number phrase starts in ``sentence`` (-1 if absent): a whole number, so
    "12" is not found inside "1,512"."""
    if not number_text:
        return -1
    if _caseless(number_text):
        return _find_whole(sentence, number_text)
    if number_text.isascii() and sentence.isascii():  # ignoring case is lowering both
        return _find_whole(sentence.lower(), number_text.lower())
    whole, anywhere = _number_patterns(number_text)
    m = whole.search(sentence) or anywhere.search(sentence)
    return m.start() if m else -1


@lru_cache(maxsize=4096)
def _caseless(number_text: str) -> bool:
    """Whether ``number_text`` is ASCII without letters ("1,512", "3.5"): then ignoring
    case changes nothing and its patterns are plain string searches."""
    return number_text.isascii() and not any(c.isalpha() for c in number_text)


def _find_whole(sentence: str, number_text: str) -> int:
    """``locate`` for a caseless phrase without compiling its patterns: the first place
    it stands whole (no word character, period or comma just before, no word character
    just after, as the pattern's look-arounds say), else the first place it occurs."""
    first = at = sentence.find(number_text)
    size, end = len(number_text), len(sentence) - len(number_text)
    while at >= 0:
        before = sentence[at - 1] if at else " "
        after = sentence[at + size] if at < end else " "
        if not _word(before) and before not in ".," and not _word(after):
            return at
        at = sentence.find(number_text, at + 1)
    return first


def _word(char: str) -> bool:
    """Whether ``char`` is what ``\\w`` matches (a letter, digit or underscore, in Unicode)."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=4096)
def _number_patterns(number_text: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``locate``'s patterns, compiled once per number phrase (as ``re.search`` would, but
    one per phrase floods re's own cache, and every other pattern is compiled again)."""
    escaped = re.escape(number_text)
    return re.compile(rf"(?<![\w.,]){escaped}(?![\w])", re.I), re.compile(escaped, re.I)


def _numbered_part(text: str) -> bool:
    """Whether ``text`` holds a number followed by a statement of its own ("80 people were
    killed"), not just the low end of a range ("between 800") or one part of a breakdown
    whose words come after ("745 civilians and 125 soldiers were killed in X")."""
    numbers = list(_NUMBER.finditer(text))
    return bool(numbers) and _says_more(text[numbers[-1].end() :])


def _says_more(text: str) -> bool:
    """Whether the words after a number are more than its counted noun: two or more."""
    return len(_WORD.findall(text)) >= 2


def _slug(name: str) -> str:
    return name_key(name).replace(" ", "-")


_EACH = re.compile(
    r"\b(?:at|in|for|from|to) (?:each|every)\b|\bapiece\b|\beach (?:location|site|place|"
    r"state|town|city|village|attack)\b|\bper (?:state|county|city|town|person|household|"
    r"family|site|location)\b",
    re.I,
)


# "since operations against IS began", "since the coalition began bombing", "the overall
# toll from the campaign": a campaign's running total, not the event's own count ("the
# overall death toll from the quake" is the event's)
_SINCE_START = re.compile(
    r"\bsince\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:campaign|operations?|"
    r"bombing|(?:air\s?)?strikes|air-strikes|raids|intervention|mission|offensive|coalition)\b"
    r"(?:\s+[\w-]+){0,3}?\s+(?:began|started|begun|was launched|were launched)\b|"
    r"\b(?:overall|cumulative|running)\s+(?:[\w-]+\s+){0,2}?(?:toll|tally|total|count)\s+"
    r"(?:from|of|in)\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:campaign|operations?|"
    r"bombing|(?:air\s?)?strikes|air-strikes|raids|intervention)\b",
    re.I,
)


def place_scope(text: str) -> str:
    """``event``, ``day``, or ``region:x`` / ``city:x`` / ``site:x`` for the part of the
    event the clause ``text`` counts: "64 killed in Dalmir province" counts a province;
    "the Sawtooth Fire in San Bernardino County" only says where the event is. (Claims
    then treat the event's own dominant places as the whole event.)"""
    if _SINCE_START.search(text):
        return "since-start"
    if _DAY.search(text):
        return "day"
    if _EACH.search(text):
        return "each"
    site = _SITE_WORD.search(text)
    if site:
        return f"site:{site.group(1).lower()}"
    if _CITY_UNNAMED.search(text):
        return "city:unnamed"
    for level, pattern in (
        ("region", _REGION_AFTER),
        ("region", _REGION_BEFORE),
        ("city", _CITY_BEFORE),
    ):
        m = pattern.search(text)
        if m and not _EVENT_BEFORE.search(text[: m.start()]):
            return f"{level}:{_slug(m.group(1))}"
    return "event"


@lru_cache(maxsize=1024)
def _in_place(place: str) -> re.Pattern[str]:
    return re.compile(rf"\bin (?:the )?(?:neighbou?ring )?{re.escape(place)}\b", re.I)


def placed_in(text: str, place: str) -> bool:
    """Whether ``text`` puts a count "in" ``place`` (not "the fire in ``place``")."""
    found = _in_place(place).finditer(text)
    return any(not _EVENT_BEFORE.search(text[: m.start()]) for m in found)


def kind_of(text: str, number_text: str = "") -> str:
    """``earlier``, ``superseded``, ``verified``, ``projection``, ``estimate`` or ``count``
    for a figure's clause. ``earlier`` is the source's own earlier figure for the same
    quantity, which the clause says was replaced ("up from its earlier estimate of $3
    billion", "an initial estimated range", "rose to 50, up from 30": ``number_text`` is
    the figure's number phrase); ``superseded`` another period's ("the previous 30-day
    toll")."""
    at = locate(text, number_text) if number_text else -1
    for m in _SUPERSEDED.finditer(text):
        # the phrase names this number: before it, no other number between
        if at < 0 or (m.end() <= at and not _DIGITS.search(text, m.end(), at)):
            return "superseded" if m.group(1) and _PERIOD.match(m.group(1)) else "earlier"
    if at > 0 and _FROM.search(text[:at]):
        return "earlier"
    if _VERIFIED.search(text):
        return "verified"
    if _PROJECTION.search(text):
        return "projection"
    if _ESTIMATE.search(text):
        return "estimate"
    return "count"


def days_before(text: str, article: dt.date, number_text: str = "") -> int | None:
    """How many days before an article dated ``article`` the clause says its statement was
    made ("three days ago" 3, "less than a week ago" 6, "last week" 7, "earlier this week"
    back to the week's Monday, at least 1; "in March" back to March's last day), or None
    when it says nothing of it or says
    "now" nearer the number ("which raised it last week, now says $225 billion"). The
    phrase nearest before the number (``number_text``) counts, else the first after it."""
    marks: list[tuple[int, int, int | None]] = []  # (start, end, days or None for "now")
    for pattern, unit in _RELATIVE:
        for m in pattern.finditer(text):
            if not _EVENT_TIME.search(text, max(0, m.start() - 50), m.start()):
                marks.append((m.start(), m.end(), _days(m, unit, article)))
    for m in _MONTH.finditer(text):
        back = _month_days(m, article)
        if back and not _EVENT_TIME.search(text, max(0, m.start() - 50), m.start()):
            marks.append((m.start(), m.end(), back))
    marks += [(m.start(), m.end(), None) for m in _NOW.finditer(text)]
    marks = [
        mk
        for mk in marks
        if not any(o[0] <= mk[0] and mk[1] <= o[1] and o != mk for o in marks)  # "a week ago"
    ]  # inside "less than a week ago"
    if not marks:
        return None
    at = locate(text, number_text) if number_text else -1
    before = [mk for mk in marks if mk[1] <= at]
    chosen = max(before) if before else min(marks)
    return chosen[2]


def _month_days(m: re.Match[str], article: dt.date) -> int | None:
    """Days from the end of the month "in March" names (this year's, else last year's;
    the year given if one is) back from the article; None for the article's own month."""
    month = _MONTHS.index(m.group(1).lower()) + 1
    year = int(m.group(2)) if m.group(2) else article.year
    if not m.group(2) and month > article.month:
        year -= 1
    if (year, month) >= (article.year, article.month):
        return None
    end = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return (article - end).days


def _days(m: re.Match[str], unit: int, article: dt.date) -> int:
    if unit == -1:
        return 1
    if unit == -7:
        return max(1, article.weekday())
    if unit == -30:
        return max(1, article.day - 1)
    if m.groups():
        word = m.group(1).lower()
        return unit * (int(word) if word.isdigit() else _SMALL[word])
    return unit


def background(text: str) -> bool:
    """Whether the clause states a figure from outside the event (war-wide, years before)."""
    return bool(_BACKGROUND.search(text))


def measure_fits(measure: str, text: str) -> bool:
    """False when the clause names another quantity (another measure's words, or hostages,
    hospital, troops, power cuts) and none of ``measure``'s own words."""
    own = _WORDS.get(measure)
    if own is None:
        return True
    if measure == "displaced" and _ADMITTED.search(text):
        return False
    if re.search(rf"\b(?:{own})\b", text, re.I):
        return not (measure == "missing" and _KILLED.search(text))
    others = "|".join(w for m, w in _WORDS.items() if m != measure)
    return not (_ELSEWHERE.search(text) or re.search(rf"\b(?:{others})\b", text, re.I))


# --- sides: whose fighters a count counts ---------------------------------------------

# the counted noun phrase after a number ends at a verb, a preposition of place or time,
# or punctuation: "eight fighters loyal to the regime | were killed", "35 civilians | in an
# IS-held town"
_PHRASE_END = re.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:were|was|are|is|have|has|had|been|be|being|killed|"
    r"died|dead|said|says|according|in|at|near|on|during|across|after|before|when|while|"
    r"since|by|as|and|but|including|among)\b",
)
_PHRASE_WORDS = 10


_Sides = tuple[tuple[tuple[re.Pattern[str], str], ...], re.Pattern[str], re.Pattern[str]]


@cache
def _side_table() -> _Sides:
    """(form pattern, side id) pairs, longest form first; the allegiance pattern ("loyal to
    NAME"); the suffix pattern ("NAME-backed"). From ``data/sides.json``."""
    data = json.loads(resources.files("newsprov.data").joinpath("sides.json").read_text("utf-8"))
    not_after = "|".join(map(re.escape, data["not_after"]))
    forms = sorted(
        ((form, side) for side, names in data["sides"].items() for form in names),
        key=lambda fs: -len(fs[0]),
    )
    patterns = []
    for form, side in forms:
        acronym = form.isupper()
        body = re.escape(form).replace(r"\ ", r"\s+")
        flags = 0 if acronym else re.I
        patterns.append(
            (
                re.compile(
                    rf"(?<![\w-]){body}(?![\w])(?!-(?:{not_after})\b)(?!\s+(?:{not_after})\b)",
                    flags,
                ),
                side,
            )
        )
    allegiance = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in data["allegiance"])
    suffixes = "|".join(map(re.escape, data["suffixes"]))
    return (
        tuple(patterns),
        re.compile(rf"\b(?i:{allegiance})\s+{_THE}{_NAME}"),
        re.compile(rf"(?<![\w-])([A-Z][\w.']*)-(?i:{suffixes})\b"),
    )


def _counted_phrase(text: str) -> str:
    """The words after a number up to its verb or a place ("ISIS fighters", "fighters
    loyal to the Syrian regime"), at most ``_PHRASE_WORDS`` words."""
    stop = _PHRASE_END.search(text)
    phrase = text[: stop.start()] if stop else text
    return " ".join(phrase.split()[:_PHRASE_WORDS])


# "brought the overall civilian toll ... to 1,481": the number counts civilians
_CIVILIAN_TOLL = re.compile(
    r"\bcivilian\s+(?:death\s+)?(?:toll|deaths|casualties|fatalities)\b[^\d.;]{0,80}?"
    r"\b(?:to|at|of|is|was|reached|hit|stands\s+at|stood\s+at)\s+(?:[a-z]+\s+){0,2}$",
    re.I,
)


def counts_civilians(text: str, number_text: str) -> bool:
    """Whether the clause gives the number as a civilian toll ("the civilian death toll
    rose to 90"), whatever noun follows it (none, usually)."""
    at = locate(text, number_text)
    return at > 0 and bool(_CIVILIAN_TOLL.search(text[:at]))


def side_of(text: str, number_text: str) -> str:
    """The side of a conflict whose people the number counts, from the words after it
    ("122 ISIS fighters" -> ``islamic-state``, "eight fighters loyal to the regime" ->
    ``government``, "30 Iranian-backed militiamen" -> ``iranian``), or "" when none is
    named ("40 fighters", "35 civilians in an IS-held town"). Sides are listed in
    ``data/sides.json``; an allegiance to an unlisted name is that name's side."""
    at = locate(text, number_text)
    if at < 0:
        return ""
    phrase = _counted_phrase(text[at + len(number_text) :])
    if not phrase:
        return ""
    forms, allegiance, suffix = _side_table()
    hits = [(m.start(), side) for pattern, side in forms if (m := pattern.search(phrase))]
    if hits:
        return min(hits)[1]
    m = allegiance.search(phrase) or suffix.search(phrase)
    return _slug(m.group(1)) if m else ""
