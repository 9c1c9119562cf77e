"""Byline authors and place -> entities without mentions -> schema:author / contentLocation
-> the ``entities`` canned query. Rule checks on a rule_pipeline pipeline; one model-marked
end-to-end check on an invented article."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rdflib import Graph, URIRef
from spacy.language import Language

from newsprov import query
from newsprov.ingest import parse_text
from newsprov.model import Article, Entity, EntityType, Extraction, TextSpan
from newsprov.nlp import build_pipeline, doc_to_records, extract
from newsprov.nlp.boundaries import set_article_spans
from newsprov.rdf.mapping import extraction_to_graph, graph_iri
from newsprov.rdf.namespaces import NP, RDFS, SCHEMA
from newsprov.rdf.store import Store
from newsprov.rdf.validate import validate

BASE = "https://newsprov.org/id/"
TEXT = (
    "Rescuers pulled 14 people from the river on Monday, the civil defence said.\n\n"
    "Rain fell again in the evening."
)


def _records(nlp: Language, article: Article) -> Extraction:
    doc = nlp.make_doc(article.text)
    set_article_spans(doc, article)
    return doc_to_records(nlp(doc), article)


def _by_key(ex: Extraction) -> dict[str, Entity]:
    return {e.key: e for e in ex.entities}


def test_authors_and_place_become_entities_without_mentions(rule_pipeline: Language) -> None:
    article = Article(
        id="b1", text=TEXT, authors=("Lena Kovac", "Piotr Nowak"), byline_place="Sarajevo"
    )
    ex = _records(rule_pipeline, article)
    assert ex.authors == ("person/lena-kovac", "person/piotr-nowak")
    assert ex.byline_place == "place/sarajevo"
    ents = _by_key(ex)
    assert ents["person/lena-kovac"] == Entity("person/lena-kovac", "Lena Kovac", EntityType.PERSON)
    assert ents["place/sarajevo"].type is EntityType.PLACE
    assert ents["place/sarajevo"].mentions == ()


def test_an_author_the_text_names_is_merged(rule_pipeline: Language) -> None:
    text = f"{TEXT}\n\nPhoto (Lena Kovac/AP)"
    credit = text.index("(Lena")
    article = parse_text(text, article_id="b2", authors=("Lena Kovac",))
    assert article.credits[0].span == TextSpan(credit, len(text))
    ex = _records(rule_pipeline, article)
    people = [e for e in ex.entities if e.name == "Lena Kovac"]
    assert len(people) == 1
    assert people[0].mentions  # the text's entity, not a second one
    assert ex.authors == (people[0].key,)


def test_no_byline_no_entities(rule_pipeline: Language) -> None:
    ex = _records(rule_pipeline, Article(id="b3", text=TEXT))
    assert (ex.authors, ex.byline_place) == ((), None)
    assert not [e for e in ex.entities if e.type is EntityType.PERSON]


def test_mapping_writes_author_and_content_location(rule_pipeline: Language) -> None:
    article = Article(id="b4", text=TEXT, authors=("Lena Kovac",), byline_place="Sarajevo")
    graph = extraction_to_graph(_records(rule_pipeline, article), BASE)
    validate(graph)
    art = URIRef(f"{BASE}article/b4")
    author = URIRef(f"{BASE}person/lena-kovac")
    place = URIRef(f"{BASE}place/sarajevo")
    assert (art, SCHEMA.author, author) in graph
    assert (art, SCHEMA.contentLocation, place) in graph
    assert (author, RDFS.label, None) in graph and (place, RDFS.label, None) in graph
    assert (art, SCHEMA.mentions, author) not in graph  # the text never names them
    assert (author, NP.anonymous, None) not in graph


def _entities(graph: Graph, article_id: str) -> set[tuple[str, str]]:
    store = Store()
    try:
        store.replace_graph(graph_iri(article_id, BASE), graph)
        rows = query.run(store, "entities")
        return {(str(d["name"]), str(d["type"])) for d in rows.dicts()}
    finally:
        store.close()


def test_entities_query_lists_byline_entities(rule_pipeline: Language) -> None:
    article = Article(id="b5", text=TEXT, authors=("Lena Kovac",), byline_place="Sarajevo")
    found = _entities(extraction_to_graph(_records(rule_pipeline, article), BASE), "b5")
    assert {("Lena Kovac", "Person"), ("Sarajevo", "Place")} <= found


# --- trained model -----------------------------------------------------------------------

ARTICLE = """Source: BBC News
date 2025-02-11

Valley towns cut off as river bursts its banks

By Amira Saleh and Tomas Brandt, BBC News, Sarajevo

Floodwater cut off three towns in the Drina valley on Tuesday, the regional civil
protection office said, after days of heavy rain.

At least 14 people were rescued from rooftops overnight, the office said.
"""


@pytest.fixture(scope="module")
def model_nlp() -> Iterator[Language]:
    from newsprov.config import Settings

    yield build_pipeline(Settings.from_env().spacy_model)


@pytest.mark.model
def test_model_authors_are_person_entities_in_the_query(model_nlp: Language) -> None:
    article = parse_text(ARTICLE, article_id="byline_e2e")
    assert article.authors == ("Amira Saleh", "Tomas Brandt")
    assert "Amira Saleh" not in article.text
    [ex] = list(extract(model_nlp, [article]))
    graph = extraction_to_graph(ex, BASE)
    validate(graph)
    found = _entities(graph, "byline_e2e")
    assert {("Amira Saleh", "Person"), ("Tomas Brandt", "Person")} <= found
    assert ("Sarajevo", "Place") in found
