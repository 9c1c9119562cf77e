"""Writing clusters, events, derived totals and verdicts as the cross-reference graph.

Every IRI is deterministic: verdicts are named by a hash of their kind and the claims
they compare, so the same store content always yields the same graph.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef

from newsprov.analysis.clusters import Cluster
from newsprov.analysis.records import Claim, EventGroup, Verdict
from newsprov.rdf.mapping import decimal_literal
from newsprov.rdf.namespaces import MEASURES, NP, NPM, OWL, PREFIXES, PROV, RDF, RDFS, SKOS

__all__ = ["crossref_graph", "verdict_iri"]

_CLASS = {"corroboration": NP.Corroboration, "conflict": NP.Conflict, "revision": NP.Revision}


def _base(base_iri: str) -> str:
    return base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"


def verdict_iri(verdict: Verdict, base_iri: str) -> URIRef:
    """``{base}verdict/{kind}/{hash of the compared claims}``."""
    key = "\n".join([verdict.kind, *sorted(c.iri for c in verdict.claims)])
    digest = hashlib.sha1(key.encode()).hexdigest()[:16]
    return URIRef(f"{_base(base_iri)}verdict/{verdict.kind}/{digest}")


def _measure(name: str) -> URIRef:
    return NPM[name] if name in MEASURES else NPM.other


def _clusters(g: Graph, clusters: Iterable[Cluster]) -> None:
    for cl in clusters:
        canon = URIRef(cl.canonical)
        g.add((canon, SKOS.prefLabel, Literal(cl.label)))
        for alias in cl.aliases:
            g.add((canon, SKOS.altLabel, Literal(alias)))
        for member in cl.members:
            g.add((URIRef(member), NP.canonical, canon))
            if member != cl.canonical:
                g.add((URIRef(member), OWL.sameAs, canon))


def _events(g: Graph, events: Iterable[EventGroup]) -> None:
    for ev in events:
        node = URIRef(ev.iri)
        g.add((node, RDF.type, NP.Event))
        g.add((node, RDFS.label, Literal(ev.label)))
        for art in ev.articles:
            g.add((node, NP.eventOf, URIRef(art)))
            g.add((URIRef(art), NP.event, node))


def _derived(g: Graph, claim: Claim) -> None:
    node = URIRef(claim.iri)
    g.add((node, RDF.type, NP.DerivedTotal))
    g.add((node, NP.value, decimal_literal(claim.interval.lo)))
    g.add((node, NP.lowerBound, decimal_literal(claim.interval.lo)))
    g.add((node, NP.qualifier, Literal("at least")))
    g.add((node, NP.numberText, Literal(claim.text)))
    g.add((node, NP.measure, _measure(claim.measure)))
    g.add((node, NP.population, Literal(claim.population)))
    g.add((node, NP.unit, Literal(claim.unit)))
    g.add((node, NP.reportedIn, URIRef(claim.article)))
    if claim.source:
        g.add((node, PROV.wasAttributedTo, URIRef(claim.source)))
    for part in claim.parts:
        g.add((node, PROV.wasDerivedFrom, URIRef(part)))


def _verdict(g: Graph, v: Verdict, base_iri: str) -> None:
    node = verdict_iri(v, base_iri)
    g.add((node, RDF.type, NP.Verdict))
    g.add((node, RDF.type, _CLASS[v.kind]))
    g.add((node, NP.verdictEvent, URIRef(v.event)))
    g.add((node, NP.verdictMeasure, _measure(v.measure)))
    g.add((node, NP.verdictPopulation, Literal(v.population)))
    g.add((node, NP.independentChains, Literal(v.chains)))
    g.add((node, NP.verdictNote, Literal(v.note)))
    g.add((node, RDFS.comment, Literal(v.note)))
    g.add((node, NP.firstFigure, URIRef(v.first.iri)))
    for other in v.others:
        g.add((node, NP.secondFigure, URIRef(other.iri)))
    for claim in v.all_claims:
        for fig in (claim.iri,) if claim.derived else claim.figures:
            g.add((node, NP.verdictFigure, URIRef(fig)))
    if v.kind == "revision":
        g.add((node, NP.revisedFrom, URIRef(v.first.iri)))
        g.add((node, NP.revisedTo, URIRef(v.others[0].iri)))
    if v.gap is not None:
        g.add((node, NP.boundGap, decimal_literal(v.gap)))


def crossref_graph(
    clusters: Iterable[Cluster],
    events: Iterable[EventGroup],
    claims: Iterable[Claim],
    verdicts: Iterable[Verdict],
    base_iri: str,
) -> Graph:
    """The whole derived graph: clusters, events, derived totals and verdicts."""
    g = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    _clusters(g, clusters)
    _events(g, events)
    for claim in claims:
        if claim.derived:
            _derived(g, claim)
    for v in verdicts:
        _verdict(g, v, base_iri)
    return g
