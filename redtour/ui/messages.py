"""User messages: errors show where the log is instead of vanishing."""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from redtour.failures import describe, redact
from redtour.logsetup import log_file
from redtour.ui.i18n import tr

log = logging.getLogger(__name__)


def error_box(parent: QWidget | None, message: str, details: str = "") -> QMessageBox:
    """The error dialog: the message, where the log file is, and the technical details folded away."""
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("出错了"))
    box.setText(message)
    box.setInformativeText(tr("详细记录已写入日志文件：\n{0}").format(log_file()))
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_error(parent: QWidget | None, message: str, details: str = "") -> None:
    error_box(parent, message, details).exec()


def show_info(parent: QWidget | None, title: str, message: str) -> None:
    QMessageBox.information(parent, title, message)


def install_excepthook() -> None:
    """Unexpected exceptions: log them with the traceback and tell the user where the log is.

    The same sentences as the command line (redtour/failures.py); mobiles and ID numbers are masked in
    the log and in the dialog's details, and SQL parameters never reach either (hide_parameters)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        text = redact("".join(traceback.format_exception(kind, exc, tb)))
        log.error("unhandled exception:\n%s", text)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, exc, tb)
            return
        show_error(QApplication.activeWindow(), describe(exc)[0], text)

    sys.excepthook = hook
