"""The rule lemmatizer with each word's lemma found once (``newsprov.nlp.lemmas``) gives
every token the lemma spaCy's own component gives it."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from newsprov.nlp.lemmas import CachedLemmas, cache_lemmas

# Invented sentences: plurals, tenses, comparatives, proper nouns, repeated words (read
# from the memory the second time), numbers, punctuation and runs of spaces.
TEXTS = [
    "The rivers rose and the dams were breached; officials said more rain was coming.",
    "Rescuers have found 12 bodies, the ministry says, and the searches are continuing.",
    "Floods   hit the towns again.\n\nThe worst floods since 1998 left better roads broken.",
    "She'd said they're leaving, but the villagers stayed, and the villagers were saved.",
    "Officials in Nairobi counted the dead: children, women and men were among them.",
]


def _lemmas(docs: list[Doc]) -> list[list[str]]:
    return [[t.lemma_ for t in doc] for doc in docs]


@pytest.mark.model
def test_lemmas_are_spacy_s_own(trained) -> None:  # type: ignore[no-untyped-def]
    stock = _lemmas(list(trained.pipe(TEXTS)))
    lemmatizer = trained.get_pipe("lemmatizer")
    assert cache_lemmas(trained)
    try:
        assert isinstance(lemmatizer.pipe.__self__, CachedLemmas)
        cached = _lemmas(list(trained.pipe(TEXTS + TEXTS)))  # the second time from memory
    finally:
        del lemmatizer.pipe  # the component's own pipe again
    assert cached == stock + stock


@pytest.mark.model
def test_a_lemma_already_set_is_kept_unless_overwritten(trained) -> None:  # type: ignore[no-untyped-def]
    lemmatizer = trained.get_pipe("lemmatizer")
    cached = CachedLemmas(lemmatizer)
    with trained.select_pipes(disable=["lemmatizer"]):
        doc = trained("The rivers rose.")
    lemmatizer(trained("x"))  # spaCy checks its tables on the first Doc
    doc[1].lemma_ = "stream"
    cached(doc)
    assert [t.lemma_ for t in doc] == ["the", "stream", "rise", "."]
    lemmatizer.overwrite = True
    try:
        cached(doc)
    finally:
        lemmatizer.overwrite = False
    assert doc[1].lemma_ == "river"


def test_only_a_rule_lemmatizer_is_changed() -> None:
    nlp = spacy.blank("en")
    assert not cache_lemmas(nlp)  # none
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not cache_lemmas(nlp)
    assert isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer)
    assert "pipe" not in vars(nlp.get_pipe("lemmatizer"))
