"""Campaign sub-commands `update`, `closure` and `sheet` (a scheduled group's route sheet). Thin."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from redtour.cli.common import open_database, parse_date
from redtour.core.errors import RedtourError


def add_parsers(csub: Any) -> None:
    cu = csub.add_parser("update", help="change a campaign's name, dates or target")
    cu.add_argument("--campaign", required=True, metavar="N", help="campaign name or number")
    cu.add_argument("--name", metavar="NAME", help="new name")
    cu.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD")
    cu.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD")
    cu.add_argument("--target", type=int, metavar="PEOPLE", help="target number of people (0 clears it)")
    cu.set_defaults(func=cmd_update)

    cc = csub.add_parser(
        "closure",
        help="record that a venue cancelled a day (its bookings that day are cancelled; re-schedule to move "
        "those groups, accepted bookings on other days stay pinned)",
    )
    cc.add_argument("--campaign", required=True, metavar="N", help="campaign name or number")
    cc.add_argument("--venue", required=True, metavar="V", help="venue name, alias or id")
    cc.add_argument("--date", dest="day", type=parse_date, required=True, metavar="YYYY-MM-DD")
    cc.add_argument("--note", default="", metavar="T", help="e.g. who said so")
    cc.set_defaults(func=cmd_closure)
    add_sheet_parser(csub)


def cmd_update(args: argparse.Namespace) -> int:
    from redtour.storage.campaign_edit import update_campaign
    from redtour.storage.campaigns import CampaignRepository

    with open_database(args) as db:
        c = CampaignRepository(db).find(args.campaign)
        target = args.target or None
        c = update_campaign(db, c.id, name=args.name, start=args.start, end=args.end, target=target,
                            clear_target=args.target == 0)  # fmt: skip
    print(
        f"已修改活动 {c.id}：{c.name}（{c.start}—{c.end}" + (f"，目标 {c.target} 人）" if c.target else "）")
    )
    return 0


def cmd_closure(args: argparse.Namespace) -> int:
    from redtour.core.search import resolve
    from redtour.storage.campaign_closures import close_venue_day
    from redtour.storage.campaigns import CampaignRepository
    from redtour.storage.venues import VenueRepository

    with open_database(args) as db:
        c = CampaignRepository(db).find(args.campaign)
        venue = resolve(VenueRepository(db).list_venues(include_retired=True), args.venue)
        groups = close_venue_day(db, c, venue.id, args.day, args.note)
    print(f"已记录：{venue.name_zh} {args.day} 闭馆")
    if groups:
        print(f"已取消当天在该馆的预约：{'、'.join(groups)}；请重新排程（campaign schedule）")
    return 0


def add_sheet_parser(csub: Any) -> None:
    cs = csub.add_parser("sheet", help="a scheduled group's route sheet (A4 PDF) with the booked times")
    cs.add_argument("--campaign", required=True, metavar="N", help="campaign name or number")
    cs.add_argument("--group", required=True, metavar="ID", help="the group's number or name (团队)")
    cs.add_argument("--out", type=Path, required=True, metavar="F.pdf")
    cs.set_defaults(func=cmd_sheet)


def cmd_sheet(args: argparse.Namespace) -> int:
    from redtour.export.route_sheet import DEFAULT_TITLE, SheetOptions
    from redtour.storage.campaign_edit import group_day
    from redtour.storage.campaigns import CampaignRepository
    from redtour.storage.venues import VenueRepository

    if args.out.suffix.lower() != ".pdf":
        raise RedtourError(f"输出文件应以 .pdf 结尾：{args.out}")
    with open_database(args) as db:
        c = CampaignRepository(db).find(args.campaign)
        r, plan = group_day(db, c, args.group)
        venues = VenueRepository(db).list_venues()
    options = SheetOptions(title=DEFAULT_TITLE, union=r.union, group=r.name, leader=r.leader, leader_phone=r.phone,
                           people=r.people)  # fmt: skip
    from redtour.ui.printing.sheet_pdf import write_route_sheet_pdf  # Qt only for this output

    write_route_sheet_pdf(plan, venues, options, args.out, f"{c.name} {r.name}")
    print(f"已生成 {args.out}")
    return 0
