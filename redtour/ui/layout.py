"""Sizes that fit a 1366×768 office screen: windows within the available area, tables without sideways
scrolling, and the map pane folded away on the tabs where it only takes room (issue 18)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

#: Pages the map helps (catalogue, planner, campaign); on any other tab it folds away until shown.
MAP_PAGES = frozenset({"sitesPage", "plannerPage", "campaignPage"})


def available_area(widget: QWidget | None = None) -> QRect:
    """The screen's area without the taskbar (≈1366×728 on a Windows 1366×768 PC)."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(widget: QWidget, width: int, height: int, *, area: QRect | None = None) -> bool:
    """Resize to ``width``×``height`` or less so the frame fits the available area; True when the screen is
    smaller than the wished size (the caller maximises main windows then)."""
    area = area or available_area(widget)
    frame = 8  # title bar and borders are added outside resize() by the window manager
    title = 32
    w = min(width, area.width() - frame)
    h = min(height, area.height() - title - frame)
    widget.resize(max(200, w), max(200, h))
    return width > area.width() - frame or height > area.height() - title - frame


def set_column_widths(view: QTableView, widths: Sequence[int], stretch: int) -> None:
    """This table's own widths (px) with one long column stretching to fill the rest, so nothing needs
    horizontal scrolling and no table borrows another's widths."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(48)
    for col, width in enumerate(widths):
        header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(col, width)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def columns_fit(view: QTableView) -> bool:
    """Every column lies inside the viewport (the test of "no horizontal scrolling")."""
    header = view.horizontalHeader()
    width = view.viewport().width()
    for col in range(header.count()):
        if header.isSectionHidden(col):
            continue
        if header.sectionViewportPosition(col) < 0 or (
            header.sectionViewportPosition(col) + header.sectionSize(col) > width
        ):
            return False
    return True


class MapFolding:
    """Whether the map is shown, per tab (by the page's objectName), remembered in QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self.q = settings

    def shown(self, page: str) -> bool:
        default = page in MAP_PAGES
        value = self.q.value(f"layout/map/{page}", "true" if default else "false")
        return str(value).lower() == "true"

    def remember(self, page: str, shown: bool) -> None:
        self.q.setValue(f"layout/map/{page}", "true" if shown else "false")
