"""One exception tree for newsprov.

::

    NewsprovError
    ├── ConfigError          a setting is missing or malformed
    ├── IngestError          an input file or record cannot be read (names the file)
    ├── ModelLoadError       the spaCy model cannot be loaded (names the model)
    ├── ExtractionError      the NLP layer failed on an article
    ├── StoreError           the RDF store cannot be opened, read or written
    ├── ValidationError      an emitted graph violates the SHACL shapes
    └── QueryError           a SPARQL query is unknown, malformed, or failed

Library code raises these; only the CLI and the server turn them into messages.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "ExtractionError",
    "IngestError",
    "ModelLoadError",
    "NewsprovError",
    "QueryError",
    "StoreError",
    "ValidationError",
]


class NewsprovError(Exception):
    """Base of every error newsprov raises on purpose."""


class ConfigError(NewsprovError):
    """A setting is missing or malformed."""


class IngestError(NewsprovError):
    """An input cannot be read; the message names the file (and record) and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ModelLoadError(NewsprovError):
    """The spaCy model named in the settings cannot be loaded."""


class ExtractionError(NewsprovError):
    """The NLP layer failed on one article."""


class StoreError(NewsprovError):
    """The RDF store cannot be opened, read or written."""


class ValidationError(NewsprovError):
    """An emitted graph does not conform to ontology/shapes.ttl."""


class QueryError(NewsprovError):
    """A SPARQL query is unknown, malformed, or failed to run."""
