"""Who a figure's source is when the text names it by description, bare noun, pronoun or
in a shape a small parser gets wrong (``nlp.sources``, ``nlp.subjects``, attribution).

Every case is an invented sentence with the parse a small English model gives it, frozen
here (some with the model's mistakes kept on purpose) so no model is needed.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsprov.model import Attribution
from newsprov.nlp.attribution import attribute_figures
from newsprov.nlp.entities import build_entity_table
from newsprov.nlp.sources import is_event
from newsprov.nlp.subjects import subject_of
from test_nlp_attribution import figure_at, parsed

MONITOR_THEN_GROUP = (
    "The|DET|det|3 Kordofan|PROPN|compound|3 Rights|PROPN|compound|3 "
    "Monitor|PROPN|nsubj|4 said|VERB|ROOT|4|say 96|NUM|nummod|6 "
    "people|NOUN|nsubj|7 died|VERB|ccomp|4|die .|PUNCT|punct|4 Of|ADP|prep|14 "
    "the|DET|det|11 dead|ADJ|pobj|9 ,|PUNCT|punct|14 87|NUM|nsubj|14 were|AUX|ROOT|14|be "
    "civilians|NOUN|attr|14|civilian ,|PUNCT|punct|14 according|VERB|prep|14|accord "
    "to|ADP|prep|17 the|DET|det|23 London|PROPN|npadvmod|22 -|PUNCT|punct|22 "
    "based|VERB|amod|23|base group|NOUN|pobj|18 .|PUNCT|punct|14"
)
LONDON_GROUP = (
    "Of|ADP|prep|5 the|DET|det|2 dead|ADJ|pobj|0 ,|PUNCT|punct|5 87|NUM|nsubj|5 "
    "were|AUX|ROOT|5|be civilians|NOUN|attr|5|civilian ,|PUNCT|punct|5 "
    "according|VERB|prep|5|accord to|ADP|prep|8 the|DET|det|14 "
    "London|PROPN|npadvmod|13 -|PUNCT|punct|13 based|VERB|amod|14|base "
    "group|NOUN|pobj|9 .|PUNCT|punct|5"
)
FIRE_THEN_AGENCY = (
    "The|DET|det|2 Sawtooth|PROPN|compound|2 Fire|PROPN|nsubj|4 "
    "has|AUX|aux|4|have destroyed|VERB|ROOT|4|destroy 300|NUM|nummod|6 "
    "homes|NOUN|dobj|4|home .|PUNCT|punct|4 Two|NUM|nummod|9 "
    "firefighters|NOUN|nsubjpass|11|firefighter were|AUX|auxpass|11|be "
    "hurt|VERB|ccomp|15 ,|PUNCT|punct|15 the|DET|det|14 agency|NOUN|nsubj|15 "
    "said|VERB|ROOT|15|say .|PUNCT|punct|15"
)
CITED_THEN_AGENCY = (
    "Two|NUM|nummod|1 fires|NOUN|nsubj|2|fire burned|VERB|ROOT|2|burn ,|PUNCT|punct|2 "
    "according|VERB|prep|2|accord to|ADP|prep|4 Cal|PROPN|compound|7 "
    "Fire|PROPN|pobj|5 .|PUNCT|punct|2 Two|NUM|nummod|10 "
    "firefighters|NOUN|nsubjpass|12|firefighter were|AUX|auxpass|12|be "
    "hurt|VERB|ccomp|16 ,|PUNCT|punct|16 the|DET|det|15 agency|NOUN|nsubj|16 "
    "said|VERB|ROOT|16|say .|PUNCT|punct|16"
)
POLICE_WHO = (
    "Police|NOUN|nsubj|9|police ,|PUNCT|punct|0 who|PRON|nsubj|3 "
    "estimated|VERB|relcl|0|estimate the|DET|det|5 turnout|NOUN|dobj|3 at|ADP|prep|5 "
    "42,000|NUM|pobj|6 ,|PUNCT|punct|0 said|VERB|ROOT|9|say 14|NUM|nummod|11 "
    "people|NOUN|nsubjpass|13 were|AUX|auxpass|13|be arrested|VERB|ccomp|9|arrest "
    ".|PUNCT|punct|9"
)
IT_ADDED = (
    "The|DET|det|2 Foreign|PROPN|compound|2 Ministry|PROPN|nsubj|3 "
    "said|VERB|ROOT|3|say 72|NUM|nummod|5 rescuers|NOUN|nsubj|7|rescuer will|AUX|aux|7 "
    "leave|VERB|ccomp|3 .|PUNCT|punct|3 The|DET|det|10 government|NOUN|nsubj|12 "
    "will|AUX|aux|12 send|VERB|ccomp|26 goods|NOUN|dobj|12|good worth|ADJ|prep|12 "
    "30|NUM|compound|16 million|NUM|nummod|17 yen|NOUN|npadvmod|14 through|ADP|prep|12 "
    "the|DET|det|23 Japan|PROPN|compound|23 International|PROPN|compound|23 "
    "Cooperation|PROPN|compound|23 Agency|PROPN|pobj|18 "
    ",|PUNCT|punct|26 it|PRON|nsubj|26 added|VERB|ROOT|26|add .|PUNCT|punct|26"
)
# the model's mistake kept: "Department" an apposition of "Mountains", "said" a conjunct
SHERIFF_SAID = (
    "Six|NUM|nummod|1 people|NOUN|nsubjpass|4 have|AUX|aux|4 been|AUX|auxpass|4|be "
    "killed|VERB|ROOT|4|kill by|ADP|agent|4 a|DET|det|7 wildfire|NOUN|pobj|5 "
    "in|ADP|prep|7 the|DET|det|10 foothills|NOUN|pobj|8|foothill of|ADP|prep|10 "
    "the|DET|det|14 Sawtooth|PROPN|compound|14 Mountains|PROPN|pobj|11 ,|PUNCT|punct|14 "
    "the|DET|det|19 Pine|PROPN|compound|18 County|PROPN|compound|19 "
    "Sheriff|PROPN|nmod|21 's|PART|case|19 Department|PROPN|appos|14 "
    "said|VERB|conj|4|say Tuesday|PROPN|npadvmod|22 .|PUNCT|punct|4"
)
UN_APPEAL = (
    "The|DET|det|2 United|PROPN|compound|2 Nations|PROPN|nsubj|4 "
    "has|AUX|aux|4|have launched|VERB|ROOT|4|launch a|DET|det|7 flash|NOUN|compound|7 "
    "appeal|NOUN|dobj|4 for|ADP|prep|7 $|SYM|quantmod|11 25|NUM|compound|11 "
    "million|NUM|pobj|8 .|PUNCT|punct|4"
)
ECONOMISTS_AT = (
    "Economists|NOUN|nsubj|4|economist at|ADP|prep|0 Harbor|PROPN|compound|3 "
    "Analytics|PROPN|pobj|1 estimated|VERB|ROOT|4|estimate "
    "losses|NOUN|dobj|4|loss at|ADP|prep|4 $|SYM|quantmod|9 3|NUM|compound|9 "
    "billion|NUM|pobj|6 .|PUNCT|punct|4"
)
RESIDENTS_OF = (
    "Residents|NOUN|nsubj|4|resident of|ADP|prep|0 Harbor|PROPN|compound|3 "
    "Analytics|PROPN|pobj|1 estimated|VERB|ROOT|4|estimate "
    "losses|NOUN|dobj|4|loss at|ADP|prep|4 $|SYM|quantmod|9 3|NUM|compound|9 "
    "billion|NUM|pobj|6 .|PUNCT|punct|4"
)
ORGANISERS_SAID = (
    "The|DET|det|1 march|NOUN|nsubj|2 drew|VERB|ccomp|7|draw 250,000|NUM|nummod|4 "
    "people|NOUN|dobj|2 ,|PUNCT|punct|7 organisers|NOUN|nsubj|7|organiser "
    "said|VERB|ROOT|7|say .|PUNCT|punct|7"
)
COALITION_ORGANISED = (
    "The|DET|det|3 Fair|PROPN|compound|3 Wages|PROPN|compound|3 "
    "Coalition|PROPN|nsubj|9 ,|PUNCT|punct|3 which|PRON|nsubj|6 "
    "organised|VERB|relcl|3|organise it|PRON|dobj|6 ,|PUNCT|punct|3 "
    "spoke|VERB|ROOT|9|speak .|PUNCT|punct|9"
)
POLICE_ESTIMATE = (
    "That|PRON|nsubj|1 is|AUX|ROOT|1|be close|ADJ|acomp|1 to|ADP|prep|2 the|DET|det|6 "
    "police|NOUN|compound|6 estimate|NOUN|pobj|3 of|ADP|prep|6 42,000|NUM|pobj|7 "
    ".|PUNCT|punct|1"
)
ARGUING = (
    "The|DET|det|2 labour|NOUN|compound|2 ministry|NOUN|nsubj|3 "
    "defends|VERB|ROOT|3|defend the|DET|det|5 plan|NOUN|dobj|3 ,|PUNCT|punct|3 "
    "arguing|VERB|advcl|3|argue that|SCONJ|mark|11 it|PRON|nsubj|11 will|AUX|aux|11 "
    "save|VERB|ccomp|7 4.5|NUM|compound|13 billion|NUM|nummod|14 euros|NOUN|dobj|11|euro "
    ".|PUNCT|punct|3"
)
WAR_MONITOR_THEN_NAMED = (
    "More|ADJ|amod|2 than|ADP|quantmod|2 1,000|NUM|nummod|3 people|NOUN|nsubjpass|6 "
    "have|AUX|aux|6 been|AUX|auxpass|6|be killed|VERB|ccomp|11|kill ,|PUNCT|punct|11 "
    "a|DET|det|10 war|NOUN|compound|10 monitor|NOUN|nsubj|11 said|VERB|ROOT|11|say "
    ".|PUNCT|punct|11 The|DET|det|15 Syrian|PROPN|compound|15 "
    "Observatory|PROPN|nsubj|19 for|ADP|prep|15 "
    "Human|PROPN|compound|18 Rights|PROPN|pobj|16 said|VERB|ROOT|19|say "
    "most|ADJ|nsubj|21 were|AUX|ccomp|19|be civilians|NOUN|attr|21|civilian "
    ".|PUNCT|punct|19"
)
DISASTER_AGENCY_THEN_NAMED = (
    "At|ADV|advmod|1 least|ADJ|advmod|2 87|NUM|nummod|3 people|NOUN|nsubjpass|5 "
    "were|AUX|auxpass|5|be killed|VERB|ccomp|13|kill ,|PUNCT|punct|13 the|DET|det|9 "
    "country|NOUN|poss|12 's|PART|case|8 disaster|NOUN|compound|11 "
    "management|NOUN|compound|12 agency|NOUN|nsubj|13 said|VERB|ROOT|13|say "
    ".|PUNCT|punct|13 The|DET|det|17 Disaster|PROPN|compound|17 "
    "Authority|PROPN|nsubj|18 spoke|VERB|ROOT|18|speak .|PUNCT|punct|18"
)
MONITOR_KEY = "organisation/kordofan-rights-monitor"
CASES = [
    (
        "'the London-based group' is the monitor named before",
        MONITOR_THEN_GROUP,
        [(0, 4, "ORG"), (20, 21, "GPE")],
        13,
        (MONITOR_KEY, Attribution.EXPLICIT),
    ),
    (
        "'the London-based group' with nothing named is an unnamed group",
        LONDON_GROUP,
        [(11, 12, "GPE")],
        4,
        ("anon/london-based-group", Attribution.EXPLICIT),
    ),
    (
        "'the agency' is never the fire named before",
        FIRE_THEN_AGENCY,
        [(0, 3, "ORG")],
        8,
        (None, Attribution.NONE),
    ),
    (
        "'the agency' is the organisation cited last",
        CITED_THEN_AGENCY,
        [(6, 8, "ORG")],
        9,
        ("organisation/cal-fire", Attribution.EXPLICIT),
    ),
    (
        "a relative clause states its own figure",
        POLICE_WHO,
        [],
        7,
        ("anon/police", Attribution.EXPLICIT),
    ),
    (
        "'it added' is the earlier speaker, not the agency in the clause",
        IT_ADDED,
        [(0, 3, "ORG"), (19, 24, "ORG")],
        16,
        ("organisation/foreign-ministry", Attribution.EXPLICIT),
    ),
    (
        "', the X Department said' with a broken parse",
        SHERIFF_SAID,
        [(12, 15, "LOC"), (16, 22, "ORG")],
        0,
        ("organisation/pine-county-sheriffs-department", Attribution.EXPLICIT),
    ),
    (
        "an organisation's own appeal",
        UN_APPEAL,
        [(0, 3, "ORG")],
        10,
        ("organisation/united-nations", Attribution.EXPLICIT),
    ),
    (
        "an event's doing has no source",
        FIRE_THEN_AGENCY,
        [(0, 3, "ORG")],
        5,
        (None, Attribution.NONE),
    ),
    (
        "'economists at X' speak for X",
        ECONOMISTS_AT,
        [(2, 4, "ORG")],
        8,
        ("organisation/harbor-analytics", Attribution.EXPLICIT),
    ),
    (
        "'residents of X' do not speak for X",
        RESIDENTS_OF,
        [(2, 4, "ORG")],
        8,
        ("anon/resident", Attribution.EXPLICIT),
    ),
    (
        "bare 'organisers' with no civic body named",
        ORGANISERS_SAID,
        [],
        3,
        ("anon/organisers", Attribution.EXPLICIT),
    ),
    (
        "'the police estimate of N'",
        POLICE_ESTIMATE,
        [],
        8,
        ("anon/police", Attribution.EXPLICIT),
    ),
    (
        "'a war monitor' named in the next sentence",
        WAR_MONITOR_THEN_NAMED,
        [(13, 19, "ORG")],
        2,
        ("organisation/syrian-observatory-for-human-rights", Attribution.EXPLICIT),
    ),
    (
        "'the country's disaster management agency' shares a word with a named one",
        DISASTER_AGENCY_THEN_NAMED,
        [(15, 18, "ORG")],
        2,
        ("organisation/disaster-authority", Attribution.EXPLICIT),
    ),
]


@pytest.mark.parametrize(
    ("spec", "ents", "index", "expected"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_source(
    spec: str,
    ents: list[tuple[int, int, str]],
    index: int,
    expected: tuple[str | None, Attribution],
) -> None:
    doc = parsed(spec, ents)
    table = build_entity_table(doc)
    [found] = attribute_figures(doc, [figure_at(doc, index)], table)
    assert (found.source, found.kind) == expected


def _source_name(doc: Doc, index: int) -> str | None:
    table = build_entity_table(doc)
    [found] = attribute_figures(doc, [figure_at(doc, index)], table)
    cluster = table.get(found.source)
    return cluster.name if cluster is not None else None


def test_description_label_is_the_text_as_written() -> None:
    doc = _respaced(parsed(LONDON_GROUP, [(11, 12, "GPE")]), glued={11, 12})
    assert doc.text.endswith("the London-based group.")
    assert _source_name(doc, 4) == "London-based group"


def test_unnamed_labels_are_what_gold_calls_them() -> None:
    assert _source_name(parsed(POLICE_WHO), 7) == "police"
    assert _source_name(parsed(ORGANISERS_SAID), 3) == "organisers"
    assert _source_name(_tagged(parsed(ARGUING), {7: "VBG"}), 12) == "labour ministry"


def test_organisers_are_the_body_that_organised() -> None:
    spec = f"{COALITION_ORGANISED} {_shift(ORGANISERS_SAID, 11)}"
    doc = parsed(spec, [(0, 4, "ORG")])
    table = build_entity_table(doc)
    [found] = attribute_figures(doc, [figure_at(doc, 14)], table)
    assert found.source == "organisation/fair-wages-coalition"


def test_a_named_fire_is_an_event_and_cal_fire_is_not() -> None:
    doc = parsed(
        f"{FIRE_THEN_AGENCY} {_shift(CITED_THEN_AGENCY, 17)}", [(0, 3, "ORG"), (23, 25, "ORG")]
    )
    table = build_entity_table(doc)
    by_name = {c.name: c for c in table.clusters}
    assert is_event(table, by_name["Sawtooth Fire"])
    assert not is_event(table, by_name["Cal Fire"])


def test_participle_subject_needs_the_participle_tag() -> None:
    doc = parsed(ARGUING)
    arguing = doc[7]
    assert subject_of(arguing) is None  # no tag: not known to be a participle
    arguing.tag_ = "VBG"
    subj = subject_of(arguing)
    assert subj is not None and subj.text == "ministry"


def test_surface_subject_stops_at_a_verb() -> None:
    """ "…, and said" is no "…, <noun phrase> said": the conjunct keeps its own subject."""
    spec = (
        "Police|NOUN|nsubj|1|police arrested|VERB|ROOT|1|arrest 14|NUM|nummod|3 "
        "people|NOUN|dobj|1 ,|PUNCT|punct|1 and|CCONJ|cc|1 said|VERB|conj|1|say "
        "more|ADJ|dobj|6 .|PUNCT|punct|1"
    )
    doc = parsed(spec)
    subj = subject_of(doc[6])
    assert subj is not None and subj.text == "Police"


def test_participle_speaker_is_its_clause_subject() -> None:
    doc = _tagged(parsed(ARGUING), {7: "VBG"})
    table = build_entity_table(doc)
    [found] = attribute_figures(doc, [figure_at(doc, 12)], table)
    assert (found.source, found.kind) == ("anon/labour-ministry", Attribution.EXPLICIT)


def _respaced(doc: Doc, glued: set[int]) -> Doc:
    """The same parse with no space after the tokens in ``glued`` ("London-based")."""
    iob = [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_type_ else "O" for t in doc]
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) and t.i not in glued for t in doc],
        pos=[t.pos_ for t in doc],
        deps=[t.dep_ for t in doc],
        heads=[t.head.i for t in doc],
        lemmas=[t.lemma_ for t in doc],
        ents=iob,
    )


def _tagged(doc: Doc, tags: dict[int, str]) -> Doc:
    for i, tag in tags.items():
        doc[i].tag_ = tag
    return doc


def _shift(spec: str, by: int) -> str:
    out = []
    for item in spec.split():
        parts = item.split("|")
        parts[3] = str(int(parts[3]) + by)
        out.append("|".join(parts))
    return " ".join(out)
