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


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "place", "found"),
    [
        # a dateline in title case near the top: the credit in brackets, or a long dash
        ("Blast.\n\nOranmore (AFP) - A blast killed 12 people on Thursday.\n", "Oranmore", True),
        ("March.\n\nVeldshire — Thousands marched on Saturday.\n", "Veldshire", True),
        # a name or an outlet before a dash is none
        ("March.\n\nReuters — Thousands marched on Saturday.\n", "Reuters", False),
        # nor a capitalised run further down the article
        (
            "March.\n\nThousands marched.\n\nThe rally ended.\n\nPolice left.\n\n"
            "Veldshire — a town of farmers — was quiet.\n",
            "Veldshire",
            False,
        ),
    ],
)
def test_title_case_datelines(pipeline, text, place, found):  # type: ignore[no-untyped-def]
    doc = pipeline(text)
    places = {e.text for e in doc.ents if e.label_ == "GPE"}
    assert (place in places) is found, places
