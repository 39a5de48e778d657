"""Engine settings, migrations and the refusal rules from reliability.md."""

import sqlite3

import pytest
from sqlalchemy import text

from redtour.core.errors import DatabaseError
from redtour.storage.bootstrap import open_user_database, resolve_db_url
from redtour.storage.database import SQLITE_APPLICATION_ID, Database, sqlite_url
from redtour.storage.migrate import HEAD, current_revision, head_revision, upgrade


@pytest.mark.sqlite_only
def test_sqlite_pragmas_on_every_connection(user_db):
    assert user_db.pragma("foreign_keys")[0][0] == 1
    assert user_db.pragma("journal_mode")[0][0] == "wal"
    assert user_db.pragma("busy_timeout")[0][0] == 10000
    assert user_db.pragma("application_id")[0][0] == SQLITE_APPLICATION_ID
    assert current_revision(user_db) == head_revision()


@pytest.mark.sqlite_only
def test_writers_begin_immediate(tmp_path):
    db = Database(sqlite_url(tmp_path / "x.db"))
    upgrade(db)
    statements = []
    from sqlalchemy import event

    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    with db.writing() as s:
        s.execute(text("select 1"))
    with db.reading() as s:
        s.execute(text("select 1"))
    db.dispose()
    # BEGIN is issued through exec_driver_sql in the begin hook, so it shows up as a statement
    assert "BEGIN IMMEDIATE" in statements and "BEGIN DEFERRED" in statements


def test_a_failed_write_rolls_back(user_db):
    from redtour.storage.models import MetaRow

    with pytest.raises(RuntimeError), user_db.writing() as s:
        s.add(MetaRow(key="x", value="1"))
        s.flush()
        raise RuntimeError("boom")
    with user_db.reading() as s:
        assert s.get(MetaRow, "x") is None


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = Database(sqlite_url(path))
    upgrade(db)
    with db.engine.begin() as conn:
        conn.execute(text("update alembic_version set version_num='9999'"))
    with pytest.raises(DatabaseError, match="更新版本"):
        upgrade(db)
    db.dispose()


def test_the_bundled_file_cannot_be_the_working_db():
    from redtour import paths

    with pytest.raises(DatabaseError, match=r"sites\.db"):
        open_user_database(sqlite_url(paths.bundled_catalogue_db()))


def test_db_url_resolution(monkeypatch, tmp_path):
    monkeypatch.delenv("REDTOUR_DB", raising=False)
    assert resolve_db_url(None).endswith("/data/redtour.db")
    monkeypatch.setenv("REDTOUR_DB", str(tmp_path / "env.db"))
    assert resolve_db_url(None) == sqlite_url(tmp_path / "env.db")
    assert resolve_db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.sqlite_only
def test_foreign_keys_cascade_from_venue_to_corrections(user_db):
    from redtour.storage.venues import VenueRepository

    VenueRepository(user_db).correct("alpha", "phone", "1", None)
    path = user_db.sqlite_path
    with sqlite3.connect(path) as con:
        con.execute("pragma foreign_keys=on")
        con.execute("delete from venue where id='alpha'")
        assert con.execute("select count(*) from venue_correction").fetchone()[0] == 0


def test_the_head_constant_is_alembics_head():
    """Start-up skips alembic when the database is at HEAD: a new migration must move HEAD too."""
    assert head_revision() == HEAD
