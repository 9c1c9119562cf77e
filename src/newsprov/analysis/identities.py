"""Sources as identities: a source's names, its people and its channels are one source.

Entity clustering (:mod:`newsprov.analysis.clusters`) already merges the spellings of one
name. Within one event, this module also resolves to one *identity*:

- **its people**: a person the event's sentences tie to an organisation by a role
  ("Rami Abdel Rahman, founder of the Syrian Observatory", "SOHR head Rami Abdel
  Rahman", "the junta's spokesman Zaw Min Tun") speaks for it;
- **its descriptions**: an unnamed "monitor" or "war monitor" is the one monitoring body
  (an observatory or monitor) the event names, when there is exactly one;
- **its channels**: a state news agency, state television or state media relays the
  event's government, when the event has exactly one government source (junta,
  government, military, ministry ...);
- **its armed forces**: a country's military ("the U.S. military", "American forces") and
  its defence establishment ("the Pentagon", "CENTCOM"; ``data/militaries.json``) are one
  source, and so is a coalition the event's sentences say that country leads ("the
  U.S.-led coalition", "the coalition, led by the United States", "the US and its
  coalition partners") with the operations it runs ("Operation ..."), when the sentences
  name exactly one leader.

So a source's rising toll is one timeline (revisions), never a conflict with itself.
Links are only made when exactly one target qualifies: an ambiguous role joins nothing.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["ROLE_WORDS", "resolve_identities"]

ROLE_WORDS = (
    r"founder|co-?founder|head|director|chief|chairman|chairwoman|chair|president|leader|"
    r"spokes(?:man|woman|person)|minister|secretary|commander|coordinator|official|"
    r"representative|member|officer|executive|manager|governor"
)
_GOVERNMENT = re.compile(
    r"\b(?:government|junta|military|army|ministry|minister|authorities|regime|cabinet|"
    r"presidency|state administration council|armed forces|defen[cs]e forces|police)\b",
    re.I,
)
_CHANNEL = re.compile(
    r"\bstate(?:-run|-owned| run| owned)?\s+(?:news agency|media|television|tv|broadcaster|"
    r"radio|newspaper|press|news)\b|\bofficial news agency\b",
    re.I,
)
_MONITOR = re.compile(r"\b(?:monitor|monitoring|observatory|watchdog)\b", re.I)


_PERSON_THEN_ORG = re.compile(
    rf",?\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){{0,2}}(?:{ROLE_WORDS})\s+(?:of|at|for)\s+(?:the\s+)?",
    re.I,
)
_ORG_THEN_PERSON = re.compile(rf"(?:'s|’s)?\s+(?:[\w-]+\s+){{0,2}}(?:{ROLE_WORDS}),?\s+", re.I)
_PAREN_OPEN, _PAREN_CLOSE = re.compile(r"\s*\(\s*"), re.compile(r"\s*\)")


def _spans(lower: str, name: str) -> list[tuple[int, int]]:
    """Where ``name`` occurs in the lower-cased sentence."""
    key, out, at = name.lower(), [], 0
    while key and (at := lower.find(key, at)) >= 0:
        out.append((at, at + len(key)))
        at += 1
    return out


def _role_link(sentence: str, person: str, org_names: Iterable[str]) -> bool:
    """Whether ``sentence`` ties ``person`` to one of ``org_names`` by a role word: "P,
    founder of O", "O's spokesman P", "P (O)". The words between the two names are
    matched by fixed patterns (one compiled regex each, whatever the names)."""
    lower = sentence.lower()
    people = _spans(lower, person)
    for org in org_names:
        for ps, pe in people:
            for os_, oe in _spans(lower, org):
                if pe <= os_ and _PERSON_THEN_ORG.fullmatch(sentence, pe, os_):
                    return True
                if oe <= ps and _ORG_THEN_PERSON.fullmatch(sentence, oe, ps):
                    return True
                if (
                    pe <= os_
                    and _PAREN_OPEN.fullmatch(sentence, pe, os_)
                    and _PAREN_CLOSE.match(sentence, oe)
                ):
                    return True
    return False


def _people(
    sentences: Iterable[str],
    sources: Mapping[str, tuple[str, str, frozenset[str]]],
) -> dict[str, str]:
    """Person IRI -> organisation IRI for people the sentences tie to exactly one."""
    people = {i: names for i, (kind, _, names) in sources.items() if kind == "Person"}
    orgs = {i: names for i, (kind, _, names) in sources.items() if kind != "Person"}
    links: dict[str, set[str]] = defaultdict(set)
    for sentence in sentences:
        lower = sentence.lower()
        here = _named_in(lower, people)
        if not here:
            continue
        for org in _named_in(lower, orgs):
            for person in here:
                if org in links[person]:
                    continue
                if any(_role_link(sentence, p, orgs[org]) for p in people[person]):
                    links[person].add(org)
    return {p: next(iter(o)) for p, o in links.items() if len(o) == 1}


def _named_in(lower: str, names: Mapping[str, frozenset[str]]) -> list[str]:
    """The IRIs among ``names`` one of whose names the (lower-cased) sentence contains:
    a role link needs both names in one sentence, so only those pairs are tried (a
    political event names hundreds of people and organisations in thousands of sentences)."""
    return sorted(i for i, ns in names.items() if any(n.lower() in lower for n in ns if n))


def _single(
    sources: Mapping[str, tuple[str, str, frozenset[str]]], pattern: re.Pattern[str]
) -> str | None:
    hits = [
        i
        for i, (kind, label, names) in sources.items()
        if kind != "Person" and any(pattern.search(n) for n in names | {label})
    ]
    return hits[0] if len(hits) == 1 else None


def _alternatives(forms: Iterable[str]) -> str:
    """One regex alternation of ``forms``, longest first; forms in capitals ("US", "IDF")
    match case-sensitively, the others in any case."""
    out = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        body = re.escape(form).replace(r"\ ", r"\s+")
        out.append(f"(?-i:{body})" if form.isupper() else body)
    return "|".join(out)


@dataclass(frozen=True, slots=True)
class _Forces:
    country: dict[str, re.Pattern[str]]  # country key -> its forces' names
    leader: list[tuple[re.Pattern[str], str]]  # "X-led coalition" patterns -> country key
    coalition: re.Pattern[str]  # a coalition's or an operation's name


_LEADS = re.compile(r"\bled\b|\bpartners\b|\ballies\b", re.I)
_BOUND = r"(?<![\w.-])"
_END = r"(?![\w-])"


@cache
def _forces() -> _Forces:
    """Patterns of ``data/militaries.json``."""
    text = resources.files("newsprov.data").joinpath("militaries.json").read_text("utf-8")
    data = json.loads(text)
    words = _alternatives(data["military_words"])
    coalition = _alternatives(data["coalition"])
    country, leader = {}, []
    for key, entry in data["countries"].items():
        names = _alternatives(entry["names"])
        defence = _alternatives(entry["defence"])
        country[key] = re.compile(
            rf"{_BOUND}(?:(?:{names})(?:'s|’s)?\s+(?:{words})|{defence}){_END}", re.I
        )
        leader.append(
            (
                re.compile(
                    rf"{_BOUND}(?:the\s+)?(?:{names})[\s-]+led\s+(?:[\w-]+\s+){{0,2}}(?:{coalition})\b|"
                    rf"\b(?:{coalition}),?\s+(?:which\s+is\s+)?led\s+by\s+(?:the\s+)?(?:{names}){_END}|"
                    rf"{_BOUND}(?:the\s+)?(?:{names})\s+and\s+its\s+(?:{coalition}\s+)?"
                    r"(?:partners|allies)\b",
                    re.I,
                ),
                key,
            )
        )
    operations = _alternatives(data["operation_prefixes"])
    named = re.compile(
        rf"^(?:the\s+)?(?:[\w.-]+[\s-]+led\s+)?(?:(?:international|global|military|western|"
        rf"anti-[\w-]+|multinational)\s+)*(?:{coalition})(?:\s+(?:forces|officials?|command|"
        rf"spokes(?:man|woman|person)|headquarters|against\b.*|to\s+(?:defeat|counter)\b.*))?$|"
        rf"^(?:{operations})\s+[A-Z]",
        re.I,
    )
    return _Forces(country, leader, named)


def _armed_forces(
    sentences: Iterable[str], sources: Mapping[str, tuple[str, str, frozenset[str]]]
) -> list[list[str]]:
    """Groups of organisation IRIs that are one country's armed forces, with the coalition
    the sentences say it leads (see the module doc): its forces first, then the coalition's
    names, each sorted."""
    forces = _forces()
    orgs = {i: names | {label} for i, (kind, label, names) in sources.items() if kind != "Person"}
    by_country: dict[str, list[str]] = defaultdict(list)
    for iri, names in sorted(orgs.items()):
        hits = {c for c, p in forces.country.items() if any(p.search(n) for n in names)}
        if len(hits) == 1:
            by_country[hits.pop()].append(iri)
    near = [s for s in sentences if _LEADS.search(s)]  # the few sentences worth the patterns
    leaders = {c for s in near for p, c in forces.leader if p.search(s)}
    if len(leaders) == 1:
        (country,) = leaders
        claimed = {i for members in by_country.values() for i in members}
        coalitions = [
            i
            for i, names in sorted(orgs.items())
            if i not in claimed and any(forces.coalition.search(n.strip()) for n in names)
        ]
        by_country[country].extend(coalitions)
    return [m for m in by_country.values() if len(m) > 1]


def resolve_identities(
    sentences: Iterable[str],
    sources: Mapping[str, tuple[str, str, frozenset[str]]],
    unnamed: Iterable[str] = (),
) -> dict[str, str]:
    """Source IRI -> identity IRI (only sources that resolve to another are listed).

    ``sources`` maps each canonical source of the event to (type, label, names);
    ``unnamed`` lists the anonymous organisations among them ("the war monitor").
    """
    sentences = list(sentences)
    out = _people(sentences, sources)
    anon = set(unnamed)
    named = {i: v for i, v in sources.items() if i not in anon}
    monitor = _single({i: v for i, v in named.items() if not _CHANNEL.search(v[1])}, _MONITOR)
    government = _single(
        {i: v for i, v in named.items() if not _CHANNEL.search(v[1]) and v[0] != "Outlet"},
        _GOVERNMENT,
    )
    for group in _armed_forces(sentences, sources):
        head = next((i for i in group if i not in anon), group[0])  # named forces speak
        for iri in group:
            out.setdefault(iri, head)
    for iri, (_kind, label, names) in sources.items():
        if iri in out:
            continue
        if (
            iri in anon
            and monitor
            and iri != monitor
            and any(_MONITOR.search(n) for n in names | {label})
        ):
            out[iri] = monitor
        elif government and iri != government and any(_CHANNEL.search(n) for n in names | {label}):
            out[iri] = government
    return {k: _follow(out, v) for k, v in out.items() if _follow(out, v) != k}


def _follow(links: Mapping[str, str], iri: str) -> str:
    """Where a chain of links from ``iri`` ends (a spokesman of the military, which is the
    coalition's)."""
    seen = {iri}
    while (nxt := links.get(iri)) is not None and nxt not in seen:
        seen.add(nxt)
        iri = nxt
    return iri
