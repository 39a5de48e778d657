"""Participation at scale: 1,000,000 visits in the default SQLite database.

Targets (issue 5): statistics for any filter < 300 ms; participant and visit tables open < 1 s and scroll
smoothly; peak memory < 500 MB; import of a 100,000-row .xlsx roster < 20 s; export of 1,000,000 rows
to .csv < 10 s and to .xlsx < 60 s.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_participation.py [--visits 1000000] [--skip-export]
        [--db postgresql+psycopg://user@host:port/maintenance_db]   (the same on a PostgreSQL server:
         a database "redtour_bench" is created there, filled, measured and dropped; --postgres is an alias)
        [--db FILE.db]   (SQLite: a new file at this path instead of one in a temporary folder)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("REDTOUR_HOME", tempfile.mkdtemp(prefix="redtour-bench-"))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--people", type=int, default=250_000)
    parser.add_argument("--roster-rows", type=int, default=100_000)
    parser.add_argument("--skip-export", action="store_true")
    parser.add_argument(
        "--db",
        "--postgres",
        metavar="URL",
        help="a PostgreSQL server URL (postgresql+psycopg://…): run there, in a scratch database "
        "redtour_bench that is dropped and re-created; or a SQLite file path to create "
        "(default: a new file in a temporary folder)",
    )
    args = parser.parse_args()

    from benchmarks.participation_data import raw_target
    from redtour.core.participation import StatsFilter
    from redtour.storage.bootstrap import open_user_database, resolve_db_url
    from redtour.storage.participation import ParticipationRepository
    from redtour.storage.participation_stats import compute_stats
    from redtour.storage.venues import VenueRepository

    work = Path(tempfile.mkdtemp(prefix="redtour-bench-part-"))
    url = resolve_db_url(args.db or str(work / "redtour.db"))
    if url.startswith("postgresql"):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url

        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql('DROP DATABASE IF EXISTS "redtour_bench" WITH (FORCE)')
            conn.exec_driver_sql('CREATE DATABASE "redtour_bench"')
        url = make_url(url).set(database="redtour_bench").render_as_string(hide_password=False)
    db = open_user_database(url)
    venue_ids = [v.id for v in VenueRepository(db).list_venues() if v.in_notice]
    t = time.perf_counter()
    # Generated in a child process: the generator's own lists must not count towards the app's peak memory.
    code = (
        "import json, sys; from benchmarks.participation_data import generate; "
        "print(json.dumps(generate(sys.argv[1], visits=int(sys.argv[2]), people=int(sys.argv[3]), "
        "venue_ids=sys.argv[4].split(','))))"
    )
    child = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            raw_target(db),
            str(args.visits),
            str(args.people),
            ",".join(venue_ids),
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    counts = json.loads(child.stdout)
    size = db.sqlite_path.stat().st_size / 2**20 if db.sqlite_path else _pg_size(db)
    print(
        f"backend {db.url.get_backend_name()}; generated {counts} in {time.perf_counter() - t:.1f} s; "
        f"database {size:.0f} MB"
    )

    repo = ParticipationRepository(db)
    unions = repo.unions()
    top = next(u for u in unions if u.parent_id is None)
    leaf = next(u for u in unions if u.parent_id is not None)
    filters = {
        "all": StatsFilter(),
        "one quarter": StatsFilter(date(2025, 4, 1), date(2025, 6, 30)),
        "district union + its grassroots": StatsFilter(union_id=top.id),
        "grassroots union": StatsFilter(union_id=leaf.id),
        "one venue": StatsFilter(venue_id=venue_ids[0]),
        "venue + union + year": StatsFilter(date(2025, 1, 1), date(2025, 12, 31), top.id, venue_ids[1]),
        "one day": StatsFilter(date(2025, 5, 1), date(2025, 5, 1)),
    }
    compute_stats(db)  # warm the page cache once, as an app that is running would be
    print("\nstatistics (ms; median of 5 runs):")
    worst = 0.0
    for name, flt in filters.items():
        cells = []
        for by in (None, "union", "venue", "month"):
            runs = []
            for _ in range(5):
                t = time.perf_counter()
                compute_stats(db, flt, by)
                runs.append((time.perf_counter() - t) * 1000)
            med = statistics.median(runs)
            worst = max(worst, max(runs))
            cells.append(f"{by or 'total'} {med:6.1f}")
        print(f"  {name:<34} " + "  ".join(cells))
    print(f"  slowest single run: {worst:.1f} ms (target < 300 ms)")

    # UI tables: time to open (count + first visible page painted) and to jump anywhere while scrolling.
    from PySide6.QtWidgets import QApplication

    from redtour.ui.pages.participation_page import ParticipationPage
    from redtour.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    t = time.perf_counter()
    page = ParticipationPage(db, Settings())
    page.resize(1200, 800)
    page.show()
    for index in (1, 2):
        page.tabs.setCurrentIndex(index)
        app.processEvents()
    while page.people_model.counting or page.visits_model.counting:  # the counts run off the GUI thread
        app.processEvents()
    app.processEvents()  # paint the first page
    opened = time.perf_counter() - t
    print(
        f"\nparticipation page with both lazy tables opened and painted: {opened * 1000:.0f} ms (target < 1 s)"
    )
    print(f"  rows: {page.people_model.rowCount():,} participants, {page.visits_model.rowCount():,} visits")
    rng = random.Random(5)
    for view, model in ((page.people_view, page.people_model), (page.visits_view, page.visits_model)):
        page.tabs.setCurrentIndex(1 if model is page.people_model else 2)
        jumps = []
        for _ in range(30):
            row = rng.randrange(model.rowCount())
            t = time.perf_counter()
            view.scrollTo(model.index(row, 0))
            app.processEvents()
            jumps.append((time.perf_counter() - t) * 1000)
        steps = []
        bar = view.verticalScrollBar()
        for _ in range(60):
            t = time.perf_counter()
            bar.setValue(bar.value() + bar.pageStep())
            app.processEvents()
            steps.append((time.perf_counter() - t) * 1000)
        print(
            f"  {model.headers[0] if model is page.people_model else 'visits'} table: jump to a random row "
            f"median {statistics.median(jumps):.0f} ms, max {max(jumps):.0f} ms; page-down median "
            f"{statistics.median(steps):.1f} ms, max {max(steps):.0f} ms; pages held {model.pages_in_memory}"
        )
    page.close()
    print(f"peak memory so far: {peak_mb():.0f} MB (target < 500 MB)")

    # Roster import: a 100,000-row .xlsx written by another program (openpyxl), into the big database.
    import openpyxl

    from redtour.storage.roster_import import import_roster

    roster = work / "roster.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("名册")
    ws.append(["2026年红色寻访报名表"])
    ws.append(["序号", "姓名", "手机号", "工作单位", "基层工会"])
    for i in range(args.roster_rows):
        ws.append(
            [
                i + 1,
                f"职工{chr(0x4E00 + i % 20000)}{chr(0x4E00 + i // 20000)}",
                f"199{i:08d}",
                f"某某公司{i % 300}",
                f"机电第{i % 12}工会",
            ]
        )
    wb.save(roster)
    t = time.perf_counter()
    report = import_roster(db, roster, "上海市机电工会（基准测试）")
    took = time.perf_counter() - t
    print(
        f"\nroster import {args.roster_rows:,} rows .xlsx ({roster.stat().st_size / 2**20:.1f} MB): {took:.1f} s "
        f"(target < 20 s); added {report.added:,}, errors {len(report.errors)}"
    )

    if not args.skip_export:
        from redtour.storage.log_export import export_log

        for fmt, target in (("csv", 10), ("xlsx", 60)):
            out = work / f"log.{fmt}"
            t = time.perf_counter()
            result = export_log(db, out)
            took = time.perf_counter() - t
            print(
                f"export {result.rows:,} rows to .{fmt}: {took:.1f} s (target < {target} s), "
                f"{out.stat().st_size / 2**20:.0f} MB"
            )
    print(f"\npeak memory (whole run): {peak_mb():.0f} MB (target < 500 MB)")
    db.dispose()
    if not db.is_sqlite:
        with admin.connect() as conn:
            conn.exec_driver_sql('DROP DATABASE IF EXISTS "redtour_bench" WITH (FORCE)')


def _pg_size(db) -> float:
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return conn.execute(text("SELECT pg_database_size(current_database())")).scalar() / 2**20


if __name__ == "__main__":
    main()
