"""Shared test data and a live-server helper for the server, viz and browser tests.

The TriG below is invented: three short articles about two made-up events, written
with exactly the contract's terms. One quote carries a script tag, to prove that
every page escapes article text. Article one and two report clashing death tolls from
different sources (at least 40 against exactly 12), so the explorer must flag them.
"""

from __future__ import annotations

import asyncio
import json
import re
import socket
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import rdflib
import uvicorn
from starlette.applications import Starlette

from newsprov.rdf.store import Store, from_ox
from newsprov.server import uvicorn_config

B = "https://newsprov.org/id/"
XSS = "<script>alert(1)</script>"
EVENT_FLOOD = B + "event/valley-floods-2025"
EVENT_PROTEST = B + "event/harbour-protest"
AP = B + "outlet/associated-press"
REUTERS = B + "outlet/reuters"
LEDGER = B + "outlet/daily-ledger"
AGENCY = B + "organisation/valley-civil-defence"
MAYOR = B + "person/mara-quill"
POLICE = B + "organisation/harbour-police"
RESIDENT = B + "anon/resident"
RIVERTON = B + "place/riverton"
FIG_AGENCY = B + "article/flood-1/figure/120-131"
FIG_MAYOR = B + "article/flood-2/figure/88-90"
FIG_CROWD = B + "article/protest-1/figure/30-41"
QUOTE_XSS = B + "article/flood-2/quote/150-210"
GRAPHS = [B + "graph/flood-1", B + "graph/flood-2", B + "graph/protest-1"]
# A script, stylesheet, image or frame loaded from another host: no page may have one.
REMOTE = re.compile(
    r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE
)

TRIG = f"""
@prefix np: <https://newsprov.org/ontology#> .
@prefix npm: <https://newsprov.org/measure/> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <{B}> .

:graph\\/flood-1 {{
  :article\\/flood-1 a np:Article, schema:NewsArticle ; np:articleId "flood-1" ;
      schema:headline "Floodwater cuts off Riverton" ;
      schema:datePublished "2025-04-02"^^xsd:date ;
      schema:publisher :outlet\\/daily-ledger ; np:wire :outlet\\/associated-press ;
      np:event :event\\/valley-floods-2025 ; schema:mentions :place\\/riverton .
  :event\\/valley-floods-2025 a np:Event ; rdfs:label "Valley floods 2025" .
  :outlet\\/daily-ledger a np:Outlet ; rdfs:label "Daily Ledger" .
  :outlet\\/associated-press a np:Outlet ; rdfs:label "Associated Press" .
  :organisation\\/valley-civil-defence a np:Organisation ; rdfs:label "Valley Civil Defence" .
  :place\\/riverton a np:Place ; rdfs:label "Riverton" .
  :article\\/flood-1\\/figure\\/120-131 a np:Figure ; np:reportedIn :article\\/flood-1 ;
      np:startOffset 120 ; np:endOffset 131 ;
      np:value "40"^^xsd:decimal ; np:qualifier "at least" ; np:lowerBound "40"^^xsd:decimal ;
      np:numberText "at least 40" ; np:unit "people" ; np:what "people killed" ;
      np:measure npm:deaths ; np:population "people" ; np:attribution "explicit" ;
      prov:wasAttributedTo :organisation\\/valley-civil-defence ;
      np:via :outlet\\/associated-press ; np:place :place\\/riverton ;
      np:evidence :article\\/flood-1\\/sentence\\/100-190 .
  :article\\/flood-1\\/sentence\\/100-190 a np:Evidence ;
      oa:exact "At least 40 people were killed in Riverton, Valley Civil Defence told AP." ;
      oa:start 100 ; oa:end 190 ; np:inArticle :article\\/flood-1 .
}}

:graph\\/flood-2 {{
  :article\\/flood-2 a np:Article, schema:NewsArticle ; np:articleId "flood-2" ;
      schema:headline "Mayor gives lower toll" ;
      schema:datePublished "2025-04-02"^^xsd:date ;
      schema:publisher :outlet\\/reuters ; np:event :event\\/valley-floods-2025 ;
      schema:mentions :person\\/mara-quill .
  :event\\/valley-floods-2025 a np:Event ; rdfs:label "Valley floods 2025" .
  :outlet\\/reuters a np:Outlet ; rdfs:label "Reuters" .
  :person\\/mara-quill a np:Person ; rdfs:label "Mara Quill" .
  :article\\/flood-2\\/figure\\/88-90 a np:Figure ; np:reportedIn :article\\/flood-2 ;
      np:startOffset 88 ; np:endOffset 90 ;
      np:value "12"^^xsd:decimal ; np:qualifier "exact" ;
      np:lowerBound "12"^^xsd:decimal ; np:upperBound "12"^^xsd:decimal ;
      np:numberText "12" ; np:unit "people" ; np:what "people died" ;
      np:measure npm:deaths ; np:population "people" ; np:attribution "explicit" ;
      prov:wasAttributedTo :person\\/mara-quill ; np:via :outlet\\/reuters ;
      np:evidence :article\\/flood-2\\/sentence\\/60-140 .
  :article\\/flood-2\\/sentence\\/60-140 a np:Evidence ;
      oa:exact "Twelve people died, Mayor Mara Quill told Reuters." ;
      oa:start 60 ; oa:end 140 ; np:inArticle :article\\/flood-2 .
  :article\\/flood-2\\/quote\\/150-210 a np:Quote ; np:reportedIn :article\\/flood-2 ;
      np:startOffset 150 ; np:endOffset 210 ;
      np:quoteText "The water rose at night {XSS}" ;
      np:speaker :person\\/mara-quill ; prov:wasAttributedTo :person\\/mara-quill ;
      np:via :outlet\\/reuters ; np:evidence :article\\/flood-2\\/sentence\\/145-220 .
  :article\\/flood-2\\/sentence\\/145-220 a np:Evidence ;
      oa:exact "\\"The water rose at night {XSS}\\" Quill said." ;
      oa:start 145 ; oa:end 220 ; np:inArticle :article\\/flood-2 .
}}

:graph\\/protest-1 {{
  :article\\/protest-1 a np:Article, schema:NewsArticle ; np:articleId "protest-1" ;
      schema:headline "Thousands march at the harbour" ;
      schema:datePublished "2025-05-01"^^xsd:date ;
      schema:publisher :outlet\\/associated-press ; np:event :event\\/harbour-protest .
  :event\\/harbour-protest a np:Event ; rdfs:label "Harbour protest" .
  :outlet\\/associated-press a np:Outlet ; rdfs:label "Associated Press" .
  :organisation\\/harbour-police a np:Organisation ; rdfs:label "Harbour Police" .
  :anon\\/resident a np:Person ; rdfs:label "unnamed resident" ; np:anonymous true ;
      np:role "resident" .
  :article\\/protest-1\\/figure\\/30-41 a np:Figure ; np:reportedIn :article\\/protest-1 ;
      np:startOffset 30 ; np:endOffset 41 ;
      np:value "5000"^^xsd:decimal ; np:qualifier "about" ; np:numberText "about 5,000" ;
      np:unit "people" ; np:what "protesters" ; np:measure npm:crowd-size ;
      np:population "protesters" ; np:attribution "explicit" ;
      prov:wasAttributedTo :organisation\\/harbour-police ;
      np:via :outlet\\/associated-press ;
      np:evidence :article\\/protest-1\\/sentence\\/0-80 .
  :article\\/protest-1\\/sentence\\/0-80 a np:Evidence ;
      oa:exact "About 5,000 people marched, police said." ;
      oa:start 0 ; oa:end 80 ; np:inArticle :article\\/protest-1 .
  :article\\/protest-1\\/quote\\/90-120 a np:Quote ; np:reportedIn :article\\/protest-1 ;
      np:startOffset 90 ; np:endOffset 120 ;
      np:quoteText "We want the port open" ; np:speaker :anon\\/resident ;
      np:evidence :article\\/protest-1\\/sentence\\/85-130 .
  :article\\/protest-1\\/sentence\\/85-130 a np:Evidence ;
      oa:exact "\\"We want the port open,\\" a resident said." ;
      oa:start 85 ; oa:end 130 ; np:inArticle :article\\/protest-1 .
}}
"""


def make_store(*, filler: int = 0, path: Path | None = None) -> Store:
    """A store holding TRIG, plus ``filler`` extra triples in their own graph (in memory,
    or written at ``path`` and reopened read-only, as ``newsprov serve`` opens it)."""
    store = Store(path)
    graphs: dict[str, rdflib.Graph] = defaultdict(rdflib.Graph)
    for quad in ox.parse(TRIG, format=ox.RdfFormat.TRIG):
        triple = (from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object))
        graphs[str(quad.graph_name.value)].add(triple)  # type: ignore[arg-type]
    for iri, graph in graphs.items():
        store.replace_graph(iri, graph)
    if filler:
        extra = rdflib.Graph()
        for i in range(filler):
            extra.add((rdflib.URIRef(f"{B}filler/{i}"), rdflib.RDFS.label, rdflib.Literal(i)))
        store.replace_graph(B + "graph/filler", extra)
    if path is None:
        return store
    store.close()
    return Store(path, read_only=True)


@contextmanager
def live_server(app: Starlette) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free loopback port in a thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn_config(app, "127.0.0.1", port, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
        app.state.runner.close()


def call(app: Any, method: str, url: str, **kwargs: Any) -> httpx.Response:
    """One request to ``app`` in-process, through httpx's ASGI transport."""

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.request(method, url, **kwargs)

    return asyncio.run(go())


def graph_data(page: str) -> dict[str, Any]:
    """The node/edge JSON embedded in an explorer page."""
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S)
    assert match, "graph data block missing"
    return json.loads(match.group(1))
