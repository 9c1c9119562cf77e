"""Figures: which numbers are figures, their qualifiers, bounds, ranges and meaning.

Most cases run on ``spacy.blank("en")`` with a sentencizer (no parse, no entities); the
``model`` cases run the same checks with the trained parser and NER.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsprov.model import Qualifier
from newsprov.nlp.figures import FigureSpan, find_figures


def figures(nlp: Language, text: str, **kwargs: bool) -> list[FigureSpan]:
    return find_figures(nlp(text), **kwargs)


def values(nlp: Language, text: str, **kwargs: bool) -> list[tuple[float, str]]:
    return [(f.value, f.qualifier.value) for f in figures(nlp, text, **kwargs)]


POSITIVE = [
    # digits, scales, number words
    ("More than 1,000 people were killed in the fighting.", [(1000, "more than")]),
    ("Officials said 42,500 residents had been evacuated by Sunday.", [(42500, "exact")]),
    ("Police said 1.000 people were arrested.", [(1000, "exact")]),
    ("Nearly half a million people have fled the region.", [(500000, "nearly")]),
    ("Organisers said a quarter of a million marchers filled the avenue.", [(250000, "exact")]),
    ("Twenty-five firefighters were injured battling the blaze.", [(25, "exact")]),
    ("A dozen journalists were detained at the border.", [(12, "exact")]),
    ("It was attended by two hundred and fifty delegates.", [(250, "exact")]),
    ("Ten children were among the dead.", [(10, "exact")]),
    ("One soldier was killed in the ambush.", [(1, "exact")]),
    ("About 2.3m people need assistance.", [(2300000, "about")]),
    ("Rebels hold one of the three crossings into the city.", [(3, "exact")]),
    # percent, money, area, magnitude
    ("Unemployment rose to 12% in the province.", [(12, "exact")]),
    ("Turnout was 61 per cent, the commission said.", [(61, "exact")]),
    ("The storm caused an estimated $4.2 billion in damage.", [(4.2e9, "about")]),
    ("The fund has raised 3bn euros so far.", [(3e9, "exact")]),
    ("Insurers put losses at £2.3m.", [(2.3e6, "exact")]),
    ("The EU pledged €30m in aid.", [(3e7, "exact")]),
    ("The government allocated USD 5 million for reconstruction.", [(5e6, "exact")]),
    ("The fire has scorched 5,000 hectares of forest.", [(5000, "exact")]),
    ("Crews contained a blaze covering 1,200 acres.", [(1200, "exact")]),
    ("Flooding has affected 30 sq km of farmland.", [(30, "exact")]),
    # a magnitude is no figure; the count after it is
    ("The 7.8-magnitude quake flattened 300 homes.", [(300, "exact")]),
    # each qualifier family, before the number
    ("At least 12 people died and 30 were wounded.", [(12, "at least"), (30, "exact")]),
    ("No fewer than 300 protesters were arrested.", [(300, "at least")]),
    ("Almost 2,000 homes were destroyed.", [(2000, "nearly")]),
    ("Close to 400 people remain missing.", [(400, "nearly")]),
    ("Just under 90 people were rescued.", [(90, "nearly")]),
    ("Around 150 soldiers were wounded.", [(150, "about")]),
    ("Some 3,000 people marched through the capital.", [(3000, "about")]),
    ("Roughly 700 people were evacuated.", [(700, "about")]),
    ("An estimated 20,000 demonstrators gathered outside parliament.", [(20000, "about")]),
    ("Up to 500 people may have been trapped.", [(500, "up to")]),
    ("As many as 80 migrants drowned.", [(80, "up to")]),
    ("The death toll has exceeded 1,200.", [(1200, "more than")]),
    ("Over 70 people were hurt.", [(70, "more than")]),
    ("In excess of 10,000 people were displaced.", [(10000, "more than")]),
    ("Upwards of 5,000 people joined the rally.", [(5000, "more than")]),
    # qualifiers after the number, and the "a 1,000" typo
    ("A 1,000-plus crowd gathered in the square.", [(1000, "more than")]),
    ("Police detained 200 or more people.", [(200, "at least")]),
    ("The toll stood at 300 or so.", [(300, "about")]),
    ("Officials said over a 1,000 people were killed.", [(1000, "more than")]),
    ("The clashes left more than a 1,000 people dead.", [(1000, "more than")]),
    # a change is two values, not a range
    ("The toll rose from 500 to 1,000 overnight.", [(500, "exact"), (1000, "exact")]),
    # "may" is no month; "in 2024" is a year but the count after it is a figure
    ("The UN said some 5.3 million may have lost their homes.", [(5.3e6, "about")]),
    ("In 2024, 300 migrants drowned.", [(300, "exact")]),
    ("The World Bank put the damage at $34.2 billion.", [(34.2e9, "exact")]),
    ("Voters backed the plan 52% to 48%.", [(52, "exact"), (48, "exact")]),
    # a full stop glued before the next sentence's number
    ("The shelling lasted all night.90 soldiers were killed at the base.", [(90, "exact")]),
    # a bracketed conversion is a second figure of the same quantity, same qualifier
    (
        "The fire burned 5,000 hectares (12,355 acres) of scrub.",
        [(5000, "exact"), (12355, "exact")],
    ),
    ("The fire burned about 5,000 hectares (12,355 acres).", [(5000, "about"), (12355, "about")]),
]


@pytest.mark.parametrize(("text", "expected"), POSITIVE)
def test_figures_and_qualifiers(sentencized: Language, text: str, expected: list[tuple]) -> None:
    assert values(sentencized, text) == expected


NEGATIVE = [
    # dates, years, times, phone numbers
    "The attack happened on March 9.",
    "The offensive began on Jan. 7 at dawn.",
    "She returned on 9 March 2025 to find her house gone.",
    "The law was passed in 2025.",
    "Shops reopened on 9/3/2025.",
    "The meeting began at 3 p.m. local time.",
    "Talks resumed at 15:00.",
    "Troops were told to leave by 12 noon.",
    "The quake struck at 04:17 on Monday.",
    "Call 0800 123 4567 for help.",
    "Call +44 20 7946 0958 for information.",
    # ages
    "A 14-year-old boy was among those detained.",
    "The suspect, aged 62, was arrested.",
    "Karim Haddad, 45, said he had lost everything.",
    "The 62-year-old farmer fled his village.",
    "He died at the age of 62.",
    "Aid is reserved for children under 5.",
    # durations
    "The siege lasted three months.",
    "Fighting raged for two straight weeks.",
    "The war began 14 years ago.",
    "For two days the town was without power.",
    "Over the past 24 hours, the situation calmed.",
    "The 1990s were calmer.",
    # ordinals, names, labels, compounds
    "It was the third attack this year.",
    "The 1st battalion moved north.",
    "The council adopted Resolution 2254.",
    "Traffic on Route 66 was halted.",
    "G7 leaders met in Italy.",
    "An F-16 crashed near the base.",
    "COVID-19 spread through the camp.",
    "The 9/11 attacks changed everything.",
    "See page 4 of the report.",
    "The 15-member council voted.",
    # "one", speaker counts, trivial counts, bare small numbers
    "One of the victims was a nurse.",
    "One resident said the shelling never stopped.",
    "No one knows what happens next, one official said.",
    "Two residents told AP they had hidden in a cellar.",
    "Three witnesses said the gunmen wore uniforms.",
    "The two sides met in Geneva.",
    "The two met in Paris.",
    "He has three times appealed.",
    "Two of the attackers escaped.",
    # vague plurals (left out by default)
    "Thousands took to the streets.",
    "Tens of thousands of protesters marched on parliament.",
    "Dozens were injured.",
    "Hundreds of families fled.",
    # scores, ratios, distances, speeds, temperatures
    "City won the match 3-1.",
    "The court ruled in a 6-3 decision.",
    "One in five children is malnourished.",
    "The town is 40 km from the border.",
    "Winds reached 100 mph.",
    "Temperatures hit 45 degrees.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_figures(sentencized: Language, text: str) -> None:
    assert values(sentencized, text) == []


RANGES = [
    ("Between 40,000 and 60,000 people attended the march.", 40000, 60000),
    ("Police estimated the crowd at 2,000-3,000.", 2000, 3000),
    ("2,000 to 3,000 people were displaced.", 2000, 3000),
    ("The blast killed from 40 to 50 people.", 40, 50),
    ("Damage is estimated at $2-3 million.", 2e6, 3e6),
    ("Organisers claimed between 800,000 and 1 million people took part.", 800000, 1e6),
    ("Between 20 and 30 percent of homes lost power.", 20, 30),
    ("Two or three people were injured.", 2, 3),
    # the thousands written once for both ends
    ("Police said more like 30-40,000 marched.", 30000, 40000),
    ("Between 70-100,000 people marched.", 70000, 100000),
    # ... but not where the lower end is already of the upper's order, or far below it
    ("Between 500-1,000 people marched.", 500, 1000),
    ("Anywhere from 2-300,000 people marched.", 2, 300000),
]


@pytest.mark.parametrize(("text", "low", "high"), RANGES)
def test_ranges(sentencized: Language, text: str, low: float, high: float) -> None:
    lo, hi = figures(sentencized, text)
    assert (lo.value, lo.qualifier, hi.value, hi.qualifier) == (
        low,
        Qualifier.AT_LEAST,
        high,
        Qualifier.UP_TO,
    )
    assert lo.range_group is not None and lo.range_group == hi.range_group
    assert (lo.lower, lo.upper) == (hi.lower, hi.upper) == (low, high)
    assert (lo.unit, lo.measure) == (hi.unit, hi.measure)  # both ends count the same thing


def test_range_groups_differ_between_ranges(sentencized: Language) -> None:
    text = "Between 10 and 20 people died. Between 30 and 40 people were hurt."
    groups = [f.range_group for f in figures(sentencized, text)]
    assert groups[0] == groups[1] != groups[2] == groups[3]


def test_range_with_one_end_not_a_figure_is_dropped(sentencized: Language) -> None:
    assert values(sentencized, "The boys were aged 14 to 17.") == []
    assert values(sentencized, "The talks lasted two to three days.") == []


@pytest.mark.parametrize(
    ("qualifier_text", "lower", "upper"),
    [
        ("more than", 500.0, None),
        ("at least", 500.0, None),
        ("about", 500.0, 500.0),
        ("up to", None, 500.0),
        ("nearly", None, 500.0),
        ("", 500.0, 500.0),
    ],
)
def test_bounds_follow_the_qualifier(
    sentencized: Language, qualifier_text: str, lower: float | None, upper: float | None
) -> None:
    (fig,) = figures(sentencized, f"The floods killed {qualifier_text} 500 people.")
    assert (fig.lower, fig.upper) == (lower, upper)


DESCRIBED = [
    # text, value, unit, measure, population
    ("More than 1,000 people were killed in the fighting.", 1000, "people", "deaths", "people"),
    ("Around 150 soldiers were wounded.", 150, "people", "injuries", "soldiers"),
    ("No fewer than 300 protesters were arrested.", 300, "people", "arrests", "protesters"),
    ("Close to 400 people remain missing.", 400, "people", "missing", "people"),
    ("Roughly 700 people were evacuated.", 700, "people", "evacuated", "people"),
    ("Nearly half a million people have fled the region.", 500000, "people", "displaced", "people"),
    ("Just under 90 people were rescued.", 90, "people", "rescued", "people"),
    ("Some 3,000 demonstrators marched.", 3000, "people", "crowd-size", "protesters"),
    ("About 2.3m people are affected.", 2.3e6, "people", "affected", "people"),
    ("Insurers put losses at £2.3m.", 2.3e6, "GBP", "economic-loss", None),
    ("The EU pledged €30m in aid.", 3e7, "EUR", "aid-amount", None),
    ("The fire has scorched 5,000 hectares of forest.", 5000, "hectares", "area-burned", None),
    ("Almost 2,000 homes were destroyed.", 2000, "homes", "homes-destroyed", None),
    ("The quake destroyed 300 buildings.", 300, "buildings", "buildings-destroyed", None),
    ("Unemployment rose to 12% in the province.", 12, "percent", None, None),
    ("Rebels hold one of the three crossings into the city.", 3, "crossings", None, None),
    ("Ten children were among the dead.", 10, "people", "deaths", "children"),
    ("Officers said 40 women were detained.", 40, "people", "arrests", "women"),
    ("Twenty-five firefighters were injured.", 25, "people", "injuries", "firefighters"),
    ("A dozen journalists were detained.", 12, "people", "arrests", "journalists"),
    ("Some 60 police officers were hurt.", 60, "people", "injuries", "police"),
    ("Residents said 200 gunmen were killed.", 200, "people", "deaths", "militants"),
    ("The clashes killed 30 rebel fighters.", 30, "people", "deaths", "fighters"),
    ("Troops shot dead 14 civilians.", 14, "people", "deaths", "civilians"),
    ("At least 12 people died and 30 were wounded.", 30, "people", "injuries", None),
]


@pytest.mark.parametrize(("text", "value", "unit", "measure", "population"), DESCRIBED)
def test_what_is_counted(
    sentencized: Language,
    text: str,
    value: float,
    unit: str,
    measure: str | None,
    population: str | None,
) -> None:
    fig = next(f for f in figures(sentencized, text) if f.value == value)
    assert (fig.unit, fig.measure, fig.population) == (unit, measure, population)


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("Officials said 745 villagers were killed in the raid.", "villagers killed"),
        (
            "Some 125 government security force members died.",
            "government security force members died",
        ),
        ("Officers counted 300 armed men at the gate.", "armed men"),
        ("The clashes left more than a 1,000 people dead.", "people dead"),
    ],
)
def test_what_without_a_parse(sentencized: Language, text: str, what: str) -> None:
    (fig,) = figures(sentencized, text)
    assert fig.what == what


def test_span_and_number_tokens(sentencized: Language) -> None:
    text = "Officials said more than 1,000 people were killed."
    doc = sentencized(text)
    (fig,) = find_figures(doc)
    assert fig.text == text[fig.start : fig.end] == "more than 1,000"
    assert doc[fig.num_start : fig.num_end].text == "1,000"


def test_glued_number_span_points_inside_the_token(sentencized: Language) -> None:
    text = "It went on all night.90 soldiers were killed."
    doc = sentencized(text)
    (fig,) = find_figures(doc)
    assert text[fig.start : fig.end] == "90"
    assert "90" in doc[fig.num_start : fig.num_end].text


def test_vague_plurals_on_request(sentencized: Language) -> None:
    text = "Tens of thousands of protesters marched on parliament."
    (fig,) = figures(sentencized, text, include_vague=True)
    assert (fig.value, fig.qualifier, fig.lower, fig.upper) == (
        20000,
        Qualifier.AT_LEAST,
        20000,
        None,
    )
    assert fig.measure == "crowd-size"


def test_doc_without_sentence_boundaries_is_one_sentence() -> None:
    nlp = spacy.blank("en")
    assert values(nlp, "More than 300 people died.") == [(300, "more than")]


def test_figures_in_several_sentences_keep_text_order(sentencized: Language) -> None:
    text = "At least 12 people died. Officials said 40 were hurt. The 1990s were calm."
    assert values(sentencized, text) == [(12, "at least"), (40, "exact")]


def test_component_stores_figures_on_the_doc() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("newsprov_figures")
    doc = nlp("Some 3,000 people marched. Nearly 40 were arrested.")
    assert [(f.value, f.qualifier.value) for f in doc._.figures] == [
        (3000, "about"),
        (40, "nearly"),
    ]


def _first_starts(n: int) -> list[bool | int | None]:
    """Sentence starts for a one-sentence hand-built Doc of n words."""
    starts: list[bool | int | None] = [True]
    return starts + [False] * (n - 1)


def test_hand_built_parse_finds_the_counted_noun() -> None:
    nlp = spacy.blank("en")
    words = ["Officials", "said", "745", "civilians", "from", "the", "town", "were", "killed"]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=[1, 1, 3, 8, 3, 6, 4, 8, 1],
        deps=["nsubj", "ROOT", "nummod", "nsubjpass", "prep", "det", "pobj", "auxpass", "ccomp"],
        pos=["NOUN", "VERB", "NUM", "NOUN", "ADP", "DET", "NOUN", "AUX", "VERB"],
        sent_starts=_first_starts(9),
    )
    (fig,) = find_figures(doc)
    assert fig.what == "civilians from the town killed"
    assert (fig.measure, fig.population) == ("deaths", "civilians")


def test_hand_built_date_entity_is_not_a_figure() -> None:
    nlp = spacy.blank("en")
    words = ["Talks", "ended", "two", "Fridays", "ago", "."]
    plain = Doc(nlp.vocab, words=words, sent_starts=_first_starts(6))
    doc = Doc(
        nlp.vocab,
        words=words,
        ents=["O", "O", "B-DATE", "I-DATE", "I-DATE", "O"],
        sent_starts=_first_starts(6),
    )
    assert [f.value for f in find_figures(plain)] == [2]  # the rules alone miss it
    assert find_figures(doc) == []


# -- with the trained pipeline: sentences shaped like real wire copy -----------------

MODEL_CASES = [
    (
        "More than 2,000 people have died in fighting after clashes erupted between rival "
        "militias, according to the Iraqi Observatory for Human Rights (IOHR).",
        [(2000, "more than")],
    ),
    (
        "In one of the bloodiest days of the conflict, over a 1,000 people have been killed "
        "in clashes between police and loyalists of the ousted governor, reported the "
        "Associated Press.",
        [(1000, "more than")],
    ),
    (
        "Rival militias fought through the night leaving more than a 1,000 people "
        "dead(Ali Karim/Reuters)",
        [(1000, "more than")],
    ),
    (
        "The monitor said that 512 civilians were killed during the fighting, mostly in air "
        "strikes on the old town.96 soldiers and 210 fighters with allied militias were also "
        "killed.",
        [(512, "exact"), (96, "exact"), (210, "exact")],
    ),
    ("For three days, the family hid in their basement as gunmen roamed the streets.", []),
    (
        "Two residents of the coastal town spoke to Reuters from their hiding places, "
        "describing fear and hunger.",
        [],
    ),
    (
        "The senator, who holds one of the four seats reserved for the minority in "
        "parliament, said people were fleeing.",
        [(4, "exact")],
    ),
    (
        "The fighting, the worst since the war began 12 years ago, has left thousands "
        "without water.",
        [],
    ),
    (
        "Police said the crowd numbered between 15,000 and 20,000.",
        [(15000, "at least"), (20000, "up to")],
    ),
    (
        "The storm caused damage estimated at $1.2 billion, officials said on March 3.",
        [(1.2e9, "about")],
    ),
    (
        "Aid workers said 35 children were among the 310 people killed in the strikes.",
        [(35, "exact"), (310, "exact")],
    ),
    (
        '"It was terrible," said one resident, as quoted by AFP, while three others declined '
        "to comment.",
        [],
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), MODEL_CASES)
def test_model_figures(trained: Language, text: str, expected: list[tuple]) -> None:
    assert values(trained, text) == expected


@pytest.mark.model
def test_model_counted_noun_and_measure(trained: Language) -> None:
    text = (
        "The monitor said that 512 civilians were killed during the fighting, mostly in air "
        "strikes on the old town.96 soldiers and 210 fighters with allied militias were also "
        "killed."
    )
    described = [(f.value, f.measure, f.population) for f in figures(trained, text)]
    assert described == [
        (512, "deaths", "civilians"),
        (96, "deaths", "soldiers"),
        (210, "deaths", "fighters"),
    ]
    assert figures(trained, text)[0].what == "civilians killed"


@pytest.mark.model
def test_model_money_is_not_dropped_by_a_wrong_entity_label(trained: Language) -> None:
    # the small model labels "3bn" ORDINAL; the figure must survive
    assert values(trained, "The fund has raised 3bn euros so far.") == [(3e9, "exact")]


@pytest.mark.model
def test_model_a_toll_reaching_a_small_number_word_counts_deaths(trained: Language) -> None:
    # the keyword "toll" is too far from "nine" for the measure window: the parse links them
    text = "The death toll from the storm in the northern hill villages rose to nine on Friday."
    found = [(f.value, f.measure, f.unit) for f in figures(trained, text)]
    assert found == [(9, "deaths", "people")]
    # without a toll, a small bare number word is still no figure
    assert figures(trained, "The number of fishing boats in the old harbour rose to nine.") == []
