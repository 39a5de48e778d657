"""The figures of a 活动情况报告 for a period: the same compute_stats as `redtour stats` (so the numbers agree),
plus the number of groups that visited, and the plain-Chinese summary sentence."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from redtour.core.participation import Stats, StatsFilter
from redtour.storage.database import Database
from redtour.storage.models import TradeUnionRow, VisitRow
from redtour.storage.participation import visit_filter
from redtour.storage.participation_stats import compute_stats, get_target


@dataclass(frozen=True)
class ReportData:
    start: date | None
    end: date | None
    union_name: str  # "" for all unions
    total: Stats
    by_union: Stats
    by_venue: Stats
    by_month: Stats
    groups: int  # groups with at least one visit in the period
    target: int | None

    @property
    def progress(self) -> float | None:
        return self.total.progress(self.target)

    def period_text(self) -> str:
        if self.start and self.end:
            return f"{self.start:%Y年%-m月%-d日}至{self.end:%Y年%-m月%-d日}"
        if self.end:
            return f"截至{self.end:%Y年%-m月%-d日}"
        if self.start:
            return f"{self.start:%Y年%-m月%-d日}以来"
        return "全部记录"

    def summary(self) -> str:
        """截至11月30日，共组织X个团队、Y人次参观…，完成目标的Z%。"""
        when = f"截至{self.end:%Y年%-m月%-d日}" if self.end else "截至目前"
        if self.start:
            when = self.period_text()
        who = f"{self.union_name}" if self.union_name else ""
        venues = len([r for r in self.by_venue.rows if r.visits])
        text = (
            f"{when}，{who}共组织{self.groups}个团队、{self.total.participants}名职工参观{venues}处场馆，"
            f"累计{self.total.visits}人次"
        )
        if self.target:
            text += f"，完成目标（{self.target}人）的{(self.progress or 0) * 100:.1f}%"
        text += "。"
        if self.by_venue.rows:
            top = self.by_venue.rows[0]
            text += f"参观人次最多的场馆是{top.label}（{top.visits}人次）。"
        if self.by_month.rows:
            peak = max(self.by_month.rows, key=lambda r: r.visits)
            year, month = peak.label.split("-")
            text += f"{year}年{int(month)}月参观最集中（{peak.visits}人次）。"
        return text


def _groups(db: Database, flt: StatsFilter) -> int:
    with db.reading() as s:
        distinct = visit_filter(
            s, select(VisitRow.group_id).where(VisitRow.group_id.is_not(None)).distinct(), flt
        ).subquery()
        return int(s.scalar(select(func.count()).select_from(distinct)) or 0)


def report_data(db: Database, flt: StatsFilter) -> ReportData:
    """The four scans run side by side: SQLite and the PostgreSQL driver release the GIL while they read,
    so on two cores the report takes about as long as its slowest scan rather than their sum."""
    union_name = ""
    if flt.union_id is not None:
        with db.reading() as s:
            union_name = s.scalar(select(TradeUnionRow.name).where(TradeUnionRow.id == flt.union_id)) or ""
    with ThreadPoolExecutor(max_workers=4, thread_name_prefix="report") as pool:
        by = {key: pool.submit(compute_stats, db, flt, key) for key in ("union", "venue", "month")}
        groups = pool.submit(_groups, db, flt)
        by_union, by_venue, by_month = (by[k].result() for k in ("union", "venue", "month"))
    return ReportData(
        flt.start,
        flt.end,
        union_name,
        Stats(
            by_union.participants, by_union.visits
        ),  # by-union totals are the filter's totals (compute_stats)
        by_union,
        by_venue,
        by_month,
        groups.result(),
        get_target(db),
    )
