"""Finding 6 in the GUI: a package that conflicts with records here changes nothing until the user chooses
to keep this office's version (the command line's --keep-mine)."""

from __future__ import annotations

import copy
import uuid

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from redtour.storage.exchange import import_package
from redtour.ui.pages.exchange_import import import_exchange_package
from redtour.ui.pages.participation_page import ParticipationPage
from tests.hardening.packages import edited, snapshot, valid_package


@pytest.fixture
def page_settings(tmp_path):
    from PySide6.QtCore import QSettings

    from redtour.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def answer_boxes(answers: list[QMessageBox.StandardButton]) -> QTimer:
    """Click the next answer on every message box that opens (they are modal: exec() waits for us)."""
    timer = QTimer()

    def tick() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and answers:
            box.button(answers.pop(0)).click()

    timer.timeout.connect(tick)
    timer.start(50)
    return timer


def test_conflicts_are_applied_only_after_the_user_keeps_their_version(
    qtbot, new_user_db, tmp_path, page_settings
):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    pkg = valid_package(office_a, tmp_path)
    assert import_package(office_b, pkg).applied

    def move_and_add(_m, parts):
        extra = copy.deepcopy(parts["visits"][0]) | {"uuid": str(uuid.uuid4()), "venue": "gamma"}
        parts["visits"][0]["day"] = "2026-07-01"
        parts["visits"].append(extra)

    moved = edited(pkg, tmp_path / "moved.zip", move_and_add)
    page = ParticipationPage(office_b, page_settings)
    qtbot.addWidget(page)
    before = snapshot(office_b)

    no = [QMessageBox.StandardButton.No]
    timer = answer_boxes(no)
    import_exchange_package(page, str(moved))
    qtbot.waitUntil(lambda: not no, timeout=30_000)
    assert snapshot(office_b) == before

    yes = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok]
    timer = answer_boxes(yes)
    import_exchange_package(page, str(moved))
    qtbot.waitUntil(lambda: not yes, timeout=30_000)
    timer.stop()
    assert snapshot(office_b) == (*before[:3], before[3] + 1)  # the new visit; the moved one kept as it was
