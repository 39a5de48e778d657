"""`redtour sites` (the venue list) and `redtour catalogue build`."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from redtour import paths
from redtour.cli.common import open_database, parse_date


def add_parsers(sub: Any) -> None:
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
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="also show whether each venue is open that day (with a note when that year's holidays are unknown)",
    )
    s.add_argument("--format", choices=["table", "json", "csv"], default="table")
    s.set_defaults(func=cmd_sites)


def add_catalogue_parsers(sub: Any) -> None:
    c = sub.add_parser("catalogue", help="build or check the bundled catalogue (sites.db)")
    csub = c.add_subparsers(dest="catalogue_command", metavar="ACTION", required=True)
    b = csub.add_parser("build", help="build sites.db from resources/catalogue/venues/*.toml")
    b.add_argument("--source", type=Path, default=None, help="source folder (default: the bundled one)")
    b.add_argument("--out", type=Path, default=None, help="output file (default: sites.db beside resources/)")
    b.set_defaults(func=cmd_catalogue_build)


def in_district(district: str | None, wanted: str) -> bool:
    """普陀区, 普陀 and 浦东新区/浦东 name the same district: the suffix is optional."""
    return district is not None and district.startswith(wanted.removesuffix("区").removesuffix("新"))


def cmd_sites(args: argparse.Namespace) -> int:
    from redtour.core.calendar import day_status, weekly_summary
    from redtour.core.catalogue import UNKNOWN_ZH, venue_to_dict
    from redtour.core.facts import staff_checks_to_dict
    from redtour.core.search import matches
    from redtour.storage.holidays import load_calendar
    from redtour.storage.venues import VenueRepository

    with open_database(args) as db:
        venues = VenueRepository(db).list_venues()
        holidays = load_calendar(db)
    if args.district:
        venues = [v for v in venues if in_district(v.district, args.district)]
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


def cmd_catalogue_build(args: argparse.Namespace) -> int:
    from redtour.storage.catalogue_db import build_catalogue

    source = args.source or paths.catalogue_source_dir()
    out = args.out or paths.bundled_catalogue_db()
    n = build_catalogue(source, out)
    print(f"已生成 {out}（{n} 个场馆）")
    return 0
