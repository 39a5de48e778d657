from datetime import date

from redtour.core.calendar import HolidayInfo, day_status, holiday_info, weekly_summary
from redtour.storage.catalogue_source import load_venues
from tests.conftest import FIXTURE_VENUES

V = {v.id: v for v in load_venues(FIXTURE_VENUES)}
MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)


def test_closed_on_the_weekly_closing_day_with_reason():
    st = day_status(V["alpha"], MONDAY)
    assert st.state == "closed" and st.reason == "测试纪念馆甲 周一闭馆"


def test_open_day_lists_periods_with_last_entry():
    st = day_status(V["beta"], TUESDAY)
    assert st.is_open and len(st.periods) == 2
    assert st.hours_text() == "09:00–11:30（11:00停止入馆）、13:00–16:30（16:00停止入馆）"


def test_unknown_hours_say_so():
    st = day_status(V["gamma"], TUESDAY)
    assert st.state == "unknown" and st.reason == "开放时间待核实"


def test_statutory_holiday_on_closing_day_opens_only_where_the_source_says_so():
    monday_holiday = HolidayInfo(known=True, is_holiday=True, name="国庆节")
    assert day_status(V["beta"], MONDAY, monday_holiday).is_open  # "周一闭馆（法定节假日除外）"
    assert day_status(V["alpha"], MONDAY, monday_holiday).state == "closed"


def test_holiday_calendar_data_and_missing_years():
    national_day = holiday_info(date(2026, 10, 1))
    assert national_day.known and national_day.is_holiday and national_day.name == "国庆节"
    assert not holiday_info(date(2030, 10, 1)).known
    st = day_status(V["alpha"], date(2030, 10, 1))
    assert st.holiday_data_missing and st.state == "open"


def test_weekly_summary_in_chinese():
    assert weekly_summary(V["alpha"].hours) == "周二至周日 09:00–16:30（16:00停止入馆）；周一闭馆"
    assert weekly_summary(None) == "待核实"
