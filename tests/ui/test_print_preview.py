"""Print preview draws the very pages of the exported PDF: same page size, same margins, same page count."""

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication, QPageLayout
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.pages.planner_page import PlannerPage
from redtour.ui.printing.print_sheet import SheetPrintJob


@pytest.fixture
def page(qtbot, user_db):
    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.day.setDate(QDate(2026, 12, 2))
    page.start.setCurrentIndex(page.start.findText("测试纪念馆甲"))
    for vid in ("alpha", "beta"):
        page.add_venue(vid)
    with qtbot.waitSignal(page.routeChanged, timeout=10_000):
        page.compute(optimize=True)
    return page


def boxes(path):
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in PdfReader(path).pages]


def test_preview_pages_equal_the_pdf_pages_and_the_dialog_opens_large(qtbot, page, tmp_path):
    with qtbot.waitSignal(page.export_sheet_pdf(str(tmp_path / "sheet.pdf")).finished, timeout=60_000) as done:
        pass
    pdf_pages = boxes(done.args[0])
    job = SheetPrintJob(page.plan, list(page.venues.values()), page.sheet_options(), page._route_title())
    with qtbot.waitSignal(job.finished, timeout=60_000) as built:
        job.start()
    sheet = built.args[0]
    try:
        dialog = sheet.preview_dialog(None)
        qtbot.addWidget(dialog)
        dialog.show()
        preview = dialog.findChild(QPrintPreviewWidget)
        qtbot.waitUntil(lambda: preview.pageCount() == len(pdf_pages), timeout=20_000)
        layout = sheet._printer.pageLayout()
        full = layout.fullRect(QPageLayout.Unit.Point)
        assert (round(full.width()), round(full.height())) == pdf_pages[0]
        assert layout.margins(QPageLayout.Unit.Point).isNull()  # the PDF's pages carry the sheet's margins
        area = QGuiApplication.primaryScreen().availableGeometry()
        assert dialog.width() >= area.width() * 0.8 and dialog.height() >= area.height() * 0.8

        # what the dialog prints: the same pages, same size, drawn over the whole paper
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        sheet.paint(printer)
        assert boxes(tmp_path / "printed.pdf") == pdf_pages
    finally:
        sheet.close()
