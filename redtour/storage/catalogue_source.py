"""Read the human-edited catalogue source (one TOML file per venue) into core venues."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

from redtour.core.catalogue import Venue, venue_from_dict
from redtour.core.errors import CatalogueError


def source_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.toml"))


def read_source(directory: Path) -> list[dict[str, Any]]:
    """The raw records, each validated by building a Venue from it; errors name the file."""
    records = []
    seen: set[str] = set()
    for path in source_files(directory):
        try:
            with path.open("rb") as fh:
                data = tomllib.load(fh)
            venue_from_dict(data)
        except (tomllib.TOMLDecodeError, ValueError, KeyError, TypeError) as exc:
            raise CatalogueError(f"场馆资料文件 {path.name} 有误：{exc}") from exc
        if data["id"] != path.stem:
            raise CatalogueError(f"场馆资料文件 {path.name} 的 id 是 {data['id']!r}，应与文件名相同")
        if data["id"] in seen:
            raise CatalogueError(f"场馆 id {data['id']!r} 重复")
        if not any(
            str(s.get("url", "")).startswith(("http://", "https://")) for s in data.get("sources", ())
        ):
            raise CatalogueError(f"场馆资料文件 {path.name} 没有任何来源网址")
        seen.add(data["id"])
        records.append(data)
    if not records:
        raise CatalogueError(f"目录 {directory} 中没有场馆资料文件")
    return records


def load_venues(directory: Path) -> list[Venue]:
    return [venue_from_dict(r) for r in read_source(directory)]


def source_digest(directory: Path) -> str:
    """A content hash of the source files: the catalogue's version identity."""
    h = hashlib.sha256()
    for path in source_files(directory):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]
