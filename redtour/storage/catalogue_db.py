"""Build the bundled sites.db from the TOML source, and merge it into a user's working database."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from redtour.core.catalogue import Venue
from redtour.storage.catalogue_source import load_venues, source_digest
from redtour.storage.database import Database, sqlite_url
from redtour.storage.migrate import upgrade
from redtour.storage.models import MetaRow, VenueRow
from redtour.storage.venues import VenueRepository, row_from_venue

log = logging.getLogger(__name__)
DIGEST_KEY = "catalogue_digest"


def read_meta(db: Database, key: str) -> str | None:
    with db.reading() as s:
        row = s.get(MetaRow, key)
        return row.value if row else None


def build_catalogue(source_dir: Path, out_path: Path) -> int:
    """Write sites.db from the source: built in a temporary file, then moved into place atomically."""
    venues = load_venues(source_dir)
    digest = source_digest(source_dir)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".sites-", suffix=".db", dir=out_path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        db = Database(sqlite_url(tmp), journal="DELETE")  # the shipped file must open read-only: no WAL
        upgrade(db)
        with db.writing() as s:
            for v in venues:
                s.add(VenueRow(**row_from_venue(v), retired=False))
            s.add(MetaRow(key=DIGEST_KEY, value=digest))
            s.add(MetaRow(key="venue_count", value=str(len(venues))))
        db.pragma("user_version=1")
        with db.engine.connect() as conn:
            conn.connection.driver_connection.execute("VACUUM")  # type: ignore[union-attr]
        db.dispose()
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(str(tmp) + suffix).unlink(missing_ok=True)
    log.info("built %s with %d venues (digest %s)", out_path, len(venues), digest)
    return len(venues)


def open_bundled(path: Path) -> Database:
    return Database(sqlite_url(path, read_only=True), read_only=True)


def bundled_venues(path: Path) -> tuple[list[Venue], str]:
    db = open_bundled(path)
    try:
        return VenueRepository(db).list_venues(include_retired=True), read_meta(db, DIGEST_KEY) or ""
    finally:
        db.dispose()


@dataclass(frozen=True)
class MergeReport:
    added: int
    updated: int
    retired: int
    digest: str

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.retired)


def merge_catalogue(user_db: Database, venues: list[Venue], digest: str) -> MergeReport:
    """Upsert catalogue venues into the user database in one transaction.

    Staff corrections (their own table) and locally added venues are never touched; a catalogue venue
    that the new catalogue no longer lists is marked retired, not deleted (plans may refer to it).
    """
    added = updated = retired = 0
    with user_db.writing() as s:
        existing = {r.id: r for r in s.scalars(select(VenueRow))}
        incoming = {v.id for v in venues}
        for v in venues:
            values = row_from_venue(v)
            row = existing.get(v.id)
            if row is None:
                s.add(VenueRow(**values, retired=False))
                added += 1
            elif row.origin == "local":
                log.warning("catalogue venue %s collides with a local venue; the local one is kept", v.id)
            else:
                changed = any(getattr(row, k) != val for k, val in values.items()) or row.retired
                for k, val in values.items():
                    setattr(row, k, val)
                row.retired = False
                updated += int(changed)
        for vid, row in existing.items():
            if row.origin == "catalogue" and vid not in incoming and not row.retired:
                row.retired = True
                retired += 1
        meta = s.get(MetaRow, DIGEST_KEY) or MetaRow(key=DIGEST_KEY, value="")
        meta.value = digest
        s.add(meta)
    return MergeReport(added, updated, retired, digest)


def sync_from_bundle(user_db: Database, bundle: Path) -> MergeReport | None:
    """Merge the bundled catalogue when its digest differs from the one last merged."""
    if not bundle.exists():
        log.warning("bundled catalogue %s is missing; keeping the venues already in the database", bundle)
        return None
    bundled = open_bundled(bundle)
    try:  # the digest first: on every start but the first after an update, the venues need not be read
        digest = read_meta(bundled, DIGEST_KEY) or ""
        if digest and digest == read_meta(user_db, DIGEST_KEY):
            return None
        venues = VenueRepository(bundled).list_venues(include_retired=True)
    finally:
        bundled.dispose()
    report = merge_catalogue(user_db, venues, digest)
    log.info("merged catalogue %s: %s", digest, report)
    return report
