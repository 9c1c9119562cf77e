"""The ontology files, the Python namespaces and the shapes cannot drift apart."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import get_annotations

from newsprov.model import Attribution, Qualifier
from newsprov.rdf import namespaces as ns
from newsprov.rdf.namespaces import MEASURES, NP, NPM, measure_iri, ontology_path

REPO = Path(__file__).resolve().parents[1]
SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
RDFS_COMMENT = URIRef("http://www.w3.org/2000/01/rdf-schema#comment")
SKOS = "http://www.w3.org/2004/02/skos/core#"


@cache
def _load(name: str) -> Graph:
    return Graph().parse(data=ontology_path(name).read_text("utf-8"), format="turtle")


def _local_terms(graph: Graph, namespace: str) -> set[str]:
    return {
        str(s)[len(namespace) :]
        for s in graph.subjects()
        if isinstance(s, URIRef) and str(s).startswith(namespace) and str(s) != namespace
    }


def _python_terms(cls: type) -> set[str]:
    return {k for k in get_annotations(cls) if not k.startswith("_")} | set(
        getattr(cls, "_extras", [])
    )


def test_ontology_is_package_data_through_the_symlink() -> None:
    link = REPO / "src" / "newsprov" / "ontology"
    assert link.is_symlink()
    assert link.resolve() == (REPO / "ontology").resolve()
    for name in ("newsprov.ttl", "measures.ttl", "shapes.ttl"):
        assert ontology_path(name).is_file()


def test_np_namespace_matches_newsprov_ttl() -> None:
    in_ttl = _local_terms(_load("newsprov.ttl"), str(NP))
    assert in_ttl == _python_terms(NP)


def test_npm_namespace_matches_measures_ttl() -> None:
    in_ttl = _local_terms(_load("measures.ttl"), str(NPM))
    assert in_ttl == _python_terms(NPM) == set(MEASURES)


def test_contract_terms_exist() -> None:
    for term in [
        "Article",
        "Figure",
        "Quote",
        "Evidence",
        "Person",
        "Organisation",
        "Outlet",
        "Place",
        "Event",
        "SourceRole",
        "ViaRole",
        "Verdict",
        "Corroboration",
        "Conflict",
        "Revision",
        "articleId",
        "wire",
        "reportedIn",
        "value",
        "qualifier",
        "lowerBound",
        "upperBound",
        "unit",
        "what",
        "measure",
        "population",
        "numberText",
        "attribution",
        "via",
        "evidence",
        "rangeGroup",
        "quoteText",
        "speaker",
        "inArticle",
        "anonymous",
        "role",
        "event",
        "outletKind",
        "sourceFile",
        "figureDate",
        "place",
        "verdictFigure",
    ]:
        assert term in NP, term
    for name in ("crowd-size", "homes-destroyed", "deaths"):
        assert NPM[name] == URIRef("https://newsprov.org/measure/" + name)


def test_unknown_terms_fail_loudly() -> None:
    with pytest.raises(AttributeError):
        _ = NP.reportedin
    with pytest.raises(AttributeError):
        _ = NPM["crowd size"]


@pytest.mark.parametrize("term", sorted(_python_terms(NP)))
def test_every_np_term_has_label_comment_and_type(term: str) -> None:
    g = _load("newsprov.ttl")
    iri = URIRef(str(NP) + term)
    assert (iri, RDFS_LABEL, None) in g
    assert (iri, RDFS_COMMENT, None) in g
    assert (iri, RDF_TYPE, None) in g


@pytest.mark.parametrize("name", MEASURES)
def test_every_measure_is_a_labelled_concept_in_the_scheme(name: str) -> None:
    g = _load("measures.ttl")
    concept = measure_iri(name)
    assert (concept, RDF_TYPE, URIRef(SKOS + "Concept")) in g
    assert (concept, URIRef(SKOS + "inScheme"), URIRef(str(NPM))) in g
    assert (concept, URIRef(SKOS + "prefLabel"), None) in g
    assert (concept, URIRef(SKOS + "definition"), None) in g


def _sh_in(path: URIRef) -> set[object]:
    shapes = _load("shapes.ttl")
    for prop in shapes.subjects(URIRef(SH + "path"), path):
        head = shapes.value(prop, URIRef(SH + "in"))
        if head is not None:
            return set(Collection(shapes, head))
    raise AssertionError(f"no sh:in for {path}")


def test_shapes_qualifiers_match_the_model() -> None:
    assert _sh_in(NP.qualifier) == {Literal(q.value) for q in Qualifier}


def test_shapes_attributions_match_the_model() -> None:
    assert _sh_in(NP.attribution) == {Literal(a.value) for a in Attribution}


def test_shapes_measures_match_the_scheme() -> None:
    assert _sh_in(NP.measure) == {NPM[m] for m in MEASURES}


def test_shapes_only_use_defined_np_terms() -> None:
    shapes = _load("shapes.ttl")
    used = {str(t) for triple in shapes for t in triple if isinstance(t, URIRef)}
    np_used = {t[len(str(NP)) :] for t in used if t.startswith(str(NP))}
    assert np_used
    assert np_used <= _python_terms(NP)


def test_prefixes_cover_the_vocabularies() -> None:
    assert ns.PREFIXES["np"] == "https://newsprov.org/ontology#"
    assert ns.PREFIXES["npm"] == "https://newsprov.org/measure/"
    assert ns.PREFIXES["schema"] == "https://schema.org/"
    assert ns.PREFIXES["oa"] == "http://www.w3.org/ns/oa#"
