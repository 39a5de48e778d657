"""Text made outside the Qt widgets (planner warnings, map words, route legend) through one gettext catalogue."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, time

import pytest

from redtour import i18n
from redtour.core.catalogue import Location, OpeningHours, Period, Reservation, Venue
from redtour.core.planner import Lunch, Place, PlanError, PlanRequest, StopRequest, plan_day
from redtour.mapping.markers import marker_status
from redtour.mapping.route import route_of_plan
from tests.conftest import REPO

WEEK = frozenset(range(1, 8))
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english():
    i18n.install("en")
    yield
    i18n.install("zh_CN")


def a_plan(**kw):
    booked = Venue(
        id="b",
        name_zh="馆",
        location=Location(31.2446, 121.4286),
        hours=OpeningHours((Period(WEEK, time(9), time(11), time(10, 30)),)),
        reservation=Reservation(True, 7, None),
        max_group_size=20,
        visit_minutes=60,
    )
    unknown = Venue(id="u", name_zh="所", location=Location(31.2085, 121.4926), visit_minutes=150)
    req = PlanRequest(
        day=date(2026, 12, 2),
        start=Place("起点", 31.2304, 121.4737),
        stops=(StopRequest(unknown), StopRequest(booked)),
        group_size=40,
        return_by=time(13, 0),
        lunch=Lunch(time(11, 30), time(13, 30), 60),
        optimize=False,
        today=date(2026, 11, 28),
        **kw,
    )
    return plan_day(req)


def all_text(plan) -> list[str]:
    route = route_of_plan(plan)
    return [*plan.warnings, *(w for s in plan.stops for w in s.warnings), route.title, *route.legend]


def test_plan_warnings_and_route_legend_in_english(english):
    plan = a_plan()
    text = all_text(plan)
    for line in text:
        assert not HAN.search(line.replace("馆", "").replace("所", "")), line
    assert "Hours to be verified; planned as 09:00–16:30" in plan.stops[0].warnings
    assert "Book 7 days ahead; only 4 days left before the visit" in plan.stops[1].warnings
    assert "Group of 40 exceeds the venue's limit of 20 per visit: split into batches" in plan.stops[1].warnings
    assert any(w.startswith("Arriving at ") and "after closing time 11:00" in w for w in plan.stops[1].warnings)
    assert any("later than the required 13:00" in w for w in plan.warnings)
    route = route_of_plan(plan)
    assert route.title == "Visit route" and route.legend[0] == "2026-12-02 Coach"
    assert route.legend[1].startswith("Depart 09:00 · back ")


def test_default_chinese_is_unchanged():
    plan = a_plan()
    assert "开放时间待核实，按 09:00–16:30 估算" in plan.stops[0].warnings
    assert "需提前7天预约，距参观日只剩4天" in plan.stops[1].warnings
    assert "交通时间按离线模型（包车）估算" in plan.warnings
    route = route_of_plan(plan)
    assert route.title == "参观路线" and route.legend[0] == "2026-12-02 包车"


def test_refusal_reasons_in_english(english):
    with pytest.raises(PlanError) as err:
        plan_day(PlanRequest(day=date(2026, 12, 2), start=Place("起点", 31.23, 121.47), stops=(), return_by=time(8)))
    assert err.value.reasons == ("The return time must be later than the departure time",)


def test_map_marker_status_follows_the_installed_language(english):
    venue = Venue(id="x", name_zh="测试", hours=OpeningHours((Period(WEEK, time(9), time(16)),)))
    assert marker_status(venue, date(2026, 12, 2))[1] == "Open 09:00–16:00"
    assert marker_status(venue, date(2026, 12, 2), "zh_CN")[1] == "开放 09:00–16:00"


def test_catalogue_is_complete_and_the_mo_matches_the_po():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gettext_catalogue.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_weekday_names_and_the_datum_note_follow_the_installed_language(english):
    """The campaign grid's day headers and the note after a GPX/KML export (issue 16/18: English UI)."""
    from redtour.core.calendar import WEEKDAY_ZH
    from redtour.export.share_nav import DATUM_NOTE

    assert [i18n._(WEEKDAY_ZH[d]) for d in (1, 7)] == ["Mon", "Sun"]
    assert i18n._(DATUM_NOTE["gcj02"]).startswith("Datum: GCJ-02")
    assert WEEKDAY_ZH[1] == "周一"  # Chinese sentences built in core keep the Chinese name


def test_campaign_grid_cells_are_english_in_english_mode(english):
    from redtour.core.campaign_capacity import capacity_of
    from redtour.core.campaign_load import Visit, load_grid

    venue = Venue("x", "某馆", hours=OpeningHours((Period(frozenset(range(2, 8)), time(9), time(16)),), frozenset({1})))
    monday, tuesday = date(2026, 12, 7), date(2026, 12, 8)
    visits = [Visit("x", tuesday, time(9), time(10), "工会 团队"), Visit("x", tuesday, time(9, 30), time(10), "b")]
    grid = load_grid(visits, {"x": venue}, {"x": capacity_of(venue, [])}, [monday, tuesday])
    assert grid[("x", monday)].text() == "Closed"
    assert "At most 2 groups in the venue at once (limit 1)" in grid[("x", tuesday)].tooltip()
