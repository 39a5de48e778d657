"""The name and flags of the app:// URL scheme, registered before the QApplication exists (a Qt requirement).

Apart from ui/map/scheme.py (which serves the scheme's requests) so that creating the application does not import
the map package: the map's headless rendering creates the application, and that made an import circle.
"""

from __future__ import annotations

from PySide6.QtWebEngineCore import QWebEngineUrlScheme

SCHEME = b"app"


def register_url_schemes() -> None:
    """Must run before the QApplication exists (Qt requirement)."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == SCHEME:
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.CorsEnabled
    )
    QWebEngineUrlScheme.registerScheme(scheme)
