"""refresh() over a store filled from hand-built Extractions (no NLP)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic

from newsprov.analysis import crossref_graph_iri, refresh
from newsprov.analysis.crossref import derived_graphs
from newsprov.analysis.synthetic import Ent, Fig, build_extraction, scenario_extractions
from newsprov.model import Extraction
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.namespaces import NP, OWL, RDF, RDFS, SKOS
from newsprov.rdf.store import Store
from newsprov.rdf.validate import validate

B = "https://newsprov.org/id/"
XREF = crossref_graph_iri(B)


def fill(extractions: Iterable[Extraction], store: Store | None = None) -> Store:
    store = store or Store()
    for ex in extractions:
        store.replace_graph(graph_iri(ex.article.id, B), extraction_to_graph(ex, B))
    return store


@pytest.fixture
def store() -> Store:
    s = fill(scenario_extractions())
    refresh(s, B)
    return s


def xref(store: Store) -> Graph:
    """Every derived graph: the clusters and each event's claims and verdicts."""
    g = Graph()
    for name in derived_graphs(store, B):
        g += store.graph(name)
    return g


def kinds(g: Graph) -> list[str]:
    out = []
    for cls, name in [
        (NP.Corroboration, "corroboration"),
        (NP.Conflict, "conflict"),
        (NP.Revision, "revision"),
    ]:
        out += [name] * len(set(g.subjects(RDF.type, cls)))
    return sorted(out)


def test_refresh_summary_and_graph() -> None:
    s = fill(scenario_extractions())
    summary = refresh(s, B)
    assert summary.graph == XREF and XREF in s.graphs()
    assert summary.articles == 6 and summary.events == 2
    assert (summary.corroborations, summary.conflicts, summary.revisions) == (4, 1, 1)
    assert summary.merged_clusters == 2
    assert summary.triples == len(xref(s))


def test_crossref_graph_satisfies_the_shapes(store: Store) -> None:
    validate(xref(store))


def test_every_verdict_kind_is_written(store: Store) -> None:
    g = xref(store)
    assert kinds(g) == [
        "conflict",
        "corroboration",
        "corroboration",
        "corroboration",
        "corroboration",
        "revision",
    ]
    (revision,) = g.subjects(RDF.type, NP.Revision)
    earlier, later = g.value(revision, NP.revisedFrom), g.value(revision, NP.revisedTo)
    assert str(earlier).startswith(f"{B}article/coast-reuters/")
    assert str(later).startswith(f"{B}article/coast-france24/")
    (conflict,) = g.subjects(RDF.type, NP.Conflict)
    assert "745 is 3.7× 200" in str(g.value(conflict, NP.verdictNote))
    assert str(g.value(conflict, NP.verdictPopulation)) == "civilians"


def test_acronym_and_transliteration_clusters(store: Store) -> None:
    g = xref(store)
    full = URIRef(f"{B}organisation/syrian-observatory-for-human-rights")
    assert (URIRef(f"{B}organisation/sohr"), OWL.sameAs, full) in g
    assert (full, NP.canonical, full) in g
    assert str(g.value(full, SKOS.prefLabel)) == "Syrian Observatory for Human Rights"
    assert "SOHR" in {str(a) for a in g.objects(full, SKOS.altLabel)}
    people = {str(s) for s in g.subjects(OWL.sameAs, None) if "/person/" in str(s)}
    assert people == {f"{B}person/rami-abdurrahman"}


def test_events_and_article_links(store: Store) -> None:
    g = xref(store)
    quake = URIRef(f"{B}event/quake")
    assert (quake, RDF.type, NP.Event) in g and str(g.value(quake, RDFS.label)) == "Quake"
    assert {str(a).rsplit("/", 1)[1] for a in g.objects(quake, NP.eventOf)} == {
        "quake-anadolu",
        "quake-guardian",
    }
    coast = URIRef(f"{B}event/latakia-2025-03-08")
    assert len(set(g.objects(coast, NP.eventOf))) == 4
    assert (URIRef(f"{B}article/coast-hindu"), NP.event, coast) in g


def test_derived_total_node(store: Store) -> None:
    g = xref(store)
    (total,) = g.subjects(RDF.type, NP.DerivedTotal)
    assert float(str(g.value(total, NP.value))) == 1018
    assert str(g.value(total, NP.numberText)) == "at least 1,018 (745 + 125 + 148)"


def test_wire_copy_is_not_a_second_source(store: Store) -> None:
    g = xref(store)
    hindu = f"{B}article/coast-hindu/"
    for verdict in g.subjects(RDF.type, NP.Corroboration):
        firsts = {str(f) for f in g.objects(verdict, NP.firstFigure)}
        seconds = {str(f) for f in g.objects(verdict, NP.secondFigure)}
        assert not any(f.startswith(hindu) for f in firsts | seconds)


def test_result_does_not_depend_on_ingest_order() -> None:
    exs = scenario_extractions()
    one, two = fill(exs), fill(list(reversed(exs)))
    refresh(one, B)
    refresh(two, B)
    a, b = xref(one), xref(two)
    if not isomorphic(a, b):
        _, only_a, only_b = graph_diff(a, b)
        pytest.fail(f"differ:\n{only_a.serialize(format='nt')}\n{only_b.serialize(format='nt')}")


def test_refresh_replaces_its_graph_and_ignores_it_as_input(store: Store) -> None:
    before = xref(store)
    refresh(store, B)
    assert isomorphic(before, xref(store))
    store.remove_graph(graph_iri("coast-france24", B))
    summary = refresh(store, B)
    assert summary.revisions == 0 and summary.conflicts == 0
    assert not set(xref(store).subjects(RDF.type, NP.Revision))


def test_empty_store_gives_an_empty_graph() -> None:
    summary = refresh(Store(), B)
    assert summary.triples == 0 and summary.events == 0


def test_anonymous_police_in_several_articles_is_one_source() -> None:
    # the NLP mints unnamed entities per article: three IRIs, one institution
    exs = [
        build_extraction(
            f"rome-{i}",
            outlet=o,
            date="2024-11-16",
            event="Rome",
            entities=[
                Ent("police", key=f"article/rome-{i}/anon/police", anonymous=True),
                Ent("Rome", "Place"),
            ],
            figures=[Fig(42_000, source="police", measure="crowd-size")],
        )
        for i, o in enumerate(["Reuters", "ANSA", "EFE"])
    ]
    s = fill(exs)
    summary = refresh(s, B)
    assert summary.corroborations == 0  # one source repeating itself
    canonicals = {
        str(c) for e, c in xref(s).subject_objects(NP.canonical) if "/anon/police" in str(e)
    }
    assert canonicals == {f"{B}article/rome-0/anon/police"}


def test_articles_read_their_event_and_its_label_from_their_own_graph() -> None:
    from newsprov.analysis._load import load_index

    exs = [
        build_extraction("filed", outlet="Reuters", date="2024-11-16", event="Rome march"),
        build_extraction("unfiled", outlet="EFE", date="2024-11-16"),
    ]
    s = fill(exs)
    refresh(s, B)  # derived graphs name the event too: they are not an article's input
    arts, _ = load_index(s, XREF)
    by_id = {a.article_id: a for a in arts.values()}
    assert set(by_id) == {"filed", "unfiled"}
    assert by_id["filed"].event is not None and by_id["filed"].event.endswith("rome-march")
    assert by_id["filed"].event_label == "Rome march"
    assert by_id["unfiled"].event is None and by_id["unfiled"].event_label is None


def test_an_update_reads_untouched_articles_from_their_stored_index() -> None:
    from newsprov.analysis._load import load_index

    s = fill(scenario_extractions())
    refresh(s, B)
    fresh_arts, fresh_ents = load_index(s, XREF)  # every graph read
    one = sorted(fresh_arts)[0]
    cached_arts, cached_ents = load_index(s, XREF, [one])  # the rest from the index
    assert cached_arts == fresh_arts and cached_ents == fresh_ents
    assert any(a.date and a.publisher for a in cached_arts.values())


def test_an_index_without_the_article_fields_is_not_used() -> None:
    import json

    from newsprov.analysis._load import _cached

    s = Store()
    g = Graph()
    old, new = URIRef(f"{B}article/old"), URIRef(f"{B}article/new")
    g.add((old, NP.crossrefIndex, Literal(json.dumps({"m": [], "e": {}}))))
    index = {"r": [None, None, [], None, None, None, None], "m": [], "e": {}}
    g.add((new, NP.crossrefIndex, Literal(json.dumps(index))))
    s.replace_graph(f"{XREF}/event/x", g)
    s.replace_graph(f"{B}graph/article/y", g)  # not a derived graph: never an index
    assert set(_cached(s, XREF)) == {str(new)}


def test_an_event_signature_covers_every_field_its_stored_index_holds() -> None:
    from dataclasses import replace

    from newsprov.analysis._load import load_index
    from newsprov.analysis.core import group

    s = fill(scenario_extractions())
    arts, ents = load_index(s, XREF)
    g = group(arts, ents, B)
    ev = g.events[0]
    a = ev.articles[0]
    same = replace(g, raw={**arts, a: replace(arts[a])})
    moved = replace(g, raw={**arts, a: replace(arts[a], url="https://example.org/moved")})
    assert same.signature(ev) == g.signature(ev)
    assert moved.signature(ev) != g.signature(ev)


def test_a_reingested_article_updates_its_stored_index() -> None:
    from newsprov.analysis import update
    from newsprov.analysis._load import load_index
    from newsprov.rdf.iris import article_iri

    exs = scenario_extractions()
    s = fill(exs)
    refresh(s, B)
    ex = exs[0]
    graph = extraction_to_graph(ex, B)
    iri = URIRef(str(article_iri(ex.article.id, B)))
    graph.set((iri, URIRef("https://schema.org/url"), Literal("https://example.org/new-url")))
    s.replace_graph(graph_iri(ex.article.id, B), graph)
    update(s, B, [str(iri)])
    other = next(a for a in load_index(s, XREF)[0] if a != str(iri))
    arts, _ = load_index(s, XREF, [other])  # the re-ingested article now comes from its index
    assert arts[str(iri)].url == "https://example.org/new-url"
    assert arts == load_index(s, XREF)[0]
