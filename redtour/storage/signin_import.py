"""Bulk check-in from a sign-in sheet: every row must match exactly one person, or nothing is recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from redtour.core.people import InvalidValue, clean_text, mask_mobile, normalise_mobile, normalise_name
from redtour.core.roster import HEADER_SCAN_ROWS, RosterFormatError, RowNote, data_rows, match_header
from redtour.importing.spreadsheet import read_table
from redtour.storage import audit
from redtour.storage.database import Database, Rollback
from redtour.storage.models import GroupMemberRow, ParticipantRow, TourGroupRow
from redtour.storage.participation import checkin_in_session, union_and_children


@dataclass
class SigninReport:
    file: str
    matched: int = 0
    visits: list[int] = field(default_factory=list)  # created visit ids (for undo)
    people: list[int] = field(default_factory=list)  # participant ids matched (for redo)
    errors: list[RowNote] = field(default_factory=list)
    skipped: list[RowNote] = field(default_factory=list)
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "applied": self.applied,
            "matched": self.matched,
            "visits": len(self.visits),
            "skipped": [n.as_dict() for n in self.skipped],
            "errors": [n.as_dict() for n in self.errors],
        }


def checkin_from_file(
    db: Database, group_id: int, path: Path, venue_ids: list[str] | None = None, *, dry_run: bool = False
) -> SigninReport:
    table = read_table(Path(path))
    rows = table.rows
    header_index, cols = next(
        ((i, c) for i, r in enumerate(rows[:HEADER_SCAN_ROWS]) if "name" in (c := match_header(r))),
        (None, {}),
    )
    if header_index is None:
        raise RosterFormatError(f"{Path(path).name} 的前 {HEADER_SCAN_ROWS} 行中找不到“姓名”列")
    report = SigninReport(str(path))
    with db.writing() as s:
        group = s.get(TourGroupRow, group_id)
        if group is None:
            raise LookupError(f"没有编号为 {group_id} 的团队")
        members = set(
            s.scalars(select(GroupMemberRow.participant_id).where(GroupMemberRow.group_id == group_id))
        )
        pool = select(ParticipantRow.id, ParticipantRow.name, ParticipantRow.mobile)
        pool = (
            pool.where(ParticipantRow.id.in_(members))
            if members
            else pool.where(ParticipantRow.union_id.in_(union_and_children(s, group.union_id)))
        )
        people = s.execute(pool).all()
        by_mobile = {m: (pid, n) for pid, n, m in people if m}
        by_name: dict[str, list[int]] = {}
        for pid, n, _m in people:
            by_name.setdefault(n, []).append(pid)
        chosen: dict[int, int] = {}
        for sheet_row, r in data_rows(rows, header_index, report.skipped):
            name = normalise_name(r[cols["name"]] if cols["name"] < len(r) else "")
            raw_mobile = r[cols["mobile"]] if "mobile" in cols and cols["mobile"] < len(r) else None
            if clean_text(raw_mobile):
                try:
                    mobile = normalise_mobile(raw_mobile)
                except InvalidValue as exc:
                    report.errors.append(RowNote(sheet_row, str(exc)))
                    continue
                hit = by_mobile.get(mobile)
                if hit is None or hit[1] != name:
                    report.errors.append(RowNote(sheet_row, f"名单中没有 {name}（{mask_mobile(mobile)}）"))
                    continue
                pid = hit[0]
            else:
                ids = by_name.get(name, [])
                if len(ids) != 1:
                    reason = (
                        "名单中没有" if not ids else f"名单中有 {len(ids)} 位同名人员，请填写手机号区分："
                    )
                    report.errors.append(RowNote(sheet_row, f"{reason}{name}"))
                    continue
                pid = ids[0]
            if pid in chosen:
                report.skipped.append(RowNote(sheet_row, f"与第 {chosen[pid]} 行重复（{name}）"))
                continue
            chosen[pid] = sheet_row
        report.matched = len(chosen)
        report.people = list(chosen)
        if report.errors or dry_run:
            raise Rollback
        report.visits = checkin_in_session(s, group_id, list(chosen), venue_ids, source="file")
        audit.record(
            s,
            "checkin.file",
            {
                "group": group_id,
                "file": Path(path).name,
                "people": len(chosen),
                "visits": len(report.visits),
            },
        )
        report.applied = True
    return report
