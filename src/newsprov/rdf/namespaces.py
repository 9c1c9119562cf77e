"""The vocabularies newsprov writes, as rdflib namespaces.

``NP`` mirrors ``ontology/newsprov.ttl`` term for term and ``NPM`` mirrors
``ontology/measures.ttl``; both are closed (``_fail = True``), so a typo such as
``NP.reportedin`` fails at import time instead of writing a stray predicate. A test
checks that the classes and the Turtle files list exactly the same terms.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

__all__ = [
    "MEASURES",
    "NP",
    "NPM",
    "OA",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
    "measure_iri",
    "ontology_path",
]

SCHEMA = Namespace("https://schema.org/")
"""schema.org, https form (rdflib's bundled SDO uses the same IRI)."""

OA = Namespace("http://www.w3.org/ns/oa#")
"""W3C Web Annotation vocabulary: text selectors for evidence spans."""


class NP(DefinedNamespace):
    """The newsprov ontology (``np:``)."""

    _fail = True
    _NS = Namespace("https://newsprov.org/ontology#")

    # classes
    Article: URIRef  # one news article; its facts live in its own named graph
    Figure: URIRef  # a number stated about the world, with bounds and source
    Quote: URIRef  # a direct quotation with speaker and relaying outlet
    Evidence: URIRef  # a sentence (text + offsets) a figure or quote was read from
    Person: URIRef
    Organisation: URIRef  # any organisation that is not a news outlet
    Outlet: URIRef  # a news organisation (wire agency, broadcaster, newspaper, ...)
    Place: URIRef
    Event: URIRef  # the news event several articles cover
    SourceRole: URIRef  # prov:Role of the agent a figure/quote is attributed to
    ViaRole: URIRef  # prov:Role of the outlet that relayed a figure/quote
    Verdict: URIRef  # outcome of comparing figures across articles
    Corroboration: URIRef  # verdict: independent figures agree
    Conflict: URIRef  # verdict: figures cannot all be true
    Revision: URIRef  # verdict: a later figure from one source replaces an earlier one
    DerivedTotal: URIRef  # a lower bound on a total summed from one source's breakdown

    # article properties
    articleId: URIRef  # the article's id (file stem or JSONL id)
    wire: URIRef  # a wire agency the copy comes from
    event: URIRef  # the event the article covers
    sourceFile: URIRef  # path the article was read from
    publisherFrom: URIRef  # how the publisher was found: record, html, registry, text, domain...

    # figure and quote properties
    reportedIn: URIRef  # the article stating the figure or quote
    value: URIRef  # the number as stated (xsd:decimal)
    qualifier: URIRef  # exact | more than | at least | about | up to | nearly
    lowerBound: URIRef  # least value allowed (xsd:decimal); absent = unbounded
    upperBound: URIRef  # greatest value allowed (xsd:decimal); absent = unbounded
    unit: URIRef  # people, USD, percent, hectares, ...
    what: URIRef  # the counted noun phrase as written
    measure: URIRef  # npm: concept
    population: URIRef  # who is counted: civilians, security-forces, ...
    numberText: URIRef  # the number phrase as written
    attribution: URIRef  # explicit | context | none
    via: URIRef  # the outlet that relayed it
    speaker: URIRef  # who said a quote (sub-property of prov:wasAttributedTo)
    quoteText: URIRef  # the words inside the quotation marks
    evidence: URIRef  # the np:Evidence sentence
    rangeGroup: URIRef  # shared by the two ends of one stated range
    figureDate: URIRef  # the date a figure refers to
    place: URIRef  # a place the count is tied to
    startOffset: URIRef  # char offset where the number phrase / quotation starts
    endOffset: URIRef  # char offset just past it (exclusive)

    # evidence and entity properties
    inArticle: URIRef  # the article whose text the evidence offsets index
    anonymous: URIRef  # true for an unnamed speaker
    role: URIRef  # how an anonymous speaker is described: resident, doctor, ...
    outletKind: URIRef  # registry kind: wire agency, broadcaster, ...

    # verdict properties
    verdictFigure: URIRef  # a figure the verdict compares
    verdictMeasure: URIRef  # the measure the compared figures share
    verdictEvent: URIRef  # the event whose articles are compared
    verdictNote: URIRef  # human-readable explanation
    verdictPopulation: URIRef  # the normalised population compared
    firstFigure: URIRef  # the figure the others are compared with
    secondFigure: URIRef  # a figure compared with the first one
    revisedFrom: URIRef  # a revision's earlier figure
    revisedTo: URIRef  # a revision's later figure
    independentChains: URIRef  # number of independent reporting chains
    boundGap: URIRef  # distance between the bounds of conflicting figures

    # cross-reference: entity clusters and events
    canonical: URIRef  # the representative entity of an entity's cluster
    eventOf: URIRef  # an article covering the event (inverse of np:event)
    # cross-reference: materialised claims
    Claim: URIRef  # one independent report of a quantity, denormalised for queries
    firstClaim: URIRef  # the claim a verdict compares the others with
    secondClaim: URIRef  # a claim compared with the first one
    claimFigure: URIRef  # a figure (or derived total) a claim stands for
    representative: URIRef  # the figure that stands for a claim
    claimDate: URIRef  # the date a claim is "as of"
    identityLabel: URIRef  # its name
    viaLabel: URIRef  # the relaying outlet's name
    outletLabel: URIRef  # the publishing outlet's name
    placeScope: URIRef  # event | region:x | city:x | site:x
    claimKind: URIRef  # count | estimate | projection | verified | derived
    crossrefSignature: URIRef  # digest of what a derived graph was computed from
    crossrefIndex: URIRef  # an article's mentions and entity records, as JSON
    # materialised query rows (newsprov.rdf.views)
    figuresRow: URIRef  # a figure's row of the canned figures query, as text
    quotesRow: URIRef  # a quote's row of the canned quotes query, as text
    articlesRow: URIRef  # an article's row of the canned articles query, as text
    keyedRow: URIRef  # a row again, on the key node of one of its bindable values
    rowsDigest: URIRef  # the digest of the views whose rows (and keys) a graph holds
    keyedOrder: URIRef  # the sort key of an article's rows on a key node (see views)


class NPM(DefinedNamespace):
    """The measure concept scheme (``npm:``): what kind of quantity a figure is."""

    _fail = True
    _NS = Namespace("https://newsprov.org/measure/")
    # local names that are not Python identifiers: use NPM["crowd-size"]
    _extras = [  # noqa: RUF012 - rdflib reads this class attribute
        "crowd-size",
        "economic-loss",
        "aid-amount",
        "area-burned",
        "buildings-destroyed",
        "homes-destroyed",
    ]

    deaths: URIRef
    injuries: URIRef
    arrests: URIRef
    missing: URIRef
    displaced: URIRef
    evacuated: URIRef
    affected: URIRef
    rescued: URIRef
    other: URIRef


MEASURES: tuple[str, ...] = (
    "deaths",
    "injuries",
    "arrests",
    "missing",
    "displaced",
    "evacuated",
    "affected",
    "rescued",
    "crowd-size",
    "economic-loss",
    "aid-amount",
    "area-burned",
    "buildings-destroyed",
    "homes-destroyed",
    "other",
)
"""Local names of every measure concept, in the contract's order."""


def measure_iri(name: str) -> URIRef:
    """The npm: concept called ``name``; names outside the scheme give ``npm:other``.

    (Use this rather than ``NPM[name]`` in assignments: mypy reads that as a generic.)
    """
    return NPM._NS[name] if name in MEASURES else NPM.other


PREFIXES: dict[str, str] = {
    "np": str(NP),
    "npm": str(NPM),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "oa": str(OA),
    "skos": str(SKOS),
    "xsd": str(XSD),
    "rdfs": str(RDFS),
    "rdf": str(RDF),
    "owl": str(OWL),
}
"""Prefix -> namespace IRI for every vocabulary newsprov uses (for Turtle and SPARQL)."""


def ontology_path(name: str) -> Traversable:
    """A file of the shipped ``ontology/`` folder: newsprov.ttl, measures.ttl or shapes.ttl."""
    return resources.files("newsprov").joinpath("ontology", name)
