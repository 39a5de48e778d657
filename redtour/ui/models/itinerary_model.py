"""The itinerary as a table: a row per stop, plus rows for waiting at a door and for lunch (as the printed sheet
has them); a warning that every stop shares is said once above the table (``common_warnings``), not per row.
Stop rows can be dragged, or moved with ``move_stop`` (the page's ↑/↓ buttons and Alt+↑/↓)."""

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
from PySide6.QtGui import QBrush, QColor, QFont

from redtour.core.planner import Plan, PlannedStop
from redtour.ui.i18n import tr

MIME = "application/x-redtour-stop-row"
Index = QModelIndex | QPersistentModelIndex
Row = tuple[str, int]  # ("stop" | "wait", stop index) or ("lunch", stops before it)


class ItineraryModel(QAbstractTableModel):
    #: The venue ids in the order the user dropped them.
    orderChanged = Signal(list)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: Plan | None = None
        self.rows: list[Row] = []
        self.common_warnings: list[str] = []
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
        self.rows: list[Row] = []
        stops = self.stops
        for i, stop in enumerate(stops):
            if plan is not None and plan.lunch and plan.lunch_after == i:
                self.rows.append(("lunch", i))
            if stop.wait_min > 0:
                self.rows.append(("wait", i))
            self.rows.append(("stop", i))
        if plan is not None and plan.lunch and plan.lunch_after == len(stops):
            self.rows.append(("lunch", len(stops)))
        shared = set(stops[0].warnings) if len(stops) > 1 else set()
        for stop in stops[1:]:
            shared &= set(stop.warnings)
        self.common_warnings = [w for w in (stops[0].warnings if stops else ()) if w in shared]
        self.endResetModel()

    @property
    def stops(self) -> tuple[PlannedStop, ...]:
        return self.plan.stops if self.plan else ()

    def stop_index(self, row: int) -> int | None:
        """The stop shown on ``row`` (None for a lunch or waiting row)."""
        if 0 <= row < len(self.rows) and self.rows[row][0] == "stop":
            return self.rows[row][1]
        return None

    def row_of_stop(self, stop: int) -> int:
        return self.rows.index(("stop", stop))

    def _stops_before(self, row: int) -> int:
        return sum(1 for kind, _ in self.rows[: max(0, row)] if kind == "stop")

    def move_stop(self, stop: int, delta: int) -> None:
        """Move one stop up (-1) or down (+1); the page recomputes the times."""
        if 0 <= stop + delta < len(self.stops):
            self.move_rows([stop], stop + delta + (1 if delta > 0 else 0))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        kind, k = self.rows[index.row()]
        if kind != "stop":
            return self._break_data(kind, k, index.column(), role)
        stop, col = self.stops[k], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            own = [w for w in stop.warnings if w not in self.common_warnings]
            return [
                str(k + 1),
                stop.venue.name_zh + ("" if stop.must else tr("（可选）")),
                f"{stop.arrive:%H:%M}",
                f"{stop.start:%H:%M}",
                f"{stop.depart:%H:%M}",
                str(stop.travel_min),
                f"{stop.distance_km:.1f}",
                "；".join(own),
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

    def _break_data(self, kind: str, k: int, col: int, role: int) -> Any:
        """A lunch or waiting row: a name and its from–to times, in grey italics."""
        if role == Qt.ItemDataRole.DisplayRole:
            if kind == "lunch" and self.plan is not None and self.plan.lunch:
                begin, end, name = self.plan.lunch[0], self.plan.lunch[1], tr("午餐")
            else:
                stop = self.stops[k]
                begin, end = stop.arrive, stop.start
                name = tr("等候开馆（{0} 分钟）").format(stop.wait_min)
            return {1: name, 2: f"{begin:%H:%M}", 4: f"{end:%H:%M}"}.get(col, "")
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#5f6368"))
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (2, 4):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # --- drag to reorder ----------------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            if self.stop_index(index.row()) is None:
                return base  # lunch and waiting follow the stops; they are not moved themselves
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({k for i in indexes if (k := self.stop_index(i.row())) is not None})
        data.setData(MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(MIME):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        moved = [int(r) for r in bytes(data.data(MIME).data()).decode().split(",") if r]
        self.move_rows(moved, self._stops_before(row))
        return False  # we re-plan and reset ourselves: the view must not remove the source rows

    def move_rows(self, rows: list[int], to: int) -> None:
        """Move stops ``rows`` before stop ``to`` and announce the new order (times are recomputed by the page)."""
        ids = [s.venue.id for s in self.stops]
        picked = [ids[r] for r in rows if 0 <= r < len(ids)]
        rest = [v for k, v in enumerate(ids) if k not in rows]
        before = sum(1 for r in rows if r < to)
        to = max(0, min(len(rest), to - before))
        new = rest[:to] + picked + rest[to:]
        if new != ids:
            self.orderChanged.emit(new)
