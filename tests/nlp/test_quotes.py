"""Which quotation marks hold quotes (trained parse, texts of our own)."""

from __future__ import annotations

import pytest

from nlp_docs import extract_text

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        # a name in quotation marks is no quote, even with a speaker verb near
        (
            'Raids.\n\nRaids by the alliance against "Red Dawn" (RD) saw the worst toll in a '
            "year, a group tracking the war said on Friday.\n\nThe raids killed 40 people, "
            "the Valley Monitor for Civil Rights said.\n",
            [],
        ),
        # a short capitalised utterance is one
        ('Raids.\n\n"Stop," the officer shouted at the crowd.\n', ["Stop,"]),
        # and a quotation of a sentence stays one
        (
            'Raids.\n\n"We Will Not Leave This Valley," the mayor said on Monday.\n',
            ["We Will Not Leave This Valley,"],
        ),
    ],
)
def test_names_in_quotation_marks(pipeline, text, quotes):  # type: ignore[no-untyped-def]
    assert [q.text for q in extract_text(pipeline, text).quotes] == quotes


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the verb nearest the quotation frames it, whichever way of speaking it names
        (
            "Tax.\n\nWhen Mary Dunne noted that Tom Alder paid no tax, Alder boasted, "
            "“That makes me clever.”\n",
            ["Tom Alder"],
        ),
    ],
)
def test_speech_verbs_frame_quotes(pipeline, text, speakers):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    names = {e.key: e.name for e in ex.entities}
    assert [names.get(q.speaker or "") for q in ex.quotes] == speakers
