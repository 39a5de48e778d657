"""Print preview and printing of a plan's route sheet from the GUI.

The sheet is printed to PDF exactly as 导出 PDF does (same HTML, same page layout), and the preview and the
printer draw that PDF's pages. QWebEngineView.print() laid the page out again for the printer's own page
layout and tried to change it while the printer was active ("QPrinter::setPageLayout: Cannot be changed while
printer is active"), which cut off the right edge of the preview; drawing the PDF cannot differ from it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.export.route_sheet import SheetOptions
from redtour.ui.jobs import Job
from redtour.ui.printing.sheet_pdf import RouteSheetPdfJob

#: Pages are drawn as images at this resolution at most (a 1200 dpi printer would need ~0.5 GB per page).
MAX_DPI = 300


def sheet_page_layout() -> QPageLayout:
    """The printer's page: A4, no margins of its own — the PDF's pages carry the sheet's margins."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def sheet_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageLayout(sheet_page_layout())
    return printer


class SheetPrintJob(Job):
    """Builds the sheet's PDF (map rendered, HTML printed) in a temporary folder; ``finished`` carries a
    SheetPrinter for it, which the receiver must ``close()``."""

    def __init__(
        self,
        plan: Plan,
        venues: list[Venue],
        options: SheetOptions,
        title: str,
        *,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent, timeout_ms=120_000)
        self.plan, self.venues, self.options, self.title = plan, venues, options, title
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def run(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="redtour-print-")
        out = Path(self._tmp.name) / "sheet.pdf"
        job = RouteSheetPdfJob(self.plan, self.venues, self.options, out, self.title, parent=self)
        self.chain(job, self._printed)

    def _printed(self, pdf: Path) -> None:
        tmp, self._tmp = self._tmp, None  # the printer owns the folder now
        assert tmp is not None
        self.succeed(SheetPrinter(pdf, tmp))

    def cleanup(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


class SheetPrinter:
    """Previews/prints the pages of a route sheet's PDF (made by SheetPrintJob, or given)."""

    def __init__(self, pdf: Path, tmp: tempfile.TemporaryDirectory[str] | None = None) -> None:
        self._tmp = tmp  # removed on close()
        self.pdf = pdf
        self.document = QPdfDocument(None)
        self.document.load(str(self.pdf))

    def paint(self, printer: QPrinter) -> None:
        """QPrintPreviewDialog's paintRequested (and printing): each PDF page over the whole paper."""
        if not printer.isValid() or self.document.pageCount() == 0:
            return
        if printer.printerState() != QPrinter.PrinterState.Active:
            printer.setFullPage(True)
            printer.setPageLayout(sheet_page_layout())
        painter = QPainter(printer)
        try:
            paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            dpi = min(printer.resolution(), MAX_DPI)
            for i in range(self.document.pageCount()):
                if i:
                    printer.newPage()
                points = self.document.pagePointSize(i)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(i, size)
                painter.drawImage(QRect(0, 0, paper.width(), paper.height()), image)
        finally:
            painter.end()

    def preview_dialog(self, parent: QWidget | None) -> QPrintPreviewDialog:
        """The preview, as large as the screen allows (it opened at 697×512 before)."""
        self._printer = sheet_printer()  # the dialog does not own its printer
        dialog = QPrintPreviewDialog(self._printer, parent)
        dialog.setObjectName("sheetPreview")
        dialog.paintRequested.connect(self.paint)
        screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            dialog.resize(area.width() * 9 // 10, area.height() * 9 // 10)
            dialog.move(area.center() - dialog.rect().center())
        return dialog

    def close(self) -> None:
        self.document.close()
        if self._tmp is not None:
            self._tmp.cleanup()
