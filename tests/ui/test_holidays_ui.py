"""Holidays in the UI: the list/detail notice for an unknown year, the planner, and Settings ▸ 节假日."""

import json

import pytest
from PySide6.QtCore import QDate, QSettings

from redtour.storage.holidays import load_calendar
from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.dialogs.settings_dialog import SettingsDialog
from redtour.ui.main_window import MainWindow
from redtour.ui.pages.planner_page import PlannerPage
from redtour.ui.settings import Settings

WARNING_2027 = "2027年节假日安排未录入，仅按每周规则判断"
YEAR_2027 = {
    "year": 2027,
    "notice_no": "测试文号",
    "holidays": [{"name": "春节", "start": "2027-02-06", "end": "2027-02-12"}],
    "workdays": ["2027-02-20"],
}  # test data only: not the real 2027 schedule


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_list_and_detail_say_when_the_years_holidays_are_unknown(qtbot, user_db, settings):
    win = MainWindow(VenueRepository(user_db), settings, user_db.describe(), database=user_db)
    qtbot.addWidget(win)
    win.show()
    win.sites.day.setDate(QDate(2027, 2, 10))
    assert win.sites.holiday_notice.isVisible() and win.sites.holiday_notice.text() == WARNING_2027
    assert win.sites.select_venue("alpha")
    assert WARNING_2027 in win.sites.detail.toPlainText()
    win.sites.day.setDate(QDate(2026, 2, 10))
    assert not win.sites.holiday_notice.isVisible()
    assert "节假日安排未录入" not in win.sites.detail.toPlainText()


def test_the_planner_warns_for_a_day_without_holiday_data(qtbot, user_db):
    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_holidays(load_calendar(user_db))
    page.set_venues(VenueRepository(user_db).list_venues())
    page.start.setCurrentIndex(page.start.findText("测试纪念馆甲"))
    page.day.setDate(QDate(2027, 2, 10))
    page.add_venue("beta")
    with qtbot.waitSignal(page.routeChanged, timeout=10_000):
        page.compute(optimize=True)
    assert WARNING_2027 in page.summary.text()


def fill(tab, *, ranges: str, workdays: str, notice_no: str = "测试文号") -> None:
    tab.year.setValue(2027)
    tab.notice_no.setText(notice_no)
    tab.ranges.setPlainText(ranges)
    tab.workdays.setText(workdays)


def test_settings_tab_enters_a_year_all_or_nothing(qtbot, user_db, settings):
    dialog = SettingsDialog(settings, database=user_db)
    qtbot.addWidget(dialog)
    tab = dialog.holidays
    assert dialog.tabs.tabText(dialog.tabs.indexOf(tab)) == "节假日"
    assert tab.years.item(0, 0).text() == "2026" and "chinesecalendar" in tab.years.item(0, 1).text()
    fill(tab, ranges="春节 2027-02-06 2027-02-12\n国庆节 2027-10-08 2027-10-01", workdays="2027-02-10")
    assert not tab.save_entered()
    problems = tab.message.text()
    assert "结束日期 2027-10-01 早于开始日期 2027-10-08" in problems and "应为周六或周日" in problems
    assert not load_calendar(user_db).known(2027)
    fill(tab, ranges="春节 2027-02-06 2027-02-12", workdays="2027-02-20")
    assert tab.save_entered()
    cal = load_calendar(user_db)
    assert cal.known(2027) and cal.info(QDate(2027, 2, 8).toPython()).name == "春节"
    assert tab.years.item(0, 0).text() == "2027" and "工作人员录入" in tab.years.item(0, 1).text()


def test_settings_tab_imports_a_file_and_names_an_unused_official_clash(qtbot, user_db, settings, tmp_path):
    dialog = SettingsDialog(settings, database=user_db)
    qtbot.addWidget(dialog)
    path = tmp_path / "2027.json"
    path.write_text(json.dumps(YEAR_2027, ensure_ascii=False), encoding="utf-8")
    assert dialog.holidays.import_file(path)
    assert load_calendar(user_db).known(2027)
    clash = {**YEAR_2027, "year": 2026, "holidays": [{"name": "春节", "start": "2026-03-01", "end": "2026-03-02"}],
             "workdays": []}  # fmt: skip
    path.write_text(json.dumps(clash, ensure_ascii=False), encoding="utf-8")
    assert dialog.holidays.import_file(path)
    assert "程序仍使用内置数据" in dialog.holidays.message.text()
    rows = [dialog.holidays.years.item(r, 1).text() for r in range(dialog.holidays.years.rowCount())]
    assert any(t.startswith("未采用（已有内置官方数据）") for t in rows)
    path.write_text("{not json", encoding="utf-8")
    assert not dialog.holidays.import_file(path)
    assert "格式有误" in dialog.holidays.message.text()
