"""Progress of a campaign against its target and each union's quota.

Requested and scheduled people come from the requests and the saved assignments; attended people are the
participation statistics (storage.participation_stats) over the campaign's dates, per union with its
grassroots unions — the same figures the statistics page shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from redtour.core.participation import StatsFilter
from redtour.storage.campaign_rows import CampaignAssignmentRow, CampaignRequestRow
from redtour.storage.campaigns import Campaign, CampaignRepository
from redtour.storage.database import Database
from redtour.storage.participation_stats import compute_stats


@dataclass(frozen=True)
class UnionProgress:
    union_id: int
    name: str
    quota: int | None
    requested: int
    scheduled: int
    attended: int


@dataclass(frozen=True)
class CampaignProgress:
    campaign: Campaign
    groups: int
    requested: int
    scheduled: int
    attended: int
    unions: tuple[UnionProgress, ...]

    @property
    def share(self) -> float | None:
        t = self.campaign.target
        return self.attended / t if t else None

    def summary(self) -> str:
        c = self.campaign
        text = (
            f"{c.id:>3}  {c.name}  {c.start}—{c.end}  {self.groups} 个团队，报名 {self.requested} 人，"
            f"已排 {self.scheduled} 人，已参加 {self.attended} 人"
        )
        if c.target:
            text += f"，目标 {c.target} 人（完成 {(self.share or 0) * 100:.1f}%）"
        return text

    def as_dict(self) -> dict[str, Any]:
        c = self.campaign
        return {
            "id": c.id, "name": c.name, "from": c.start.isoformat(), "to": c.end.isoformat(), "target": c.target,
            "groups": self.groups, "requested": self.requested, "scheduled": self.scheduled,
            "attended": self.attended, "share": self.share,
            "unions": [u.__dict__ for u in self.unions],
        }  # fmt: skip


def progress(db: Database, campaign: Campaign) -> CampaignProgress:
    with db.reading() as s:
        requested = dict(
            s.execute(
                select(CampaignRequestRow.union_id, func.sum(CampaignRequestRow.people))
                .where(CampaignRequestRow.campaign_id == campaign.id)
                .group_by(CampaignRequestRow.union_id)
            ).all()
        )
        groups = sum(
            1
            for _ in s.scalars(
                select(CampaignRequestRow.id).where(CampaignRequestRow.campaign_id == campaign.id)
            )
        )
        scheduled = dict(
            s.execute(
                select(CampaignRequestRow.union_id, func.sum(CampaignAssignmentRow.people))
                .join(CampaignRequestRow, CampaignRequestRow.id == CampaignAssignmentRow.request_id)
                .where(CampaignRequestRow.campaign_id == campaign.id)
                .group_by(CampaignRequestRow.union_id)
            ).all()
        )
    unions = []
    for u in CampaignRepository(db).unions(campaign.id):
        attended = compute_stats(db, StatsFilter(campaign.start, campaign.end, u.union_id)).participants
        unions.append(
            UnionProgress(
                u.union_id,
                u.name,
                u.quota,
                int(requested.get(u.union_id) or 0),
                int(scheduled.get(u.union_id) or 0),
                attended,
            )
        )
    total = compute_stats(db, StatsFilter(campaign.start, campaign.end)).participants if unions else 0
    return CampaignProgress(
        campaign, groups, sum(int(v or 0) for v in requested.values()),
        sum(int(v or 0) for v in scheduled.values()), total, tuple(unions),
    )  # fmt: skip
