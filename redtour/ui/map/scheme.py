"""The app:// URL scheme: serves the generated map page from memory and bundled assets from resources/."""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler

from redtour import paths

log = logging.getLogger(__name__)
HOST = "redtour"
ALLOWED_DIRS = ("web", "basemap", "fonts")  # nothing else under resources/ is served
MAX_PATH = 1024


def resolve_asset(root: Path, path: str) -> Path | None:
    """The file a (fully decoded) request path names, if it lies under an allowed folder of ``root``.

    Resolved first (``..``, percent-escapes already decoded, symlinks), checked second: looking at the
    first segment of the raw path let ``web/..%2Fcatalogue/…`` through."""
    if not path or len(path) > MAX_PATH or "\x00" in path or "\\" in path:
        return None
    try:
        target = (root / path).resolve()
        parts = target.relative_to(root).parts
        if not parts or parts[0] not in ALLOWED_DIRS or not target.is_file():
            return None
    except (OSError, ValueError, RuntimeError):  # name too long, outside root, symlink loop
        return None
    return target


class AppSchemeHandler(QWebEngineUrlSchemeHandler):
    """``app://redtour/page.html`` → the page from ``page_source()``; ``app://redtour/web/…`` → a file."""

    def __init__(
        self,
        page_source: Callable[[], str],
        parent: QObject | None = None,
        tiles: Callable[[QWebEngineUrlRequestJob, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.page_source = page_source
        self.tiles = tiles  # answers ``tiles/…`` (the app's tile store); None → tiles are not served
        self._root = paths.resources_dir().resolve()

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        """Every request is answered: a reply, or a failure (an exception would leave it hanging)."""
        try:
            self._answer(job)
        except Exception:
            log.exception("map page request %s failed", job.requestUrl().toString()[:200])
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)

    def _answer(self, job: QWebEngineUrlRequestJob) -> None:
        url = job.requestUrl()
        path = url.path(QUrl.ComponentFormattingOption.FullyDecoded).lstrip("/")
        if url.host() != HOST:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        if path == "page.html":
            reply_bytes(job, "text/html", self.page_source().encode("utf-8"))
            return
        if path.startswith("tiles/"):
            if self.tiles is None:
                job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            else:
                self.tiles(job, path)
            return
        target = resolve_asset(self._root, path)
        if target is None:
            log.warning("map page asked for %s: not served", url.toString()[:200])
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        mime = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        reply_bytes(job, mime, target.read_bytes())


def reply_bytes(job: QWebEngineUrlRequestJob, mime: str, data: bytes) -> None:
    """Answer a scheme request from memory (the buffer is owned by the job)."""
    buffer = QBuffer(job)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    job.reply(QByteArray(mime.encode()), buffer)
