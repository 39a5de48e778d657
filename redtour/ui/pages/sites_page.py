"""The venue catalogue page: filters, the venue table and the detail panel."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from redtour.core.catalogue import DISTRICTS, Venue
from redtour.core.facts import FactInfo
from redtour.core.holidays import HolidayCalendar
from redtour.ui.i18n import tr
from redtour.ui.models.venue_table_model import VENUE_ROLE, VenueFilterProxy, VenueTableModel
from redtour.ui.venue_html import holiday_missing_text, venue_detail_html


class SitesPage(QWidget):
    """Emits ``venueSelected(id)`` when the user picks a venue, ``editRequested(id)`` for corrections."""

    venueSelected = Signal(str)
    editRequested = Signal(str)
    dateChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sitesPage")
        self.model = VenueTableModel(self)
        self.proxy = VenueFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit(placeholderText=tr("搜索：名称、别名、拼音或首字母（如 gzh）、英文"))
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("venueSearch")
        self.district = QComboBox(objectName="districtFilter")
        self.tag = QComboBox(objectName="tagFilter")
        self.day = QDateEdit(QDate.currentDate(), calendarPopup=True, objectName="statusDate")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.count = QLabel()
        self.holidays: HolidayCalendar | None = None
        self.holiday_notice = QLabel(objectName="holidayNotice")
        self.holiday_notice.setStyleSheet("color: #b3261e")
        self.holiday_notice.setWordWrap(True)
        self.holiday_notice.hide()

        self.search.setAccessibleName(tr("搜索场馆"))
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        for text, widget, stretch in (
            (tr("区"), self.district, 1),
            (tr("标签"), self.tag, 1),
            (tr("日期"), self.day, 0),
        ):
            label = QLabel(text)
            label.setBuddy(widget)  # screen readers announce the label with the control
            filters.addWidget(label)
            filters.addWidget(widget, stretch)

        self.table = QTableView(objectName="venueTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(VenueTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(VenueTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        for col in (VenueTableModel.DISTRICT, VenueTableModel.STATUS, VenueTableModel.RESERVATION):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._on_double_click)

        self.detail = QTextBrowser(objectName="venueDetail")
        self.detail.setOpenExternalLinks(True)
        self.edit_button = QPushButton(tr("修正资料…"), objectName="editVenue")
        self.edit_button.setToolTip(tr("电话或实地核实后，在本机修正这个场馆的资料"))
        self.edit_button.setEnabled(False)
        self.edit_button.clicked.connect(
            lambda: self._current_id() and self.editRequested.emit(self._current_id())
        )

        detail_box = QWidget()
        dl = QVBoxLayout(detail_box)
        dl.setContentsMargins(0, 0, 0, 0)
        dl.addWidget(self.detail, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        dl.addLayout(buttons)

        # Venues the map cannot show: listed here with what is known, instead of vanishing from the map.
        self.unlocated_label = QLabel(objectName="unlocatedLabel")
        self.unlocated_label.setWordWrap(True)
        self.unlocated = QListWidget(objectName="unlocatedList")
        self.unlocated.setMaximumHeight(96)
        self.unlocated.setWordWrap(True)  # long addresses wrap instead of needing sideways scrolling
        self.unlocated.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.unlocated.itemClicked.connect(lambda item: self.select_venue(item.data(VENUE_ROLE)))

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.count)
        ll.addWidget(self.unlocated_label)
        ll.addWidget(self.unlocated)

        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="sitesSplitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(detail_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.holiday_notice)
        layout.addWidget(self.splitter, 1)

        self.search.textChanged.connect(lambda text: self._refilter(query=text))
        self.district.currentIndexChanged.connect(
            lambda _i: self._refilter(district=self.district.currentData())
        )
        self.tag.currentIndexChanged.connect(lambda _i: self._refilter(tag=self.tag.currentData()))
        self.day.dateChanged.connect(self._on_date_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._show_detail(None)

    # --- data ----------------------------------------------------------------------------------------
    def set_venues(self, venues: list[Venue]) -> None:
        keep = self._current_id()
        self.model.set_venues(venues)
        self._fill_combo(self.district, [d for d in DISTRICTS if any(v.district == d for v in venues)])
        self._fill_combo(self.tag, sorted({t for v in venues for t in v.tags}))
        self._update_count()
        self._fill_unlocated(venues)
        if keep:
            self.select_venue(keep)

    def set_holidays(self, holidays: HolidayCalendar) -> None:
        """The holiday schedule used for the status column, the detail and the notice above the list."""
        self.holidays = holidays
        self.model.set_holidays(holidays)
        self._update_holiday_notice()
        self._show_detail(self.current_venue())

    def _update_holiday_notice(self) -> None:
        year = self.chosen_date.year
        missing = self.holidays is None or not self.holidays.known(year)
        self.holiday_notice.setText(holiday_missing_text(year) if missing else "")
        self.holiday_notice.setVisible(missing)

    def update_venue(self, venue: Venue) -> None:
        self.model.replace_venue(venue)
        self._fill_unlocated(self.model.venues())
        if self._current_id() == venue.id:
            self._show_detail(venue)

    def _fill_unlocated(self, venues: list[Venue]) -> None:
        missing = [v for v in venues if v.location is None]
        self.unlocated.clear()
        for v in missing:
            item = QListWidgetItem(unlocated_text(v))
            item.setData(VENUE_ROLE, v.id)
            item.setToolTip(tr("选中后在地图上右键“把所选场馆放在这里”，或在“修正资料…”中输入坐标"))
            self.unlocated.addItem(item)
        self.unlocated_label.setText(
            tr("{0} 个场馆暂无位置，地图上没有标出：").format(len(missing)) if missing else ""
        )
        self.unlocated_label.setVisible(bool(missing))
        self.unlocated.setVisible(bool(missing))

    def _fill_combo(self, combo: QComboBox, values: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("全部"), "")
        for value in values:
            combo.addItem(value, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    @property
    def chosen_date(self) -> date:
        return self.day.date().toPython()  # type: ignore[no-any-return]

    # --- selection -----------------------------------------------------------------------------------
    def select_venue(self, venue_id: str) -> bool:
        """Select (and scroll to) a venue, clearing filters that hide it. Returns False if unknown."""
        row = self.model.row_of(venue_id)
        if row < 0:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            self.district.setCurrentIndex(0)
            self.tag.setCurrentIndex(0)
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            proxy_index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(proxy_index)
        return True

    def current_venue(self) -> Venue | None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.model.venue_at(self.proxy.mapToSource(index).row())

    def _current_id(self) -> str:
        venue = self.current_venue()
        return venue.id if venue else ""

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        venue = self.model.venue_at(self.proxy.mapToSource(current).row()) if current.isValid() else None
        self._show_detail(venue)
        if venue:
            self.venueSelected.emit(venue.id)

    def _on_double_click(self, index: QModelIndex) -> None:
        venue_id = self.proxy.data(index, VENUE_ROLE)
        if venue_id:
            self.editRequested.emit(venue_id)

    def _show_detail(self, venue: Venue | None) -> None:
        self.edit_button.setEnabled(venue is not None)
        if venue is None:
            self.detail.setHtml(f"<p style='color:#666'>{tr('在上方列表中选择一个场馆查看详情。')}</p>")
        else:
            self.detail.setHtml(venue_detail_html(venue, self.chosen_date, self.holidays))

    def _refilter(self, **filters: str) -> None:
        self.proxy.set_filters(**filters)
        self._update_count()
        if self.proxy.rowCount() == 1 and self.table.selectionModel().currentIndex().row() != 0:
            first = self.proxy.index(0, 0)  # a single hit is the one meant: show it at once
            self.table.selectionModel().setCurrentIndex(
                first,
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _on_date_changed(self, _qdate: QDate) -> None:
        self.model.set_date(self.chosen_date)
        self._update_holiday_notice()
        self._show_detail(self.current_venue())
        self.dateChanged.emit(self.chosen_date)

    def _update_count(self) -> None:
        self.count.setText(tr("显示 {0} / {1} 个场馆").format(self.proxy.rowCount(), self.model.rowCount()))


def unlocated_text(venue: Venue) -> str:
    """One line for a venue without a location: name, district (推断 when inferred) and address as known."""
    unknown = tr("待核实")
    district = venue.district or unknown
    info: FactInfo | None = venue.facts.get("district")
    if venue.district and info is not None and info.inferred and not venue.is_local("district"):
        district += tr("（推断）")
    return tr("{0} — {1} · 地址：{2}").format(venue.name_zh, district, venue.address or unknown)
