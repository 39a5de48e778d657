"""The one merge engine for records that travel between offices: exchange packages and exported logs.

Input: checked records per part (unions, participants, groups, visits, places), each with its UUID, in the
shape exchange_read.py produces; log_import.py turns a log's rows into the same shape. Records are matched
by UUID, and records registered independently at both offices by a natural key (a union's name, a person's
mobile, a place's name), so merging twice changes nothing.

One conflict rule (docs/reliability.md §2.11): a record that exists on both sides with different content is a
conflict, listed with both values (mobiles masked). Nothing is committed while there is one, unless the caller
passes ``keep_mine`` (the CLI's --keep-mine, the app's question): then this office's version of every
conflicting record stays and the rest is applied. Venues missing from the catalogue here refuse the merge
whatever the choice. A dry run goes through the same code inside a transaction that is rolled back, so its
report is the real run's report.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from redtour.core.participation import month_of
from redtour.core.people import mask_mobile
from redtour.storage.batching import chunks
from redtour.storage.database import Database, Rollback
from redtour.storage.exchange_read import PARTS, ExchangeError
from redtour.storage.models import (
    ParticipantRow,
    SavedPlaceRow,
    TourGroupRow,
    TradeUnionRow,
    VenueRow,
    VisitRow,
)
from redtour.storage.participation import insert_ignoring_duplicates

PERSON_FIELDS = ("name", "mobile", "work_unit", "employee_no")
GROUP_FIELDS = ("name", "day", "venues")
_LABELS = {"name": "姓名", "mobile": "手机号", "work_unit": "工作单位", "employee_no": "工号"}

# Optional hints in a record: "_at" (where it is, for messages), "_compare" (the fields its source knows).
Record = dict[str, Any]


class Tally(Protocol):
    added: dict[str, int]
    unchanged: dict[str, int]
    conflicts: list[str]
    refused: bool
    applied: bool


def per_part() -> dict[str, int]:
    return dict.fromkeys(PARTS, 0)


@dataclass
class MergeCounts:
    added: dict[str, int] = field(default_factory=per_part)
    unchanged: dict[str, int] = field(default_factory=per_part)
    conflicts: list[str] = field(default_factory=list)
    refused: bool = False  # a conflict no choice can resolve (venues missing here)
    applied: bool = False


def run_merge(
    db: Database,
    parts: Mapping[str, Sequence[Record]],
    report: Tally,
    *,
    dry_run: bool,
    keep_mine: bool,
    record: Callable[[Session], None],
    theirs: str = "交换包",
) -> None:
    """Merge in one write transaction; ``record`` (audit rows) runs in it too, dry run or not."""
    with db.writing() as s:
        merge(s, parts, report, keep_mine=keep_mine, theirs=theirs)
        if report.refused or (report.conflicts and not keep_mine):
            raise Rollback
        record(s)
        if dry_run:
            raise Rollback
        report.applied = True


def merge(
    s: Session, parts: Mapping[str, Sequence[Record]], report: Tally, *, keep_mine: bool, theirs: str
) -> None:
    now = datetime.now()
    venues = set(s.scalars(select(VenueRow.id)))
    wanted = {v["venue"] for v in parts.get("visits", ())}
    wanted |= {x for g in parts.get("groups", ()) for x in g["venues"]}
    missing = sorted(wanted - venues)
    if missing:
        report.refused = True
        report.conflicts.append(f"本机场馆目录中没有场馆：{'、'.join(missing[:20])}（请先更新场馆目录）")
        return
    m = _Merger(s, report, theirs, now)
    union_id = m.unions(parts.get("unions", ()))
    people = m.people(parts.get("participants", ()), union_id)
    groups = m.groups(parts.get("groups", ()), union_id)
    m.visits(parts, people, union_id, groups)
    m.places(parts.get("places", ()))


def _at(r: Record) -> str:
    return f"{r['_at']}：" if r.get("_at") else ""


def _show(field_name: str, value: object) -> str:
    text = str(value or "")
    return mask_mobile(text) if field_name == "mobile" else text


class _Merger:
    def __init__(self, s: Session, report: Tally, theirs: str, now: datetime) -> None:
        self.s, self.report, self.theirs, self.now = s, report, theirs, now

    def conflict(self, r: Record, text: str) -> None:
        self.report.conflicts.append(_at(r) + text)

    def unions(self, unions: Sequence[Record]) -> dict[str, int]:
        """By identifier, else by name (the same union registered at both offices). A parent in neither the
        package nor this database is a conflict: with keep-mine the union becomes top-level."""
        s, report = self.s, self.report
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
                    self.conflict(
                        u,
                        f"工会（编号 {row.uuid[:8]}…）两边名称不同：本机“{row.name}” / {self.theirs}“{u['name']}”",
                    )
                row = row or s.scalar(select(TradeUnionRow).where(TradeUnionRow.name == u["name"]))
                if row is None:
                    parent_id = union_id.get(u["parent"]) if u["parent"] else None
                    if u["parent"] and parent_id is None:
                        parent_id = s.scalar(
                            select(TradeUnionRow.id).where(TradeUnionRow.uuid == u["parent"])
                        )
                        if parent_id is None:
                            self.conflict(
                                u,
                                f"工会“{u['name']}”的上级工会（编号 {u['parent'][:8]}…）在{self.theirs}和本机都没有"
                                "（保留本机时作为独立工会导入）",
                            )
                    row = TradeUnionRow(
                        uuid=u["uuid"], name=u["name"], kind=u["kind"], parent_id=parent_id, created=self.now
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
                raise ExchangeError(f"{self.theirs}中的工会层级有误（上级工会互相引用）")
        return union_id

    def people(self, rows: Sequence[Record], union_id: dict[str, int]) -> dict[str, int]:
        """Identical → unchanged; different → conflict; unknown → matched by name+mobile or added. A mobile
        registered here under another name is a conflict too (roster import refuses the same row)."""
        s, report = self.s, self.report
        people: dict[str, int] = {}
        incoming = {p["uuid"]: p for p in rows}
        for chunk in chunks(list(incoming), 500):
            for row in s.scalars(select(ParticipantRow).where(ParticipantRow.uuid.in_(chunk))):
                p = incoming[row.uuid]
                fields = p.get("_compare", PERSON_FIELDS)
                diffs = [f for f in fields if (getattr(row, f) or "") != (p.get(f) or "")]
                if diffs:
                    shown = "；".join(
                        f"{_LABELS[f]} 本机“{_show(f, getattr(row, f))}” / {self.theirs}“{_show(f, p.get(f))}”"
                        for f in diffs
                    )
                    self.conflict(p, f"人员 {row.name}（编号 {row.uuid[:8]}…）两边不同：{shown}")
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
                by_mobile.setdefault(mobile or "", (pid, name))
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
                self.conflict(
                    p,
                    f"手机号 {mask_mobile(p['mobile'])} 本机登记为“{hit[1]}”，{self.theirs}中为“{p['name']}”"
                    "（保留本机时另行登记）",
                )
            new_rows.append(
                {
                    "uuid": puuid, "union_id": union_id[p["union"]], "name": p["name"], "mobile": p["mobile"],
                    "work_unit": p["work_unit"], "employee_no": p["employee_no"],
                    "created": self.now, "updated": self.now,
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

    def groups(self, rows: Sequence[Record], union_id: dict[str, int]) -> dict[str, int]:
        s, report = self.s, self.report
        groups: dict[str, int] = {}
        for g in rows:
            row = s.scalar(select(TourGroupRow).where(TourGroupRow.uuid == g["uuid"]))
            if row is None:
                row = TourGroupRow(
                    uuid=g["uuid"], union_id=union_id[g["union"]], name=g["name"], leader=g["leader"],
                    day=g["day"], venue_ids=g["venues"], created=self.now,
                )  # fmt: skip
                s.add(row)
                s.flush()
                report.added["groups"] += 1
            else:
                mine: dict[str, object] = {
                    "name": row.name,
                    "day": row.day,
                    "venues": list(row.venue_ids or []),
                }
                if any(mine[f] != g[f] for f in g.get("_compare", GROUP_FIELDS)):
                    self.conflict(
                        g,
                        f"团队“{row.name}”（编号 {row.uuid[:8]}…）两边不同：本机 {row.day} {len(row.venue_ids or [])} 个场馆"
                        f" / {self.theirs}“{g['name']}” {g['day']} {len(g['venues'])} 个场馆",
                    )
                else:
                    report.unchanged["groups"] += 1
            groups[g["uuid"]] = row.id
        return groups

    def visits(
        self,
        parts: Mapping[str, Sequence[Record]],
        people: dict[str, int],
        union_id: dict[str, int],
        groups: dict[str, int],
    ) -> None:
        """Visits keep the union they were recorded under at the exporting office (older packages: the
        person's union there), whatever union the person is registered in here: statistics by union agree."""
        s, report = self.s, self.report
        person_union = {p["uuid"]: p["union"] for p in parts.get("participants", ())}
        incoming = {v["uuid"]: v for v in parts.get("visits", ())}
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
                    self.conflict(
                        v,
                        f"参与记录（编号 {vuuid[:8]}…）两边不同：本机 {day} {venue}"
                        f"{'' if local_uuid.get(pid) == v['participant'] else ' 另一人'} / "
                        f"{self.theirs} {v['day']} {v['venue']}",
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
            for v in incoming.values()
            if v["uuid"] not in skip
        ]
        # Counted, not summed from rowcount: executemany reports -1 on PostgreSQL.
        before = s.scalar(select(func.count()).select_from(VisitRow)) or 0
        for chunk in chunks(rows, 2000):
            s.execute(insert_ignoring_duplicates(s, VisitRow), chunk)
        added = (s.scalar(select(func.count()).select_from(VisitRow)) or 0) - before
        report.added["visits"] += added
        report.unchanged["visits"] += len(rows) - added

    def places(self, places: Sequence[Record]) -> None:
        """By identifier, else by name (names are unique here); the same name elsewhere must be the same point."""
        s, report = self.s, self.report
        for p in places:
            row = s.scalar(select(SavedPlaceRow).where(SavedPlaceRow.uuid == p["uuid"]))
            row = row or s.scalar(select(SavedPlaceRow).where(SavedPlaceRow.name == p["name"]))
            if row is None:
                s.add(
                    SavedPlaceRow(
                        uuid=p["uuid"], name=p["name"], lat=p["lat"], lon=p["lon"], note=p["note"],
                        updated=p["updated"],
                    )
                )  # fmt: skip
                s.flush()
                report.added["places"] += 1
            elif (row.name, row.lat, row.lon, row.note or "") != (p["name"], p["lat"], p["lon"], p["note"]):
                self.conflict(
                    p,
                    f"常用地点“{row.name}”两边不同：本机 {row.lat:.6f}, {row.lon:.6f}“{row.note or ''}” / "
                    f"{self.theirs}“{p['name']}” {p['lat']:.6f}, {p['lon']:.6f}“{p['note']}”",
                )
            else:
                report.unchanged["places"] += 1
