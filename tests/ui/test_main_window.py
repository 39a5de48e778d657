from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings

from redtour.storage.venues import VenueRepository
from redtour.ui.dialogs.about_dialog import about_html
from redtour.ui.dialogs.venue_edit_dialog import VenueEditDialog, parse_periods
from redtour.ui.main_window import MainWindow
from redtour.ui.settings import Settings


@pytest.fixture
def window(qtbot, user_db, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(VenueRepository(user_db), settings, user_db.describe())
    qtbot.addWidget(win)
    win.show()
    return win


def test_selecting_a_venue_shows_its_details_and_unknowns(window):
    window.sites.day.setDate(QDate(2026, 11, 23))
    assert window.sites.select_venue("alpha")
    html = window.sites.detail.toPlainText()
    assert "测试纪念馆甲" in html and "闭馆" in html and "周一闭馆" in html
    assert window.sites.select_venue("gamma")
    text = window.sites.detail.toPlainText()
    assert text.count("待核实") >= 5 and "无法在地图上标出" in text


def test_search_box_filters_the_table(window, qtbot):
    qtbot.keyClicks(window.sites.search, "yi")
    assert window.sites.proxy.rowCount() == 1
    assert "1 / 3" in window.sites.count.text()


def test_a_local_correction_is_saved_and_marked(window, monkeypatch):
    window.sites.select_venue("alpha")

    def fake_exec(dialog: VenueEditDialog) -> int:
        dialog.phone.setText("021-12345678")
        dialog.checked.setDate(QDate(2026, 11, 20))
        dialog.note.setText("电话核实")
        return VenueEditDialog.DialogCode.Accepted

    monkeypatch.setattr(VenueEditDialog, "exec", fake_exec)
    window.actions.edit_venue.trigger()
    text = window.sites.detail.toPlainText()
    assert "021-12345678" in text and "本地修改 2026-11-20" in text
    assert window.venues.get("alpha").is_local("phone")
    assert window.actions.revert_venue.isEnabled()


def test_edit_dialog_round_trips_hours_and_reports_bad_input(qtbot, user_db):
    venue = VenueRepository(user_db).get("beta")
    dialog = VenueEditDialog(venue)
    qtbot.addWidget(dialog)
    assert dialog.changed_facts() == {}  # showing the facts changes nothing
    dialog.periods.setText("9:00-12:00/11:30")
    assert dialog.changed_facts()["hours"]["periods"][0] == {
        "weekdays": [2, 3, 4, 5, 6, 7], "open": "09:00", "close": "12:00", "last_entry": "11:30"
    }  # fmt: skip
    with pytest.raises(ValueError, match="无法识别"):
        parse_periods("上午九点", [2])


def test_window_state_is_remembered(qtbot, user_db, tmp_path):
    ini = str(tmp_path / "s.ini")
    first = MainWindow(VenueRepository(user_db), Settings(QSettings(ini, QSettings.Format.IniFormat)), "x")
    qtbot.addWidget(first)
    first.show()
    first.resize(640, 480)
    first.close()
    second = MainWindow(VenueRepository(user_db), Settings(QSettings(ini, QSettings.Format.IniFormat)), "x")
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (640, 480)


def test_about_lists_sources_with_dates(user_db):
    html = about_html(VenueRepository(user_db).list_venues(), "db")
    assert "https://example.org/alpha" in html and "2007-10-18" in html and "OpenStreetMap" in html
    assert "核对：只指工作人员的确认" in html and "检索于" in html and "核对日期<" not in html
    assert "Noto Sans SC" in html and "SIL Open Font License" in html  # the bundled font's licence


def test_status_date_defaults_to_today(window):
    assert window.sites.chosen_date == date.today()


def test_a_venue_correction_reaches_the_planner_and_the_map_at_once(qtbot, user_db, tmp_path, monkeypatch):
    from redtour.storage.plans import PlanRepository
    from redtour.ui.map.map_view import MapView
    from tests.ui.test_map_view import run_js, wait_ready

    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    pane = MapView()
    win = MainWindow(VenueRepository(user_db), settings, "x", map_pane=pane, plans=PlanRepository(user_db))
    qtbot.addWidget(win)
    win.show()
    wednesday = QDate(2026, 12, 2)
    win.sites.day.setDate(wednesday)
    planner = win.planner
    planner.day.setDate(wednesday)
    planner.start.setCurrentIndex(planner.start.findText("测试会馆乙"))
    planner.add_venue("alpha")
    planner.add_venue("beta")
    with qtbot.waitSignal(planner.routeChanged, timeout=10_000):
        planner.compute(optimize=True)
    assert "alpha" in [s.venue.id for s in planner.plan.stops]
    wait_ready(qtbot, pane)
    colour = "window.redtour.marker('alpha').options.fillColor"
    assert run_js(qtbot, pane, colour) == "#e07b00"  # open, booking needed

    def close_on_wednesdays(dialog: VenueEditDialog) -> int:
        dialog.closed_days[3].setChecked(True)
        return VenueEditDialog.DialogCode.Accepted

    monkeypatch.setattr(VenueEditDialog, "exec", close_on_wednesdays)
    win.edit_venue("alpha")
    assert "测试纪念馆甲 周三闭馆" in planner.summary.text()
    assert planner.plan is None
    qtbot.waitUntil(lambda: run_js(qtbot, pane, colour) == "#b3261e", timeout=10_000)  # closed
    pane.shutdown()
