"""Holiday years: the bundled official file, the years staff entered (user database), and import files."""

from __future__ import annotations

import csv
import io
import json
import tomllib
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from redtour import paths
from redtour.core.errors import RedtourError
from redtour.core.holidays import HolidayCalendar, HolidayDataError, HolidayYear, year_from_dict, year_to_dict
from redtour.storage import audit
from redtour.storage.database import Database
from redtour.storage.models import HolidayYearRow


def bundled_holidays_path() -> Path:
    return paths.resource("catalogue", "holidays.toml")


@lru_cache(maxsize=4)
def read_bundled(path: Path) -> tuple[HolidayYear, ...]:
    """The official years shipped with the catalogue (the file is read-only: read once per path)."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        return tuple(year_from_dict(d) for d in data.get("years", ()))
    except FileNotFoundError:
        return ()
    except (tomllib.TOMLDecodeError, HolidayDataError) as exc:
        raise RedtourError(f"节假日数据文件 {path.name} 有误：{exc}") from exc


def _year(row: HolidayYearRow) -> HolidayYear:
    y = year_from_dict(row.data, origin="entered")
    return HolidayYear(**{**y.__dict__, "entered_by": row.entered_by, "entered_at": row.entered_at})


class HolidayRepository:
    """Years staff entered. Saving a year replaces the one entered before (the audit log keeps both)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def entered(self) -> list[HolidayYear]:
        with self.db.reading() as s:
            return [_year(r) for r in s.scalars(select(HolidayYearRow).order_by(HolidayYearRow.year))]

    def save(self, year: HolidayYear, by: str | None = None) -> HolidayYear:
        data = year_to_dict(year)
        year_from_dict(data, origin="entered")  # validated again: nothing half-valid is stored
        who = (by or audit.current_actor()).strip()[:100] or "unknown"
        now = datetime.now().replace(microsecond=0)
        with self.db.writing() as s:
            row = s.get(HolidayYearRow, year.year)
            if row is None:
                row = HolidayYearRow(year=year.year)
                s.add(row)
            row.data, row.notice_no, row.notice_url = data, year.notice_no, year.notice_url
            row.entered_by, row.entered_at = who, now
            audit.record(s, "holidays.enter", {"year": year.year, "notice_no": year.notice_no}, actor=who)
        return HolidayYear(**{**year.__dict__, "origin": "entered", "entered_by": who, "entered_at": now})

    def delete(self, year: int) -> None:
        with self.db.writing() as s:
            row = s.get(HolidayYearRow, year)
            if row is not None:
                s.delete(row)
                audit.record(s, "holidays.delete", {"year": year})


def load_calendar(db: Database | None = None, bundled: Path | None = None) -> HolidayCalendar:
    """The calendar in use: the bundled official years plus the years entered in ``db``."""
    official = read_bundled(bundled or bundled_holidays_path())
    return HolidayCalendar.of(official, HolidayRepository(db).entered() if db is not None else ())


# --- import files (docs/user-guide.md 「录入新一年的节假日」) ------------------------------------------------

CSV_HEADER = ("类型", "名称", "开始", "结束")


def parse_import(path: Path) -> HolidayYear:
    """Read a year from a .toml, .json or .csv file; every problem is reported at once (HolidayDataError)."""
    suffix = path.suffix.lower()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise HolidayDataError([f"无法读取文件 {path.name}：{exc.strerror or exc}"]) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise HolidayDataError([f"文件 {path.name} 不是 UTF-8 编码，请另存为 UTF-8 后再导入"]) from None
    try:
        if suffix == ".toml":
            data: dict[str, Any] = tomllib.loads(text)
        elif suffix == ".json":
            data = json.loads(text)
        elif suffix == ".csv":
            data = _csv_year(text)
        else:
            raise HolidayDataError(
                [f"不支持的文件类型 {suffix or '（无扩展名）'}：请用 .toml、.json 或 .csv"]
            )
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise HolidayDataError([f"文件 {path.name} 格式有误：{exc}"]) from exc
    if not isinstance(data, dict):
        raise HolidayDataError([f"文件 {path.name} 应是一个对象（year、holidays、workdays …）"])
    return year_from_dict(data, origin="entered")


def _csv_year(text: str) -> dict[str, Any]:
    """CSV rows: 类型,名称,开始,结束 with 类型 one of 年份/文号/日期/网址/放假/上班."""
    data: dict[str, Any] = {"holidays": [], "workdays": []}
    keys = {"年份": "year", "文号": "notice_no", "日期": "notice_date", "网址": "notice_url"}
    problems = []
    for n, row in enumerate(csv.reader(io.StringIO(text)), 1):
        cells = [c.strip() for c in row] + [""] * 4
        kind = cells[0]
        if not kind or (n == 1 and tuple(cells[:4]) == CSV_HEADER):
            continue
        if kind in keys:
            data[keys[kind]] = cells[1]
        elif kind == "放假":
            data["holidays"].append({"name": cells[1], "start": cells[2], "end": cells[3] or cells[2]})
        elif kind == "上班":
            data["workdays"].append(cells[2] or cells[1])
        else:
            problems.append(f"第{n}行：类型“{kind}”应为 年份、文号、日期、网址、放假 或 上班")
    if problems:
        raise HolidayDataError(problems)
    return data
