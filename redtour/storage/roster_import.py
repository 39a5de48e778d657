"""Roster import: read → validate → match against the database → apply, all in one transaction.

All-or-nothing (reliability.md finding #1): a file with any error changes nothing, and a crash or a
cancel mid-way rolls the single BEGIN IMMEDIATE transaction back. "merged" means the person (same
name and mobile) is already registered: their empty details are filled in, nothing is overwritten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update

from redtour.core.people import mask_mobile
from redtour.core.roster import ParsedRoster, RosterPerson, RowNote, parse_roster
from redtour.importing.spreadsheet import Cancelled, ImportCancelled, Progress, read_table
from redtour.storage import audit
from redtour.storage.batching import chunks, file_sha256
from redtour.storage.database import Database, Rollback
from redtour.storage.models import ImportBatchRow, ParticipantRow, TradeUnionRow
from redtour.storage.participation import add_members, ensure_union, new_uuid


@dataclass(frozen=True)
class PreviewRow:
    sheet_row: int
    name: str
    mobile_masked: str
    work_unit: str
    status: str  # added | merged | skipped | error
    note: str = ""


@dataclass
class RosterReport:
    file: str
    union: str
    sheet: str = ""
    added: int = 0
    merged: int = 0
    skipped: list[RowNote] = field(default_factory=list)
    errors: list[RowNote] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    repeated_file: bool = False
    applied: bool = False
    rows: list[PreviewRow] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "union": self.union,
            "applied": self.applied,
            "added": self.added,
            "merged": self.merged,
            "skipped": [n.as_dict() for n in self.skipped],
            "errors": [n.as_dict() for n in self.errors],
            "ignored_columns": list(self.ignored_columns),
            "repeated_file": self.repeated_file,
        }

    def summary(self) -> str:
        verb = "已导入" if self.applied else "预览（未写入）"
        text = f"{verb}：新增 {self.added} 人，合并 {self.merged} 人，跳过 {len(self.skipped)} 行"
        if self.errors:
            text += f"，{len(self.errors)} 行有错误，整份名册未导入"
        return text


def import_roster(
    db: Database,
    path: Path,
    union_name: str,
    *,
    group_id: int | None = None,
    dry_run: bool = False,
    with_id_number: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> RosterReport:
    """Read, check and (unless ``dry_run`` or any error) apply one roster file."""
    path = Path(path)
    table = read_table(path, progress=progress, cancelled=cancelled)
    parsed = parse_roster(table.rows, with_id_number=with_id_number)
    report = RosterReport(str(path), " ".join(union_name.split()), table.sheet)
    report.ignored_columns = parsed.header.ignored
    sha = file_sha256(path)
    with db.writing() as s:
        report.repeated_file = (
            s.scalar(select(ImportBatchRow.id).where(ImportBatchRow.sha256 == sha).limit(1)) is not None
        )
        to_add, to_merge = _match(s, parsed, report)
        if report.errors or dry_run:
            raise Rollback  # the report is complete: nothing has to be written to know what would happen
        _apply(s, parsed, report, to_add, to_merge, group_id, cancelled)
        detail = {
            "union": report.union,
            "added": report.added,
            "merged": report.merged,
            "skipped": len(report.skipped),
            "group": group_id,
        }
        audit.record_import(
            s, "roster", path.name, sha, added=report.added, merged=report.merged,
            skipped=len(report.skipped), detail=detail,
        )  # fmt: skip
        report.applied = True
    return report


def _match(
    s: Any, parsed: ParsedRoster, report: RosterReport
) -> tuple[list[RosterPerson], list[tuple[int, RosterPerson]]]:
    """Classify every row against the database (added, merged or an error) and fill the report. Reads only."""
    people = parsed.people
    existing: dict[str, tuple[int, str, int]] = {}  # mobile → (id, name, union_id)
    for chunk in chunks([p.mobile for p in people], 500):
        for pid, name, mobile, union_id in s.execute(
            select(
                ParticipantRow.id, ParticipantRow.name, ParticipantRow.mobile, ParticipantRow.union_id
            ).where(ParticipantRow.mobile.in_(chunk))
        ):
            existing[mobile] = (pid, name, union_id)
    id_owner: dict[str, str] = {}
    ids = [p.id_number for p in people if p.id_number]
    for chunk in chunks(ids, 500):
        for idn, mobile in s.execute(
            select(ParticipantRow.id_number, ParticipantRow.mobile).where(ParticipantRow.id_number.in_(chunk))
        ):
            id_owner[idn] = mobile or ""
    union_names = dict(s.execute(select(TradeUnionRow.id, TradeUnionRow.name)).all())

    errors = list(parsed.errors)
    to_add: list[RosterPerson] = []
    to_merge: list[tuple[int, RosterPerson]] = []
    for p in people:
        hit = existing.get(p.mobile)
        if p.id_number and p.id_number in id_owner and id_owner[p.id_number] != p.mobile:
            errors.append(
                RowNote(p.sheet_row, "身份证号已登记在另一位人员名下", p.name, mask_mobile(p.mobile))
            )
        elif hit is None:
            to_add.append(p)
        elif hit[1] != p.name:
            errors.append(
                RowNote(
                    p.sheet_row,
                    f"手机号 {mask_mobile(p.mobile)} 已登记为“{hit[1]}”（{union_names.get(hit[2], '')}）",
                    p.name,
                    mask_mobile(p.mobile),
                )
            )
        else:
            to_merge.append((hit[0], p))
    report.errors = sorted(errors, key=lambda n: n.sheet_row)
    report.skipped = list(parsed.skipped)
    report.added, report.merged = len(to_add), len(to_merge)
    status = {p.sheet_row: "added" for p in to_add} | {p.sheet_row: "merged" for _, p in to_merge}
    report.rows = [
        PreviewRow(p.sheet_row, p.name, mask_mobile(p.mobile), p.work_unit, status.get(p.sheet_row, "error"))
        for p in people
    ]
    return to_add, to_merge


def _apply(
    s: Any,
    parsed: ParsedRoster,
    report: RosterReport,
    to_add: list[RosterPerson],
    to_merge: list[tuple[int, RosterPerson]],
    group_id: int | None,
    cancelled: Cancelled | None,
) -> None:
    people = parsed.people
    top = ensure_union(s, report.union)
    unions: dict[str, int] = {"": top.id}
    for name in sorted({p.grassroots for p in to_add} - {""}):
        unions[name] = (top if name == top.name else ensure_union(s, name, parent=top)).id
    now = datetime.now()
    new_rows = [
        {
            "uuid": new_uuid(),
            "union_id": unions[p.grassroots],
            "name": p.name,
            "mobile": p.mobile,
            "work_unit": p.work_unit,
            "employee_no": p.employee_no,
            "id_number": p.id_number or None,
            "created": now,
            "updated": now,
        }
        for p in to_add
    ]
    for chunk in chunks(new_rows, 1000):  # short C-level executemany calls: the GUI thread gets the GIL back
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        s.execute(insert(ParticipantRow), chunk)
    _fill_empty_details(s, to_merge, now)
    if group_id is not None:
        mobiles = [p.mobile for p in people]
        ids_in_file: list[int] = []
        for batch in chunks(mobiles, 500):
            ids_in_file += s.scalars(select(ParticipantRow.id).where(ParticipantRow.mobile.in_(batch)))
        add_members(s, group_id, ids_in_file)


def _fill_empty_details(s: Any, to_merge: list[tuple[int, RosterPerson]], now: datetime) -> None:
    """Complete what the registered record lacks; a differing non-empty value is kept as it was."""
    by_id = dict(to_merge)
    updates: list[dict[str, Any]] = []
    for chunk in chunks(list(by_id), 500):
        rows = s.execute(
            select(
                ParticipantRow.id,
                ParticipantRow.work_unit,
                ParticipantRow.employee_no,
                ParticipantRow.id_number,
            ).where(ParticipantRow.id.in_(chunk))
        )
        for pid, work_unit, employee_no, id_number in rows:
            p = by_id[pid]
            values = {
                "work_unit": work_unit or p.work_unit,
                "employee_no": employee_no or p.employee_no,
                "id_number": id_number or p.id_number or None,
            }
            if values != {"work_unit": work_unit, "employee_no": employee_no, "id_number": id_number}:
                updates.append({"id": pid, **values, "updated": now})
    for batch in chunks(updates, 1000):
        s.execute(update(ParticipantRow), batch)
