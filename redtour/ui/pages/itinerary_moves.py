"""Reordering the itinerary without a mouse: ↑/↓ buttons and Alt+↑/Alt+↓ beside drag-and-drop."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QWidget

from redtour.ui.i18n import tr
from redtour.ui.models.itinerary_model import ItineraryModel


class ItineraryMoves(QWidget):
    """The bar above the itinerary: its hint, the warning every stop shares (once), and the move buttons."""

    def __init__(self, table: QTableView, model: ItineraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table, self.model = table, model
        self.hint = QLabel(tr("行程（可拖动行，或选中后按 ↑/↓ 按钮、Alt+↑/↓ 调整顺序，时间会重新计算）"))
        self.common = QLabel(objectName="itineraryCommonWarning", wordWrap=True)
        self.common.setStyleSheet("color: #8a4b00")
        self.common.hide()
        self.up = QPushButton("↑", objectName="itineraryUp")
        self.down = QPushButton("↓", objectName="itineraryDown")
        self.up.setToolTip(tr("上移所选场馆（Alt+↑）"))
        self.down.setToolTip(tr("下移所选场馆（Alt+↓）"))
        self.up.setAccessibleName(tr("上移"))
        self.down.setAccessibleName(tr("下移"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.hint, 1)
        row.addWidget(self.up)
        row.addWidget(self.down)
        self.up.clicked.connect(lambda: self.move(-1))
        self.down.clicked.connect(lambda: self.move(+1))
        for key, delta in ((Qt.Key.Key_Up, -1), (Qt.Key.Key_Down, +1)):
            QShortcut(
                QKeySequence(Qt.KeyboardModifier.AltModifier | key),
                table,
                lambda d=delta: self.move(d),
                context=Qt.ShortcutContext.WidgetShortcut,
            )
        model.modelReset.connect(self._show_common)

    def _show_common(self) -> None:
        shared = self.model.common_warnings
        self.common.setText(tr("所有场馆：") + "；".join(shared) if shared else "")
        self.common.setVisible(bool(shared))

    def move(self, delta: int) -> None:
        """Move the selected stop; the selection follows it after the page has recomputed the times."""
        current = self.table.currentIndex()
        stop = self.model.stop_index(current.row()) if current.isValid() else None
        if stop is None:
            return
        venue_id = self.model.stops[stop].venue.id
        self.model.move_stop(stop, delta)
        for k, s in enumerate(self.model.stops):
            if s.venue.id == venue_id:
                self.table.selectRow(self.model.row_of_stop(k))
                self.table.setCurrentIndex(self.model.index(self.model.row_of_stop(k), 1))
