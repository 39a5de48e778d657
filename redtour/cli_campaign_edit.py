"""Campaign sub-commands that change what was entered: `campaign update`. Thin: parse, call, print."""

from __future__ import annotations

import argparse
from typing import Any

from redtour.cli import _database, _date


def add_parsers(csub: Any) -> None:
    cu = csub.add_parser("update", help="change a campaign's name, dates or target")
    cu.add_argument("--campaign", required=True, metavar="N", help="campaign name or number")
    cu.add_argument("--name", metavar="NAME", help="new name")
    cu.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD")
    cu.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD")
    cu.add_argument("--target", type=int, metavar="PEOPLE", help="target number of people (0 clears it)")
    cu.set_defaults(func=cmd_update)


def cmd_update(args: argparse.Namespace) -> int:
    from redtour.storage.campaign_edit import update_campaign
    from redtour.storage.campaigns import CampaignRepository

    with _database(args) as db:
        c = CampaignRepository(db).find(args.campaign)
        target = args.target or None
        c = update_campaign(db, c.id, name=args.name, start=args.start, end=args.end, target=target,
                            clear_target=args.target == 0)  # fmt: skip
    print(
        f"已修改活动 {c.id}：{c.name}（{c.start}—{c.end}" + (f"，目标 {c.target} 人）" if c.target else "）")
    )
    return 0
