"""The app's map page, built by folium once and kept in the user's cache folder.

Importing folium (with branca, jinja2's template compilation and pandas, which ``folium.utilities`` imports
when it is installed) costs more than a second, and the app's page does not depend on the catalogue: the
venues, the route and the day are sent over the bridge once the page says hello. So the page is rebuilt only
when one of its inputs changes (the key below); every other start reads a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import os
from pathlib import Path

from redtour import __version__, paths
from redtour.i18n import catalogue_path
from redtour.mapping.tiles import TileProvider

log = logging.getLogger(__name__)
PREFIX = "map-page-"


def page_key(menu: tuple[str, ...], tiles: tuple[TileProvider, ...], language: str) -> str:
    """A digest of everything ``build_page`` reads for the app's page (no venues, no route, no day)."""
    digest = hashlib.sha256()

    def add(part: str | bytes) -> None:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)

    add(__version__)
    add(_folium_stamp())
    add(repr((menu, tiles, language)))
    # The page's words come from the gettext catalogue; the builder's own source, where it is shipped, so a
    # development tree does not serve a page built by older code.
    here = Path(__file__).resolve().parent
    sources = [here / "page.py"] + [catalogue_path(n) for n in (language, language.split("_")[0])]
    for source in sources:
        if source.is_file():
            add(source.read_bytes())
    for name in ("districts.geojson", "metro.geojson"):
        add(paths.resource("basemap", name).read_bytes())
    return digest.hexdigest()[:32]


def _folium_stamp() -> str:
    """Which folium would build the page: where it is and when it was written, found without importing it or
    reading package metadata (both cost more than the rest of a warm start's page lookup)."""
    spec = importlib.util.find_spec("folium")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return "folium ?"
    try:
        stat = os.stat(origin)
    except OSError:  # inside a bundle's archive: the app's version keys it
        return f"folium {origin}"
    return f"folium {origin} {stat.st_size} {stat.st_mtime_ns}"


def cached_page(menu: tuple[str, ...], tiles: tuple[TileProvider, ...], language: str) -> str:
    """The page HTML for these inputs: from the cache folder, else built with folium and stored there."""
    folder = paths.user_cache_dir()
    path = folder / f"{PREFIX}{page_key(menu, tiles, language)}.html"
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        pass
    from redtour.mapping.page import build_page  # folium: only when the page must be (re)built

    html = build_page(menu=menu, tiles=tiles, language=language)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{PREFIX}*.html"):  # one page per user: older keys are never asked again
            with contextlib.suppress(OSError):  # another instance may hold it open (Windows)
                old.unlink()
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(html, encoding="utf-8")
        os.replace(partial, path)  # whole or absent: a crash mid-write leaves no truncated page
    except OSError as exc:  # a read-only or full disk: the page still works, it is built again next time
        log.warning("cannot keep the map page in %s: %s", folder, exc)
    return html
