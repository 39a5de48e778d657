"""The roster template users download, fill in Excel/WPS and import (导入名册)."""

from __future__ import annotations

from pathlib import Path

from redtour.core.roster import FIELDS
from redtour.export.xlsx_stream import Column, XlsxStreamWriter

EXAMPLE = ("张三", "13800138000", "上海某某机械厂", "某某机械厂工会", "E0012", "")


def write_roster_template(path: Path, *, with_id_number: bool = False) -> None:
    fields = ["name", "mobile", "work_unit", "grassroots", "employee_no"] + (
        ["id_number"] if with_id_number else []
    )
    widths = {"name": 10, "mobile": 15, "work_unit": 30, "grassroots": 24, "employee_no": 10, "id_number": 22}
    columns = [
        Column(FIELDS[f][0], widths[f], text_format=f in ("mobile", "employee_no", "id_number"))
        for f in fields
    ]
    note = "请从第 4 行起每行填写一人；姓名、手机号必填；手机号、身份证号请保持文本格式。示例行可删除。"
    with XlsxStreamWriter(path, title="红色寻访参与人员名册") as xw:
        xw.add_sheet(
            "名册",
            columns,
            [list(EXAMPLE[: len(fields)])],
            preamble=[["百万职工红色寻访 参与人员名册"], [note]],
        )
