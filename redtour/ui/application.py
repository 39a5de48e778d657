"""The QApplication, created in one place. Library code under redtour/ui (printing, headless map rendering)
imports it from here, never from the composition root ``redtour.app`` (that made an import circle:
app → main_window → pages → printing → app)."""

from __future__ import annotations

import os
import sys

from redtour import APP_NAME, __version__


def create_application(argv: list[str] | None = None, *, headless: bool = False):
    """The QApplication, with everything that must happen before it exists done first.

    ``headless``: for the CLI's rendering (no display needed) unless the caller chose a platform itself.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is not None:
        return app
    if headless:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from redtour.ui.url_scheme import register_url_schemes

    register_url_schemes()  # Qt requires custom schemes before the application object
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setApplicationDisplayName("红色寻访助手")
    from PySide6.QtGui import QIcon

    from redtour import paths

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(paths.resource("icons", f"redtour-{size}.png")))
    app.setWindowIcon(icon)
    from redtour.ui.fonts import install_app_font

    install_app_font(app)
    return app
