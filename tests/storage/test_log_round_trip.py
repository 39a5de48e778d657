"""Export at one office, import at another: identical statistics; importing twice changes nothing."""

from __future__ import annotations

from datetime import date

import pytest

from redtour.core.participation import StatsFilter
from redtour.storage.log_export import export_log
from redtour.storage.log_import import import_log
from redtour.storage.participation_stats import compute_stats
from tests.export.test_participation_log import logged_db  # noqa: F401 - fixture


@pytest.fixture
def other_office(new_user_db):
    return new_user_db("other")


def all_stats(db):
    return [compute_stats(db, StatsFilter(), by) for by in (None, "union", "venue", "month")] + [
        compute_stats(db, StatsFilter(date(2026, 5, 1), date(2026, 5, 31)), "venue")
    ]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_round_trip_gives_identical_statistics(logged_db, other_office, tmp_path, fmt):  # noqa: F811
    out = tmp_path / f"log.{fmt}"
    export_log(logged_db, out)
    first = import_log(other_office, out)
    assert first.applied and first.added == 60 and first.people_added == 30 and not first.errors
    assert all_stats(other_office) == all_stats(logged_db)
    second = import_log(other_office, out)
    assert second.applied and second.added == 0 and second.merged == 60
    assert all_stats(other_office) == all_stats(logged_db)
    # And back: the original office gains nothing new either.
    back = tmp_path / f"back.{fmt}"
    export_log(other_office, back)
    assert import_log(logged_db, back).added == 0


def test_conflicting_person_is_reported_not_overwritten(logged_db, other_office, tmp_path):  # noqa: F811
    out = tmp_path / "log.csv"
    export_log(logged_db, out)
    text = out.read_text(encoding="utf-8-sig").replace("职工一", "职工甲", 1)
    (tmp_path / "edited.csv").write_text(text, encoding="utf-8-sig")
    import_log(other_office, out)
    report = import_log(other_office, tmp_path / "edited.csv")
    assert not report.applied and not report.errors and len(report.conflicts) == 1
    assert "本机“职工一”" in report.conflicts[0] and "文件“职工甲”" in report.conflicts[0]
    assert compute_stats(other_office).visits == 60
