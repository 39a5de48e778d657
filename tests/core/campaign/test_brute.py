"""CP-SAT against exhaustive enumeration on small instances: the most people that can be scheduled.

The brute force lists, per group, every route the rules allow (every day, every subset and order of its
venues, every start on the venues' 60-minute slot grid), each checked by the independent checker, then
tries every combination of routes (or leaving a group out) that the capacity check accepts.
"""

from __future__ import annotations

import itertools
import random
from datetime import date, time, timedelta

import pytest

from redtour.core.campaign import CampaignProblem, GroupRequest, VenueCapacity, schedule
from redtour.core.catalogue import Location, OpeningHours, Period, Venue
from redtour.core.planner import Place

from .checker import capacity_violations, check, route_violations

START = date(2026, 12, 8)  # a Tuesday
TODAY = date(2026, 12, 1)
ALL = frozenset(range(1, 8))


def small_instance(seed: int) -> tuple[list[GroupRequest], dict[str, Venue], dict[str, VenueCapacity], int]:
    rng = random.Random(seed)
    n_venues, n_days = rng.choice([2, 3]), rng.choice([3, 4])
    venues, caps = {}, {}
    for i in range(n_venues):
        if rng.random() < 0.4:  # closed at lunchtime
            periods = (
                Period(ALL, time(9), time(11, 0), time(10, 0)),
                Period(ALL, time(13), time(15), time(14)),
            )
        else:
            periods = (Period(ALL, time(9), time(13, 0), time(12, 0)),)
        closed = frozenset({rng.choice([3, 4, 5])}) if rng.random() < 0.3 else frozenset()
        hours = OpeningHours(
            tuple(Period(p.weekdays - closed, p.open, p.close, p.last_entry) for p in periods), closed
        )
        vid = f"v{i}"
        venues[vid] = Venue(
            vid, f"场馆{i}", location=Location(31.23 + 0.01 * i, 121.47), hours=hours, visit_minutes=60
        )
        caps[vid] = VenueCapacity(
            vid, concurrent=rng.choice([1, 1, 2]), per_day=rng.choice([None, 1, 2]), slot_minutes=60,
            lead_days=rng.choice([0, 0, 0, 8]),
        )  # fmt: skip
    requests = []
    for g in range(rng.choice([4, 5])):
        first = START + timedelta(days=rng.randrange(n_days))
        last = min(START + timedelta(days=n_days - 1), first + timedelta(days=rng.randrange(2)))
        ids = list(venues)
        must = (rng.choice(ids),)
        optional = tuple(v for v in rng.sample(ids, rng.choice([0, 1])) if v not in must)
        requests.append(
            GroupRequest(
                group_id=f"g{g}", union=f"工会{g % 2}", name=f"团队{g}", people=rng.choice([10, 20, 30]),
                earliest=first, latest=last, must=must, optional=optional,
                start=Place("出发地", 31.22, 121.46), start_time=time(8, 30),
                return_by=rng.choice([time(13, 30), time(17, 0), time(17, 0)]),
            )
        )  # fmt: skip
    return requests, venues, caps, n_days


def routes(r: GroupRequest, venues, caps, end: date) -> list[dict]:
    """Every route the rules allow for group ``r`` (lunch checked by the checker)."""
    out = []
    day = r.earliest
    while day <= r.latest:
        for k in range(len(r.optional) + 1):
            for extra in itertools.combinations(r.optional, k):
                for order in itertools.permutations((*r.must, *extra)):
                    grids = [range(9 * 60, 16 * 60, 60) for _ in order]
                    for starts in itertools.product(*grids):
                        if any(b <= a for a, b in itertools.pairwise(starts)):
                            continue
                        stops = [
                            {"venue_id": v, "arrive": f"{s // 60:02d}:{s % 60:02d}",
                             "depart": f"{(s + 60) // 60:02d}:{(s + 60) % 60:02d}"}
                            for v, s in zip(order, starts, strict=True)
                        ]  # fmt: skip
                        a = {
                            "group_id": r.group_id,
                            "date": day.isoformat(),
                            "people": r.people,
                            "stops": stops,
                        }
                        if not route_violations(a, r, venues, caps, START, end, TODAY):
                            out.append(a)
        day += timedelta(days=1)
    return out


def brute_force_people(requests, venues, caps, end) -> int:
    options = [routes(r, venues, caps, end) for r in requests]
    best = 0
    remaining = [sum(r.people for r in requests[i:]) for i in range(len(requests) + 1)]

    def dfs(i: int, chosen: list[dict], people: int) -> None:
        nonlocal best
        best = max(best, people)
        if i == len(requests) or people + remaining[i] <= best:
            return
        for a in options[i]:
            if not capacity_violations([*chosen, a], caps):
                dfs(i + 1, [*chosen, a], people + requests[i].people)
        dfs(i + 1, chosen, people)

    dfs(0, [], 0)
    return best


@pytest.mark.parametrize("seed", range(12))
def test_cp_sat_schedules_as_many_people_as_brute_force(seed):
    requests, venues, caps, n_days = small_instance(seed)
    end = START + timedelta(days=n_days - 1)
    result = schedule(CampaignProblem(requests, venues, caps, START, end, TODAY), time_limit=20)
    assert check(result.to_json(), requests, venues, caps, START, end, TODAY) == []
    assert result.optimal
    assert result.scheduled_people == brute_force_people(requests, venues, caps, end)


def test_the_instances_are_not_trivial():
    """Across the seeds, capacity or the calendar leaves somebody out, and somebody fits: the comparison
    above is not between two empty (or two complete) schedules."""
    short = full = 0
    for seed in range(12):
        requests, venues, caps, n_days = small_instance(seed)
        best = brute_force_people(requests, venues, caps, START + timedelta(days=n_days - 1))
        total = sum(r.people for r in requests)
        short += 0 < best < total
        full += best == total
    assert short >= 3 and full >= 1
