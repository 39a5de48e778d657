"""The holiday schedule as data: the bundled file, its provenance, validation of a new year."""

from datetime import date, timedelta

import chinese_calendar as cc
import pytest

from redtour.core.holidays import HolidayCalendar, HolidayDataError, year_from_dict
from redtour.storage.holidays import bundled_holidays_path, read_bundled

BUNDLED = read_bundled(bundled_holidays_path())
CAL = HolidayCalendar.of(BUNDLED)

#: 2026 as printed in 国办发明电〔2025〕7号 (2025-11-04).
NOTICE_2026_WORKDAYS = [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
                        date(2026, 9, 20), date(2026, 10, 10)]  # fmt: skip


def test_bundled_years_are_every_year_the_package_has_and_no_other():
    years = sorted(y.year for y in BUNDLED)
    assert years == list(range(2004, 2027))
    assert not CAL.known(2027)  # the 2027 notice had not been found: never guessed


def test_bundled_file_agrees_with_chinesecalendar_day_by_day():
    day = date(2004, 1, 1)
    while day <= date(2026, 12, 31):
        info = CAL.info(day)
        on_holiday, name = cc.get_holiday_detail(day)
        assert info.is_holiday == bool(on_holiday and name), day
        assert info.is_adjusted_workday == (cc.is_workday(day) and day.isoweekday() >= 6), day
        day += timedelta(days=1)


def test_2026_carries_its_notice_and_the_notice_make_up_days():
    y = CAL.years[2026]
    assert y.notice_no == "国办发明电〔2025〕7号" and y.notice_date == date(2025, 11, 4)
    assert y.notice_url == "https://politics.gmw.cn/2025-11/04/content_38391083.htm"
    assert "chinesecalendar" in y.data_from
    assert list(y.workdays) == NOTICE_2026_WORKDAYS
    spring = next(r for r in y.holidays if r.name == "春节")
    assert (spring.start, spring.end) == (date(2026, 2, 15), date(2026, 2, 23))


def test_every_bundled_year_names_where_it_comes_from():
    for y in BUNDLED:
        assert y.data_from.startswith("chinesecalendar ") and y.notice_url.startswith("http"), y.year


GOOD_2027 = {
    "year": 2027,
    "notice_no": "国办发明电〔2026〕X号",
    "holidays": [{"name": "春节", "start": "2027-02-06", "end": "2027-02-12"}],
    "workdays": ["2027-02-20"],
}  # test data only: not the real 2027 schedule


def test_an_entered_year_becomes_known_and_wins_nothing_over_an_official_one():
    entered = year_from_dict(GOOD_2027, origin="entered")
    cal = HolidayCalendar.of(BUNDLED, [entered])
    assert cal.known(2027) and cal.info(date(2027, 2, 8)).name == "春节"
    assert cal.info(date(2027, 2, 20)).is_adjusted_workday
    assert cal.warning(date(2027, 2, 10)) is None
    clash = year_from_dict({**GOOD_2027, "year": 2026, "holidays": [
        {"name": "春节", "start": "2026-03-01", "end": "2026-03-03"}], "workdays": []}, origin="entered")  # fmt: skip
    cal = HolidayCalendar.of(BUNDLED, [clash])
    assert cal.years[2026].origin == "bundled" and cal.unused == (clash,)
    assert not cal.info(date(2026, 3, 2)).is_holiday


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"holidays": []}, "没有任何节假日"),
        ({"holidays": [{"name": "春节", "start": "2027-02-12", "end": "2027-02-06"}]}, "早于开始日期"),
        ({"holidays": [{"name": "春节", "start": "2027-2-30", "end": "2027-02-06"}]}, "不是日期"),
        ({"holidays": [{"name": "春节", "start": "2028-02-06", "end": "2028-02-07"}]}, "不属于2027年"),
        ({"workdays": ["2027-02-10"]}, "应为周六或周日"),
        ({"workdays": ["2027-02-06"]}, "既是春节放假又是调休上班日"),
        ({"notice_no": "", "notice_url": ""}, "通知文号或网址"),
        ({"notice_url": "gov.cn/x"}, "http"),
    ],
)
def test_a_bad_year_is_refused_whole_with_a_chinese_reason(change, message):
    with pytest.raises(HolidayDataError) as err:
        year_from_dict({**GOOD_2027, **change}, origin="entered")
    assert message in str(err.value)


def test_every_problem_is_reported_at_once():
    bad = {**GOOD_2027, "workdays": ["2027-02-10", "nope"], "notice_url": "x"}
    with pytest.raises(HolidayDataError) as err:
        year_from_dict(bad, origin="entered")
    assert len(err.value.problems) == 3
