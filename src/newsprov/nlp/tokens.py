"""Every token's text of a Doc, read once; and where a sentence opens.

spaCy makes a new ``Token`` object (and looks its text up in the vocabulary) on every
``doc[i]`` and every step over the Doc; several rules scan all of an article's tokens for
a word ("/", an acronym, a country's first word), so they read this list instead and make
a Token only where the word is found. The list is kept per Doc (weakly: it goes with the
Doc) and is read-only; it is made again if the Doc's length changed.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Token

__all__ = ["DASHES", "appositions", "opens_sentence", "set_off_name", "token_texts"]

_TEXTS: WeakKeyDictionary[Doc, list[str]] = WeakKeyDictionary()
_APPOS: WeakKeyDictionary[Doc, tuple[int, list[int]]] = WeakKeyDictionary()


def token_texts(doc: Doc) -> list[str]:
    """``[t.text for t in doc]``, made once per Doc (do not change the list)."""
    texts = _TEXTS.get(doc)
    if texts is None or len(texts) != len(doc):
        texts = _TEXTS[doc] = [t.text for t in doc]
    return texts


def appositions(doc: Doc) -> list[int]:
    """The indices of the tokens the parse attached as "appos", in order, listed once per
    Doc (read it once the parser has run; do not change the list)."""
    found = _APPOS.get(doc)
    if found is None or found[0] != len(doc):
        found = _APPOS[doc] = (len(doc), [t.i for t in doc if t.dep_ == "appos"])
    return found[1]


DASHES = frozenset({"-", "--", "—", "–"})  # a dash as the tokenizer leaves it


def opens_sentence(tok: Token) -> bool:
    """Is ``tok`` the first word of a sentence, or of the text after a dateline's dash
    ("KATMANDU, Nepal -- Crews searched …")? Its capital then says nothing of a name."""
    if tok.is_sent_start:
        return True
    doc = tok.doc
    after_dash = tok.i >= 2 and doc[tok.i - 1].text in DASHES
    return after_dash and doc[tok.i - 2].ent_type_ in {"GPE", "LOC"}


def set_off_name(doc: Doc, start: int, end: int) -> bool:
    """Is the name in tokens [start, end) one of two words or more set off by commas with
    the sentence going on after it in lower case (", Tommy Muska, later said"): an
    apposition naming who holds a role, not an item of a list of places?"""
    if end - start < 2 or start == 0 or doc[start - 1].text != ",":
        return False
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].text[:1].islower()
