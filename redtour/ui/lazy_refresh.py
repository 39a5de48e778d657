"""Refresh a page now if it is on screen, else when it is next shown.

Keeps a page's queries off the start-up path and out of tabs nobody is looking at; the one copy of the
logic the statistics, campaign and participation pages used to carry each.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from redtour.storage.changes import Changes


class LazyRefresh(QObject):
    def __init__(
        self, page: QWidget, refresh: Callable[[], None], *, kinds: frozenset[str], stale: bool = False
    ) -> None:
        super().__init__(page)
        self.page, self.refresh, self.kinds = page, refresh, kinds
        self.stale = stale
        page.installEventFilter(self)

    def mark(self) -> None:
        self.stale = True
        if self.page.isVisible():
            self.run()

    def on_changed(self, changes: object) -> None:
        """A slot for MainWindow.changed: mark stale if the write touched what the page shows. The page's
        own writes (``changes.origin`` is the page) it has shown already."""
        if isinstance(changes, Changes) and changes.origin is not self.page and changes.touches(*self.kinds):
            self.mark()

    def run(self) -> None:
        self.stale = False
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            self.run()
        return False
