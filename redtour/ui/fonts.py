"""The bundled Chinese font (Noto Sans SC subsets, resources/fonts/PROVENANCE.md) for the app's windows."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication

from redtour import paths

if TYPE_CHECKING:
    from PySide6.QtWebEngineCore import QWebEnginePage

log = logging.getLogger(__name__)
#: Starts every @font-face of the page loading (one the layout has not asked for yet would report "loaded"
#: too early) and answers whether the set has finished.
_FONTS_STATUS_JS = (
    "[...document.fonts].forEach(f => { if (f.status === 'unloaded') f.load().catch(() => {}); });"
    "document.fonts.status"
)


def install_app_font(app: QGuiApplication) -> str | None:
    """Register the bundled font and make it the family for Chinese; returns its family (None if unusable).

    The platform's UI font stays first, so Latin text and line heights look native; Qt falls back along the
    font's family list before it asks the system, so Chinese comes from the bundled font whenever the platform
    font has none, and renders on a PC with no Chinese font installed.
    """
    families: list[str] = []
    for weight in ("Regular", "Bold"):
        font_id = QFontDatabase.addApplicationFont(str(paths.bundled_font(weight)))
        if font_id < 0:
            log.warning("the bundled font %s could not be loaded", paths.bundled_font(weight).name)
        else:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        return None  # Chinese then uses whatever the system has
    family = families[0]
    font = app.font()
    current = font.families() or [font.family()]
    font.setFamilies([*[f for f in current if f != family], family])
    app.setFont(font)
    return family


def wait_for_web_fonts(page: QWebEnginePage, timeout_ms: int) -> bool:
    """Wait until a loaded page's web fonts (the bundled font) are in; True when they are.

    Chromium draws text in a still-loading web font invisibly, and printing or grabbing then would lose it.
    """
    loop = QEventLoop()
    state = {"status": "", "done": False}

    def ask() -> None:
        if not state["done"]:
            page.runJavaScript(_FONTS_STATUS_JS, 0, answer)

    def answer(status: object) -> None:
        state["status"] = str(status)
        if status == "loaded":
            loop.quit()
        elif not state["done"]:
            QTimer.singleShot(20, ask)

    ask()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    state["done"] = True  # a late answer must not poll a page that may be gone
    return state["status"] == "loaded"
