"""`redtour plan` (a group's day), `redtour sheet` (its A4 route sheet) and `redtour plans` (saved plans)."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redtour.cli.common import load_saved_plan, open_database, parse_date, parse_hhmm
from redtour.core.errors import RedtourError

if TYPE_CHECKING:
    from redtour.core.planner import Lunch, Plan


def add_parsers(sub: Any) -> None:
    pl = sub.add_parser(
        "plan",
        help="plan a group's visit day (行程规划)",
        description="Order the venues for a group's day: opening hours, closing days, statutory holidays, "
        "lunch and travel time. Venues and the start/end by name, alias or id; start/end also as 'lat,lon'. "
        "Without --optimize the venues are visited in the order given.",
    )
    pl.add_argument("--date", type=parse_date, required=True, metavar="YYYY-MM-DD")
    pl.add_argument("--start", required=True, metavar="S", help="start: a venue, or 'lat,lon' (WGS-84)")
    pl.add_argument("--sites", required=True, metavar="A,B,C", help="must-visit venues, comma-separated")
    pl.add_argument("--optional", default="", metavar="D,E", help="optional venues: visited if they fit")
    pl.add_argument("--end", metavar="E", help="end point (default: back to the start)")
    pl.add_argument("--start-time", type=parse_hhmm, default=time(9, 0), metavar="HH:MM")
    pl.add_argument("--return-by", type=parse_hhmm, default=time(17, 0), metavar="HH:MM")
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


def _lunch(text: str) -> Lunch | None:
    from redtour.core.planner import Lunch

    if text.strip().lower() in ("none", "no", "无"):
        return None
    try:
        window, minutes = text.split("/")
        a, b = window.split("-")
        return Lunch(time.fromisoformat(a.strip()), time.fromisoformat(b.strip()), int(minutes))
    except ValueError as exc:
        raise RedtourError(f"午餐应写作 HH:MM-HH:MM/分钟，例如 11:30-13:30/60，而不是 {text!r}") from exc


def cmd_plan(args: argparse.Namespace) -> int:
    from redtour.core.places import resolve_place
    from redtour.core.planner import (
        PlanError,
        PlanRequest,
        StopRequest,
        plan_day,
        plan_request_of,
        plan_to_json,
    )
    from redtour.core.saved_request import request_to_dict
    from redtour.core.search import resolve
    from redtour.core.travel import Mode
    from redtour.storage.holidays import load_calendar
    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository

    with open_database(args) as db:
        venues = VenueRepository(db).list_venues()
        holidays = load_calendar(db)
        names = [(n.strip(), True) for n in args.sites.replace("，", ",").split(",") if n.strip()]
        names += [(n.strip(), False) for n in args.optional.replace("，", ",").split(",") if n.strip()]
        stops: list[StopRequest] = []
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
        data = plan_to_json(plan)
        if saved is not None:
            data["saved_id"] = saved.id
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(format_plan_table(plan))
    if saved is not None:
        print(f"已保存为行程 {saved.id}：{saved.name}")
    return 0


def format_plan_table(plan: Plan) -> str:
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
        from redtour.importing.spreadsheet import decode_text  # the roster import's rule: BOM, UTF-8, GB18030

        decoded, _encoding = decode_text(args.roster.read_bytes(), args.roster.name)
        rows = list(csv.reader(io.StringIO(decoded)))
        roster = [SheetPerson(*([*r, "", "", ""])[:3]) for r in rows[1:] if r and r[0].strip()]
    with open_database(args) as db:
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

    with open_database(args) as db:
        plans = PlanRepository(db).list_plans()
    if args.format == "json":
        rows = [{"id": p.id, "name": p.name, "date": p.day.isoformat(), "stops": p.stop_count} for p in plans]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for p in plans:
            print(f"{p.id:>4}  {p.day:%Y-%m-%d}  {p.stop_count}站  {p.name}")
    return 0
