"""The audit log: who exported, imported, checked in or undid what, and when (reliability.md §4.2).

Rows are append-only (database triggers refuse UPDATE and DELETE) and hash-chained:
``hash = SHA-256(prev_hash ‖ canonical JSON of the row)``, so an edited or removed row breaks the chain.
Never put full mobile or ID numbers in ``detail``.
"""

from __future__ import annotations

import getpass
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from redtour.storage.database import Database
from redtour.storage.models import AuditRow, ImportBatchRow

GENESIS = "0" * 64


def current_actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (some services/containers)
        return "unknown"


def _digest(prev: str, at: datetime, actor: str, action: str, detail: dict[str, Any]) -> str:
    body = json.dumps(
        [at.isoformat(timespec="microseconds"), actor, action, detail],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev + body).encode()).hexdigest()


def record(session: Session, action: str, detail: dict[str, Any], *, actor: str | None = None) -> None:
    """Append within the caller's transaction: the audit row commits or rolls back with the work."""
    if session.get_bind().dialect.name == "postgresql":
        # Two offices' writers must not both chain onto the same predecessor.
        session.execute(text("SELECT pg_advisory_xact_lock(72011)"))
    prev = session.scalar(select(AuditRow.hash).order_by(AuditRow.id.desc()).limit(1)) or GENESIS
    at = datetime.now()
    who = actor or current_actor()
    session.add(
        AuditRow(
            at=at,
            actor=who,
            action=action,
            detail=detail,
            prev_hash=prev,
            hash=_digest(prev, at, who, action, detail),
        )
    )
    session.flush()


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


def entries(db: Database, *, limit: int = 200) -> list[AuditEntry]:
    with db.reading() as s:
        rows = s.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)).all()
        return [AuditEntry(r.id, r.at, r.actor, r.action, dict(r.detail)) for r in rows]


def verify_chain(db: Database) -> int | None:
    """The id of the first row whose hash does not follow from its predecessor, or None if intact."""
    prev = GENESIS
    with db.reading() as s:
        for row in s.execute(select(AuditRow).order_by(AuditRow.id)).scalars():
            if row.prev_hash != prev or row.hash != _digest(
                prev, row.at, row.actor, row.action, dict(row.detail)
            ):
                return row.id
            prev = row.hash
    return None


def record_import(
    session: Session,
    kind: str,
    file_name: str,
    sha256: str,
    *,
    added: int,
    merged: int,
    skipped: int,
    detail: dict[str, Any],
) -> None:
    """An applied import: its batch row (the same file is recognised next time) and its audit entry
    ``<kind>.import``, both in the caller's transaction."""
    session.add(
        ImportBatchRow(
            kind=kind,
            file_name=file_name,
            sha256=sha256,
            added=added,
            merged=merged,
            skipped=skipped,
            at=datetime.now(),
        )
    )
    record(session, f"{kind}.import", {"file": file_name, "sha256": sha256, **detail})
