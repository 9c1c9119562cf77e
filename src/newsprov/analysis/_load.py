"""Reading what cross-referencing needs from the store, through the ``.rq`` files in
``analysis/queries/`` (bound, never spliced).

Every input query projects its graph ``?g`` so the derived cross-reference graphs
themselves are skipped in Python (their IRIs are never pasted into SPARQL text). A full
recompute reads every article with its entities in one pass. An ingest reads which
articles exist (one cheap global read) and the index stored with each event (each
article's fields, mentions and entity records, covered by its event's signature), and
reads only the articles it wrote from their own graphs; figures, the bulk of the store,
are read per article graph for the events an ingest touches.

An ingest may pass the rows of the graphs it wrote (:func:`graph_rows`, read by its
workers from a store of each batch alone as they write it): those graphs are then not
read back from the store, and the result is the same, since every input pattern sits in
one ``GRAPH ?g`` and the rows of a graph are its own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from newsprov.analysis.clusters import EntityRecord
from newsprov.analysis.records import FigureRecord
from newsprov.rdf.crossref_mapping import CROSSREF_GRAPH
from newsprov.rdf.iris import graph_iri
from newsprov.rdf.store import Store

__all__ = [
    "INPUTS",
    "GraphRows",
    "RawArticle",
    "StoreData",
    "article_fields",
    "article_index",
    "derived",
    "graph_rows",
    "load",
    "load_figures",
    "load_index",
    "load_state",
    "rows_in",
]

_MEASURE_NS = "https://newsprov.org/measure/"


@cache
def _query(name: str) -> str:
    return resources.files("newsprov.analysis").joinpath(f"queries/{name}.rq").read_text("utf-8")


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
    title: str | None = None
    url: str | None = None
    described: set[str] = field(default_factory=set)  # entities its graph describes


@dataclass(slots=True)
class StoreData:
    """Everything a cross-reference run reads, keyed by IRI."""

    articles: dict[str, RawArticle]
    entities: list[EntityRecord]
    figures: list[FigureRecord]


Row = dict[str, str | None]

INPUTS = ("articles", "event_labels", "mentions", "entities", "figures")
"""The input queries that read one article graph (``?g`` bound or projected)."""

GraphRows = dict[str, list[Row]]
"""One graph's rows of each of the :data:`INPUTS`, by query name."""


def _s(value: str | None) -> str | None:
    return value


def _f(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None


def _rows(
    store: Store, name: str, skip: str, bindings: dict[str, URIRef] | None = None
) -> Iterable[Row]:
    for row in store.select_values(_query(name), bindings):
        if not derived(row["g"] or "", skip):
            yield row


def derived(graph: str, prefix: str) -> bool:
    """Whether ``graph`` is ``prefix`` or under it (an article graph never is: ids are
    percent-encoded, so no article graph IRI continues with a slash)."""
    return graph == prefix or graph.startswith(prefix + "/")


def _first(old: str | None, new: str | None) -> str | None:
    return min(filter(None, [old, _s(new)]), default=None)


def _articles(
    rows: Iterable[Row], labels: Iterable[Row], arts: dict[str, RawArticle] | None = None
) -> dict[str, RawArticle]:
    """Articles with their fields, from rows of the articles and event_labels queries
    (the labels read once every article row is in), added to ``arts``."""
    arts = {} if arts is None else arts
    for r in rows:
        iri = str(r["a"])
        art = arts.setdefault(iri, RawArticle(iri, str(r["id"])))
        art.date = _first(art.date, r["date"])
        art.publisher = _first(art.publisher, r["pub"])
        art.event = _first(art.event, r["event"])
        art.title = _first(art.title, r["title"])
        art.url = _first(art.url, r["url"])
        if r["wire"] is not None:
            art.wires.add(str(r["wire"]))
    for r in labels:
        filed = arts.get(str(r["a"]))
        if filed is not None and _s(r["event"]) == filed.event:
            filed.event_label = _first(filed.event_label, r["event_label"])
    return arts


def graph_rows(graphs: Sequence[tuple[str, bytes]], skip: str) -> dict[str, GraphRows]:
    """Graph IRI -> its rows of each of the :data:`INPUTS`, read from a store holding the
    graphs ``graphs`` (IRI, N-Triples) alone: the rows any store holding them gives for
    them, each pattern sitting in one ``GRAPH ?g``."""
    store = Store()
    store.replace_graphs(graphs)
    out: dict[str, GraphRows] = {iri: {name: [] for name in INPUTS} for iri, _ in graphs}
    for name in INPUTS:
        for r in _rows(store, name, skip):
            out[str(r["g"])][name].append(r)
    return out


def rows_in(store: ox.Store, skip: str) -> dict[str, GraphRows]:
    """:func:`graph_rows` of the graphs an Oxigraph store holds (read as
    :meth:`Store.select_values` reads them)."""
    out: dict[str, GraphRows] = {}
    for name in INPUTS:
        result = store.query(_query(name))
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        for sol in result:
            r = dict(zip(names, [None if t is None else t.value for t in sol], strict=True))
            if not derived(r["g"] or "", skip):
                out.setdefault(str(r["g"]), {n: [] for n in INPUTS})[name].append(r)
    return out


class _Source:
    """Where input rows come from: the store, except for the graphs whose rows were
    ``given``; reading every graph takes the given rows alone when the store holds no
    other graph than those (and derived ones)."""

    def __init__(self, store: Store, skip: str, given: Mapping[str, GraphRows] | None) -> None:
        self.store, self.skip, self.given = store, skip, given or {}
        self._all: bool | None = None

    def all_given(self) -> bool:
        if self._all is None:
            self._all = bool(self.given) and all(
                g in self.given for g in self.store.graphs() if not derived(g, self.skip)
            )
        return self._all

    def every(self, name: str) -> Iterable[Row]:
        """Rows of query ``name`` over every graph but ``skip*``."""
        if self.all_given():
            return (r for rows in self.given.values() for r in rows[name])
        return _rows(self.store, name, self.skip)

    def of(self, graph: str, name: str) -> Iterable[Row]:
        """Rows of query ``name`` in the graph ``graph``."""
        rows = self.given.get(graph)
        if rows is not None:
            return rows[name]
        return _rows(self.store, name, self.skip, {"g": URIRef(graph)})


Info = dict[str, dict[str, set[str]]]


def _mentions(rows: Iterable[Row], arts: dict[str, RawArticle]) -> None:
    for r in rows:
        if str(r["a"]) in arts:
            arts[str(r["a"])].mentions.add(str(r["e"]))


def _entity_info(rows: Iterable[Row], info: Info, graphs: Mapping[str, RawArticle]) -> Info:
    for r in rows:
        if (art := graphs.get(r["g"] or "")) is not None:
            art.described.add(str(r["e"]))
        d = info[str(r["e"])]
        d["type"].add(str(r["type"]).rsplit("#", 1)[-1])
        d["labels"].add(str(r["label"]))
        if r["alt"] is not None:
            d["aliases"].add(str(r["alt"]))
        if r["anon"] is not None and _s(r["anon"]) in {"true", "1"}:
            d["anon"].add("yes")
    return info


def _records(info: Info, arts: dict[str, RawArticle]) -> list[EntityRecord]:
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


def article_fields(art: RawArticle) -> list[str | list[str] | None]:
    """What the articles query reads of one article besides its id (date, publisher,
    wires, event and its label, headline, URL): part of its stored index, and of the
    signature of its event, so a stored index always holds what its event was computed
    from."""
    return [
        art.date,
        art.publisher,
        sorted(art.wires),
        art.event,
        art.event_label,
        art.title,
        art.url,
    ]


def article_index(art: RawArticle, entities: Mapping[str, EntityRecord]) -> str:
    """What the index pass reads of one article, as JSON: its fields, its mentions and the
    records of the entities its graph describes; stored with the article's event, so an
    ingest need not read every article graph."""
    ents = {
        e: [r.type, sorted(r.labels), sorted(r.aliases), r.anonymous]
        for e in sorted(art.described)
        if (r := entities.get(e)) is not None
    }
    index = {"r": article_fields(art), "m": sorted(art.mentions), "e": ents}
    return json.dumps(index, sort_keys=True, ensure_ascii=False)


def _cached(store: Store, skip: str) -> dict[str, dict[str, Any]]:
    """Article IRI -> its stored index (only indexes that hold the article's fields)."""
    out: dict[str, dict[str, Any]] = {}
    for r in store.select_values(_query("index")):
        if derived(r["g"] or "", skip):
            data = json.loads(str(r["j"]))
            if "r" in data:
                out[str(r["a"])] = data
    return out


def _from_cache(data: dict[str, Any], art: RawArticle, info: Info) -> None:
    date, pub, wires, event, label, title, url = data["r"]
    art.date, art.publisher, art.event, art.event_label = date, pub, event, label
    art.title, art.url = title, url
    art.wires.update(wires)
    art.mentions.update(data["m"])
    for e, (kind, labels, aliases, anon) in data["e"].items():
        art.described.add(e)
        d = info[e]
        d["type"].add(kind)
        d["labels"].update(labels)
        d["aliases"].update(aliases)
        if anon:
            d["anon"].add("yes")


def _figure(r: Row) -> FigureRecord:
    measure = _s(r["measure"])
    start = _f(r["start"])
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
        place=_s(r["place"]),
        what=_s(r["what"]) or "",
        start=int(start) if start is not None else -1,
    )


def _best(rows: Iterable[Row]) -> list[FigureRecord]:
    # one record per figure: with several rows (should not happen) the smallest wins
    best: dict[str, FigureRecord] = {}
    for r in rows:
        fig = _figure(r)
        old = best.get(fig.iri)
        if old is None or repr(fig) < repr(old):
            best[fig.iri] = fig
    return [best[k] for k in sorted(best)]


def load_figures(
    store: Store,
    skip: str,
    graphs: Iterable[str] | None = None,
    given: Mapping[str, GraphRows] | None = None,
) -> list[FigureRecord]:
    """Figures of the article graphs ``graphs`` (every graph but ``skip*`` when None);
    the graphs in ``given`` (see :func:`graph_rows`) are not read from the store."""
    source = _Source(store, skip, given)
    if graphs is None:
        return _best(source.every("figures"))
    return _best(r for g in sorted(set(graphs)) for r in source.of(g, "figures"))


def load_index(
    store: Store,
    skip: str,
    touched: Iterable[str] | None = None,
    given: Mapping[str, GraphRows] | None = None,
) -> tuple[dict[str, RawArticle], list[EntityRecord]]:
    """Articles (with what they mention) and entities of every graph but ``skip*``.

    With ``touched`` (the articles an ingest wrote), every other article's mentions and
    entities come from the index stored with its event; only the touched ones, and any
    article without a stored index, are read from their own graphs (which articles exist
    is always read afresh). Without ``touched``, or when most articles need reading, every
    graph is read in one pass. The graphs in ``given`` (see :func:`graph_rows`) are not
    read from the store."""
    base = _base_of(skip)
    info: Info = defaultdict(lambda: defaultdict(set))
    source = _Source(store, skip, given)
    if touched is None:
        return _read_all(source, base, info)
    wrote = set(touched)
    arts = _article_ids(store, skip)
    cached = _cached(store, skip)
    todo = [a for a in arts if a not in cached or a in wrote]
    if len(todo) > 0.5 * len(arts):
        return _read_all(source, base, info)
    graphs = {graph_iri(a.article_id, base): a for a in arts.values()}
    for a in arts.keys() - set(todo):
        _from_cache(cached[a], arts[a], info)
    for a in todo:
        g = graph_iri(arts[a].article_id, base)
        _articles(source.of(g, "articles"), source.of(g, "event_labels"), arts)
        _mentions(source.of(g, "mentions"), arts)
        _entity_info(source.of(g, "entities"), info, graphs)
    return arts, _records(info, arts)


def _read_all(
    source: _Source, base: str, info: Info
) -> tuple[dict[str, RawArticle], list[EntityRecord]]:
    arts = _articles(source.every("articles"), source.every("event_labels"))
    graphs = {graph_iri(a.article_id, base): a for a in arts.values()}
    _mentions(source.every("mentions"), arts)
    _entity_info(source.every("entities"), info, graphs)
    return arts, _records(info, arts)


def _article_ids(store: Store, skip: str) -> dict[str, RawArticle]:
    """Every stored article with its id only (its other fields not read)."""
    arts: dict[str, RawArticle] = {}
    for r in _rows(store, "article_ids", skip):
        arts.setdefault(str(r["a"]), RawArticle(str(r["a"]), str(r["id"])))
    return arts


def _base_of(prefix: str) -> str:
    return prefix.removesuffix(CROSSREF_GRAPH)


def load_state(store: Store, prefix: str) -> dict[str, tuple[str, str]]:
    """Derived graph IRI -> (node, signature) for the graphs under ``prefix``."""
    out = {}
    for r in store.select_values(_query("state")):
        g = _s(r["g"]) or ""
        if derived(g, prefix):
            out[g] = (str(r["node"]), str(r["signature"]))
    return out


def load(store: Store, skip: str) -> StoreData:
    """Articles, entities and figures of every graph except those starting with ``skip``."""
    arts, entities = load_index(store, skip)
    return StoreData(arts, entities, load_figures(store, skip))
