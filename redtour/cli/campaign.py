"""Campaign sub-commands (活动) and `venue capacity`. Thin: parse, call, print."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from redtour.cli.common import EXIT_REFUSED, open_database, parse_date, print_notes
from redtour.core.errors import RedtourError


def add_parsers(sub: Any) -> None:
    c = sub.add_parser("campaign", help="campaigns (活动): group requests, scheduling, bookings")
    csub = c.add_subparsers(dest="campaign_command", metavar="ACTION", required=True)
    cc = csub.add_parser("create", help="create a campaign")
    cc.add_argument("--name", required=True)
    cc.add_argument("--from", dest="start", type=parse_date, required=True, metavar="YYYY-MM-DD")
    cc.add_argument("--to", dest="end", type=parse_date, required=True, metavar="YYYY-MM-DD")
    cc.add_argument("--target", type=int, metavar="PEOPLE", help="target number of people")
    cc.set_defaults(func=cmd_create)
    from redtour.cli import campaign_edit

    campaign_edit.add_parsers(csub)
    cl = csub.add_parser("list", help="list campaigns with their progress")
    cl.add_argument("--format", choices=["table", "json"], default="table")
    cl.set_defaults(func=cmd_list)
    cq = csub.add_parser("quota", help="set a participating union's quota (people)")
    cq.add_argument("--campaign", required=True, metavar="N")
    cq.add_argument("--union", required=True, metavar="NAME")
    cq.add_argument("--people", type=int, metavar="Q", help="quota; omit to clear it")
    cq.set_defaults(func=cmd_quota)
    ci = csub.add_parser(
        "import",
        help="import group requests (.xlsx/.xls/.csv)",
        description="One row per group: 工会, 团队, 人数, 最早日期, 最晚日期, 不可出行星期, 必去场馆, 可选场馆, "
        "出发地, 交通方式, 出发时间, 最晚返回 (also 领队, 领队手机, 可拆分). The header is found by these names or "
        "obvious synonyms; a file with any error is not imported at all (exit status 1).",
    )
    ci.add_argument("file", type=Path, metavar="FILE")
    ci.add_argument("--campaign", required=True, metavar="N", help="campaign name or number")
    ci.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    ci.add_argument(
        "--geocoder",
        metavar="SERVICE[@HOST]",
        help="look up 出发地 addresses online with this geopy geocoder (off by default: no network)",
    )
    ci.add_argument("--format", choices=["table", "json"], default="table")
    ci.set_defaults(func=cmd_import)
    ct = csub.add_parser("template", help="write the request template (.xlsx) to fill in")
    ct.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    ct.set_defaults(func=cmd_template)
    cs = csub.add_parser(
        "schedule",
        help="schedule every group request and save the result",
        description="Give every request a date and a timed route within venue capacity (OR-Tools CP-SAT). "
        "Bookings the venue accepted (已预约/已确认) stay pinned; groups that move are named.",
    )
    cs.add_argument("--campaign", required=True, metavar="N")
    cs.add_argument(
        "--today", type=parse_date, default=None, metavar="YYYY-MM-DD", help="for booking lead days"
    )
    cs.add_argument("--time-limit", type=float, default=10.0, metavar="SECONDS")
    cs.add_argument("--format", choices=["table", "json"], default="table")
    cs.set_defaults(func=cmd_schedule)
    cb = csub.add_parser(
        "bookings",
        help="the bookings to make, per venue and day (xlsx/pdf to send each venue its list)",
    )
    cb.add_argument("--campaign", required=True, metavar="N")
    cb.add_argument(
        "--today", type=parse_date, default=None, metavar="YYYY-MM-DD", help="for deadline warnings"
    )
    cb.add_argument("--format", choices=["table", "json", "xlsx", "pdf"], default="table")
    cb.add_argument("--out", type=Path, metavar="F", help="output file (xlsx and pdf)")
    cb.add_argument("--with-id-number", action="store_true",
                    help="put ID numbers (身份证号) in real-name lists (off: names only)")  # fmt: skip
    cb.set_defaults(func=cmd_bookings)
    bk = csub.add_parser("booking", help="change a booking's state: 待预约 → 已预约 → 已确认 / 已取消")
    bk.add_argument("id", type=int, metavar="ID")
    bk.add_argument("--state", required=True, choices=["待预约", "已预约", "已确认", "已取消"])
    bk.add_argument("--ref", default="", metavar="R", help="the venue's reference number (for 已预约)")
    bk.add_argument("--by", default="", metavar="WHO", help="who confirmed it (for 已预约)")
    bk.set_defaults(func=cmd_booking)

    v = sub.add_parser("venue", help="venue settings for campaigns")
    vsub = v.add_subparsers(dest="venue_command", metavar="ACTION", required=True)
    vc = vsub.add_parser(
        "capacity",
        help="show or set a venue's capacity (without options: show, unknown facts as 待核实)",
        description="Capacity facts as staff confirmed them, each kept with the date checked and who said so. "
        "Unknown capacity is scheduled one group at a time and shown as 待核实.",
    )
    vc.add_argument("venue", metavar="VENUE", help="name, alias or id")
    vc.add_argument("--max-group", type=int, metavar="N", help="people per group")
    vc.add_argument("--concurrent", type=int, metavar="K", help="groups inside at the same time")
    vc.add_argument("--per-day", type=int, metavar="M", help="groups per day")
    vc.add_argument("--lead-days", type=int, metavar="L", help="book at least L days ahead")
    vc.add_argument("--tour-minutes", type=int, metavar="MIN", help="guided tour length")
    vc.add_argument("--slot-minutes", type=int, metavar="MIN", help="visits start on this grid")
    vc.add_argument("--arrive-early", type=int, metavar="MIN", help="minutes to arrive before the slot")
    vc.add_argument("--real-name", choices=["yes", "no"], help="the venue needs a real-name list")
    vc.add_argument("--checked", type=parse_date, metavar="YYYY-MM-DD", help="date checked (default today)")
    vc.add_argument("--by", default="", metavar="WHO", help="who said so (e.g. 馆方电话 王老师)")
    vc.add_argument("--note", default="", metavar="T")
    vc.add_argument("--format", choices=["table", "json"], default="table")
    vc.set_defaults(func=cmd_capacity)


def _campaign(db: Any, text: str) -> Any:
    from redtour.storage.campaigns import CampaignRepository

    return CampaignRepository(db).find(text)


def cmd_create(args: argparse.Namespace) -> int:
    from redtour.storage.campaigns import CampaignRepository

    with open_database(args) as db:
        c = CampaignRepository(db).create(args.name, args.start, args.end, args.target)
    print(
        f"已创建活动 {c.id}：{c.name}（{c.start}—{c.end}" + (f"，目标 {c.target} 人）" if c.target else "）")
    )
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from redtour.storage.campaign_progress import progress

    with open_database(args) as db:
        from redtour.storage.campaigns import CampaignRepository

        data = [progress(db, c) for c in CampaignRepository(db).campaigns()]
    if args.format == "json":
        print(json.dumps([p.as_dict() for p in data], ensure_ascii=False, indent=2))
        return 0
    for p in data:
        print(p.summary())
        for u in p.unions:
            print(f"    {u.name}\t报名 {u.requested} 人\t已排 {u.scheduled} 人\t已参加 {u.attended} 人"
                  + (f"\t名额 {u.quota}" if u.quota is not None else ""))  # fmt: skip
    return 0


def cmd_quota(args: argparse.Namespace) -> int:
    from redtour.storage.campaigns import CampaignRepository

    with open_database(args) as db:
        c = _campaign(db, args.campaign)
        CampaignRepository(db).set_quota(c.id, args.union, args.people)
    print(f"{args.union} 在“{c.name}”的名额：" + (f"{args.people} 人" if args.people is not None else "不限"))
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from redtour.storage.campaign_import import import_requests

    geocoder = None
    if args.geocoder:
        from redtour.core.places import geopy_geocoder

        service, _, host = args.geocoder.partition("@")
        geocoder = geopy_geocoder(service, domain=host or None)
    with open_database(args) as db:
        report = import_requests(
            db, args.file, _campaign(db, args.campaign), dry_run=args.dry_run, geocoder=geocoder
        )
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
        if report.ignored_columns:
            print(f"未导入的列：{'、'.join(report.ignored_columns)}")
        print_notes("错误", report.errors)
        print_notes("跳过", report.skipped)
    return EXIT_REFUSED if report.errors else 0


def cmd_template(args: argparse.Namespace) -> int:
    from redtour.export.campaign_template import write_request_template

    if args.out.suffix.lower() != ".xlsx":
        raise RedtourError(f"输出文件应以 .xlsx 结尾：{args.out}")
    write_request_template(args.out)
    print(f"已生成 {args.out}")
    return 0


def cmd_schedule(args: argparse.Namespace) -> int:
    from redtour.core.campaign import schedule
    from redtour.storage.campaign_schedule import run_inputs, save_schedule

    today = args.today or date.today()
    with open_database(args) as db:
        c = _campaign(db, args.campaign)
        inputs = run_inputs(db, c)
        if not inputs.requests:
            raise RedtourError(f"活动“{c.name}”还没有团队报名，请先导入报名表")
        result = schedule(
            inputs.problem(c.start, c.end, today), time_limit=args.time_limit, previous=inputs.previous or None,
            progress=None if args.format == "json" else _report_progress,
        )  # fmt: skip
        moved = save_schedule(db, c, result, today)
    data = result.to_json()
    data["moved_groups"] = moved
    unverified = sorted(
        inputs.venues[v].name_zh
        for v, cap in inputs.capacities.items()
        if not cap.known and v in inputs.venues
    )
    data["capacity_unverified"] = unverified
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(format_schedule(data))
    return 0


def _report_progress(p: Any) -> None:
    print(f"  …已找到 {p.solutions} 个方案（{p.elapsed:.1f} 秒）", file=sys.stderr, flush=True)


def format_schedule(data: dict[str, Any]) -> str:
    lines = []
    for a in data["assignments"]:
        part = f"（第{a['part'] + 1}/{a['parts']}组）" if a.get("parts", 1) > 1 else ""
        route = " → ".join(f"{s['arrive']}–{s['depart']} {s['name_zh']}" for s in a["stops"])
        lines.append(
            f"{a['date']}  {a['union']} {a['name']}{part} {a['people']}人{'  [已锁定]' if a.get('pinned') else ''}"
        )
        lines.append(f"            {route}")
    for u in data["unscheduled"]:
        lines.append(f"未能安排：{u['name']} — {'；'.join(u['reasons'])}")
    lines.extend(f"说明：{n}" for n in data.get("notes", []))
    quality = "已证明最优" if data["optimal"] else (
        f"未证明最优，差距 {data['gap'] * 100:.1f}%" if data.get("gap") is not None else "未证明最优"
    )  # fmt: skip
    lines.append(f"共安排 {data['scheduled_groups']} 个团队、{data['scheduled_people']} 人；{quality}")
    if data.get("moved_groups"):
        lines.append(f"与上次相比改动的团队：{'、'.join(data['moved_groups'])}")
    if data.get("capacity_unverified"):
        lines.append(f"容量待核实（按一次一个团队安排）：{'、'.join(data['capacity_unverified'])}")
    lines.append("已保存排程")
    return "\n".join(lines)


def cmd_bookings(args: argparse.Namespace) -> int:
    from redtour.storage.campaign_bookings import bookings
    from redtour.storage.campaigns import CampaignRepository

    today = args.today or date.today()
    if args.format in ("xlsx", "pdf") and (args.out is None or args.out.suffix.lower() != f".{args.format}"):
        raise RedtourError(f"请用 --out 给出 .{args.format} 输出文件")
    with open_database(args) as db:
        c = _campaign(db, args.campaign)
        items = bookings(db, c.id, CampaignRepository(db).capacities(), with_id_number=args.with_id_number)
    if args.format == "xlsx":
        from redtour.export.campaign_bookings import write_bookings_xlsx

        write_bookings_xlsx(args.out, c.name, items, today)
        print(f"已导出 {len(items)} 条预约到 {args.out}")
        return 0
    if args.format == "pdf":
        from redtour.ui.printing.bookings_pdf import write_bookings_pdf  # Qt only for this output

        write_bookings_pdf(c.name, items, today, args.out)
        print(f"已生成 {args.out}")
        return 0
    warnings = [(b, b.deadline_warning(today)) for b in items if b.deadline_warning(today)]
    flags = [(b, b.attendance_flag(today)) for b in items if b.attendance_flag(today)]
    if args.format == "json":
        out = [
            {
                "id": b.id,
                "venue_id": b.venue_id,
                "venue": b.venue,
                "date": b.day.isoformat(),
                "arrive": f"{b.arrive:%H:%M}",
                "depart": f"{b.depart:%H:%M}",
                "union": b.union,
                "group": b.group,
                "people": b.people,
                "leader": b.leader,
                "phone": b.phone_masked,
                "state": b.state,
                "reference": b.reference,
                "confirmed_by": b.confirmed_by,
                "deadline": b.deadline.isoformat() if b.deadline else None,
                "deadline_warning": b.deadline_warning(today) or None,
                "attended": b.attended,
                "attendance_flag": b.attendance_flag(today) or None,
                "names": list(b.names),
            }
            for b in items
        ]
        print(json.dumps({"campaign": c.name, "bookings": out}, ensure_ascii=False, indent=2))
        return 0
    venue = None
    for b in items:
        if b.venue != venue:
            venue = b.venue
            print(f"\n{venue}")
        print(f"  #{b.id:<4} {b.day} {b.arrive:%H:%M}–{b.depart:%H:%M}  {b.union} {b.group} {b.people}人  "
              f"领队 {b.leader or '—'} {b.phone_masked}  {b.state}{' ' + b.reference if b.reference else ''}")  # fmt: skip
        if b.names:
            print(f"        实名名单：{'、'.join(b.names)}")
    if warnings:
        print("\n预约期限提醒：")
        for b, w in warnings:
            print(f"  #{b.id} {b.venue} {b.day} {b.group}：{w}")
    if flags:
        print("\n到场情况：")
        for b, f in flags:
            print(f"  #{b.id} {b.venue} {b.day} {b.group}：{f}")
    print(f"\n共 {len(items)} 条预约")
    return 0


def cmd_booking(args: argparse.Namespace) -> int:
    from redtour.storage.campaign_bookings import set_state

    with open_database(args) as db:
        old = set_state(db, args.id, args.state, reference=args.ref, by=args.by)
    print(f"预约 {args.id}：{old} → {args.state}")
    return 0


def cmd_capacity(args: argparse.Namespace) -> int:
    from redtour.core.campaign_capacity import FACTS
    from redtour.core.search import resolve
    from redtour.storage.campaigns import CampaignRepository
    from redtour.storage.venues import VenueRepository

    given = {
        "max_group": args.max_group, "concurrent": args.concurrent, "per_day": args.per_day,
        "lead_days": args.lead_days, "tour_minutes": args.tour_minutes, "slot_minutes": args.slot_minutes,
        "arrive_early": args.arrive_early,
        "real_name": None if args.real_name is None else int(args.real_name == "yes"),
    }  # fmt: skip
    values = {k: v for k, v in given.items() if v is not None}
    with open_database(args) as db:
        venue = resolve(VenueRepository(db).list_venues(include_retired=True), args.venue)
        repo = CampaignRepository(db)
        if values:
            try:
                info = repo.set_capacity(venue.id, values, args.checked or date.today(), args.by, args.note)
            except ValueError as exc:
                raise RedtourError(str(exc)) from None
        else:
            info = repo.capacities([venue.id])[venue.id]
    if args.format == "json":
        out = {
            f: {"value": x.value, "origin": x.origin, "unverified": x.unverified,
                "checked": x.checked.isoformat() if x.checked else None, "said_by": x.said_by, "note": x.note}
            for f, x in info.facts.items()
        }  # fmt: skip
        print(
            json.dumps(
                {"venue_id": venue.id, "name_zh": venue.name_zh, "facts": out}, ensure_ascii=False, indent=2
            )
        )
        return 0
    print(("已保存 " if values else "") + venue.name_zh)
    for fact in FACTS:
        print(f"  {info.describe(fact)}")
    return 0
