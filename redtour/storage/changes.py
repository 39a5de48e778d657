"""What a write changed, as kinds of data ("venues", "visits", …) that pages and the map refresh on.

Recorded where every write passes: the engine sees each INSERT/UPDATE/DELETE (ORM flushes and Core statements
alike), and ``Database.writing()`` keeps a transaction's tables only once it commits (a dry run or a rolled-back
import changed nothing). A caller wraps its writes in ``recording()`` and reads the ``Changes`` afterwards, so no
repository method has to remember to report, and none can forget.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the GUI imports this module before SQLAlchemy has loaded (redtour/app.py, start-up)
    from sqlalchemy import Engine

#: Table → the kind of data a page shows. Tables absent here (audit_log, app_meta) change nothing visible.
TABLE_KINDS: dict[str, str] = {
    "venue": "venues",
    "venue_correction": "venues",
    "plan": "plans",
    "saved_place": "places",
    "trade_union": "people",
    "participant": "people",
    "import_batch": "people",
    "tour_group": "groups",
    "group_member": "groups",
    "visit": "visits",
    "holiday_year": "holidays",
    "venue_capacity": "campaigns",  # capacities are edited and read on the 活动 page
    "campaign": "campaigns",
    "campaign_union": "campaigns",
    "campaign_request": "campaigns",
    "campaign_schedule": "campaigns",
    "campaign_assignment": "campaigns",
    "campaign_booking": "campaigns",
    "campaign_closure": "campaigns",
}
KINDS = frozenset(TABLE_KINDS.values())


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[str] = field(default_factory=frozenset)
    #: Who asked for the write (the UI passes the page): it shows its own result; others refresh.
    origin: object = field(default=None, compare=False)

    @classmethod
    def of(cls, *kinds: str) -> Changes:
        unknown = set(kinds) - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")
        return cls(frozenset(kinds))

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds, self.origin)

    def touches(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)


# The open recorders of this thread (a context variable: each worker thread starts with none).
_recorders: ContextVar[tuple[set[str], ...]] = ContextVar("redtour_change_recorders", default=())
_pending: ContextVar[set[str] | None] = ContextVar("redtour_change_pending", default=None)

_SQL_TABLE = re.compile(r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the kinds changed by the writes committed inside the block (``Changes(frozenset(kinds))``)."""
    kinds: set[str] = set()
    token = _recorders.set((*_recorders.get(), kinds))
    try:
        yield kinds
    finally:
        _recorders.reset(token)


@contextmanager
def transaction() -> Iterator[None]:
    """Around one write transaction: its tables count only if the block ends without an exception."""
    outer = _pending.get()
    mine: set[str] = set()
    token = _pending.set(mine)
    try:
        yield
    finally:
        _pending.reset(token)
    if outer is not None:
        outer |= mine
    else:
        for rec in _recorders.get():
            rec |= mine


def note_table(name: str) -> None:
    kind = TABLE_KINDS.get(name)
    if kind is None:
        return
    pending = _pending.get()
    if pending is not None:
        pending.add(kind)
    else:  # autocommitted outside Database.writing() (a pragma, a migration): counts at once
        for rec in _recorders.get():
            rec.add(kind)


def _table_of(statement: Any) -> str | None:
    if isinstance(statement, str):
        m = _SQL_TABLE.match(statement)
        return m.group(1) if m else None
    if getattr(statement, "is_dml", False):
        table = getattr(statement, "table", None)
        return getattr(table, "name", None)
    text = getattr(statement, "text", None)  # text("DELETE FROM …")
    return _table_of(text) if isinstance(text, str) else None


def install(engine: Engine) -> None:
    """Note every data-changing statement run through ``engine`` (and engines derived from it)."""
    from sqlalchemy import event

    @event.listens_for(engine, "before_execute")
    def _seen(_conn: Any, statement: Any, *_args: Any) -> None:
        name = _table_of(statement)
        if name is not None:
            note_table(name)
