"""The command line, run in-process: ingest, query, export, errors, and the seeds end to end."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib

from newsprov.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _rows(capsys: pytest.CaptureFixture[str], store: Path, name: str) -> list[dict[str, str]]:
    code, out, _ = _run(capsys, "query", name, "--store", str(store), "--format", "json")
    assert code == 0
    data = json.loads(out)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """A store holding the two real seed articles, ingested once through the CLI."""
    store = tmp_path_factory.mktemp("seeds") / "store"
    assert main(["ingest", str(seeds_dir), "--store", str(store)]) == 0
    return store


# --- without the model -----------------------------------------------------------------


def test_query_on_missing_store_is_a_clear_error(capsys, tmp_path):
    code, _, err = _run(capsys, "query", "figures", "--store", str(tmp_path / "nope"))
    assert code == 3
    assert "no store at" in err and "newsprov ingest" in err


def test_unknown_query_name_lists_the_canned_ones(capsys, tmp_path):
    (tmp_path / "s").mkdir()
    code, _, err = _run(capsys, "query", "figurez", "--store", str(tmp_path / "s"))
    assert code == 3
    assert "figurez" in err


def test_bad_binding_syntax(capsys, tmp_path):
    (tmp_path / "s").mkdir()
    code, _, err = _run(capsys, "query", "figures", "--store", str(tmp_path / "s"), "--bind", "x")
    assert code == 3
    assert "NAME=VALUE" in err


def test_queries_lists_canned_queries(capsys):
    code, out, _ = _run(capsys, "queries")
    assert code == 0
    assert {"figures", "entities", "quotes", "articles"} <= set(out.split())


def test_ingest_of_nothing(capsys, tmp_path):
    code, _, err = _run(capsys, "ingest", str(tmp_path), "--store", str(tmp_path / "s"))
    assert code == 1
    assert "no articles found" in err


# --- with the model --------------------------------------------------------------------


@pytest.mark.model
def test_seed_figures_chain_outlet_via_source(capsys, seeds_store):
    rows = _rows(capsys, seeds_store, "figures")
    by = {(r["article_id"][:3], float(r["value"])): r for r in rows}
    sohr = "Syrian Observatory for Human Rights"
    for value in (745, 125, 148):
        assert by[("003", value)].get("source") == sohr
    ap = next(r for r in rows if r["article_id"][:3] == "003" and "reported" in r["sentence"])
    assert float(ap["value"]) == 1000
    assert (ap.get("via") or ap.get("source")) == "Associated Press"
    assert ap["qualifier"] == "more than"
    seed0 = by[("000", 1000)]
    assert seed0.get("source") == sohr
    assert seed0["outlet"] == "JND"
    assert seed0["qualifier"] == "more than"
    assert "according to" in seed0["sentence"]


@pytest.mark.model
def test_seed_quotes_given_to_afp_and_sky_news(capsys, seeds_store):
    rows = [r for r in _rows(capsys, seeds_store, "quotes") if r["article_id"].startswith("000")]
    vias = {r["quote"][:20]: r.get("via") for r in rows}
    assert any(q.startswith("We turned off") and v == "AFP" for q, v in vias.items())
    assert any(q.startswith("They forcibly") and v == "Sky News" for q, v in vias.items())
    kamel = next(r for r in rows if r["quote"].startswith("We turned off"))
    assert kamel["speaker"] == "Rihab Kamel"


@pytest.mark.model
def test_seed_articles_metadata(capsys, seeds_store):
    rows = {r["article_id"][:3]: r for r in _rows(capsys, seeds_store, "articles")}
    assert rows["000"]["outlet"] == "JND"
    assert rows["003"]["date"] == "2025-03-09"
    assert "outlet" not in rows["003"]  # a photo credit does not make AP the publisher


@pytest.mark.model
def test_table_and_csv_formats(capsys, seeds_store):
    code, out, _ = _run(capsys, "query", "figures", "--store", str(seeds_store))
    assert code == 0 and "Syrian Observatory" in out and "row(s)" in out
    code, out, _ = _run(capsys, "query", "articles", "--store", str(seeds_store), "--format", "csv")
    header, *body = list(csv.reader(io.StringIO(out)))
    assert header[:3] == ["article_id", "outlet", "date"]
    assert len(body) == 2


@pytest.mark.model
def test_bound_query_and_sparql_text(capsys, seeds_store):
    store = str(seeds_store)
    code, out, _ = _run(
        capsys,
        "query",
        "figures",
        "--store",
        store,
        "--format",
        "json",
        "--bind",
        "article_id=000_2de5403b6d0e5539",
    )
    ids = {b["article_id"]["value"] for b in json.loads(out)["results"]["bindings"]}
    assert code == 0 and ids == {"000_2de5403b6d0e5539"}
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?a a <https://newsprov.org/ontology#Article> }"
    code, out, _ = _run(capsys, "query", sparql, "--store", store, "--format", "csv")
    assert code == 0 and out.split()[-1] == "2"


@pytest.mark.model
@pytest.mark.parametrize(
    ("fmt", "parser"),
    [("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("jsonld", "json-ld")],
)
def test_export_formats_parse(capsys, seeds_store, tmp_path, fmt, parser):
    out = tmp_path / f"all.{fmt}"
    code, _, _ = _run(
        capsys, "export", "--format", fmt, "--store", str(seeds_store), "--out", str(out)
    )
    assert code == 0
    ds = rdflib.Dataset()
    ds.parse(out, format=parser)
    assert len(ds) > 100 or sum(1 for _ in ds.quads()) > 100


@pytest.mark.model
def test_reingest_replaces_and_bad_input_never_stops_a_batch(capsys, tmp_path, seeds_dir):
    store = tmp_path / "store"
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("Source: Reuters\n\nAt least 12 people were injured, police said on Monday.\n")
    assert main(["ingest", str(good.parent), "--store", str(store)]) == 0
    capsys.readouterr()
    count = _count(capsys, store)
    # the same article again, plus a broken JSONL line and an empty file beside it
    (good.parent / "batch.jsonl").write_text('{"id": "j1", "text": "Nine people died."}\n{oops\n')
    (good.parent / "empty.txt").write_text("")
    code, out, err = _run(capsys, "ingest", str(good.parent), "--store", str(store))
    assert code == 1
    assert "batch.jsonl" in err and "line 2" in err and "empty.txt" in err
    assert "ingested 2 article(s)" in out
    ids = {r["article_id"] for r in _rows(capsys, store, "articles")}
    assert ids == {"good", "j1"}
    # re-ingesting only the good article leaves the count as it was with j1 included
    before = _count(capsys, store)
    assert main(["ingest", str(good), "--store", str(store)]) == 0
    capsys.readouterr()
    assert _count(capsys, store) == before > count


def _count(capsys: pytest.CaptureFixture[str], store: Path) -> int:
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    code, out, _ = _run(capsys, "query", sparql, "--store", str(store), "--format", "csv")
    assert code == 0
    return int(out.split()[-1])


@pytest.mark.model
def test_examples_ingest_and_show_figures(capsys, tmp_path):
    store = str(tmp_path / "store")
    code, out, _ = _run(capsys, "ingest", str(EXAMPLES), "--store", store)
    assert code == 0, out
    rows = _rows(capsys, Path(store), "figures")
    outlets = {r.get("outlet") for r in rows}
    assert len(outlets - {None}) >= 3
    assert any(r.get("source") and "Observatory" in r["source"] for r in rows)
