"""Venue repository: catalogue venues, staff corrections and locally added venues."""

from __future__ import annotations

import dataclasses
import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from redtour.core.catalogue import (
    CORRECTABLE_FACTS,
    Correction,
    Venue,
    apply_corrections,
    fact_to_plain,
    parse_fact,
    venue_from_dict,
    venue_to_dict,
)
from redtour.storage.campaign_rows import VenueCapacityRow
from redtour.storage.database import Database
from redtour.storage.models import VenueCorrectionRow, VenueRow

_COLUMNS = (*CORRECTABLE_FACTS, "name_zh", "in_notice", "compiled", "sources", "facts")


def row_from_venue(venue: Venue) -> dict[str, Any]:
    """Column values for a venue (the catalogue facts only; corrections live in their own table)."""
    plain = venue_to_dict(venue)
    values = {key: plain[key] for key in _COLUMNS}
    values.update(
        id=venue.id,
        compiled=venue.compiled,
        lat=venue.lat,
        lon=venue.lon,
        origin=venue.origin,
    )
    return values


def venue_from_row(row: VenueRow) -> Venue:
    data = {key: getattr(row, key) for key in _COLUMNS}
    data["id"] = row.id
    return venue_from_dict(data, origin="local" if row.origin == "local" else "catalogue")


def correction_from_row(row: VenueCorrectionRow) -> Correction:
    return Correction(
        row.venue_id, row.fact, row.value, row.checked, row.note, row.checked_by, row.checked_how, row.changed
    )


class VenueRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- reading -----------------------------------------------------------------------------------
    def list_venues(self, *, include_retired: bool = False) -> list[Venue]:
        """All venues with local corrections applied, catalogue order (notice venues first, then by id)."""
        with self.db.reading() as s:
            return self._list(s, include_retired=include_retired)

    def _list(self, s: Session, *, include_retired: bool) -> list[Venue]:
        query = select(VenueRow)
        if not include_retired:
            query = query.where(VenueRow.retired.is_(False))
        rows = s.scalars(query.order_by(VenueRow.in_notice.desc(), VenueRow.origin, VenueRow.id)).all()
        corrections: dict[str, list[Correction]] = defaultdict(list)
        for c in s.scalars(select(VenueCorrectionRow)):
            corrections[c.venue_id].append(correction_from_row(c))
        return [apply_corrections(venue_from_row(r), corrections.get(r.id, ())) for r in rows]

    def get(self, venue_id: str) -> Venue:
        with self.db.reading() as s:
            row = s.get(VenueRow, venue_id)
            if row is None:
                raise LookupError(f"没有编号为 {venue_id} 的场馆")
            found = s.scalars(select(VenueCorrectionRow).where(VenueCorrectionRow.venue_id == venue_id))
            return apply_corrections(venue_from_row(row), [correction_from_row(c) for c in found])

    def catalogue_value(self, venue_id: str, fact: str) -> Any:
        """The fact as the catalogue states it, before any local correction."""
        with self.db.reading() as s:
            row = s.get(VenueRow, venue_id)
            if row is None:
                raise LookupError(venue_id)
            return getattr(venue_from_row(row), fact)

    def corrections(self, venue_id: str | None = None) -> list[Correction]:
        with self.db.reading() as s:
            query = select(VenueCorrectionRow).order_by(VenueCorrectionRow.venue_id, VenueCorrectionRow.fact)
            if venue_id is not None:
                query = query.where(VenueCorrectionRow.venue_id == venue_id)
            return [correction_from_row(r) for r in s.scalars(query)]

    # --- writing -----------------------------------------------------------------------------------
    def correct(
        self,
        venue_id: str,
        fact: str,
        value: Any,
        checked: date | None,
        note: str = "",
        *,
        by: str = "",
        how: str = "",
    ) -> Venue:
        """Record a staff correction of one fact (validated by parsing it first)."""
        return self.correct_many(venue_id, {fact: value}, checked, note, by=by, how=how)

    def correct_many(
        self,
        venue_id: str,
        facts: dict[str, Any],
        checked: date | None,
        note: str = "",
        *,
        by: str = "",
        how: str = "",
        confirmed: Iterable[str] = (),
    ) -> Venue:
        """Corrections of ``facts`` and confirmations (checked, value unchanged) of ``confirmed``, with who
        checked them, when and how, in one transaction (the edit dialog saves all or nothing)."""
        confirmed = [f for f in confirmed if f not in facts]
        for fact, value in facts.items():
            if fact not in CORRECTABLE_FACTS:
                raise ValueError(f"“{fact}”不能在本地修改")
            parse_fact(fact, value)
        for fact in confirmed:
            if fact not in CORRECTABLE_FACTS:
                raise ValueError(f"“{fact}”不能在本地核对")
        if confirmed and checked is None:
            raise ValueError("核对需要填写核对日期")
        with self.db.writing() as s:
            existing = venue_fact_rows(s, VenueCorrectionRow, venue_id)
            for fact in (*facts, *confirmed):
                row = existing.get(fact) or VenueCorrectionRow(venue_id=venue_id, fact=fact, changed=False)
                if fact in facts:
                    row.value = fact_to_plain(fact, parse_fact(fact, facts[fact]))
                    row.changed = True
                row.checked, row.note, row.updated_at = checked, note, datetime.now()
                row.checked_by, row.checked_how = by.strip()[:100], how.strip()[:100]
                s.add(row)
        return self.get(venue_id)

    def confirm(
        self,
        venue_id: str,
        facts: Iterable[str],
        checked: date,
        *,
        by: str = "",
        how: str = "",
        note: str = "",
    ) -> Venue:
        """Staff confirmed these facts as shown (a correction stays; the catalogue's value is kept otherwise)."""
        return self.correct_many(venue_id, {}, checked, note, by=by, how=how, confirmed=facts)

    def revert(self, venue_id: str, facts: Iterable[str] | None = None) -> Venue:
        """Drop local corrections (all, or the named facts) so the catalogue's values show again."""
        with self.db.writing() as s:
            stmt = delete(VenueCorrectionRow).where(VenueCorrectionRow.venue_id == venue_id)
            if facts is not None:
                stmt = stmt.where(VenueCorrectionRow.fact.in_(list(facts)))
            s.execute(stmt)
        return self.get(venue_id)

    def add_local_venue(self, venue: Venue) -> Venue:
        """A venue staff added themselves (e.g. from the map); catalogue updates never touch it."""
        if not venue.id:
            venue = dataclasses.replace(venue, id=f"local-{uuid.uuid4().hex[:12]}")
        venue = dataclasses.replace(venue, origin="local")
        with self.db.writing() as s:
            if s.get(VenueRow, venue.id) is not None:
                raise ValueError(f"场馆编号 {venue.id} 已存在")
            s.add(VenueRow(**row_from_venue(venue), retired=False))
        return venue

    def delete_local_venue(self, venue_id: str) -> None:
        with self.db.writing() as s:
            row = s.get(VenueRow, venue_id)
            if row is None or row.origin != "local":
                raise ValueError("只能删除本地添加的场馆")
            s.delete(row)


FactRow = TypeVar("FactRow", VenueCorrectionRow, VenueCapacityRow)


def venue_fact_rows(s: Session, row_type: type[FactRow], venue_id: str) -> dict[str, FactRow]:
    """The venue's staff-entered facts of one kind (corrections, capacity) by fact name, to update in place;
    LookupError when there is no such venue."""
    if s.get(VenueRow, venue_id) is None:
        raise LookupError(f"没有编号为 {venue_id} 的场馆")
    return {r.fact: r for r in s.scalars(select(row_type).where(row_type.venue_id == venue_id))}
