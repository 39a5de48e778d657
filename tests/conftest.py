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


# REDTOUR_TEST_DB=postgresql+psycopg://…/db runs the suite on PostgreSQL: every test that asks for a database
# gets a fresh one on that server (scripts/run-tests.sh starts a throw-away server and runs the suite twice).
TEST_SERVER = os.environ.get("REDTOUR_TEST_DB", "")
ON_POSTGRES = TEST_SERVER.startswith("postgresql")
_created: list[str] = []


def _admin():
    from sqlalchemy import create_engine

    return create_engine(TEST_SERVER, isolation_level="AUTOCOMMIT")


def fresh_postgres_url(template: str = "template0") -> str:
    """An empty (or templated) database of its own on the test server."""
    import uuid

    from sqlalchemy.engine import make_url

    name = f"rt_{uuid.uuid4().hex[:12]}"
    engine = _admin()
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    engine.dispose()
    _created.append(name)
    return make_url(TEST_SERVER).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(url: str) -> None:
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    engine = _admin()
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    engine.dispose()
    if name in _created:
        _created.remove(name)


@pytest.fixture(scope="session")
def _postgres_template(tmp_path_factory):
    """A database migrated and seeded from the fixture catalogue, cloned per test (CREATE DATABASE … TEMPLATE)."""
    from redtour.storage.bootstrap import open_user_database
    from redtour.storage.catalogue_db import build_catalogue

    bundle = tmp_path_factory.mktemp("pg-bundle") / "sites.db"
    build_catalogue(FIXTURE_VENUES, bundle)
    url = fresh_postgres_url()
    open_user_database(url, bundle=bundle).dispose()
    yield url
    drop_postgres_database(url)


def pytest_sessionfinish(session, exitstatus):
    if ON_POSTGRES:
        for name in list(_created):
            from sqlalchemy.engine import make_url

            drop_postgres_database(
                make_url(TEST_SERVER).set(database=name).render_as_string(hide_password=False)
            )


def pytest_collection_modifyitems(config, items):
    if not ON_POSTGRES:
        return
    skip = pytest.mark.skip(reason="tests a SQLite file itself (the suite is running on PostgreSQL)")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "sqlite_only: exercises the SQLite file (WAL, pragmas, kill -9 on the file)"
    )


@pytest.fixture
def new_user_db(request, tmp_path, fixture_catalogue):
    """A factory: ``new_user_db("office2")`` opens another working database on the backend under test."""
    from redtour.storage.bootstrap import open_user_database
    from redtour.storage.database import sqlite_url

    opened = []

    def make(name: str = "user"):
        if ON_POSTGRES:
            template = request.getfixturevalue("_postgres_template")
            url = fresh_postgres_url(template.rsplit("/", 1)[-1])
        else:
            url = sqlite_url(tmp_path / name / "redtour.db")
        db = open_user_database(url, bundle=fixture_catalogue)
        opened.append((db, url))
        return db

    yield make
    for db, url in opened:
        db.dispose()
        if ON_POSTGRES:
            drop_postgres_database(url)


@pytest.fixture
def user_db(new_user_db):
    """A working database (a temporary SQLite file, or a fresh PostgreSQL database), seeded from the fixtures."""
    return new_user_db("user")


@pytest.fixture
def file_keyring(tmp_path):
    """A real keyring backend (keyrings.alt's file keyring) for the test, restored afterwards."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    previous = keyring.get_keyring()
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)
