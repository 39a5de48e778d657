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
    # The new visit; the moved one kept as it was.
    assert snapshot(office_b) == (*before[:3], before[3] + 1, *before[4:])


def test_a_log_with_conflicts_asks_the_same_question(qtbot, new_user_db, tmp_path, page_settings):
    """Logs go through the same merge engine and rule: No changes nothing, Yes applies it keeping mine."""
    from sqlalchemy import func, select

    from redtour.storage.log_export import export_log
    from redtour.storage.log_import import import_log
    from redtour.storage.models import ImportBatchRow, ParticipantRow
    from redtour.ui.pages.exchange_import import import_log_file
    from tests.storage.test_exchange import seeded

    office_a, office_b = new_user_db("a"), new_user_db("b")
    seeded(office_a, tmp_path)
    log = tmp_path / "log.csv"
    export_log(office_a, log)
    assert import_log(office_b, log).applied
    edited_log = tmp_path / "edited.csv"
    edited_log.write_text(
        log.read_text(encoding="utf-8-sig").replace("职工一", "职工甲", 1), encoding="utf-8-sig"
    )
    page = ParticipationPage(office_b, page_settings)
    qtbot.addWidget(page)

    def state():
        with office_b.reading() as s:
            names = sorted(s.scalars(select(ParticipantRow.name)))
            return names, s.scalar(select(func.count()).select_from(ImportBatchRow))

    before = state()
    no = [QMessageBox.StandardButton.No]
    timer = answer_boxes(no)
    import_log_file(page, str(edited_log))
    qtbot.waitUntil(lambda: not no, timeout=30_000)
    assert state() == before

    yes = [QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok]
    timer = answer_boxes(yes)
    import_log_file(page, str(edited_log))
    qtbot.waitUntil(lambda: not yes, timeout=30_000)
    timer.stop()
    assert state() == (before[0], before[1] + 1)  # applied (one more batch), the name here kept
