"""Chinese is the default; English comes through Qt's translation system and covers every string."""

import subprocess
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QSettings

from redtour import i18n
from redtour.storage.venues import VenueRepository
from redtour.ui.i18n import install_translators, tr
from redtour.ui.main_window import MainWindow
from redtour.ui.settings import Settings
from tests.conftest import REPO


def test_every_ui_string_has_an_english_translation_and_the_qm_is_current():
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "update_translations.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_english_translator_changes_the_window(qtbot, qapp, user_db, tmp_path):
    assert tr("待核实") == "待核实"  # source language: no translator needed
    translators = install_translators(qapp, "en")
    try:
        assert tr("待核实") == "to be verified"
        settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        win = MainWindow(VenueRepository(user_db), settings, "db")
        qtbot.addWidget(win)
        assert win.windowTitle().startswith("Red Tour Assistant")
        assert win.menuBar().actions()[0].text() == "&File"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
        QLocale.setDefault(QLocale("zh_CN"))
        i18n.install("zh_CN")
    assert tr("待核实") == "待核实"
