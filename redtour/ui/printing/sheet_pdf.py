"""Print the route sheet: the map rendered from the real map page, the HTML printed to A4 PDF by QtWebEngine.

Both are jobs (ui/jobs.py): load → settled → printed → ``finished(path)``, without waiting in event loops.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QMarginsF, QObject, QUrl
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.export.route_sheet import SheetOptions, render_sheet_html
from redtour.ui.jobs import Job, run_headless
from redtour.ui.printing.plan_map_job import PlanMapJob
from redtour.ui.printing.settle import Settle

#: The map is laid out at this CSS size and drawn at 2× (so ~1700 px across 17 cm of paper: > 250 dpi).
MAP_CSS_SIZE = (860, 600)
MAP_ZOOM = 2.0


def sheet_page_margins() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(13, 14, 13, 16),  # the same as the template's @page rule (which draws the page numbers)
        QPageLayout.Unit.Millimeter,
    )


class HtmlPdfJob(Job):
    """Load a local HTML file in an off-the-record page, wait until it has settled, print it to A4 PDF."""

    def __init__(
        self, html: Path, out: Path, *, timeout_ms: int = 60_000, parent: QObject | None = None
    ) -> None:
        super().__init__(parent, timeout_ms=timeout_ms)
        self.html = html
        self.out = out
        self._profile: QWebEngineProfile | None = None
        self._page: QWebEnginePage | None = None

    def run(self) -> None:
        self._profile = QWebEngineProfile()
        self._page = page = QWebEnginePage(self._profile)
        page.loadFinished.connect(self.step(self._loaded))
        page.pdfPrintingFinished.connect(self.step(self._printed))
        page.load(QUrl.fromLocalFile(str(self.html.resolve())))

    def _loaded(self, ok: bool) -> None:
        if not ok:
            raise RuntimeError("the page to print did not load")
        assert self._page is not None
        self.chain(Settle(self._page, frames=False, timeout_ms=self.timeout_ms), self._settled)

    def _settled(self, _none: object) -> None:
        assert self._page is not None
        self.out.parent.mkdir(parents=True, exist_ok=True)
        self._page.printToPdf(str(self.out.resolve()), sheet_page_margins())

    def _printed(self, _path: str, ok: bool) -> None:
        if not ok:
            raise OSError(f"could not write {self.out}")
        self.succeed(self.out)

    def cleanup(self) -> None:
        # The page must go before its profile, and now: left to the garbage collector the order is undefined
        # and QtWebEngine can crash at exit.
        if self._page is not None and shiboken6.isValid(self._page):
            shiboken6.delete(self._page)
        if self._profile is not None and shiboken6.isValid(self._profile):
            shiboken6.delete(self._profile)
        self._page = self._profile = None


class RouteSheetPdfJob(PlanMapJob):
    """The route sheet of ``plan`` as A4 PDF at ``out``: the map rendered, the sheet HTML printed."""

    map_size, map_zoom, prefix = MAP_CSS_SIZE, MAP_ZOOM, "redtour-sheet-"
    options: SheetOptions

    def map_drawn(self, map_uri: str, folder: Path) -> None:
        html = folder / "sheet.html"
        html.write_text(render_sheet_html(self.plan, self.options, map_uri), encoding="utf-8")
        self.chain(HtmlPdfJob(html, self.out, parent=self), self.succeed)


def print_html_to_pdf(html: Path, out: Path) -> Path:
    """For the CLI: an HtmlPdfJob run under the application's event loop; raises RuntimeError."""
    result = run_headless(HtmlPdfJob(html, out))
    assert isinstance(result, Path)
    return result


def write_route_sheet_pdf(
    plan: Plan, venues: list[Venue], options: SheetOptions, out: Path, title: str
) -> Path:
    """For the CLI: a RouteSheetPdfJob run under the application's event loop; raises RuntimeError."""
    result = run_headless(RouteSheetPdfJob(plan, venues, options, out, title))
    assert isinstance(result, Path)
    return result
