"""Records -> triples: one list of rdflib-term triples per article (the one emitter).

The ingest checks those triples and writes them to the store as N-Triples without ever
building an rdflib Graph (:func:`extraction_to_triples`); :func:`extraction_to_graph`
wraps the same triples in a Graph for callers that want one.

The mapping is pure and deterministic: the same :class:`~newsprov.model.Extraction`
always gives the same triples (no blank nodes; every IRI is minted in
:mod:`newsprov.rdf.iris`), so re-ingesting an article replaces its named graph exactly.

Every figure and quote links to its evidence sentence (``np:evidence``), which carries
the sentence text and its character offsets into the article body. Entity triples
(types, ``rdfs:label``, ``skos:altLabel``) are written into each article's graph, so a
query over ``GRAPH ?g`` reads the name *that article* uses. Only entities the article
mentions or refers to (publisher, wires, byline authors and place, sources, speakers,
places) are written.
References to entity keys the Extraction does not define are dropped (the graph never
points at an entity it does not describe), and so are figures whose value is not finite.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from newsprov.errors import NewsprovError
from newsprov.model import (
    Attribution,
    Entity,
    EntityType,
    Extraction,
    Figure,
    Qualifier,
    Quote,
    Sentence,
)
from newsprov.outlets import OutletRegistry
from newsprov.rdf import iris
from newsprov.rdf.crossref_mapping import clusters_graph, event_graph
from newsprov.rdf.iris import graph_iri
from newsprov.rdf.namespaces import (
    NP,
    OA,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
    measure_iri,
)
from newsprov.rdf.store import ntriples
from newsprov.rdf.views import view_triples_many

__all__ = [
    "clusters_graph",
    "decimal_literal",
    "event_graph",
    "extraction_to_graph",
    "extraction_to_triples",
    "graph_iri",
    "temporal_literal",
]

# np: class, schema.org class, and whether the entity can be a prov:Agent (places cannot)
_ENTITY_TYPES: dict[EntityType, tuple[URIRef, URIRef, bool]] = {
    EntityType.PERSON: (NP.Person, SCHEMA.Person, True),
    EntityType.ORGANISATION: (NP.Organisation, SCHEMA.Organization, True),
    EntityType.OUTLET: (NP.Outlet, SCHEMA.NewsMediaOrganization, True),
    EntityType.PLACE: (NP.Place, SCHEMA.Place, False),
}
_DATE_FORMS = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date),
    (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
    (re.compile(r"\d{4}"), XSD.gYear),
)
_WIKIDATA = "http://www.wikidata.org/entity/"
_DECIMAL = XSD.decimal


def decimal_literal(value: float) -> Literal:
    """``value`` as an xsd:decimal in canonical form: 1000.0 -> "1000", 1.5 -> "1.5".

    Raises ValueError for NaN or infinity, which xsd:decimal cannot express.
    """
    if not math.isfinite(value):
        raise ValueError(f"{value!r} is not a finite number")
    dec = Decimal(repr(float(value)))
    lexical = str(int(dec)) if dec == dec.to_integral_value() else format(dec.normalize(), "f")
    return Literal(lexical, datatype=_DECIMAL)


def temporal_literal(text: str | None) -> Literal | None:
    """An ISO date (or year-month, or year) as a typed literal; None when not one."""
    if not text:
        return None
    text = text.strip()
    for pattern, datatype in _DATE_FORMS:
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype)
    return None


Triple = tuple[Node, Node, Node]


class _Terms:
    """A vocabulary whose terms are made once: rdflib builds (and checks) a new URIRef on
    every attribute read of a namespace, and the mapper reads a dozen per figure."""

    def __init__(self, namespace: Any) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)  # later reads find it without __getattr__
        return term


_NP, _OA, _PROV, _RDF, _RDFS, _SCHEMA, _SKOS, _XSD = (
    _Terms(ns) for ns in (NP, OA, PROV, RDF, RDFS, SCHEMA, SKOS, XSD)
)


def extraction_to_graph(ex: Extraction, base_iri: str) -> Graph:
    """The triples for one article's extraction (to be stored in its named graph)."""
    [triples] = extraction_to_triples([ex], base_iri)
    if isinstance(triples, NewsprovError):
        raise triples
    graph = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns)
    for triple in triples:
        graph.add(triple)
    return graph


def extraction_to_triples(
    extractions: Sequence[Extraction], base_iri: str
) -> list[list[Triple] | NewsprovError]:
    """The distinct triples of each extraction's graph, with the views' rows (computed for
    the batch at once: :func:`~newsprov.rdf.views.view_triples_many`), or the error that
    mapping it raised."""
    return [
        m if isinstance(m, NewsprovError) else m.triples
        for m in extraction_to_graphs(extractions, base_iri)
    ]


@dataclass(frozen=True, slots=True)
class MappedGraph:
    """One article's triples (:func:`extraction_to_triples`) and the same triples as
    N-Triples, exactly as :func:`newsprov.rdf.store.ntriples` writes them."""

    triples: list[Triple]
    ntriples: bytes


def extraction_to_graphs(
    extractions: Sequence[Extraction],
    base_iri: str,
    batch: Callable[[Any], None] | None = None,
) -> list[MappedGraph | NewsprovError]:
    """:func:`extraction_to_triples` with each graph's N-Triples: the mapped triples are
    written once, and the views read them from that text (Oxigraph parses it quicker
    than the terms convert one by one); the rows' lines are added after them.

    ``batch``, if given, is called with the Oxigraph store in which the views read the
    mapped graphs together, each named by its graph IRI (when they were read together:
    two or more graphs with distinct article ids)."""
    out: list[list[Triple] | NewsprovError] = []
    for ex in extractions:
        try:
            out.append(_mapped(ex, base_iri))
        except NewsprovError as exc:
            out.append(exc)
    mapped = [t for t in out if not isinstance(t, NewsprovError)]
    text = [ntriples(triples) for triples in mapped]
    names = [
        graph_iri(ex.article.id, base_iri)
        for ex, t in zip(extractions, out, strict=True)
        if not isinstance(t, NewsprovError)
    ]
    views = view_triples_many(mapped, text, names=names, batch=batch)
    written = []
    for triples, nt, rows in zip(mapped, text, views, strict=True):
        seen = set(triples)
        added = []
        for triple in rows:
            if triple not in seen:
                seen.add(triple)
                added.append(triple)
        triples += added
        written.append(MappedGraph(triples, nt + ntriples(added)))
    done = iter(written)
    return [m if isinstance(m, NewsprovError) else next(done) for m in out]


def _mapped(ex: Extraction, base_iri: str) -> list[Triple]:
    """The distinct triples of ``ex``, in the order first written."""
    mapper = _Mapper(ex, base_iri)
    mapper.run()
    return list(mapper.triples)


class _Mapper:
    """Writes one Extraction's triples; holds the IRIs shared by the steps."""

    def __init__(self, ex: Extraction, base_iri: str) -> None:
        self.ex = ex
        self.base = base_iri
        self.triples: dict[Triple, None] = {}  # an ordered set, as a graph holds each once
        self.aid = ex.article.id
        self.article = iris.article_iri(self.aid, base_iri)
        self.entities: dict[str, Entity] = {}
        for ent in ex.entities:  # first record wins: one label per entity per graph
            if ent.name.strip():  # a nameless entity cannot be labelled: treat as undefined
                self.entities.setdefault(ent.key, ent)
        self.used_keys: set[str] = set()
        self.minted: set[URIRef] = set()

    def add(self, s: Node, p: Node, o: Node | None) -> None:
        if o is not None:
            self.triples[(s, p, o)] = None

    def run(self) -> None:
        self.map_article()
        for fig in self.ex.figures:
            if math.isfinite(fig.value):  # xsd:decimal has no NaN or infinity
                self.map_figure(fig)
        for quote in self.ex.quotes:
            self.map_quote(quote)
        for ent in self.entities.values():
            if ent.mentions or ent.key in self.used_keys:
                self.map_entity(ent)

    # --- references ------------------------------------------------------------------

    def ref(self, key: str | None) -> URIRef | None:
        """The IRI of entity ``key`` (marking it as used), or None when undefined."""
        if key is None or key not in self.entities:
            return None
        self.used_keys.add(key)
        return iris.entity_iri(key, self.base, article_id=self.aid)

    def unique(self, iri: URIRef) -> URIRef:
        """``iri``, or ``iri/2``, ``iri/3``... when two records share one span."""
        candidate, n = iri, 1
        while candidate in self.minted:
            n += 1
            candidate = URIRef(f"{iri}/{n}")
        self.minted.add(candidate)
        return candidate

    # --- article -----------------------------------------------------------------------

    def map_article(self) -> None:
        art, a = self.ex.article, self.article
        self.add(a, _RDF.type, _NP.Article)
        self.add(a, _RDF.type, _SCHEMA.NewsArticle)
        self.add(a, _NP.articleId, Literal(self.aid))
        publisher = self.ref(self.ex.publisher)
        self.add(a, _SCHEMA.publisher, publisher)
        if publisher is not None and art.outlet_from:
            self.add(a, _NP.publisherFrom, Literal(art.outlet_from))
        self.add(a, _SCHEMA.articleBody, Literal(art.text))  # the text every offset indexes
        for wire in self.ex.wires:
            self.add(a, _NP.wire, self.ref(wire))
        for author in self.ex.authors:  # byline authors: entities with no text mention
            self.add(a, _SCHEMA.author, self.ref(author))
        self.add(a, _SCHEMA.contentLocation, self.ref(self.ex.byline_place))
        self.add(a, _SCHEMA.datePublished, temporal_literal(art.date))
        if art.url:
            self.add(a, _SCHEMA.url, Literal(art.url, datatype=_XSD.anyURI))
        if art.title:
            self.add(a, _SCHEMA.headline, Literal(art.title))
        if art.source_path:
            self.add(a, _NP.sourceFile, Literal(art.source_path))
        if art.event:
            event = iris.event_iri(art.event, self.base)
            self.add(a, _NP.event, event)
            self.add(event, _RDF.type, _NP.Event)
            self.add(event, _RDFS.label, Literal(art.event))
        for ent in self.entities.values():
            if ent.mentions:
                self.add(a, _SCHEMA.mentions, self.ref(ent.key))

    def evidence(self, sent: Sentence) -> URIRef:
        """The evidence node for ``sent`` (written once however many facts cite it)."""
        node = iris.sentence_iri(self.aid, sent.start, sent.end, self.base)
        self.add(node, _RDF.type, _NP.Evidence)
        self.add(node, _RDF.type, _OA.TextQuoteSelector)
        self.add(node, _RDF.type, _OA.TextPositionSelector)
        self.add(node, _OA.exact, Literal(sent.text))
        self.add(node, _OA.start, Literal(sent.start))
        self.add(node, _OA.end, Literal(sent.end))
        self.add(node, _NP.inArticle, self.article)
        return node

    def attribute(self, node: URIRef, agent: URIRef | None, role: URIRef, name: str) -> None:
        """A prov:qualifiedAttribution of ``node`` to ``agent`` in ``role`` (an IRI node)."""
        if agent is None:
            return
        qa = URIRef(f"{node}/attribution/{name}")
        self.add(node, _PROV.qualifiedAttribution, qa)
        self.add(qa, _RDF.type, _PROV.Attribution)
        self.add(qa, _PROV.agent, agent)
        self.add(qa, _PROV.hadRole, role)

    def report(self, node: URIRef, cls: URIRef, start: int, end: int, sent: Sentence) -> None:
        """Triples every figure and quote has: type, article, offsets, evidence."""
        self.add(node, _RDF.type, cls)
        self.add(node, _NP.reportedIn, self.article)
        self.add(node, _NP.startOffset, Literal(start))
        self.add(node, _NP.endOffset, Literal(end))
        self.add(node, _NP.evidence, self.evidence(sent))

    # --- figures and quotes ------------------------------------------------------------

    def map_figure(self, fig: Figure) -> None:
        f = self.unique(iris.figure_iri(self.aid, fig.start, fig.end, self.base))
        self.report(f, _NP.Figure, fig.start, fig.end, fig.sentence)
        self.add(f, _NP.value, decimal_literal(fig.value))
        self.add(f, _NP.qualifier, Literal(Qualifier(fig.qualifier).value))
        if fig.lower is not None and math.isfinite(fig.lower):
            self.add(f, _NP.lowerBound, decimal_literal(fig.lower))
        if fig.upper is not None and math.isfinite(fig.upper):
            self.add(f, _NP.upperBound, decimal_literal(fig.upper))
        self.add(f, _NP.numberText, Literal(fig.text))
        if fig.unit:
            self.add(f, _NP.unit, Literal(fig.unit))
        if fig.what:
            self.add(f, _NP.what, Literal(fig.what))
        if fig.measure:
            self.add(f, _NP.measure, measure_iri(fig.measure))
        if fig.population:
            self.add(f, _NP.population, Literal(fig.population))
        self.add(f, _NP.attribution, Literal(Attribution(fig.attribution).value))
        if fig.range_id:
            self.add(f, _NP.rangeGroup, Literal(fig.range_id))
        self.add(f, _NP.figureDate, temporal_literal(fig.date))
        place = self.ref(fig.place)
        if place is not None and self.entities[fig.place or ""].type == EntityType.PLACE:
            self.add(f, _NP.place, place)
        source, via = self.ref(fig.source), self.ref(fig.via)
        self.add(f, _PROV.wasAttributedTo, source)
        self.add(f, _NP.via, via)
        self.attribute(f, source, _NP.SourceRole, "source")
        self.attribute(f, via, _NP.ViaRole, "via")

    def map_quote(self, quote: Quote) -> None:
        q = self.unique(iris.quote_iri(self.aid, quote.start, quote.end, self.base))
        self.report(q, _NP.Quote, quote.start, quote.end, quote.sentence)
        self.add(q, _NP.quoteText, Literal(quote.text))
        speaker, via = self.ref(quote.speaker), self.ref(quote.via)
        self.add(q, _NP.speaker, speaker)
        self.add(q, _PROV.wasAttributedTo, speaker)
        self.add(q, _NP.via, via)
        self.attribute(q, speaker, _NP.SourceRole, "source")
        self.attribute(q, via, _NP.ViaRole, "via")

    # --- entities ----------------------------------------------------------------------

    def map_entity(self, ent: Entity) -> None:
        e = iris.entity_iri(ent.key, self.base, article_id=self.aid)
        np_class, schema_class, is_agent = _ENTITY_TYPES[EntityType(ent.type)]
        self.add(e, _RDF.type, np_class)
        self.add(e, _RDF.type, schema_class)
        if is_agent:
            self.add(e, _RDF.type, _PROV.Agent)
        self.add(e, _RDFS.label, Literal(ent.name))
        for alias in ent.aliases:
            if alias != ent.name:
                self.add(e, _SKOS.altLabel, Literal(alias))
        if ent.anonymous:
            self.add(e, _NP.anonymous, Literal(True))
        if ent.role:
            self.add(e, _NP.role, Literal(ent.role))
        if ent.type == EntityType.OUTLET and ent.outlet_id:
            self.map_registry_outlet(e, ent.outlet_id)

    def map_registry_outlet(self, e: URIRef, outlet_id: str) -> None:
        outlet = OutletRegistry.default().get(outlet_id)
        if outlet is None:
            return
        self.add(e, _NP.outletKind, Literal(outlet.kind))
        if outlet.wikidata:
            self.add(e, _SCHEMA.sameAs, URIRef(_WIKIDATA + outlet.wikidata))
