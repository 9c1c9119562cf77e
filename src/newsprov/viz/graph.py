"""The store as a networkx graph for the explorer: who reported what, from whom, via whom.

Nodes are IRIs with attributes ``kind`` (article, outlet, person, organisation, place,
figure, quote), ``label`` (short display text), ``name`` (entities and articles: the full
name, for search) and ``lines`` (plain-text details and the evidence sentences shown on
hover). Entities linked to nothing (byline authors and places) are left out. Edges run

- outlet —published→ article (``schema:publisher``), outlet —wire→ article (``np:wire``)
- article —reports→ figure, article —quotes→ quote (``np:reportedIn``, reversed)
- figure|quote —attributed to→ source (``prov:wasAttributedTo`` / ``np:speaker``)
- figure|quote —via→ outlet (``np:via``), figure —about→ place (``np:place``)
- article —mentions→ person|organisation|place (``schema:mentions``)

Figures and quotes ("claims") also keep ``article``, ``sources``, ``vias`` and
``measure``; articles keep ``events``, ``publisher`` and ``wires``, so filters can be
applied without asking the store again. All text stays plain here; it is escaped when
written into HTML.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import networkx as nx

from newsprov.rdf.store import Store

__all__ = ["CLAIM_KINDS", "ENTITY_KINDS", "build_graph", "evidence_of", "local_name"]

_PREFIXES = """PREFIX np: <https://newsprov.org/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_NP = "https://newsprov.org/ontology#"
CLAIM_KINDS = frozenset({"figure", "quote"})
# Entity classes in priority order: an IRI typed twice (outlet in one article,
# organisation in another) is drawn as the first kind.
ENTITY_KINDS = ("outlet", "organisation", "person", "place")
_CLASS_KIND = {
    _NP + "Outlet": "outlet",
    _NP + "Organisation": "organisation",
    _NP + "Person": "person",
    _NP + "Place": "place",
}
_MAX_ENTITY_EVIDENCE = 5
Row = dict[str, str | None]


_Q_ENTITIES = (
    _PREFIXES
    + """SELECT ?e ?type (SAMPLE(?l) AS ?label) (SAMPLE(?anon) AS ?anonymous)
WHERE { VALUES ?type { np:Person np:Organisation np:Outlet np:Place }
  ?e a ?type . OPTIONAL { ?e rdfs:label ?l } OPTIONAL { ?e np:anonymous ?anon } }
GROUP BY ?e ?type"""
)
_Q_ARTICLES = (
    _PREFIXES
    + """SELECT ?a ?id ?headline ?date ?url ?publisher ?event ?event_label
WHERE { ?a a np:Article .
  OPTIONAL { ?a np:articleId ?id } OPTIONAL { ?a schema:headline ?headline }
  OPTIONAL { ?a schema:datePublished ?date } OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:publisher ?publisher }
  OPTIONAL { ?a np:event ?event OPTIONAL { ?event rdfs:label ?event_label } } }"""
)
_Q_ARTICLE_LINKS = (
    _PREFIXES
    + """SELECT ?a ?p ?o
WHERE { VALUES ?p { np:wire schema:mentions } ?a a np:Article ; ?p ?o . }"""
)
_Q_FIGURES = (
    _PREFIXES
    + """SELECT ?f ?a ?value ?lower ?upper ?qualifier ?text ?measure
  ?population ?unit ?what ?source ?via ?place ?sentence
WHERE { ?f a np:Figure ; np:reportedIn ?a .
  OPTIONAL { ?f np:value ?value } OPTIONAL { ?f np:lowerBound ?lower }
  OPTIONAL { ?f np:upperBound ?upper } OPTIONAL { ?f np:qualifier ?qualifier }
  OPTIONAL { ?f np:numberText ?text } OPTIONAL { ?f np:measure ?measure }
  OPTIONAL { ?f np:population ?population } OPTIONAL { ?f np:unit ?unit }
  OPTIONAL { ?f np:what ?what } OPTIONAL { ?f prov:wasAttributedTo ?source }
  OPTIONAL { ?f np:via ?via } OPTIONAL { ?f np:place ?place }
  OPTIONAL { ?f np:evidence/oa:exact ?sentence } }"""
)
_Q_QUOTES = (
    _PREFIXES
    + """SELECT ?q ?a ?text ?speaker ?via ?sentence
WHERE { ?q a np:Quote ; np:reportedIn ?a .
  OPTIONAL { ?q np:quoteText ?text } OPTIONAL { ?q np:speaker ?speaker }
  OPTIONAL { ?q np:via ?via } OPTIONAL { ?q np:evidence/oa:exact ?sentence } }"""
)


def local_name(iri: str) -> str:
    """The last path or fragment segment of an IRI, for display when nothing better exists."""
    return iri.rstrip("/").rsplit("#", 1)[-1].rsplit("/", 1)[-1] or iri


def _rows(store: Store, sparql: str, graphs: Sequence[str] | None) -> Iterator[Row]:
    """Rows of a SELECT as plain strings (None = unbound), over the union of all graphs,
    or over each of ``graphs`` in turn (one query per graph: Oxigraph reads a graph's own
    index ranges then, where a list of graphs as default graph is tried graph by graph
    for every pattern, hundreds of times slower)."""
    for scope in [None] if graphs is None else [[g] for g in graphs]:
        result = store.raw_query(sparql, default_graph=scope, own_text=True)
        names = [v.value for v in result.variables]
        for sol in result:  # a solution iterates its values in the order of the variables
            yield dict(zip(names, [None if t is None else t.value for t in sol], strict=True))


def _shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _ensure(g: nx.MultiDiGraph, iri: str, kind: str = "entity") -> dict[str, Any]:
    """The attribute dict of node ``iri``, adding a bare node when it is missing."""
    if iri not in g:
        g.add_node(iri, kind=kind, label=_shorten(local_name(iri)), lines=[], evidence=[])
    return g.nodes[iri]


def _add_entities(g: nx.MultiDiGraph, store: Store, graphs: Sequence[str] | None) -> None:
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in _rows(store, _Q_ENTITIES, graphs):
        iri, kind = row["e"] or "", _CLASS_KIND[row["type"] or ""]
        if iri not in kinds or ENTITY_KINDS.index(kind) < ENTITY_KINDS.index(kinds[iri]):
            kinds[iri] = kind
        labels.setdefault(iri, row["label"] or local_name(iri))
    for iri, kind in kinds.items():
        label = labels[iri]
        g.add_node(
            iri,
            kind=kind,
            label=_shorten(label),
            name=label,
            lines=[f"{kind}: {label}"],
            evidence=[],
        )


def _add_articles(g: nx.MultiDiGraph, store: Store, graphs: Sequence[str] | None) -> None:
    for row in _rows(store, _Q_ARTICLES, graphs):
        iri = row["a"] or ""
        if iri not in g:
            name = row["headline"] or row["id"] or local_name(iri)
            details = [
                f"article: {row['id'] or local_name(iri)}",
                f"headline: {row['headline']}",
                f"published: {row['date']}",
                f"url: {row['url']}",
            ]
            g.add_node(
                iri,
                kind="article",
                label=_shorten(name),
                name=name,
                events={},
                wires=set(),
                publisher=row["publisher"],
                evidence=[],
                lines=[d for d in details if not d.endswith(": None")],
            )
        node = g.nodes[iri]
        if row["event"]:
            node["events"][row["event"]] = row["event_label"] or local_name(row["event"])
        if row["publisher"] and not g.has_edge(row["publisher"], iri, "published"):
            _ensure(g, row["publisher"], "outlet")
            g.add_edge(row["publisher"], iri, key="published", label="published")
    for row in _rows(store, _Q_ARTICLE_LINKS, graphs):
        article, target = row["a"] or "", row["o"] or ""
        if row["p"] == _NP + "wire":
            _ensure(g, target, "outlet")
            g.nodes[article]["wires"].add(target)
            g.add_edge(target, article, key="wire", label="wire")
        elif _ensure(g, target)["kind"] != "outlet":
            g.add_edge(article, target, key="mentions", label="mentions")


def _claim_node(
    g: nx.MultiDiGraph, iri: str, kind: str, article: str, label: str
) -> dict[str, Any]:
    if iri not in g:
        g.add_node(
            iri,
            kind=kind,
            label=_shorten(label),
            article=article,
            sources=set(),
            vias=set(),
            measure=None,
            lines=[],
            evidence=[],
            conflict=False,
        )
        _ensure(g, article, "article")
        label = "reports" if kind == "figure" else "quotes"
        g.add_edge(article, iri, key=label, label=label)
    return g.nodes[iri]


def _link(g: nx.MultiDiGraph, claim: str, target: str | None, label: str, kind: str) -> None:
    """Add claim —label→ target once (targets may repeat across joined rows)."""
    if target is None or g.has_edge(claim, target, label):
        return
    _ensure(g, target, kind)
    g.add_edge(claim, target, key=label, label=label)
    node = g.nodes[claim]
    if label == "attributed to":
        node["sources"].add(target)
    elif label == "via":
        node["vias"].add(target)


def _add_figures(g: nx.MultiDiGraph, store: Store, graphs: Sequence[str] | None) -> None:
    for row in _rows(store, _Q_FIGURES, graphs):
        iri = row["f"] or ""
        text = row["text"] or row["value"] or "?"
        measure = local_name(row["measure"]) if row["measure"] else None
        label = f"{text} {measure}" if measure else text
        node = _claim_node(g, iri, "figure", row["a"] or "", label)
        if not node["lines"]:
            node.update(measure=row["measure"], number=_number(row))
            node["lines"] = _figure_lines(row, measure)
        _link(g, iri, row["source"], "attributed to", "person")
        _link(g, iri, row["via"], "via", "outlet")
        _link(g, iri, row["place"], "about", "place")
        if row["sentence"] and row["sentence"] not in node["evidence"]:
            node["evidence"].append(row["sentence"])


def _number(row: dict[str, str | None]) -> dict[str, Any]:
    """The numeric facts conflict detection compares."""

    def num(key: str) -> float | None:
        value = row[key]
        return float(value) if value is not None else None

    return {
        "value": num("value"),
        "lower": num("lower"),
        "upper": num("upper"),
        "qualifier": row["qualifier"] or "exact",
        "population": row["population"],
    }


def _figure_lines(row: dict[str, str | None], measure: str | None) -> list[str]:
    lines = [
        f"figure: {row['text'] or row['value']}",
        f"value: {row['value']} ({row['qualifier'] or 'exact'})",
        f"measure: {measure}",
        f"population: {row['population']}",
        f"unit: {row['unit']}",
        f"what: {row['what']}",
    ]
    return [line for line in lines if not line.endswith(": None")]


def _add_quotes(g: nx.MultiDiGraph, store: Store, graphs: Sequence[str] | None) -> None:
    for row in _rows(store, _Q_QUOTES, graphs):
        iri, text = row["q"] or "", row["text"] or ""
        node = _claim_node(g, iri, "quote", row["a"] or "", f"“{text}”")
        if not node["lines"]:
            node["lines"] = [f"quote: “{text}”"]
        _link(g, iri, row["speaker"], "attributed to", "person")
        _link(g, iri, row["via"], "via", "outlet")
        if row["sentence"] and row["sentence"] not in node["evidence"]:
            node["evidence"].append(row["sentence"])


def evidence_of(g: nx.MultiDiGraph, node: str) -> list[str]:
    """Evidence sentences to show for ``node``: its own, or those of claims it touches."""
    data = g.nodes[node]
    if data["kind"] in CLAIM_KINDS:
        return list(data["evidence"])
    found: dict[str, None] = {}
    for other in (*g.predecessors(node), *g.successors(node)):
        if g.nodes[other]["kind"] in CLAIM_KINDS:
            found.update(dict.fromkeys(g.nodes[other]["evidence"]))
    return list(found)


def _name_claim_agents(g: nx.MultiDiGraph) -> None:
    """Add "source: …" and "via: …" lines to claims once every entity is known."""
    for _, data in g.nodes(data=True):
        if data["kind"] in CLAIM_KINDS:
            data["lines"] += [f"source: {g.nodes[s]['label']}" for s in sorted(data["sources"])]
            data["lines"] += [f"via: {g.nodes[v]['label']}" for v in sorted(data["vias"])]


def build_graph(store: Store, graphs: Sequence[str] | None = None) -> nx.MultiDiGraph:
    """Every article, entity, figure and quote in ``store`` with the edges between them,
    or only those of the named graphs ``graphs`` (article graphs: see viz/scale.py).

    Conflicts are not marked here; see :func:`newsprov.viz.conflicts.mark_conflicts`.
    """
    g = nx.MultiDiGraph()
    _add_entities(g, store, graphs)
    _add_articles(g, store, graphs)
    _add_figures(g, store, graphs)
    _add_quotes(g, store, graphs)
    _name_claim_agents(g)
    for _, data in g.nodes(data=True):
        if not data["lines"]:  # nodes created bare, from a reference only
            data["lines"] = [f"{data['kind']}: {data['label']}"]
    _drop_unlinked_entities(g)
    return g


def _drop_unlinked_entities(g: nx.MultiDiGraph) -> None:
    """Leave out entities linked to nothing drawn: a byline's author and place (and photo
    credits) are stored with the article but are not people or places it reports on."""
    g.remove_nodes_from(
        [n for n, d in g.nodes(data=True) if d["kind"] in ENTITY_KINDS and g.degree(n) == 0]
    )
