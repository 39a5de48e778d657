"""Import another office's participation log (a redtour .xlsx/.csv export) and merge it idempotently.

The rows become records (unions, people, groups, visits with their identifiers) that the merge engine
(storage/merge.py) applies under the exchange's rules: a visit already present (same 记录编号, or the same
person, venue and day) is left alone, so importing the same log twice changes nothing; a record known here with
different content (a 人员编号 under another name, a 记录编号 for another day) is a conflict shown with both
values, and nothing is applied unless the user keeps this office's version (``keep_mine``).
"""

from __future__ import annotations

import uuid as uuid_mod
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redtour.core.people import InvalidValue, clean_text, normalise_mobile
from redtour.core.roster import RowNote, check_name, check_text
from redtour.export.participation_log import LOG_COLUMNS
from redtour.importing.spreadsheet import Cancelled, Progress, SpreadsheetError, read_table
from redtour.storage import audit
from redtour.storage.batching import file_sha256
from redtour.storage.database import Database
from redtour.storage.merge import MergeCounts, Record, run_merge
from redtour.storage.models import VenueRow
from redtour.storage.participation import union_kind

REQUIRED = ("日期", "场馆编号", "姓名", "工会", "记录编号", "人员编号")


@dataclass
class LogImportReport:
    file: str
    counts: MergeCounts = field(default_factory=MergeCounts)
    skipped: list[RowNote] = field(default_factory=list)
    errors: list[RowNote] = field(default_factory=list)

    @property
    def added(self) -> int:  # visits
        return self.counts.added["visits"]

    @property
    def merged(self) -> int:  # visits already here
        return self.counts.unchanged["visits"]

    @property
    def people_added(self) -> int:
        return self.counts.added["participants"]

    @property
    def conflicts(self) -> list[str]:
        return self.counts.conflicts

    @property
    def applied(self) -> bool:
        return self.counts.applied

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "applied": self.applied,
            "added": self.added,
            "merged": self.merged,
            "people_added": self.people_added,
            "skipped": [n.as_dict() for n in self.skipped],
            "errors": [n.as_dict() for n in self.errors],
            "conflicts": self.conflicts,
        }

    def summary(self) -> str:
        verb = "已导入" if self.applied else "未导入"
        text = (
            f"{verb}：新增 {self.added} 条参与记录（新增人员 {self.people_added} 人），已有 {self.merged} 条"
        )
        if self.errors:
            text += f"；{len(self.errors)} 行有错误，整个文件未导入"
        elif self.conflicts and self.applied:
            text += f"；{len(self.conflicts)} 处冲突保留了本机内容"
        elif self.conflicts:
            text += f"；{len(self.conflicts)} 处冲突（两边内容不同），整个文件未导入"
            if not self.counts.refused:
                text += "（确认以本机为准后可用 --keep-mine 导入其余内容）"
        return text


def _as_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean_text(value).replace("/", "-").replace(".", "-")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"日期无效：{clean_text(value)}") from None


def _as_uuid(value: object, label: str) -> str:
    text = clean_text(value).lstrip("'")
    try:
        return str(uuid_mod.UUID(text))
    except ValueError:
        raise InvalidValue(f"{label}无效：{text[:40]}") from None


def _text(value: object, label: str = "", limit: int = 200) -> str:
    """A text cell by the roster's rules (visible characters, bounded), with the export's guard undone."""
    if isinstance(value, str) and value.startswith("'"):
        value = value[1:]  # undo the export's formula guard
    return check_text(value, label or "单元格", limit)


def import_log(
    db: Database,
    path: Path,
    *,
    dry_run: bool = False,
    keep_mine: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> LogImportReport:
    path = Path(path)
    sheet = "明细" if path.suffix.lower() in (".xlsx", ".xlsm") else None
    table = read_table(path, sheet=sheet, progress=progress, cancelled=cancelled)
    rows = table.rows
    header = [clean_text(c) for c in (rows[0] if rows else [])]
    missing = [h for h in REQUIRED if h not in header]
    if missing:
        raise SpreadsheetError(
            f"{path.name} 不是 redtour 导出的参与记录：缺少“{'、'.join(missing)}”列（名册请用“导入名册”）"
        )
    col = {h: header.index(h) for h in (c.title for c in LOG_COLUMNS) if h in header}
    report = LogImportReport(str(path))
    with db.reading() as s:
        venues = set(s.scalars(select(VenueRow.id)))
    parsed = _parse(rows[1:], col, venues, report)
    if report.errors:
        return report
    sha = file_sha256(path)

    def record(s: Session) -> None:
        detail = {
            "added": report.added,
            "merged": report.merged,
            "people_added": report.people_added,
            "conflicts_kept_local": len(report.conflicts),
        }
        audit.record_import(
            s, "log", path.name, sha, added=report.added, merged=report.merged,
            skipped=len(report.skipped), detail=detail,
        )  # fmt: skip

    run_merge(
        db,
        _records(parsed),
        report.counts,
        dry_run=dry_run,
        keep_mine=keep_mine,
        record=record,
        theirs="文件",
    )
    return report


def _parse(
    rows: list[list[object]], col: dict[str, int], venues: set[str], report: LogImportReport
) -> list[dict[str, Any]]:
    def cell(r: list[object], name: str) -> object:
        i = col.get(name)
        return r[i] if i is not None and i < len(r) else None

    parsed: list[dict[str, Any]] = []
    for index, r in enumerate(rows, start=2):
        if not any(clean_text(c) for c in r):
            continue
        try:
            venue = _text(cell(r, "场馆编号"), "场馆编号", 64)
            if venue not in venues:
                raise InvalidValue(f"场馆编号“{venue}”在本机场馆目录中不存在")
            mobile_text = _text(cell(r, "手机号"), "手机号", 40)
            try:
                mobile: str | None = normalise_mobile(mobile_text) if "*" not in mobile_text else None
            except InvalidValue:
                mobile = None
            group_uuid = _text(cell(r, "团队编号"), "团队编号", 40)
            p = {
                "row": index,
                "day": _as_date(cell(r, "日期")),
                "venue": venue,
                "name": check_name(cell(r, "姓名")),
                "work_unit": _text(cell(r, "工作单位"), "工作单位"),
                "union": _text(cell(r, "工会"), "工会"),
                "parent": _text(cell(r, "上级工会"), "上级工会"),
                "mobile": mobile,
                "employee_no": _text(cell(r, "工号"), "工号", 40),
                "group": _text(cell(r, "团队"), "团队"),
                "group_uuid": _as_uuid(group_uuid, "团队编号") if group_uuid else "",
                "visit_uuid": _as_uuid(cell(r, "记录编号"), "记录编号"),
                "person_uuid": _as_uuid(cell(r, "人员编号"), "人员编号"),
            }
            if not p["name"] or not p["union"]:
                raise InvalidValue("缺少姓名或工会")
            parsed.append(p)
        except InvalidValue as exc:
            report.errors.append(RowNote(index, str(exc)))
    return parsed


def _union_uuid(name: str) -> str:
    """A log names unions without identifiers: a stable one per name, so a dry run reports what the real
    run does and the merge finds the union by name wherever it already exists."""
    return str(uuid_mod.uuid5(uuid_mod.NAMESPACE_URL, "redtour:union:" + name))


def _records(parsed: list[dict[str, Any]]) -> dict[str, list[Record]]:
    """The rows as the merge engine's records. A person is compared on the fields a log carries (the mobile
    only when written in full); a group on its name alone (its day and venues are only inferred from visits)."""
    unions: dict[str, Record] = {}
    people: dict[str, Record] = {}
    groups: dict[str, Record] = {}
    visits: list[Record] = []
    now = datetime.now()
    for p in parsed:
        at = f"第 {p['row']} 行"
        union = _union_uuid(p["union"])
        if p["parent"]:
            unions.setdefault(
                _union_uuid(p["parent"]),
                {"uuid": _union_uuid(p["parent"]), "name": p["parent"], "kind": union_kind(p["parent"]),
                 "parent": None},
            )  # fmt: skip
        unions.setdefault(
            union,
            {"uuid": union, "name": p["union"], "parent": _union_uuid(p["parent"]) if p["parent"] else None,
             "kind": "grassroots" if p["parent"] else union_kind(p["union"])},
        )  # fmt: skip
        known = ("name", "work_unit", "employee_no") + (("mobile",) if p["mobile"] else ())
        people.setdefault(
            p["person_uuid"],
            {"uuid": p["person_uuid"], "union": union, "name": p["name"], "mobile": p["mobile"],
             "work_unit": p["work_unit"], "employee_no": p["employee_no"], "_compare": known, "_at": at},
        )  # fmt: skip
        gu = p["group_uuid"]
        if gu:
            g = groups.setdefault(
                gu,
                {"uuid": gu, "union": union, "name": p["group"] or "导入的团队", "leader": "", "day": p["day"],
                 "venues": [], "_compare": ("name",), "_at": at},
            )  # fmt: skip
            if p["venue"] not in g["venues"]:
                g["venues"].append(p["venue"])
        visits.append(
            {"uuid": p["visit_uuid"], "participant": p["person_uuid"], "venue": p["venue"], "day": p["day"],
             "group": gu or None, "union": union, "recorded": now, "_at": at},
        )  # fmt: skip
    for g in groups.values():
        g["venues"].sort()
    return {
        "unions": list(unions.values()),
        "participants": list(people.values()),
        "groups": list(groups.values()),
        "visits": visits,
    }
