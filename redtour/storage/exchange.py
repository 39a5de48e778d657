"""Exchange packages: a union's people, groups and visits, moved between offices that work offline.

A package is a zip: ``manifest.json`` (format, version, exporter, union, counts, the SHA-256 of every part) and
JSON Lines parts (``unions``, ``participants``, ``groups``, ``visits``), every record with its UUID. Importing
matches records by UUID, so a second import of the same package changes nothing. A record that exists here
with different content (someone edited it on one side) is a conflict: reported with both values, and nothing
is applied — never silently overwritten. ID numbers are not exchanged (data minimisation).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from redtour import __version__
from redtour.core.errors import CannotWriteError, os_error_message
from redtour.core.participation import month_of
from redtour.core.people import mask_mobile
from redtour.storage import audit
from redtour.storage.batching import chunks
from redtour.storage.database import Database, Rollback
from redtour.storage.exchange_read import FORMAT, PARTS, VERSION, ExchangeError, read_package
from redtour.storage.models import ParticipantRow, TourGroupRow, TradeUnionRow, VenueRow, VisitRow
from redtour.storage.participation import insert_ignoring_duplicates, union_and_children

__all__ = ["ExchangeError", "ExchangeReport", "export_package", "import_package"]


@dataclass
class ExchangeReport:
    file: str
    union: str = ""
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PARTS, 0))
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PARTS, 0))
    conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # invalid records: "visits.jsonl 第 3 行：…"
    refused: bool = False  # a conflict no choice can resolve (venues missing here)
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "union": self.union,
            "applied": self.applied,
            "added": self.added,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
            "errors": self.errors,
        }

    def summary(self) -> str:
        head = "已导入" if self.applied else "未导入"
        text = (
            f"{head}：新增 {self.added['participants']} 人、{self.added['groups']} 个团队、"
            f"{self.added['visits']} 条参与记录；已有 {self.unchanged['visits']} 条记录未变"
        )
        if self.errors:
            return f"未导入：交换包中有 {len(self.errors)} 条记录不符合名册规则，整个交换包未导入"
        if self.conflicts and self.applied:
            text += f"；{len(self.conflicts)} 处冲突保留了本机内容"
        elif self.conflicts:
            text += f"；{len(self.conflicts)} 处冲突（两边内容不同），整个交换包未导入"
            if not self.refused:
                text += "（确认以本机为准后可用 --keep-mine 导入其余内容）"
        return text


def _jsonl(rows: Iterator[dict[str, Any]]) -> Iterator[bytes]:
    for row in rows:
        yield (json.dumps(row, ensure_ascii=False, separators=(",", ":"), default=str) + "\n").encode()


def export_package(db: Database, union_name: str, out: Path) -> dict[str, int]:
    """Write the union's (and its grassroots unions') records to ``out`` atomically; audited."""
    out = Path(out)
    with db.reading() as s:
        top = s.scalar(select(TradeUnionRow).where(TradeUnionRow.name == " ".join(union_name.split())))
        if top is None:
            raise LookupError(f"没有名为“{union_name}”的工会")
        ids = union_and_children(s, top.id)
        unions = {u.id: u for u in s.scalars(select(TradeUnionRow).where(TradeUnionRow.id.in_(ids)))}
        parents = {u.id: u.uuid for u in s.scalars(select(TradeUnionRow))}

        def union_rows() -> Iterator[dict[str, Any]]:
            for u in unions.values():
                yield {
                    "uuid": u.uuid,
                    "name": u.name,
                    "kind": u.kind,
                    "parent": parents.get(u.parent_id) if u.parent_id and u.id != top.id else None,
                }

        people_uuid: dict[int, str] = {}

        def participant_rows() -> Iterator[dict[str, Any]]:
            for p in s.scalars(
                select(ParticipantRow).where(ParticipantRow.union_id.in_(ids)).order_by(ParticipantRow.id)
            ):
                people_uuid[p.id] = p.uuid
                yield {
                    "uuid": p.uuid,
                    "union": unions[p.union_id].uuid,
                    "name": p.name,
                    "mobile": p.mobile,
                    "work_unit": p.work_unit,
                    "employee_no": p.employee_no,
                }

        group_uuid: dict[int, str] = {}

        def group_rows() -> Iterator[dict[str, Any]]:
            for g in s.scalars(
                select(TourGroupRow).where(TourGroupRow.union_id.in_(ids)).order_by(TourGroupRow.id)
            ):
                group_uuid[g.id] = g.uuid
                yield {
                    "uuid": g.uuid,
                    "union": unions[g.union_id].uuid,
                    "name": g.name,
                    "leader": g.leader,
                    "day": g.day.isoformat(),
                    "venues": list(g.venue_ids or []),
                }

        def visit_rows() -> Iterator[dict[str, Any]]:
            stmt = select(VisitRow).where(VisitRow.union_id.in_(ids)).order_by(VisitRow.id)
            for v in s.execute(stmt.execution_options(yield_per=5000)).scalars():
                yield {
                    "uuid": v.uuid,
                    "participant": people_uuid[v.participant_id],
                    "venue": v.venue_id,
                    "day": v.day.isoformat(),
                    "group": group_uuid.get(v.group_id) if v.group_id else None,
                    "source": v.source,
                    "recorded": v.recorded.isoformat(timespec="seconds"),
                    "union": unions[v.union_id].uuid,  # the union credited here, kept at the other office
                }

        counts: dict[str, int] = {}
        digests: dict[str, str] = {}
        fd, tmp_name = tempfile.mkstemp(prefix=".redtour-exchange-", suffix=".zip", dir=out.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
                for part, rows in (
                    ("unions", union_rows()),
                    ("participants", participant_rows()),
                    ("groups", group_rows()),
                    ("visits", visit_rows()),
                ):
                    h, n = hashlib.sha256(), 0
                    with z.open(f"{part}.jsonl", "w", force_zip64=True) as fh:
                        for line in _jsonl(rows):
                            fh.write(line)
                            h.update(line)
                            n += 1
                    counts[part], digests[part] = n, h.hexdigest()
                manifest = {
                    "format": FORMAT,
                    "version": VERSION,
                    "app": __version__,
                    "created": datetime.now().isoformat(timespec="seconds"),
                    "exporter": audit.current_actor(),
                    "union": {"uuid": top.uuid, "name": top.name},
                    "counts": counts,
                    "sha256": digests,
                }
                z.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
            os.replace(tmp, out)
        except OSError as exc:
            raise CannotWriteError(os_error_message(exc, out)) from None
        finally:
            tmp.unlink(missing_ok=True)
    with db.writing() as s:
        audit.record(s, "exchange.export", {"file": out.name, "union": top.name, **counts})
    return counts


def import_package(
    db: Database, path: Path, *, dry_run: bool = False, keep_mine: bool = False
) -> ExchangeReport:
    """Check the whole package, then merge it in one transaction.

    Invalid records or conflicts: nothing is applied, unless ``keep_mine`` (an explicit choice: the CLI's
    --keep-mine, a question in the GUI) says to apply the rest and keep this office's version of every
    conflicting record. Damage raises ExchangeError before the database is touched.
    """
    path = Path(path)
    pkg = read_package(path)
    report = ExchangeReport(str(path), pkg.manifest["union"]["name"])
    if pkg.errors:
        more = pkg.error_count - len(pkg.errors)
        report.errors = pkg.errors + ([f"…… 另有 {more} 条记录有误"] if more else [])
        return report
    with db.writing() as s:
        _merge(s, pkg.parts, report, keep_mine)
        if (report.conflicts and not keep_mine) or report.refused or dry_run:
            raise Rollback
        audit.record(
            s,
            "exchange.import",
            {
                "file": path.name,
                "union": report.union,
                "added": report.added,
                "exporter": str(pkg.manifest.get("exporter", ""))[:100],
                "conflicts_kept_local": len(report.conflicts),
            },
        )
        report.applied = True
    return report


def _merge(s: Any, parts: dict[str, list[dict[str, Any]]], report: ExchangeReport, keep_mine: bool) -> None:
    now = datetime.now()
    venues = set(s.scalars(select(VenueRow.id)))
    missing = sorted(
        {v["venue"] for v in parts["visits"]} | {x for g in parts["groups"] for x in g["venues"]}
    )
    missing = [v for v in missing if v not in venues]
    if missing:
        report.refused = True
        report.conflicts.append(f"本机场馆目录中没有场馆：{'、'.join(missing[:20])}（请先更新场馆目录）")
        return
    union_id = _merge_unions(s, parts["unions"], report, now)
    people = _merge_people(s, parts["participants"], union_id, report, now)
    groups: dict[str, int] = {}
    for g in parts["groups"]:
        row = s.scalar(select(TourGroupRow).where(TourGroupRow.uuid == g["uuid"]))
        if row is None:
            row = TourGroupRow(
                uuid=g["uuid"], union_id=union_id[g["union"]], name=g["name"], leader=g["leader"],
                day=g["day"], venue_ids=g["venues"], created=now,
            )  # fmt: skip
            s.add(row)
            s.flush()
            report.added["groups"] += 1
        elif (row.name, row.day, list(row.venue_ids or [])) != (g["name"], g["day"], g["venues"]):
            report.conflicts.append(
                f"团队“{row.name}”（编号 {row.uuid[:8]}…）两边不同：本机 {row.day} {len(row.venue_ids or [])} 个场馆 / "
                f"交换包“{g['name']}” {g['day']} {len(g['venues'])} 个场馆"
            )
        else:
            report.unchanged["groups"] += 1
        groups[g["uuid"]] = row.id
    if report.conflicts and not keep_mine:
        return
    _merge_visits(s, parts, people, union_id, groups, report)


def _merge_unions(
    s: Any, unions: list[dict[str, Any]], report: ExchangeReport, now: datetime
) -> dict[str, int]:
    """By identifier, else by name (the same union registered independently at both offices). A parent that
    is in neither the package nor this database is a conflict: with --keep-mine the union becomes top-level."""
    union_id: dict[str, int] = {}
    in_package = {u["uuid"] for u in unions}
    pending = list(unions)
    while pending:  # parents before their grassroots unions
        progressed = False
        for u in list(pending):
            if u["parent"] in in_package and u["parent"] not in union_id:
                continue
            row = s.scalar(select(TradeUnionRow).where(TradeUnionRow.uuid == u["uuid"]))
            if row is not None and row.name != u["name"]:
                report.conflicts.append(
                    f"工会（编号 {row.uuid[:8]}…）两边名称不同：本机“{row.name}” / 交换包“{u['name']}”"
                )
            row = row or s.scalar(select(TradeUnionRow).where(TradeUnionRow.name == u["name"]))
            if row is None:
                parent_id = union_id.get(u["parent"]) if u["parent"] else None
                if u["parent"] and parent_id is None:
                    parent_id = s.scalar(select(TradeUnionRow.id).where(TradeUnionRow.uuid == u["parent"]))
                    if parent_id is None:
                        report.conflicts.append(
                            f"工会“{u['name']}”的上级工会（编号 {u['parent'][:8]}…）在交换包和本机都没有"
                            "（保留本机时作为独立工会导入）"
                        )
                row = TradeUnionRow(
                    uuid=u["uuid"], name=u["name"], kind=u["kind"], parent_id=parent_id, created=now
                )
                s.add(row)
                s.flush()
                report.added["unions"] += 1
            else:
                report.unchanged["unions"] += 1
            union_id[u["uuid"]] = row.id
            pending.remove(u)
            progressed = True
        if not progressed:
            raise ExchangeError("交换包中的工会层级有误（上级工会互相引用）")
    return union_id


def _merge_people(
    s: Any,
    incoming_rows: list[dict[str, Any]],
    union_id: dict[str, int],
    report: ExchangeReport,
    now: datetime,
) -> dict[str, int]:
    """Identical → unchanged; different → conflict; unknown → matched by name+mobile or added. A mobile that
    is registered here under another name is a conflict too (roster import refuses the same row)."""
    people: dict[str, int] = {}
    incoming = {p["uuid"]: p for p in incoming_rows}
    fields = ("name", "mobile", "work_unit", "employee_no")
    labels = {"name": "姓名", "mobile": "手机号", "work_unit": "工作单位", "employee_no": "工号"}
    for chunk in chunks(list(incoming), 500):
        for row in s.scalars(select(ParticipantRow).where(ParticipantRow.uuid.in_(chunk))):
            p = incoming[row.uuid]
            diffs = [f for f in fields if (getattr(row, f) or "") != (p.get(f) or "")]
            if diffs:
                shown = "；".join(
                    f"{labels[f]} 本机“{_show(f, getattr(row, f))}” / 交换包“{_show(f, p.get(f))}”"
                    for f in diffs
                )
                report.conflicts.append(f"人员 {row.name}（编号 {row.uuid[:8]}…）两边不同：{shown}")
            else:
                report.unchanged["participants"] += 1
            people[row.uuid] = row.id
    by_mobile: dict[str, tuple[int, str]] = {}
    mobiles = [p["mobile"] for u, p in incoming.items() if u not in people and p["mobile"]]
    for chunk in chunks(mobiles, 500):
        for pid, name, mobile in s.execute(
            select(ParticipantRow.id, ParticipantRow.name, ParticipantRow.mobile).where(
                ParticipantRow.mobile.in_(chunk)
            )
        ):
            by_mobile.setdefault(mobile, (pid, name))
    new_rows = []
    for puuid, p in incoming.items():
        if puuid in people:
            continue
        hit = by_mobile.get(p["mobile"] or "")
        if hit is not None and hit[1] == p["name"]:
            people[puuid] = hit[0]
            report.unchanged["participants"] += 1
            continue
        if hit is not None:
            report.conflicts.append(
                f"手机号 {mask_mobile(p['mobile'])} 本机登记为“{hit[1]}”，交换包中为“{p['name']}”（保留本机时另行登记）"
            )
        new_rows.append(
            {
                "uuid": puuid, "union_id": union_id[p["union"]], "name": p["name"], "mobile": p["mobile"],
                "work_unit": p["work_unit"], "employee_no": p["employee_no"], "created": now, "updated": now,
            }
        )  # fmt: skip
    for chunk in chunks(new_rows, 1000):
        s.execute(insert(ParticipantRow), chunk)
    report.added["participants"] += len(new_rows)
    for chunk in chunks([r["uuid"] for r in new_rows], 500):
        people.update(
            s.execute(
                select(ParticipantRow.uuid, ParticipantRow.id).where(ParticipantRow.uuid.in_(chunk))
            ).all()
        )
    return people


def _merge_visits(
    s: Any,
    parts: dict[str, list[dict[str, Any]]],
    people: dict[str, int],
    union_id: dict[str, int],
    groups: dict[str, int],
    report: ExchangeReport,
) -> None:
    """Visits keep the union they were recorded under at the exporting office (older packages: the person's
    union there), whatever union the person is registered in here: statistics by union agree."""
    person_union = {p["uuid"]: p["union"] for p in parts["participants"]}
    incoming = {v["uuid"]: v for v in parts["visits"]}
    skip: set[str] = set()
    local_uuid = {pid: puuid for puuid, pid in people.items()}
    for chunk in chunks(list(incoming), 500):
        for vuuid, pid, venue, day in s.execute(
            select(VisitRow.uuid, VisitRow.participant_id, VisitRow.venue_id, VisitRow.day).where(
                VisitRow.uuid.in_(chunk)
            )
        ):
            v = incoming[vuuid]
            if (people.get(v["participant"]), v["venue"], v["day"]) != (pid, venue, day):
                report.conflicts.append(
                    f"参与记录（编号 {vuuid[:8]}…）两边不同：本机 {day} {venue}"
                    f"{'' if local_uuid.get(pid) == v['participant'] else ' 另一人'} / 交换包 {v['day']} {v['venue']}"
                )
                skip.add(vuuid)
    rows = [
        {
            "uuid": v["uuid"],
            "participant_id": people[v["participant"]],
            "venue_id": v["venue"],
            "day": v["day"],
            "month": month_of(v["day"]),
            "union_id": union_id[v["union"] or person_union[v["participant"]]],
            "group_id": groups.get(v["group"] or ""),
            "source": "import",
            "recorded": v["recorded"],
        }
        for v in parts["visits"]
        if v["uuid"] not in skip
    ]
    # Counted, not summed from rowcount: executemany reports -1 on PostgreSQL.
    before = s.scalar(select(func.count()).select_from(VisitRow)) or 0
    for chunk in chunks(rows, 2000):
        s.execute(insert_ignoring_duplicates(s, VisitRow), chunk)
    report.added["visits"] = added = (s.scalar(select(func.count()).select_from(VisitRow)) or 0) - before
    report.unchanged["visits"] = len(rows) - added


def _show(field_name: str, value: object) -> str:
    text = str(value or "")
    return mask_mobile(text) if field_name == "mobile" else text
