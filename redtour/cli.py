"""Command line: `redtour` opens the app; sub-commands work headless. Thin: parse, call, print."""

from __future__ import annotations

import argparse
import csv
import io
import json
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, time
from pathlib import Path
from typing import Any

from redtour import __version__, paths
from redtour.core.errors import RedtourError
from redtour.failures import EXIT_STATUS_HELP, report_failure, silence_stdout

log = logging.getLogger("redtour")

DESCRIPTION = """红色寻访助手 redtour — 百万职工红色寻访：场馆目录、路线规划、参与记录。
Plan and record union group visits to Shanghai's labour-movement red sites.
Without a sub-command the desktop app opens."""


class _Parser(argparse.ArgumentParser):
    """Usage errors are bad input: exit status 1, like every other refusal (see EPILOG)."""

    def error(self, message: str) -> Any:  # argparse's own is typed NoReturn
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: 错误：{message}\n")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"日期应写作 YYYY-MM-DD，而不是 {text!r}") from exc


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="redtour",
        description=DESCRIPTION,
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"redtour {__version__}")
    p.add_argument(
        "--db",
        metavar="URL",
        help="database: a SQLAlchemy URL or a SQLite file path (default: REDTOUR_DB, "
        "else redtour.db in the user data folder)",
    )
    p.add_argument(
        "--adopt-db",
        action="store_true",
        help="allow --db to be an SQLite file made by another program: redtour adds its tables "
        "(the file is backed up first). Without it such a file is refused untouched (exit status 4).",
    )
    p.add_argument(
        "--lang", choices=["zh_CN", "en"], help="GUI language for this run (default: settings, zh_CN)"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    p.add_argument(
        "--exit-after-start",
        action="store_true",
        help="open the window, print how long start-up took once the map has loaded, and quit (smoke tests)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser(
        "sites",
        help="list venues (场馆目录)",
        description="List the venues in the catalogue. JSON gives each fact's sources and as-of date "
        "(facts: 资料时间) and staff confirmations (staff_checks: 核对, who/when/how); "
        "compiled is the day the catalogue was compiled, not a check.",
    )
    s.add_argument("--district", metavar="D", help="only this district, e.g. 普陀区 or 普陀")
    s.add_argument("--tag", metavar="T", help="only venues with this tag")
    s.add_argument(
        "--search", metavar="TEXT", help="Chinese name or alias, pinyin, initials (gzh) or English"
    )
    s.add_argument(
        "--date",
        type=_date,
        metavar="YYYY-MM-DD",
        help="also show whether each venue is open that day (with a note when that year's holidays are unknown)",
    )
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.set_defaults(func=cmd_sites)

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
    m.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="colour markers by status on this day")
    m.add_argument("--plan", metavar="ID", help="draw this saved plan's route (number or name)")
    m.set_defaults(func=cmd_map)

    pl = sub.add_parser(
        "plan",
        help="plan a group's visit day (行程规划)",
        description="Order the venues for a group's day: opening hours, closing days, statutory holidays, "
        "lunch and travel time. Venues and the start/end by name, alias or id; start/end also as 'lat,lon'. "
        "Without --optimize the venues are visited in the order given.",
    )
    pl.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD")
    pl.add_argument("--start", required=True, metavar="S", help="start: a venue, or 'lat,lon' (WGS-84)")
    pl.add_argument("--sites", required=True, metavar="A,B,C", help="must-visit venues, comma-separated")
    pl.add_argument("--optional", default="", metavar="D,E", help="optional venues: visited if they fit")
    pl.add_argument("--end", metavar="E", help="end point (default: back to the start)")
    pl.add_argument("--start-time", type=_hhmm, default=time(9, 0), metavar="HH:MM")
    pl.add_argument("--return-by", type=_hhmm, default=time(17, 0), metavar="HH:MM")
    pl.add_argument("--group-size", type=int, default=30, metavar="N")
    pl.add_argument("--mode", choices=["coach", "metro", "walk"], default="coach")
    pl.add_argument(
        "--visit", type=int, metavar="MIN", help="visit length per venue (default: catalogue, else 60)"
    )
    pl.add_argument(
        "--lunch",
        default="11:30-13:30/60",
        metavar="HH:MM-HH:MM/MIN",
        help="lunch window and length (default 11:30-13:30/60); 'none' for no lunch break",
    )
    pl.add_argument(
        "--optimize", action="store_true", help="choose the best order (proven optimal up to 12 venues)"
    )
    pl.add_argument(
        "--geocoder",
        metavar="SERVICE[@HOST]",
        help="look up addresses for --start/--end online with this geopy geocoder, e.g. nominatim or "
        "nominatim@nominatim.example.org (off by default: no network)",
    )
    pl.add_argument("--save", metavar="NAME", help="save the plan under this name")
    pl.add_argument("--format", choices=["table", "json"], default="table")
    pl.set_defaults(func=cmd_plan)

    sh = sub.add_parser(
        "sheet",
        help="print a saved plan's route sheet to an A4 PDF (行程单)",
        description="The group leader's route sheet for a saved plan: header, route map, itinerary, venue notes, "
        "a safety box and a sign-in sheet (blank numbered rows when no roster is given). Works headless.",
    )
    sh.add_argument("--plan", required=True, metavar="ID", help="saved plan number or name")
    sh.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    sh.add_argument("--title", default=None, help="activity title (default: 百万职工红色寻访活动 行程单)")
    sh.add_argument("--union", default="", help="organising union")
    sh.add_argument("--group", default="", help="group name")
    sh.add_argument("--leader", default="", help="group leader")
    sh.add_argument("--leader-phone", default="", help="leader's phone")
    sh.add_argument(
        "--people", type=int, default=None, help="number of people (default: the plan's group size)"
    )
    sh.add_argument("--footer", default="", help="a contact line printed at the foot of every page")
    sh.add_argument(
        "--logo", default="", metavar="FILE", help="the union's logo (PNG or JPEG) above the title"
    )
    sh.add_argument("--roster", type=Path, default=None, help="CSV with 姓名,单位,手机 for the sign-in sheet")
    sh.set_defaults(func=cmd_sheet)

    pls = sub.add_parser("plans", help="list saved plans")
    pls.add_argument("--format", choices=["table", "json"], default="table")
    pls.set_defaults(func=cmd_plans)

    from redtour import cli_participation

    cli_participation.add_parsers(sub)
    from redtour import cli_share

    cli_share.add_parsers(sub)

    from redtour import cli_campaign

    cli_campaign.add_parsers(sub)

    c = sub.add_parser("catalogue", help="build or check the bundled catalogue (sites.db)")
    csub = c.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    b = csub.add_parser("build", help="build sites.db from resources/catalogue/venues/*.toml")
    b.add_argument("--source", type=Path, default=None, help="source folder (default: the bundled one)")
    b.add_argument("--out", type=Path, default=None, help="output file (default: sites.db beside resources/)")
    b.set_defaults(func=cmd_catalogue_build)
    return p


def _hhmm(text: str) -> time:
    try:
        return time.fromisoformat(text.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"时间应写作 HH:MM，而不是 {text!r}") from exc


def _lunch(text: str):
    from redtour.core.planner import Lunch

    if text.strip().lower() in ("none", "no", "无"):
        return None
    try:
        window, minutes = text.split("/")
        a, b = window.split("-")
        return Lunch(time.fromisoformat(a.strip()), time.fromisoformat(b.strip()), int(minutes))
    except ValueError as exc:
        raise RedtourError(f"午餐应写作 HH:MM-HH:MM/分钟，例如 11:30-13:30/60，而不是 {text!r}") from exc


@contextmanager
def _database(args: argparse.Namespace) -> Iterator[Any]:
    """The user database for one command, disposed of when the command is done with it."""
    from redtour.storage.bootstrap import open_user_database, resolve_db_url

    db = open_user_database(resolve_db_url(args.db), allow_foreign=getattr(args, "adopt_db", False))
    try:
        yield db
    finally:
        db.dispose()


def cmd_sites(args: argparse.Namespace) -> int:
    from redtour.core.calendar import day_status, weekly_summary
    from redtour.core.catalogue import UNKNOWN_ZH, venue_to_dict
    from redtour.core.facts import staff_checks_to_dict
    from redtour.core.search import matches
    from redtour.storage.holidays import load_calendar
    from redtour.storage.venues import VenueRepository

    with _database(args) as db:
        venues = VenueRepository(db).list_venues()
        holidays = load_calendar(db)
    if args.district:
        want = args.district.removesuffix("区").removesuffix("新")
        venues = [v for v in venues if v.district and v.district.startswith(want)]
    if args.tag:
        venues = [v for v in venues if args.tag in v.tags]
    if args.search:
        venues = [v for v in venues if matches(v, args.search)]
    statuses = {v.id: day_status(v, args.date, holidays) for v in venues} if args.date else {}
    warning = holidays.warning(args.date) if args.date else None

    if args.format == "json":
        out = []
        for v in venues:
            d = venue_to_dict(v)
            d.update(
                lat=v.lat, lon=v.lon, hours_summary=weekly_summary(v.hours), local_facts=sorted(v.local_facts)
            )
            # 核对: confirmations by staff only; the catalogue's dating is in d["facts"] (as_of, sources)
            d["staff_checks"] = staff_checks_to_dict(v.staff_checks)
            if args.date:
                st = statuses[v.id]
                d["status"] = {"date": args.date.isoformat(), "state": st.state, "hours": st.hours_text(),
                               "reason": st.reason, "holiday": st.holiday,
                               "holiday_data": holidays.holiday_data(args.date)}  # fmt: skip
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
            state = {"open": "开放", "closed": "闭馆", "unknown": UNKNOWN_ZH}[st.state]
            reason = st.reason.removeprefix(v.name_zh).strip()  # the row already names the venue
            row.append(f"{state}（{reason}）" if st.state == "closed" and reason else state)
        rows.append(row)
    if args.format == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(headers)
        from redtour.export.cells import csv_cell

        writer.writerows([csv_cell(c) for c in r] for r in rows)
        sys.stdout.buffer.write(buf.getvalue().encode("utf-8-sig"))  # BOM: Chinese Excel/WPS open it right
        if warning:
            print(f"注意：{warning}", file=sys.stderr)  # not in the CSV: its rows stay one per venue
        return 0
    from redtour.textable import format_table

    table_rows = [r[:5] + r[8:] for r in rows]
    print(format_table(headers[:5] + headers[8:], table_rows, max_width=34))
    print(f"\n共 {len(venues)} 个场馆")
    if warning:
        print(f"注意：{warning}")
    return 0


def cmd_map(args: argparse.Namespace) -> int:
    from redtour.storage.holidays import load_calendar
    from redtour.storage.venues import VenueRepository

    suffix = args.out.suffix.lower()
    if suffix not in (".png", ".html", ".htm"):
        raise RedtourError(f"输出文件应以 .png 或 .html 结尾：{args.out}")
    route = None
    with _database(args) as db:
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


def cmd_plan(args: argparse.Namespace) -> int:
    from redtour.core.places import resolve_place
    from redtour.core.planner import (
        PlanError,
        PlanRequest,
        StopRequest,
        plan_day,
        plan_request_of,
    )
    from redtour.core.saved_request import request_to_dict
    from redtour.core.search import resolve
    from redtour.core.travel import Mode
    from redtour.storage.holidays import load_calendar
    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository

    with _database(args) as db:
        venues = VenueRepository(db).list_venues()
        holidays = load_calendar(db)
        names = [(n.strip(), True) for n in args.sites.replace("，", ",").split(",") if n.strip()]
        names += [(n.strip(), False) for n in args.optional.replace("，", ",").split(",") if n.strip()]
        stops = []
        for name, must in names:
            venue = resolve(venues, name)
            if any(s.venue.id == venue.id for s in stops):
                raise RedtourError(f"场馆重复：{venue.name_zh}")
            stops.append(StopRequest(venue, must, args.visit))
        geocoder = None
        if args.geocoder:
            from redtour.core.places import geopy_geocoder

            service, _, host = args.geocoder.partition("@")
            scheme = "http" if host.startswith(("127.", "localhost")) else "https"
            geocoder = geopy_geocoder(service, domain=host or None, scheme=scheme)
        req = PlanRequest(
            day=args.date,
            start=resolve_place(args.start, venues, geocoder),
            end=resolve_place(args.end, venues, geocoder) if args.end else None,
            stops=tuple(stops),
            start_time=args.start_time,
            return_by=args.return_by,
            group_size=args.group_size,
            mode=Mode(args.mode),
            lunch=_lunch(args.lunch),
            optimize=args.optimize,
            holidays=holidays,
        )
        try:
            plan = plan_day(req)
        except PlanError as exc:
            if args.format == "json":
                print(
                    json.dumps(
                        {"error": "infeasible", "reasons": list(exc.reasons)}, ensure_ascii=False, indent=2
                    )
                )
            else:
                print("无法安排行程：\n" + "\n".join(f"- {r}" for r in exc.reasons), file=sys.stderr)
            return 3
        saved = None
        if args.save:
            saved = PlanRepository(db).save(args.save, req.day, request_to_dict(plan_request_of(plan)))
    if args.format == "json":
        data = plan.to_json()
        if saved is not None:
            data["saved_id"] = saved.id
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(format_plan_table(plan))
    if saved is not None:
        print(f"已保存为行程 {saved.id}：{saved.name}")
    return 0


def format_plan_table(plan) -> str:
    from redtour.core.travel import MODE_ZH

    req = plan.request
    lines = [
        f"{req.day:%Y-%m-%d} {MODE_ZH[req.mode]}，{req.group_size}人，{req.start.name} {req.start_time:%H:%M} 出发",
        f"{'序':>2} {'到达':>5} {'入馆':>5} {'离开':>5} {'路程':>8} {'公里':>6}  场馆",
    ]
    for k, s in enumerate(plan.stops, 1):
        lines.append(
            f"{k:>2} {s.arrive:%H:%M} {s.start:%H:%M} {s.depart:%H:%M} {s.travel_min:>5}分钟 {s.distance_km:>6.1f}  "
            f"{s.venue.name_zh}{'' if s.must else '（可选）'}"
        )
        lines.extend(f"{'':>32}! {w}" for w in s.warnings)
        if plan.lunch and plan.lunch_after == k:
            lines.append(f"{'':>3}午餐 {plan.lunch[0]:%H:%M}–{plan.lunch[1]:%H:%M}")
    if plan.lunch and plan.lunch_after == 0:
        lines.insert(2, f"{'':>3}午餐 {plan.lunch[0]:%H:%M}–{plan.lunch[1]:%H:%M}")
    lines.append(
        f"返回 {plan.end.name} {plan.back:%H:%M}（末段 {plan.final_travel_min} 分钟）；"
        f"交通共 {plan.total_travel_min} 分钟、{plan.total_distance_km:.1f} 公里；"
        + ("已证明最优" if plan.optimal else ("按给定顺序" if not req.optimize else "启发式结果"))
    )
    lines.extend(f"注意：{w}" for w in plan.warnings)
    return "\n".join(lines)


def cmd_sheet(args: argparse.Namespace) -> int:
    from redtour.export.route_sheet import DEFAULT_TITLE, SheetOptions, SheetPerson, logo_data_uri
    from redtour.storage.venues import VenueRepository

    if args.out.suffix.lower() != ".pdf":
        raise RedtourError(f"输出文件应以 .pdf 结尾：{args.out}")
    roster: list[SheetPerson] = []
    if args.roster is not None:
        text = args.roster.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                decoded = text.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise RedtourError(f"无法识别 {args.roster} 的编码（应为 UTF-8 或 GB18030）")
        rows = list(csv.reader(io.StringIO(decoded)))
        roster = [SheetPerson(*([*r, "", "", ""])[:3]) for r in rows[1:] if r and r[0].strip()]
    with _database(args) as db:
        saved, plan = load_saved_plan(db, args.plan)
        venues = VenueRepository(db).list_venues()
    options = SheetOptions(
        title=args.title or DEFAULT_TITLE,
        union=args.union,
        group=args.group or saved.name,
        leader=args.leader,
        leader_phone=args.leader_phone,
        people=args.people,
        footer=args.footer,
        logo_uri=logo_data_uri(args.logo),
        roster=tuple(roster),
    )
    from redtour.ui.printing.sheet_pdf import write_route_sheet_pdf  # Qt only for this output

    write_route_sheet_pdf(plan, venues, options, args.out, saved.name)
    print(f"已生成 {args.out}")
    return 0


def cmd_plans(args: argparse.Namespace) -> int:
    from redtour.storage.plans import PlanRepository

    with _database(args) as db:
        plans = PlanRepository(db).list_plans()
    if args.format == "json":
        rows = [{"id": p.id, "name": p.name, "date": p.day.isoformat(), "stops": p.stop_count} for p in plans]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for p in plans:
            print(f"{p.id:>4}  {p.day:%Y-%m-%d}  {p.stop_count}站  {p.name}")
    return 0


def load_saved_plan(db, text: str):
    """A saved plan recomputed on today's catalogue (its order kept)."""
    from redtour.core.planner import plan_day
    from redtour.core.saved_request import request_from_dict
    from redtour.storage.holidays import load_calendar
    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository

    saved = PlanRepository(db).find(text)
    venues = {v.id: v for v in VenueRepository(db).list_venues(include_retired=True)}
    req, _missing = request_from_dict(saved.request, venues, load_calendar(db))
    return saved, plan_day(req)


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
        from redtour.failures import RedactingFormatter
        from redtour.logsetup import LOG_FORMAT

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(RedactingFormatter(LOG_FORMAT))
        logging.getLogger().addHandler(handler)
    if args.command is None:
        from redtour.app import run_gui

        return run_gui(args)
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a full disk under a redirected stdout fails here, inside the error path
        return code
    except BrokenPipeError:  # `redtour sites | head`: the reader left; not an error
        silence_stdout()
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("已中断，未完成的操作已撤销", file=sys.stderr)
        return 130
    except Exception as exc:  # one error path: a sentence and a status per class, never a traceback
        return report_failure(exc, args.command)  # redtour/failures.py: shared with the GUI
