"""The cue lexicon: data, loaded once, matched by lemma or by stem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprov.nlp.cues import load_cues, stems

CUES = load_cues()


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("rated", "rate"),
        ("planned", "plan"),
        ("says", "say"),
        ("carried", "carry"),
        ("quoting", "quote"),
        ("told", "told"),
    ],
)
def test_stems(word, base):  # type: ignore[no-untyped-def]
    assert base in stems(word)


@pytest.mark.parametrize(
    ("lemma", "word", "expected"),
    [
        ("say", "said", True),
        ("rat", "rated", True),
        ("estimate", "estimates", True),
        ("burn", "burned", False),
        ("die", "died", False),
    ],
)
def test_cue_verbs(lemma, word, expected):  # type: ignore[no-untyped-def]
    assert CUES.is_cue_verb(lemma, word) is expected


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("announcer", True),
        ("economist", True),
        ("poll", True),
        ("aide", True),
        ("number", False),
        ("water", False),
        ("toll", False),
        ("placard", False),
    ],
)
def test_nouns_that_can_speak(noun, expected):  # type: ignore[no-untyped-def]
    assert CUES.names_speaker(noun, noun) is expected


@pytest.mark.parametrize(
    ("lemma", "word", "expected"),
    [
        ("poll", "poll", True),
        ("polling", "polling", True),  # the lemmatizer keeps the gerund
        ("survey", "surveys", True),
        ("official", "officials", False),
        ("storm", "storm", False),
    ],
)
def test_documents(lemma, word, expected):  # type: ignore[no-untyped-def]
    assert CUES.is_document(lemma, word) is expected


def test_custom_lexicon_file(tmp_path: Path):  # type: ignore[no-untyped-def]
    raw = json.loads(
        Path(__file__).parents[2].joinpath("src/newsprov/nlp/lexicon/attribution.json").read_text()
    )
    raw["verbs"] = ["murmur"]
    path = tmp_path / "cues.json"
    path.write_text(json.dumps(raw))
    cues = load_cues(path)
    assert cues.is_cue_verb("murmur", "murmured") and not cues.is_cue_verb("say", "said")
    with pytest.raises(AttributeError):
        cues.verbs = frozenset()  # type: ignore[misc]
