"""SHACL validation of emitted graphs against ``ontology/shapes.ttl``.

The shapes graph is parsed once and reused; validation runs without inference (every
graph carries the types its shapes need), so checking one article's graph is cheap.
pyshacl is imported on first use: importing :mod:`newsprov.rdf` stays fast.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph

from newsprov.errors import ValidationError
from newsprov.rdf.namespaces import ontology_path

__all__ = ["shapes_graph", "validate"]


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes newsprov's graphs conform to (parsed once)."""
    text = ontology_path("shapes.ttl").read_text("utf-8")
    return Graph().parse(data=text, format="turtle")


def validate(graph: Graph) -> None:
    """Check ``graph`` against the shapes; raise ValidationError with the report text."""
    from pyshacl import validate as shacl_validate

    conforms, _report, text = shacl_validate(
        graph,
        shacl_graph=shapes_graph(),
        inference="none",
        advanced=False,
        meta_shacl=False,
        inplace=True,  # no inference, so nothing is written to the data graph
        allow_warnings=True,
    )
    if not conforms:
        raise ValidationError(str(text))
