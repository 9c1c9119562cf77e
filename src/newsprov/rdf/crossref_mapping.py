"""Cross-reference results -> triples: the cluster graph and one graph per event.

Pure and deterministic like the article mapping (:mod:`newsprov.rdf.mapping` re-exports
these functions): every IRI is minted from what it stands for, so the same result always
gives the same triples. Each claim is written with what a reader needs (source identity,
relaying and publishing outlet, headline, link, date), so the canned queries read a
verdict's rows from its own graph instead of joining every article at query time.

The inputs are the analysis layer's plain records, typed here only for the checker (this
module must not import the analysis package, which imports the RDF layer).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.term import Node

from newsprov.rdf.namespaces import (
    NP,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    measure_iri,
)

if TYPE_CHECKING:
    from newsprov.analysis.clusters import Cluster
    from newsprov.analysis.core import EventResult, Grouping
    from newsprov.analysis.records import Claim, Verdict

__all__ = [
    "CROSSREF_GRAPH",
    "Triples",
    "claim_iri",
    "clusters_graph",
    "crossref_graph_iri",
    "event_graph",
    "event_graph_iri",
    "verdict_iri",
]

CROSSREF_GRAPH = "graph/crossref"
"""Path of the cluster graph under the base IRI; event graphs live under it."""

_CLASS = {"corroboration": NP.Corroboration, "conflict": NP.Conflict, "revision": NP.Revision}


def _base(base_iri: str) -> str:
    return base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"


def crossref_graph_iri(base_iri: str) -> str:
    """``{base}graph/crossref``: the cluster graph, prefix of every derived graph."""
    return _base(base_iri) + CROSSREF_GRAPH


def event_graph_iri(event_iri: str, base_iri: str) -> str:
    """``{base}graph/crossref/event/{digest}``: the derived graph of one event."""
    digest = hashlib.sha1(event_iri.encode()).hexdigest()[:16]
    return f"{crossref_graph_iri(base_iri)}/event/{digest}"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def verdict_iri(verdict: Verdict, base_iri: str) -> URIRef:
    """``{base}verdict/{kind}/{hash of the compared claims}``."""
    digest = _digest(verdict.kind, *sorted(c.iri for c in verdict.claims))
    return URIRef(f"{_base(base_iri)}verdict/{verdict.kind}/{digest}")


def claim_iri(claim: Claim, base_iri: str) -> URIRef:
    """``{base}claim/{hash of its figures}``."""
    return URIRef(f"{_base(base_iri)}claim/{_digest(claim.iri, *claim.figures)}")


Triple = tuple[Node, Node, Node]


class Triples:
    """A derived graph's triples, each once, in the order added: all the store's
    ``swap_graphs`` reads (it iterates them), without the three indexes and the prefix
    bindings an rdflib Graph would build for each event only to be serialised."""

    __slots__ = ("_triples",)

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> None:
        """Add ``triple`` (a repeated triple is kept once, as a graph keeps it)."""
        self._triples[triple] = None

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)

    def __contains__(self, triple: object) -> bool:
        return triple in self._triples


def _new_graph() -> Triples:
    return Triples()


def _decimal(value: float) -> Literal:
    from newsprov.rdf.mapping import decimal_literal

    return decimal_literal(value)


def clusters_graph(clusters: Iterable[Cluster], graph_iri: str, signature: str) -> Triples:
    """``np:canonical``, ``owl:sameAs`` and labels of every entity cluster."""
    g = _new_graph()
    g.add((URIRef(graph_iri), NP.crossrefSignature, Literal(signature)))
    for cl in clusters:
        canon = URIRef(cl.canonical)
        g.add((canon, SKOS.prefLabel, Literal(cl.label)))
        for alias in cl.aliases:
            g.add((canon, SKOS.altLabel, Literal(alias)))
        for member in cl.members:
            g.add((URIRef(member), NP.canonical, canon))
            if member != cl.canonical:
                g.add((URIRef(member), OWL.sameAs, canon))
    return g


def _derived(g: Triples, claim: Claim) -> None:
    node = URIRef(claim.iri)
    g.add((node, RDF.type, NP.DerivedTotal))
    g.add((node, NP.value, _decimal(claim.interval.lo)))
    g.add((node, NP.lowerBound, _decimal(claim.interval.lo)))
    g.add((node, NP.qualifier, Literal("at least")))
    g.add((node, NP.numberText, Literal(claim.text)))
    g.add((node, NP.measure, measure_iri(claim.measure)))
    g.add((node, NP.population, Literal(claim.population)))
    g.add((node, NP.unit, Literal(claim.unit)))
    g.add((node, NP.reportedIn, URIRef(claim.article)))
    if claim.source:
        g.add((node, PROV.wasAttributedTo, URIRef(claim.source)))
    for part in claim.parts:
        g.add((node, PROV.wasDerivedFrom, URIRef(part)))


def _qualifier(claim: Claim) -> str:
    if claim.derived:
        return "at least"
    if claim.value[0] != claim.value[1]:
        return "range"
    words = claim.text.rsplit(" ", 1)
    return words[0] if len(words) > 1 else "exact"


def _claim(g: Triples, claim: Claim, grouping: Grouping, base_iri: str) -> None:
    """A claim with what a reader needs; optional parts only when known."""
    node = claim_iri(claim, base_iri)
    art = grouping.articles[claim.article]
    add = g.add
    add((node, RDF.type, NP.Claim))
    add((node, NP.representative, URIRef(claim.iri)))
    for fig in () if claim.derived else claim.figures:
        if fig != claim.iri:
            add((node, NP.claimFigure, URIRef(fig)))
    add((node, NP.articleId, Literal(art.article_id)))
    add((node, NP.measure, measure_iri(claim.measure)))
    add((node, NP.population, Literal(claim.population)))
    if claim.unit != "count":
        add((node, NP.unit, Literal(claim.unit)))
    add((node, NP.value, _decimal(claim.value[0])))
    add((node, NP.qualifier, Literal(_qualifier(claim))))
    add((node, NP.numberText, Literal(claim.text)))
    if claim.date is not None:
        add((node, NP.claimDate, Literal(claim.date.isoformat(), datatype=XSD.date)))
    add((node, NP.identityLabel, Literal(claim.chain_label)))
    if claim.via:
        add((node, NP.viaLabel, Literal(grouping.labels.get(claim.via, claim.via))))
    if art.publisher:
        add((node, NP.outletLabel, Literal(grouping.labels.get(art.publisher, art.publisher))))
    if art.title:
        add((node, SCHEMA.headline, Literal(art.title)))
    if art.url:
        add((node, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))
    add((node, NP.placeScope, Literal(claim.place_scope)))
    add((node, NP.claimKind, Literal("derived" if claim.derived else claim.kind)))


def _verdict(g: Triples, v: Verdict, base_iri: str) -> None:
    node = verdict_iri(v, base_iri)
    add = g.add
    add((node, RDF.type, NP.Verdict))
    add((node, RDF.type, _CLASS[v.kind]))
    add((node, NP.verdictEvent, URIRef(v.event)))
    add((node, NP.verdictMeasure, measure_iri(v.measure)))
    add((node, NP.verdictPopulation, Literal(v.population)))
    add((node, NP.independentChains, Literal(v.chains)))
    add((node, NP.verdictNote, Literal(v.note)))  # a sub-property of rdfs:comment
    add((node, NP.firstFigure, URIRef(v.first.iri)))
    add((node, NP.verdictFigure, URIRef(v.first.iri)))
    add((node, NP.firstClaim, claim_iri(v.first, base_iri)))
    for other in v.others:
        add((node, NP.secondFigure, URIRef(other.iri)))
        add((node, NP.verdictFigure, URIRef(other.iri)))
        add((node, NP.secondClaim, claim_iri(other, base_iri)))
    if v.kind == "revision":
        add((node, NP.revisedFrom, URIRef(v.first.iri)))
        add((node, NP.revisedTo, URIRef(v.others[0].iri)))
    if v.gap is not None:
        add((node, NP.boundGap, _decimal(v.gap)))


def event_graph(result: EventResult, grouping: Grouping, signature: str, base_iri: str) -> Triples:
    """One event: its node and article links, its claims (derived totals too), verdicts."""
    g = _new_graph()
    ev = URIRef(result.event.iri)
    g.add((ev, RDF.type, NP.Event))
    g.add((ev, RDFS.label, Literal(result.event.label)))
    g.add((ev, NP.crossrefSignature, Literal(signature)))
    for art in result.event.articles:
        g.add((ev, NP.eventOf, URIRef(art)))
        g.add((URIRef(art), NP.event, ev))
        g.add((URIRef(art), NP.crossrefIndex, Literal(grouping.index(art))))
    for claim in result.claims:
        if claim.derived:
            _derived(g, claim)
        _claim(g, claim, grouping, base_iri)
    for v in result.verdicts:
        _verdict(g, v, base_iri)
    return g
