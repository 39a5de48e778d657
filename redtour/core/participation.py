"""Participation statistics as plain values: filters, rows, progress towards a target. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

BY_CHOICES = ("union", "venue", "month")
BY_ZH = {"union": "工会", "venue": "场馆", "month": "月份"}


@dataclass(frozen=True)
class StatsFilter:
    start: date | None = None
    end: date | None = None
    union_id: int | None = None  # includes the union's grassroots unions
    venue_id: str | None = None
    group_id: int | None = None
    search: str = ""  # a person's name or work unit (part of it), or the last digits of the mobile

    def describe(self) -> str:
        parts = []
        if self.start or self.end:
            parts.append(f"{self.start or '…'} 至 {self.end or '…'}")
        if self.union_id is not None:
            parts.append(f"工会#{self.union_id}")
        if self.venue_id:
            parts.append(f"场馆 {self.venue_id}")
        if self.group_id is not None:
            parts.append(f"团队#{self.group_id}")
        if self.search.strip():
            parts.append(f"搜索“{self.search.strip()}”")
        return "，".join(parts) or "全部"


@dataclass(frozen=True)
class StatsRow:
    key: str
    label: str
    participants: int  # distinct people (人数)
    visits: int  # visit records (人次)


@dataclass(frozen=True)
class Stats:
    participants: int
    visits: int
    by: str | None = None
    rows: tuple[StatsRow, ...] = field(default_factory=tuple)

    def progress(self, target: int | None) -> float | None:
        """Share of a participant target (the district's quota, in people) reached, 0–1+."""
        if not target or target <= 0:
            return None
        return self.participants / target

    def as_dict(self, target: int | None = None) -> dict[str, object]:
        out: dict[str, object] = {"participants": self.participants, "visits": self.visits}
        if target:
            out["target"] = target
            out["progress"] = round(self.progress(target) or 0.0, 4)
        if self.by:
            out["by"] = self.by
            out["rows"] = [
                {"key": r.key, "label": r.label, "participants": r.participants, "visits": r.visits}
                for r in self.rows
            ]
        return out


def month_label(yyyymm: int) -> str:
    return f"{yyyymm // 100}-{yyyymm % 100:02d}"


def month_of(day: date) -> int:
    return day.year * 100 + day.month
