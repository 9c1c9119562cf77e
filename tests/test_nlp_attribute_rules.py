"""The attribute ruler matched by look-up finds exactly what spaCy's Matcher finds."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from newsprov.nlp.attribute_rules import CompiledMatch, compile_attribute_ruler

# Invented sentences that reach the model's word, dependency, space and two-token rules.
TEXTS = [
    "There is nothing left, and y'all know it: nothin' was saved when the river rose.",
    "Somebody said the dam had been breached, but officials were not sure.",
    "Those who stayed   were told that everything would be rebuilt if the rain stopped.\n\n"
    "It's the third flood this year; they're calling it the worst since 1998.",
    "Anyone can ask whether the 12 missing people were found, although no one answered.",
    "Y'all should've gone, she'd said, because there are more storms coming.",
]


def _annotations(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.model
def test_model_rules_match_as_spacy_matches(trained) -> None:  # type: ignore[no-untyped-def]
    ruler = trained.get_pipe("attribute_ruler")
    compiled = CompiledMatch(ruler)
    with trained.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(trained.pipe(TEXTS))
    for doc in docs:
        expected = ruler.match(doc)
        assert expected, "the model's ruler matches every tagged token"
        assert compiled(doc) == expected


@pytest.mark.model
def test_pipeline_annotations_equal_those_of_spacy_s_matcher(pipeline) -> None:  # type: ignore[no-untyped-def]
    ruler = pipeline.get_pipe("attribute_ruler")
    compiled = ruler.match
    assert isinstance(compiled, CompiledMatch)
    ours = [_annotations(pipeline(text)) for text in TEXTS]
    ruler.match = compiled.fallback  # spaCy's own Matcher, for comparison
    try:
        stock = [_annotations(pipeline(text)) for text in TEXTS]
    finally:
        ruler.match = compiled
    assert ours == stock


def _blank_ruler(patterns: list[dict[str, object]]) -> tuple[spacy.Language, AttributeRuler]:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)  # type: ignore[arg-type]
    return nlp, ruler  # type: ignore[return-value]


def test_rule_forms_match_as_spacy_matches() -> None:
    patterns = [
        {"patterns": [[{"LOWER": "rain"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": {"IN": ["fell", "rose"]}}]], "attrs": {"POS": "VERB"}},
        {
            "patterns": [[{"LOWER": {"REGEX": "^y'?$"}}, {"LOWER": "all"}]],
            "attrs": {"LEMMA": "you"},
        },
        {"patterns": [[{"LOWER": {"NOT_IN": ["rain", "the"]}}]], "attrs": {"MORPH": "Foo=Bar"}},
        {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
        # two patterns of one rule that both match the same token: one match
        {"patterns": [[{"LOWER": "rain"}], [{"LOWER": {"IN": ["rain"]}}]], "attrs": {"LEMMA": "r"}},
        {"patterns": [[{"LOWER": "the"}, {"LOWER": "rain"}]], "attrs": {"LEMMA": "R"}, "index": -1},
    ]
    nlp, ruler = _blank_ruler(patterns)
    doc = nlp.make_doc("The rain fell and  y'all saw the rain, y all of it, rose.")
    expected = ruler.match(doc)
    compiled = CompiledMatch(ruler)
    assert compiled(doc) == expected
    a, b = nlp.make_doc(doc.text), nlp.make_doc(doc.text)
    ruler(a)
    assert compile_attribute_ruler(nlp)
    ruler(b)
    assert _annotations(b) == _annotations(a)
    assert [t.lemma_ for t in b][:2] == ["", "R"]


def test_a_rule_it_cannot_compile_leaves_spacy_s_ruler() -> None:
    nlp, ruler = _blank_ruler(
        [{"patterns": [[{"LOWER": "rain", "OP": "+"}]], "attrs": {"POS": "NOUN"}}]
    )
    before = ruler.match
    assert not compile_attribute_ruler(nlp)
    assert ruler.match == before
    assert not compile_attribute_ruler(spacy.blank("en"))  # no ruler at all
