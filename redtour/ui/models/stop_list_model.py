"""The planner's chosen venues as a model: a row per venue with 必去 (a check box) and 参观(分钟) (an editable
number). The page reads the request from here, never back from cell widgets; venues are held by id and resolved
against the current catalogue, so a correction made meanwhile is what the next plan uses."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from redtour.core.catalogue import Venue
from redtour.core.planner import DEFAULT_VISIT_MIN, StopRequest
from redtour.ui.i18n import tr

AnyIndex = QModelIndex | QPersistentModelIndex
MIN_MINUTES, MAX_MINUTES, STEP_MINUTES = 10, 480, 5


@dataclass
class _Row:
    venue_id: str
    name: str
    must: bool
    visit_min: int | None  # None: follow the venue's own figure (also after a correction)


class StopListModel(QAbstractTableModel):
    NAME, MUST, MINUTES = range(3)

    def __init__(self, venues: Callable[[], Mapping[str, Venue]], parent: Any = None) -> None:
        super().__init__(parent)
        self._venues = venues
        self._rows: list[_Row] = []
        self.headers = [tr("场馆"), tr("必去"), tr("参观(分钟)")]

    # --- what the page asks -------------------------------------------------------------------------
    def venue_ids(self) -> list[str]:
        return [r.venue_id for r in self._rows]

    def stop_requests(self) -> tuple[StopRequest, ...]:
        venues = self._venues()
        return tuple(StopRequest(venues[r.venue_id], r.must, r.visit_min) for r in self._rows)

    def _default(self, row: _Row) -> int:
        venue = self._venues().get(row.venue_id)
        return (venue.visit_minutes if venue else None) or DEFAULT_VISIT_MIN

    def set_stops(self, stops: Iterable[StopRequest]) -> None:
        self.beginResetModel()
        self._rows = [_Row(s.venue.id, s.venue.name_zh, s.must, s.visit_min) for s in stops]
        self.endResetModel()

    def append(self, stop: StopRequest) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(_Row(stop.venue.id, stop.venue.name_zh, stop.must, stop.visit_min))
        self.endInsertRows()

    def remove(self, rows: Iterable[int]) -> None:
        for r in sorted(set(rows), reverse=True):
            if 0 <= r < len(self._rows):
                self.beginRemoveRows(QModelIndex(), r, r)
                del self._rows[r]
                self.endRemoveRows()

    # --- Qt's side ----------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < 3 else None
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.MUST:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.MINUTES:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = self._rows[index.row()], index.column()
        if col == self.NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name
            if role == Qt.ItemDataRole.UserRole:
                return row.venue_id
        elif col == self.MUST:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.must else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return tr("必去：优化时不会舍弃") if row.must else tr("可选：时间不够时可舍弃")
        elif col == self.MINUTES:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return row.visit_min or self._default(row)
            if role == Qt.ItemDataRole.ToolTipRole and row.visit_min is None:
                return tr("场馆资料中的参观时长")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        row, col = self._rows[index.row()], index.column()
        if col == self.MUST and role == Qt.ItemDataRole.CheckStateRole:
            must = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if must == row.must:
                return True
            row.must = must
        elif col == self.MINUTES and role == Qt.ItemDataRole.EditRole:
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                return False
            minutes = max(MIN_MINUTES, min(MAX_MINUTES, minutes))
            visit_min = None if minutes == self._default(row) else minutes  # the venue's figure: follow it
            if visit_min == row.visit_min:
                return True
            row.visit_min = visit_min
        else:
            return False
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True


class MinutesDelegate(QStyledItemDelegate):
    """A spin box of 10–480 minutes in steps of 5 for the 参观(分钟) column."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        box = QSpinBox(parent)
        box.setRange(MIN_MINUTES, MAX_MINUTES)
        box.setSingleStep(STEP_MINUTES)
        box.setSuffix(tr(" 分钟"))
        box.setAccessibleName(tr("参观时长（分钟）"))
        return box
