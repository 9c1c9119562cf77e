"""Unnamed people in the entity table: who they are tied to, and when a later description
points back at one of them (trained parse, texts of our own)."""

from __future__ import annotations

import pytest

from nlp_docs import extract_text

pytestmark = pytest.mark.model


def _speakers(pipeline, text: str) -> list[str | None]:  # type: ignore[no-untyped-def]
    ex = extract_text(pipeline, text)
    names = {e.key: e.name for e in ex.entities}
    return [names.get(q.speaker or "") for q in ex.quotes]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the tie to a named entity stays in the unnamed person's name
        (
            "Vote.\n\n“We have the numbers,” a spokeswoman for Dana Whitfield said.\n",
            ["unnamed spokeswoman for Dana Whitfield"],
        ),
        (
            "Vote.\n\n“She will not run,” said a person close to the Whitfields.\n",
            ["unnamed person close to the Whitfields"],
        ),
        # a definite description points back at the one described before ...
        (
            "Vote.\n\n“We have the numbers,” a spokeswoman for Dana Whitfield said. "
            "“We will win,” the spokeswoman added.\n",
            ["unnamed spokeswoman for Dana Whitfield"] * 2,
        ),
        # ... and a person with no tie keeps the plain role
        ("Storm.\n\n“The roof went first,” a resident said.\n", ["unnamed resident"]),
        # a place is not a tie: "a resident from Lyon" is a resident
        ("Storm.\n\n“The roof went first,” a resident from Lyon said.\n", ["unnamed resident"]),
        # the words before the role that say who they are stay in the name ...
        (
            "Vote.\n\n“We will win the county,” the Dallas businessman said.\n",
            ["unnamed Dallas businessman"],
        ),
        (
            "Panel.\n\n“They have no plan,” said one Republican source on the panel.\n",
            ["unnamed Republican source"],
        ),
        # a nationality keeps its capital at the start of a sentence; a common word does not
        (
            "Quake.\n\nChinese officials said on Monday: “The toll has risen.”\n",
            ["unnamed Chinese officials"],
        ),
        # ... but not words that only count or blur them
        ("Vote.\n\n“It is over,” several other officials said.\n", ["unnamed officials"]),
        # an unnamed member of a body speaks with the tie, not as the body
        (
            "Vote.\n\n“We are not happy with the bill,” a spokeswoman for the Lakeside "
            "Water Board said.\n",
            ["unnamed spokeswoman for the Lakeside Water Board"],
        ),
        # a named owner is a tie: "Dana Whitfield's doctor"
        (
            "Health.\n\n“She is fit to serve,” Dana Whitfield's doctor wrote.\n",
            ["unnamed doctor of Dana Whitfield"],
        ),
    ],
)
def test_unnamed_people_and_their_ties(pipeline, text, speakers):  # type: ignore[no-untyped-def]
    assert _speakers(pipeline, text) == speakers
