"""Bad roster files: each is refused with a message naming the problem, and the database is unchanged."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from redtour.core.errors import RedtourError
from redtour.core.people import clean_text
from redtour.storage.models import AuditRow, ImportBatchRow, ParticipantRow, TradeUnionRow
from redtour.storage.roster_import import import_roster

UNION = "普陀区总工会"


def fingerprint(db) -> tuple[int, ...]:
    with db.reading() as s:
        return tuple(
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (ParticipantRow, TradeUnionRow, ImportBatchRow, AuditRow)
        )


def write_csv(path: Path, rows, encoding="utf-8-sig") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def roster_rows(n: int):
    yield ["姓名", "手机号", "工作单位"]
    for i in range(n):
        yield [f"职工{chr(0x4E00 + i % 20000)}", f"139{i:08d}", "某厂"]


def refused(db, path: Path, match: str) -> None:
    before = fingerprint(db)
    with pytest.raises(RedtourError, match=match):
        import_roster(db, path, UNION)
    assert fingerprint(db) == before


def test_wrong_headers(user_db, tmp_path):
    refused(
        user_db, write_csv(tmp_path / "r.csv", [["编号", "电话"], [1, "13812345678"]]), "找不到表头.*姓名"
    )
    refused(user_db, write_csv(tmp_path / "r2.csv", [["姓名", "部门"], ["张三", "甲"]]), "缺少“手机号”列")


def test_empty_and_blank_files(user_db, tmp_path):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    refused(user_db, tmp_path / "empty.xlsx", "空文件")
    refused(user_db, write_csv(tmp_path / "blank.csv", [[""], [" "]]), "没有任何数据")


def test_text_file_named_xlsx(user_db, tmp_path):
    (tmp_path / "r.xlsx").write_text("姓名,手机号\n张三,13812345678\n", encoding="utf-8")
    refused(user_db, tmp_path / "r.xlsx", "不是有效的 Excel 文件")


def test_old_xls_html_and_truncated_files(user_db, tmp_path):
    (tmp_path / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    refused(user_db, tmp_path / "old.xlsx", "加密的工作簿或改了扩展名的旧版 .xls")
    (tmp_path / "page.xlsx").write_text("<html><table><tr><td>姓名</td></tr></table></html>")
    refused(user_db, tmp_path / "page.xlsx", "网页")
    good = tmp_path / "good.xlsx"
    wb = openpyxl.Workbook()
    for row in roster_rows(500):
        wb.active.append(row)
    wb.save(good)
    data = good.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    refused(user_db, tmp_path / "cut.xlsx", "已损坏或不完整")
    (tmp_path / "r.et").write_bytes(b"\xd0\xcf\x11\xe0")
    refused(user_db, tmp_path / "r.et", "WPS")


def test_merged_title_cells_are_skipped(user_db, tmp_path):
    path = tmp_path / "merged.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "2025年春季红色寻访报名表"
    ws.merge_cells("A1:D1")
    ws.append([])
    ws.append(["基本信息", None, "联系方式", None])
    ws.merge_cells("A3:B3")
    ws.append(["序号", "姓名", "手机号码", "所在单位"])
    ws.append([1, "张三", "13812345678", "甲厂"])
    ws.append([2, "李四", "13912345678", "乙厂"])
    ws.append(["合计", 2])
    wb.save(path)
    report = import_roster(user_db, path, UNION)
    assert report.applied and report.added == 2 and [n.sheet_row for n in report.skipped] == [7]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_chinese_encodings_import_identically(user_db, tmp_path, encoding):
    rows = [["姓名", "手机号"], ["张三", "13812345678"], ["欧阳娜娜", "13912345678"]]
    report = import_roster(user_db, write_csv(tmp_path / "r.csv", rows, encoding), UNION)
    assert report.applied and report.added == 2


def test_rare_name_character_needs_gb18030_not_gbk(user_db, tmp_path):
    path = write_csv(tmp_path / "r.csv", [["姓名", "手机号"], ["𠮷野", "13812345678"]], "gb18030")
    assert import_roster(user_db, path, UNION).added == 1


def test_undecodable_text_is_refused(user_db, tmp_path):
    (tmp_path / "r.csv").write_bytes("姓名,電話\n張三,13812345678\n".encode("big5") + b"\xff\xfe\xfa")
    refused(user_db, tmp_path / "r.csv", "无法识别.*编码")
    (tmp_path / "bin.csv").write_bytes(b"\x00\x01\x02PK" * 50)
    refused(user_db, tmp_path / "bin.csv", "二进制")


def test_ten_thousand_rows_with_one_bad_row(user_db, tmp_path):
    rows = list(roster_rows(10_000))
    rows[6001][1] = "1391234567"  # ten digits, on sheet row 6002
    path = write_csv(tmp_path / "big.csv", rows)
    before = fingerprint(user_db)
    report = import_roster(user_db, path, UNION)
    assert not report.applied and report.added == 9_999
    assert [(n.sheet_row, n.reason) for n in report.errors] == [(6002, "手机号无效：1391234567")]
    assert fingerprint(user_db) == before
    rows[6001][1] = "13912345670"
    report = import_roster(user_db, write_csv(tmp_path / "fixed.csv", rows), UNION)
    assert report.applied and report.added == 10_000


def test_formula_strings_are_stored_as_text(user_db, tmp_path):
    payloads = ["=1+1", "+SUM(A1)", "-2+3", "@SUM(1)", "\t=1", "=cmd|' /C calc'!A0", "＝1"]
    rows = [["姓名", "手机号", "工作单位"]] + [
        [f"职工{chr(0x4E00 + i)}", f"1391234{i:04d}", p] for i, p in enumerate(payloads)
    ]
    report = import_roster(user_db, write_csv(tmp_path / "f.csv", rows), UNION)
    assert report.applied
    with user_db.reading() as s:
        units = sorted(s.scalars(select(ParticipantRow.work_unit)))
    assert units == sorted(clean_text(p) for p in payloads)  # NFKC: ＝ is stored as =, still text


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_zip_bomb_and_oversized_workbooks_are_refused_before_parsing(user_db, tmp_path):
    base = {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}
    bomb = _zip(tmp_path / "bomb.xlsx", base | {"xl/worksheets/sheet1.xml": b"<" + b" " * (40 * 2**20)})
    assert bomb.stat().st_size < 200_000
    refused(user_db, bomb, "压缩炸弹")
    many = _zip(tmp_path / "many.xlsx", base | {f"xl/x{i}.xml": b"" for i in range(10_001)})
    refused(user_db, many, "10003 个内部文件")
    notbook = _zip(tmp_path / "notbook.xlsx", {"a.txt": b"hello"})
    refused(user_db, notbook, "不是 Excel 工作簿")


def test_oversized_by_budget(user_db, tmp_path, monkeypatch):
    import redtour.importing.spreadsheet as sp

    monkeypatch.setattr(sp, "MAX_UNCOMPRESSED", 1_000_000)
    wb = openpyxl.Workbook()
    for row in roster_rows(20_000):
        wb.active.append(row)
    wb.save(tmp_path / "large.xlsx")
    refused(user_db, tmp_path / "large.xlsx", "超过上限")
