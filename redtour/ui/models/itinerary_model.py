"""The itinerary as a table: one row per stop, with times and warnings; rows can be dragged to reorder."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from redtour.core.planner import Plan, PlannedStop
from redtour.ui.i18n import tr

MIME = "application/x-redtour-stop-row"
Index = QModelIndex | QPersistentModelIndex


class ItineraryModel(QAbstractTableModel):
    #: The venue ids in the order the user dropped them.
    orderChanged = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.headers = [
            tr("序"),
            tr("场馆"),
            tr("到达"),
            tr("入馆"),
            tr("离开"),
            tr("路程(分钟)"),
            tr("公里"),
            tr("提示"),
        ]

    def set_plan(self, plan: Plan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.endResetModel()

    @property
    def stops(self) -> tuple[PlannedStop, ...]:
        return self.plan.stops if self.plan else ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.stops)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.stops)):
            return None
        stop, col = self.stops[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                str(index.row() + 1),
                stop.venue.name_zh + ("" if stop.must else tr("（可选）")),
                f"{stop.arrive:%H:%M}",
                f"{stop.start:%H:%M}",
                f"{stop.depart:%H:%M}",
                str(stop.travel_min),
                f"{stop.distance_km:.1f}",
                "；".join(stop.warnings),
            ][col]
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 7):
            return "\n".join(stop.warnings) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == 7 and stop.broken:
            return QBrush(QColor("#b3261e"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 2, 3, 4, 5, 6):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return stop.venue.id
        return None

    # --- drag to reorder ----------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        data.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.stops)
        moved = [int(r) for r in bytes(data.data(MIME).data()).decode().split(",") if r]
        self.move_rows(moved, row)
        return False  # we re-plan and reset ourselves: the view must not remove the source rows

    def move_rows(self, rows: list[int], to: int) -> None:
        """Move ``rows`` before row ``to`` and announce the new order (times are recomputed by the page)."""
        ids = [s.venue.id for s in self.stops]
        picked = [ids[r] for r in rows if 0 <= r < len(ids)]
        rest = [v for k, v in enumerate(ids) if k not in rows]
        before = sum(1 for r in rows if r < to)
        to = max(0, min(len(rest), to - before))
        new = rest[:to] + picked + rest[to:]
        if new != ids:
            self.orderChanged.emit(new)
