"""The 通知 to a grassroots union: its groups in a period, each with date, route, meeting point and reminders.

A group with a saved plan gets the plan's times, recomputed on today's catalogue (as `redtour sheet` does);
one without lists its venues in order and says the times are still to be arranged.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from redtour.core.catalogue import Venue
from redtour.core.planner import plan_day
from redtour.core.saved_request import request_from_dict
from redtour.storage.database import Database
from redtour.storage.holidays import load_calendar
from redtour.storage.participation import Group, ParticipationRepository, union_and_children
from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository

BRING = (
    "本人身份证件（部分场馆凭证件入馆）",
    "预约凭证（需预约的场馆）",
    "适合步行的鞋、饮用水；雨天带伞",
    "按时到达集合地点，途中不擅自离队",
)


def _reservation(v: Venue) -> str:
    res = v.reservation
    if res is None or res.required is None:
        return f"{v.name_zh}预约要求待核实"
    if not res.required:
        return f"{v.name_zh}无需预约"
    return (
        f"{v.name_zh}需预约"
        + (f"（提前{res.lead_days}天）" if res.lead_days else "")
        + (f"：{res.how}" if res.how else "")
    )


def _group_entry(db: Database, g: Group, venues: dict[str, Venue]) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "name": g.name,
        "day": f"{g.day:%Y年%-m月%-d日}",
        "leader": g.leader or "待定",
        "people": g.member_count or "待定",
        "assembly": "待定",
        "back": "待定",
    }
    stops: list[dict[str, Any]] = []
    used: list[Venue] = []
    if g.plan_id is not None:
        try:
            saved = PlanRepository(db).get(g.plan_id)
        except LookupError:
            saved = None
        if saved is not None:
            req, _missing = request_from_dict(saved.request, venues, load_calendar(db))
            plan = plan_day(req)
            start = timedelta(hours=req.start_time.hour, minutes=req.start_time.minute - 15)
            entry["assembly"] = (
                f"{req.start.name}，{int(start.total_seconds()) // 3600:02d}:{int(start.total_seconds()) % 3600 // 60:02d} 集合"
            )
            entry["back"] = f"预计 {plan.back:%H:%M} 回到{plan.end.name}"
            for k, s in enumerate(plan.stops, start=1):
                stops.append(
                    {
                        "n": k,
                        "name": s.venue.name_zh,
                        "address": s.venue.address or "地址待核实",
                        "time": f"{s.arrive:%H:%M}–{s.depart:%H:%M}",
                    }
                )
                used.append(s.venue)
    if not stops:
        for k, vid in enumerate(g.venue_ids, start=1):
            v = venues.get(vid)
            if v is None:
                continue
            stops.append({"n": k, "name": v.name_zh, "address": v.address or "地址待核实", "time": "待定"})
            used.append(v)
    entry["stops"] = stops
    entry["reminders"] = "；".join(_reservation(v) for v in used) or "—"
    return entry


def notice_context(
    db: Database, union: str, start: date | None = None, end: date | None = None, *, org: str = ""
) -> dict[str, Any]:
    repo = ParticipationRepository(db)
    u = repo.find_union(union)
    with db.reading() as s:
        ids = set(union_and_children(s, u.id))
    groups = [
        g
        for g in repo.groups()
        if g.union_id in ids and (start is None or g.day >= start) and (end is None or g.day <= end)
    ]
    groups.sort(key=lambda g: (g.day, g.name))
    venues = {v.id: v for v in VenueRepository(db).list_venues(include_retired=True)}
    when = "" if not (start or end) else f"（{start or '…'} 至 {end or '…'}）"
    return {
        "title": "关于组织职工参加红色寻访活动的通知",
        "union": u.name,
        "intro": f"根据百万职工红色寻访活动安排，贵单位共有{len(groups)}个团队参观{when}，具体安排如下，请做好组织工作。",
        "groups": [_group_entry(db, g, venues) for g in groups],
        "bring": list(BRING),
        "org": org,
        "issued": f"{date.today():%Y年%-m月%-d日}",
    }
