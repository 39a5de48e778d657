"""`redtour map`: the venue map as PNG (QtWebEngine, imported only for this output) or standalone HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from redtour.cli.common import load_saved_plan, open_database, parse_date
from redtour.core.errors import RedtourError


def add_parsers(sub: Any) -> None:
    m = sub.add_parser(
        "map",
        help="render the map to PNG or a self-contained HTML file (works offline)",
        description="Render the venue map headless: FILE.png (QtWebEngine, offscreen) or FILE.html "
        "(one file with Leaflet and the basemap inlined, opens offline in any browser). "
        "Venues without a known location cannot be drawn; they are listed after the file is written.",
    )
    m.add_argument("--out", type=Path, required=True, metavar="FILE.png|FILE.html")
    m.add_argument("--width", type=int, default=1200)
    m.add_argument("--height", type=int, default=900)
    m.add_argument(
        "--date", type=parse_date, metavar="YYYY-MM-DD", help="colour markers by status on this day"
    )
    m.add_argument("--plan", metavar="ID", help="draw this saved plan's route (number or name)")
    m.set_defaults(func=cmd_map)


def cmd_map(args: argparse.Namespace) -> int:
    from redtour.storage.holidays import load_calendar
    from redtour.storage.venues import VenueRepository

    suffix = args.out.suffix.lower()
    if suffix not in (".png", ".html", ".htm"):
        raise RedtourError(f"输出文件应以 .png 或 .html 结尾：{args.out}")
    route = None
    with open_database(args) as db:
        venues = VenueRepository(db).list_venues()
        holidays = load_calendar(db)
        if args.plan:
            from redtour.mapping.route import route_of_plan

            saved, plan = load_saved_plan(db, args.plan)
            route = route_of_plan(plan, saved.name)
            args.date = args.date or plan.request.day
    if suffix == ".png":
        from redtour.ui.map.render import render_map_png  # Qt only for this output

        render_map_png(
            venues, args.out, width=args.width, height=args.height, on_date=args.date, route=route,
            holidays=holidays,
        )  # fmt: skip
    else:
        from redtour.mapping.page import write_standalone_html

        write_standalone_html(args.out, venues, on_date=args.date, route=route, holidays=holidays)
    if args.date and holidays.warning(args.date):
        print(f"注意：{holidays.warning(args.date)}", file=sys.stderr)
    print(f"已生成 {args.out}")
    from redtour.mapping.markers import unlocated_note

    for line in unlocated_note(venues):  # they cannot be drawn: named rather than silently left out
        print(line)
    return 0
