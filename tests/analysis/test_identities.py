"""A source's people resolve to it (``newsprov.analysis.identities``), also among the
hundreds of names of a long political event."""

from __future__ import annotations

import pytest

from newsprov.analysis.identities import resolve_identities

B = "https://newsprov.org/id/"
AGENCY = f"{B}organisation/relief-agency"
LEAGUE = f"{B}organisation/farmers-league"
PERSON = f"{B}person/ilsa-varga"


def sources(extra: int = 0) -> dict[str, tuple[str, str, frozenset[str]]]:
    out = {
        AGENCY: ("Organisation", "Relief Agency", frozenset({"Relief Agency"})),
        LEAGUE: ("Organisation", "Farmers League", frozenset({"Farmers League"})),
        PERSON: ("Person", "Ilsa Varga", frozenset({"Ilsa Varga", "Varga"})),
    }
    for n in range(extra):  # bystanders: named, never tied to anyone
        out[f"{B}person/p{n}"] = ("Person", f"Pel{n} Orsk", frozenset({f"Pel{n} Orsk"}))
        out[f"{B}organisation/o{n}"] = ("Organisation", f"Board{n}", frozenset({f"Board{n}"}))
    return out


@pytest.mark.parametrize(
    "sentence",
    [
        "Ilsa Varga, the director of the Relief Agency, said 40 had died.",
        "Relief Agency spokeswoman Ilsa Varga put the toll at 40.",
        "Relief Agency's chief Varga said 40 were dead.",
        "Ilsa Varga (Relief Agency) gave a toll of 40.",
        "The Relief Agency's head, Ilsa Varga, said 40 had died.",  # the role set off by commas
    ],
)
def test_a_person_tied_by_a_role_speaks_for_the_organisation(sentence: str) -> None:
    assert resolve_identities([sentence], sources()) == {PERSON: AGENCY}


@pytest.mark.parametrize(
    "sentence",
    [
        "Ilsa Varga said 40 had died, and the Relief Agency said 38.",  # no role
        "The Relief Agency thanked Ilsa Varga, a farmer, for her help.",  # role of nothing
    ],
)
def test_names_in_one_sentence_without_a_role_stay_apart(sentence: str) -> None:
    assert resolve_identities([sentence], sources()) == {}


def test_a_person_with_roles_in_two_organisations_joins_neither() -> None:
    text = [
        "Ilsa Varga, director of the Relief Agency, said 40 had died.",
        "Farmers League chair Ilsa Varga said the harvest was lost.",
    ]
    assert resolve_identities(text, sources()) == {}


def test_many_names_and_sentences_resolve_the_same_links() -> None:
    many = sources(300)
    text = [f"Pel{n} Orsk met Board{n + 1} officials on day {n}." for n in range(300)]
    text.append("Relief Agency spokeswoman Ilsa Varga put the toll at 40.")
    assert resolve_identities(text, many) == {PERSON: AGENCY}


COALITION = f"{B}organisation/coalition"
MILITARY = f"{B}organisation/velorian-military"
DEFENCE = f"{B}organisation/pentagon"
OPERATION = f"{B}organisation/operation-tall-reed"
MONITOR = f"{B}organisation/border-monitor"


def forces() -> dict[str, tuple[str, str, frozenset[str]]]:
    def org(label: str) -> tuple[str, str, frozenset[str]]:
        return ("Organisation", label, frozenset({label}))

    return {
        COALITION: org("coalition"),
        MILITARY: org("U.S. military"),
        DEFENCE: org("Pentagon"),
        OPERATION: org("Operation Tall Reed"),
        MONITOR: org("Border Monitor"),
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "U.S.-led coalition strikes killed 12 people near the border.",
        "The coalition, led by the United States, said 12 people died.",
        "Strikes by the US and its coalition partners killed 12, the monitor said.",
    ],
)
def test_a_coalition_its_leaders_military_and_operation_are_one_source(sentence: str) -> None:
    out = resolve_identities([sentence], forces(), [COALITION, MILITARY])
    assert set(out) == {COALITION, MILITARY, OPERATION}
    assert set(out.values()) == {DEFENCE}  # the named source speaks for them all
    assert MONITOR not in out


def test_a_countrys_military_and_defence_ministry_are_one_source_without_a_coalition() -> None:
    out = resolve_identities(["Strikes killed 12 people."], forces(), [COALITION, MILITARY])
    assert out == {MILITARY: DEFENCE}  # the coalition's leader is not said: it stays apart


@pytest.mark.parametrize(
    "sentence",
    [
        "The Velorian-led coalition said 12 people died.",  # another country leads it
        "The coalition said 12 people died, the U.S. military said 14.",  # no leader said
    ],
)
def test_a_coalition_led_by_another_or_no_named_leader_stays_apart(sentence: str) -> None:
    out = resolve_identities([sentence], forces(), [COALITION, MILITARY])
    assert COALITION not in out and OPERATION not in out
    assert out.get(MILITARY) == DEFENCE


def test_two_leaders_named_join_no_coalition() -> None:
    text = ["The U.S.-led coalition struck at dawn.", "The Saudi-led coalition struck at dusk."]
    assert COALITION not in resolve_identities(text, forces(), [COALITION, MILITARY])


def test_another_coalition_is_not_the_military_one() -> None:
    sources = {
        **forces(),
        f"{B}organisation/nc": ("Organisation", "National Coalition for Reform", frozenset()),
    }
    out = resolve_identities(["The U.S.-led coalition said 12 died."], sources, [COALITION])
    assert f"{B}organisation/nc" not in out
