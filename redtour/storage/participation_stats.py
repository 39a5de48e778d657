"""Participation statistics: distinct people (人数) and visit records (人次), in total and by a dimension.

No maintained aggregate tables: each dimension has a covering index on ``visit`` with ``participant_id``
second (migration 0003), so COUNT(DISTINCT participant_id) reads one index and never the table.
benchmarks/bench_participation.py measures it on 1,000,000 visits.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from redtour.core.participation import BY_CHOICES, Stats, StatsFilter, StatsRow, month_label
from redtour.storage.database import Database
from redtour.storage.models import MetaRow, TradeUnionRow, VenueRow, VisitRow
from redtour.storage.participation import visit_filter

TARGET_KEY = "participation_target"


def compute_stats(db: Database, flt: StatsFilter | None = None, by: str | None = None) -> Stats:
    flt = flt or StatsFilter()
    if by is not None and by not in BY_CHOICES:
        raise ValueError(f"unknown dimension {by!r}")
    with db.reading() as s:
        rows: list[Any] = []
        if by is not None:
            column: Any = {"union": VisitRow.union_id, "venue": VisitRow.venue_id, "month": VisitRow.month}[
                by
            ]
            # count(*) beside count(DISTINCT) on the dimension's covering index: one ordered scan, no sort.
            grouped = select(column, func.count(), func.count(VisitRow.participant_id.distinct()))
            rows = list(s.execute(visit_filter(s, grouped, flt).group_by(column)).all())
        if by == "union":
            # Each visit carries its participant's union, so people per union add up to the total.
            visits, people = sum(r[1] for r in rows), sum(r[2] for r in rows)
        else:
            visits = (
                sum(r[1] for r in rows)
                if by
                else s.scalar(visit_filter(s, select(func.count()).select_from(VisitRow), flt)) or 0
            )
            # SELECT DISTINCT walks an index in participant order (no temp B-tree), unlike COUNT(DISTINCT).
            distinct = visit_filter(s, select(VisitRow.participant_id).distinct(), flt).subquery()
            people = s.scalar(select(func.count()).select_from(distinct)) or 0
        if by is None:
            return Stats(int(people), int(visits))
        if by == "union":
            union_names: dict[Any, str] = dict(s.execute(select(TradeUnionRow.id, TradeUnionRow.name)).all())
            labelled = [(str(k), union_names.get(k, str(k)), p, v) for k, v, p in rows]
        elif by == "venue":
            venue_names: dict[Any, str] = dict(s.execute(select(VenueRow.id, VenueRow.name_zh)).all())
            labelled = [(str(k), venue_names.get(k, str(k)), p, v) for k, v, p in rows]
        else:
            labelled = [(str(k), month_label(int(k)), p, v) for k, v, p in rows]
    if by == "month":
        labelled.sort(key=lambda r: r[0])
    else:
        labelled.sort(key=lambda r: (-r[3], r[1]))
    return Stats(
        int(people), int(visits), by, tuple(StatsRow(k, lab, int(p), int(v)) for k, lab, p, v in labelled)
    )


def get_target(db: Database) -> int | None:
    with db.reading() as s:
        value = s.scalar(select(MetaRow.value).where(MetaRow.key == TARGET_KEY))
    return int(value) if value and value.isdigit() and int(value) > 0 else None


def set_target(db: Database, target: int | None) -> None:
    """The participant target (e.g. the district's quota). Stored in the database: shared by its users."""
    with db.writing() as s:
        row = s.get(MetaRow, TARGET_KEY)
        if not target:
            if row is not None:
                s.delete(row)
        elif row is None:
            s.add(MetaRow(key=TARGET_KEY, value=str(target)))
        else:
            row.value = str(target)
