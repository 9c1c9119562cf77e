"""Published read-only copies of a store, so readers never see it mid-write.

Oxigraph allows one writer per store folder, and opening a folder read-only while another
process writes to it is undefined. So a writer *publishes* what it has made durable: after
each flush it takes a RocksDB checkpoint (``Store.backup``: hard links, cheap in time and
space) into ``<store>/newsprov-readers/<generation>/`` and then writes the generation
number to ``<store>/newsprov-generation`` (a temporary file renamed over the old one, so a
reader sees the old number or the new one, never half of either). Readers (``query``,
``report``, ``export``, the server) open the newest published copy; the server compares
the generation number before each request and reopens when it has grown.

Copies older than the two newest are deleted when a new one is published. A store written
before this scheme has no published copy: readers then open the folder itself read-only.

An ingest marks the store *pending* (``<store>/newsprov-ingest-pending``) before it writes
and clears the mark once the cross-reference step is done and published; a mark left
behind means an ingest was killed or interrupted, which readers can say.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path
from typing import Any

__all__ = [
    "GENERATION_FILE",
    "PENDING_FILE",
    "READERS_DIR",
    "generation",
    "is_pending",
    "mark_pending",
    "publish",
    "reader_path",
]

GENERATION_FILE = "newsprov-generation"
PENDING_FILE = "newsprov-ingest-pending"
READERS_DIR = "newsprov-readers"
_KEEP = 2


def generation(store: Path) -> int:
    """The newest published generation of the store at ``store`` (0: none yet)."""
    try:
        return int((store / GENERATION_FILE).read_text(encoding="ascii").strip() or 0)
    except (OSError, ValueError):
        return 0


def reader_path(store: Path) -> tuple[int, Path]:
    """The generation and folder a reader should open (the store itself when unpublished)."""
    gen = generation(store)
    folder = store / READERS_DIR / str(gen)
    if gen and (folder / "CURRENT").is_file():
        return gen, folder
    return 0, store


def publish(ox_store: Any, store: Path) -> int:
    """Checkpoint the (flushed) ``ox_store`` at ``store`` as the next generation."""
    readers = store / READERS_DIR
    readers.mkdir(exist_ok=True)
    gen = max([generation(store), *_published(readers)]) + 1
    target = readers / str(gen)
    if target.exists():  # a half-made copy left by a killed writer
        shutil.rmtree(target)
    ox_store.backup(str(target))
    tmp = store / f"{GENERATION_FILE}.{os.getpid()}.tmp"
    tmp.write_text(f"{gen}\n", encoding="ascii")
    os.replace(tmp, store / GENERATION_FILE)
    for old in sorted(_published(readers))[:-_KEEP]:
        with contextlib.suppress(OSError):
            shutil.rmtree(readers / str(old))
    return gen


def mark_pending(store: Path, pending: bool) -> None:
    """Set (an ingest starts writing) or clear (it has finished) the pending mark."""
    mark = store / PENDING_FILE
    if pending:
        mark.write_text(f"{os.getpid()}\n", encoding="ascii")
    else:
        mark.unlink(missing_ok=True)


def is_pending(store: Path) -> bool:
    """True when an ingest into ``store`` started and never finished."""
    return (store / PENDING_FILE).exists()


def _published(readers: Path) -> list[int]:
    try:
        return [int(p.name) for p in readers.iterdir() if p.name.isdigit()]
    except OSError:
        return []
