"""Planning a day on real calendar rules: closures, unknown hours, lunch, warnings, manual order."""

import itertools
from datetime import date, time

import pytest

from redtour.core.catalogue import Location, OpeningHours, Period, Reservation, Venue
from redtour.core.clock import minutes
from redtour.core.planner import (
    Lunch,
    Place,
    PlanError,
    PlanRequest,
    StopRequest,
    plan_day,
    plan_request_of,
    plan_to_json,
    reorder,
)
from redtour.core.saved_request import request_from_dict, request_to_dict
from redtour.core.tsptw import Broken

WEEK = frozenset(range(1, 8))
TUE_SUN = OpeningHours((Period(frozenset(range(2, 8)), time(9), time(16, 30), time(16)),), frozenset({1}))
START = Place("人民广场", 31.2304, 121.4737)


def venue(vid, name, lat, lon, hours=TUE_SUN, **kw):
    return Venue(id=vid, name_zh=name, location=Location(lat, lon), hours=hours, **kw)


GZH = venue("gzh", "顾正红纪念馆", 31.2446, 121.4286)
SJB = venue("sjb", "中国劳动组合书记部旧址陈列馆", 31.2445, 121.4628)
SSH = venue("ssh", "三山会馆", 31.2085, 121.4926)
UNKNOWN = venue("unk", "沪西工人半日学校", 31.2431, 121.4361, hours=None)
NOWHERE = Venue(id="hd", name_zh="沪东工人运动展示馆")
MONDAY, WEDNESDAY = date(2026, 11, 30), date(2026, 12, 2)


def request(day, *stops, **kw):
    return PlanRequest(day=day, start=START, stops=tuple(stops), today=date(2026, 11, 1), **kw)


def test_monday_closure_of_a_must_visit_venue_is_rejected_with_the_reason():
    with pytest.raises(PlanError) as err:
        plan_day(request(MONDAY, StopRequest(GZH), StopRequest(UNKNOWN)))
    assert err.value.reasons == ("顾正红纪念馆 周一闭馆",)


def test_optional_closed_venue_is_left_out_and_said_so():
    plan = plan_day(request(MONDAY, StopRequest(UNKNOWN), StopRequest(GZH, must=False)))
    assert [s.venue.id for s in plan.stops] == ["unk"]
    assert plan.skipped[0][0].id == "gzh" and "周一闭馆" in plan.skipped[0][1]
    assert "开放时间待核实，按 09:00–16:30 估算" in plan.stops[0].warnings


def test_venue_with_a_midday_closure_is_ordered_around_it():
    split = OpeningHours((Period(WEEK, time(9), time(11, 0)), Period(WEEK, time(14), time(16, 30))))
    near = venue("split", "午间闭馆馆", 31.2305, 121.4740, hours=split)
    plan = plan_day(request(WEDNESDAY, StopRequest(near, visit_min=90), StopRequest(SSH), lunch=None))
    split_stop = next(s for s in plan.stops if s.venue.id == "split")
    assert split_stop.start >= time(14) or split_stop.depart <= time(11)
    assert plan.optimal


def test_no_location_cannot_be_routed():
    with pytest.raises(PlanError, match="没有位置信息"):
        plan_day(request(WEDNESDAY, StopRequest(NOWHERE)))


def test_lunch_is_kept_inside_its_window():
    plan = plan_day(
        request(
            WEDNESDAY,
            StopRequest(GZH),
            StopRequest(SJB),
            StopRequest(SSH),
            lunch=Lunch(time(11, 30), time(13, 0), 60),
        )
    )
    assert plan.lunch is not None
    assert time(11, 30) <= plan.lunch[0] and plan.lunch[1] <= time(13, 0)
    for s in plan.stops:  # no visit overlaps lunch
        assert s.depart <= plan.lunch[0] or s.arrive >= plan.lunch[1]


def test_too_many_must_visits_say_how_many_fit():
    many = [venue(f"v{i}", f"馆{i}", 31.20 + i * 0.01, 121.40 + i * 0.01) for i in range(7)]
    with pytest.raises(PlanError) as err:
        plan_day(request(WEDNESDAY, *(StopRequest(v, visit_min=90) for v in many)))
    assert "无法在 09:00–17:00 内全部安排" in err.value.reasons[0] and "最多能安排" in err.value.reasons[0]


def test_warnings_for_reservation_lead_time_and_group_size():
    strict = venue(
        "r", "需预约馆", 31.22, 121.46, reservation=Reservation(True, 7, "电话"), max_group_size=20
    )
    req = PlanRequest(
        day=WEDNESDAY, start=START, stops=(StopRequest(strict),), group_size=40, today=date(2026, 11, 28)
    )
    warnings = plan_day(req).stops[0].warnings
    assert "需提前7天预约，距参观日只剩4天" in warnings
    assert "团队40人，超过单批接待上限20人，需分批" in warnings


def test_manual_reorder_recomputes_times_and_flags_broken_rules():
    morning = venue(
        "am",
        "上午馆",
        31.2446,
        121.4286,
        hours=OpeningHours((Period(WEEK, time(9), time(11, 30), time(11)),)),
    )
    plan = plan_day(request(WEDNESDAY, StopRequest(morning), StopRequest(SSH, visit_min=120), lunch=None))
    assert [s.venue.id for s in plan.stops] == ["am", "ssh"] and plan.feasible
    flipped = reorder(plan, ["ssh", "am"])  # the long visit first: 上午馆 is reached after it closes
    assert [s.venue.id for s in flipped.stops] == ["ssh", "am"]
    first, second = flipped.stops
    assert minutes(first.arrive) == 9 * 60 + first.travel_min  # times recomputed leg by leg in the new order
    assert minutes(first.depart) == minutes(first.start) + 120 and first.broken == ()
    assert minutes(second.arrive) == minutes(first.depart) + second.travel_min
    assert second.arrive > time(11, 30) and second.broken == (Broken.CLOSED,)
    assert f"{second.arrive:%H:%M} 到达，已过闭馆时间 11:30" in second.warnings
    assert not flipped.feasible and not flipped.optimal
    assert flipped.total_travel_min >= plan.total_travel_min  # the optimum cannot be beaten by hand


def test_json_has_the_matrix_to_recheck_the_order():
    plan = plan_day(request(WEDNESDAY, StopRequest(GZH), StopRequest(SJB), optimize=True))
    data = plan_to_json(plan)
    points, minutes = data["matrix"]["points"], data["matrix"]["minutes"]
    assert [p["kind"] for p in points] == ["start", "venue", "venue"]  # the end is the start
    assert len(minutes) == 3 and all(len(r) == 3 for r in minutes)
    assert {p["name_zh"] for p in points[1:]} == {"顾正红纪念馆", "中国劳动组合书记部旧址陈列馆"}
    assert (
        points[1]["open"] == "09:00" and points[1]["last_entry"] == "16:00" and points[1]["close"] == "16:30"
    )
    index = {p.get("venue_id"): k for k, p in enumerate(points)}
    order = [0] + [index[s["venue_id"]] for s in data["stops"]] + [0]
    assert sum(minutes[a][b] for a, b in itertools.pairwise(order)) == data["total_travel_min"]
    assert data["optimal"] is True
    for s in data["stops"]:
        assert {"name_zh", "arrive", "depart", "travel_min", "distance_km"} <= s.keys()


def test_request_round_trip_keeps_the_chosen_order():
    plan = plan_day(request(WEDNESDAY, StopRequest(GZH), StopRequest(SJB), StopRequest(SSH, visit_min=30)))
    data = request_to_dict(plan_request_of(plan))
    req, missing = request_from_dict(data, {v.id: v for v in (GZH, SJB, SSH)})
    assert missing == []
    again = plan_day(req)
    assert [s.venue.id for s in again.stops] == [s.venue.id for s in plan.stops]
    assert again.back == plan.back


def test_logo_is_inlined_only_when_it_is_an_image(tmp_path):
    from redtour.export.route_sheet import logo_data_uri

    png = tmp_path / "logo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 20)
    assert logo_data_uri(str(png)).startswith("data:image/png;base64,")
    text = tmp_path / "logo.txt"
    text.write_text("<svg onload=alert(1)>")
    assert (
        logo_data_uri(str(text)) == ""
        and logo_data_uri("") == ""
        and logo_data_uri(str(tmp_path / "x")) == ""
    )


def test_a_day_in_a_year_without_holiday_data_warns_on_every_stop_with_the_common_sentence():
    from redtour.storage.holidays import load_calendar

    cal = load_calendar()
    later = plan_day(request(date(2027, 2, 10), StopRequest(GZH), holidays=cal))
    assert "2027年节假日安排未录入，仅按每周规则判断" in later.stops[0].warnings
    known = plan_day(request(WEDNESDAY, StopRequest(GZH), holidays=cal))
    assert not any("节假日安排" in w for w in known.stops[0].warnings)
    spring = plan_day(request(date(2026, 2, 17), StopRequest(GZH), holidays=cal))
    assert "当日为春节，请确认开放安排" in spring.stops[0].warnings
