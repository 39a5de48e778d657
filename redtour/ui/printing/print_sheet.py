"""Print preview and PDF export of a plan's route sheet from the GUI."""

from __future__ import annotations

import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.export.route_sheet import SheetOptions
from redtour.ui.printing.sheet_pdf import load_and_wait, sheet_html_for


class SheetPrinter:
    """Builds the sheet once (map rendered, HTML written), then previews/prints it with Qt's dialog."""

    def __init__(self, plan: Plan, venues: list[Venue], options: SheetOptions, title: str) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="redtour-print-")
        self.html = sheet_html_for(plan, venues, options, Path(self._tmp.name), title)
        self.view = QWebEngineView()
        load_and_wait(self.view.page(), self.html)

    def paint(self, printer: QPrinter) -> None:
        """QPrintPreviewDialog's paintRequested: QtWebEngine prints asynchronously, so wait for it."""
        loop = QEventLoop()
        self.view.printFinished.connect(lambda _ok: loop.quit())
        self.view.print(printer)
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
        self.view.printFinished.disconnect()

    def preview(self, parent: QWidget | None) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setObjectName("sheetPreview")
        dialog.paintRequested.connect(self.paint)
        return int(dialog.exec())

    def close(self) -> None:
        shiboken6.delete(self.view)  # now, not at exit (QtWebEngine objects must not outlive the app)
        self._tmp.cleanup()
