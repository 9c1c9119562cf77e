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
  government, military, ministry ...).

So a source's rising toll is one timeline (revisions), never a conflict with itself.
Links are only made when exactly one target qualifies: an ambiguous role joins nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

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


def resolve_identities(
    sentences: Iterable[str],
    sources: Mapping[str, tuple[str, str, frozenset[str]]],
    unnamed: Iterable[str] = (),
) -> dict[str, str]:
    """Source IRI -> identity IRI (only sources that resolve to another are listed).

    ``sources`` maps each canonical source of the event to (type, label, names);
    ``unnamed`` lists the anonymous organisations among them ("the war monitor").
    """
    out = _people(sentences, sources)
    anon = set(unnamed)
    named = {i: v for i, v in sources.items() if i not in anon}
    monitor = _single({i: v for i, v in named.items() if not _CHANNEL.search(v[1])}, _MONITOR)
    government = _single(
        {i: v for i, v in named.items() if not _CHANNEL.search(v[1]) and v[0] != "Outlet"},
        _GOVERNMENT,
    )
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
    return {k: v for k, v in out.items() if k != v}
