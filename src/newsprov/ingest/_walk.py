"""Files and folders -> a stream of articles and errors, in a stable order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsprov.errors import IngestError
from newsprov.ingest._readers import SUPPORTED_SUFFIXES, read_file
from newsprov.model import Article

__all__ = ["iter_files", "read_paths"]


def read_paths(
    paths: Sequence[Path | str], *, event: str | None = None
) -> Iterator[Article | IngestError]:
    """Every article under ``paths`` (files, or folders walked recursively in sorted order).

    A bad file or record yields an ``IngestError`` in its place; this never raises for one
    bad input. ``event`` is set on every article that does not name its own event.
    Article ids are not de-duplicated here (this is a stream): ``pipeline.read_all``
    refuses every article whose id another input of the same batch also has.
    """
    for item in iter_files(paths):
        if isinstance(item, IngestError):
            yield item
            continue
        for result in read_file(item):
            if event and isinstance(result, Article) and result.event is None:
                result = dataclasses.replace(result, event=event)
            yield result


def iter_files(paths: Sequence[Path | str]) -> Iterator[Path | IngestError]:
    """The files to read: named files as given, folders walked; missing paths as errors.

    Inside folders, hidden entries (".name"), folder documentation (README.md,
    README.txt …) and unsupported suffixes are skipped silently; a file named explicitly
    is always returned (read_file reports an unsupported suffix). A folder that cannot be
    listed (permissions, I/O error) is an error naming it, never silently skipped.
    """
    if isinstance(paths, str | Path):  # one path, not a sequence of characters
        paths = [paths]
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, seen=set())
        elif path.exists():
            yield path
        else:
            yield IngestError(str(path), "no such file or directory")


def _walk(folder: Path, seen: set[Path]) -> Iterator[Path | IngestError]:
    real = folder.resolve()
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield IngestError(str(folder), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith(".") or _is_folder_doc(entry):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.suffix.lower() in SUPPORTED_SUFFIXES and entry.is_file():
            yield entry


def _is_folder_doc(entry: Path) -> bool:
    """README/LICENSE-style files describe a folder of articles; they are not articles."""
    return entry.stem.upper() in {"README", "LICENSE", "NOTICE", "CHANGELOG"}
