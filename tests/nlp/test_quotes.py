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
        # ... a name with its small words too
        (
            "March.\n\nAt the main “Harbor Women’s March on the Capitol” organizers told AFP "
            "they estimated the turnout at half a million.\n",
            [],
        ),
        # a short capitalised utterance is one
        ('Raids.\n\n"Stop," the officer shouted at the crowd.\n', ["Stop,"]),
        # an outlet's own words, short as they are, are kept: the outlet said them
        (
            "Hosts.\n\nMr. Lee and Mr. Ruiz play the riders to the city's Trojan horse (or, as "
            "The Daily Beast called them in an article last week, ''harbor anchors'').\n",
            ["harbor anchors"],
        ),
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
        # a participle whose clause the parse hung inside a quotation: the sentence's subject
        (
            "Tax.\n\nMr. Hale barely settled the question, treating Mrs. Dunne's jab first "
            "as praise -- ''That makes me clever'' -- and, when pressed after the forum, "
            "asserting, ''Of course, I pay my taxes.''\n",
            ["Hale", "Hale"],
        ),
        # a subject the parse found in a show's title is not the speaker
        (
            "Show.\n\n“He is right, and the generals know it,” Flynn, a top Alder "
            "surrogate, said Thursday on Fox News’s “Fox and Friends.”\n",
            ["Flynn", "Flynn"],
        ),
        # a role set beside a name, closed or not by a comma, is that person ...
        (
            "Raids.\n\nIn a call on Dec. 2, Col. Steven Marsh, a military spokesman in "
            "Baghdad, said, ''A raid is a combat operation, and more will come.''\n",
            ["Steven Marsh"],
        ),
        (
            "Polls.\n\n“She needs a plan for third-party voters,” Nate Sorel, the polling "
            "analyst who founded the data site tweeted on Wednesday.\n",
            ["Nate Sorel"],
        ),
        # ... but not a name inside a phrase, before a new subject
        (
            "Talk.\n\nIn an interview with hosts Joe Carr and Mia Brand, the Democratic "
            "candidate stated that his words do not “fit with what I thought I knew of him.”\n",
            ["Democratic candidate"],
        ),
        # a colon after a clause: the clause's subject presents the quotation
        (
            "Guns.\n\nTo make its point, the Daily Ledger focuses on how many people the "
            "gunmen were able to kill in a short spree: “In taking 129 lives in half an "
            "hour, the attackers showed how deadly such weapons can be.”\n",
            ["Daily Ledger"],
        ),
        # "she said" after a quotation its sentence's named subject introduced
        (
            "Hearing.\n\n“The pills work,” said Dr. Paul Gold, a critic. Sen. Ruth Penn "
            "scolded him: “The science is against you,” she said.\n",
            ["Paul Gold", "Ruth Penn"],
        ),
    ],
)
def test_speech_verbs_frame_quotes(pipeline, text, speakers):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    names = {e.key: e.name for e in ex.entities}
    assert [names.get(q.speaker or "") for q in ex.quotes] == speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a quotation after a colon that ends a document's phrase is the document's
        (
            "Havens.\n\nThe trouble is typified by this finding: “27 firms reported "
            "16,389 subsidiaries to one agency and 2,279 to another.”\n",
            "finding",
        ),
        # ... owned by the active subject presenting it
        (
            "Vote.\n\nThe president is rolling out a new campaign message: “It's about "
            "me.”\n",
            "president",
        ),
        # a hyphenated given name completes the name the model cut short ...
        ('Count.\n\n"We will win," said Park Seo-jin, a local organiser.\n', "Park Seo-jin"),
        ('Talks.\n\n"We will talk," said Secretary General Ban Ki-moon.\n', "Ban Ki-moon"),
        # ... an English word after the hyphen of a whole name does not ("Sanders-linked")
        (
            "Data.\n\nBernie Sanders led. Four Sanders-linked accounts ran 24 searches.\n\n"
            "At the debate, Sanders said his staff “did the wrong thing” by looking.\n",
            "Bernie Sanders",
        ),
    ],
)
def test_quote_speaker_names(pipeline, text, speaker):  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    names = {e.key: e.name for e in ex.entities}
    assert [speaker in (names.get(q.speaker or "") or "") for q in ex.quotes] == [True]



def test_a_name_cut_short_gives_way_to_the_whole_name(pipeline):  # type: ignore[no-untyped-def]
    text = (
        'Rally.\n\n"We will stay until the bill is withdrawn," said Choi Ji-won, a '
        "co-representative of the coalition.\n"
    )
    names = [e.name for e in extract_text(pipeline, text).entities]
    assert "Choi Ji-won" in names and "Choi Ji" not in names, names
