"""The attribution cue lexicon: which words introduce whose words, as data.

``CueLexicon`` is frozen and built once per pipeline from ``lexicon/attribution.json``
(or a file named in the component's config); rule code never holds word lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

__all__ = ["CueLexicon", "load_cues", "stems"]


@dataclass(frozen=True, slots=True)
class CueLexicon:
    """Attribution cues (see ``lexicon/attribution.json`` for what each list means)."""

    verbs: frozenset[str]
    intention_verbs: frozenset[str]
    via_verbs: frozenset[str]
    object_source_verbs: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    dashes: frozenset[str]
    not_sources: frozenset[str]
    document_nouns: frozenset[str]
    frame_documents: frozenset[str]
    agent_suffixes: tuple[str, ...]
    not_agents: frozenset[str]
    speaker_nouns: frozenset[str]
    claim_nouns: frozenset[str] = frozenset()
    object_not_speech: frozenset[str] = frozenset()
    phrasal_verbs: frozenset[tuple[str, str]] = frozenset()
    quantity_heads: frozenset[str] = frozenset()
    contrast_marks: frozenset[str] = frozenset()
    document_verbs: frozenset[str] = frozenset()
    issuing_verbs: frozenset[str] = frozenset()
    tally_verbs: frozenset[str] = frozenset()

    def is_cue_verb(self, lemma: str, word: str) -> bool:
        """Is the verb a cue, by its lemma or, where the lemmatizer errs ("rated" ->
        "rat"), by the stems of its inflected form?"""
        return lemma in self.verbs or any(stem in self.verbs for stem in stems(word))

    def is_document(self, lemma: str, word: str) -> bool:
        """Does a noun name a document or finding ("the poll", "exit polling", "surveys")?"""
        return lemma in self.document_nouns or any(s in self.document_nouns for s in stems(word))

    def names_speaker(self, lemma: str, word: str) -> bool:
        """Can a noun name a speaker or a speaking document ("the announcer", "the poll")?"""
        if self.is_document(lemma, word) or lemma in self.speaker_nouns:
            return True
        if word in self.speaker_nouns:
            return True  # a word the lemmatizer reads as another ("media" as "medium")
        if lemma in self.not_agents or word in self.not_agents:
            return False
        return word.endswith(self.agent_suffixes) or lemma.endswith(self.agent_suffixes)


@lru_cache(maxsize=1 << 16)
def stems(word: str) -> tuple[str, ...]:
    """Candidate base forms of an inflected English verb: "rated" -> "rate", "planned" ->
    "plan", "says" -> "say", "carried" -> "carry", "quoting" -> "quote" (worked out once
    per word: the rules ask for the same words' stems some 150 times an article)."""
    out = [word]
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            base = word[: -len(suffix)]
            out += [base, base + "e"]
            if len(base) > 2 and base[-1] == base[-2]:
                out.append(base[:-1])
            if base.endswith("i"):
                out.append(base[:-1] + "y")
    return tuple(dict.fromkeys(out))


def load_cues(path: str | Path | None = None) -> CueLexicon:
    """The lexicon at ``path``, else the packaged ``lexicon/attribution.json`` (read once:
    the lexicon is frozen, and every article asks for it)."""
    if path is None:
        return _packaged()
    return _parse(Path(path).read_text(encoding="utf-8"))


@cache
def _packaged() -> CueLexicon:
    raw = resources.files("newsprov.nlp").joinpath("lexicon/attribution.json")
    return _parse(raw.read_text(encoding="utf-8"))


def _parse(raw: str) -> CueLexicon:
    data = json.loads(raw)
    return CueLexicon(
        verbs=frozenset(data["verbs"]),
        intention_verbs=frozenset(data["intention_verbs"]),
        via_verbs=frozenset(data["via_verbs"]),
        object_source_verbs=frozenset(data["object_source_verbs"]),
        phrases=tuple(tuple(p) for p in data["phrases"]),
        dashes=frozenset(data["dashes"]),
        not_sources=frozenset(data["not_sources"]),
        document_nouns=frozenset(data["document_nouns"]),
        frame_documents=frozenset(data["frame_documents"]),
        agent_suffixes=tuple(data["agent_suffixes"]),
        not_agents=frozenset(data["not_agents"]),
        speaker_nouns=frozenset(data["speaker_nouns"]),
        claim_nouns=frozenset(data.get("claim_nouns", [])),
        object_not_speech=frozenset(data.get("object_not_speech", [])),
        quantity_heads=frozenset(data.get("quantity_heads", [])),
        contrast_marks=frozenset(data.get("contrast_marks", [])),
        document_verbs=frozenset(data.get("document_verbs", [])),
        issuing_verbs=frozenset(data.get("issuing_verbs", [])),
        tally_verbs=frozenset(data.get("tally_verbs", [])),
        phrasal_verbs=frozenset(
            (lemma, particle)
            for lemma, particle in (p.split() for p in data.get("phrasal_verbs", []))
        ),
    )
