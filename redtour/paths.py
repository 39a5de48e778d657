"""Where things live: bundled resources (read-only) and the user's data, logs and settings."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import PlatformDirs

from redtour import APP_NAME

_DIRS = PlatformDirs(appname=APP_NAME, appauthor=False, roaming=False)


def install_root() -> Path:
    """The source tree, or the folder a frozen (PyInstaller) bundle unpacked into."""
    frozen = getattr(sys, "_MEIPASS", None)
    return Path(frozen) if frozen else Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    return install_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def bundled_font(weight: str = "Regular") -> Path:
    """The bundled Chinese font, "Regular" or "Bold" (Noto Sans SC subsets; resources/fonts/PROVENANCE.md)."""
    return resource("fonts", f"NotoSansSC-{weight}.ttf")


def catalogue_source_dir() -> Path:
    return resource("catalogue", "venues")


def bundled_catalogue_db() -> Path:
    """The shipped, read-only sites.db."""
    return install_root() / "sites.db"


def user_data_dir() -> Path:
    """Per-user data folder; REDTOUR_HOME overrides it (tests, portable installs)."""
    override = os.environ.get("REDTOUR_HOME")
    return Path(override) / "data" if override else Path(_DIRS.user_data_dir)


def user_log_dir() -> Path:
    override = os.environ.get("REDTOUR_HOME")
    return Path(override) / "logs" if override else Path(_DIRS.user_log_dir)


def user_cache_dir() -> Path:
    override = os.environ.get("REDTOUR_HOME")
    return Path(override) / "cache" if override else Path(_DIRS.user_cache_dir)


def default_user_db() -> Path:
    return user_data_dir() / "redtour.db"


def tile_store_path() -> Path:
    """The map tiles the user has viewed online (a cache: safe to delete)."""
    return user_cache_dir() / "tiles.sqlite"
