"""Exchange packages: a union's people, groups and visits, moved between offices that work offline.

A package is a zip: ``manifest.json`` (format, version, exporter, union, counts, the SHA-256 of every part) and
JSON Lines parts (``unions``, ``participants``, ``groups``, ``visits``), every record with its UUID. Importing
matches records by UUID, so a second import of the same package changes nothing. A record that exists here
with different content (someone edited it on one side) is a conflict: reported with both values, and nothing
is applied — never silently overwritten. ID numbers are not exchanged (data minimisation).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from redtour import __version__
from redtour.core.errors import RedtourError
from redtour.core.participation import month_of
from redtour.core.people import mask_mobile
from redtour.storage import audit
from redtour.storage.batching import chunks
from redtour.storage.database import Database, Rollback
from redtour.storage.models import ParticipantRow, TourGroupRow, TradeUnionRow, VenueRow, VisitRow
from redtour.storage.participation import insert_ignoring_duplicates, union_and_children

FORMAT = "redtour-exchange"
VERSION = 1
PARTS = ("unions", "participants", "groups", "visits")
MAX_PART_BYTES = 2 * 1024**3  # a million visits is ~250 MB of JSON Lines


class ExchangeError(RedtourError):
    pass


@dataclass
class ExchangeReport:
    file: str
    union: str = ""
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PARTS, 0))
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PARTS, 0))
    conflicts: list[str] = field(default_factory=list)
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "union": self.union,
            "applied": self.applied,
            "added": self.added,
            "unchanged": self.unchanged,
            "conflicts": self.conflicts,
        }

    def summary(self) -> str:
        head = "已导入" if self.applied else "未导入"
        text = (
            f"{head}：新增 {self.added['participants']} 人、{self.added['groups']} 个团队、"
            f"{self.added['visits']} 条参与记录；已有 {self.unchanged['visits']} 条记录未变"
        )
        if self.conflicts:
            text += f"；{len(self.conflicts)} 处冲突（两边内容不同），整个交换包未导入"
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
            raise ExchangeError(f"无法写入 {out}：{exc.strerror or exc}") from None
        finally:
            tmp.unlink(missing_ok=True)
    with db.writing() as s:
        audit.record(s, "exchange.export", {"file": out.name, "union": top.name, **counts})
    return counts


def _read_package(path: Path) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    try:
        z = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ExchangeError(f"找不到文件 {path}") from None
    except zipfile.BadZipFile:
        raise ExchangeError(f"{path.name} 不是 redtour 交换包（不是有效的压缩包，或文件已损坏）") from None
    with z:
        names = {i.filename: i for i in z.infolist()}
        if "manifest.json" not in names:
            raise ExchangeError(f"{path.name} 不是 redtour 交换包（缺少 manifest.json）")
        manifest = json.loads(z.read("manifest.json"))
        if manifest.get("format") != FORMAT:
            raise ExchangeError(f"{path.name} 不是 redtour 交换包")
        if int(manifest.get("version", 0)) > VERSION:
            raise ExchangeError(
                f"{path.name} 由更新版本的 redtour 生成（格式 {manifest.get('version')}），请先升级"
            )
        parts: dict[str, list[dict[str, Any]]] = {}
        for part in PARTS:
            info = names.get(f"{part}.jsonl")
            if info is None or info.file_size > MAX_PART_BYTES:
                raise ExchangeError(f"{path.name} 缺少或含有异常的 {part}.jsonl")
            data = z.read(info)
            if hashlib.sha256(data).hexdigest() != manifest.get("sha256", {}).get(part):
                raise ExchangeError(f"{path.name} 中的 {part}.jsonl 校验不符：文件已损坏或被修改")
            parts[part] = [json.loads(line) for line in io.BytesIO(data) if line.strip()]
    return manifest, parts


def import_package(db: Database, path: Path, *, dry_run: bool = False) -> ExchangeReport:
    path = Path(path)
    manifest, parts = _read_package(path)
    report = ExchangeReport(str(path), manifest["union"]["name"])
    with db.writing() as s:
        _merge(s, parts, report)
        if report.conflicts or dry_run:
            raise Rollback
        audit.record(
            s,
            "exchange.import",
            {
                "file": path.name,
                "union": report.union,
                "added": report.added,
                "exporter": manifest.get("exporter"),
            },
        )
        report.applied = True
    return report


def _merge(s: Any, parts: dict[str, list[dict[str, Any]]], report: ExchangeReport) -> None:
    now = datetime.now()
    venues = set(s.scalars(select(VenueRow.id)))
    missing = sorted(
        {v["venue"] for v in parts["visits"]} | {x for g in parts["groups"] for x in g["venues"]}
    )
    missing = [v for v in missing if v not in venues]
    if missing:
        report.conflicts.append(f"本机场馆目录中没有场馆：{'、'.join(missing)}（请先更新场馆目录）")
        return

    # Unions: by identifier, else by name (the same union registered independently at both offices).
    union_id: dict[str, int] = {}
    pending = list(parts["unions"])
    while pending:  # parents before their grassroots unions
        progressed = False
        for u in list(pending):
            if u["parent"] and u["parent"] not in union_id and any(p["uuid"] == u["parent"] for p in pending):
                continue
            row = s.scalar(select(TradeUnionRow).where(TradeUnionRow.uuid == u["uuid"])) or s.scalar(
                select(TradeUnionRow).where(TradeUnionRow.name == u["name"])
            )
            if row is None:
                parent_id = union_id.get(u["parent"]) if u["parent"] else None
                if u["parent"] and parent_id is None:
                    parent_id = s.scalar(select(TradeUnionRow.id).where(TradeUnionRow.uuid == u["parent"]))
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
            raise ExchangeError("交换包中的工会层级有误")

    # Participants: identical → unchanged; different → conflict; unknown → matched by name+mobile or added.
    people: dict[str, int] = {}
    incoming = {p["uuid"]: p for p in parts["participants"]}
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
    for puuid, p in incoming.items():
        if puuid in people:
            continue
        same = None
        if p.get("mobile"):
            same = s.scalar(
                select(ParticipantRow.id).where(
                    ParticipantRow.name == p["name"], ParticipantRow.mobile == p["mobile"]
                )
            )
        if same is not None:
            people[puuid] = same
            report.unchanged["participants"] += 1
            continue
        row = ParticipantRow(
            uuid=puuid,
            union_id=union_id[p["union"]],
            name=p["name"],
            mobile=p.get("mobile"),
            work_unit=p.get("work_unit") or "",
            employee_no=p.get("employee_no") or "",
            created=now,
            updated=now,
        )
        s.add(row)
        report.added["participants"] += 1
    s.flush()
    for puuid in incoming:
        if puuid not in people:
            people[puuid] = s.scalar(select(ParticipantRow.id).where(ParticipantRow.uuid == puuid))

    groups: dict[str, int] = {}
    for g in parts["groups"]:
        row = s.scalar(select(TourGroupRow).where(TourGroupRow.uuid == g["uuid"]))
        day = date.fromisoformat(g["day"])
        if row is None:
            row = TourGroupRow(
                uuid=g["uuid"],
                union_id=union_id[g["union"]],
                name=g["name"],
                leader=g["leader"],
                day=day,
                venue_ids=g["venues"],
                created=now,
            )
            s.add(row)
            s.flush()
            report.added["groups"] += 1
        elif (row.name, row.day, list(row.venue_ids or [])) != (g["name"], day, g["venues"]):
            report.conflicts.append(
                f"团队“{row.name}”（编号 {row.uuid[:8]}…）两边不同：本机 {row.day} {len(row.venue_ids or [])} 个场馆 / "
                f"交换包“{g['name']}” {g['day']} {len(g['venues'])} 个场馆"
            )
        else:
            report.unchanged["groups"] += 1
        groups[g["uuid"]] = row.id
    if report.conflicts:
        return

    union_of: dict[int, int] = {}
    for chunk in chunks(list(set(people.values())), 500):
        union_of.update(
            s.execute(
                select(ParticipantRow.id, ParticipantRow.union_id).where(ParticipantRow.id.in_(chunk))
            ).all()
        )
    rows = []
    for v in parts["visits"]:
        pid = people[v["participant"]]
        day = date.fromisoformat(v["day"])
        rows.append(
            {
                "uuid": v["uuid"],
                "participant_id": pid,
                "venue_id": v["venue"],
                "day": day,
                "month": month_of(day),
                "union_id": union_of[pid],
                "group_id": groups.get(v["group"] or ""),
                "source": "import",
                "recorded": datetime.fromisoformat(v["recorded"]),
            }
        )
    # Counted, not summed from rowcount: executemany reports -1 on PostgreSQL.
    before = s.scalar(select(func.count()).select_from(VisitRow)) or 0
    for chunk in chunks(rows, 2000):
        s.execute(insert_ignoring_duplicates(s, VisitRow), chunk)
    report.added["visits"] = added = (s.scalar(select(func.count()).select_from(VisitRow)) or 0) - before
    report.unchanged["visits"] = len(rows) - added


def _show(field_name: str, value: object) -> str:
    text = str(value or "")
    return mask_mobile(text) if field_name == "mobile" else text
