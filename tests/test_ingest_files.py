"""read_paths / read_file: formats, folders, and errors that name file, record and problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsprov.errors import IngestError
from newsprov.ingest import SUPPORTED_SUFFIXES, read_file, read_paths
from newsprov.ingest._text import normalise_text
from newsprov.model import Article

DATA = Path(__file__).parent / "data" / "ingest"
BODY = "Heavy rain closed the mountain pass on Thursday, the road agency said."


def _write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _articles(results: list[Article | IngestError]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def _errors(results: list[Article | IngestError]) -> list[IngestError]:
    return [r for r in results if isinstance(r, IngestError)]


def _one_error(path: Path) -> IngestError:
    results = read_file(path)
    assert len(results) == 1
    assert isinstance(results[0], IngestError)
    return results[0]


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".html", ".htm", ".json", ".jsonl"} == SUPPORTED_SUFFIXES


def test_txt_file(tmp_path: Path) -> None:
    path = _write(tmp_path / "pass-closed.txt", f"Source: JND\nDate: 9 March 2025\n\n{BODY}\n")
    [art] = read_file(path)
    assert isinstance(art, Article)
    assert (art.id, art.outlet, art.date, art.text) == ("pass-closed", "JND", "2025-03-09", BODY)
    assert art.source_path == str(path)


def test_markdown_file(tmp_path: Path) -> None:
    text = f"# Mountain pass closed\n\n{BODY}\n\n## Detours Through The Valley\n\n{BODY}\n"
    [art] = read_file(_write(tmp_path / "pass.md", text))
    assert isinstance(art, Article)
    assert art.title == "Mountain pass closed"
    assert [art.text[h.start : h.end] for h in art.headings] == ["Detours Through The Valley"]


def test_json_single_record(tmp_path: Path) -> None:
    record = {"text": BODY, "url": "https://apnews.com/article/pass", "date": "2025-03-09"}
    [art] = read_file(_write(tmp_path / "one.json", json.dumps(record)))
    assert isinstance(art, Article)
    assert (art.id, art.outlet, art.date, art.url) == (
        "one",
        "Associated Press",
        "2025-03-09",
        "https://apnews.com/article/pass",
    )


def test_json_list_numbers_records_and_reports_bad_ones(tmp_path: Path) -> None:
    records = [{"text": BODY}, {"title": "no text"}, {"id": "own-id", "text": BODY}, "oops"]
    path = _write(tmp_path / "batch.json", json.dumps(records))
    results = read_file(path)
    assert [a.id for a in _articles(results)] == ["batch-1", "own-id"]
    problems = [e.problem for e in _errors(results)]
    assert problems == ["record 2: missing 'text'", "record 4: expected a JSON object, got str"]
    assert all(e.path == str(path) for e in _errors(results))


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    error = _one_error(_write(tmp_path / "bad.json", '{\n  "text": "x",\n  oops\n}'))
    assert error.path.endswith("bad.json")
    assert error.problem.startswith("invalid JSON at line 3 column 3")


def test_jsonl_fixture_records() -> None:
    results = read_file(DATA / "records.jsonl")
    arts = _articles(results)
    assert [a.id for a in arts] == ["quake-1", "records-2", "quake-3"]
    assert [a.outlet for a in arts] == ["JND", "AFP", "Reuters"]
    assert (arts[0].event, arts[1].date) == ("Hill quake", "2025-03-09")
    assert arts[2].wires == ("Associated Press",)  # republished wire copy


def test_bad_jsonl_line_in_the_middle(tmp_path: Path) -> None:
    lines = [json.dumps({"text": BODY}), '{"text": "unterminated', "", json.dumps({"text": BODY})]
    path = _write(tmp_path / "feed.jsonl", "\n".join(lines))
    results = read_file(path)
    assert [a.id for a in _articles(results)] == ["feed-1", "feed-4"]
    [error] = _errors(results)
    assert error.path == str(path)
    assert error.problem.startswith("line 2: invalid JSON at column")
    assert str(path) in str(error)


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"id": "x"}, "line 1: missing 'text'"),
        ({"text": 42}, "line 1: 'text' is not a string (got int)"),
        ({"text": "   "}, "line 1: 'text' is empty"),
        ({"text": BODY, "url": ["a"]}, "line 1: 'url' is not a string (got list)"),
        ({"text": "Source: JND\n"}, "line 1: empty article (no body text)"),
        ([1, 2], "line 1: expected a JSON object, got list"),
    ],
)
def test_bad_jsonl_records(tmp_path: Path, record: object, problem: str) -> None:
    error = _one_error(_write(tmp_path / "r.jsonl", json.dumps(record)))
    assert error.problem == problem


def test_jsonl_integer_id_and_record_event(tmp_path: Path) -> None:
    lines = [json.dumps({"id": 7, "text": BODY, "event": "Own"}), json.dumps({"text": BODY})]
    path = _write(tmp_path / "ev.jsonl", "\n".join(lines))
    arts = _articles(list(read_paths([path], event="Default")))
    assert [(a.id, a.event) for a in arts] == [("7", "Own"), ("ev-2", "Default")]


def test_html_files_are_read(tmp_path: Path) -> None:
    [art] = read_file(DATA / "wire_page.html")
    assert isinstance(art, Article)
    assert (art.id, art.outlet, art.date) == ("wire_page", "Reuters", "2024-05-04")


def test_cp1252_fallback(tmp_path: Path) -> None:
    data = "Caf\u00e9 owners said the road reopened.".encode("cp1252")
    path = _write(tmp_path / "legacy.txt", data)
    [art] = read_file(path)
    assert isinstance(art, Article)
    assert art.text.startswith("Café owners")


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + BODY.encode(),
        BODY.encode("utf-16"),
    ],
)
def test_byte_order_marks(tmp_path: Path, data: bytes) -> None:
    [art] = read_file(_write(tmp_path / "bom.txt", data))
    assert isinstance(art, Article)
    assert art.text == BODY


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"Road \x81\x8d closed", "undecodable bytes: not UTF-8 (byte 0x81 at offset 5)"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"", "empty article"),
        (b"  \n\n\t\n", "empty article"),
    ],
)
def test_unreadable_text_files(tmp_path: Path, data: bytes, problem: str) -> None:
    path = _write(tmp_path / "x.txt", data)
    error = _one_error(path)
    assert (error.path, problem in error.problem) == (str(path), True)


def test_file_too_big(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(5 * 1024 * 1024 + 1)
    assert "too big" in _one_error(path).problem


def test_explicit_unsupported_file_is_an_error(tmp_path: Path) -> None:
    path = _write(tmp_path / "scan.pdf", b"%PDF-1.4")
    [error] = list(read_paths([path]))
    assert isinstance(error, IngestError)
    assert "unsupported file type '.pdf'" in error.problem


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    [error] = list(read_paths([tmp_path / "nowhere.txt"]))
    assert isinstance(error, IngestError)
    assert error.path.endswith("nowhere.txt")
    assert "no such file" in error.problem


def test_folder_walk_is_recursive_sorted_and_skips_hidden_and_unsupported(
    tmp_path: Path,
) -> None:
    _write(tmp_path / "b" / "2.txt", BODY)
    _write(tmp_path / "b" / "1.md", BODY)
    _write(tmp_path / "a.txt", BODY)
    _write(tmp_path / "c.jsonl", json.dumps({"id": "c-rec", "text": BODY}))
    _write(tmp_path / "notes.pdf", b"%PDF")
    _write(tmp_path / ".hidden.txt", BODY)
    _write(tmp_path / ".git" / "x.txt", BODY)
    results = list(read_paths([tmp_path]))
    assert [r.id for r in results if isinstance(r, Article)] == ["a", "1", "2", "c-rec"]
    assert _errors(results) == []


def test_one_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    _write(tmp_path / "a.txt", BODY)
    _write(tmp_path / "b.json", "{not json")
    _write(tmp_path / "c.txt", BODY)
    results = list(read_paths([tmp_path, str(tmp_path / "missing.md")], event="E"))
    assert [(a.id, a.event) for a in _articles(results)] == [("a", "E"), ("c", "E")]
    assert [Path(e.path).name for e in _errors(results)] == ["b.json", "missing.md"]


def test_duplicate_ids_are_all_yielded(tmp_path: Path) -> None:
    _write(tmp_path / "x" / "same.txt", BODY)
    _write(tmp_path / "y" / "same.md", f"Source: JND\n\n{BODY}")
    arts = _articles(list(read_paths([tmp_path])))
    assert [(a.id, a.outlet) for a in arts] == [("same", None), ("same", "JND")]


def test_single_path_and_upper_case_suffix(tmp_path: Path) -> None:
    path = _write(tmp_path / "SHOUT.TXT", BODY)
    assert [a.id for a in _articles(list(read_paths(str(path))))] == ["SHOUT"]


def test_htm_file_in_a_folder(tmp_path: Path) -> None:
    html = (DATA / "local_paper.html").read_text(encoding="utf-8")
    _write(tmp_path / "site" / "page.htm", html)
    [art] = list(read_paths([tmp_path]))
    assert isinstance(art, Article)
    assert (art.id, art.outlet) == ("page", "The Harbour Gazette")


def test_folder_readme_is_not_an_article(tmp_path):
    (tmp_path / "README.md").write_text("# About these articles\n\nHand-written examples.\n")
    (tmp_path / "a.txt").write_text("Source: Reuters\n\nTwo people were hurt, police said.\n")
    ids = [a.id for a in read_paths([tmp_path]) if isinstance(a, Article)]
    assert ids == ["a"]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("co-host Stu\u00a0Vale said", "co-host Stu Vale said"),  # no-break space
        ("a\u2009thin and a\u202fnarrow one", "a thin and a narrow one"),
        ("line\r\nend\ufeff", "line\nend"),
        ("a\x00b\x08c\td\ne\x0bf\x0cg\x1bh\x1fi\x7fj", "abc\td\nefghi\x7fj"),  # C0 out
    ],
)
def test_normalise_text_spaces_keep_offsets(raw: str, clean: str) -> None:
    assert normalise_text(raw) == clean
