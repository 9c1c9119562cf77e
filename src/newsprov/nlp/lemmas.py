"""The model's rule lemmatizer, each word's lemma found once.

spaCy's ``Lemmatizer`` in "rule" mode remembers a lemma by (word, part of speech,
morphology), but not for the words it finds already in their base form (most of them:
singular nouns, infinitives, positive adjectives), which it works out again each time; and
it visits every token through a new ``Token``, setting each lemma through one. Here the
component's own ``rule_lemmatize`` gives each (word, part of speech, morphology) its lemma
once, and the Doc's lemmas are read and written as one column (``Doc.to_array`` /
``Doc.from_array``): every token gets the lemma spaCy's ``__call__`` gives it, and a
lemma already set (by the attribute ruler) is kept unless the lemmatizer overwrites.

Only ``Lemmatizer`` and ``EnglishLemmatizer`` in "rule" mode are changed, whose lemma
depends on nothing else (any other lemmatizer is left as it is); only ``pipe`` is, which is
what ``nlp.pipe`` calls (``nlp(text)`` runs the component's own ``__call__``, to the same
lemmas).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["CachedLemmas", "cache_lemmas"]

_COLUMNS = [ORTH, POS, MORPH, LEMMA]
CACHE_MAX = 200_000
"""Distinct (word, part of speech, morphology) remembered before the memory starts over."""


class CachedLemmas:
    """A rule lemmatizer's ``__call__`` and ``pipe``, each word's lemma found once."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lem = self.lemmatizer
        if not lem._validated or doc.vocab is not lem.vocab:  # let spaCy check its tables
            return lem(doc)
        try:
            self._set(doc)
        except Exception as exc:
            lem.get_error_handler()(lem.name, lem, [doc], exc)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Lemmatize each Doc of ``stream`` (what ``Pipe.pipe`` does, through this call)."""
        for doc in stream:
            yield self(doc)

    def _set(self, doc: Doc) -> None:
        if not len(doc):
            return
        rows: Any = doc.to_array(_COLUMNS)
        lemmas: Any = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        strings = doc.vocab.strings
        known = self.lemmas
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                if len(known) >= CACHE_MAX:
                    known.clear()
                found = known[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)


def cache_lemmas(nlp: Language) -> bool:
    """Make the pipeline's rule lemmatizer find each word's lemma once (see the module
    docstring); False, leaving it unchanged, when it has none this module handles."""
    if "lemmatizer" not in nlp.component_names:
        return False
    lem: Any = nlp.get_pipe("lemmatizer")
    if type(lem) not in (Lemmatizer, EnglishLemmatizer) or lem.mode != "rule":
        return False
    lem.pipe = CachedLemmas(lem).pipe
    return True
