"""Measure extraction against gold annotations (the schema of shared/gold/README.md).

``evaluate`` ingests the inputs into a temporary store, runs the four canned queries
(figures, entities, quotes, articles) and scores their rows with the project scorer's
matching rules (outlets as the scorer does; dates by equality of the ISO date, over the
gold files that give one; wires, where a gold file lists them, as a set per article).
Figures match by value within an article (the candidate whose sentence
shares most words wins); a label names a gold entity when it equals its name or an alias
after normalisation, is its acronym, or shares at least two content words by containment.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsprov.config import Settings
from newsprov.errors import ConfigError

__all__ = ["EvalResult", "Score", "evaluate", "format_summary", "label_matches", "score_rows"]

_STOP = {"the", "a", "an", "of", "for", "and", "in", "on", "s", "'s", "based", "news", "agency"}
_ACRONYM_SKIP = {"of", "for", "and", "the", "in", "on"}
_GENERIC = {"syrian", "united", "national", "human", "rights"}
Row = dict[str, str | None]
Gold = dict[str, Any]


def norm(text: str | None) -> str:
    """Lower-case, accent-free, punctuation-free form with a leading article dropped."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s-]", " ", text.replace("’", "'").replace("‘", "'"))
    text = re.sub(r"\s+", " ", re.sub(r"[-_]", " ", text)).strip()
    return re.sub(r"^(the|a|an) ", "", text)


def _words(text: str) -> set[str]:
    return {w for w in norm(text).split() if w not in _STOP}


def _acronym(text: str) -> str:
    return "".join(w[0] for w in norm(text).split() if w not in _ACRONYM_SKIP)


def _one_label_matches(p: str, g: str) -> bool:
    if p == g:
        return True
    if g.startswith("unnamed "):
        return g.split()[-1] in p.split() or p in {"unnamed", "anonymous", "unnamed source"}
    if len(p) >= 2 and (p.replace(" ", "") == _acronym(g) or g.replace(" ", "") == _acronym(p)):
        return True
    pw, gw = _words(p), _words(g)
    if len(pw & gw) >= 2 and (pw <= gw or gw <= pw):
        return True
    if len(pw) == 1 and len(gw) >= 2 and pw <= gw:
        word = next(iter(pw))
        return len(word) > 3 and (word == g.split()[-1] or word not in _GENERIC)
    return False


def label_matches(pred: str | None, names: Sequence[str]) -> bool:
    """Does the predicted label denote the entity known by any of ``names``?"""
    p = norm(pred)
    return bool(p) and any(_one_label_matches(p, norm(n)) for n in names if norm(n))


def _names_of(gold: Gold, label: str | None) -> list[str]:
    if not label:
        return []
    out = [label]
    for ent in gold.get("entities", []):
        aliases = {norm(a) for a in ent.get("aliases", [])}
        if norm(ent["name"]) == norm(label) or norm(label) in aliases:
            out += [ent["name"], *ent.get("aliases", [])]
    return out


def _float(x: str | None) -> float | None:
    try:
        return float(str(x).replace(",", ""))
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True, slots=True)
class Score:
    """Precision, recall and F1 from true positives and the two totals."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class EvalResult:
    """Scores per measure, plus examples of misses for the user to look at."""

    articles: int = 0
    scores: dict[str, Score] = field(default_factory=dict)
    extra: dict[str, float | None] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def table(self) -> list[list[str]]:
        """Rows of measure, precision, recall, F1, gold count."""
        return [
            [name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.gold)]
            for name, s in self.scores.items()
        ]

    def as_dict(self) -> dict[str, Any]:
        """Every metric as plain JSON-able values."""
        scores = {
            k: {
                "p": round(s.precision, 3),
                "r": round(s.recall, 3),
                "f1": round(s.f1, 3),
                "tp": s.tp,
                "pred": s.predicted,
                "gold": s.gold,
            }
            for k, s in self.scores.items()
        }
        return {"articles": self.articles, "scores": scores, **self.extra, "notes": self.notes}


def _by_article(rows: Iterable[Row]) -> dict[str | None, list[Row]]:
    out: dict[str | None, list[Row]] = defaultdict(list)
    for row in rows:
        out[row.get("article_id")].append(row)
    return out


def _unique_figures(preds: list[Row]) -> list[Row]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for p in preds:
        key = (_float(p.get("value")), norm(p.get("sentence"))[:80], norm(p.get("source")))
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def _attribution_ok(gold: Gold, gf: Gold, pred: Row) -> bool:
    gold_attr = gf.get("source") or gf.get("via")
    pred_attr = pred.get("source") or pred.get("via")
    if gold_attr is None:
        return pred_attr is None or norm(pred_attr) in {"", "none", "unknown"}
    if label_matches(pred_attr, _names_of(gold, gold_attr)):
        return True
    via = gf.get("via")
    return via is not None and label_matches(
        pred.get("via") or pred.get("source"), _names_of(gold, via)
    )


def _score_figures(golds: dict[str, Gold], rows: list[Row], res: EvalResult) -> None:
    preds_by = _by_article(rows)
    tp = n_pred = n_gold = attr_ok = qual_ok = 0
    for aid, gold in golds.items():
        preds = _unique_figures(preds_by.get(aid, []))
        n_pred, n_gold = n_pred + len(preds), n_gold + len(gold["figures"])
        used: set[int] = set()
        for gf in gold["figures"]:
            cands = [
                i
                for i, p in enumerate(preds)
                if i not in used and _float(p.get("value")) == float(gf["value"])
            ]
            if not cands:
                res.notes.append(f"missed figure {aid}: {gf['value']} {gf.get('what', '')}")
                continue
            gs = _words(gf["sentence"])
            best = max(cands, key=lambda i: len(_words(preds[i].get("sentence") or "") & gs))
            used.add(best)
            tp += 1
            qual_ok += norm(preds[best].get("qualifier")) == norm(gf["qualifier"])
            ok = _attribution_ok(gold, gf, preds[best])
            attr_ok += ok
            if not ok:
                gold_attr = gf.get("source") or gf.get("via")
                pred_attr = preds[best].get("source") or preds[best].get("via")
                res.notes.append(
                    f"wrong attribution {aid}: {gf['value']} gold={gold_attr!r} pred={pred_attr!r}"
                )
    res.scores["figures"] = Score(tp, n_pred, n_gold)
    res.scores["attributions"] = Score(attr_ok, tp, n_gold)
    res.extra["qualifier_acc"] = round(qual_ok / tp, 3) if tp else None


def _score_entities(golds: dict[str, Gold], rows: list[Row], res: EvalResult) -> None:
    preds_by = _by_article(rows)
    tp = n_pred = n_gold = 0
    for aid, gold in golds.items():
        uniq = {(norm(p.get("name")), norm(p.get("type"))): p for p in preds_by.get(aid, [])}
        preds = list(uniq.values())
        n_pred, n_gold = n_pred + len(preds), n_gold + len(gold["entities"])
        used: set[int] = set()
        for ge in gold["entities"]:
            names = [ge["name"], *ge.get("aliases", [])]
            hits = [
                i
                for i, p in enumerate(preds)
                if i not in used
                and label_matches(p.get("name"), names)
                and norm(p.get("type")) == norm(ge["type"])
            ]
            if hits:
                used.add(hits[0])
                tp += 1
            else:
                res.notes.append(f"missed entity {aid}: {ge['name']} ({ge['type']})")
        for i, p in enumerate(preds):
            if i not in used:
                res.notes.append(f"spurious entity {aid}: {p.get('name')} ({p.get('type')})")
    res.scores["entities"] = Score(tp, n_pred, n_gold)


def _score_quotes(golds: dict[str, Gold], rows: list[Row], res: EvalResult) -> None:
    preds_by = _by_article(rows)
    tp = n_pred = n_gold = speaker_ok = 0
    for aid, gold in golds.items():
        preds = preds_by.get(aid, [])
        n_pred, n_gold = n_pred + len(preds), n_gold + len(gold["quotes"])
        used: set[int] = set()
        for gq in gold["quotes"]:
            start = norm(gq["starts"])[:25]
            cands = [
                i
                for i, p in enumerate(preds)
                if i not in used and start and start in norm(p.get("quote"))
            ]
            if not cands:
                res.notes.append(f"missed quote {aid}: {gq['starts']!r}")
                continue
            used.add(cands[0])
            tp += 1
            ok = label_matches(preds[cands[0]].get("speaker"), _names_of(gold, gq["speaker"]))
            speaker_ok += ok
            if not ok:
                res.notes.append(
                    f"wrong speaker {aid}: {gq['starts']!r} gold={gq['speaker']!r} "
                    f"pred={preds[cands[0]].get('speaker')!r}"
                )
    res.scores["quotes"] = Score(tp, n_pred, n_gold)
    res.scores["quote speakers"] = Score(speaker_ok, tp, n_gold)


def _with_gold(
    golds: dict[str, Gold], rows: list[Row], key: str
) -> Iterator[tuple[str, Gold, Row]]:
    """(article id, gold, predicted article row) for every gold file that states ``key``
    (a list counts even when empty: "no wires" is a statement)."""
    by_id = {r.get("article_id"): r for r in rows}
    for aid, gold in golds.items():
        if gold.get(key) or isinstance(gold.get(key), list):
            yield aid, gold, by_id.get(aid, {})


def _score_outlets(golds: dict[str, Gold], rows: list[Row], res: EvalResult) -> None:
    ok = predicted = n = 0
    for aid, gold, row in _with_gold(golds, rows, "outlet"):
        n += 1
        pred = row.get("outlet")
        predicted += bool(pred)
        parts = [
            s.strip()
            for s in re.split(r"[/(),]| via | republished by ", gold["outlet"])
            if s.strip()
        ]
        hit = any(label_matches(pred, [x]) for x in parts) or any(
            norm(x) and norm(x) in norm(pred) for x in parts
        )
        ok += hit
        if not hit:
            res.notes.append(f"wrong outlet {aid}: gold={gold['outlet']!r} pred={pred!r}")
    res.scores["outlets"] = Score(ok, predicted, n)


def _score_dates(golds: dict[str, Gold], rows: list[Row], res: EvalResult) -> None:
    """Publication dates: right when the predicted ISO date equals the gold date."""
    pairs = [
        (aid, g["date"], (row.get("date") or "")[:10])
        for aid, g, row in _with_gold(golds, rows, "date")
    ]
    for aid, gold, pred in pairs:
        if pred != gold:
            res.notes.append(f"wrong date {aid}: gold={gold!r} pred={pred or None!r}")
    ok = sum(pred == gold for _, gold, pred in pairs)
    res.scores["dates"] = Score(ok, sum(bool(pred) for *_, pred in pairs), len(pairs))


def _score_wires(golds: dict[str, Gold], rows: list[Row], res: EvalResult) -> None:
    """Wire agencies, over gold files that list ``wires`` (an empty list: none)."""
    tp = predicted = n = 0
    for aid, gold, row in _with_gold(golds, rows, "wires"):
        preds = [w for w in (row.get("wires") or "").split(" | ") if w]
        predicted, n = predicted + len(preds), n + len(gold["wires"])
        hits = [g for g in gold["wires"] if any(label_matches(p, [g]) for p in preds)]
        tp += len(hits)
        if len(hits) != len(gold["wires"]) or len(preds) != len(hits):
            res.notes.append(f"wrong wires {aid}: gold={gold['wires']!r} pred={preds!r}")
    res.scores["wires"] = Score(tp, predicted, n)


def _annotates(golds: dict[str, Gold], key: str) -> dict[str, Gold]:
    """The gold files that annotate ``key`` (page sets annotate only metadata)."""
    return {aid: g for aid, g in golds.items() if key in g}


def score_rows(golds: dict[str, Gold], outputs: dict[str, list[Row]]) -> EvalResult:
    """Score the four canned-query outputs (rows of plain strings) against gold files.

    Figures, entities and quotes are scored over the gold files that annotate them;
    outlets, dates and (where the gold lists them) wires over every file.
    """
    res = EvalResult(articles=len(golds))
    if _annotates(golds, "figures"):
        _score_figures(_annotates(golds, "figures"), outputs.get("figures", []), res)
    if _annotates(golds, "entities"):
        _score_entities(_annotates(golds, "entities"), outputs.get("entities", []), res)
    if _annotates(golds, "quotes"):
        _score_quotes(_annotates(golds, "quotes"), outputs.get("quotes", []), res)
    _score_outlets(golds, outputs.get("articles", []), res)
    _score_dates(golds, outputs.get("articles", []), res)
    if _annotates(golds, "wires"):
        _score_wires(golds, outputs.get("articles", []), res)
    return res


def load_gold(folder: Path) -> dict[str, Gold]:
    """Gold files of ``folder`` keyed by article id."""
    import json

    if not folder.is_dir():
        raise ConfigError(f"gold folder {folder} does not exist")
    golds = {}
    for path in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(path.read_text("utf-8"))
            golds[gold["id"]] = gold
        except (ValueError, KeyError) as exc:
            raise ConfigError(f"{path}: not a gold annotation file ({exc})") from exc
    if not golds:
        raise ConfigError(f"no gold JSON files in {folder}")
    return golds


def _default_inputs(gold_dir: Path) -> list[Path]:
    for name in ("articles", "seeds"):
        candidate = gold_dir.parent / name
        if candidate.is_dir():
            return [candidate]
    raise ConfigError(f"name the articles to evaluate: none found beside {gold_dir}")


def _rows_as_strings(rows: Any) -> list[Row]:
    return [{k: (None if v is None else str(v)) for k, v in d.items()} for d in rows.dicts()]


def evaluate(gold_dir: Path, inputs: Sequence[Path] | None, settings: Settings) -> EvalResult:
    """Ingest ``inputs`` into a temporary store and score it against ``gold_dir``."""
    from newsprov import query
    from newsprov.nlp import build_pipeline
    from newsprov.pipeline import ingest_paths
    from newsprov.rdf.store import Store

    golds = load_gold(gold_dir)
    paths = list(inputs) if inputs else _default_inputs(gold_dir)
    nlp = build_pipeline(settings.spacy_model)
    with (
        tempfile.TemporaryDirectory(prefix="newsprov-eval-") as tmp,
        Store(Path(tmp) / "s") as store,
    ):
        report = ingest_paths(paths, store, settings, nlp)
        outputs = {
            n: _rows_as_strings(query.run(store, n))
            for n in ("figures", "entities", "quotes", "articles")
        }
    result = score_rows(golds, outputs)
    result.notes[:0] = [f"failed to ingest {f.where}: {f.problem}" for f in report.failed]
    return result


def format_summary(res: EvalResult) -> str:
    """One line in the shape of the project scorer's summary (plus date and wires)."""
    s = res.scores
    parts = []
    if "figures" in s:
        parts.append(
            f"figures F1={s['figures'].f1:.3f} attr={s['attributions'].precision:.3f} "
            f"e2e={s['attributions'].recall:.3f}"
        )
    if "entities" in s:
        parts.append(f"entities typed F1={s['entities'].f1:.3f}")
    if "quotes" in s:
        parts.append(f"quotes F1={s['quotes'].f1:.3f} speaker={s['quote speakers'].precision:.3f}")
    tail = f"outlet={s['outlets'].recall:.3f} date={s['dates'].recall:.3f}"
    if "wires" in s:
        tail += f" wires F1={s['wires'].f1:.3f}"
    return " | ".join([*parts, tail])
