"""The campaign request template users download, fill in Excel/WPS and import (活动报名表)."""

from __future__ import annotations

from pathlib import Path

from redtour.core.campaign_requests import FIELDS
from redtour.export.xlsx_stream import Column, XlsxStreamWriter

ORDER = (
    "union", "name", "people", "earliest", "latest", "no_weekdays", "must", "optional", "start", "mode",
    "start_time", "return_by", "leader", "phone", "split",
)  # fmt: skip
WIDTHS = {"union": 22, "name": 16, "must": 30, "optional": 30, "start": 24, "phone": 14}
EXAMPLE = (
    "某某机械厂工会", "第一组", "25", "2026-12-08", "2026-12-20", "周六、周日", "顾正红纪念馆",
    "沪西工人半日学校、湖州会馆", "顾正红纪念馆", "包车", "09:00", "16:30", "张三", "13800138000", "是",
)  # fmt: skip


def write_request_template(path: Path) -> None:
    columns = [
        Column(
            FIELDS[f][0],
            WIDTHS.get(f, 12),
            text_format=f in ("earliest", "latest", "phone", "start_time", "return_by"),
        )
        for f in ORDER
    ]
    note = (
        "每行一个团队；工会、团队、人数、最早日期、最晚日期、出发地必填。场馆可用 、 ， , ; 或换行分隔；"
        "出发地可填场馆名或“纬度,经度”；交通方式：包车/地铁/步行。示例行可删除。"
    )
    with XlsxStreamWriter(path, title="红色寻访活动报名表") as xw:
        xw.add_sheet(
            "报名表", columns, [list(EXAMPLE)], preamble=[["百万职工红色寻访 活动团队报名表"], [note]]
        )
