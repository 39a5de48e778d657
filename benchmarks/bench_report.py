"""The 活动情况报告 over 1,000,000 visits: build the .docx (figures, charts, template) < 10 s (issue 16), and
its numbers equal `redtour stats`. Anchor: the raw sqlite3 aggregate queries for the same figures.

    python benchmarks/bench_report.py [--visits 1000000] [--db URL]
        --db: reuse a database filled by an earlier run (a SQLite file path, or a postgresql+psycopg:// URL;
        the raw-SQL anchor is measured on SQLite only)
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("REDTOUR_HOME", tempfile.mkdtemp(prefix="redtour-bench-"))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def raw_sqlite(path: Path) -> float:
    """The same figures in plain SQL: totals, by union, venue and month, distinct groups."""
    t = time.perf_counter()
    con = sqlite3.connect(path)
    con.execute("SELECT count(*), count(DISTINCT participant_id) FROM visit").fetchall()
    for col in ("union_id", "venue_id", "month"):
        con.execute(
            f"SELECT {col}, count(*), count(DISTINCT participant_id) FROM visit GROUP BY {col}"
        ).fetchall()
    con.execute("SELECT count(DISTINCT group_id) FROM visit").fetchall()
    con.close()
    return time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=250_000)
    parser.add_argument(
        "--db", metavar="URL", help="reuse a database filled by an earlier run (SQLite path or URL)"
    )
    args = parser.parse_args()

    from benchmarks.participation_data import generate, raw_target
    from redtour.storage.bootstrap import open_user_database, resolve_db_url
    from redtour.storage.venues import VenueRepository

    work = Path(tempfile.mkdtemp(prefix="redtour-bench-report-"))
    url = resolve_db_url(args.db or str(work / "redtour.db"))
    db = open_user_database(url)
    if args.db is None:
        ids = [v.id for v in VenueRepository(db).list_venues() if v.in_notice]
        t = time.perf_counter()
        counts = generate(raw_target(db), visits=args.visits, people=args.people, venue_ids=ids)
        print(f"generated {counts} in {time.perf_counter() - t:.1f} s")
    anchor = None
    if db.sqlite_path is not None:
        raw_sqlite(db.sqlite_path)  # warm the page cache, as a running app would have it
        anchor = min(raw_sqlite(db.sqlite_path) for _ in range(3))

    from redtour.core.participation import StatsFilter
    from redtour.export.report_docx import write_report_docx
    from redtour.storage.report_data import report_data

    out = work / "report.docx"
    t = time.perf_counter()
    data = report_data(db, StatsFilter())
    figures = time.perf_counter() - t
    write_report_docx(data, out)
    total = time.perf_counter() - t
    print(
        f"report over {data.total.visits:,} visits: figures {figures:.2f} s, .docx written {total:.2f} s "
        f"(target < 10 s); {out.stat().st_size / 1024:.0f} KB"
    )
    if anchor is not None:
        print(f"anchor: raw sqlite3 aggregates {anchor:.2f} s; report / anchor = {total / anchor:.1f}×")

    t = time.perf_counter()
    cli = subprocess.run(
        [sys.executable, "-m", "redtour", "--db", url, "report", "--out", str(work / "cli.docx")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    print(f"`redtour report` as a fresh process (imports included): {time.perf_counter() - t:.2f} s")
    del cli
    for by, rows in (
        ("venue", data.by_venue.rows),
        ("month", data.by_month.rows),
        ("union", data.by_union.rows),
    ):
        stats = json.loads(
            subprocess.run(
                [sys.executable, "-m", "redtour", "--db", url, "stats", "--by", by, "--format", "json"],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            ).stdout
        )
        same = (
            stats["participants"] == data.total.participants
            and stats["visits"] == data.total.visits
            and [(r["label"], r["participants"], r["visits"]) for r in stats["rows"]]
            == [(r.label, r.participants, r.visits) for r in rows]
        )
        print(f"numbers equal `redtour stats --by {by}`: {same}")
        assert same
    db.dispose()


if __name__ == "__main__":
    main()
