"""Open/save dialogs start in Documents, then in the last folder used for that kind of file."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from redtour.ui import file_dialogs


@pytest.fixture
def settings(tmp_path):
    q = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    file_dialogs.use_settings(q)
    yield q
    file_dialogs.use_settings(None)


def test_dialogs_start_in_documents_then_in_the_last_folder_per_kind(qtbot, tmp_path, settings, monkeypatch):
    seen = []

    def answer(parent, caption, start, filters):  # the dialog's own window cannot be driven offscreen
        seen.append(start)
        return str(tmp_path / "rosters" / "a.xlsx"), filters

    (tmp_path / "rosters").mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    file_dialogs.open_file(None, "roster", "x", "*.xlsx")
    assert seen[0] == str(file_dialogs.documents())  # not the working folder
    file_dialogs.open_file(None, "roster", "x", "*.xlsx")
    assert seen[1] == str(tmp_path / "rosters")
    file_dialogs.save_file(None, "export", "x", "out.xlsx", "*.xlsx")
    assert seen[2] == str(file_dialogs.documents() / "out.xlsx")  # each kind has its own folder
    file_dialogs.save_file(None, "roster", "x", "模板.xlsx", "*.xlsx")
    assert seen[3] == str(tmp_path / "rosters" / "模板.xlsx")
