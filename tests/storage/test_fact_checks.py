"""Staff checks (核对) with who and how, confirmations without a change, and migration 0005 on old data."""

from datetime import date

import pytest
from alembic import command
from sqlalchemy import text

from redtour.storage.catalogue_db import bundled_venues, merge_catalogue
from redtour.storage.database import Database, sqlite_url
from redtour.storage.migrate import alembic_config, upgrade
from redtour.storage.venues import VenueRepository
from tests.conftest import ON_POSTGRES, drop_postgres_database, fresh_postgres_url


def test_confirmation_and_correction_round_trip_with_who_and_how(user_db):
    repo = VenueRepository(user_db)
    repo.confirm(
        "alpha", ["phone", "hours"], date(2026, 12, 1), by="王老师", how="电话核实", note="接线人确认"
    )
    repo.correct("alpha", "fee", "10元", date(2026, 12, 2), by="李", how="现场核实")
    alpha = VenueRepository(user_db).get("alpha")
    assert alpha.phone == "021-00000001" and not alpha.is_local("phone")  # confirmed, unchanged
    assert alpha.staff_checks["phone"].text() == "2026-12-01 电话核实（王老师）"
    assert alpha.staff_checks["phone"].note == "接线人确认"
    assert alpha.staff_checks["hours"].how == "电话核实"
    assert alpha.fee == "10元" and alpha.local_facts["fee"].by == "李"


def test_confirming_a_corrected_fact_keeps_the_correction(user_db):
    repo = VenueRepository(user_db)
    repo.correct("alpha", "phone", "021-1", date(2026, 12, 1))
    alpha = repo.confirm("alpha", ["phone"], date(2026, 12, 5), by="张", how="官方公众号")
    assert alpha.phone == "021-1" and alpha.is_local("phone")
    assert alpha.staff_checks["phone"].text() == "2026-12-05 官方公众号（张）"


def test_a_confirmation_needs_a_date_and_writes_nothing_without_one(user_db):
    repo = VenueRepository(user_db)
    with pytest.raises(ValueError, match="核对日期"):
        repo.correct_many("alpha", {"fee": "5元"}, None, confirmed=["phone"])
    assert repo.corrections("alpha") == []


def test_confirmations_survive_a_catalogue_update(user_db, fixture_catalogue):
    repo = VenueRepository(user_db)
    repo.confirm("alpha", ["phone"], date(2026, 12, 1), how="电话核实")
    merge_catalogue(user_db, *bundled_venues(fixture_catalogue))
    assert repo.get("alpha").staff_checks["phone"].how == "电话核实"


def test_migration_0005_keeps_old_corrections_and_renames_the_compilation_day(tmp_path):
    url = fresh_postgres_url() if ON_POSTGRES else sqlite_url(tmp_path / "old.db")
    db = Database(url)
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        conn.execute(text(
            "INSERT INTO venue (id, name_zh, name_en, aliases, tags, in_notice, checked, sources, origin, retired)"
            " VALUES ('alpha', '甲', '', '[]', '[]', TRUE, '2026-11-24', '[]', 'catalogue', FALSE)"
        ))  # fmt: skip
        conn.execute(text(
            "INSERT INTO venue_correction (venue_id, fact, value, checked, note, updated_at)"
            " VALUES ('alpha', 'phone', '\"021-9\"', '2026-11-30', '电话核实', '2026-11-30 10:00:00')"
        ))  # fmt: skip
    assert upgrade(db)
    alpha = VenueRepository(db).get("alpha")
    assert alpha.compiled == date(2026, 11, 24)
    assert alpha.phone == "021-9" and alpha.local_facts["phone"].checked == date(2026, 11, 30)
    assert alpha.staff_checks["phone"].changed
    db.dispose()
    if ON_POSTGRES:
        drop_postgres_database(url)


def test_facts_of_a_venue_that_does_not_exist_are_refused_and_nothing_is_written(user_db):
    from redtour.storage.campaigns import CampaignRepository

    with pytest.raises(LookupError, match="没有编号为 nowhere 的场馆"):
        VenueRepository(user_db).correct_many("nowhere", {"fee": "5元"}, date(2026, 12, 1))
    with pytest.raises(LookupError, match="没有编号为 nowhere 的场馆"):
        CampaignRepository(user_db).set_capacity("nowhere", {"concurrent": 2}, date(2026, 12, 1))
    with user_db.reading() as s:
        counts = [s.scalar(text(f"SELECT count(*) FROM {t}")) for t in ("venue_correction", "venue_capacity")]
    assert counts == [0, 0]
