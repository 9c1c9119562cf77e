"""`newsprov evaluate` scoring agrees with the project scorer in ../shared/eval/score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprov.evaluate import format_summary, label_matches, load_gold, score_rows

SCORER = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


@pytest.mark.parametrize(
    ("pred", "names", "expected"),
    [
        ("SOHR", ["Syrian Observatory for Human Rights"], True),
        ("Syrian Observatory for Human Rights", ["SOHR"], True),
        ("the Associated Press", ["Associated Press", "AP"], True),
        ("Assad", ["Bashar al-Assad"], True),
        ("unnamed resident", ["unnamed resident"], True),
        ("a resident", ["unnamed resident"], True),
        ("Reuters", ["Associated Press"], False),
        ("Syrian", ["Syrian Observatory for Human Rights"], False),
        ("", ["AFP"], False),
        (None, ["AFP"], False),
    ],
)
def test_label_matching(pred, names, expected):
    assert label_matches(pred, names) is expected


def _rows_from_gold(golds: dict, *, damage: bool = True) -> dict[str, list[dict]]:
    """Predictions built from the gold itself, then (optionally) damaged in known ways."""
    figures, entities, quotes, articles = [], [], [], []
    for aid, g in golds.items():
        for f in g["figures"]:
            figures.append(
                {
                    "article_id": aid,
                    "value": str(f["value"]),
                    "qualifier": f["qualifier"],
                    "source": f["source"],
                    "via": f["via"],
                    "sentence": f["sentence"],
                }
            )
        entities += [
            {"article_id": aid, "name": e["name"], "type": e["type"]} for e in g["entities"]
        ]
        quotes += [
            {
                "article_id": aid,
                "speaker": q["speaker"],
                "via": q["via"],
                "quote": q["starts"] + " and more",
            }
            for q in g["quotes"]
        ]
        articles.append({"article_id": aid, "outlet": g["outlet"], "date": g["date"]})
    if not damage:
        return {"figures": figures, "entities": entities, "quotes": quotes, "articles": articles}
    figures.pop()  # a missed figure
    figures[0] = {**figures[0], "source": "Reuters", "via": None}  # a wrong attribution
    figures.append({**figures[1], "value": "99"})  # a spurious figure
    entities[0] = {**entities[0], "type": "Place"}  # a mistyped entity
    entities.append({"article_id": entities[0]["article_id"], "name": "Nowhere", "type": "Place"})
    quotes[0] = {**quotes[0], "speaker": "Somebody Else"}
    articles[0] = {**articles[0], "outlet": "BBC"}
    return {"figures": figures, "entities": entities, "quotes": quotes, "articles": articles}


def _as_sparql_json(rows: list[dict]) -> dict:
    names = sorted({k for r in rows for k in r})
    bindings = [
        {k: {"type": "literal", "value": v} for k, v in r.items() if v is not None} for r in rows
    ]
    return {"head": {"vars": names}, "results": {"bindings": bindings}}


@pytest.mark.skipif(not SCORER.exists(), reason="project scorer not found beside the repository")
def test_scores_agree_with_project_scorer(tmp_path: Path, gold_dir: Path):
    golds = load_gold(gold_dir)
    outputs = _rows_from_gold(golds)
    for name, rows in outputs.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(_as_sparql_json(rows)))
    done = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(gold_dir), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    official = json.loads(done.stdout[: done.stdout.rindex("}") + 1])
    ours = score_rows(golds, outputs).as_dict()["scores"]
    assert ours["figures"]["f1"] == official["figures"]["f1"]
    assert ours["attributions"]["p"] == official["figures"]["attribution_acc"]
    assert ours["attributions"]["r"] == official["figures"]["end_to_end_recall"]
    assert ours["entities"]["f1"] == official["entities"]["typed"]["f1"]
    assert ours["quotes"]["f1"] == official["quotes"]["f1"]
    assert ours["quote speakers"]["p"] == official["quotes"]["speaker_acc"]
    assert ours["outlets"]["r"] == official["articles"]["outlet_acc"]
    assert ours["figures"]["f1"] < 1.0  # the damage was seen


def test_perfect_predictions_score_one(gold_dir: Path):
    golds = load_gold(gold_dir)
    res = score_rows(golds, _rows_from_gold(golds, damage=False))
    assert {name: s.f1 for name, s in res.scores.items()} == {
        "figures": 1.0,
        "attributions": 1.0,
        "entities": 1.0,
        "quotes": 1.0,
        "quote speakers": 1.0,
        "outlets": 1.0,
        "dates": 1.0,
    }
    assert res.notes == []


def test_missing_output_is_scored_as_missed(gold_dir: Path):
    golds = load_gold(gold_dir)
    res = score_rows(golds, {**_rows_from_gold(golds, damage=False), "figures": []})
    assert res.scores["figures"].recall == 0.0
    assert any(n.startswith("missed figure") for n in res.notes)


def test_page_golds_score_outlet_date_and_wires_only() -> None:
    golds = {
        "a": {"id": "a", "outlet": "North Coast Herald", "date": "2025-03-09", "wires": ["AFP"]},
        "b": {"id": "b", "outlet": "Reuters", "date": None, "wires": []},
        "c": {"id": "c", "outlet": "Hill Post", "date": "2024-01-02", "wires": ["Reuters"]},
    }
    rows = [
        {"article_id": "a", "outlet": "North Coast Herald", "date": "2025-03-09", "wires": "AFP"},
        {"article_id": "b", "outlet": "Reuters", "date": "2025-01-01", "wires": "Reuters"},
        {"article_id": "c", "outlet": "Hillpost", "date": "2024-01-03", "wires": None},
    ]
    res = score_rows(golds, {"articles": rows})
    assert set(res.scores) == {"outlets", "dates", "wires"}
    assert res.scores["outlets"].recall == pytest.approx(2 / 3)
    assert (res.scores["dates"].tp, res.scores["dates"].gold) == (1, 2)  # b states no date
    assert (res.scores["wires"].tp, res.scores["wires"].predicted, res.scores["wires"].gold) == (
        1,
        2,
        2,
    )
    summary = format_summary(res)
    assert summary.startswith("outlet=0.667 date=0.500 wires F1=0.500")
    assert any(n.startswith("wrong date c") for n in res.notes)


def test_extra_entities_are_noted_as_spurious(gold_dir: Path):
    golds = load_gold(gold_dir)
    rows = _rows_from_gold(golds, damage=False)
    aid = next(iter(golds))
    extra = {"article_id": aid, "name": "Nowhere Fund", "type": "Organisation"}
    res = score_rows(golds, {**rows, "entities": [*rows["entities"], extra]})
    assert res.scores["entities"].precision < 1.0
    assert f"spurious entity {aid}: Nowhere Fund (Organisation)" in res.notes
