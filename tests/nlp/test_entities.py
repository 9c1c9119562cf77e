"""Entity clean-up rules on hand-built Docs (no model needed)."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from newsprov.nlp.entities import _body_noun
from nlp_docs import doc_builder

parsed = doc_builder({",", "."}, set())


@pytest.mark.parametrize(
    ("spec", "label"),
    [
        # "the Observatory said" tagged as a person: the body its noun names
        ("The|DET|det|1 Observatory|PROPN|nsubj|2 said|VERB|ROOT|2 .|PUNCT|punct|2", "ORG"),
        # a name that only ends like a body is a person still
        (
            "Margaret|PROPN|compound|1 Court|PROPN|nsubj|2 said|VERB|ROOT|2 .|PUNCT|punct|2",
            "PERSON",
        ),
        # without "the", a lone word may be a surname ("Bank said")
        ("Bank|PROPN|nsubj|1 said|VERB|ROOT|1 .|PUNCT|punct|1", "PERSON"),
    ],
)
def test_body_noun(spec: str, label: str) -> None:
    doc = parsed(spec)
    name = [t for t in doc if t.pos_ == "PROPN"]
    ent = Span(doc, name[0].i, name[-1].i + 1, "PERSON")  # the model's tag
    assert _body_noun(ent).label_ == label
