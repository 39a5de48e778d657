"""Online tile layers and the app's own on-disk tile store.

The map page never talks to a tile server itself: it asks for ``app://redtour/tiles/<layer>/<z>/<x>/<y>``
and the app answers from this store, fetching from the provider (with the app's own User-Agent, as OSM's
tile policy asks) only when the user has switched online tiles on. Tiles the user has viewed are kept, so
they show again offline; nothing is ever prefetched (OSM and Tianditu forbid bulk downloads).

A browser HTTP cache is not enough for this: QtWebEngine drops stale tiles when offline
(docs/basemap.md §2.3), so the store is a small SQLite file in the user's cache folder.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from redtour.core.images import sniff_image_type

Datum = Literal["WGS-84", "GCJ-02"]


@dataclass(frozen=True)
class TileLayer:
    """One XYZ tile source. ``url`` has ``{s} {z} {x} {y}`` and, for keyed services, ``{key}``."""

    id: str
    url: str
    subdomains: str = ""
    max_zoom: int = 18


@dataclass(frozen=True)
class TileProvider:
    """A base map choice in the layer switcher: one or more tile layers drawn on top of each other."""

    id: str
    name_zh: str
    name_en: str
    layers: tuple[TileLayer, ...]
    datum: Datum
    attribution: str
    needs_key: bool = False


PROVIDERS: dict[str, TileProvider] = {
    p.id: p
    for p in (
        TileProvider(
            "osm",
            "OpenStreetMap",
            "OpenStreetMap",
            (TileLayer("osm", "https://tile.openstreetmap.org/{z}/{x}/{y}.png", max_zoom=19),),
            "WGS-84",
            "© OpenStreetMap contributors",
        ),
        TileProvider(
            "tianditu",
            "天地图",
            "Tianditu",
            (
                TileLayer(
                    "tianditu_vec",
                    "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                    "&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
                    "&TILECOL={x}&tk={key}",
                    "01234567",
                ),
                TileLayer(
                    "tianditu_cva",
                    "https://t{s}.tianditu.gov.cn/cva_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
                    "&LAYER=cva&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}"
                    "&TILECOL={x}&tk={key}",
                    "01234567",
                ),
            ),
            "WGS-84",  # CGCS2000, the same as WGS-84 at map scale
            "© 天地图 Tianditu",
            needs_key=True,
        ),
        TileProvider(
            "amap",
            "高德地图",
            "AMap (Gaode)",
            (
                TileLayer(
                    "amap",
                    "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8"
                    "&x={x}&y={y}&z={z}",
                    "1234",
                ),
            ),
            "GCJ-02",
            "© 高德地图 AMap",
        ),
    )
}
LAYERS: dict[str, tuple[TileProvider, TileLayer]] = {
    layer.id: (provider, layer) for provider in PROVIDERS.values() for layer in provider.layers
}


def offered_providers(tianditu_key: str = "") -> tuple[TileProvider, ...]:
    """The online base layers to offer: Tianditu only once the user has entered a key."""
    return tuple(p for p in PROVIDERS.values() if not p.needs_key or tianditu_key)


def tile_url(layer_id: str, z: int, x: int, y: int, key: str = "") -> str:
    """The provider's URL for one tile (subdomains spread by tile, so a tile always maps to one host)."""
    provider, layer = LAYERS[layer_id]
    if provider.needs_key and not key:
        raise ValueError(f"{provider.name_en} needs a key")
    sub = layer.subdomains[(x + y) % len(layer.subdomains)] if layer.subdomains else ""
    return layer.url.format(s=sub, z=z, x=x, y=y, key=key)


def parse_tile_path(path: str) -> tuple[str, int, int, int]:
    """``tiles/<layer>/<z>/<x>/<y>`` (an optional extension on y) → its parts; ValueError when malformed."""
    parts = path.strip("/").split("/")
    if len(parts) != 5 or parts[0] != "tiles" or parts[1] not in LAYERS:
        raise ValueError(f"not a tile path: {path!r}")
    z, x = int(parts[2]), int(parts[3])
    y = int(parts[4].split(".", 1)[0])
    if not (0 <= z <= LAYERS[parts[1]][1].max_zoom and 0 <= x < 2**z and 0 <= y < 2**z):
        raise ValueError(f"tile out of range: {path!r}")
    return parts[1], z, x, y


class TileStore:
    """Viewed tiles in one SQLite file, trimmed to a size cap by least recent use.

    Safe to use from the GUI thread and a worker at once (one connection, one lock); each call is short.
    """

    def __init__(self, path: Path, max_bytes: int = 512 * 1024 * 1024) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last tiles on power loss is fine
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS tiles (layer TEXT NOT NULL, z INTEGER NOT NULL, x INTEGER NOT NULL,"
            " y INTEGER NOT NULL, data BLOB NOT NULL, fetched REAL NOT NULL, used REAL NOT NULL,"
            " PRIMARY KEY (layer, z, x, y)) WITHOUT ROWID"
        )

    def get(self, layer: str, z: int, x: int, y: int) -> bytes | None:
        with self._lock:
            row = self._db.execute(
                "SELECT data FROM tiles WHERE layer=? AND z=? AND x=? AND y=?", (layer, z, x, y)
            ).fetchone()
            if row is None:
                return None
            self._db.execute(
                "UPDATE tiles SET used=? WHERE layer=? AND z=? AND x=? AND y=?", (time.time(), layer, z, x, y)
            )
            return bytes(row[0])

    def put(self, layer: str, z: int, x: int, y: int, data: bytes) -> bool:
        """Keep a fetched tile; refuses anything that is not an image. True when stored."""
        if sniff_image_type(data) is None:
            return False
        now = time.time()
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?, ?, ?, ?)", (layer, z, x, y, data, now, now)
            )
            self._trim()
        return True

    def _trim(self) -> None:
        total = self._db.execute("SELECT COALESCE(SUM(LENGTH(data)), 0) FROM tiles").fetchone()[0]
        if total <= self.max_bytes:
            return
        excess = total - int(self.max_bytes * 0.9)  # trim to 90 % so we do not trim on every put
        rows = self._db.execute("SELECT layer, z, x, y, LENGTH(data) FROM tiles ORDER BY used").fetchall()
        doomed = []
        for layer, z, x, y, size in rows:
            if excess <= 0:
                break
            doomed.append((layer, z, x, y))
            excess -= size
        self._db.executemany("DELETE FROM tiles WHERE layer=? AND z=? AND x=? AND y=?", doomed)

    def stats(self) -> tuple[int, int]:
        """(tile count, bytes)."""
        with self._lock:
            count, size = self._db.execute(
                "SELECT COUNT(*), COALESCE(SUM(LENGTH(data)), 0) FROM tiles"
            ).fetchone()
        return int(count), int(size)

    def clear(self) -> None:
        with self._lock:
            self._db.execute("DELETE FROM tiles")
            self._db.execute("VACUUM")

    def close(self) -> None:
        with self._lock:
            self._db.close()
