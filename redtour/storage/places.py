"""Saved places (常用地点): a union's named start and end points, kept in the working database."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from redtour.core.planner import Place
from redtour.storage.database import Database
from redtour.storage.models import SavedPlaceRow


def _check(name: str, lat: float, lon: float) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValueError("地点名称不能为空")
    if len(name) > 200:
        raise ValueError("地点名称太长（最多 200 字）")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"坐标超出范围：{lat}, {lon}")
    return name


class PlaceRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def list_places(self) -> list[Place]:
        """By name; a saved place has no venue id."""
        with self.db.reading() as s:
            rows = s.scalars(select(SavedPlaceRow).order_by(SavedPlaceRow.name)).all()
            return [Place(r.name, r.lat, r.lon) for r in rows]

    def save(self, name: str, lat: float, lon: float, note: str = "") -> Place:
        """Add a place, or move the one of that name to the new point."""
        name = _check(name, lat, lon)
        now = datetime.now().replace(microsecond=0)
        with self.db.writing() as s:
            row = s.scalar(select(SavedPlaceRow).where(SavedPlaceRow.name == name))
            if row is None:
                s.add(
                    SavedPlaceRow(uuid=str(uuid.uuid4()), name=name, lat=lat, lon=lon, note=note, updated=now)
                )
            else:
                row.lat, row.lon, row.note, row.updated = lat, lon, note or row.note, now
        return Place(name, lat, lon)

    def rename(self, old: str, new: str) -> Place:
        """The same place (point, note, identity) under a new name; refused when another place has it."""
        with self.db.writing() as s:
            row = s.scalar(select(SavedPlaceRow).where(SavedPlaceRow.name == old))
            if row is None:
                raise LookupError(f"没有名为“{old}”的常用地点")
            new = _check(new, row.lat, row.lon)
            if new != old and s.scalar(select(SavedPlaceRow.id).where(SavedPlaceRow.name == new)) is not None:
                raise ValueError(f"已有名为“{new}”的常用地点")
            row.name, row.updated = new, datetime.now().replace(microsecond=0)
            return Place(new, row.lat, row.lon)

    def delete(self, name: str) -> bool:
        with self.db.writing() as s:
            row = s.scalar(select(SavedPlaceRow).where(SavedPlaceRow.name == name))
            if row is None:
                return False
            s.delete(row)
            return True
