"""Helpers the NLP tests share: hand-built parsed Docs and end-to-end extraction.

``doc_builder`` makes Docs from "word|POS|dep|head[|lemma[|tag]]" specs, so rule tests freeze
the parse a small English model gives a sentence and run without loading a model. Each
test module passes its own spacing sets because its expected texts were written with them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsprov.ingest import parse_text
from newsprov.model import Extraction
from newsprov.nlp import doc_to_records
from newsprov.nlp.boundaries import set_article_spans

VOCAB = spacy.blank("en").vocab
PARAGRAPH = "¶"  # a paragraph break in a spec
Ents = Sequence[tuple[int, int, str]]


def doc_builder(
    no_space_before: Collection[str], no_space_after: Collection[str]
) -> Callable[[str, Ents], Doc]:
    """A ``parsed(spec, ents=())`` function; ``ents`` are (start, end, label) token spans."""

    def parsed(spec: str, ents: Ents = ()) -> Doc:
        items = [item.split("|") for item in spec.split()]
        words = ["\n\n" if i[0] == PARAGRAPH else i[0] for i in items]
        spaces = [
            k + 1 < len(items)
            and items[k + 1][0] not in no_space_before
            and items[k][0] not in no_space_after
            for k in range(len(items))
        ]
        iob = ["O"] * len(words)
        for start, end, label in ents:
            iob[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
        return Doc(
            VOCAB,
            words=words,
            spaces=spaces,
            pos=[i[1] for i in items],
            deps=[i[2] for i in items],
            heads=[int(i[3]) for i in items],
            lemmas=[i[4] if len(i) > 4 else i[0].lower() for i in items],
            tags=[i[5] if len(i) > 5 else "" for i in items],
            ents=iob,
        )

    return parsed


def extract_text(nlp: Language, text: str, article_id: str = "t1") -> Extraction:
    """Run the whole pipeline on one article given as text (header lines allowed)."""
    article = parse_text(text, article_id=article_id)
    doc = nlp.make_doc(article.text)
    set_article_spans(doc, article)
    return doc_to_records(nlp(doc), article)


def source_label(ex: Extraction, value: float) -> str | None:
    """The label of the source (else via) of the figure with ``value``."""
    names = {e.key: e.name for e in ex.entities}
    fig = next(f for f in ex.figures if f.value == value)
    key = fig.source or fig.via
    return names.get(key, key) if key is not None else None
