"""Detail panel dating, staff checks from the edit dialog, typed coordinates, and unlocated venues on the map."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, QSettings
from PySide6.QtWidgets import QMessageBox

from redtour.core.geo import bd09_to_wgs84, gcj02_to_wgs84
from redtour.storage.venues import VenueRepository
from redtour.ui.dialogs.venue_edit_dialog import VenueEditDialog, parse_coordinates
from redtour.ui.main_window import MainWindow
from redtour.ui.map.map_view import MapView
from redtour.ui.settings import Settings
from tests.ui.test_map_view import run_js, wait_ready


@pytest.fixture
def window(qtbot, user_db, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(VenueRepository(user_db), settings, user_db.describe())
    qtbot.addWidget(win)
    win.show()
    return win


def test_detail_shows_as_of_and_sources_per_fact_and_no_compilation_day_as_check(window):
    window.sites.select_venue("alpha")
    text = window.sites.detail.toPlainText()
    assert "资料时间 2007-10-18 · 来源 [1] · 可信度 低" in text  # the phone's own date and source
    assert "资料时间 2017–2024 · 来源 [1][2]" in text  # the hours
    assert "推断" in text  # the district is an inference
    assert "[2] 测试来源二 · 日期不详" in text
    assert "检索于 2026-11-24" in text and "核对于" not in text and "核对：" not in text
    assert "约140㎡" in text or "建筑约140㎡" in text


def test_confirming_a_fact_in_the_dialog_records_who_when_how_without_changing_it(window, monkeypatch):
    window.sites.select_venue("alpha")

    def fake_exec(dialog: VenueEditDialog) -> int:
        dialog.confirm_boxes["phone"].setChecked(True)
        dialog.checked.setDate(QDate(2026, 12, 1))
        dialog.how.setCurrentIndex(dialog.how.findData("电话核实"))
        dialog.by.setText("王老师")
        return VenueEditDialog.DialogCode.Accepted

    monkeypatch.setattr(VenueEditDialog, "exec", fake_exec)
    window.actions.edit_venue.trigger()
    alpha = window.venues.get("alpha")
    assert alpha.phone == "021-00000001" and not alpha.is_local("phone")
    assert alpha.staff_checks["phone"].text() == "2026-12-01 电话核实（王老师）"
    assert "核对：2026-12-01 电话核实（王老师）" in window.sites.detail.toPlainText()


@pytest.mark.parametrize(
    ("datum", "convert"),
    [("WGS-84", lambda a, b: (a, b)), ("GCJ-02", gcj02_to_wgs84), ("BD-09", bd09_to_wgs84)],
)
def test_typed_coordinates_are_stored_in_wgs84_with_their_datum(window, monkeypatch, datum, convert):
    window.sites.select_venue("gamma")

    def fake_exec(dialog: VenueEditDialog) -> int:
        dialog.lat.setText("31.2304, 121.4737")  # pasted as one pair
        dialog.datum.setCurrentIndex(dialog.datum.findData(datum))
        return VenueEditDialog.DialogCode.Accepted

    monkeypatch.setattr(VenueEditDialog, "exec", fake_exec)
    window.actions.edit_venue.trigger()
    gamma = window.venues.get("gamma")
    lat, lon = convert(31.2304, 121.4737)
    assert gamma.location is not None and gamma.location.source_datum == datum
    assert (gamma.location.lat, gamma.location.lon) == pytest.approx((lat, lon), abs=1e-6)
    assert gamma.is_local("location") and gamma.local_facts["location"].checked == date.today()
    assert not window.sites.unlocated.isVisible()


def test_wrong_coordinates_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="写反"):
        parse_coordinates("121.4737", "31.2304", "WGS-84")
    with pytest.raises(ValueError, match="两个数字"):
        parse_coordinates("31.2", "东经121", "WGS-84")
    assert parse_coordinates("", "", "WGS-84") is None


def test_unlocated_venues_are_listed_beside_the_map_with_what_is_known(window, qtbot):
    assert window.sites.unlocated_label.text() == "1 个场馆暂无位置，地图上没有标出："
    item = window.sites.unlocated.item(0)
    assert item.text() == "测试展示馆丙 — 待核实 · 地址：待核实"
    window.sites.unlocated.itemClicked.emit(item)
    assert window.sites.current_venue().id == "gamma"


def test_right_click_on_the_real_map_places_the_selected_venue(qtbot, user_db, tmp_path, monkeypatch):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    pane = MapView(menu=("add_venue", "place_venue"))
    win = MainWindow(VenueRepository(user_db), settings, "db", map_pane=pane)
    qtbot.addWidget(win)
    win.show()
    try:
        wait_ready(qtbot, pane)
        assert run_js(qtbot, pane, "window.redtour.markerCount()") == 2  # gamma has no location
        win.sites.select_venue("gamma")
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        menu = (
            "var m = window.redtour.map; m.fire('contextmenu', {latlng: L.latLng(31.21, 121.45), "
            "containerPoint: L.point(50, 50)}); var b = Array.from(document.querySelectorAll('.map-menu button'))"
            ".find(function (x) { return x.textContent === '把所选场馆放在这里'; }); b.click(); 1"
        )
        with qtbot.waitSignal(pane.placeVenueRequested, timeout=5000):
            pane.page.runJavaScript(menu)
        gamma = win.venues.get("gamma")
        assert gamma.location is not None and (gamma.location.lat, gamma.location.lon) == pytest.approx(
            (31.21, 121.45)
        )
        assert gamma.local_facts["location"].checked == date.today()
        qtbot.waitUntil(lambda: run_js(qtbot, pane, "window.redtour.markerCount()") == 3, timeout=5000)
        assert run_js(qtbot, pane, "window.redtour.marker('gamma') !== null")
        assert not win.sites.unlocated.isVisible()
    finally:
        pane.shutdown()
