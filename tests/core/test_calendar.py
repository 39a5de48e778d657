import dataclasses
from datetime import date

import pytest

from redtour.core.calendar import HolidayInfo, day_status, holiday_info, weekly_summary
from redtour.core.catalogue import hours_from_dict, hours_to_dict
from redtour.storage.catalogue_source import load_venues
from redtour.storage.holidays import load_calendar
from tests.conftest import FIXTURE_VENUES

V = {v.id: v for v in load_venues(FIXTURE_VENUES)}
CAL = load_calendar()  # the bundled official years
MONDAY, TUESDAY = date(2026, 11, 23), date(2026, 11, 24)


def test_closed_on_the_weekly_closing_day_with_reason():
    st = day_status(V["alpha"], MONDAY, CAL)
    assert st.state == "closed" and st.reason == "测试纪念馆甲 周一闭馆"


def test_open_day_lists_periods_with_last_entry():
    st = day_status(V["beta"], TUESDAY, CAL)
    assert st.is_open and len(st.periods) == 2
    assert st.hours_text() == "09:00–11:30（11:00停止入馆）、13:00–16:30（16:00停止入馆）"


def test_unknown_hours_say_so():
    st = day_status(V["gamma"], TUESDAY, CAL)
    assert st.state == "unknown" and st.reason == "开放时间待核实"


def test_statutory_holiday_on_closing_day_opens_only_where_the_source_says_so():
    monday_holiday = HolidayInfo(known=True, is_holiday=True, name="国庆节")
    assert day_status(V["beta"], MONDAY, monday_holiday).is_open  # "周一闭馆（法定节假日除外）"
    assert day_status(V["alpha"], MONDAY, monday_holiday).state == "closed"


def test_holiday_calendar_data_and_missing_years():
    national_day = holiday_info(date(2026, 10, 1), CAL)
    assert national_day.known and national_day.is_holiday and national_day.name == "国庆节"
    assert not holiday_info(date(2030, 10, 1), CAL).known
    st = day_status(V["alpha"], date(2030, 10, 1), CAL)
    assert st.holiday_data_missing and st.state == "open"
    assert st.warning == "2030年节假日安排未录入，仅按每周规则判断"
    assert day_status(V["alpha"], date(2026, 10, 1), CAL).warning is None


def test_without_a_calendar_no_year_is_known_rather_than_guessed():
    st = day_status(V["alpha"], date(2026, 10, 1), None)
    assert st.holiday_data_missing and st.holiday is None


def test_a_holiday_closure_rule_closes_the_venue_for_that_holiday_only():
    hours = dataclasses.replace(V["alpha"].hours, closed_holidays=("春节",))
    venue = dataclasses.replace(V["alpha"], hours=hours)
    spring = day_status(venue, date(2026, 2, 17), CAL)  # a Tuesday inside the 2026 春节 holiday
    assert spring.state == "closed" and spring.reason == "测试纪念馆甲 春节假期闭馆"
    assert day_status(venue, date(2026, 10, 6), CAL).is_open  # 国庆节: no rule
    assert day_status(venue, date(2026, 2, 24), CAL).is_open  # the day after the holiday
    assert weekly_summary(hours).endswith("；春节假期闭馆")


def test_closed_holidays_round_trip_and_refuse_unknown_names():
    hours = hours_from_dict({"closed_holidays": ["春节", "国庆"], "periods": []})
    assert hours is not None and hours.closed_holidays == ("春节", "国庆节")
    assert hours_to_dict(hours)["closed_holidays"] == ["春节", "国庆节"]

    with pytest.raises(ValueError, match="圣诞节"):
        hours_from_dict({"closed_holidays": ["圣诞节"]})


def test_weekly_summary_in_chinese():
    assert weekly_summary(V["alpha"].hours) == "周二至周日 09:00–16:30（16:00停止入馆）；周一闭馆"
    assert weekly_summary(None) == "待核实"
