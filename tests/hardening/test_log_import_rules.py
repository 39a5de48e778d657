"""Findings 1, 5, 6, 9 for participation logs: rows checked by the roster rules, visits credited to the union
in their row, a known record id with another venue and day refused, a NUL never blocking a re-import."""

from __future__ import annotations

import csv
from datetime import date

from redtour.storage.log_export import export_log
from redtour.storage.log_import import import_log
from redtour.storage.participation_stats import compute_stats
from tests.hardening.packages import snapshot
from tests.hardening.test_exchange_records import office_with_zhang


def visited_office(db, tmp_path):
    repo = office_with_zhang(db, tmp_path, "普陀区总工会", "机电工会", "p")
    g = repo.create_group("普陀区总工会", "一队", date(2026, 5, 1), ["alpha", "beta"])
    repo.checkin(g.id, [e.participant_id for e in repo.roster(g.id)])
    return repo


def by_union(db):
    return {r.label: (r.participants, r.visits) for r in compute_stats(db, by="union").rows if r.visits}


def test_log_visits_are_credited_to_the_union_in_their_row(new_user_db, tmp_path):
    putuo, jingan = new_user_db("putuo"), new_user_db("jingan")
    visited_office(putuo, tmp_path)
    office_with_zhang(jingan, tmp_path, "静安区总工会", "", "j")
    export_log(putuo, tmp_path / "log.csv", full_phone=True)
    assert import_log(jingan, tmp_path / "log.csv").applied
    assert by_union(jingan) == by_union(putuo) == {"机电工会": (2, 4)}


def rewrite(path, edit):
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    edit(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def test_a_known_record_id_with_another_venue_and_day_is_refused(new_user_db, tmp_path):
    putuo, other = new_user_db("putuo"), new_user_db("other")
    visited_office(putuo, tmp_path)
    export_log(putuo, tmp_path / "log.csv", full_phone=True)
    assert import_log(other, tmp_path / "log.csv").applied

    def move(rows):
        head = rows[0]
        rows[1][head.index("日期")] = "2026-07-01"
        rows[1][head.index("场馆编号")] = "gamma"

    before = snapshot(other)
    report = import_log(other, rewrite(tmp_path / "log.csv", move))
    assert not report.applied and snapshot(other) == before and not report.errors
    assert len(report.conflicts) == 1 and report.conflicts[0].startswith("第 2 行：")
    assert "本机 2026-05-01" in report.conflicts[0] and "文件 2026-07-01 gamma" in report.conflicts[0]
    kept = import_log(other, tmp_path / "log.csv", keep_mine=True)  # the explicit choice: mine stays
    assert kept.applied and snapshot(other) == before


def test_hidden_characters_in_a_log_row_are_named(new_user_db, tmp_path):
    putuo, other = new_user_db("putuo"), new_user_db("other")
    visited_office(putuo, tmp_path)
    export_log(putuo, tmp_path / "log.csv")

    def hide(rows):
        rows[2][rows[0].index("姓名")] += "\u3164"
        rows[3][rows[0].index("工会")] = "机电\u202e工会"

    report = import_log(other, rewrite(tmp_path / "log.csv", hide))
    assert not report.applied
    assert [(n.sheet_row, "U+3164" in n.reason or "U+202E" in n.reason) for n in report.errors] == [
        (3, True),
        (4, True),
    ]


def test_a_nul_stored_by_an_older_version_does_not_block_the_re_import(new_user_db, tmp_path):
    from sqlalchemy import update

    from redtour.storage.models import ParticipantRow

    putuo, other = new_user_db("putuo"), new_user_db("other")
    visited_office(putuo, tmp_path)
    with putuo.writing() as s:
        nul = "\x00" if putuo.is_sqlite else "\x01"  # PostgreSQL text cannot hold NUL at all
        s.execute(update(ParticipantRow).values(work_unit=f"某厂{nul}车间"))
    export_log(putuo, tmp_path / "log.csv")
    assert (
        b"\x00" not in (tmp_path / "log.csv").read_bytes()
        and b"\x01" not in (tmp_path / "log.csv").read_bytes()
    )
    report = import_log(other, tmp_path / "log.csv")
    assert report.applied and report.added == 4, report.errors
