"""Import campaign requests from .xlsx/.csv: read → validate → check against the database → add, one transaction.

All-or-nothing like rosters: a file with any error, or a dry run, changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from redtour.core.campaign_requests import parse_requests
from redtour.core.places import Geocoder
from redtour.core.roster import RowNote
from redtour.importing.spreadsheet import read_table
from redtour.storage import audit
from redtour.storage.batching import file_sha256
from redtour.storage.campaign_rows import CampaignRequestRow
from redtour.storage.campaigns import Campaign, enlist_union, fill_request_row
from redtour.storage.database import Database, Rollback
from redtour.storage.holidays import load_calendar
from redtour.storage.models import TradeUnionRow
from redtour.storage.participation import new_uuid
from redtour.storage.venues import VenueRepository


@dataclass
class RequestImportReport:
    file: str
    campaign: str
    added: int = 0
    people: int = 0
    errors: list[RowNote] = field(default_factory=list)
    skipped: list[RowNote] = field(default_factory=list)
    ignored_columns: tuple[str, ...] = ()
    applied: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "campaign": self.campaign,
            "applied": self.applied,
            "added": self.added,
            "people": self.people,
            "errors": [n.as_dict() for n in self.errors],
            "skipped": [n.as_dict() for n in self.skipped],
            "ignored_columns": list(self.ignored_columns),
        }

    def summary(self) -> str:
        verb = "已导入" if self.applied else "预览（未写入）"
        text = f"{verb}：{self.added} 个团队，共 {self.people} 人"
        if self.errors:
            text += f"；{len(self.errors)} 行有错误，整份报名表未导入"
        return text


def import_requests(
    db: Database,
    path: Path,
    campaign: Campaign,
    *,
    dry_run: bool = False,
    geocoder: Geocoder | None = None,
) -> RequestImportReport:
    path = Path(path)
    table = read_table(path)
    venues = VenueRepository(db).list_venues()
    parsed = parse_requests(table.rows, venues, (campaign.start, campaign.end), geocoder, load_calendar(db))
    report = RequestImportReport(str(path), campaign.name, ignored_columns=parsed.ignored)
    report.skipped = list(parsed.skipped)
    errors = list(parsed.errors)
    sha = file_sha256(path)
    with db.writing() as s:
        unions = dict(s.execute(select(TradeUnionRow.name, TradeUnionRow.id)).all())
        existing = {
            (u, n)
            for u, n in s.execute(
                select(CampaignRequestRow.union_id, CampaignRequestRow.name).where(
                    CampaignRequestRow.campaign_id == campaign.id
                )
            )
        }
        for r in parsed.requests:
            if (unions.get(r.union), r.name) in existing:
                errors.append(RowNote(r.sheet_row, f"活动中已有{r.union}的团队“{r.name}”"))
        report.errors = sorted(errors, key=lambda n: n.sheet_row)
        report.added = len(parsed.requests)
        report.people = sum(r.people for r in parsed.requests)
        if report.errors or dry_run:
            raise Rollback
        now = datetime.now()
        for r in parsed.requests:
            union = enlist_union(s, campaign.id, r.union)
            row = CampaignRequestRow(uuid=new_uuid(), campaign_id=campaign.id, created=now)
            fill_request_row(row, r, union.id)
            s.add(row)
        audit.record_import(
            s, "campaign", path.name, sha, added=report.added, merged=0, skipped=len(report.skipped),
            detail={"campaign": campaign.uuid, "added": report.added},
        )  # fmt: skip
        report.applied = True
    return report
