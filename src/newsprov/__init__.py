"""newsprov: a source-cross-referencing knowledge graph for news."""

__version__ = "0.1.0"
