"""Export participation logs from the database: streamed rows, written atomically, audited."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, String, cast

from redtour.core.errors import RedtourError
from redtour.core.participation import StatsFilter
from redtour.export.participation_log import ExportInfo, write_log_csv, write_log_xlsx
from redtour.export.xlsx_stream import MAX_ROWS
from redtour.storage import audit
from redtour.storage.batching import file_sha256
from redtour.storage.database import Database
from redtour.storage.models import ParticipantRow, TourGroupRow, TradeUnionRow, VenueRow, VisitRow
from redtour.storage.participation_stats import compute_stats, get_target
from redtour.storage.replaced_file import replaced_file
from redtour.storage.visits_query import ParentUnion, visits_query

FORMATS = ("xlsx", "csv")


class ExportError(RedtourError):
    pass


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    sha256: str


def iter_log_rows(db: Database, flt: StatsFilter, *, batch: int = 5000) -> Iterator[Sequence[Any]]:
    """Visits joined with person, union and group, by day, streamed in batches (never all in memory).

    Core rows on a plain connection and the day as ISO text: ORM row handling and date parsing cost
    more than the query itself at a million rows. Ordered along ix_visit_day_stats, so no sort.
    """
    with db.reading() as s:
        stmt = visits_query(
            s,
            flt,
            cast(VisitRow.day, String(10)),
            VenueRow.name_zh,
            VisitRow.venue_id,
            ParticipantRow.name,
            ParticipantRow.work_unit,
            TradeUnionRow.name,
            ParentUnion.name,
            ParticipantRow.mobile,
            ParticipantRow.employee_no,
            TourGroupRow.name,
            VisitRow.uuid,
            ParticipantRow.uuid,
            TourGroupRow.uuid,
        ).order_by(VisitRow.day, VisitRow.participant_id, VisitRow.venue_id)
    with db.engine.connect() as conn:
        if db.is_sqlite:
            yield from _dbapi_rows(conn, stmt, batch)
            return
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
        for partition in result.partitions():
            yield from partition


def _dbapi_rows(conn: Connection, stmt: Any, batch: int) -> Iterator[Sequence[Any]]:
    """The statement on the DB-API cursor itself: plain tuples, no SQLAlchemy row objects (measured:
    1M joined rows in 3.5 s instead of 4.7 s). Parameters still go through their types' bind processors."""
    compiled = stmt.compile(dialect=conn.dialect)
    params = compiled.construct_params()
    for name, bind in compiled.binds.items():
        process = bind.type.bind_processor(conn.dialect)
        if process is not None and name in params:
            params[name] = process(params[name])
    args: Any = [params[n] for n in compiled.positiontup] if compiled.positiontup is not None else params
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(str(compiled), args)
        while rows := cursor.fetchmany(batch):
            yield from rows
    finally:
        cursor.close()


def export_log(
    db: Database,
    out: Path,
    *,
    fmt: str | None = None,
    flt: StatsFilter | None = None,
    full_phone: bool = False,
    reason: str = "",
    rows_per_sheet: int = MAX_ROWS - 1,
) -> ExportResult:
    """Write the log to ``out`` (replaced only once complete) and note the export in the audit log."""
    flt = flt or StatsFilter()
    out = Path(out)
    fmt = fmt or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError(f"不支持导出为 {fmt or '无扩展名'}；请用 .xlsx 或 .csv")
    if not out.parent.is_dir():
        raise ExportError(f"文件夹 {out.parent} 不存在")
    info = ExportInfo(audit.current_actor(), flt.describe(), full_phone, datetime.now())
    with replaced_file(out, prefix=".redtour-export-", suffix=f".{fmt}") as tmp:
        rows = iter_log_rows(db, flt)
        if fmt == "csv":
            n = write_log_csv(tmp, rows, full_phone=full_phone)
        else:
            stats = {
                key: compute_stats(db, flt, by)
                for key, by in (("total", None), ("union", "union"), ("venue", "venue"), ("month", "month"))
            }
            n = write_log_xlsx(
                tmp, rows, stats=stats, info=info, target=get_target(db), rows_per_sheet=rows_per_sheet
            )
        digest = file_sha256(tmp)
    with db.writing() as s:
        audit.record(
            s,
            "export.full" if full_phone else "export",
            {
                "file": out.name,
                "format": fmt,
                "rows": n,
                "filter": flt.describe(),
                "full_phone": full_phone,
                "reason": reason,
                "sha256": digest,
            },
        )
    return ExportResult(out, n, digest)
