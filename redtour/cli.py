"""Command line: `redtour` opens the app; sub-commands work headless. Thin: parse, call, print."""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from redtour import __version__, paths
from redtour.core.errors import RedtourError

log = logging.getLogger("redtour")

DESCRIPTION = """红色寻访助手 redtour — 百万职工红色寻访：场馆目录、路线规划、参与记录。
Plan and record union group visits to Shanghai's labour-movement red sites.
Without a sub-command the desktop app opens."""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD，而不是 {text!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="redtour", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--version", action="version", version=f"redtour {__version__}")
    p.add_argument(
        "--db",
        metavar="URL",
        help="database: a SQLAlchemy URL or a SQLite file path (default: REDTOUR_DB, "
        "else redtour.db in the user data folder)",
    )
    p.add_argument(
        "--lang", choices=["zh_CN", "en"], help="GUI language for this run (default: settings, zh_CN)"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser(
        "sites", help="list venues (场馆目录)", description="List the venues in the catalogue."
    )
    s.add_argument("--district", metavar="D", help="only this district, e.g. 普陀区 or 普陀")
    s.add_argument("--tag", metavar="T", help="only venues with this tag")
    s.add_argument(
        "--search", metavar="TEXT", help="Chinese name or alias, pinyin, initials (gzh) or English"
    )
    s.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="also show whether each venue is open that day"
    )
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.set_defaults(func=cmd_sites)

    m = sub.add_parser(
        "map",
        help="render the map to PNG or a self-contained HTML file (works offline)",
        description="Render the venue map headless: FILE.png (QtWebEngine, offscreen) or FILE.html "
        "(one file with Leaflet and the basemap inlined, opens offline in any browser).",
    )
    m.add_argument("--out", type=Path, required=True, metavar="FILE.png|FILE.html")
    m.add_argument("--width", type=int, default=1200)
    m.add_argument("--height", type=int, default=900)
    m.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="colour markers by status on this day")
    m.set_defaults(func=cmd_map)

    c = sub.add_parser("catalogue", help="build or check the bundled catalogue (sites.db)")
    csub = c.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    b = csub.add_parser("build", help="build sites.db from resources/catalogue/venues/*.toml")
    b.add_argument("--source", type=Path, default=None, help="source folder (default: the bundled one)")
    b.add_argument("--out", type=Path, default=None, help="output file (default: sites.db beside resources/)")
    b.set_defaults(func=cmd_catalogue_build)
    return p


def _open_db(args: argparse.Namespace):
    from redtour.storage.bootstrap import open_user_database, resolve_db_url

    return open_user_database(resolve_db_url(args.db))


def cmd_sites(args: argparse.Namespace) -> int:
    from redtour.core.calendar import day_status, weekly_summary
    from redtour.core.catalogue import UNKNOWN_ZH, venue_to_dict
    from redtour.core.search import matches
    from redtour.storage.venues import VenueRepository

    db = _open_db(args)
    try:
        venues = VenueRepository(db).list_venues()
    finally:
        db.dispose()
    if args.district:
        want = args.district.removesuffix("区").removesuffix("新")
        venues = [v for v in venues if v.district and v.district.startswith(want)]
    if args.tag:
        venues = [v for v in venues if args.tag in v.tags]
    if args.search:
        venues = [v for v in venues if matches(v, args.search)]
    statuses = {v.id: day_status(v, args.date) for v in venues} if args.date else {}

    if args.format == "json":
        out = []
        for v in venues:
            d = venue_to_dict(v)
            d.update(
                lat=v.lat, lon=v.lon, hours_summary=weekly_summary(v.hours), local_facts=sorted(v.local_facts)
            )
            if args.date:
                st = statuses[v.id]
                d["status"] = {"date": args.date.isoformat(), "state": st.state, "hours": st.hours_text(),
                               "reason": st.reason}  # fmt: skip
            out.append(d)
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0

    headers = ["id", "名称", "区", "地址", "开放时间", "纬度", "经度", "来源"]
    if args.date:
        headers.append(f"{args.date:%m-%d}状态")
    rows = []
    for v in venues:
        row = [v.id, v.name_zh, v.district or UNKNOWN_ZH, v.address or UNKNOWN_ZH, weekly_summary(v.hours),
               v.lat if v.lat is not None else UNKNOWN_ZH, v.lon if v.lon is not None else UNKNOWN_ZH,
               " ".join(s.url for s in v.sources)]  # fmt: skip
        if args.date:
            st = statuses[v.id]
            row.append({"open": "开放", "closed": "闭馆", "unknown": UNKNOWN_ZH}[st.state])
        rows.append(row)
    if args.format == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(rows)
        sys.stdout.buffer.write(buf.getvalue().encode("utf-8-sig"))  # BOM: Chinese Excel/WPS open it right
        return 0
    from redtour.textable import format_table

    table_rows = [r[:5] + r[8:] for r in rows]
    print(format_table(headers[:5] + headers[8:], table_rows, max_width=34))
    print(f"\n共 {len(venues)} 个场馆")
    return 0


def cmd_map(args: argparse.Namespace) -> int:
    from redtour.storage.venues import VenueRepository

    suffix = args.out.suffix.lower()
    if suffix not in (".png", ".html", ".htm"):
        raise RedtourError(f"输出文件应以 .png 或 .html 结尾：{args.out}")
    db = _open_db(args)
    try:
        venues = VenueRepository(db).list_venues()
    finally:
        db.dispose()
    if suffix == ".png":
        from redtour.ui.map.render import render_map_png  # Qt only for this output

        render_map_png(venues, args.out, width=args.width, height=args.height, on_date=args.date)
    else:
        from redtour.mapping.page import write_standalone_html

        write_standalone_html(args.out, venues, on_date=args.date)
    print(f"已生成 {args.out}")
    return 0


def cmd_catalogue_build(args: argparse.Namespace) -> int:
    from redtour.storage.catalogue_db import build_catalogue

    source = args.source or paths.catalogue_source_dir()
    out = args.out or paths.bundled_catalogue_db()
    n = build_catalogue(source, out)
    print(f"已生成 {out}（{n} 个场馆）")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from redtour.logsetup import setup_logging

    setup_logging(logging.DEBUG if args.verbose else logging.INFO)
    if args.verbose:
        logging.getLogger().addHandler(logging.StreamHandler(sys.stderr))
    if args.command is None:
        from redtour.app import run_gui

        return run_gui(args)
    try:
        return int(args.func(args))
    except RedtourError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    except LookupError as exc:
        print(f"错误：{exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
