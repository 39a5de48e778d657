"""Exchange packages between two offices: round trip, idempotence, conflicts reported, damage detected."""

from __future__ import annotations

import json
import zipfile
from datetime import date

import pytest

from redtour.storage.exchange import ExchangeError, export_package, import_package
from redtour.storage.participation import ParticipationRepository
from redtour.storage.participation_stats import compute_stats
from redtour.storage.roster_import import import_roster
from tests.importing.test_bad_files import write_csv


def seeded(db, tmp_path, name="a"):
    rows = [["姓名", "手机号", "工作单位", "基层工会"]]
    rows += [
        [f"职工{chr(0x4E00 + i)}", f"1370000{i:04d}", "某厂", "机电工会" if i % 2 else ""] for i in range(40)
    ]
    assert import_roster(db, write_csv(tmp_path / f"{name}.csv", rows), "普陀区总工会").applied
    repo = ParticipationRepository(db)
    g = repo.create_group("普陀区总工会", "第一批", date(2026, 5, 1), ["alpha", "beta"])
    repo.checkin(g.id, [e.participant_id for e in repo.roster(g.id)][:25])
    return repo


def all_stats(db):
    return [compute_stats(db, by=by) for by in (None, "union", "venue", "month")]


def test_round_trip_is_idempotent_and_keeps_identifiers(new_user_db, tmp_path):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    seeded(office_a, tmp_path)
    pkg = tmp_path / "putuo.zip"
    counts = export_package(office_a, "普陀区总工会", pkg)
    assert counts == {"unions": 2, "participants": 40, "groups": 1, "visits": 50, "places": 0}
    first = import_package(office_b, pkg)
    assert first.applied and not first.conflicts
    assert (first.added["participants"], first.added["groups"], first.added["visits"]) == (40, 1, 50)
    assert all_stats(office_b) == all_stats(office_a)
    second = import_package(office_b, pkg)
    assert second.applied and set(second.added) == set(counts) and not any(second.added.values())
    assert second.unchanged["visits"] == 50 and all_stats(office_b) == all_stats(office_a)
    # Office B checks in more people; its package flows back to A and adds only those.
    repo_b = ParticipationRepository(office_b)
    group_b = repo_b.groups()[0]
    repo_b.checkin(group_b.id, [e.participant_id for e in repo_b.roster(group_b.id)][25:30])
    back = tmp_path / "back.zip"
    export_package(office_b, "普陀区总工会", back)
    assert import_package(office_a, back).added["visits"] == 10
    assert all_stats(office_a) == all_stats(office_b)


def test_conflicting_edits_are_reported_and_nothing_is_applied(new_user_db, tmp_path):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    seeded(office_a, tmp_path)
    pkg = tmp_path / "p.zip"
    export_package(office_a, "普陀区总工会", pkg)
    import_package(office_b, pkg)
    from sqlalchemy import update

    from redtour.storage.models import ParticipantRow

    with office_b.writing() as s:  # office B corrects a work unit; office A's package still has the old one
        s.execute(update(ParticipantRow).where(ParticipantRow.name == "职工一").values(work_unit="新单位"))
    repo_a = ParticipationRepository(office_a)
    g = repo_a.create_group("普陀区总工会", "第二批", date(2026, 6, 1), ["gamma"])
    repo_a.checkin(g.id, [e.participant_id for e in repo_a.roster(g.id)][:5])
    export_package(office_a, "普陀区总工会", pkg)
    before = all_stats(office_b)
    report = import_package(office_b, pkg)
    assert not report.applied and len(report.conflicts) == 1
    assert (
        "职工一" in report.conflicts[0]
        and "本机“新单位”" in report.conflicts[0]
        and "交换包“某厂”" in report.conflicts[0]
    )
    assert all_stats(office_b) == before  # nothing of the package applied, the local edit kept


def test_damaged_or_foreign_packages_are_refused(new_user_db, tmp_path):
    office = new_user_db("a")
    seeded(office, tmp_path)
    pkg = tmp_path / "p.zip"
    export_package(office, "普陀区总工会", pkg)
    tampered = tmp_path / "t.zip"
    with zipfile.ZipFile(pkg) as src, zipfile.ZipFile(tampered, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "visits.jsonl":
                data = data.replace(b"alpha", b"beta", 1)
            dst.writestr(info, data)
    with pytest.raises(ExchangeError, match="校验不符"):
        import_package(office, tampered)
    (tmp_path / "x.zip").write_text("not a zip")
    with pytest.raises(ExchangeError, match="不是 redtour 交换包"):
        import_package(office, tmp_path / "x.zip")
    with zipfile.ZipFile(tmp_path / "n.zip", "w") as z:
        z.writestr("manifest.json", json.dumps({"format": "redtour-exchange", "version": 99}))
    with pytest.raises(ExchangeError, match="更新版本"):
        import_package(office, tmp_path / "n.zip")
    with pytest.raises(LookupError):
        export_package(office, "没有这个工会", tmp_path / "none.zip")
