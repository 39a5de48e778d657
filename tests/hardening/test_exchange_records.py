"""Findings 1, 3, 5, 6: exchange records checked like roster rows, bounded reading, the union a visit was
recorded under kept, and disagreements listed as conflicts applied only with --keep-mine."""

from __future__ import annotations

import tracemalloc
import uuid
from datetime import date

import pytest

from redtour.storage.exchange import ExchangeError, export_package, import_package
from redtour.storage.participation import ParticipationRepository
from redtour.storage.participation_stats import compute_stats
from redtour.storage.roster_import import import_roster
from tests.hardening.packages import edited, read_parts, snapshot, valid_package, write_package
from tests.importing.test_bad_files import write_csv


def test_hostile_records_are_refused_with_the_roster_rules(new_user_db, tmp_path):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    pkg = valid_package(office_a, tmp_path)

    def poison(_m, parts):
        people = parts["participants"]
        people[0]["name"] = '=HYPERLINK("http://evil","点我")'
        people[1]["mobile"] = "=cmd|' /C calc'!A0"
        people[2]["name"] = "张" * 10_000
        people[3]["work_unit"] = "某\x00厂"
        people[4]["name"] = "张三\u3164"
        parts["visits"][0]["uuid"] = "=1+1"
        parts["groups"][0]["day"] = "2026-02-30"

    before = snapshot(office_b)
    report = import_package(office_b, edited(pkg, tmp_path / "evil.zip", poison))
    assert not report.applied and snapshot(office_b) == before
    text = "\n".join(report.errors)
    assert "participants.jsonl 第 1 行：姓名“=HYPERLINK" in text and "含有数字或符号" in text
    assert "participants.jsonl 第 2 行：手机号无效" in text
    assert "participants.jsonl 第 3 行：姓名过长" in text
    assert "participants.jsonl 第 4 行：工作单位含有控制字符（U+0000）" in text
    assert "participants.jsonl 第 5 行：姓名含有不可见字符或文字方向控制字符（U+3164）" in text
    assert "visits.jsonl 第 1 行：编号不是有效的 UUID：=1+1" in text
    assert "groups.jsonl 第 1 行：日期无效：2026-02-30" in text

    def huge(_m, parts):
        parts["participants"][0]["name"] = "张" * 100_000  # one 300 KB line: refused as a whole

    with pytest.raises(ExchangeError, match="第 1 行过长"):
        import_package(office_b, edited(pkg, tmp_path / "huge.zip", huge))
    assert snapshot(office_b) == before


def test_a_tiny_package_of_ten_million_empty_records_is_refused_quickly_in_little_memory(user_db, tmp_path):
    pkg = valid_package(user_db, tmp_path)
    manifest, parts = read_parts(pkg)
    raw = {
        p: b"".join(__import__("json").dumps(r).encode() + b"\n" for r in rows) for p, rows in parts.items()
    }
    raw["visits"] = b"{}\n" * 10_000_000
    bomb = write_package(tmp_path / "bomb.zip", manifest, raw)
    assert bomb.stat().st_size < 200_000
    before = snapshot(user_db)
    tracemalloc.start()
    try:
        with pytest.raises(ExchangeError, match=r"压缩比异常|超出上限"):
            import_package(user_db, bomb)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024**2 and snapshot(user_db) == before


def test_line_counts_beyond_the_limit_are_refused_before_reading(user_db, tmp_path):
    pkg = valid_package(user_db, tmp_path)
    bad = edited(pkg, tmp_path / "many.zip", lambda m, p: None)
    manifest, _parts = read_parts(bad)
    manifest["counts"]["visits"] = 10**9
    import json
    import zipfile

    with zipfile.ZipFile(bad) as z, zipfile.ZipFile(tmp_path / "m.zip", "w") as out:
        for info in z.infolist():
            data = json.dumps(manifest).encode() if info.filename == "manifest.json" else z.read(info)
            out.writestr(info, data)
    with pytest.raises(ExchangeError, match="记录数"):
        import_package(user_db, tmp_path / "m.zip")


def office_with_zhang(db, tmp_path, union, grassroots, name):
    rows = [
        ["姓名", "手机号", "基层工会"],
        ["张三", "13912345678", grassroots],
        ["李四", "13912345679", grassroots],
    ]
    assert import_roster(db, write_csv(tmp_path / f"{name}.csv", rows), union).applied
    return ParticipationRepository(db)


def test_visits_keep_the_union_they_were_recorded_under(new_user_db, tmp_path):
    putuo, jingan = new_user_db("putuo"), new_user_db("jingan")
    repo = office_with_zhang(putuo, tmp_path, "普陀区总工会", "机电工会", "p")
    office_with_zhang(jingan, tmp_path, "静安区总工会", "", "j")  # 张三 registered here under 静安
    g = repo.create_group("普陀区总工会", "一队", date(2026, 5, 1), ["alpha", "beta"])
    repo.checkin(g.id, [e.participant_id for e in repo.roster(g.id)])
    pkg = tmp_path / "putuo.zip"
    export_package(putuo, "普陀区总工会", pkg)
    assert import_package(jingan, pkg).applied

    def by_union(db):
        return {r.label: (r.participants, r.visits) for r in compute_stats(db, by="union").rows if r.visits}

    assert by_union(jingan) == by_union(putuo) == {"机电工会": (2, 4)}


def test_a_visit_id_known_here_with_another_venue_and_day_is_a_conflict(new_user_db, tmp_path):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    pkg = valid_package(office_a, tmp_path)
    assert import_package(office_b, pkg).applied

    def move(_m, parts):
        parts["visits"][0]["venue"] = "gamma"
        parts["visits"][0]["day"] = "2026-07-01"

    moved = edited(pkg, tmp_path / "moved.zip", move)
    before = snapshot(office_b)
    report = import_package(office_b, moved)
    assert not report.applied and snapshot(office_b) == before
    (conflict,) = report.conflicts
    assert "本机 2026-05-01 alpha" in conflict and "交换包 2026-07-01 gamma" in conflict
    kept = import_package(office_b, moved, keep_mine=True)
    assert kept.applied and kept.conflicts and snapshot(office_b) == before


def test_a_union_whose_parent_is_unknown_is_a_conflict(new_user_db, tmp_path):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    pkg = valid_package(office_a, tmp_path)
    orphan = str(uuid.uuid4())

    def detach(_m, parts):
        child = next(u for u in parts["unions"] if u["parent"])
        child["parent"] = orphan

    report = import_package(office_b, edited(pkg, tmp_path / "orphan.zip", detach))
    assert not report.applied
    assert any("上级工会" in c and orphan[:8] in c for c in report.conflicts)
