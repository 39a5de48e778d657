"""Shared test set-up: headless Qt, and every user folder redirected into a temporary directory."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Before anything imports Qt: headless, and QtWebEngine's sandbox off (CI runs as root).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
# Never touch the real user's data, logs or settings.
_HOME = Path(tempfile.mkdtemp(prefix="redtour-test-home-"))
os.environ["REDTOUR_HOME"] = str(_HOME)
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ.pop("REDTOUR_DB", None)

REPO = Path(__file__).resolve().parent.parent
FIXTURE_VENUES = REPO / "tests" / "fixtures" / "venues"


@pytest.fixture
def fixture_catalogue(tmp_path: Path) -> Path:
    """A sites.db built from the three fixture venues."""
    from redtour.storage.catalogue_db import build_catalogue

    out = tmp_path / "bundle" / "sites.db"
    build_catalogue(FIXTURE_VENUES, out)
    return out


@pytest.fixture
def user_db(tmp_path: Path, fixture_catalogue: Path):
    """A working database on a temporary SQLite file, seeded from the fixture catalogue."""
    from redtour.storage.bootstrap import open_user_database
    from redtour.storage.database import sqlite_url

    db = open_user_database(sqlite_url(tmp_path / "user" / "redtour.db"), bundle=fixture_catalogue)
    yield db
    db.dispose()
