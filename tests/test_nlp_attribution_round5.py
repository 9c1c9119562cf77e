"""Round-5 attribution rules, end to end with the trained model on invented sentences;
each rule has a case that fires and one where it must not.

Rules: "organisers from the <Name> coalition" are that coalition; a place named as a
local government ("the Marlow Valley Regional District") speaks; an organisation's
order "to cover N homes, affecting M residents" is its count, and "Another N …" right
after continues it; "a poll for X" is X's; "the KMRS seismology centre" is KMRS; a
curly possessive parsed as the subject ("The army’s Truth Desk has said"); a count
"bringing the toll to N" is not reported by the victim; an outlet's own check ("Reuters
was able to confirm") makes it the source; the size of a place described in passing ("a
town of 5,000 people") has no source.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp_docs import extract_text, source_label

pytestmark = pytest.mark.model


# (rule, text, value, expected source label; None = no source)
CASES = [
    (
        "organisers from a named coalition",
        "Organisers from the Open Road coalition said more than 80,000 people had marched.",
        80_000,
        "Open Road coalition",
    ),
    (
        "organisers of an event are not the event",
        "Organisers of the march said more than 80,000 people had taken part.",
        80_000,
        "organisers",
    ),
    (
        "regional district speaks",
        "The Marlow Valley Regional District said 52 homes had been destroyed.",
        52,
        "Marlow Valley Regional District",
    ),
    (
        "a plain place still does not speak",
        "In Marlow Valley, 52 homes had been destroyed, residents said.",
        52,
        "unnamed resident",
    ),
    (
        "order to cover, affecting",
        "The Marlow Valley Regional District expanded its evacuation order on Monday to "
        "cover 1,200 properties, affecting more than 2,600 residents.",
        2_600,
        "Marlow Valley Regional District",
    ),
    (
        "poll for a body",
        "A poll for the Centre for Civic Futures published in May found 64 percent of "
        "voters back the plan.",
        64,
        "Centre for Civic Futures",
    ),
    (
        "acronym names the centre",
        "Since the first tremor, the KMRS seismology centre has recorded more than 45 aftershocks.",
        45,
        "KMRS",
    ),
    (
        "curly possessive subject",
        "Calls to the governor went unanswered. The army’s Truth Desk Unit has said the "
        "raid killed 11 fighters.",
        11,
        "Truth Desk Unit",
    ),
    (
        "bringing the toll is the speaker's",
        "A third person has died in the Ember Ridge fire, bringing the death toll to three, "
        "the Provincial Coroners Office said Monday.",
        3,
        "Provincial Coroners Office",
    ),
    (
        "outlet's own confirmation",
        "Reuters was able to confirm that 14 people were killed in the raid.",
        14,
        "Reuters",
    ),
    (
        "outlet relaying is still the via",
        "A hospital official told Reuters that 14 people were killed in the raid.",
        14,
        "unnamed hospital official",
    ),
    (
        "town size is background",
        "Dunmore, a town of 6,000 people, was hit hardest, the mayor said.",
        6_000,
        None,
    ),
    (
        "a crowd of N is a count",
        "Police said a crowd of 6,000 people gathered in the square.",
        6_000,
        "police",
    ),
]


@pytest.mark.parametrize(("rule", "text", "value", "expected"), CASES, ids=[c[0] for c in CASES])
def testsource_label(
    pipeline: Language, rule: str, text: str, value: float, expected: str | None
) -> None:
    assert source_label(extract_text(pipeline, text), value) == expected


def test_another_continues_an_agent_count(pipeline: Language) -> None:
    text = (
        "The Marlow Valley Regional District expanded its evacuation order on Monday to "
        "cover 1,200 properties. Another 700 properties are on evacuation alert."
    )
    assert source_label(extract_text(pipeline, text), 700) == "Marlow Valley Regional District"


def test_agent_count_does_not_carry_without_continuation(pipeline: Language) -> None:
    text = (
        "The Marlow Valley Regional District expanded its evacuation order on Monday to "
        "cover 1,200 properties.\n\nSome 700 cattle were moved to higher ground."
    )
    assert source_label(extract_text(pipeline, text), 700) is None


def test_speaking_district_is_an_organisation(pipeline: Language) -> None:
    ex = extract_text(pipeline, "The Marlow Valley Regional District said 52 homes burned.")
    types = {e.name: e.type.value for e in ex.entities}
    assert types.get("Marlow Valley Regional District") == "Organisation"


def test_organisers_phrase_keeps_named_coalition_for_quotes(pipeline: Language) -> None:
    """ "Organisers … raised their estimate" must not leave an unnamed "organisers" that
    shadows the coalition named next for the sentence's quotation."""
    text = (
        "Organisers of the march on Sunday raised their estimate of the turnout to 90,000, "
        'accusing police of "deliberately shrinking" the protest.\n\n'
        "Gabungan Pelajar Sarawak said its marshals had counted participants."
    )
    ex = extract_text(pipeline, text)
    names = {e.key: e.name for e in ex.entities}
    quote = next(q for q in ex.quotes if "shrinking" in q.text)
    assert names.get(quote.speaker or "") == "Gabungan Pelajar Sarawak"
