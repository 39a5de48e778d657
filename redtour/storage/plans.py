"""Saved plans: named, duplicated, edited, deleted. A plan is stored as its request, in the chosen order."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from redtour.core.saved_request import SavedRequest, saved_request, saved_venue_ids
from redtour.storage.database import Database
from redtour.storage.models import PlanRow


@dataclass(frozen=True)
class SavedPlan:
    id: int
    uuid: str
    name: str
    day: date
    request: SavedRequest
    updated: datetime

    @property
    def venue_ids(self) -> tuple[str, ...]:
        """The plan's venues in its order (the request stores them as ``request_to_dict`` wrote them)."""
        return saved_venue_ids(self.request)

    @property
    def stop_count(self) -> int:
        return len(self.venue_ids)


def _saved(row: PlanRow) -> SavedPlan:
    return SavedPlan(row.id, row.uuid, row.name, row.day, saved_request(row.request), row.updated)


class PlanRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list_plans(self) -> list[SavedPlan]:
        with self.db.reading() as s:
            rows = s.scalars(select(PlanRow).order_by(PlanRow.day.desc(), PlanRow.name)).all()
            return [_saved(r) for r in rows]

    def get(self, plan_id: int) -> SavedPlan:
        with self.db.reading() as s:
            row = s.get(PlanRow, plan_id)
            if row is None:
                raise LookupError(f"没有编号为 {plan_id} 的行程")
            return _saved(row)

    def find(self, text: str) -> SavedPlan:
        """By number or by exact name."""
        if text.strip().isdigit():
            return self.get(int(text))
        with self.db.reading() as s:
            rows = s.scalars(select(PlanRow).where(PlanRow.name == text.strip())).all()
            if len(rows) != 1:
                raise LookupError(
                    f"没有名为“{text}”的行程" if not rows else f"有多个名为“{text}”的行程，请用编号"
                )
            return _saved(rows[0])

    def save(self, name: str, day: date, request: SavedRequest, plan_id: int | None = None) -> SavedPlan:
        """Create (``plan_id`` None) or overwrite a plan, in one transaction."""
        name = name.strip()
        if not name:
            raise ValueError("行程名称不能为空")
        request = saved_request(request)  # what is stored is read back the same way
        now = datetime.now().replace(microsecond=0)
        with self.db.writing() as s:
            if plan_id is None:
                row = PlanRow(
                    uuid=str(uuid.uuid4()), name=name, day=day, request=dict(request), created=now, updated=now
                )
                s.add(row)
            else:
                found = s.get(PlanRow, plan_id)
                if found is None:
                    raise LookupError(f"没有编号为 {plan_id} 的行程")
                row = found
                row.name, row.day, row.request, row.updated = name, day, dict(request), now
            s.flush()
            return _saved(row)

    def duplicate(self, plan_id: int, name: str | None = None) -> SavedPlan:
        original = self.get(plan_id)
        return self.save(name or self.unique_name(f"{original.name}（副本）"), original.day, original.request)

    def rename(self, plan_id: int, name: str) -> SavedPlan:
        plan = self.get(plan_id)
        return self.save(name, plan.day, plan.request, plan_id)

    def delete(self, plan_id: int) -> None:
        with self.db.writing() as s:
            row = s.get(PlanRow, plan_id)
            if row is None:
                raise LookupError(f"没有编号为 {plan_id} 的行程")
            s.delete(row)

    def unique_name(self, base: str) -> str:
        with self.db.reading() as s:
            taken = set(s.scalars(select(PlanRow.name).where(PlanRow.name.like(f"{base}%"))).all())
        if base not in taken:
            return base
        k = 2
        while f"{base} {k}" in taken:
            k += 1
        return f"{base} {k}"

    def count(self) -> int:
        with self.db.reading() as s:
            return int(s.scalar(select(func.count()).select_from(PlanRow)) or 0)
