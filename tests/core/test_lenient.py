"""A hand-ordered day: times for any order, lunch inside its window where it fits, every broken rule flagged."""

import itertools
import random
from datetime import date, time

import pytest

from redtour.core.catalogue import Location, OpeningHours, Period, Venue
from redtour.core.planner import Lunch, Place, PlanRequest, StopRequest, plan_day, plan_to_json
from redtour.core.tsptw import Broken, LunchRule, Problem, best_lunch, simulate
from tests.core.test_tsptw import random_problem


def line(n: int, leg: int = 10) -> list[list[int]]:
    """Start, n venues and the end (= start), every leg ``leg`` minutes."""
    return [[0 if i == j else leg for j in range(n + 2)] for i in range(n + 2)]


ALL_DAY = [(540, 960, 990)]  # 09:00, last entry 16:00, close 16:30
LUNCH = LunchRule(690, 810, 60)  # 11:30–13:30, one hour


@pytest.mark.parametrize("seed", range(150))
def test_lenient_equals_strict_where_the_order_keeps_every_rule(seed):
    rng = random.Random(seed)
    p = random_problem(rng, rng.randint(1, 5))
    for order in itertools.permutations(range(p.n)):
        positions = [None, *range(len(order) + 1)]
        for k in positions:
            strict = simulate(p, order, k)
            if strict is not None:
                assert simulate(p, order, k, lenient=True) == strict
        strict_best = best_lunch(p, order)
        if strict_best is not None:
            assert best_lunch(p, order, lenient=True) == strict_best


def test_lunch_goes_between_stops_inside_its_window_and_a_late_return_is_flagged():
    p = Problem(line(2), [120, 120], [ALL_DAY, ALL_DAY], frozenset({0, 1}), 540, 840, LUNCH)
    assert best_lunch(p, [0, 1]) is None  # back 14:50, asked for 14:00
    s = best_lunch(p, [0, 1], lenient=True)
    assert s.lunch_after == 1 and s.lunch_start == 690  # 11:30, not after the last stop
    assert s.back == 890 and s.broken == (Broken.RETURN,)
    assert all(v.broken == () for v in s.visits) and not s.feasible


def test_lunch_outside_its_window_is_flagged():
    p = Problem(line(1), [300], [[(540, 720, 1020)]], frozenset({0}), 540, 1080, LunchRule(690, 780, 60))
    s = best_lunch(p, [0], lenient=True)
    assert (s.lunch_after, s.lunch_start) == (1, 850)  # 14:10: the visit fills the window
    assert s.broken == (Broken.LUNCH,)


@pytest.mark.parametrize(
    ("arrive_leg", "visit", "flag", "start"),
    [
        (450, 30, Broken.CLOSED, 990),  # arrives 16:30, closed
        (430, 30, Broken.LAST_ENTRY, 970),  # arrives 16:10, after the last entry at 16:00
        (410, 60, Broken.OVERRUN, 950),  # enters 15:50, the visit runs past 16:30
    ],
)
def test_each_late_arrival_is_flagged_on_its_stop(arrive_leg, visit, flag, start):
    minutes = line(1)
    minutes[0][1] = arrive_leg
    p = Problem(minutes, [visit], [ALL_DAY], frozenset({0}), 540, 1200, None)
    assert simulate(p, [0], None) is None
    s = simulate(p, [0], None, lenient=True)
    assert s.visits[0].broken == (flag,) and s.visits[0].start == start and s.broken == ()


def test_waits_for_the_afternoon_period_when_only_it_can_take_the_visit():
    minutes = line(1)
    minutes[0][1] = 150  # arrives 11:30, during the midday closure
    p = Problem(minutes, [220], [[(540, 660, 690), (780, 960, 990)]], frozenset({0}), 540, 1200, None)
    s = simulate(p, [0], None, lenient=True)
    assert s.visits[0].start == 780 and s.visits[0].broken == (Broken.OVERRUN,)


WEEK = frozenset(range(1, 8))
START = Place("人民广场", 31.2304, 121.4737)


def test_planner_flags_a_hand_made_order_on_the_stop_and_the_plan():
    morning = Venue(
        id="am",
        name_zh="上午馆",
        location=Location(31.2446, 121.4286),
        hours=OpeningHours((Period(WEEK, time(9), time(11, 0), time(10, 30)),)),
        visit_minutes=60,
    )
    allday = Venue(
        id="all",
        name_zh="全天馆",
        location=Location(31.2085, 121.4926),
        hours=OpeningHours((Period(WEEK, time(9), time(16, 30), time(16)),)),
        visit_minutes=150,
    )
    req = PlanRequest(
        day=date(2026, 12, 2),
        start=START,
        stops=(StopRequest(allday), StopRequest(morning)),
        return_by=time(13, 0),
        lunch=Lunch(time(11, 30), time(13, 30), 60),
        optimize=False,
        today=date(2026, 11, 1),
    )
    plan = plan_day(req)
    assert not plan.feasible
    first, second = plan.stops
    assert first.broken == () and second.broken == (Broken.CLOSED,)
    assert any("已过闭馆时间 11:00" in w for w in second.warnings)
    assert plan.lunch_after == 1 and plan.lunch is not None and plan.lunch[0] >= time(11, 30)
    assert Broken.RETURN in plan.broken and any("晚于要求的 13:00" in w for w in plan.warnings)
    assert plan_to_json(plan)["stops"][1]["broken"] == ["closed"]
