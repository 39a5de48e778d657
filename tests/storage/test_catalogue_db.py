"""sites.db build and merge, local corrections, and the bundled file staying untouched."""

import hashlib
import shutil
import sqlite3
import tomllib
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from redtour import paths
from redtour.core.errors import CatalogueError
from redtour.storage.bootstrap import open_user_database
from redtour.storage.catalogue_db import build_catalogue, bundled_venues, merge_catalogue, sync_from_bundle
from redtour.storage.database import sqlite_url
from redtour.storage.venues import VenueRepository
from tests.conftest import FIXTURE_VENUES


def table_dump(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as con:
        tables = [
            r[0] for r in con.execute("select name from sqlite_master where type='table' order by name")
        ]
        return {t: sorted(con.execute(f'select * from "{t}"').fetchall(), key=repr) for t in tables}


def test_committed_sites_db_matches_a_fresh_build_from_the_source(tmp_path):
    rebuilt = tmp_path / "sites.db"
    build_catalogue(paths.catalogue_source_dir(), rebuilt)
    assert table_dump(rebuilt) == table_dump(paths.bundled_catalogue_db()), (
        "sites.db is out of date: run `redtour catalogue build` and commit it"
    )


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    build_catalogue(FIXTURE_VENUES, a)
    build_catalogue(FIXTURE_VENUES, b)
    assert table_dump(a) == table_dump(b)
    with sqlite3.connect(a) as con:
        assert con.execute("pragma journal_mode").fetchone()[0] == "delete"  # opens from read-only folders


def test_bad_source_names_the_file_and_leaves_the_old_db(tmp_path):
    out = tmp_path / "sites.db"
    build_catalogue(FIXTURE_VENUES, out)
    before = out.read_bytes()
    src = tmp_path / "src"
    shutil.copytree(FIXTURE_VENUES, src)
    (src / "alpha.toml").write_text((src / "alpha.toml").read_text().replace('"16:00"', '"17:00"'))
    with pytest.raises(CatalogueError, match=r"alpha\.toml"):
        build_catalogue(src, out)
    assert out.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".sites-")]


@pytest.mark.sqlite_only
def test_first_start_creates_the_working_db_in_the_user_folder_and_keeps_the_bundle(tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("REDTOUR_HOME", str(home))
    bundle = tmp_path / "install" / "sites.db"
    build_catalogue(FIXTURE_VENUES, bundle)
    bundle.parent.chmod(0o555)  # an install folder the user cannot write to
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    try:
        db = open_user_database(bundle=bundle)
        repo = VenueRepository(db)
        assert db.sqlite_path == home / "data" / "redtour.db"
        assert not db.sqlite_path.resolve().is_relative_to(paths.install_root())
        repo.correct("alpha", "phone", "021-55555555", None, "电话核实")
        repo.add_local_venue(repo.get("gamma").__class__(id="", name_zh="新场馆"))
        db.dispose()
    finally:
        bundle.parent.chmod(0o755)
    assert hashlib.sha256(bundle.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in bundle.parent.iterdir()) == ["sites.db"]


def test_a_start_after_the_merge_reads_only_the_bundles_digest(tmp_path, user_db):
    """The venues of an unchanged bundle are not read again (start-up time): a copy without its venue table
    but with the same digest is accepted as is; one with another digest is read (and fails here)."""
    bundle = tmp_path / "sites.db"
    build_catalogue(FIXTURE_VENUES, bundle)
    sync_from_bundle(user_db, bundle)  # merged now, or already by the fixture
    with sqlite3.connect(bundle) as con:
        con.execute("DROP TABLE venue")
    assert sync_from_bundle(user_db, bundle) is None
    with sqlite3.connect(bundle) as con:
        con.execute("UPDATE app_meta SET value = 'another' WHERE key = 'catalogue_digest'")
    with pytest.raises(OperationalError):
        sync_from_bundle(user_db, bundle)


@pytest.mark.sqlite_only
def test_real_bundled_catalogue_is_unchanged_by_a_session_that_edits(tmp_path):
    bundle = paths.bundled_catalogue_db()
    digest = hashlib.sha256(bundle.read_bytes()).hexdigest()
    db = open_user_database(sqlite_url(tmp_path / "w.db"))
    repo = VenueRepository(db)
    first = repo.list_venues()[0]
    repo.correct(first.id, "address", "上海市某区某路1号", None)
    db.dispose()
    assert hashlib.sha256(bundle.read_bytes()).hexdigest() == digest


def test_corrections_and_local_venues_survive_a_catalogue_update(tmp_path, user_db):
    repo = VenueRepository(user_db)
    repo.correct("alpha", "phone", "021-55555555", None, "电话核实")
    local = repo.add_local_venue(repo.get("gamma").__class__(id="", name_zh="本地场馆"))

    src = tmp_path / "newsrc"
    shutil.copytree(FIXTURE_VENUES, src)
    text = (src / "alpha.toml").read_text()
    (src / "alpha.toml").write_text(
        text.replace("测试路1号", "测试路100号").replace("021-00000001", "021-00000002")
    )
    (src / "gamma.toml").unlink()
    new_bundle = tmp_path / "new" / "sites.db"
    build_catalogue(src, new_bundle)
    report = merge_catalogue(user_db, *bundled_venues(new_bundle))

    assert (report.updated, report.retired) == (1, 1)
    alpha = repo.get("alpha")
    assert alpha.address == "上海市普陀区测试路100号"  # catalogue change arrives
    assert alpha.phone == "021-55555555" and alpha.is_local("phone")  # local correction wins
    assert repo.catalogue_value("alpha", "phone") == "021-00000002"
    ids = {v.id for v in repo.list_venues()}
    assert local.id in ids and "gamma" not in ids  # retired, not deleted
    assert "gamma" in {v.id for v in repo.list_venues(include_retired=True)}


def test_merge_is_idempotent(user_db, fixture_catalogue):
    report = merge_catalogue(user_db, *bundled_venues(fixture_catalogue))
    assert not report.changed


def test_revert_restores_catalogue_values(user_db):
    repo = VenueRepository(user_db)
    repo.correct_many("alpha", {"phone": "1", "fee": "10元"}, None)
    assert repo.revert("alpha", ["fee"]).fee == "免费"
    assert repo.revert("alpha").phone == "021-00000001"
    assert repo.corrections("alpha") == []


def test_invalid_correction_is_rejected_and_nothing_is_written(user_db):
    repo = VenueRepository(user_db)
    with pytest.raises(ValueError):
        repo.correct_many(
            "alpha", {"phone": "1", "hours": {"periods": [{"open": "18:00", "close": "09:00"}]}}, None
        )
    assert repo.corrections() == []


def test_catalogue_source_ids_match_file_names():
    for path in paths.catalogue_source_dir().glob("*.toml"):
        assert tomllib.loads(path.read_text(encoding="utf-8"))["id"] == path.stem
