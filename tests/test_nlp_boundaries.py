"""Sentence/paragraph boundaries, headings and credits (no trained model needed)."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from newsprov.model import Article, Credit, TextSpan
from newsprov.nlp.boundaries import (
    add_news_infixes,
    detect_credits,
    detect_headings,
    heading_spans,
    is_body,
    paragraph_breaks,
    paragraph_of,
    set_article_spans,
    trimmed,
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    blank = spacy.blank("en")
    add_news_infixes(blank)
    blank.add_pipe("newsprov_boundaries")
    blank.add_pipe("sentencizer")  # fills in only the starts the boundaries left unset
    return blank


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("close range.125 soldiers", ["close", "range", ".", "125", "soldiers"]),
        ("the port.Fighting resumed", ["the", "port", ".", "Fighting", "resumed"]),
        ("injured(Maria Lopez/AFP)", ["injured", "(", "Maria", "Lopez", "/", "AFP", ")"]),
        ("a rise of 3.5 percent", ["a", "rise", "of", "3.5", "percent"]),
        ("the U.S. Army said", ["the", "U.S.", "Army", "said"]),
        ("by Sens. Ada Vale", ["by", "Sens.", "Ada", "Vale"]),
        ("Capt. Ben Ortiz", ["Capt", ".", "Ben", "Ortiz"]),
        ("visit apnews.com today", ["visit", "apnews.com", "today"]),
        (
            "on Sept. 27, 2020.Noah Lee / AP",
            ["on", "Sept.", "27", ",", "2020", ".", "Noah", "Lee", "/", "AP"],
        ),
        ("version 2.0 shipped", ["version", "2.0", "shipped"]),
    ],
)
def test_news_infixes(nlp: Language, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens


@pytest.mark.parametrize(
    ("text", "credits"),
    [
        ("Rescuers dig(Maria Lopez/AFP) in the rubble", ["(Maria Lopez/AFP)"]),
        ("Smoke rises (Photo: Jan de Vries/Reuters)", ["(Photo: Jan de Vries/Reuters)"]),
        ("The mayor (left) spoke", []),
        ("The ratio (3/4) held", []),
        # a credit on a line of its own, with an outlet or an agency among its parts
        (
            "The mayor spoke.\nIvo Marek/Stellar Press Agency/Getty Images\n\nNext.",
            ["Ivo Marek/Stellar Press Agency/Getty Images"],
        ),
        ("Pool photo.\nIvo Marek / AP\n", ["Ivo Marek / AP"]),
        # a section path is no credit, nor is a sentence with a slash
        ("ASIA PACIFIC / Natural Disasters\n", []),
        # a wire story's closing credit line
        (
            "The toll rose.\n\nReporting by Ann Lee; Writing by Bo Tan and Cy Day\n",
            ["Reporting by Ann Lee; Writing by Bo Tan and Cy Day"],
        ),
        ("Reporting by the agency was thin, he said.\n", []),
        ("He said Yes/No to it.\n", []),
    ],
)
def test_detect_credits(text: str, credits: list[str]) -> None:
    assert [text[s:e] for s, e in detect_credits(text)] == credits


@pytest.mark.parametrize(
    ("text", "headings"),
    [
        (
            "First paragraph ends here.\n\nRoads Closed Again\n\nMore text follows.",
            ["Roads Closed Again"],
        ),
        ("First paragraph ends here.\n\nA full sentence stands here.\n\nMore.", []),
        ("Intro text.\n\n“A quote without a stop”\n\nMore.", []),
        ("Intro text.\n\nwater and power cut\n\nMore.", []),
    ],
)
def test_detect_headings(text: str, headings: list[str]) -> None:
    assert [text[s:e] for s, e in detect_headings(text)] == headings


def test_paragraph_breaks_and_index() -> None:
    text = "One. Two.\n\nThree.\nFour is a short line\nfive continues."
    breaks = paragraph_breaks(text)
    assert [text[b] for b in breaks] == ["T", "F", "f"]
    assert paragraph_of(breaks, 0) == 0
    assert paragraph_of(breaks, text.index("Three")) == 1


def test_wrapped_line_is_not_a_paragraph() -> None:
    line = "A long line of running prose that goes on and on past sixty characters"
    text = f"{line}\nand continues here."
    assert paragraph_breaks(text) == []


def test_sentence_starts(nlp: Language) -> None:
    text = "Officials spoke at length.125 people died.\n\nThe Next Step\n\nLater it rained."
    doc = nlp(text)
    sents = [doc.text[slice(*trimmed(s))] for s in doc.sents]
    assert sents == [
        "Officials spoke at length.",
        "125 people died.",
        "The Next Step",
        "Later it rained.",
    ]
    assert [is_body(doc, s) for s in doc.sents] == [True, True, False, True]


def test_article_spans_mark_credit_and_heading(nlp: Language) -> None:
    text = "Crowds gathered (Ann Lee/AP) near the port. Police watched.\n\nCalm Returns\n\nEnd."
    credit = text.index("(Ann")
    article = Article(
        id="t1",
        text=text,
        credits=(Credit(TextSpan(credit, credit + len("(Ann Lee/AP)")), "Ann Lee", "AP"),),
    )
    doc = nlp.make_doc(text)
    set_article_spans(doc, article)
    doc = nlp(doc)
    body = [doc.text[slice(*trimmed(s))] for s in doc.sents if is_body(doc, s)]
    assert "(Ann Lee/AP)" not in body
    assert "Calm Returns" not in body
    assert (text.index("Calm"), text.index("Calm") + len("Calm Returns")) in heading_spans(doc)


@pytest.mark.parametrize(
    ("text", "sents"),
    [
        (
            "Backed by Sens. Ada Vale and Gov. Ben Ortiz, it passed.",
            ["Backed by Sens. Ada Vale and Gov. Ben Ortiz, it passed."],
        ),
        ("He met Ms. Vale. Mr. Ortiz left.", ["He met Ms. Vale.", "Mr. Ortiz left."]),
    ],
)
def test_an_abbreviated_title_ends_no_sentence(nlp: Language, text: str, sents: list[str]) -> None:
    doc = nlp(text)
    assert [doc.text[slice(*trimmed(s))] for s in doc.sents] == sents


def test_a_place_abbreviation_may_end_a_sentence(nlp: Language) -> None:
    doc = nlp.get_pipe("newsprov_boundaries")(nlp.make_doc("It ended in the U.S. Many left."))
    many = next(t for t in doc if t.text == "Many")
    assert many.is_sent_start is not False  # left to the parser
