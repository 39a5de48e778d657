"""Participation logs as .csv (UTF-8 with BOM: Chinese Excel/WPS open it as UTF-8) and .xlsx.

Rows come in as plain tuples (``LOG_FIELDS`` order) from any iterator, so a million rows stream
through without being held in memory. Mobiles are masked unless ``full_phone``; text that a
spreadsheet could run as a formula (= + - @ tab CR, full-width too) is defused in every column, ids
included (export/cells.py): a leading ' in CSV, an inline string with a quote-prefix style in xlsx. The identifiers (记录编号, 人员编号 …) let another
office import the log and merge it without duplicates.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from redtour.core.participation import Stats
from redtour.core.people import mask_mobile
from redtour.export.cells import RISKY_START, csv_row
from redtour.export.xlsx_charts import summary_charts
from redtour.export.xlsx_stream import MAX_ROWS, Column, XlsxStreamWriter

#: (header, width, kind) in file order; the importer of logs matches these headers.
LOG_COLUMNS: tuple[Column, ...] = (
    Column("日期", 11, "date"),
    Column("场馆", 26),
    Column("场馆编号", 16),
    Column("姓名", 10),
    Column("工作单位", 28),
    Column("工会", 22),
    Column("上级工会", 22),
    Column("手机号", 13),
    Column("工号", 10),
    Column("团队", 20),
    Column("记录编号", 38),
    Column("人员编号", 38),
    Column("团队编号", 38),
)
MOBILE_COLUMN = 7


def defuse(text: str) -> str:
    """OWASP CSV-injection rule: a cell that starts like a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(RISKY_START) else text


@dataclass(frozen=True)
class ExportInfo:
    exporter: str
    filter_text: str
    full_phone: bool
    at: datetime

    def notice(self) -> str:
        phones = "含完整手机号" if self.full_phone else "手机号已脱敏"
        return f"由 {self.exporter} 于 {self.at:%Y-%m-%d %H:%M} 导出；筛选：{self.filter_text}；{phones}；仅限工会工作使用"


def _prepared(
    rows: Iterable[Sequence[object]], full_phone: bool, *, csv_text: bool
) -> Iterator[list[object]]:
    """Rows ready to write: mobile masked unless ``full_phone``; day as ISO text (CSV) or a date (xlsx);
    in CSV every cell is cleaned and defused (xlsx cells are cleaned by the writer, as inline strings)."""
    m = MOBILE_COLUMN
    for row in rows:
        out: list[Any] = list(row)
        if not full_phone and out[m]:
            out[m] = mask_mobile(out[m])
        day = out[0]
        if csv_text:
            if isinstance(day, date):
                out[0] = day.isoformat()
            out = csv_row(out)
        elif isinstance(day, str):
            out[0] = date.fromisoformat(day)
        yield out


def write_log_csv(path: Path, rows: Iterable[Sequence[object]], *, full_phone: bool = False) -> int:
    n = 0
    with Path(path).open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow([c.title for c in LOG_COLUMNS])
        for row in _prepared(rows, full_phone, csv_text=True):
            w.writerow(row)
            n += 1
    return n


def _summary_rows(stats: dict[str, Stats], target: int | None) -> list[list[object]]:
    total = stats["total"]
    out: list[list[object]] = [["合计", total.participants, total.visits]]
    if target:
        out.append([f"目标 {target} 人，已完成 {(total.progress(target) or 0) * 100:.1f}%"])
    for key, title in (("union", "按工会"), ("venue", "按场馆"), ("month", "按月份")):
        s = stats.get(key)
        if s is None:
            continue
        out += [[], [f"【{title}】"]]
        out += [[r.label, r.participants, r.visits] for r in s.rows]
    return out


def write_log_xlsx(
    path: Path,
    rows: Iterable[Sequence[object]],
    *,
    stats: dict[str, Stats],
    info: ExportInfo,
    target: int | None = None,
    rows_per_sheet: int = MAX_ROWS - 1,
) -> int:
    """A 汇总 sheet (totals by union, venue and month) then 明细 sheets, split at Excel's row limit."""
    detail = _prepared(rows, info.full_phone, csv_text=False)
    total = 0
    with XlsxStreamWriter(path, creator=info.exporter, title="百万职工红色寻访参与记录") as xw:
        summary = _summary_rows(stats, target)
        xw.add_sheet(
            "汇总",
            [Column("项目", 34), Column("人数", 12, "number"), Column("人次", 12, "number")],
            summary,
            preamble=[["百万职工红色寻访参与情况汇总"], [info.notice()]],
            freeze_header=False,
            charts=summary_charts(summary, "汇总", first_row=4),  # live charts by month and by venue
        )
        part = 1
        while True:
            name = "明细" if part == 1 else f"明细{part}"
            n = xw.add_sheet(name, LOG_COLUMNS, detail, limit=rows_per_sheet)
            total += n
            if n < rows_per_sheet:
                break
            part += 1
    return total
