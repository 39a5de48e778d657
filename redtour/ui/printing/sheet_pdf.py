"""Print the route sheet: the map rendered from the real map page, the HTML printed to A4 PDF by QtWebEngine."""

from __future__ import annotations

import base64
import os
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEventLoop, QMarginsF, QTimer, QUrl
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.export.route_sheet import SheetOptions, render_sheet_html
from redtour.mapping.route import route_of_plan
from redtour.ui.fonts import wait_for_web_fonts

#: The map is laid out at this CSS size and drawn at 2× (so ~1700 px across 17 cm of paper: > 250 dpi).
MAP_CSS_SIZE = (860, 600)
MAP_ZOOM = 2.0


def _wait(loop: QEventLoop, timeout_ms: int) -> None:
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def sheet_html_for(plan: Plan, venues: list[Venue], options: SheetOptions, workdir: Path, title: str) -> Path:
    """Render the map PNG and write the sheet HTML beside it; returns the HTML file."""
    from redtour.ui.map.render import render_map_png

    w, h = MAP_CSS_SIZE
    map_png = render_map_png(
        venues,
        workdir / "map.png",
        width=w,
        height=h,
        on_date=plan.request.day,
        route=route_of_plan(plan, title),
        zoom=MAP_ZOOM,
        for_print=True,
        holidays=plan.request.holidays,
    )
    uri = "data:image/png;base64," + base64.b64encode(map_png.read_bytes()).decode()
    html = workdir / "sheet.html"
    html.write_text(render_sheet_html(plan, options, uri), encoding="utf-8")
    return html


def load_and_wait(page: QWebEnginePage, html: Path, timeout_ms: int = 30_000) -> bool:
    """Load a local HTML file and wait (in a local event loop) until it and its web fonts have loaded."""
    loop = QEventLoop()
    loaded: list[bool] = []
    page.loadFinished.connect(lambda ok: (loaded.append(ok), loop.quit()))
    page.load(QUrl.fromLocalFile(str(html.resolve())))
    _wait(loop, timeout_ms)
    return bool(loaded and loaded[0]) and wait_for_web_fonts(page, timeout_ms)


def print_html_to_pdf(html: Path, out: Path, timeout_ms: int = 60_000) -> Path:
    """Load a local HTML file in an off-the-record page and print it to A4 PDF."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from redtour.ui.application import create_application

    create_application()
    profile = QWebEngineProfile()
    page = QWebEnginePage(profile)
    if not load_and_wait(page, html, timeout_ms):
        raise RuntimeError("the route sheet page did not load")
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(13, 14, 13, 16),  # the same as the template's @page rule (which draws the page numbers)
        QPageLayout.Unit.Millimeter,
    )
    done: list[bool] = []
    loop = QEventLoop()
    page.pdfPrintingFinished.connect(lambda _path, ok: (done.append(ok), loop.quit()))
    out.parent.mkdir(parents=True, exist_ok=True)
    page.printToPdf(str(out.resolve()), layout)
    _wait(loop, timeout_ms)
    # The page must go before its profile, and now: left to the garbage collector the order is undefined
    # and QtWebEngine can crash at exit.
    shiboken6.delete(page)
    shiboken6.delete(profile)
    if not done or not done[0]:
        raise RuntimeError(f"could not write {out}")
    return out


def write_route_sheet_pdf(
    plan: Plan, venues: list[Venue], options: SheetOptions, out: Path, title: str
) -> Path:
    with tempfile.TemporaryDirectory(prefix="redtour-sheet-") as tmp:
        html = sheet_html_for(plan, venues, options, Path(tmp), title)
        return print_html_to_pdf(html, out)
