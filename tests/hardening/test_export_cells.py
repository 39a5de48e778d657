"""Finding 1 (exports): every CSV/xlsx cell defused, ids included; masking hides non-mobiles; control
characters removed; cells cut to Excel's 32,767-character limit with a note. Files are read back."""

from __future__ import annotations

import csv
from datetime import date, datetime

import openpyxl
from sqlalchemy import insert, select

from redtour.export.cells import EXCEL_CELL_LIMIT, TRUNCATED
from redtour.export.participation_log import ExportInfo, write_log_csv, write_log_xlsx
from redtour.storage.log_export import export_log
from redtour.storage.models import ParticipantRow, TradeUnionRow, VisitRow

RISKY = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def assert_inert(cells: list[object]) -> None:
    for value in cells:
        if value is None or not isinstance(value, str):
            continue
        assert not value.startswith(RISKY), value
        assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in value), repr(value)
        assert len(value) <= EXCEL_CELL_LIMIT


def read_csv(path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def read_xlsx(path) -> list[list[object]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    rows = [list(r) for ws in wb.worksheets for r in ws.iter_rows(values_only=True)]
    wb.close()
    return rows


def assert_xlsx_inert(path) -> list[list[object]]:
    """No formula cell; text that starts like one carries the quote-prefix style (shown and kept as text)."""
    wb = openpyxl.load_workbook(path)
    values = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value
                if isinstance(cell.value, str):
                    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in cell.value)
                    assert not cell.value.startswith(RISKY) or cell.quotePrefix, cell.value
            values.append([c.value for c in row])
    return values


def plant_hostile_rows(db) -> None:
    """What an older version let an exchange package store: formulas in every kind of column, a NUL."""
    now = datetime.now()
    nul = "\x00" if db.is_sqlite else "\x01"  # PostgreSQL text cannot hold NUL at all
    with db.writing() as s:
        s.execute(
            insert(TradeUnionRow).values(uuid="@SUM(1+1)", name="-2+3工会", kind="district", created=now)
        )
        union_id = s.scalar(select(TradeUnionRow.id).where(TradeUnionRow.uuid == "@SUM(1+1)"))
        s.execute(
            insert(ParticipantRow).values(
                uuid="-2+3", union_id=union_id, name="=HYPERLINK(\"http://x\")", mobile="=cmd|'/C'!A",
                work_unit=f"+单位{nul}内\x1b部", employee_no="\t=1", created=now, updated=now,
            )
        )  # fmt: skip
        pid = s.scalar(select(ParticipantRow.id).where(ParticipantRow.uuid == "-2+3"))
        s.execute(
            insert(VisitRow).values(
                uuid="=1+1", participant_id=pid, venue_id="alpha", day=date(2026, 5, 1), month=202605,
                union_id=union_id, source="import", recorded=now,
            )
        )  # fmt: skip


def test_hostile_values_in_the_database_leave_no_live_cell_in_csv_or_xlsx(user_db, tmp_path):
    plant_hostile_rows(user_db)
    out_csv, out_xlsx = tmp_path / "log.csv", tmp_path / "log.xlsx"
    export_log(user_db, out_csv)
    export_log(user_db, out_xlsx)
    rows = read_csv(out_csv)
    assert len(rows) == 2
    for row in rows:
        assert_inert(row)
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["手机号"] == "****" and "cmd" not in ",".join(rows[1])
    assert record["记录编号"] == "'=1+1" and record["人员编号"] == "'-2+3"
    assert record["工作单位"] == "'+单位内部"
    detail = assert_xlsx_inert(out_xlsx)
    assert any(c == "=1+1" for r in detail for c in r)  # the value is there, as quote-prefixed text
    assert not any("cmd" in str(c) for r in detail for c in r)


def test_cells_longer_than_excels_limit_are_cut_with_a_note(user_db, tmp_path):
    from redtour.storage.participation_stats import compute_stats

    row = (
        "2026-05-01",
        "馆",
        "alpha",
        "张" * 100_000,
        "单位",
        "工会",
        "",
        "13812345678",
        "",
        "",
        "u",
        "p",
        "",
    )
    info = ExportInfo("测试", "全部", False, datetime.now())
    write_log_xlsx(tmp_path / "a.xlsx", [row], stats={"total": compute_stats(user_db)}, info=info)
    write_log_csv(tmp_path / "a.csv", [row])
    xlsx_name = read_xlsx(tmp_path / "a.xlsx")[-1][3]
    csv_name = read_csv(tmp_path / "a.csv")[1][3]
    for name in (xlsx_name, csv_name):
        assert len(name) == EXCEL_CELL_LIMIT and name.endswith(TRUNCATED)
