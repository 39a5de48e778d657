"""The bundled Chinese font (Noto Sans SC subsets, resources/fonts/PROVENANCE.md) for the app's windows."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase, QGuiApplication

from redtour import paths

log = logging.getLogger(__name__)


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
