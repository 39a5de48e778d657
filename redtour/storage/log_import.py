"""Import another office's participation log (a redtour .xlsx/.csv export) and merge it idempotently.

Records are matched by their identifiers: a visit already present (same 记录编号, or the same person,
venue and day) is left alone, so importing the same log twice changes nothing. A person whose 人员编号
is known here under a different name is a conflict: reported, never overwritten, and nothing is applied.
"""

from __future__ import annotations

import uuid as uuid_mod
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from redtour.core.participation import month_of
from redtour.core.people import InvalidValue, clean_text, normalise_mobile
from redtour.core.roster import RowNote, check_name, check_text
from redtour.export.participation_log import LOG_COLUMNS
from redtour.importing.spreadsheet import Cancelled, Progress, SpreadsheetError, read_table
from redtour.storage import audit
from redtour.storage.batching import chunks, file_sha256
from redtour.storage.database import Database, Rollback
from redtour.storage.models import (
    ImportBatchRow,
    ParticipantRow,
    TourGroupRow,
    TradeUnionRow,
    VenueRow,
    VisitRow,
)
from redtour.storage.participation import ensure_union, insert_ignoring_duplicates

REQUIRED = ("日期", "场馆编号", "姓名", "工会", "记录编号", "人员编号")


@dataclass
class LogImportReport:
    file: str
    added: int = 0  # visits
    merged: int = 0  # visits already here
    people_added: int = 0
    skipped: list[RowNote] = field(default_factory=list)
    errors: list[RowNote] = field(default_factory=list)
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "applied": self.applied,
            "added": self.added,
            "merged": self.merged,
            "people_added": self.people_added,
            "skipped": [n.as_dict() for n in self.skipped],
            "errors": [n.as_dict() for n in self.errors],
        }

    def summary(self) -> str:
        verb = "已导入" if self.applied else "未导入"
        text = (
            f"{verb}：新增 {self.added} 条参与记录（新增人员 {self.people_added} 人），已有 {self.merged} 条"
        )
        if self.errors:
            text += f"；{len(self.errors)} 行有错误或冲突，整个文件未导入"
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
    sha = file_sha256(path)
    with db.writing() as s:
        _apply(s, rows[1:], col, report)
        if report.errors or dry_run:
            raise Rollback
        s.add(
            ImportBatchRow(
                kind="log",
                file_name=path.name,
                sha256=sha,
                added=report.added,
                merged=report.merged,
                skipped=len(report.skipped),
                at=datetime.now(),
            )
        )
        audit.record(
            s,
            "log.import",
            {
                "file": path.name,
                "sha256": sha,
                "added": report.added,
                "merged": report.merged,
                "people_added": report.people_added,
            },
        )
        report.applied = True
    return report


def _apply(s: Any, rows: list[list[object]], col: dict[str, int], report: LogImportReport) -> None:
    def cell(r: list[object], name: str) -> object:
        i = col.get(name)
        return r[i] if i is not None and i < len(r) else None

    venues = set(s.scalars(select(VenueRow.id)))
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
            parsed.append(
                {
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
            )
            if not parsed[-1]["name"] or not parsed[-1]["union"]:
                raise InvalidValue("缺少姓名或工会")
        except InvalidValue as exc:
            if parsed and parsed[-1]["row"] == index:
                parsed.pop()
            report.errors.append(RowNote(index, str(exc)))
    if report.errors:
        return

    # People: by identifier; a known identifier with another name is a conflict.
    people: dict[str, int] = {}
    first_row: dict[str, dict[str, Any]] = {}
    for p in parsed:
        first_row.setdefault(p["person_uuid"], p)
    for chunk in chunks(list(first_row), 500):
        for pid, puuid, name in s.execute(
            select(ParticipantRow.id, ParticipantRow.uuid, ParticipantRow.name).where(
                ParticipantRow.uuid.in_(chunk)
            )
        ):
            p = first_row[puuid]
            if name != p["name"]:
                report.errors.append(
                    RowNote(p["row"], f"人员编号 {puuid[:8]}… 在本机登记为“{name}”，文件中为“{p['name']}”")
                )
            people[puuid] = pid
    if report.errors:
        return
    unions: dict[str, TradeUnionRow] = {}

    def union_of(p: dict[str, Any]) -> TradeUnionRow:
        key = p["union"]
        if key not in unions:
            parent = ensure_union(s, p["parent"]) if p["parent"] else None
            unions[key] = ensure_union(s, key, parent=parent)
        return unions[key]

    now = datetime.now()
    for puuid, p in first_row.items():
        if puuid in people:
            continue
        if p["mobile"]:
            same = s.scalar(
                select(ParticipantRow.id).where(
                    ParticipantRow.name == p["name"], ParticipantRow.mobile == p["mobile"]
                )
            )
            if same is not None:  # registered here from a roster, under a local identifier
                people[puuid] = same
                continue
        row = ParticipantRow(
            uuid=puuid,
            union_id=union_of(p).id,
            name=p["name"],
            mobile=p["mobile"],
            work_unit=p["work_unit"],
            employee_no=p["employee_no"],
            created=now,
            updated=now,
        )
        s.add(row)
        s.flush()
        people[puuid] = row.id
        report.people_added += 1

    groups: dict[str, int] = {}
    for p in parsed:
        gu = p["group_uuid"]
        if not gu or gu in groups:
            continue
        gid = s.scalar(select(TourGroupRow.id).where(TourGroupRow.uuid == gu))
        if gid is None:
            g = TourGroupRow(
                uuid=gu,
                union_id=union_of(p).id,
                name=p["group"] or "导入的团队",
                day=p["day"],
                venue_ids=sorted({q["venue"] for q in parsed if q["group_uuid"] == gu}),
                created=now,
            )
            s.add(g)
            s.flush()
            gid = g.id
        groups[gu] = gid

    # A visit id known here for another person, venue or day: a conflict, never counted as "already here".
    by_uuid = {p["visit_uuid"]: p for p in parsed}
    for chunk in chunks(list(by_uuid), 500):
        for vuuid, pid, venue, day in s.execute(
            select(VisitRow.uuid, VisitRow.participant_id, VisitRow.venue_id, VisitRow.day).where(
                VisitRow.uuid.in_(chunk)
            )
        ):
            p = by_uuid[vuuid]
            if (pid, venue, day) != (people[p["person_uuid"]], p["venue"], p["day"]):
                report.errors.append(
                    RowNote(
                        p["row"],
                        f"记录编号 {vuuid[:8]}… 本机为 {day} {venue}，文件中为 {p['day']} {p['venue']}（两边不同）",
                    )
                )
    if report.errors:
        report.errors.sort(key=lambda n: n.sheet_row)
        return
    # The visit is credited to the union in its row (the exporting office's), not the person's union here.
    visits = [
        {
            "uuid": p["visit_uuid"],
            "participant_id": people[p["person_uuid"]],
            "venue_id": p["venue"],
            "day": p["day"],
            "month": month_of(p["day"]),
            "union_id": union_of(p).id,
            "group_id": groups.get(p["group_uuid"]),
            "source": "import",
            "recorded": now,
        }
        for p in parsed
    ]
    before = s.scalar(select(VisitRow.id).order_by(VisitRow.id.desc()).limit(1)) or 0
    for batch in chunks(visits, 1000):
        s.execute(insert_ignoring_duplicates(s, VisitRow), batch)

    report.added = int(s.scalar(select(func.count(VisitRow.id)).where(VisitRow.id > before)) or 0)
    report.merged = len(visits) - report.added
