"""Booking lists per venue: one .xlsx sheet or one A4 page group per venue, to send each venue its list.

Phones are masked; names appear only where the venue requires a real-name list. Text cells go through
xlsx_stream, which stores them as inline strings and quotes risky starts (=, +, -, @) so no cell is a formula.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from redtour import paths
from redtour.core.calendar import WEEKDAY_ZH
from redtour.export.xlsx_stream import Column, XlsxStreamWriter

if TYPE_CHECKING:  # storage sits above export (import-linter layers): its types are for annotations only
    from redtour.storage.campaign_bookings import Booking

COLUMNS = (
    Column("日期", 12, kind="date"),
    Column("星期", 6),
    Column("到达", 7),
    Column("离开", 7),
    Column("工会", 22),
    Column("团队", 14),
    Column("人数", 6, kind="number"),
    Column("领队", 8),
    Column("领队手机", 13),
    Column("状态", 8),
    Column("预约号", 12),
    Column("预约截止", 11, kind="date"),
    Column("提醒", 24),
    Column("实名名单", 40),
)


def by_venue(bookings: Sequence[Booking]) -> dict[str, list[Booking]]:
    out: dict[str, list[Booking]] = defaultdict(list)
    for b in bookings:
        out[b.venue].append(b)
    return dict(out)


def booking_row(b: Booking, today: date) -> list[object]:
    remark = "；".join(x for x in (b.deadline_warning(today), b.attendance_flag(today)) if x)
    return [
        b.day, WEEKDAY_ZH[b.day.isoweekday()], f"{b.arrive:%H:%M}", f"{b.depart:%H:%M}", b.union, b.group,
        b.people, b.leader, b.phone_masked, b.state, b.reference, b.deadline, remark, "、".join(b.names),
    ]  # fmt: skip


def _sheet_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "", name)[:28] or "场馆"
    out, k = base, 2
    while out in used:
        out, k = f"{base[:26]}{k}", k + 1
    used.add(out)
    return out


def write_bookings_xlsx(path: Path, campaign: str, bookings: Sequence[Booking], today: date) -> int:
    used: set[str] = set()
    with XlsxStreamWriter(path, title=f"{campaign} 预约清单") as xw:
        for venue, items in by_venue(bookings).items():
            xw.add_sheet(
                _sheet_name(venue, used),
                COLUMNS,
                [booking_row(b, today) for b in items],
                preamble=[
                    [f"{campaign} — {venue} 团队预约清单"],
                    [f"共 {len(items)} 个团队，{sum(b.people for b in items)} 人"],
                ],
            )
        if not bookings:
            xw.add_sheet("预约", COLUMNS, [], preamble=[[f"{campaign} 预约清单"], ["暂无预约"]])
    return len(bookings)


def bookings_html(campaign: str, bookings: Sequence[Booking], today: date) -> str:
    env = Environment(
        loader=FileSystemLoader(paths.resource("templates")),
        autoescape=select_autoescape(["html", "j2"]),
    )
    venues: list[dict[str, Any]] = []
    for venue, items in by_venue(bookings).items():
        days: dict[date, list[Booking]] = defaultdict(list)
        for b in items:
            days[b.day].append(b)
        venues.append(
            {
                "name": venue,
                "people": sum(b.people for b in items),
                "days": [
                    {
                        "label": f"{d:%Y年%m月%d日} {WEEKDAY_ZH[d.isoweekday()]}",
                        "rows": [
                            {
                                "b": b,
                                "remark": "；".join(
                                    x for x in (b.deadline_warning(today), b.attendance_flag(today)) if x
                                ),
                            }
                            for b in ds
                        ],
                    }
                    for d, ds in sorted(days.items())
                ],
            }
        )
    return env.get_template("bookings.html.j2").render(
        campaign=campaign, venues=venues, today=f"{today:%Y-%m-%d}"
    )
