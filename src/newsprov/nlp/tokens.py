"""Every token's text of a Doc, read once.

spaCy makes a new ``Token`` object (and looks its text up in the vocabulary) on every
``doc[i]`` and every step over the Doc; several rules scan all of an article's tokens for
a word ("/", an acronym, a country's first word), so they read this list instead and make
a Token only where the word is found. The list is kept per Doc (weakly: it goes with the
Doc) and is read-only; it is made again if the Doc's length changed.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

__all__ = ["token_texts"]

_TEXTS: WeakKeyDictionary[Doc, list[str]] = WeakKeyDictionary()


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, made once per Doc (do not change the list)."""
    texts = _TEXTS.get(doc)
    if texts is None or len(texts) != len(doc):
        texts = _TEXTS[doc] = [t.text for t in doc]
    return texts
