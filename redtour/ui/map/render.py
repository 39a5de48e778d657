"""Render the map headless to PNG (used by `redtour map --out FILE.png`)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.mapping.protocol import Route


def render_map_png(
    venues: list[Venue],
    out: Path,
    *,
    width: int = 1200,
    height: int = 900,
    on_date: date | None = None,
    route: Route | None = None,
    timeout_ms: int = 30_000,
    zoom: float = 1.0,
    for_print: bool = False,
    holidays: HolidayCalendar | None = None,
) -> Path:
    """Load the real map page offscreen, draw venues (and a route), wait until drawn, grab to PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer

    from redtour.ui.application import create_application
    from redtour.ui.map.map_view import MapView

    create_application()
    view = MapView()
    view.view.setZoomFactor(zoom)  # lay out at width×height CSS pixels, draw at zoom× (sharper in print)
    view.resize(round(width * zoom), round(height * zoom))
    view.show()
    if for_print:
        view._call("printMode")
    view.set_venues(venues, on_date or date.today(), holidays)
    if route is not None:
        view.show_route(route)
    else:
        view.fit_all()
    loop = QEventLoop()
    view.ready.connect(lambda: QTimer.singleShot(600, loop.quit))  # let Leaflet paint after the last call
    timer = QTimer.singleShot(timeout_ms, loop.quit)
    del timer
    loop.exec()
    if not view.is_ready:
        raise RuntimeError("the map page did not load in time")
    from redtour.ui.fonts import wait_for_web_fonts

    if wait_for_web_fonts(view.page, timeout_ms):
        QTimer.singleShot(100, loop.quit)  # labels drawn once the bundled font has arrived
        loop.exec()
    from redtour.ui.printing.settle import painted

    painted(view.page, timeout_ms)  # the queued calls have run and the route is drawn, even under load
    out.parent.mkdir(parents=True, exist_ok=True)
    if not view.grab().save(str(out)):
        raise RuntimeError(f"could not write {out}")
    view.shutdown()
    view.deleteLater()
    return out
