"""Name-shape typing rules (newsprov.nlp.name_shape) and their use in ``name_kind``."""

from __future__ import annotations

import pytest

from newsprov.model import EntityType
from newsprov.nlp.evidence import name_kind
from newsprov.nlp.name_shape import demonym_kind, shape_kind

ORG, PLACE = EntityType.ORGANISATION, EntityType.PLACE


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("DriveBC", ORG),
        ("GoFundMe", ORG),
        ("Lakeside RCMP", ORG),
        ("Environment Canada", ORG),
        ("Statistics Norway", ORG),
        # negatives: names with inner capitals, regnal numbers, plain places and people
        ("McDonald", None),
        ("DeSantis", None),
        ("LeBlanc", None),
        ("KwaZulu", None),
        ("Henry VIII", None),
        ("New Zealand", None),
        ("Kim Seo-yeon", None),
        ("Canada", None),
        ("Environment", None),
    ],
)
def test_shape_kind(name: str, expected: EntityType | None) -> None:
    assert shape_kind(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Georgian Dream", ORG),
        ("Kurdish Workers Party", ORG),
        ("Western Visayas", PLACE),
        ("Northern Cape", PLACE),
        # negatives: ordinary person names and lone demonyms
        ("Maria Delgado", None),
        ("Georgian", None),
        ("Georgian capital", None),
    ],
)
def test_demonym_kind(name: str, expected: EntityType | None) -> None:
    assert demonym_kind(name) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Pine Ridge Regional District", ORG),
        ("Lakeside RCMP", ORG),
        ("Environment Canada", ORG),
        ("Pine Ridge District", PLACE),
        ("Marta Okafor", None),
    ],
)
def test_name_kind_uses_shape(name: str, expected: EntityType | None) -> None:
    assert name_kind(name) is expected
