"""The route sheet says when the visit day's holiday schedule is unknown (once, beside the date)."""

from datetime import date

from redtour.core.planner import StopRequest, plan_day
from redtour.export.route_sheet import SheetOptions, render_sheet_html
from redtour.storage.holidays import load_calendar
from tests.core.test_planner import GZH, request

WARNING_2027 = "2027年节假日安排未录入，仅按每周规则判断"


def sheet(day: date) -> str:
    plan = plan_day(request(day, StopRequest(GZH), holidays=load_calendar()))
    return render_sheet_html(plan, SheetOptions(), "data:image/png;base64,")


def test_a_sheet_for_a_day_without_holiday_data_carries_the_warning_once():
    html = sheet(date(2027, 2, 10))
    assert html.count(WARNING_2027) == 1
    assert 'class="warn holiday-warning"' in html


def test_a_sheet_for_a_known_day_has_no_such_warning():
    assert "节假日安排未录入" not in sheet(date(2026, 12, 2))
