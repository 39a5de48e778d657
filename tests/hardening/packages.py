"""Building exchange packages for the hardening tests: a valid one from a seeded office, then edited."""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from redtour.storage.exchange import export_package
from redtour.storage.exchange_read import PARTS
from redtour.storage.models import ParticipantRow, SavedPlaceRow, TourGroupRow, TradeUnionRow, VisitRow
from tests.storage.test_exchange import seeded

__all__ = ["PARTS", "edited", "read_parts", "snapshot", "valid_package", "write_package"]


def valid_package(db, tmp_path: Path, name: str = "putuo.zip") -> Path:
    seeded(db, tmp_path, name.split(".")[0])
    out = tmp_path / name
    export_package(db, "普陀区总工会", out)
    return out


def read_parts(pkg: Path) -> tuple[dict[str, Any], dict[str, list[Any]]]:
    with zipfile.ZipFile(pkg) as z:
        manifest = json.loads(z.read("manifest.json"))
        parts = {p: [json.loads(x) for x in z.read(f"{p}.jsonl").splitlines() if x.strip()] for p in PARTS}
    return manifest, parts


def write_package(out: Path, manifest: dict[str, Any], raw: dict[str, bytes]) -> Path:
    """Parts as given, with the manifest's hashes and counts made to match (a forger's package)."""
    manifest = {**manifest, "sha256": {}, "counts": {}}
    for p, data in raw.items():
        manifest["sha256"][p] = hashlib.sha256(data).hexdigest()
        manifest["counts"][p] = sum(1 for line in data.splitlines() if line.strip())
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for p, data in raw.items():
            z.writestr(f"{p}.jsonl", data)
        z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    return out


def edited(pkg: Path, out: Path, edit: Callable[[dict[str, Any], dict[str, list[Any]]], None]) -> Path:
    manifest, parts = read_parts(pkg)
    edit(manifest, parts)
    raw = {
        p: b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)
        for p, rows in parts.items()
    }
    return write_package(out, manifest, raw)


def snapshot(db) -> tuple[int, ...]:
    """Row counts of everything an import could write (an unchanged snapshot means no partial write)."""
    with db.reading() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t)) or 0
            for t in (TradeUnionRow, ParticipantRow, TourGroupRow, VisitRow, SavedPlaceRow)
        )
