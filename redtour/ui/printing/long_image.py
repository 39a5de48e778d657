"""The 行程长图: the share page (export/share_image.py) drawn by QtWebEngine offscreen and grabbed as one tall PNG.

The route map is the real map page rendered first (ui/map/render.py) and inlined as a data: URI, so the share
page itself loads nothing from the network.
"""

from __future__ import annotations

import base64
import os
import tempfile
from pathlib import Path
from typing import Any

import shiboken6

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.export.share_image import WIDTH, ImageOptions, write_image_html
from redtour.mapping.route import route_of_plan

#: The map fills a card (1080 − 2×32 margin − 2×40 padding = 936 px), laid out at 1/1.4 of that and drawn at
#: 1.4× so its labels read on a phone.
MAP_ZOOM = 1.4
MAP_SIZE = (round(936 / MAP_ZOOM), round(760 / MAP_ZOOM))
MAX_HEIGHT = 16_000  # WeChat shows up to about this; a plan is far shorter


def _load(view: Any, html: Path, timeout_ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer, QUrl

    from redtour.ui.printing.settle import painted

    loop = QEventLoop()
    loaded: list[bool] = []
    view.loadFinished.connect(lambda ok: (loaded.append(ok), loop.quit()))
    view.load(QUrl.fromLocalFile(str(html.resolve())))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    view.loadFinished.disconnect()
    if not (loaded and loaded[0]):
        raise RuntimeError("the share page did not load")
    painted(view.page(), timeout_ms)


def render_long_image(
    plan: Plan, venues: list[Venue], options: ImageOptions, out: Path, title: str, *, timeout_ms: int = 30_000
) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWebEngineWidgets import QWebEngineView

    from redtour.ui.application import create_application
    from redtour.ui.map.render import render_map_png
    from redtour.ui.printing.settle import painted, run_js

    create_application()
    with tempfile.TemporaryDirectory(prefix="redtour-image-") as tmp:
        work = Path(tmp)
        map_png = render_map_png(
            venues,
            work / "map.png",
            width=MAP_SIZE[0],
            height=MAP_SIZE[1],
            on_date=plan.request.day,
            route=route_of_plan(plan, title),
            zoom=MAP_ZOOM,
            for_print=True,
        )
        uri = "data:image/png;base64," + base64.b64encode(map_png.read_bytes()).decode()
        html = write_image_html(plan, options, uri, work / "share.html")

        view = QWebEngineView()
        view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        view.resize(WIDTH, 1200)
        view.show()
        _load(view, html, timeout_ms)
        measured = run_js(view.page(), "document.documentElement.scrollHeight", timeout_ms)
        height = min(max(int(measured) if isinstance(measured, int | float) else 0, 600), MAX_HEIGHT)
        # Load again at the full height: a page first drawn at its final size is painted whole, where a resized
        # one may keep only its first viewport painted on a busy machine.
        view.resize(WIDTH, height)
        _load(view, html, timeout_ms)
        painted(view.page(), timeout_ms, height=height)
        image = view.grab().toImage()
        if image.width() != WIDTH:
            image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = image.save(str(out), "PNG")
        # The page must go before its profile, and now: left to the garbage collector QtWebEngine crashes at exit.
        shiboken6.delete(view)
        if not ok:
            raise RuntimeError(f"could not write {out}")
    return out
