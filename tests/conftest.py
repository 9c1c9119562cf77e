"""Shared fixtures: paths to the shared seeds/gold, and one loaded spaCy pipeline."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSPROV_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold"
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The real seed articles beside the repository (never copied into it)."""
    if not SEEDS.is_dir():
        pytest.skip(f"seed articles not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """Gold annotations of the seeds."""
    if not GOLD.is_dir():
        pytest.skip(f"gold annotations not found at {GOLD}")
    return GOLD


@pytest.fixture(scope="session")
def pipeline():  # type: ignore[no-untyped-def]
    """The full newsprov spaCy pipeline, loaded once per test session."""
    from newsprov.config import Settings
    from newsprov.nlp import build_pipeline

    return build_pipeline(Settings.from_env().spacy_model)


@pytest.fixture(scope="module")
def sentencized():  # type: ignore[no-untyped-def]
    """A blank English pipeline that only splits sentences (rule tests without a model)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="module")
def rule_pipeline():  # type: ignore[no-untyped-def]
    """Our rule components on a blank English pipeline (no parser, tagger or NER)."""
    import spacy

    from newsprov.nlp.boundaries import add_news_infixes

    nlp = spacy.blank("en")
    add_news_infixes(nlp)
    for name in ("newsprov_boundaries", "sentencizer", "newsprov_outlets", "newsprov_entity_fix"):
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def trained():  # type: ignore[no-untyped-def]
    """The trained spaCy model alone (for tests marked ``model``)."""
    import spacy

    from newsprov.config import Settings

    return spacy.load(Settings.from_env().spacy_model)
