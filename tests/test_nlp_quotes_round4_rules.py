"""Round-4 quote-speaker helpers on hand-built Docs (no trained model): a lone surname
typed as an organisation still speaks as a person, and an unnamed role is named by its
apposition."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsprov.model import EntityType
from newsprov.nlp.coref import Cluster
from newsprov.nlp.entities import build_entity_table
from newsprov.nlp.quote_speakers import named_by_apposition, speaks_as_person

VOCAB = spacy.blank("en").vocab


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        (EntityType.PERSON, "Aijan Toktogulova", True),
        (EntityType.ORGANISATION, "Toktogulova", True),  # "said Toktogulova" typed ORG
        (EntityType.ORGANISATION, "UNHCR", False),  # an acronym is an organisation
        (EntityType.ORGANISATION, "Ministry", False),  # an organisation noun
        (EntityType.ORGANISATION, "Red Cross", False),  # more than one word
        (EntityType.OUTLET, "Reuters", False),
    ],
)
def test_speaks_as_person(kind: EntityType, name: str, expected: bool) -> None:
    assert speaks_as_person(Cluster(kind, name)) is expected


def _commander_doc(named: bool) -> Doc:
    """ "The commander of the brigade[, Rui Costa,] said ." with Costa as apposition."""
    if named:
        words = ["The", "commander", "of", "the", "brigade", ",", "Rui", "Costa", ",", "said", "."]
        heads = [1, 9, 1, 4, 2, 1, 7, 1, 1, 9, 9]
        deps = ["det", "nsubj", "prep", "det", "pobj", "punct", "compound", "appos", "punct"]
        deps += ["ROOT", "punct"]
        ents = ["O"] * 6 + ["B-PERSON", "I-PERSON"] + ["O"] * 3
    else:
        words = ["The", "commander", "of", "the", "brigade", "said", "."]
        heads = [1, 5, 1, 4, 2, 5, 5]
        deps = ["det", "nsubj", "prep", "det", "pobj", "ROOT", "punct"]
        ents = ["O"] * len(words)
    pos = ["PROPN" if w[0].isupper() and w != "The" else "X" for w in words]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", "."} for i in range(len(words))]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        ents=ents,
        pos=pos,
    )


def test_unnamed_role_named_by_its_apposition() -> None:
    doc = _commander_doc(named=True)
    table = build_entity_table(doc)
    role = table.anonymous("commander", doc[1])
    found = named_by_apposition(table, role)
    assert found is not None and found.name == "Rui Costa"


def test_unnamed_role_without_apposition_stays_unnamed() -> None:
    doc = _commander_doc(named=False)
    table = build_entity_table(doc)
    role = table.anonymous("commander", doc[1])
    assert named_by_apposition(table, role) is role
    assert named_by_apposition(table, None) is None
