"""Answers the map page's tile requests from the tile store, fetching online only when the user allows it.

Fetches go through QNetworkAccessManager (asynchronous: the GUI thread never waits on the network) with the
app's own User-Agent, as OSM's tile policy asks. A failed fetch fails the tile; Leaflet leaves the square
empty and the offline basemap underneath stays readable.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob

from redtour import __version__
from redtour.core.images import sniff_image_type
from redtour.mapping.tiles import TileStore, parse_tile_path, tile_url
from redtour.ui.map.scheme import reply_bytes

log = logging.getLogger(__name__)
USER_AGENT = f"redtour/{__version__} (Shanghai trade-union visit planner desktop app)"


class TileSource(QObject):
    """``online`` False (the default) means no request ever leaves the machine."""

    fetchFailed = Signal(str, str)  # layer, reason

    def __init__(
        self,
        store: TileStore,
        *,
        online: bool = False,
        tianditu_key: str = "",
        url_for: Callable[[str, int, int, int, str], str] = tile_url,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.online = online
        self.tianditu_key = tianditu_key
        self.url_for = url_for  # tests point this at a loopback server
        self.fetched: list[str] = []  # every URL requested from the network (shown in tests and logs)
        self._net = QNetworkAccessManager(self)
        self._net.setTransferTimeout(15_000)

    def serve(self, job: QWebEngineUrlRequestJob, path: str) -> None:
        try:
            layer, z, x, y = parse_tile_path(path)
        except ValueError:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        data = self.store.get(layer, z, x, y)
        if data is not None:
            reply_bytes(job, sniff_image_type(data) or "image/png", data)
            return
        if not self.online:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        try:
            url = self.url_for(layer, z, x, y, self.tianditu_key)
        except ValueError as exc:  # e.g. Tianditu without a key
            self.fetchFailed.emit(layer, str(exc))
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        self.fetched.append(url)
        request = QNetworkRequest(QUrl(url))
        request.setHeader(QNetworkRequest.KnownHeaders.UserAgentHeader, USER_AGENT)
        reply = self._net.get(request)
        reply.finished.connect(lambda: self._finished(reply, job, (layer, z, x, y)))

    def _finished(
        self, reply: QNetworkReply, job: QWebEngineUrlRequestJob, key: tuple[str, int, int, int]
    ) -> None:
        reply.deleteLater()
        data = bytes(reply.readAll().data())
        ok = reply.error() == QNetworkReply.NetworkError.NoError and sniff_image_type(data) is not None
        if ok:
            self.store.put(*key, data)
        else:
            reason = (
                reply.errorString() if reply.error() != QNetworkReply.NetworkError.NoError else "not an image"
            )
            log.info("tile %s/%s/%s/%s not fetched: %s", *key, reason)
            self.fetchFailed.emit(key[0], reason)
        if not shiboken6.isValid(job):  # the page went away meanwhile
            return
        if ok:
            reply_bytes(job, sniff_image_type(data) or "image/png", data)
        else:
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
