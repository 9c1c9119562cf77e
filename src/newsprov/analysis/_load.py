"""Reading what cross-referencing needs from the store, with a few SPARQL SELECTs.

Every query projects its graph ``?g`` so the derived cross-reference graph itself can be
skipped in Python (its IRI is never spliced into the SPARQL text).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from rdflib.term import Literal, Node

from newsprov.analysis.clusters import EntityRecord
from newsprov.analysis.records import FigureRecord
from newsprov.rdf.store import Store

__all__ = ["RawArticle", "StoreData", "load"]

_PREFIXES = """
PREFIX np:     <https://newsprov.org/ontology#>
PREFIX oa:     <http://www.w3.org/ns/oa#>
PREFIX prov:   <http://www.w3.org/ns/prov#>
PREFIX rdfs:   <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX skos:   <http://www.w3.org/2004/02/skos/core#>
"""
_MEASURE_NS = "https://newsprov.org/measure/"

ARTICLES = (
    _PREFIXES
    + """
SELECT ?g ?a ?id ?date ?pub ?wire ?event ?event_label WHERE {
  GRAPH ?g {
    ?a a np:Article ; np:articleId ?id .
    OPTIONAL { ?a schema:datePublished ?date }
    OPTIONAL { ?a schema:publisher ?pub }
    OPTIONAL { ?a np:wire ?wire }
    OPTIONAL { ?a np:event ?event OPTIONAL { ?event rdfs:label ?event_label } }
  }
}"""
)

MENTIONS = (
    _PREFIXES
    + """
SELECT ?g ?a ?e WHERE {
  GRAPH ?g {
    { ?a a np:Article ; schema:mentions ?e }
    UNION { ?x np:reportedIn ?a ; prov:wasAttributedTo ?e }
    UNION { ?x np:reportedIn ?a ; np:via ?e }
    UNION { ?x np:reportedIn ?a ; np:place ?e }
  }
}"""
)

ENTITIES = (
    _PREFIXES
    + """
SELECT ?g ?e ?type ?label ?alt ?anon WHERE {
  VALUES ?type { np:Person np:Organisation np:Outlet np:Place }
  GRAPH ?g {
    ?e a ?type ; rdfs:label ?label .
    OPTIONAL { ?e skos:altLabel ?alt }
    OPTIONAL { ?e np:anonymous ?anon }
  }
}"""
)

FIGURES = (
    _PREFIXES
    + """
SELECT ?g ?f ?a ?value ?qualifier ?measure ?population ?unit ?lower ?upper ?source ?via
       ?date ?sentence ?range ?text WHERE {
  GRAPH ?g {
    ?f a np:Figure ; np:reportedIn ?a ; np:value ?value .
    OPTIONAL { ?f np:qualifier ?qualifier }
    OPTIONAL { ?f np:measure ?measure }
    OPTIONAL { ?f np:population ?population }
    OPTIONAL { ?f np:unit ?unit }
    OPTIONAL { ?f np:lowerBound ?lower }
    OPTIONAL { ?f np:upperBound ?upper }
    OPTIONAL { ?f prov:wasAttributedTo ?source }
    OPTIONAL { ?f np:via ?via }
    OPTIONAL { ?f np:figureDate ?date }
    OPTIONAL { ?f np:evidence/oa:exact ?sentence }
    OPTIONAL { ?f np:rangeGroup ?range }
    OPTIONAL { ?f np:numberText ?text }
  }
}"""
)


@dataclass(slots=True)
class RawArticle:
    """An article as stored, entity references not yet canonical."""

    iri: str
    article_id: str
    date: str | None = None
    publisher: str | None = None
    wires: set[str] = field(default_factory=set)
    event: str | None = None
    event_label: str | None = None
    mentions: set[str] = field(default_factory=set)


@dataclass(slots=True)
class StoreData:
    """Everything refresh reads, keyed by IRI."""

    articles: dict[str, RawArticle]
    entities: list[EntityRecord]
    figures: list[FigureRecord]


def _s(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _f(node: Node | None) -> float | None:
    if node is None:
        return None
    try:
        return float(node.toPython()) if isinstance(node, Literal) else None
    except (TypeError, ValueError):
        return None


def _rows(store: Store, sparql: str, skip: str) -> Iterable[dict[str, Node | None]]:
    for row in store.select(sparql).dicts():
        if _s(row["g"]) != skip:
            yield row


def _articles(store: Store, skip: str) -> dict[str, RawArticle]:
    arts: dict[str, RawArticle] = {}
    for r in _rows(store, ARTICLES, skip):
        iri = str(r["a"])
        art = arts.setdefault(iri, RawArticle(iri, str(r["id"])))
        art.date = min(filter(None, [art.date, _s(r["date"])]), default=None)
        art.publisher = min(filter(None, [art.publisher, _s(r["pub"])]), default=None)
        art.event = min(filter(None, [art.event, _s(r["event"])]), default=None)
        if r["event_label"] is not None and _s(r["event"]) == art.event:
            art.event_label = str(r["event_label"])
        if r["wire"] is not None:
            art.wires.add(str(r["wire"]))
    for r in _rows(store, MENTIONS, skip):
        if str(r["a"]) in arts:
            arts[str(r["a"])].mentions.add(str(r["e"]))
    return arts


def _entities(store: Store, skip: str, arts: dict[str, RawArticle]) -> list[EntityRecord]:
    info: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(store, ENTITIES, skip):
        d = info[str(r["e"])]
        d["type"].add(str(r["type"]).rsplit("#", 1)[-1])
        d["labels"].add(str(r["label"]))
        if r["alt"] is not None:
            d["aliases"].add(str(r["alt"]))
        if r["anon"] is not None and _s(r["anon"]) in {"true", "1"}:
            d["anon"].add("yes")
    seen_in: dict[str, set[str]] = defaultdict(set)
    for art in arts.values():
        for e in art.mentions | art.wires | ({art.publisher} if art.publisher else set()):
            seen_in[e].add(art.iri)
    return [
        EntityRecord(
            iri=iri,
            type=min(d["type"]),
            labels=frozenset(d["labels"]),
            aliases=frozenset(d["aliases"]),
            anonymous=bool(d["anon"]),
            articles=frozenset(seen_in.get(iri, ())),
        )
        for iri, d in sorted(info.items())
    ]


def _figure(r: dict[str, Node | None]) -> FigureRecord:
    measure = _s(r["measure"])
    return FigureRecord(
        iri=str(r["f"]),
        article=str(r["a"]),
        value=_f(r["value"]) or 0.0,
        qualifier=_s(r["qualifier"]) or "exact",
        measure=measure.removeprefix(_MEASURE_NS) if measure else None,
        population=_s(r["population"]),
        unit=_s(r["unit"]),
        lower=_f(r["lower"]),
        upper=_f(r["upper"]),
        source=_s(r["source"]),
        via=_s(r["via"]),
        date=_s(r["date"]),
        sentence=_s(r["sentence"]) or "",
        range_group=_s(r["range"]),
        number_text=_s(r["text"]) or "",
    )


def _figures(store: Store, skip: str) -> list[FigureRecord]:
    # one record per figure: with several rows (should not happen) the smallest wins
    best: dict[str, FigureRecord] = {}
    for r in _rows(store, FIGURES, skip):
        fig = _figure(r)
        old = best.get(fig.iri)
        if old is None or repr(fig) < repr(old):
            best[fig.iri] = fig
    return [best[k] for k in sorted(best)]


def load(store: Store, skip_graph: str) -> StoreData:
    """Articles, entities and figures of every graph except ``skip_graph``."""
    arts = _articles(store, skip_graph)
    return StoreData(arts, _entities(store, skip_graph, arts), _figures(store, skip_graph))
