"""Materialised rows of the listing queries ``figures``, ``quotes`` and ``articles``.

Listing every figure joins some twenty triples per row across the store, and Oxigraph
pays an index seek for each of them and a dictionary read for every string it hands out:
at 10,000 articles that is tens of seconds. So when an article graph is written, the
mapping (:func:`view_triples_many`, called by :func:`newsprov.rdf.mapping.extraction_to_triples`)
also runs the canned query itself on that one graph and stores each resulting row in the
graph, as one literal on the row's figure, quote or article (``np:figuresRow``,
``np:quotesRow``, ``np:articlesRow``; :func:`row_text`). :func:`read_view` then answers
the canned query from those literals: one triple per row, sorted in Python by (article
id, position in the article), every bound column checked.

A bound value must not scan the rows: each row is also stored on the key node of every
value it could be filtered by (:func:`key_node`: query, variable and a digest of the
term, ``np:keyedRow``), so ``figures`` bound to one source reads one index range, the
rows of that source, whatever the size of the store. Those key nodes are used only when
the store is marked as holding them in every article graph (:func:`mark_keyed`, after
each ingest); otherwise a bound value is followed through the indexes from its term (an
article id, an outlet's, source's, speaker's or event's label) to the subjects that can
match, and a subject without a current row sends the caller to the SPARQL.

A page (``limit``) must not read every row either: each key node, and one node per
view for all its rows (:func:`all_node`), also holds once per article graph the order of
that article (``np:keyedOrder``: the first bytes of its id as a number, which Oxigraph
keeps inline in its indexes), so Oxigraph sorts the article graphs without reading any
text, and a page reads the rows of its first articles only (:func:`_paged`). A listing
without a limit reads every row it lists anyway, and sorts them here, which is quicker
than the sorted join.

The rows are derived data and the query stays the definition: each literal carries a
digest of the query text it was computed with, and whenever the store does not hold a
current row for every figure (or quote) it would list, :func:`read_view` returns None and
the caller runs the SPARQL query instead, which gives the same rows.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from newsprov.rdf.namespaces import NP, PREFIXES
from newsprov.rdf.store import to_ox as _to_ox
from newsprov.rdf.view_rows import decode_rows, encode_term, row_fields, row_text

if TYPE_CHECKING:
    from newsprov.rdf.store import Store

__all__ = [
    "VIEWS",
    "View",
    "is_keyed",
    "key_node",
    "lacks_current_rows",
    "mark_keyed",
    "read_view",
    "rows_digest",
    "view_for",
    "view_triples",
]

_ARTICLE_ID = NP.articleId
_ARTICLE_IDS = frozenset({_ARTICLE_ID})
Triple = tuple[Node, Node, Node]
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_REPORTED_IN = str(NP.reportedIn)
_VIEW_GRAPH = ox.NamedNode("https://newsprov.org/id/graph/view")
_KEYED = str(NP.keyedRow)
_ROWS_DIGEST = str(NP.rowsDigest)
_KEY_BASE = "https://newsprov.org/id/rowkey/"
_MARK = "keyed-rows"
_FORMAT = "rows-v3"  # rows as U+001F-separated text, keyed by every bindable value, ordered
_KEYED_ORDER = str(NP.keyedOrder)
_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
_ORDER_BYTES = 15  # below 2**120: an Oxigraph xsd:decimal (i128, 18 fraction digits) holds it
_SCALE = 10**18


@dataclass(frozen=True, slots=True)
class View:
    """A canned query whose rows are materialised on its subjects.

    ``drivers`` maps a bindable variable to the chain of predicates that leads from its
    bound term to the subjects whose rows can hold it: the first predicate has the term
    as object, each next one has the previous node as object (all in one graph).
    """

    name: str
    predicate: str
    subject: str
    cls: str
    drivers: Mapping[str, tuple[str, ...]]


def _label_then(*predicates: str) -> tuple[str, ...]:
    return (_LABEL, *predicates)


_BY_ARTICLE = (str(NP.articleId), _REPORTED_IN)
VIEWS: Mapping[str, View] = {
    "figures": View(
        "figures",
        str(NP.figuresRow),
        "figure",
        str(NP.Figure),
        {
            "article_id": _BY_ARTICLE,
            "source": _label_then("http://www.w3.org/ns/prov#wasAttributedTo"),
            "via": _label_then(str(NP.via)),
            "outlet": _label_then("https://schema.org/publisher", _REPORTED_IN),
            "event": _label_then(str(NP.event), _REPORTED_IN),
        },
    ),
    "articles": View(
        "articles",
        str(NP.articlesRow),
        "article",
        str(NP.Article),
        {
            "article_id": (str(NP.articleId),),
            "outlet": _label_then("https://schema.org/publisher"),
            "event": _label_then(str(NP.event)),
            "date": ("https://schema.org/datePublished",),
        },
    ),
    "quotes": View(
        "quotes",
        str(NP.quotesRow),
        "quotation",
        str(NP.Quote),
        {
            "article_id": _BY_ARTICLE,
            "speaker": _label_then(str(NP.speaker)),
            "via": _label_then(str(NP.via)),
        },
    ),
}


_ARTICLES_ROWS = frozenset({URIRef(VIEWS["articles"].predicate)})


@cache
def _text(name: str) -> str:
    from newsprov.query._catalog import load

    return load(name)


@cache
def _digest(name: str) -> str:
    return hashlib.sha256(_text(name).encode("utf-8")).hexdigest()[:16]


@cache
def _variables(name: str) -> tuple[str, ...]:
    result = ox.Store().query(_text(name), prefixes=PREFIXES)
    assert isinstance(result, ox.QuerySolutions)
    return tuple(v.value for v in result.variables)


@cache
def _bindable(name: str) -> frozenset[str]:
    from newsprov.query._catalog import bindable

    return frozenset(bindable(_text(name)) or ())


def view_for(sparql: str) -> View | None:
    """The view whose canned query text is ``sparql``, if any."""
    for view in VIEWS.values():
        if sparql == _text(view.name):
            return view
    return None


# --- writing ----------------------------------------------------------------------------


def view_triples(graph: Iterable[Triple]) -> list[tuple[URIRef, URIRef, Literal]]:
    """The row triples of every view for one article's graph (to be added to it): each
    row on its subject, again on the key node of each bound value a query can filter by
    (:func:`key_node`), and the digest of the views on the article (``np:rowsDigest``).
    ``graph``: an rdflib Graph or any iterable of its triples."""
    return view_triples_many([list(graph)])[0]


_BATCHED = ("figures", "quotes", "articles")
"""The views whose query is run once over a batch of graphs: Oxigraph takes about 2 ms to
prepare the figures query, however small the graph. Each orders its rows by article id
and then totally by its subject. The articles query groups by the article (its id and
IRI among the keys) inside one ``GRAPH ?g``, so each article is its own group, and an
article's wires are joined within its own graph in the order its graph alone gives
(checked against single-graph stores with several wires, labelled differently in each
graph)."""


def view_triples_many(
    graphs: Sequence[Collection[Triple]],
    ntriples: Sequence[bytes] | None = None,
    *,
    names: Sequence[str] | None = None,
    batch: Callable[[ox.Store], None] | None = None,
) -> list[list[tuple[URIRef, URIRef, Literal]]]:
    """:func:`view_triples` of each graph, the same triples in the same order.

    The figures and quotes queries run once over all the graphs, each in a named graph
    of its own: their patterns all sit in one ``GRAPH ?g`` and they order by article id,
    then totally by the figure or quote, so each article's rows come out together and in
    the order a store holding that article alone gives, whenever the articles' ids differ
    and each subject has one row. Otherwise (or for a single graph) each graph is queried
    alone. ``ntriples``, each graph as N-Triples (``newsprov.rdf.store.ntriples``, which
    the ingest writes anyway), is loaded by Oxigraph's parser, quicker than converting
    every term here.

    ``names``: each graph's IRI, to name it by in the store of the batch (else it is
    named by its position); ``batch`` is called with that store once the views are read
    (when the views were read over the batch at once), for other readers of the same
    graphs. The names change no row: no view projects its graph.
    """
    data: Sequence[_Data]
    if ntriples is None:
        iris: dict[str, Any] = {}  # one Oxigraph node per IRI
        data = [[(_ox(s, iris), _ox(p, iris), _ox(o, iris)) for s, p, o in g] for g in graphs]
    else:
        data = ntriples
    batched = _batched_rows(graphs, data, names, batch) if len(graphs) > 1 else {}
    out = []
    for k, graph_data in enumerate(data):
        rows: list[tuple[URIRef, URIRef, Literal]] = []
        store = None  # a store of this graph alone, for a view the batch could not answer
        complete = True  # a row for every row of every view (none left out)
        for view in VIEWS.values():
            if (done := batched.get(view.name)) is not None:
                rows += done[k]
                continue
            if store is None:
                store = ox.Store()
                _write(store, graph_data, _VIEW_GRAPH)
            found, whole = _rows_of(store, view)
            rows += found
            complete = complete and whole
        articles = {s for s, p, _ in rows if p in _ARTICLES_ROWS} if complete else set()
        rows += [(a, URIRef(_ROWS_DIGEST), Literal(rows_digest())) for a in sorted(articles)]
        out.append(rows)
    return out


def _ox(node: Any, iris: dict[str, Any]) -> Any:
    """``to_ox(node)``, IRIs looked up in ``iris`` first."""
    if type(node) is URIRef:
        found = iris.get(node)
        if found is None:
            found = iris[node] = ox.NamedNode(str(node))
        return found
    return _to_ox(node)


_Data = bytes | Sequence[tuple[Any, Any, Any]]
"""One graph's triples: as N-Triples, or as Oxigraph terms."""


def _write(store: ox.Store, data: _Data, name: ox.NamedNode) -> None:
    """Add the triples ``data`` to ``store`` in the graph ``name``."""
    if isinstance(data, bytes):
        store.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=name)
    else:
        store.extend(ox.Quad(s, p, o, name) for s, p, o in data)


def _batched_rows(
    graphs: Sequence[Collection[Triple]],
    data: Sequence[_Data],
    names: Sequence[str] | None = None,
    batch: Callable[[ox.Store], None] | None = None,
) -> dict[str, list[list[tuple[URIRef, URIRef, Literal]]]]:
    """The rows of each graph (``data``: its triples as N-Triples or Oxigraph terms) for
    each batched view, leaving out a view whose rows may not be each graph's own (a row without an
    article id or a named subject, a subject on two rows), and every view when two
    graphs share an article id or one holds two."""
    owner: dict[str, int] = {}
    store = ox.Store()
    for k, (graph, graph_data) in enumerate(zip(graphs, data, strict=True)):
        name = ox.NamedNode(names[k] if names else f"{_VIEW_GRAPH.value}/{k}")
        ids = [str(o) for _, p, o in graph if p in _ARTICLE_IDS]  # hashed, not == each
        if len(ids) != 1 or ids[0] in owner:
            return {}
        owner[ids[0]] = k
        _write(store, graph_data, name)
    out: dict[str, list[list[tuple[URIRef, URIRef, Literal]]]] = {}
    for view_name in _BATCHED:
        rows = _rows_of(store, VIEWS[view_name], per_article=True)
        split = _split(rows, owner, len(graphs)) if rows is not None else None
        if split is not None:
            out[view_name] = split
    if batch is not None:
        batch(store)
    return out


def _split(
    rows: list[tuple[str, list[tuple[URIRef, URIRef, Literal]]]], owner: dict[str, int], n: int
) -> list[list[tuple[URIRef, URIRef, Literal]]] | None:
    out: list[list[tuple[URIRef, URIRef, Literal]]] = [[] for _ in range(n)]
    seen: set[URIRef] = set()
    for aid, triples in rows:
        subject = triples[0][0]
        if aid not in owner or subject in seen:
            return None
        seen.add(subject)
        out[owner[aid]] += triples
    return out


def _rows_of(store: ox.Store, view: View, *, per_article: bool = False) -> Any:
    """The view's row triples over ``store``, numbered from 0 in the order of the query,
    and whether every row is among them (a row without an article id or a named subject
    is left out); with ``per_article``, as (article id, the triples of one row) pairs
    numbered from 0 within each article id, or None if a row has to be left out.

    Each row is stored on its subject and on the key node of each bindable value it
    has; those key nodes and the view's :func:`all_node` hold the order of the row's
    article (np:keyedOrder), once per article."""
    result = store.query(_text(view.name), prefixes=PREFIXES)
    assert isinstance(result, ox.QuerySolutions)
    variables = _variables(view.name)
    keys = [ox.Variable(v) for v in variables]
    subject, article_id = ox.Variable(view.subject), ox.Variable("article_id")
    keyed = [(i, v) for i, v in enumerate(variables) if v in _bindable(view.name)]
    predicate, keyed_row = URIRef(view.predicate), URIRef(_KEYED)  # made once, not per row
    keyed_order, every = URIRef(_KEYED_ORDER), all_node(view.name)
    ordered: set[tuple[str, str]] = set()  # (article id, key node) given its order already
    out: list[tuple[URIRef, URIRef, Literal]] = []
    pairs: list[tuple[str, list[tuple[URIRef, URIRef, Literal]]]] = []
    positions: dict[str, int] = {}  # per_article: the next position in each article
    whole = True
    for position, sol in enumerate(result):
        node, aid = sol[subject], sol[article_id]
        if not isinstance(node, ox.NamedNode) or aid is None:
            if per_article:
                return None  # a skipped row counts in its article's positions: unknown
            whole = False  # the graph is not marked current: its rows are not all here
            continue
        if per_article:
            position = positions.get(aid.value, 0)
            positions[aid.value] = position + 1
        terms = [encode_term(sol[k]) for k in keys]
        row = Literal(row_text(_digest(view.name), aid.value, position, terms))
        order = _order_literal(aid.value)
        triples = [(URIRef(node.value), predicate, row)]
        nodes = [every]
        for i, var in keyed:
            if (term := terms[i]) is not None:
                key = key_node(view.name, var, term)
                triples.append((URIRef(key), keyed_row, row))
                nodes.append(key)
        for key in nodes:
            if (aid.value, key) not in ordered:
                ordered.add((aid.value, key))
                triples.append((URIRef(key), keyed_order, order))
        if per_article:
            pairs.append((aid.value, triples))
        else:
            out += triples
    return pairs if per_article else (out, whole)


def order_number(article_id: str) -> int:
    """The sort key of an article's rows: the first bytes of its id (UTF-8, padded with
    zero bytes) as one big-endian number. Ids in order give numbers in order (equal for
    ids that share those bytes), as str comparison orders them: by code point, which is
    the order of their UTF-8 bytes."""
    raw = article_id.encode("utf-8")[:_ORDER_BYTES]
    return int.from_bytes(raw.ljust(_ORDER_BYTES, b"\0"), "big")


def order_literal_text(article_id: str) -> str:
    """:func:`order_number` as the lexical form of the xsd:decimal whose Oxigraph
    encoding is that number (a decimal is an i128 counted in 10**-18): inline in the
    indexes, compared as a number by ORDER BY, so sorting the rows reads none of their
    text."""
    n = order_number(article_id)
    return f"{n // _SCALE}.{n % _SCALE:018d}"


def _order_literal(article_id: str) -> Literal:
    return Literal(order_literal_text(article_id), datatype=URIRef(_DECIMAL))


def order_of(lexical: str) -> int:
    """:func:`order_number` back from the decimal's lexical form (as Oxigraph writes it)."""
    whole, _, fraction = lexical.partition(".")
    return int(whole) * _SCALE + int(fraction.ljust(18, "0")[:18] or 0)


def all_node(view: str) -> str:
    """The IRI of the node that holds the order of every article with rows of ``view``
    (np:keyedOrder; its rows stay on their subjects)."""
    return f"{_KEY_BASE}{view}/all"


def key_node(view: str, var: str, encoded: str) -> str:
    """The IRI of the node that holds ``view``'s rows whose ``var`` is the encoded term."""
    digest = hashlib.blake2b(encoded.encode("utf-8"), digest_size=12).hexdigest()
    return f"{_KEY_BASE}{view}/{var}/{digest}"


@cache
def rows_digest() -> str:
    """A digest of every view's query text and of the row format: the marker an article
    graph's rows carry, and the store's mark once every article graph carries it."""
    joined = " ".join(f"{name}={_digest(name)}" for name in sorted(VIEWS))
    return hashlib.sha256(f"{_FORMAT} {joined}".encode()).hexdigest()[:16]


def mark_keyed(store: Store) -> bool:
    """Mark (or unmark) the store as one whose every article graph holds keyed rows of
    the current views, so bound values are read from their key nodes; True when marked.

    Counts articles and marked articles over the whole store: call it once after writing
    graphs (an ingest does), never per query. A store written by a newsprov without key
    nodes stays unmarked and is answered as before, by walking from the bound term.
    """
    count = "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a {} }} }}"
    articles = _count(store, count.format(f"a <{VIEWS['articles'].cls}>"))
    marked = _count(store, count.format(f"<{_ROWS_DIGEST}> {ox.Literal(rows_digest())}"))
    complete = articles > 0 and articles == marked
    store.write_mark(_MARK, rows_digest() if complete else None)
    return complete


def lacks_current_rows(ntriples: bytes) -> bool:
    """True for an article graph (N-Triples) without rows of the current views."""
    if f"<{VIEWS['articles'].cls}>".encode() not in ntriples:
        return False  # a derived graph (cross-reference), holding no article
    marker = f"<{_ROWS_DIGEST}> {ox.Literal(rows_digest())}"
    return marker.encode() not in ntriples


def _count(store: Store, sparql: str) -> int:
    return int(next(iter(store.raw_query(sparql, own_text=True)))[0].value)


def is_keyed(store: Store) -> bool:
    """True when the store is marked: every article graph holds current keyed rows."""
    return store.read_mark(_MARK) == rows_digest()


# --- reading ----------------------------------------------------------------------------


PAGED_ROWS = 10_000
"""A page ending past this many rows is cut from the whole listing instead: reading the
rows of many article graphs one batch after another costs about twice as much a row as
reading them all at once."""


class _Stale(Exception):
    """A subject the view would list has no current row: run the query instead."""


def read_view(
    store: Store, view: View, bindings: Mapping[str, Any], offset: int, limit: int | None
) -> tuple[tuple[str, ...], Iterator[tuple[Any, ...]]] | None:
    """The view's variables and its rows (pyoxigraph terms) as its query would give them,
    cut by ``offset``/``limit``; None when the store lacks current rows (run the query).

    ``bindings`` holds pyoxigraph terms; a bound variable keeps the rows whose column is
    that very term, as the query's filters do.
    """
    if not set(bindings) <= _bindable(view.name):
        return None
    variables = _variables(view.name)
    if limit is not None and offset + limit <= PAGED_ROWS and is_keyed(store):
        page = _paged(store, view, bindings, offset, limit)
        return None if page is None else (variables, page)
    try:
        raw = _raw_rows(store, view, bindings)
    except _Stale:
        return None
    rows = [row_fields(text) for text in raw]  # [digest, article id, position, *terms]
    digest = _digest(view.name)
    if any(row[0] != digest for row in rows):
        return None  # rows of another query text
    for column, want in [(variables.index(k), encode_term(v)) for k, v in bindings.items()]:
        rows = [row for row in rows if row[3 + column] == want]
    rows.sort(key=_order)
    stop = None if limit is None else offset + limit
    return variables, decode_rows(row[3:] for row in rows[offset:stop])


def _order(row: list[str]) -> tuple[str, int]:
    return row[1], int(row[2])


def _paged(
    store: Store, view: View, bindings: Mapping[str, Any], offset: int, limit: int
) -> Iterator[tuple[Any, ...]] | None:
    """Rows ``offset`` to ``offset + limit`` of a keyed store, reading the rows of the
    first articles only.

    The article graphs holding the rows (those of the first bound value's key node, or
    of every row: :func:`all_node`) come in order from Oxigraph, which sorts them by
    their order (:func:`order_number`), a number kept inline in its indexes, so that
    sorting reads no text; then the rows of the first of them, in batches that grow (at
    least doubling, sized by the rows per graph so far) until ``offset + limit`` rows are
    read. A batch ends where the order changes, so the rows of one batch all come before
    those of the next; they are sorted here by article id and position, as
    :func:`_order`. The other bound values filter the rows; a row whose article's order
    differs from its graph's entry is left for that entry (a graph holding two articles
    has two entries). None when a row read is of another query text: run the query
    instead.
    """
    stop = offset + limit
    if bindings:
        var = next(v for v in _variables(view.name) if v in bindings)
        encoded = encode_term(bindings[var])
        assert encoded is not None
        node: Any = ox.NamedNode(key_node(view.name, var, encoded))
        pattern = f"?key <{_KEYED}> ?row"
    else:
        node = ox.NamedNode(all_node(view.name))
        pattern = f"?s <{view.predicate}> ?row"
    graphs = iter(store.raw_query(_GRAPHS_IN_ORDER, {"key": node}, own_text=True))
    variables = _variables(view.name)
    wanted = [(3 + variables.index(k), encode_term(v)) for k, v in bindings.items()]
    digest = _digest(view.name)
    out: list[list[str]] = []
    pending: tuple[Any, Any] | None = None  # the entry read past the last batch
    size, read = min(stop, 16), 0  # graphs in the next batch, graphs read so far
    while len(out) < stop:
        batch = [] if pending is None else [pending]
        pending = None
        for sol in graphs:
            entry = (sol[0], sol[1])
            if len(batch) >= size and entry[1].value != batch[-1][1].value:
                pending = entry
                break
            batch.append(entry)
        if not batch:
            break
        values = " ".join(f"({g} {order})" for g, order in batch)
        text = (
            f"SELECT ?row ?order ?key WHERE {{ VALUES (?g ?order) {{ {values} }} "
            f"GRAPH ?g {{ {pattern} }} }}"
        )
        kept = []
        orders: dict[str, int] = {}
        for sol in store.raw_query(text, {"key": node}, own_text=True):
            row = row_fields(sol[0].value)
            if row[0] != digest:
                return None  # rows of another query text
            order = orders.get(sol[1].value)
            if order is None:
                order = orders[sol[1].value] = order_of(sol[1].value)
            if order_number(row[1]) == order and all(row[c] == w for c, w in wanted):
                kept.append(row)
        kept.sort(key=_order)
        out += kept
        read += len(batch)
        if pending is None:
            break  # no more graphs
        # enough graphs for the rows still wanted at the rate so far, at least twice as many
        rate = len(out) / read
        size = max(2 * size, math.ceil(1.25 * (stop - len(out)) / rate) if rate else 0)
    return decode_rows(row[3:] for row in out[offset:stop])


_GRAPHS_IN_ORDER = (
    f"SELECT ?g ?order ?key WHERE {{ GRAPH ?g {{ ?key <{_KEYED_ORDER}> ?order }} }} ORDER BY ?order"
)


def _raw_rows(store: Store, view: View, bindings: Mapping[str, Any]) -> list[str]:
    """The stored rows that can match ``bindings``: from the key node of one bound value
    when the store is keyed, else by walking from its term, else every row."""
    if bindings and is_keyed(store):
        return _keyed(store, view, bindings)
    return _driven(store, view, bindings) if _driver(view, bindings) else _scan(store, view)


def _keyed(store: Store, view: View, bindings: Mapping[str, Any]) -> list[str]:
    """The rows on the key node of the first bound variable (in the query's order)."""
    var = next(v for v in _variables(view.name) if v in bindings)
    encoded = encode_term(bindings[var])
    assert encoded is not None
    node: Any = ox.NamedNode(key_node(view.name, var, encoded))
    rows = store.raw_query(_KEYED_ROWS, {"key": node}, own_text=True)
    return [sol[0].value for sol in rows]


_KEYED_ROWS = f"SELECT ?row ?key WHERE {{ GRAPH ?g {{ ?key <{_KEYED}> ?row }} }}"


def _driver(view: View, bindings: Mapping[str, Any]) -> str | None:
    return next((v for v in view.drivers if v in bindings), None)


def _scan(store: Store, view: View) -> list[str]:
    """Every row of the view, if there is one per subject of its class."""
    rows_of = f"SELECT ?row WHERE {{ GRAPH ?g {{ ?s <{view.predicate}> ?row }} }}"
    rows = [sol[0].value for sol in store.raw_query(rows_of, own_text=True)]
    typed = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s a <{view.cls}> }} }}"
    count = store.raw_query(typed, own_text=True)
    if int(next(iter(count))[0].value) != len(rows):
        raise _Stale
    return rows


def _driven(store: Store, view: View, bindings: Mapping[str, Any]) -> list[str]:
    """The rows of the subjects reached from the first bound driver's term.

    One query whose patterns start at the bound term (Oxigraph keeps the written order
    of patterns it cannot tell apart, and the term is bound before evaluation starts), so
    it reads only the nodes on the way; a subject without a row comes back as ?missing.
    """
    name = _driver(view, bindings)
    assert name is not None
    out: list[str] = []
    driver = _driver_query(view.name, name)
    for sol in store.raw_query(driver, {"bound": bindings[name]}, own_text=True):
        row, missing, graph = sol["row"], sol["missing"], sol["missing_g"]
        if row is not None:
            out.append(row.value)
        elif any(True for _ in store.quads_matching(missing, _TYPE, ox.NamedNode(view.cls), graph)):
            raise _Stale
    return out


@cache
def _driver_query(view_name: str, name: str) -> str:
    view = VIEWS[view_name]
    chain = view.drivers[name]
    nodes = [f"?n{i}" for i in range(len(chain) - 1)] + ["?s"]
    previous = ["?bound", *nodes]
    patterns = " ".join(
        f"{n} <{p}> {prev} ." for n, p, prev in zip(nodes, chain, previous, strict=False)
    )
    return (
        "SELECT ?row ?missing ?missing_g ?bound WHERE {\n"
        f"  GRAPH ?g {{ {patterns} OPTIONAL {{ ?s <{view.predicate}> ?row }} }}\n"
        "  BIND(IF(BOUND(?row), ?none, ?s) AS ?missing)\n"
        "  BIND(IF(BOUND(?row), ?none, ?g) AS ?missing_g)\n}"
    )
