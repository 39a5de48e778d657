"""Blocks and logs every request from the map page that is not local (nothing leaves the machine)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInfo, QWebEngineUrlRequestInterceptor

log = logging.getLogger(__name__)
LOCAL_SCHEMES = frozenset({"app", "qrc", "data", "blob"})


class LocalOnlyInterceptor(QWebEngineUrlRequestInterceptor):
    def __init__(self, parent: QObject | None = None, allowed_hosts: frozenset[str] = frozenset()) -> None:
        super().__init__(parent)
        self.allowed_hosts = allowed_hosts  # online tile hosts the user switched on (none by default)
        self.allowed: list[str] = []
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in LOCAL_SCHEMES or url.host() in self.allowed_hosts:
            self.allowed.append(url.toString())
            return
        self.blocked.append(url.toString())
        log.warning("blocked a request from the map page: %s", url.toString())
        info.block(True)
