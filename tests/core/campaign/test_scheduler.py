"""The campaign scheduler: rules re-checked from the JSON, known plans found, splitting, reasons, re-planning."""

from __future__ import annotations

import random
import threading
from dataclasses import replace
from datetime import date, time, timedelta

import pytest

from redtour.core.campaign import (
    CampaignProblem,
    GroupRequest,
    Pin,
    StopTime,
    VenueCapacity,
    greedy_schedule,
    schedule,
)
from redtour.core.campaign.candidates import prepare
from redtour.core.campaign.greedy import greedy_fill
from redtour.core.catalogue import Location, OpeningHours, Period, Venue
from redtour.core.planner import Place

from .checker import HOLIDAYS, check
from .gen import capacities, catalogue_venues, requests, synthetic_venue

TUE = date(2026, 12, 8)
TODAY = date(2026, 12, 1)
TUE_SUN = frozenset(range(2, 8))
HERE = Place("出发地", 31.23, 121.47)


def venue(i: int, *, lunch_break: bool = False, closed: frozenset[int] = frozenset({1})) -> Venue:
    days = frozenset(range(1, 8)) - closed
    if lunch_break:
        periods = (
            Period(days, time(9), time(11, 30), time(11)),
            Period(days, time(13), time(16, 30), time(16)),
        )
    else:
        periods = (Period(days, time(9), time(17), time(16, 30)),)
    return Venue(f"v{i}", f"场馆{i}", location=Location(31.23, 121.47), hours=OpeningHours(periods, closed),
                 visit_minutes=60)  # fmt: skip


def group(i: int, must: tuple[str, ...], first: date, last: date | None = None, **kw) -> GroupRequest:
    return GroupRequest(group_id=f"g{i:02d}", union=f"工会{i % 3}", name=f"团队{i}", people=kw.pop("people", 20),
                        earliest=first, latest=last or first, must=must, start=HERE, **kw)  # fmt: skip


def assert_valid(result, reqs, venues, caps, start, end, today=TODAY):
    assert check(result.to_json(), reqs, venues, caps, start, end, today) == []


@pytest.mark.parametrize("seed", [3, 4])
def test_large_random_schedule_keeps_every_rule(seed):
    rng = random.Random(seed)
    venues = {v.id: v for v in (synthetic_venue(rng, i) for i in range(8))}
    caps = capacities(rng, venues)
    reqs = requests(rng, 90, venues, TUE, 14)
    end = TUE + timedelta(days=13)
    result = schedule(CampaignProblem(reqs, venues, caps, TUE, end, TODAY), time_limit=8)
    assert_valid(result, reqs, venues, caps, TUE, end)
    assert result.scheduled_groups > 45  # most of them fit: the check is not run on an empty schedule
    assert_valid(
        greedy_schedule(CampaignProblem(reqs, venues, caps, TUE, end, TODAY)), reqs, venues, caps, TUE, end
    )


def test_real_catalogue_schedule_keeps_every_rule():
    """The shipped venues: real opening hours, Monday closures, statutory holidays (New Year's Day 2027 falls
    inside), unknown hours planned with the day planner's cautious window."""
    rng = random.Random(7)
    venues = catalogue_venues()
    caps = capacities(rng, venues)
    start, end = date(2026, 12, 21), date(2027, 1, 8)
    reqs = requests(rng, 70, venues, start, 19)
    result = schedule(CampaignProblem(reqs, venues, caps, start, end, TODAY, holidays=HOLIDAYS), time_limit=8)
    assert_valid(result, reqs, venues, caps, start, end)
    assert result.scheduled_groups > 35


def test_statutory_holidays_and_holiday_closures_are_respected():
    """纺织博物馆 closes for the Spring Festival holiday (a rule in its catalogue file): a group that may only go
    during the 2026 holiday cannot be placed there; the same group a week later can."""
    venues = catalogue_venues()
    caps = {vid: VenueCapacity(vid) for vid in venues}
    during = group(1, ("fangzhi",), date(2026, 2, 17), date(2026, 2, 20))
    after = group(2, ("fangzhi",), date(2026, 2, 25), date(2026, 2, 27))
    start, end, today = date(2026, 2, 16), date(2026, 2, 28), date(2026, 2, 1)
    result = schedule(
        CampaignProblem([during, after], venues, caps, start, end, today, holidays=HOLIDAYS), time_limit=5
    )
    assert [a.group_id for a in result.assignments] == ["g02"]
    (unplaced,) = result.unscheduled
    assert unplaced.group_id == "g01" and any("均闭馆" in r for r in unplaced.reasons)
    assert check(result.to_json(), [during, after], venues, caps, start, end, today) == []


def test_checker_catches_broken_schedules():
    venues = {"v0": venue(0)}
    caps = {"v0": VenueCapacity("v0", max_group=30, lead_days=2)}
    reqs = [group(0, ("v0",), TUE), group(1, ("v0",), TUE)]
    result = schedule(CampaignProblem(reqs, venues, caps, TUE, TUE, TODAY), time_limit=5)
    data = result.to_json()
    assert check(data, reqs, venues, caps, TUE, TUE, TODAY) == []
    clash = {**data, "assignments": [dict(a) for a in data["assignments"]]}
    clash["assignments"][1] = {**clash["assignments"][1], "stops": clash["assignments"][0]["stops"]}
    assert any("inside" in b for b in check(clash, reqs, venues, caps, TUE, TUE, TODAY))
    late = [replace(r, latest=TUE) for r in reqs]
    assert any("needs 2" in b for b in check(data, late, venues, caps, TUE, TUE, TUE - timedelta(days=1)))
    monday = {**data, "assignments": [{**a, "date": "2026-12-07"} for a in data["assignments"]]}
    assert any("closed" in b for b in check(monday, reqs, venues, caps, TUE - timedelta(days=1), TUE, TODAY))


def test_a_plan_that_exists_is_found():
    """Built from a full timetable: two venues taking one group at a time, 6 groups a day, each group visits
    both with lunch in between; every group may go on its own day or the next. All 30 must be placed."""
    venues = {"v0": venue(0), "v1": venue(1)}
    caps = {v: VenueCapacity(v, per_day=6) for v in venues}
    reqs = []
    for d in range(5):
        for k in range(6):
            i = d * 6 + k
            first = TUE + timedelta(days=d)
            last = first + timedelta(days=1 if d < 4 else 0)
            pref = (last,) if k % 2 else ()
            reqs.append(group(i, ("v0", "v1"), first, last, people=15 + k, preferred=pref))
    random.Random(1).shuffle(reqs)
    end = TUE + timedelta(days=4)
    result = schedule(CampaignProblem(reqs, venues, caps, TUE, end, TODAY), time_limit=30)
    assert_valid(result, reqs, venues, caps, TUE, end)
    assert result.unscheduled == ()
    assert result.scheduled_groups == 30
    assert all(not a.missing_must for a in result.assignments)


def test_large_group_is_split_into_sub_groups_on_one_day():
    venues = {"v0": venue(0), "v1": venue(1, lunch_break=True)}
    caps = {"v0": VenueCapacity("v0", max_group=30), "v1": VenueCapacity("v1", concurrent=2)}
    reqs = [group(0, ("v0", "v1"), TUE, TUE + timedelta(days=2), people=70)]
    end = TUE + timedelta(days=2)
    result = schedule(CampaignProblem(reqs, venues, caps, TUE, end, TODAY), time_limit=10)
    assert_valid(result, reqs, venues, caps, TUE, end)
    parts = sorted(result.assignments, key=lambda a: a.part)
    assert [a.people for a in parts] == [24, 23, 23]
    assert {a.parts for a in parts} == {3} and len({a.day for a in parts}) == 1
    assert "团队“团队0” 70人超过场馆0每团30人上限，拆分为3个小组" in result.notes
    data = result.to_json()
    assert data["scheduled_groups"] == 1 and data["scheduled_people"] == 70


def test_unsplittable_group_too_large_is_unscheduled_with_reason():
    venues = {"v0": venue(0)}
    caps = {"v0": VenueCapacity("v0", max_group=30)}
    reqs = [group(0, ("v0",), TUE, people=45, splittable=False)]
    result = schedule(CampaignProblem(reqs, venues, caps, TUE, TUE, TODAY), time_limit=5)
    assert result.to_json()["unscheduled"] == [
        {"group_id": "g00", "name": "团队0", "reasons": ["45人超过场馆0每团30人上限，且该团队不可拆分"]}
    ]


def test_unscheduled_groups_say_why():
    venues = {"v0": venue(0), "v1": venue(1)}
    caps = {"v0": VenueCapacity("v0", per_day=1), "v1": VenueCapacity("v1", lead_days=10)}
    end = TUE + timedelta(days=4)
    mon = TUE + timedelta(days=6)
    reqs = [group(i, ("v0",), TUE, end) for i in range(6)] + [
        group(10, ("v0",), end + timedelta(days=1), end + timedelta(days=3)),
        group(11, ("v0",), mon - timedelta(days=7)),  # a Monday
        group(12, ("v1",), TUE, TUE + timedelta(days=1)),
    ]
    result = schedule(CampaignProblem(reqs, venues, caps, TUE - timedelta(days=1), end, TODAY), time_limit=10)
    assert_valid(result, reqs, venues, caps, TUE - timedelta(days=1), end)
    reasons = {u.group_id: u.reasons for u in result.unscheduled}
    full = [gid for gid in reasons if gid < "g06"]
    assert len(full) == 1 and reasons[full[0]] == ("场馆0 12月8日至12月12日 已满",)
    assert reasons["g10"] == ("最早日期晚于活动结束",)
    assert reasons["g11"] == ("必去场馆场馆0在可选日期（12月7日）均闭馆",)
    assert reasons["g12"] == ("场馆1需提前10天预约，最晚日期12月9日已来不及",)


def test_pins_are_kept_and_a_cancelled_day_moves_only_the_groups_on_it():
    venues = {"v0": venue(0), "v1": venue(1)}
    caps = {v: VenueCapacity(v, per_day=4) for v in venues}
    end = TUE + timedelta(days=4)
    reqs = [group(i, (f"v{i % 2}",), TUE, end, preferred=(TUE + timedelta(days=2),)) for i in range(14)]
    first = schedule(CampaignProblem(reqs, venues, caps, TUE, end, TODAY), time_limit=10)
    assert first.scheduled_groups == 14
    thursday = TUE + timedelta(days=2)
    pinned = [a for a in first.assignments if a.day != thursday][:2]
    pins = [Pin(a.group_id, a.day, a.stops) for a in pinned]
    affected = {a.group_id for a in first.assignments if a.day == thursday and a.stops[0].venue_id == "v0"}
    assert affected  # the preferred date put somebody there
    closed = dict(venues, v0=venue(0, closed=frozenset({1, 4})))  # v0 now also closes on Thursdays
    again = schedule(
        CampaignProblem(reqs, closed, caps, TUE, end, TODAY, pins=pins),
        time_limit=10,
        previous=first.assignments,
    )
    assert_valid(again, reqs, closed, caps, TUE, end)
    assert again.scheduled_groups == 14
    assert set(again.moved) == affected
    kept = {a.group_id: a for a in again.assignments}
    for a in pinned:
        assert kept[a.group_id].pinned and (kept[a.group_id].day, kept[a.group_id].stops) == (a.day, a.stops)
    # a group dropping out moves nobody
    fewer = schedule(
        CampaignProblem(reqs[1:], venues, caps, TUE, end, TODAY), time_limit=10, previous=first.assignments
    )
    assert fewer.moved == () and fewer.scheduled_groups == 13


def test_stop_keeps_the_best_schedule_so_far_and_progress_is_reported():
    rng = random.Random(5)
    venues = {v.id: v for v in (synthetic_venue(rng, i) for i in range(6))}
    caps = capacities(rng, venues)
    reqs = requests(rng, 60, venues, TUE, 10)
    end = TUE + timedelta(days=9)
    stop = threading.Event()
    seen = []

    def progress(info):
        seen.append(info)
        stop.set()

    result = schedule(
        CampaignProblem(reqs, venues, caps, TUE, end, TODAY), time_limit=120, progress=progress, stop=stop
    )
    assert seen and seen[0].solutions == 0 and seen[0].scheduled_people > 0  # the greedy start
    assert result.stats["stopped"] and "stage2_status" not in result.stats
    assert result.scheduled_people >= seen[0].scheduled_people
    assert_valid(result, reqs, venues, caps, TUE, end)


def test_cp_sat_is_not_worse_than_greedy_and_beats_it_when_order_matters():
    """First-fit takes the first day that fits; a group that could go on either day takes the only day
    another group can use. The solver places both."""
    venues = {"v0": venue(0)}
    caps = {"v0": VenueCapacity("v0", per_day=1)}
    reqs = [group(0, ("v0",), TUE, TUE + timedelta(days=1)), group(1, ("v0",), TUE, people=30)]
    end = TUE + timedelta(days=1)
    greedy = greedy_schedule(CampaignProblem(reqs, venues, caps, TUE, end, TODAY))
    best = schedule(CampaignProblem(reqs, venues, caps, TUE, end, TODAY), time_limit=5)
    assert greedy.scheduled_people == 20
    assert best.scheduled_people == 50 and best.optimal and best.gap is None


def test_bad_requests_are_reported_not_scheduled():
    venues = {"v0": venue(0)}
    caps = {"v0": VenueCapacity("v0")}
    reqs = [group(0, ("v0",), TUE, people=0), group(1, ("nowhere",), TUE), group(2, ("v0",), TUE)]
    result = schedule(CampaignProblem(reqs, venues, caps, TUE, TUE, TODAY), time_limit=5)
    assert {u.group_id: u.reasons for u in result.unscheduled} == {
        "g00": ("人数必须大于0",),
        "g01": ("场馆不在目录中：nowhere",),
    }
    assert [a.group_id for a in result.assignments] == ["g02"]


def test_contradicting_pins_are_refused_in_words():
    venues = {"v0": venue(0)}
    caps = {"v0": VenueCapacity("v0")}
    stops = (StopTime("v0", time(10), time(11)),)
    reqs = [group(0, ("v0",), TUE), group(1, ("v0",), TUE)]
    pins = [Pin("g00", TUE, stops), Pin("g01", TUE, stops)]
    with pytest.raises(ValueError, match="已确认的预约互相冲突"):
        schedule(CampaignProblem(reqs, venues, caps, TUE, TUE, TODAY, pins=pins), time_limit=5)


def test_a_previous_assignment_that_no_longer_keeps_the_hours_is_moved_not_kept():
    venues = {"v0": venue(0)}
    caps = {"v0": VenueCapacity("v0", per_day=4)}
    reqs = [group(0, ("v0",), TUE)]
    first = schedule(CampaignProblem(reqs, venues, caps, TUE, TUE, TODAY), time_limit=10)
    (before,) = first.assignments
    assert before.stops[0].arrive < time(12)  # the earliest start is in the morning
    days = frozenset(range(2, 8))
    afternoon = replace(
        venues["v0"], hours=OpeningHours((Period(days, time(13), time(17), time(16, 30)),), frozenset({1}))
    )
    again = schedule(
        CampaignProblem(reqs, {"v0": afternoon}, caps, TUE, TUE, TODAY),
        time_limit=10,
        previous=first.assignments,
    )
    assert_valid(again, reqs, {"v0": afternoon}, caps, TUE, TUE)
    (after,) = again.assignments
    assert after.stops[0].arrive >= time(12, 30)
    assert again.moved == ("g00",)
    # the greedy (CP-SAT's start and the fallback) must not keep the old morning times either
    prepared = prepare(CampaignProblem(reqs, {"v0": afternoon}, caps, TUE, TUE, TODAY, holidays=HOLIDAYS))
    (timed,) = greedy_fill(prepared, first.assignments).values()
    assert all(x >= 13 * 60 for x in timed.starts)
