"""Route-sheet benchmark: a 6-stop plan with its map and a 40-person sign-in sheet, to A4 PDF.

Times the whole job as the CLI does it (map page loaded and grabbed at 2×, HTML rendered, printed to PDF),
in one process after Qt has started. Target: under 3 s.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_route_sheet.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import date
from datetime import time as clock
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
os.environ.setdefault("REDTOUR_HOME", tempfile.mkdtemp(prefix="redtour-bench-"))

SIX = ["shujibu", "huxi_banri", "guzhenghong", "sanshan", "laomo", "zgh_disi"]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--db", metavar="URL", help="database: SQLite path or URL (default: REDTOUR_DB, else a temporary one)"
    )
    args = parser.parse_args()

    from redtour.app import create_application
    from redtour.core.planner import Lunch, Place, PlanRequest, StopRequest, plan_day
    from redtour.export.route_sheet import SheetOptions, SheetPerson
    from redtour.storage.bootstrap import open_user_database, resolve_db_url
    from redtour.storage.venues import VenueRepository
    from redtour.ui.printing.sheet_pdf import write_route_sheet_pdf

    create_application()
    db = open_user_database(resolve_db_url(args.db))
    venues = VenueRepository(db).list_venues()
    by_id = {v.id: v for v in venues}
    start = by_id["guzhenghong"].location
    req = PlanRequest(
        day=date(2026, 12, 2),
        start=Place("顾正红纪念馆", start.lat, start.lon, "guzhenghong"),
        stops=tuple(StopRequest(by_id[v], visit_min=30) for v in SIX),
        start_time=clock(8, 30),
        return_by=clock(17, 30),
        lunch=Lunch(),
        today=date(2026, 11, 1),
    )
    plan = plan_day(req)
    roster = tuple(SheetPerson(f"职工{i:02d}", f"第{i % 7 + 1}车间", f"1390000{i:04d}") for i in range(40))
    options = SheetOptions(union="普陀区总工会", group="测试团", leader="王老师", roster=roster)
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(args.runs):
            out = Path(tmp) / f"sheet{k}.pdf"
            t0 = time.perf_counter()
            write_route_sheet_pdf(plan, venues, options, out, "测试路线")
            times.append(time.perf_counter() - t0)
        size = out.stat().st_size
    print(
        f"6-stop route sheet with map and 40-person sign-in sheet: {len(plan.stops)} stops, {size // 1024} KB"
    )
    print(
        f"median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, n={len(times)})"
    )
    db.dispose()


if __name__ == "__main__":
    main()
