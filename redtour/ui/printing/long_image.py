"""The 行程长图: the share page (export/share_image.py) drawn by QtWebEngine offscreen and grabbed as one tall PNG.

The route map is the real map page rendered first (ui/map/render.py) and inlined as a data: URI, so the share
page itself loads nothing from the network. A job (ui/jobs.py): map drawn → page loaded and settled at a
first width → its height measured → loaded again at that height and settled → grabbed → ``finished(path)``.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.export.share_image import WIDTH, ImageOptions, write_image_html
from redtour.mapping.commands import sentinel_colour
from redtour.ui.grab import grab_showing
from redtour.ui.jobs import run_headless
from redtour.ui.printing.plan_map_job import PlanMapJob
from redtour.ui.printing.settle import Settle

#: The map fills a card (1080 − 2×32 margin − 2×40 padding = 936 px), laid out at 1/1.4 of that and drawn at
#: 1.4× so its labels read on a phone.
MAP_ZOOM = 1.4
MAP_SIZE = (round(936 / MAP_ZOOM), round(760 / MAP_ZOOM))
MAX_HEIGHT = 16_000  # WeChat shows up to about this; a plan is far shorter
FIRST_HEIGHT = 1200


class LongImageJob(PlanMapJob):
    map_size, map_zoom, prefix = MAP_SIZE, MAP_ZOOM, "redtour-image-"
    options: ImageOptions
    _view: QWebEngineView | None = None
    _html = Path()
    _height: int | None = None  # None while the page is at its first height

    def map_drawn(self, map_uri: str, folder: Path) -> None:
        self._html = write_image_html(self.plan, self.options, map_uri, folder / "share.html")
        self._view = view = QWebEngineView()
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(WIDTH, FIRST_HEIGHT)
        view.show()
        view.loadFinished.connect(self.step(self._loaded))
        view.load(QUrl.fromLocalFile(str(self._html.resolve())))

    def _loaded(self, ok: bool) -> None:
        if not ok:
            raise RuntimeError("the share page did not load")
        assert self._view is not None
        settle = Settle(self._view.page(), height=self._height, sentinel=self._height is not None)
        self.chain(settle, self._settled)

    def _settled(self, token: object) -> None:
        assert self._view is not None
        if self._height is None:
            self._view.page().runJavaScript(
                "document.documentElement.scrollHeight", 0, self.step(self._measured)
            )
            return
        assert isinstance(token, int)
        image = grab_showing(self._view, sentinel_colour(token))
        if image is None:  # the widget still shows an older frame: settle again (two more frames)
            self._loaded(True)
            return
        if image.width() != WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(self.out), "PNG"):  # type: ignore[call-overload]  # (the stub wants bytes; PySide takes str)
            raise OSError(f"could not write {self.out}")
        self.succeed(self.out)

    def _measured(self, measured: object) -> None:
        assert self._view is not None
        height = int(measured) if isinstance(measured, int | float) else 0
        self._height = min(max(height, 600), MAX_HEIGHT)
        # Load again at the full height: a page first drawn at its final size is painted whole, where a resized
        # one may keep only its first viewport painted on a busy machine.
        self._view.resize(WIDTH, self._height)
        self._view.load(QUrl.fromLocalFile(str(self._html.resolve())))

    def cleanup(self) -> None:
        # The page must go before its profile, and now: left to the garbage collector QtWebEngine crashes at exit.
        if self._view is not None and shiboken6.isValid(self._view):
            shiboken6.delete(self._view)
        self._view = None
        super().cleanup()


def render_long_image(
    plan: Plan,
    venues: list[Venue],
    options: ImageOptions,
    out: Path,
    title: str,
    *,
    timeout_ms: int = 120_000,
) -> Path:
    """For the CLI: a LongImageJob run under the application's event loop; raises RuntimeError."""
    result = run_headless(LongImageJob(plan, venues, options, out, title, timeout_ms=timeout_ms))
    assert isinstance(result, Path)
    return result
