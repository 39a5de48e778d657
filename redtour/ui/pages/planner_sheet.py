"""What the planner's route sheet prints about the people: the group's size and, when a tour group was made
from the saved plan and has a roster, its members by name (phones masked as stored)."""

from __future__ import annotations

from redtour.export.route_sheet import SheetPerson
from redtour.storage.database import Database
from redtour.storage.participation import Group, ParticipationRepository


def groups_following(db: Database, plan_id: int | None) -> list[Group]:
    """Tour groups created from the saved plan that have their own roster."""
    if plan_id is None:
        return []
    return [g for g in ParticipationRepository(db).groups() if g.plan_id == plan_id and g.member_count]


def roster_of(db: Database, group: Group) -> tuple[SheetPerson, ...]:
    entries = ParticipationRepository(db).roster(group.id)
    return tuple(SheetPerson(e.name, e.work_unit, e.mobile_masked) for e in entries)
