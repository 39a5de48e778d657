"""What the sub-command modules share: argument types, the database of one command, saved plans, filters.

Public so that the sub-command modules import it rather than each other's private helpers.
Heavy imports stay inside the functions: `redtour --help` must not load SQLAlchemy or the planner.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redtour.core.participation import StatsFilter
    from redtour.core.planner import Plan
    from redtour.storage.database import Database
    from redtour.storage.plans import SavedPlan

EXIT_REFUSED = 1  # the file had errors: nothing was written


def parse_date(text: str) -> date:
    """argparse type for YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD，而不是 {text!r}") from exc


def parse_hhmm(text: str) -> time:
    """argparse type for HH:MM."""
    try:
        return time.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"时间应写作 HH:MM，而不是 {text!r}") from exc


@contextmanager
def open_database(args: argparse.Namespace) -> Iterator[Database]:
    """The user database for one command (--db, --adopt-db), disposed of when the command is done with it."""
    from redtour.storage.bootstrap import open_user_database, resolve_db_url

    db = open_user_database(resolve_db_url(args.db), allow_foreign=getattr(args, "adopt_db", False))
    try:
        yield db
    finally:
        db.dispose()


def load_saved_plan(db: Database, text: str) -> tuple[SavedPlan, Plan]:
    """A saved plan (by number or name) recomputed on today's catalogue, its order kept."""
    from redtour.core.planner import plan_day
    from redtour.core.saved_request import request_from_dict
    from redtour.storage.holidays import load_calendar
    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository

    saved = PlanRepository(db).find(text)
    venues = {v.id: v for v in VenueRepository(db).list_venues(include_retired=True)}
    req, _missing = request_from_dict(saved.request, venues, load_calendar(db))
    return saved, plan_day(req)


def add_period_filters(p: argparse.ArgumentParser) -> None:
    """--from/--to/--union/--venue, read back by stats_filter."""
    p.add_argument(
        "--from", dest="start", type=parse_date, metavar="YYYY-MM-DD", help="first day (inclusive)"
    )
    p.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD", help="last day (inclusive)")
    p.add_argument(
        "--union", metavar="U", help="only this union (name or number), with its grassroots unions"
    )
    p.add_argument("--venue", metavar="V", help="only this venue (name, alias or id)")


def stats_filter(db: Database, args: argparse.Namespace) -> StatsFilter:
    """The StatsFilter of --from/--to/--union/--venue (union and venue resolved by name or number)."""
    from redtour.core.participation import StatsFilter
    from redtour.core.search import resolve
    from redtour.storage.participation import ParticipationRepository
    from redtour.storage.venues import VenueRepository

    union_id = ParticipationRepository(db).find_union(args.union).id if args.union else None
    venue_id = None
    if args.venue:
        venue_id = resolve(VenueRepository(db).list_venues(include_retired=True), args.venue).id
    return StatsFilter(args.start, args.end, union_id, venue_id)


def print_notes(title: str, notes: list[Any], limit: int = 50) -> None:
    """An import's refused or skipped rows, by sheet row, at most `limit` of them."""
    if not notes:
        return
    print(f"{title}：")
    for n in notes[:limit]:
        print(f"  第 {n.sheet_row} 行：{n.reason}")
    if len(notes) > limit:
        print(f"  …… 另有 {len(notes) - limit} 行")
