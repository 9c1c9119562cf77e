"""Round-3 quote rules: single-quoted spans, quotes over paragraphs, shared sentences,
inverted frames, missed names and accusations (hand-built Docs; no trained model)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsprov.nlp.entities import build_entity_table
from newsprov.nlp.quote_speakers import named_before_verb, named_in_subject, unresolved_person
from newsprov.nlp.quotes import find_quote_spans, find_quotes
from nlp_docs import doc_builder

_NO_SPACE_BEFORE = {",", ".", "”", ":", "?", "!", ")", "’s", "'s", ";", "¶", "’"}
_NO_SPACE_AFTER = {"“", "(", "¶", "‘"}


parsed = doc_builder(_NO_SPACE_BEFORE, _NO_SPACE_AFTER)


def sentencized(text: str) -> Doc:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def quote_rows(doc: Doc) -> list[tuple[str, str | None]]:
    found = find_quotes(doc, build_entity_table(doc))
    return [(doc.text[q.start : q.end], q.speaker.name if q.speaker else None) for q in found]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("It circled for 'about twenty minutes' before it fired.", ["about twenty minutes"]),
        ("It circled for ‘about twenty minutes’, she said.", ["about twenty minutes"]),
        ("The farmers' union met at Lima’s main square.", []),
        ("O'Brien said the '90s were hard.", []),
        ("“He shouted ‘run!’ at us,” she said.", ["He shouted ‘run!’ at us,"]),
        ("A 'quote \"with\" marks' inside.", ["with"]),
    ],
)
def test_single_quoted_spans(text: str, quotes: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quote_spans(text)] == quotes


def test_single_quoted_span_needs_a_speaker_verb() -> None:
    doc = sentencized("The drone circled for 'about twenty long minutes' before it fired.")
    assert quote_rows(doc) == []


SAID_SINGLE = (
    "A|DET|det|1 teacher|NOUN|nsubj|2 said|VERB|ROOT|2|say it|PRON|nsubj|4 "
    "circled|VERB|ccomp|2|circle for|ADP|prep|4 ‘|PUNCT|punct|8 about|ADV|advmod|8 "
    "twenty|NUM|nummod|9 minutes|NOUN|pobj|5|minute ’|PUNCT|punct|4 .|PUNCT|punct|2"
)


def test_single_quoted_span_attached_to_a_speaker_is_kept() -> None:
    [(text, speaker)] = quote_rows(parsed(SAID_SINGLE))
    assert (text, speaker) == ("about twenty minutes", "unnamed teacher")


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        (
            "“The first part of the statement runs here.\n\n“And the second part ends here.”",
            ["The first part of the statement runs here.\n\n“And the second part ends here."],
        ),
        (
            "“The first part of the statement runs here.\n\n"
            "Later on: “A separate remark that stands alone.”",
            ["The first part of the statement runs here.", "A separate remark that stands alone."],
        ),
        (
            "“A closed first quotation stands here.”\n\n“A second closed one stands here.”",
            ["A closed first quotation stands here.", "A second closed one stands here."],
        ),
    ],
)
def test_quote_over_paragraphs_is_one_quote(text: str, quotes: list[str]) -> None:
    assert [t for t, _ in quote_rows(sentencized(text))] == quotes


# "The ministry said officers acted “with restraint” against “violent groups”."
TWO_SCARE = (
    "The|DET|det|1 ministry|NOUN|nsubj|2 said|VERB|ROOT|2|say officers|NOUN|nsubj|4|officer "
    "acted|VERB|ccomp|2|act “|PUNCT|punct|4 with|ADP|prep|4 restraint|NOUN|pobj|6 "
    "”|PUNCT|punct|4 against|ADP|prep|4 “|PUNCT|punct|4 violent|ADJ|amod|12 "
    "groups|NOUN|pobj|9|group ”|PUNCT|punct|4 .|PUNCT|punct|2"
)
# the second scare quote in the next sentence has no speaker verb of its own
NEXT_SENTENCE = TWO_SCARE.replace(
    "against|ADP|prep|4 “|PUNCT|punct|4 violent|ADJ|amod|12 groups|NOUN|pobj|9|group "
    "”|PUNCT|punct|4 .|PUNCT|punct|2",
    ".|PUNCT|punct|2 They|PRON|nsubj|11 met|VERB|ROOT|11|meet “|PUNCT|punct|11 "
    "violent|ADJ|amod|14 groups|NOUN|dobj|11|group ”|PUNCT|punct|11 .|PUNCT|punct|11",
)


def test_scare_quotes_in_one_sentence_share_the_speaker() -> None:
    doc = parsed(TWO_SCARE, [(0, 2, "ORG")])
    assert [t for t, _ in quote_rows(doc)] == ["with restraint", "violent groups"]


def test_scare_quote_in_the_next_sentence_is_not_shared() -> None:
    doc = parsed(NEXT_SENTENCE, [(0, 2, "ORG")])
    assert [t for t, _ in quote_rows(doc)] == ["with restraint"]


# “We left.” Clara Hennig, an official, told Reuters. — parsed with "Hennig" hanging off
# the quotation and no subject for "told"
INVERTED = (
    "“|PUNCT|punct|2 We|PRON|nsubj|2 left|VERB|ccomp|11|leave .|PUNCT|punct|2 "
    "”|PUNCT|punct|2 Clara|PROPN|compound|6 Hennig|PROPN|npadvmod|2 ,|PUNCT|punct|6 "
    "an|DET|det|9 official|NOUN|appos|6 ,|PUNCT|punct|11 told|VERB|ROOT|11|tell "
    "Reuters|PROPN|dobj|11 .|PUNCT|punct|11"
)


@pytest.mark.parametrize(
    ("ents", "expected"),
    [
        ([(5, 7, "PERSON"), (12, 13, "ORG")], ("Clara Hennig", "Reuters")),
        ([(12, 13, "ORG")], (None, None)),
    ],
    ids=["the name between the mark and the verb speaks", "no name, no speaker"],
)
def test_inverted_frame_without_subject(
    ents: list[tuple[int, int, str]], expected: tuple[str | None, str | None]
) -> None:
    doc = parsed(INVERTED, ents)
    table = build_entity_table(doc)
    [quote] = find_quotes(doc, table)
    got = (quote.speaker.name if quote.speaker else None, quote.via.name if quote.via else None)
    if expected[0] is not None:
        assert got == expected
    else:
        assert got[0] is None
        assert named_before_verb(list(doc[5:11]), doc[11], table) is None


LONE_NAME = (
    "Almaz|PROPN|nsubj|5 ,|PUNCT|punct|0 a|DET|det|3 seller|NOUN|appos|0 ,|PUNCT|punct|0 "
    "said|VERB|ROOT|5|say ."
)
BARE_NAME = "Fano|PROPN|nsubj|1 said|VERB|ROOT|1|say so|ADV|advmod|1 .|PUNCT|punct|1"
FULL_THEN_SHORT = (
    "Hari|PROPN|compound|2 Prasad|PROPN|compound|2 Regmi|PROPN|nsubj|3 said|VERB|ROOT|3|say "
    "so|ADV|advmod|3 .|PUNCT|punct|3 Regmi|PROPN|nsubj|7 said|VERB|ROOT|7|say "
    "more|ADV|advmod|7 .|PUNCT|punct|7"
)

BARE_TWICE = (
    "Regmi|PROPN|nsubj|1 said|VERB|ROOT|1|say so|ADV|advmod|1 .|PUNCT|punct|1 "
    "Regmi|PROPN|nsubj|5 said|VERB|ROOT|5|say more|ADV|advmod|5 .|PUNCT|punct|5"
)


@pytest.mark.parametrize(
    ("spec", "subj", "expected"),
    [
        (LONE_NAME.replace(" .", " .|PUNCT|punct|5"), 0, "Almaz"),
        (BARE_NAME, 0, None),
        (FULL_THEN_SHORT, 6, "Hari Prasad Regmi"),
        (BARE_TWICE, 4, None),
    ],
    ids=["lone name with apposition", "bare name", "earlier full name", "no earlier name"],
)
def test_unresolved_person(spec: str, subj: int, expected: str | None) -> None:
    doc = parsed(spec)
    table = build_entity_table(doc)
    found = unresolved_person(table, doc[subj])
    assert (found.name if found else None) == expected


# "A trader who gave his first name, Abebe, said"
NAMED_TRADER = (
    "A|DET|det|1 trader|NOUN|nsubj|10 who|PRON|nsubj|3 gave|VERB|relcl|1|give "
    "his|PRON|poss|6 first|ADJ|amod|6 name|NOUN|dobj|3 ,|PUNCT|punct|6 "
    "Abebe|PROPN|appos|6 ,|PUNCT|punct|1 said|VERB|ROOT|10|say so|ADV|advmod|10 "
    ".|PUNCT|punct|10"
)


def test_unnamed_speaker_named_in_its_own_phrase() -> None:
    doc = parsed(NAMED_TRADER)
    table = build_entity_table(doc)
    anon = table.anonymous("trader", doc[1])
    found = named_in_subject(table, doc[1], anon)
    assert found is not None and found.name == "Abebe"


def test_named_or_nameless_speaker_unchanged() -> None:
    doc = parsed(NAMED_TRADER.replace("Abebe|PROPN|appos|6", "today|NOUN|npadvmod|3"))
    table = build_entity_table(doc)
    anon = table.anonymous("trader", doc[1])
    assert named_in_subject(table, doc[1], anon) is anon
    assert named_in_subject(table, doc[1], None) is None


ACCUSED = (
    "The|DET|det|2 Defence|PROPN|compound|2 Ministry|PROPN|nsubj|3 "
    "accused|VERB|ROOT|3|accuse Fano|PROPN|dobj|3 of|ADP|prep|3 “|PUNCT|punct|7 "
    "spreading|VERB|pcomp|5|spread lies|NOUN|dobj|7|lie ”|PUNCT|punct|7 .|PUNCT|punct|3"
)
PASSIVE = (
    "Fano|PROPN|nsubjpass|2 was|AUX|auxpass|2|be accused|VERB|ROOT|2|accuse of|ADP|prep|2 "
    "“|PUNCT|punct|5 treason|NOUN|pobj|3 ”|PUNCT|punct|5 .|PUNCT|punct|2"
)


def test_accuser_speaks_a_scare_quote() -> None:
    rows = quote_rows(parsed(ACCUSED, [(1, 3, "ORG")]))
    assert [t for t, _ in rows] == ["spreading lies"] and rows[0][1] is not None
    assert "Ministry" in str(rows[0][1])


def test_passive_accused_does_not_speak() -> None:
    assert quote_rows(parsed(PASSIVE)) == []
