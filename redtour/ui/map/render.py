"""Render the map headless to PNG (``redtour map --out FILE.png``, and the map of route sheets and long images).

A chain of signals, no waiting: the real map page loads offscreen → ``ready`` → the queued commands (venues,
route, print mode) run → the page reports ``painted`` (tiles, fonts and images in, a frame drawn after them:
bridge.js ``reportPainted``) → the view is grabbed → ``finished(path)``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt

from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.mapping.commands import sentinel_colour
from redtour.mapping.protocol import Route
from redtour.ui.grab import grab_showing
from redtour.ui.jobs import Job, run_headless


class MapRenderJob(Job):
    """Draw venues (and a route) on the map page laid out at ``width``×``height`` CSS pixels, drawn at
    ``zoom``× (sharper in print), and save it as PNG to ``out``; ``finished`` carries ``out``."""

    def __init__(
        self,
        venues: list[Venue],
        out: Path,
        *,
        width: int = 1200,
        height: int = 900,
        on_date: date | None = None,
        route: Route | None = None,
        zoom: float = 1.0,
        for_print: bool = False,
        holidays: HolidayCalendar | None = None,
        timeout_ms: int = 30_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent, timeout_ms=timeout_ms)
        self.venues = venues
        self.out = out
        self.size = (width, height)
        self.on_date = on_date or date.today()
        self.route = route
        self.zoom = zoom
        self.for_print = for_print
        self.holidays = holidays
        self._view: object = None
        self._token = 0

    def run(self) -> None:
        from redtour.ui.map.map_view import MapView

        view = MapView()
        self._view = view
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)  # drawn, never flashed on the desktop
        view.view.setZoomFactor(self.zoom)
        view.resize(round(self.size[0] * self.zoom), round(self.size[1] * self.zoom))
        view.show()
        if self.for_print:
            view.print_mode()
        view.set_venues(self.venues, self.on_date, self.holidays)
        if self.route is not None:
            view.show_route(self.route)
        else:
            view.fit_all()
        view.painted.connect(self.step(self._painted))
        self._token = view.request_painted()  # runs after the commands above, once the page is ready

    def _painted(self, token: int) -> None:
        from redtour.ui.map.map_view import MapView

        view = self._view
        assert isinstance(view, MapView)
        if token != self._token:
            return
        image = grab_showing(view, sentinel_colour(token), self.zoom)
        if image is None:  # the widget still shows an older frame: the page draws two more, then answers
            self._token = view.request_painted()
            return
        self.out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(self.out), "PNG"):  # type: ignore[call-overload]  # (the stub wants bytes; PySide takes str)
            raise OSError(f"could not write {self.out}")
        self.succeed(self.out)

    def cleanup(self) -> None:
        from redtour.ui.map.map_view import MapView

        view = self._view
        if isinstance(view, MapView):
            view.shutdown()
            view.deleteLater()
        self._view = None


def render_map_png(venues: list[Venue], out: Path, **options: object) -> Path:
    """For the CLI: run a MapRenderJob (same options) under the application's event loop; raises RuntimeError."""
    result = run_headless(MapRenderJob(venues, out, **options))  # type: ignore[arg-type]
    assert isinstance(result, Path)
    return result
