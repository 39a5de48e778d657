"""Findings 2 and 8 (files): the bundled catalogue recognised by file identity, a foreign SQLite file refused
unless confirmed (and backed up before any migration), a non-SQLite file and an unsupported URL named."""

from __future__ import annotations

import hashlib
import os
import sqlite3

import pytest

from redtour import paths
from redtour.core.errors import DatabaseError, ForeignDatabaseError
from redtour.storage.bootstrap import open_user_database
from redtour.storage.database import sqlite_url

pytestmark = pytest.mark.sqlite_only


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "spell",
    [
        lambda p: f"sqlite:///file:{p}?uri=true",
        lambda p: f"sqlite:///file:{p}?mode=rw&uri=true",
        lambda p: f"sqlite:///file://localhost{p}?uri=true",
        lambda p: f"sqlite:///{str(p).replace('/sites.db', '/./sites.db')}",
        lambda p: "sqlite:///file:" + str(p).replace("sites.db", "%73ites.db") + "?uri=true",
    ],
)
def test_the_bundled_catalogue_is_refused_however_its_url_is_spelled(spell):
    bundle = paths.bundled_catalogue_db()
    before = digest(bundle)
    with pytest.raises(DatabaseError, match=r"sites\.db"):
        open_user_database(spell(bundle))
    assert digest(bundle) == before


def test_a_hard_link_to_the_bundled_catalogue_is_refused(tmp_path):
    bundle = paths.bundled_catalogue_db()
    link = tmp_path / "work.db"
    try:
        os.link(bundle, link)
    except OSError:
        pytest.skip("no hard links across these folders")
    before = digest(bundle)
    with pytest.raises(DatabaseError, match=r"sites\.db"):
        open_user_database(sqlite_url(link))
    assert digest(bundle) == before


def other_programs_db(path):
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA application_id=1145258561")  # someone else's
        con.execute("create table notes(id integer primary key, body text)")
        con.execute("insert into notes(body) values ('keep me')")
    return path


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path, fixture_catalogue):
    path = other_programs_db(tmp_path / "notes.db")
    before = digest(path)
    with pytest.raises(ForeignDatabaseError, match="不是 redtour 的数据库"):
        open_user_database(sqlite_url(path), bundle=fixture_catalogue)
    assert digest(path) == before


def test_a_confirmed_foreign_file_is_backed_up_before_migrating(tmp_path, fixture_catalogue):
    path = other_programs_db(tmp_path / "notes.db")
    before = digest(path)
    db = open_user_database(sqlite_url(path), bundle=fixture_catalogue, allow_foreign=True)
    db.dispose()
    (backup,) = tmp_path.glob("notes.db.before-*.bak")
    with sqlite3.connect(backup) as con:
        assert con.execute("select body from notes").fetchall() == [("keep me",)]
        assert not con.execute("select name from sqlite_master where name='participant'").fetchall()
    assert digest(path) != before
    open_user_database(sqlite_url(path), bundle=fixture_catalogue).dispose()  # adopted: no second question


def test_a_file_that_is_not_sqlite_is_named(tmp_path, fixture_catalogue):
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 2000)
    with pytest.raises(DatabaseError, match="不是 SQLite 数据库文件"):
        open_user_database(sqlite_url(path), bundle=fixture_catalogue)
    assert path.read_bytes()[:4] == b"PK\x03\x04"


@pytest.mark.parametrize("url", ["mysql://u:p@localhost/db", "oracle://x", "nonsense://"])
def test_unsupported_database_urls_are_named(url):
    with pytest.raises(DatabaseError, match="不支持的数据库地址"):
        open_user_database(url)
