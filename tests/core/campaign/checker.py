"""An independent check of a campaign schedule, from its JSON: every rule re-verified from first principles.

Only the catalogue's calendar (calendar.day_status) and the offline travel model (travel.offline_matrix) are
shared with the scheduler, as the ground truth both must follow; nothing from redtour.core.campaign's
candidate, greedy or solver code is used. Returns a list of violations (empty = valid).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, time, timedelta
from typing import Any

from redtour.core.calendar import day_status
from redtour.core.campaign import GroupRequest, VenueCapacity
from redtour.core.catalogue import Venue
from redtour.core.planner import DEFAULT_VISIT_MIN, DEFAULT_WINDOW
from redtour.core.travel import offline_matrix

LUNCH = (11 * 60 + 30, 13 * 60 + 30, 60)  # earliest start, latest end, minutes (the day planner's default)


def _m(text: str) -> int:
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def _mt(t: time) -> int:
    return t.hour * 60 + t.minute


def periods(venue: Venue, day: date) -> list[tuple[int, int, int]] | None:
    st = day_status(venue, day)
    if st.state == "closed":
        return None
    if st.state == "unknown":
        o, last, c = DEFAULT_WINDOW
        return [(_mt(o), _mt(last), _mt(c))]
    return [(_mt(p.open), _mt(p.last_entry or p.close), _mt(p.close)) for p in st.periods]


def check(
    data: Mapping[str, Any],
    requests: Sequence[GroupRequest],
    venues: Mapping[str, Venue],
    capacities: Mapping[str, VenueCapacity],
    start: date,
    end: date,
    today: date,
) -> list[str]:
    bad: list[str] = []
    reqs = {r.group_id: r for r in requests}
    caps = {v: capacities.get(v) or VenueCapacity.cautious(venues[v]) for v in venues}
    bad += capacity_violations(data["assignments"], caps)
    people: dict[str, int] = defaultdict(int)
    days: dict[str, set[str]] = defaultdict(set)
    for a in data["assignments"]:
        gid = a["group_id"]
        people[gid] += a["people"]
        days[gid].add(a["date"])
        bad += route_violations(a, reqs[gid], venues, caps, start, end, today)
    for gid, n in people.items():
        if n != reqs[gid].people:
            bad.append(f"{gid}: {n} people scheduled of {reqs[gid].people}")
        if len(days[gid]) != 1:
            bad.append(f"{gid}: sub-groups on different days {days[gid]}")
    placed = set(people)
    for u in data["unscheduled"]:
        if u["group_id"] in placed:
            bad.append(f"{u['group_id']}: both scheduled and unscheduled")
        if not u["reasons"]:
            bad.append(f"{u['group_id']}: unscheduled without a reason")
    if placed | {u["group_id"] for u in data["unscheduled"]} != set(reqs):
        bad.append("some groups are neither scheduled nor unscheduled")
    if data["scheduled_people"] != sum(people.values()):
        bad.append("scheduled_people does not add up")
    return bad


def day_range(start: date, n: int) -> list[date]:
    return [start + timedelta(days=i) for i in range(n)]


def route_violations(
    a: Mapping[str, Any],
    r: GroupRequest,
    venues: Mapping[str, Venue],
    caps: Mapping[str, VenueCapacity],
    start: date,
    end: date,
    today: date,
) -> list[str]:
    """Every rule one assignment must keep on its own (dates, hours, lead time, size, travel, lunch)."""
    bad: list[str] = []
    gid, day = a["group_id"], date.fromisoformat(a["date"])
    tag = f"{gid}/{a.get('part', 0)} {day}"
    if not (start <= day <= end):
        bad.append(f"{tag}: outside the campaign")
    if not (r.earliest <= day <= r.latest):
        bad.append(f"{tag}: outside the group's dates")
    if day.isoweekday() in r.excluded_weekdays:
        bad.append(f"{tag}: excluded weekday")
    stops = a["stops"]
    if not stops:
        bad.append(f"{tag}: no stops")
        return bad
    ids = [s["venue_id"] for s in stops]
    if len(set(ids)) != len(ids) or not set(ids) <= set(r.must) | set(r.optional):
        bad.append(f"{tag}: venues {ids} not requested")
    pts = (
        [(r.start.lat, r.start.lon)]
        + [(venues[v].lat, venues[v].lon) for v in ids]
        + [(r.start.lat, r.start.lon)]
    )
    legs = offline_matrix(pts, r.mode).minutes  # type: ignore[arg-type]
    # the group's timeline: busy from arrival to departure at each venue, travelling in between
    events = [(_mt(r.start_time), _mt(r.start_time))]
    for k, s in enumerate(stops):
        v, cap = s["venue_id"], caps[s["venue_id"]]
        arrive, depart = _m(s["arrive"]), _m(s["depart"])
        tour = cap.tour_minutes or venues[v].visit_minutes or DEFAULT_VISIT_MIN
        begin = arrive + cap.arrive_early
        if depart - begin != tour:
            bad.append(f"{tag} {v}: tour {depart - begin} min, expected {tour}")
        if (day - today).days < cap.lead_days:
            bad.append(f"{tag} {v}: booked {(day - today).days} days ahead, needs {cap.lead_days}")
        if cap.max_group is not None and a["people"] > cap.max_group:
            bad.append(f"{tag} {v}: {a['people']} people > {cap.max_group}")
        ps = periods(venues[v], day)
        if ps is None:
            bad.append(f"{tag} {v}: closed that day")
        elif not any(o <= begin <= last and begin + tour <= c for o, last, c in ps):
            bad.append(f"{tag} {v}: tour {begin}–{begin + tour} outside opening hours / last entry")
        elif cap.slot_minutes and not any((begin - o) % cap.slot_minutes == 0 for o, _l, _c in ps):
            bad.append(f"{tag} {v}: {begin} off the slot grid")
        events.append((arrive - legs[k][k + 1], depart))
    events.append((_mt(r.return_by), _mt(r.return_by)))
    # travel legs fit between stops; lunch fits in one of the gaps (when the day overlaps its window)
    lunch_ok = not (_mt(r.start_time) < LUNCH[1] and _mt(r.return_by) > LUNCH[0])
    last_leg = legs[len(ids)][len(ids) + 1]
    gaps = []
    for k in range(len(events) - 1):
        free_from = events[k][1]
        free_to = events[k + 1][0] if k + 1 < len(events) - 1 else _mt(r.return_by) - last_leg
        if free_to < free_from:
            bad.append(f"{tag}: leg {k} too short ({free_from} → {free_to})")
        gaps.append((free_from, free_to))
    if not lunch_ok:
        lunch_ok = any(max(a0, LUNCH[0]) + LUNCH[2] <= min(b0, LUNCH[1]) for a0, b0 in gaps)
        if not lunch_ok:
            bad.append(f"{tag}: no room for lunch")
    return bad


def capacity_violations(
    assignments: Sequence[Mapping[str, Any]], caps: Mapping[str, VenueCapacity]
) -> list[str]:
    """Per venue and day: groups inside at once, groups a day, one group per slot, sub-groups apart."""
    bad: list[str] = []
    occupancy: dict[tuple[str, str], list[tuple[int, int, int, str]]] = defaultdict(list)
    for a in assignments:
        for s in a["stops"]:
            cap = caps[s["venue_id"]]
            arrive = _m(s["arrive"])
            occupancy[(s["venue_id"], a["date"])].append(
                (arrive, _m(s["depart"]), arrive + cap.arrive_early, a["group_id"])
            )
    for (v, d), visits in occupancy.items():
        cap = caps[v]
        daily = [c for c in (cap.per_day, cap.slots_per_day) if c is not None]
        if daily and len(visits) > min(daily):
            bad.append(f"{v} {d}: {len(visits)} groups > {min(daily)} a day")
        for a0, _b0, _s, _g in visits:
            inside = [x for x in visits if x[0] <= a0 < x[1]]
            if len(inside) > cap.concurrent:
                bad.append(f"{v} {d} {a0}: {len(inside)} groups inside > {cap.concurrent}")
            if len({g for *_x, g in inside}) < len(inside):
                bad.append(f"{v} {d} {a0}: two sub-groups of one group inside together")
        if cap.slot_minutes and len({s for _a, _b, s, _g in visits}) < len(visits):
            bad.append(f"{v} {d}: two groups in one slot")
    return bad
