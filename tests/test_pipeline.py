"""When one worker's ingest is split over two processes (pipeline.split_pays)."""

from __future__ import annotations

from pathlib import Path

from newsprov.pipeline import SPLIT_MIN_BYTES, split_pays


def _write(path: Path, size: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    return path


def test_a_big_input_on_two_cores_is_split(tmp_path: Path) -> None:
    big = _write(tmp_path / "big.jsonl", SPLIT_MIN_BYTES)
    assert split_pays([big], cores=2)
    assert not split_pays([big], cores=1)  # no core to run the graphs beside the NLP


def test_a_small_input_stays_in_one_process(tmp_path: Path) -> None:
    small = _write(tmp_path / "one.jsonl", SPLIT_MIN_BYTES - 1)
    assert not split_pays([small], cores=8)


def test_folders_count_every_file_under_them(tmp_path: Path) -> None:
    half = SPLIT_MIN_BYTES // 2
    _write(tmp_path / "in" / "a.txt", half)
    _write(tmp_path / "in" / "deeper" / "b.txt", half)
    assert split_pays([tmp_path / "in"], cores=2)
    assert not split_pays([tmp_path / "in" / "deeper"], cores=2)


def test_a_missing_path_counts_nothing(tmp_path: Path) -> None:
    assert not split_pays([tmp_path / "missing"], cores=2)  # reading it says why


def test_the_cores_default_to_the_ones_this_process_may_use(tmp_path: Path) -> None:
    import os

    big = _write(tmp_path / "big.jsonl", SPLIT_MIN_BYTES)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    assert split_pays([big]) == (cores >= 2)
