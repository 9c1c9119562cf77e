"""The NLP layer: Article -> spaCy Doc -> Extraction.

``build_pipeline(model)`` loads the trained pipeline and adds newsprov's components;
``extract(nlp, articles)`` yields one ``Extraction`` per Article; ``doc_to_records`` is
the only place records are built.
"""

from newsprov.nlp.pipeline import build_pipeline, doc_to_records, extract

__all__ = ["build_pipeline", "doc_to_records", "extract"]
