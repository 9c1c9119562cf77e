"""Figure attribution rules over hand-built parsed Docs (no trained model needed).

Each case is an invented sentence with the parse a small English model gives it, frozen
here so the rules are tested without loading a model.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsprov.model import Attribution, Qualifier
from newsprov.nlp.attribution import attribute_figures, sentence_frames
from newsprov.nlp.entities import build_entity_table
from newsprov.nlp.figures import FigureSpan
from nlp_docs import doc_builder

_NO_SPACE_BEFORE = {",", ".", "”", ":", "?", "!", ")", "’s", "'s", ";", "¶", "/"}
_NO_SPACE_AFTER = {"“", "(", "¶", "/"}


parsed = doc_builder(_NO_SPACE_BEFORE, _NO_SPACE_AFTER)


def figure_at(doc: Doc, i: int) -> FigureSpan:
    """A FigureSpan for the number token ``i`` (only the offsets matter here)."""
    tok = doc[i]
    value = float(tok.text.replace(",", "")) if tok.like_num and tok.text[0].isdigit() else 9.0
    return FigureSpan(
        start=tok.idx, end=tok.idx + len(tok), text=tok.text, value=value,
        qualifier=Qualifier.EXACT, lower=value, upper=value, unit="people", what="",
        measure=None, population=None, range_group=None, num_start=i, num_end=i + 1,
    )  # fmt: skip


ACCORDING_TO = (
    "At|ADV|advmod|1 least|ADJ|advmod|2 40|NUM|nummod|3 people|NOUN|nsubj|4 "
    "died|VERB|ROOT|4|die in|ADP|prep|4 the|DET|det|7 floods|NOUN|pobj|5|flood "
    ",|PUNCT|punct|4 according|VERB|prep|4|accord to|ADP|prep|9 the|DET|det|13 "
    "Red|PROPN|compound|13 Crescent|PROPN|pobj|10 .|PUNCT|punct|4"
)
SAID_THAT = (
    "The|DET|det|2 Health|PROPN|compound|2 Ministry|PROPN|nsubj|3 "
    "said|VERB|ROOT|3|say that|SCONJ|mark|7 12|NUM|nummod|6 children|NOUN|nsubj|7|child "
    "were|AUX|ccomp|3|be among|ADP|prep|7 the|DET|det|10 dead|ADJ|pobj|8 .|PUNCT|punct|3"
)
THE_ARMY_SAID = (
    "Nine|NUM|nummod|1 soldiers|NOUN|nsubjpass|3|soldier were|AUX|auxpass|3|be "
    "wounded|VERB|ccomp|7|wound ,|PUNCT|punct|7 the|DET|det|6 army|NOUN|nsubj|7 "
    "said|VERB|ROOT|7|say .|PUNCT|punct|7"
)
SAID_PERSON = (
    "More|ADJ|amod|2 than|ADP|quantmod|2 300|NUM|nummod|3 homes|NOUN|nsubjpass|5|home "
    "were|AUX|auxpass|5|be destroyed|VERB|ccomp|7|destroy ,|PUNCT|punct|7 "
    "said|VERB|ROOT|7|say Governor|PROPN|compound|10 Ana|PROPN|compound|10 "
    "Silva|PROPN|nsubj|7 .|PUNCT|punct|7"
)
TOLD_AFP = (
    "A|DET|det|2 police|NOUN|compound|2 spokesman|NOUN|nsubj|3 told|VERB|ROOT|3|tell "
    "AFP|PROPN|dobj|3 that|SCONJ|mark|10 18|NUM|nummod|7 "
    "protesters|NOUN|nsubjpass|10|protester had|AUX|aux|10|have been|AUX|auxpass|10|be "
    "detained|VERB|ccomp|3|detain .|PUNCT|punct|3"
)
REPORTED_AP = (
    "At|ADV|advmod|1 least|ADJ|advmod|2 70|NUM|nummod|3 people|NOUN|nsubjpass|5 "
    "were|AUX|auxpass|5|be killed|VERB|ROOT|5|kill in|ADP|prep|5 the|DET|det|8 "
    "fighting|NOUN|pobj|6 ,|PUNCT|punct|5 reported|VERB|conj|5|report the|DET|det|13 "
    "Associated|PROPN|compound|13 Press|PROPN|dobj|10 .|PUNCT|punct|5"
)
CITING = (
    "Reuters|PROPN|nsubj|1 reported|VERB|ROOT|1|report ,|PUNCT|punct|1 "
    "citing|VERB|advcl|12|cite the|DET|det|6 Red|PROPN|compound|6 "
    "Crescent|PROPN|dobj|3 ,|PUNCT|punct|12 that|SCONJ|dobj|12 25|NUM|nummod|10 "
    "people|NOUN|nsubj|12 had|AUX|aux|12|have drowned|VERB|ccomp|1|drown .|PUNCT|punct|1"
)
POSSESSIVE = (
    "The|DET|det|1 UN|PROPN|poss|3 's|PART|case|1 figures|NOUN|nsubj|4|figure "
    "put|VERB|ROOT|4 the|DET|det|6 number|NOUN|dobj|4 of|ADP|prep|6 "
    "displaced|VERB|pobj|7|displace at|ADP|prep|4 80,000|NUM|pobj|9 .|PUNCT|punct|4"
)
CONTEXT = (
    "The|DET|det|2 Red|PROPN|compound|2 Crescent|PROPN|nsubj|3 "
    "said|VERB|ROOT|3|say 30|NUM|nummod|5 people|NOUN|nsubjpass|7 were|AUX|auxpass|7|be "
    "killed|VERB|ccomp|3|kill .|PUNCT|punct|3 Another|DET|det|10 45|NUM|nsubjpass|12 "
    "were|AUX|auxpass|12|be injured|VERB|ROOT|12|injure .|PUNCT|punct|12 ¶|SPACE|dep|12 "
    "Rescue|NOUN|compound|16 teams|NOUN|nsubj|17|team found|VERB|ROOT|17|find "
    "6|NUM|nummod|20 more|ADJ|amod|20 bodies|NOUN|dobj|17|body on|ADP|prep|17 "
    "Monday|PROPN|pobj|21 .|PUNCT|punct|17"
)
RELATIVE_CLAUSE = (
    "Mayor|PROPN|compound|2 Ana|PROPN|compound|2 Silva|PROPN|nsubj|11 "
    ",|PUNCT|punct|2 who|PRON|nsubj|5 visited|VERB|relcl|2|visit 3|NUM|nummod|7 "
    "shelters|NOUN|dobj|5|shelter on|ADP|prep|5 Sunday|PROPN|pobj|8 ,|PUNCT|punct|2 "
    "said|VERB|ROOT|11|say the|DET|det|13 town|NOUN|nsubj|14 needed|VERB|ccomp|11|need "
    "help|NOUN|dobj|14 .|PUNCT|punct|11"
)
MONITOR_ADDED = (
    "The|DET|det|1 monitor|NOUN|nsubj|2 said|VERB|ROOT|2|say 15|NUM|nummod|4 "
    "fighters|NOUN|nsubjpass|6|fighter were|AUX|auxpass|6|be killed|VERB|ccomp|2|kill "
    ".|PUNCT|punct|2 The|DET|det|9 group|NOUN|nsubj|10 added|VERB|ROOT|10|add "
    "that|SCONJ|mark|15 4|NUM|nsubj|15 of|ADP|prep|12 them|PRON|pobj|13|they "
    "were|AUX|ccomp|10|be commanders|NOUN|attr|15|commander .|PUNCT|punct|10"
)
# "The Syrian Observatory for Human Rights" precedes MONITOR_ADDED in that case
OBSERVATORY = (
    "The|DET|det|2 Syrian|PROPN|compound|2 Observatory|PROPN|nsubj|6 for|ADP|prep|2 "
    "Human|PROPN|compound|5 Rights|PROPN|pobj|3 tracks|VERB|ROOT|6|track "
    "the|DET|det|8 war|NOUN|dobj|6 .|PUNCT|punct|6"
)
PRONOUN = (
    "Lina|PROPN|compound|1 Haddad|PROPN|nsubj|2 runs|VERB|ROOT|2|run the|DET|det|4 "
    "clinic|NOUN|dobj|2 .|PUNCT|punct|2 She|PRON|nsubj|7 said|VERB|ROOT|7|say "
    "22|NUM|nummod|9 patients|NOUN|nsubj|10|patient arrived|VERB|ccomp|7|arrive "
    "overnight|ADV|advmod|10 .|PUNCT|punct|7"
)
CAPTION = (
    "Rescuers|NOUN|nsubj|1|rescuer pulled|VERB|ROOT|1|pull 20|NUM|nummod|3 "
    "people|NOUN|dobj|1 from|ADP|prep|1 the|DET|det|6 rubble|NOUN|pobj|4 after|ADP|prep|1 "
    "the|DET|det|9 quake|NOUN|pobj|7 ,|PUNCT|punct|1 reported|VERB|conj|1|report "
    "the|DET|det|14 Associated|PROPN|compound|14 Press|PROPN|dobj|11 .|PUNCT|punct|1 "
    "Survivors|NOUN|nsubj|17|survivor wait|VERB|ROOT|17 near|ADP|prep|17 20|NUM|nummod|21 "
    "collapsed|VERB|amod|21|collapse homes|NOUN|pobj|18|home (|PUNCT|punct|26 "
    "Ann|PROPN|compound|24 Lee|PROPN|nmod|26 /|SYM|punct|26 AP|PROPN|ROOT|26 "
    ")|PUNCT|punct|26"
)
NO_CUE = (
    "Floods|NOUN|nsubj|1|flood destroyed|VERB|ROOT|1|destroy 200|NUM|nummod|3 "
    "bridges|NOUN|dobj|1|bridge .|PUNCT|punct|1"
)

ANOTHER = (
    "The|DET|det|2 Red|PROPN|compound|2 Crescent|PROPN|nsubj|3 said|VERB|ROOT|3|say "
    "30|NUM|nummod|5 people|NOUN|nsubjpass|7 were|AUX|auxpass|7|be killed|VERB|ccomp|3|kill "
    ".|PUNCT|punct|3 ¶|SPACE|dep|8 Another|DET|det|11 45|NUM|nsubjpass|13 "
    "were|AUX|auxpass|13|be injured|VERB|ccomp|18|injure ,|PUNCT|punct|18 many|ADJ|nsubj|18 "
    "of|ADP|prep|15 them|PRON|pobj|16|they children|NOUN|ROOT|18|child .|PUNCT|punct|18"
)
DESCRIBED = (
    "The|DET|det|2 Syrian|PROPN|compound|2 Observatory|PROPN|nsubj|13 for|ADP|prep|2 "
    "Human|PROPN|compound|5 Rights|PROPN|pobj|3 ,|PUNCT|punct|2 a|DET|det|11 "
    "Britain|PROPN|npadvmod|10 -|PUNCT|punct|10 based|VERB|amod|11|base "
    "monitor|NOUN|appos|2 ,|PUNCT|punct|2 said|VERB|ROOT|13|say 90|NUM|nummod|15 "
    "people|NOUN|nsubj|16 died|VERB|ccomp|13|die .|PUNCT|punct|13 A|DET|det|20 "
    "war|NOUN|compound|20 monitor|NOUN|nsubj|21 added|VERB|ROOT|21|add that|SCONJ|mark|25 "
    "12|NUM|nsubj|25 more|ADV|amod|23 died|VERB|ccomp|21|die .|PUNCT|punct|21"
)
BACKGROUND = (
    "The|DET|det|2 Red|PROPN|compound|2 Crescent|PROPN|nsubj|3 said|VERB|ROOT|3|say "
    "30|NUM|nummod|5 people|NOUN|nsubjpass|7 were|AUX|auxpass|7|be killed|VERB|ccomp|3|kill "
    ".|PUNCT|punct|3 The|DET|det|10 war|NOUN|nsubj|12 has|AUX|aux|12|have "
    "killed|VERB|ROOT|12|kill 500,000|NUM|nummod|14 people|NOUN|dobj|12 since|SCONJ|prep|12 "
    "2011|NUM|pobj|15 .|PUNCT|punct|12"
)
SOHR = "organisation/syrian-observatory-for-human-rights"
RED_CRESCENT = "organisation/red-crescent"
CASES = [
    # (id, spec, ents, figure token, publisher, (source, via, kind))
    (
        "according to",
        ACCORDING_TO,
        [(12, 14, "ORG")],
        2,
        None,
        (RED_CRESCENT, None, Attribution.EXPLICIT),
    ),
    (
        "X said that",
        SAID_THAT,
        [(1, 3, "ORG")],
        5,
        None,
        ("organisation/health-ministry", None, Attribution.EXPLICIT),
    ),
    ("unnamed army", THE_ARMY_SAID, [], 0, None, ("anon/army", None, Attribution.EXPLICIT)),
    (
        "inverted said X",
        SAID_PERSON,
        [(9, 11, "PERSON")],
        2,
        None,
        ("person/ana-silva", None, Attribution.EXPLICIT),
    ),
    (
        "told AFP",
        TOLD_AFP,
        [(4, 5, "OUTLET")],
        6,
        None,
        ("anon/police-spokesman", "outlet/afp", Attribution.EXPLICIT),
    ),
    (
        "publisher is not the via",
        TOLD_AFP,
        [(4, 5, "OUTLET")],
        6,
        "outlet/afp",
        ("anon/police-spokesman", None, Attribution.EXPLICIT),
    ),
    (
        "reported AP, no source",
        REPORTED_AP,
        [(12, 14, "OUTLET")],
        2,
        None,
        (None, "outlet/associated-press", Attribution.NONE),
    ),
    (
        "citing X, outlet is via",
        CITING,
        [(0, 1, "OUTLET"), (5, 7, "ORG")],
        9,
        None,
        (RED_CRESCENT, "outlet/reuters", Attribution.EXPLICIT),
    ),
    (
        "X's figures",
        POSSESSIVE,
        [(1, 2, "ORG")],
        10,
        None,
        ("organisation/un", None, Attribution.EXPLICIT),
    ),
    (
        "context in paragraph",
        CONTEXT,
        [(1, 3, "ORG")],
        10,
        None,
        (RED_CRESCENT, None, Attribution.CONTEXT),
    ),
    (
        "no context across paragraphs",
        CONTEXT,
        [(1, 3, "ORG")],
        18,
        None,
        (None, None, Attribution.NONE),
    ),
    (
        "number in speaker's clause",
        RELATIVE_CLAUSE,
        [(0, 3, "PERSON")],
        6,
        None,
        (None, None, Attribution.NONE),
    ),
    (
        "pronoun speaker",
        PRONOUN,
        [(0, 2, "PERSON")],
        8,
        None,
        ("person/lina-haddad", None, Attribution.EXPLICIT),
    ),
    (
        "caption never inherits",
        CAPTION,
        [(13, 15, "OUTLET")],
        20,
        None,
        (None, None, Attribution.NONE),
    ),
    (
        "caption's neighbour keeps its via",
        CAPTION,
        [(13, 15, "OUTLET")],
        2,
        None,
        (None, "outlet/associated-press", Attribution.NONE),
    ),
    ("no cue at all", NO_CUE, [], 2, None, (None, None, Attribution.NONE)),
    (
        "a count dated to a year is background",
        BACKGROUND,
        [(1, 3, "ORG"), (16, 17, "DATE")],
        13,
        None,
        (None, None, Attribution.NONE),
    ),
    (
        "'another' continues across paragraphs",
        ANOTHER,
        [(0, 3, "ORG")],
        10,
        None,
        (RED_CRESCENT, None, Attribution.CONTEXT),
    ),
    (
        "'a war monitor' is the observatory described as one",
        DESCRIBED,
        [(0, 6, "ORG"), (8, 9, "GPE")],
        23,
        None,
        (SOHR, None, Attribution.EXPLICIT),
    ),
]


@pytest.mark.parametrize(
    ("spec", "ents", "index", "publisher", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_attribution(
    spec: str,
    ents: list[tuple[int, int, str]],
    index: int,
    publisher: str | None,
    expected: tuple[str | None, str | None, Attribution],
) -> None:
    doc = parsed(spec, ents)
    table = build_entity_table(doc)
    [found] = attribute_figures(doc, [figure_at(doc, index)], table, publisher)
    assert (found.source, found.via, found.kind) == expected


def test_group_added_refers_to_last_named_organisation() -> None:
    spec = f"{OBSERVATORY} {_shift(MONITOR_ADDED, 10)}"
    doc = parsed(spec, [(1, 6, "ORG")])
    table = build_entity_table(doc)
    found = attribute_figures(doc, [figure_at(doc, 13), figure_at(doc, 22)], table)
    key = "organisation/syrian-observatory-for-human-rights"
    assert [(f.source, f.kind) for f in found] == [
        (key, Attribution.EXPLICIT),
        (key, Attribution.EXPLICIT),
    ]


def test_frames_of_a_sentence_list_each_cue() -> None:
    doc = parsed(CITING, [(0, 1, "OUTLET"), (5, 7, "ORG")])
    table = build_entity_table(doc)
    frames = sentence_frames(next(iter(doc.sents)), table)
    named = [(f.source.name if f.source else None, f.via.name if f.via else None) for f in frames]
    assert named == [(None, "Reuters"), ("Red Crescent", None)]


def _shift(spec: str, by: int) -> str:
    """Offset the head indices of a spec appended after ``by`` tokens."""
    out = []
    for item in spec.split():
        parts = item.split("|")
        parts[3] = str(int(parts[3]) + by)
        out.append("|".join(parts))
    return " ".join(out)
