"""The 行程长图: the share page (export/share_image.py) drawn by QtWebEngine offscreen and grabbed as one tall PNG.

The route map is the real map page rendered first (ui/map/render.py) and inlined as a data: URI, so the share
page itself loads nothing from the network. A job (ui/jobs.py): map drawn → page loaded and settled at a
first width → its height measured → loaded again at that height and settled → grabbed → ``finished(path)``.
"""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl
from PySide6.QtWebEngineWidgets import QWebEngineView

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.export.share_image import WIDTH, ImageOptions, write_image_html
from redtour.mapping.commands import sentinel_colour
from redtour.mapping.route import route_of_plan
from redtour.ui.grab import grab_showing
from redtour.ui.jobs import Job, run_headless
from redtour.ui.map.render import MapRenderJob
from redtour.ui.printing.settle import Settle

#: The map fills a card (1080 − 2×32 margin − 2×40 padding = 936 px), laid out at 1/1.4 of that and drawn at
#: 1.4× so its labels read on a phone.
MAP_ZOOM = 1.4
MAP_SIZE = (round(936 / MAP_ZOOM), round(760 / MAP_ZOOM))
MAX_HEIGHT = 16_000  # WeChat shows up to about this; a plan is far shorter
FIRST_HEIGHT = 1200


class LongImageJob(Job):
    def __init__(
        self,
        plan: Plan,
        venues: list[Venue],
        options: ImageOptions,
        out: Path,
        title: str,
        *,
        timeout_ms: int = 120_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent, timeout_ms=timeout_ms)
        self.plan, self.venues, self.options, self.out, self.title = plan, venues, options, out, title
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._view: QWebEngineView | None = None
        self._html = Path()
        self._height: int | None = None  # None while the page is at its first height

    def run(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="redtour-image-")
        render = MapRenderJob(
            self.venues,
            Path(self._tmp.name) / "map.png",
            width=MAP_SIZE[0],
            height=MAP_SIZE[1],
            on_date=self.plan.request.day,
            route=route_of_plan(self.plan, self.title),
            zoom=MAP_ZOOM,
            for_print=True,
            parent=self,
        )
        self.chain(render, self._map_drawn)

    def _map_drawn(self, map_png: Path) -> None:
        assert self._tmp is not None
        uri = "data:image/png;base64," + base64.b64encode(map_png.read_bytes()).decode()
        self._html = write_image_html(self.plan, self.options, uri, Path(self._tmp.name) / "share.html")
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
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


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
