"""Participation log exports read back: xlsx (openpyxl) and csv; masking, formula guard, sheet split, audit."""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import date

import openpyxl
import pytest

from redtour.core.participation import StatsFilter
from redtour.storage.audit import entries, verify_chain
from redtour.storage.log_export import ExportError, export_log
from redtour.storage.participation import ParticipationRepository
from redtour.storage.roster_import import import_roster
from tests.importing.test_bad_files import write_csv

PAYLOADS = ["=1+1", "+SUM(A1)", "-2+3", "@SUM(1)", '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "＝1"]


@pytest.fixture
def logged_db(user_db, tmp_path):
    rows = [["姓名", "手机号", "工作单位"]]
    rows += [[f"职工{chr(0x4E00 + i)}", f"1390000{i:04d}", PAYLOADS[i % len(PAYLOADS)]] for i in range(30)]
    assert import_roster(user_db, write_csv(tmp_path / "r.csv", rows), "普陀区总工会").applied
    repo = ParticipationRepository(user_db)
    for k, (day, venues) in enumerate([(date(2026, 4, 3), ["alpha", "beta"]), (date(2026, 5, 8), ["gamma"])]):
        g = repo.create_group("普陀区总工会", f"第{k + 1}批", day, venues)
        repo.checkin(g.id, [e.participant_id for e in repo.roster(g.id)][k * 10 : k * 10 + 20])
    return user_db


def test_xlsx_has_summary_detail_dates_frozen_header_and_no_formulas(logged_db, tmp_path):
    out = tmp_path / "log.xlsx"
    result = export_log(logged_db, out)
    assert result.rows == 60
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "明细"]
    summary = [r for r in wb["汇总"].iter_rows(values_only=True)]
    assert summary[0][0] == "百万职工红色寻访参与情况汇总" and "手机号已脱敏" in summary[1][0]
    assert summary[3] == ("合计", 30, 60)
    detail = wb["明细"]
    assert detail.freeze_panes == "A2"
    assert detail["A2"].is_date and detail["A2"].value.date() == date(2026, 4, 3)
    assert detail.column_dimensions["B"].width >= 20
    mobiles = [r[7] for r in detail.iter_rows(min_row=2, values_only=True)]
    assert all(re.fullmatch(r"1390000\*\*\*\*|139\*\*\*\*\d{4}", m) for m in mobiles)
    with zipfile.ZipFile(out) as z:
        xml = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml and "<f " not in xml
    units = {c.value: c.quotePrefix for c in detail["E"][1:]}
    assert set(units) == {p if not p.startswith("＝") else "=1" for p in PAYLOADS}
    assert all(units.values())  # every payload starts like a formula: shown as typed, never evaluated


def test_csv_is_utf8_with_bom_guarded_and_masked(logged_db, tmp_path):
    out = tmp_path / "log.csv"
    export_log(logged_db, out, flt=StatsFilter(venue_id="gamma"))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:4] == ["日期", "场馆", "场馆编号", "姓名"] and len(rows) == 21
    assert {r[2] for r in rows[1:]} == {"gamma"}
    assert all(r[4].startswith("'") for r in rows[1:])
    assert all("****" in r[7] for r in rows[1:])


def test_full_phone_is_audited(logged_db, tmp_path):
    out = tmp_path / "full.csv"
    export_log(logged_db, out, full_phone=True, reason="保险登记")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert re.fullmatch(r"1390000\d{4}", rows[1][7])
    last = entries(logged_db, limit=1)[0]
    assert last.action == "export.full" and last.detail["reason"] == "保险登记" and last.detail["rows"] == 60
    assert verify_chain(logged_db) is None


def test_detail_splits_across_sheets_past_the_row_limit(logged_db, tmp_path):
    out = tmp_path / "split.xlsx"
    assert export_log(logged_db, out, rows_per_sheet=25).rows == 60
    wb = openpyxl.load_workbook(out, read_only=True)
    assert wb.sheetnames == ["汇总", "明细", "明细2", "明细3"]
    assert [sum(1 for _ in wb[n].iter_rows(min_row=2)) for n in wb.sheetnames[1:]] == [25, 25, 10]


def test_unwritable_target_leaves_nothing(logged_db, tmp_path):
    with pytest.raises(ExportError, match="不存在"):
        export_log(logged_db, tmp_path / "missing" / "log.csv")
    with pytest.raises(ExportError, match="不支持"):
        export_log(logged_db, tmp_path / "log.pdf")
    assert not list(tmp_path.glob(".redtour-export-*"))
