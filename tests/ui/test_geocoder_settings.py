"""Settings ▸ 地图 ▸ 在线地理编码: off by default; 测试 says plainly what happened (offline: the service cannot be
reached); when on, the planner's start box takes an address. The services are real geopy clients on loopback."""

import pytest
from PySide6.QtCore import QDate, QSettings, Qt

from redtour.core.planner import PlanError
from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.dialogs.settings_dialog import SettingsDialog
from redtour.ui.pages.planner_page import PlannerPage
from redtour.ui.settings import Settings
from tests.core.test_places import nominatim  # noqa: F401  (a Nominatim-like server on loopback)

UNREACHABLE = "127.0.0.1:9"  # the discard port: nothing listens, the connection is refused at once


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def planner(qtbot, user_db, settings):
    page = PlannerPage(PlanRepository(user_db), settings=settings)
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.day.setDate(QDate(2026, 12, 2))
    return page


def settings_dialog(qtbot, settings, host, service="nominatim"):
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    box = dialog.geocoder
    box.on.setChecked(True)
    box.service.setCurrentText(service)
    box.host.setText(host)
    return dialog


def run_test_button(qtbot, box):
    qtbot.mouseClick(box.test, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(box.test.isEnabled, timeout=30_000)
    return box.status.text()


def test_off_by_default_and_an_address_says_where_to_turn_it_on(qtbot, user_db, settings):
    assert settings.geocoder_spec() is None
    page = planner(qtbot, user_db, settings)
    assert page.geocoder is None
    page.start.setEditText("延安中路1000号")
    with pytest.raises(PlanError, match="设置 → 地图"):
        page.request()


def test_test_button_offline_gives_a_plain_message(qtbot, settings):
    dialog = settings_dialog(qtbot, settings, UNREACHABLE)
    text = run_test_button(qtbot, dialog.geocoder)
    assert text.startswith("查询失败：地理编码服务不可用") and "Traceback" not in text
    dialog.geocoder.service.setCurrentText("nosuchservice")
    assert "未知的地理编码服务：nosuchservice" in run_test_button(qtbot, dialog.geocoder)


def test_test_button_reaches_a_working_service(qtbot, settings, nominatim):  # noqa: F811
    dialog = settings_dialog(qtbot, settings, nominatim)
    assert run_test_button(qtbot, dialog.geocoder) == "可以使用：“人民广场”在 31.23230, 121.47520"


def test_turned_on_in_settings_the_planner_looks_up_the_start(qtbot, user_db, settings, nominatim):  # noqa: F811
    dialog = settings_dialog(qtbot, settings, nominatim)
    dialog.apply()
    assert settings.geocoder_spec() == f"nominatim@{nominatim}"
    page = planner(qtbot, user_db, settings)
    page.start.setEditText("人民广场")
    start = page.request().start
    assert (start.name, start.lat, start.lon) == ("人民广场", 31.2323, 121.4752)


def test_planner_with_an_unreachable_service_says_so(qtbot, user_db, settings):
    settings_dialog(qtbot, settings, UNREACHABLE).apply()
    page = planner(qtbot, user_db, settings)
    page.start.setEditText("人民广场")
    with pytest.raises(PlanError, match="地理编码服务不可用"):
        page.request()


def test_optimise_looks_the_address_up_off_the_gui_thread(qtbot, user_db, settings, nominatim, threaded_ops):  # noqa: F811
    settings_dialog(qtbot, settings, nominatim).apply()
    page = planner(qtbot, user_db, settings)
    page.add_venue("alpha")
    page.start.setEditText("人民广场")
    said = []
    page.status.connect(said.append)
    with qtbot.waitSignal(page.routeChanged, timeout=30_000):
        page.compute(optimize=True)
        assert said == ["正在查询地址…"]  # compute() returned while the lookup runs in the pool
    assert page.plan.request.start.name == "人民广场" and page.start.currentText() == "人民广场"


def test_optimise_with_the_service_unreachable_shows_the_reason(qtbot, user_db, settings):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    settings_dialog(qtbot, settings, UNREACHABLE).apply()
    page = planner(qtbot, user_db, settings)
    page.add_venue("alpha")
    page.start.setEditText("人民广场")
    shown = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    page.compute(optimize=True)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    assert shown[0].startswith("地理编码服务不可用") and page.plan is None and not page._busy
