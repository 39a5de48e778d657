"""A sign-in sheet's rows: counted as Excel shows them, blank rows passed over, the footer skipped, not matched."""

from __future__ import annotations

from datetime import date

from redtour.storage.participation import ParticipationRepository
from redtour.storage.roster_import import import_roster
from redtour.storage.signin_import import checkin_from_file
from tests.importing.test_bad_files import write_csv


def test_sign_in_sheet_rows_blank_lines_footer_and_repeats(user_db, tmp_path):
    roster = [["姓名", "手机号"], ["张三", "13812345678"], ["李四", "13912345678"]]
    assert import_roster(user_db, write_csv(tmp_path / "r.csv", roster), "普陀区总工会").applied
    group = ParticipationRepository(user_db).create_group(
        "普陀区总工会", "第一批", date(2026, 5, 1), ["alpha"]
    )
    sheet = [
        ["第一批签到表"],
        ["姓名", "手机号"],
        ["张三", "13812345678"],
        ["", ""],
        ["李四", ""],
        ["张三", ""],
        ["合计：2人"],
    ]
    report = checkin_from_file(user_db, group.id, write_csv(tmp_path / "s.csv", sheet))
    assert report.applied and report.matched == 2 and len(report.visits) == 2
    assert [(n.sheet_row, n.reason) for n in report.skipped] == [
        (6, "与第 3 行重复（张三）"),
        (7, "表尾（合计/制表等）"),
    ]
    assert report.errors == []
