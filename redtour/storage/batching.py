"""Small shared helpers for bulk work: fixed-size batches, and a file's SHA-256 (import batches, exports)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size``: keeps IN lists and executemany calls short (the GUI thread gets the GIL)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()
