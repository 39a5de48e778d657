"""Exchange packages: a union's people, groups and visits, moved between offices that work offline.

A package is a zip: ``manifest.json`` (format, version, exporter, union, counts, the SHA-256 of every part) and
JSON Lines parts (``unions``, ``participants``, ``groups``, ``visits``, and from format 2 ``places``, the
saved places), every record with its UUID. Importing goes through the merge engine (storage/merge.py):
records match by UUID, so a second import of the same package changes nothing; a record that exists here
with different content is a conflict, reported with both values, and nothing is applied — never silently
overwritten. ID numbers are not exchanged (data minimisation).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redtour import __version__
from redtour.storage import audit
from redtour.storage.database import Database
from redtour.storage.exchange_read import FORMAT, VERSION, ExchangeError, read_package
from redtour.storage.merge import per_part, run_merge
from redtour.storage.models import ParticipantRow, SavedPlaceRow, TourGroupRow, TradeUnionRow, VisitRow
from redtour.storage.participation import union_and_children
from redtour.storage.replaced_file import replaced_file

__all__ = ["ExchangeError", "ExchangeReport", "export_package", "import_package"]


@dataclass
class ExchangeReport:
    file: str
    union: str = ""
    added: dict[str, int] = field(default_factory=per_part)
    unchanged: dict[str, int] = field(default_factory=per_part)
    conflicts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # invalid records: "visits.jsonl 第 3 行：…"
    refused: bool = False  # a conflict no choice can resolve (venues missing here)
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)  # every field is plain data (the JSON of `redtour exchange import`)

    def summary(self) -> str:
        head = "已导入" if self.applied else "未导入"
        text = (
            f"{head}：新增 {self.added['participants']} 人、{self.added['groups']} 个团队、"
            f"{self.added['visits']} 条参与记录"
            + (f"、{self.added['places']} 个常用地点" if self.added["places"] else "")
            + f"；已有 {self.unchanged['visits']} 条记录未变"
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

        def place_rows() -> Iterator[dict[str, Any]]:
            """Every saved place: they belong to the office's data, not to one union (issue 18)."""
            for p in s.scalars(select(SavedPlaceRow).order_by(SavedPlaceRow.id)):
                yield {
                    "uuid": p.uuid,
                    "name": p.name,
                    "lat": p.lat,
                    "lon": p.lon,
                    "note": p.note or "",
                    "updated": p.updated.isoformat(timespec="seconds"),
                }

        counts: dict[str, int] = {}
        digests: dict[str, str] = {}
        with (
            replaced_file(out, prefix=".redtour-exchange-", suffix=".zip") as tmp,
            zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z,
        ):
            for part, rows in (
                ("unions", union_rows()),
                ("participants", participant_rows()),
                ("groups", group_rows()),
                ("visits", visit_rows()),
                ("places", place_rows()),
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
    with db.writing() as s:
        audit.record(s, "exchange.export", {"file": out.name, "union": top.name, **counts})
    return counts


def import_package(
    db: Database, path: Path, *, dry_run: bool = False, keep_mine: bool = False
) -> ExchangeReport:
    """Check the whole package, then merge it in one transaction.

    Invalid records or conflicts: nothing is applied, unless ``keep_mine`` (an explicit choice: the CLI's
    --keep-mine, a question in the GUI) says to apply the rest and keep this office's version of every
    conflicting record (storage/merge.py). Damage raises ExchangeError before the database is touched.
    """
    path = Path(path)
    pkg = read_package(path)
    report = ExchangeReport(str(path), pkg.manifest["union"]["name"])
    if pkg.errors:
        more = pkg.error_count - len(pkg.errors)
        report.errors = pkg.errors + ([f"…… 另有 {more} 条记录有误"] if more else [])
        return report

    def record(s: Session) -> None:
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

    run_merge(db, pkg.parts, report, dry_run=dry_run, keep_mine=keep_mine, record=record)
    return report
