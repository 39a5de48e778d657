"""Translation: Simplified Chinese is the source language; English comes from resources/i18n/*.qm.

Every user-visible string is written as ``tr("中文")`` (a plain function, so pyside6-lupdate finds it with
one shared context), and `scripts/update_translations.py` refreshes the .ts/.qm files.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from redtour import i18n as gettext_catalogue
from redtour import paths

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load Qt's own strings (dialog buttons…) and ours for ``language``; keep the returned objects alive.
    Also installs ``language`` for the Qt-free text (planner warnings, map words): redtour/i18n.py."""
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    gettext_catalogue.install(language)
    QLocale.setDefault(QLocale(language))
    installed = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(f"redtour_{language}", str(paths.resource("i18n"))):
            app.installTranslator(ours)
            installed.append(ours)
    return installed
