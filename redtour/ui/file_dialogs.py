"""Every open/save dialog of the app goes through here: it starts in the last folder used for that kind of
file (remembered in QSettings), else in 文档 (Documents) — never in the working folder, which is
Program Files on Windows (issue 18)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

#: Kinds of file with their own remembered folder.
KINDS = ("roster", "signin", "export", "exchange", "log", "sheet", "holidays", "image")

_settings: QSettings | None = None  # tests point this at their own file


def use_settings(settings: QSettings | None) -> None:
    global _settings
    _settings = settings


def _q() -> QSettings:
    return _settings if _settings is not None else QSettings()


def documents() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def start_folder(kind: str) -> Path:
    """The last folder used for ``kind`` while it still exists, else Documents."""
    saved = str(_q().value(f"folders/{kind}", "") or "")
    if saved and Path(saved).is_dir():
        return Path(saved)
    return documents()


def remember(kind: str, chosen: str) -> None:
    if chosen:
        _q().setValue(f"folders/{kind}", str(Path(chosen).parent))


def open_file(parent: QWidget | None, kind: str, caption: str, filters: str) -> str:
    name, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder(kind)), filters)
    remember(kind, name)
    return name


def save_file(parent: QWidget | None, kind: str, caption: str, file_name: str, filters: str) -> str:
    """``file_name`` is suggested inside the start folder (a full path keeps its own folder)."""
    suggested = Path(file_name) if Path(file_name).is_absolute() else start_folder(kind) / file_name
    name, _ = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    remember(kind, name)
    return name
