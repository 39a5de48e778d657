"""The one visits query: visits joined with venue, person, union (and its parent) and group, filtered.

The participation table's pages and the streamed log export both build on it, so the rows a user sees for a
filter are the rows an export of that filter writes.
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session, aliased

from redtour.core.participation import StatsFilter
from redtour.storage.models import ParticipantRow, TourGroupRow, TradeUnionRow, VenueRow, VisitRow

AnySelect = TypeVar("AnySelect", bound="Select[*tuple[Any, ...]]")

ParentUnion = aliased(TradeUnionRow, name="parent_union")


def union_and_children(session: Session, union_id: int) -> list[int]:
    ids = [union_id]
    frontier = [union_id]
    while frontier:
        frontier = list(
            session.scalars(select(TradeUnionRow.id).where(TradeUnionRow.parent_id.in_(frontier)))
        )
        ids += frontier
    return ids


def participant_search(search: str) -> ColumnElement[bool] | None:
    """People whose name or work unit holds ``search``; four or more digits also match a mobile's end."""
    search = search.strip()
    if not search:
        return None
    like = f"%{search}%"
    cond = or_(ParticipantRow.name.like(like), ParticipantRow.work_unit.like(like))
    digits = "".join(ch for ch in search if ch.isascii() and ch.isdigit())
    if len(digits) >= 4 and digits == search:
        cond = or_(cond, ParticipantRow.mobile.like(f"%{digits}"))  # the last digits, as printed
    return cond


def visit_filter(session: Session, stmt: AnySelect, flt: StatsFilter) -> AnySelect:
    """The filter's conditions on VisitRow (statistics use it without the joins)."""
    if flt.start is not None:
        stmt = stmt.where(VisitRow.day >= flt.start)
    if flt.end is not None:
        stmt = stmt.where(VisitRow.day <= flt.end)
    if flt.union_id is not None:
        ids = union_and_children(session, flt.union_id)
        stmt = stmt.where(VisitRow.union_id == ids[0] if len(ids) == 1 else VisitRow.union_id.in_(ids))
    if flt.venue_id:
        stmt = stmt.where(VisitRow.venue_id == flt.venue_id)
    if flt.group_id is not None:
        stmt = stmt.where(VisitRow.group_id == flt.group_id)
    people = participant_search(flt.search)
    if people is not None:  # a subquery, so statistics need no join either
        stmt = stmt.where(VisitRow.participant_id.in_(select(ParticipantRow.id).where(people)))
    return stmt


def visits_query(session: Session, flt: StatsFilter, *columns: Any) -> Select[Any]:
    """``columns`` of the filtered visits, joined; the caller adds order and paging.

    Columns may come from VisitRow, VenueRow, ParticipantRow, TradeUnionRow (the union credited),
    ``ParentUnion`` (its parent, outer-joined) and TourGroupRow (outer-joined).
    """
    stmt = (
        select(*columns)
        .select_from(VisitRow)
        .join(VenueRow, VenueRow.id == VisitRow.venue_id)
        .join(ParticipantRow, ParticipantRow.id == VisitRow.participant_id)
        .join(TradeUnionRow, TradeUnionRow.id == VisitRow.union_id)
        .outerjoin(ParentUnion, ParentUnion.id == TradeUnionRow.parent_id)
        .outerjoin(TourGroupRow, TourGroupRow.id == VisitRow.group_id)
    )
    return visit_filter(session, stmt, flt)
