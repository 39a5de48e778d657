"""Venue list model (one model per entity) and its filter proxy: district, tag and the core search."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from redtour.core.calendar import DayStatus, day_status
from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.core.search import matches, pinyin_forms
from redtour.ui.i18n import tr

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
VENUE_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


STATUS_COLOURS = {"open": "#1b7f3b", "closed": "#b3261e", "unknown": "#7a7a7a"}


class VenueTableModel(QAbstractTableModel):
    NAME, DISTRICT, STATUS, RESERVATION, TAGS = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._venues: list[Venue] = []
        self._statuses: list[DayStatus] = []
        self._date = date.today()
        self.holidays: HolidayCalendar | None = None

    # --- data in -----------------------------------------------------------------------------------
    def set_venues(self, venues: list[Venue]) -> None:
        self.beginResetModel()
        self._venues = list(venues)
        self._statuses = [day_status(v, self._date, self.holidays) for v in self._venues]
        self.endResetModel()

    def set_holidays(self, holidays: HolidayCalendar) -> None:
        self.holidays = holidays
        self.set_date(self._date)

    def set_date(self, day: date) -> None:
        self._date = day
        self._statuses = [day_status(v, day, self.holidays) for v in self._venues]
        if self._venues:
            top, bottom = self.index(0, self.STATUS), self.index(len(self._venues) - 1, self.STATUS)
            self.dataChanged.emit(top, bottom)

    def replace_venue(self, venue: Venue) -> None:
        """Update one row after an edit (narrow dataChanged instead of a reset)."""
        for row, v in enumerate(self._venues):
            if v.id == venue.id:
                self._venues[row] = venue
                self._statuses[row] = day_status(venue, self._date, self.holidays)
                self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
                return

    def venues(self) -> list[Venue]:
        return list(self._venues)

    def venue_at(self, row: int) -> Venue:
        return self._venues[row]

    def row_of(self, venue_id: str) -> int:
        return next((i for i, v in enumerate(self._venues) if v.id == venue_id), -1)

    @property
    def chosen_date(self) -> date:
        return self._date

    # --- Qt model API --------------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._venues)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [tr("名称"), tr("区"), tr("当日状态"), tr("预约"), tr("标签")][section]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._venues):
            return None
        v, st, col = self._venues[index.row()], self._statuses[index.row()], index.column()
        if role == VENUE_ROLE:
            return v.id
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._display(v, st, col, sort=role == SORT_ROLE)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            return QBrush(QColor(STATUS_COLOURS[st.state]))
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.STATUS:
                return st.reason or st.hours_text() or None
            if col == self.NAME:
                return v.name_en or None
        return None

    def _display(self, v: Venue, st: DayStatus, col: int, *, sort: bool) -> Any:
        if col == self.NAME:
            # Pinyin order (顾正红 under G), not code points (三山会馆 first); Qt compares the strings.
            return f"{0 if v.in_notice else 1}{pinyin_forms(v.name_zh)[0]} {v.name_zh}" if sort else v.name_zh
        if col == self.DISTRICT:
            return v.district or ("" if sort else tr("待核实"))
        if col == self.STATUS:
            text = {"open": tr("开放"), "closed": tr("闭馆"), "unknown": tr("待核实")}[st.state]
            if st.state == "open" and st.first_open:
                text += f" {st.first_open:%H:%M}–{st.last_close:%H:%M}"
            return {"open": 0, "unknown": 1, "closed": 2}[st.state] if sort else text
        if col == self.RESERVATION:
            r = v.reservation
            if r is None or r.required is None:
                return tr("待核实")
            if not r.required:
                return tr("无需预约")
            return tr("需提前{0}天").format(r.lead_days) if r.lead_days else tr("需预约")
        if col == self.TAGS:
            return "、".join(v.tags)
        return None


class VenueFilterProxy(QSortFilterProxyModel):
    """Filters by district, tag and the same search as the CLI (Chinese, pinyin, initials, English)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._district = ""
        self._tag = ""
        self._query = ""
        self.setSortRole(SORT_ROLE)

    def set_filters(
        self, *, district: str | None = None, tag: str | None = None, query: str | None = None
    ) -> None:
        self.beginFilterChange()
        if district is not None:
            self._district = district
        if tag is not None:
            self._tag = tag
        if query is not None:
            self._query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, VenueTableModel)
        v = model.venue_at(source_row)
        if self._district and v.district != self._district:
            return False
        if self._tag and self._tag not in v.tags:
            return False
        return matches(v, self._query)
