"""The app starts in two stages (redtour/app.py, docs/architecture.md "Start-up"): the window's frame with the map
first, then the database and the pages. Both stages, and a database that cannot be opened after the frame is up."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QMessageBox

from redtour import app as app_module
from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.main_window import MainWindow
from redtour.ui.settings import Settings


@pytest.fixture
def settings(tmp_path):
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def tab_titles(window: MainWindow) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_the_frame_says_the_database_is_opening_until_the_pages_are_attached(qtbot, user_db, settings):
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    assert tab_titles(window) == ["场馆目录"]
    label = window.tabs.widget(0)
    assert isinstance(label, QLabel) and label.text() == "正在打开数据库…"
    assert not window.is_attached
    assert window.menuBar().actions() and not window.menuBar().isEnabled()  # greyed until the pages are in

    with qtbot.waitSignal(window.databaseAttached):
        window.attach(VenueRepository(user_db), user_db.describe(), PlanRepository(user_db), user_db)
    assert tab_titles(window) == ["场馆目录", "行程规划", "参与记录", "统计", "活动"]
    assert window.tabs.currentWidget() is window.sites
    assert all(not label.isVisible() for label in window.findChildren(QLabel, "openingLabel"))
    assert window.sites.proxy.rowCount() == len(VenueRepository(user_db).list_venues()) > 0
    assert window.is_attached and window.menuBar().isEnabled()


def test_a_database_that_cannot_be_opened_closes_the_frame_with_its_exit_status(
    qtbot, tmp_path, settings, monkeypatch
):
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"this is not an SQLite database\n" * 200)
    shown: list[str] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.text())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", record)
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    args = argparse.Namespace(db=str(damaged), adopt_db=False, exit_after_start=False)
    code = app_module._second_stage(args, settings, window, None)  # run_gui exits with it

    assert code == 4, code  # the database is unavailable, as `redtour --db damaged.db stats` says
    assert len(shown) == 1 and "不是 SQLite 数据库文件" in shown[0], shown
    assert not window.isVisible() and not window.is_attached


def test_a_failed_import_on_the_helper_thread_is_reported_not_swallowed(qtbot, settings, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok
    )
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    args = argparse.Namespace(db=None, adopt_db=False, exit_after_start=False)
    failure = ImportError("No module named 'sqlalchemy'")
    code = app_module._second_stage(args, settings, window, failure)

    assert isinstance(code, int) and code != 0, code
    assert len(shown) == 1 and not window.isVisible()
