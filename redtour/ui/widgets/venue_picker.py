"""One venue picker for every place a venue is chosen (planner, group dialog, campaign requests).

It searches with the catalogue's own matcher (redtour/core/search.py: Chinese, pinyin, initials, aliases,
English), lists each hit with its district and its status on the day, and 加入 adds exactly the venue the
typed text names — or says that nothing (or more than one venue) matches. It never falls back to an item
that was selected earlier, which is how the old editable combo box added the wrong venue.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from redtour.core.calendar import day_status
from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.core.search import normalise, search
from redtour.ui.i18n import tr

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # what the completer puts into the line edit
ID_ROLE = Qt.ItemDataRole.UserRole + 2
MAX_SHOWN = 30


def _state_text(state: str) -> str:
    return {"open": tr("开放"), "closed": tr("闭馆")}.get(state, tr("待核实"))


class VenuePicker(QWidget):
    # a venue id, when 加入 (or Enter) names exactly one venue
    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, button_text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("venuePicker")
        self._venues: list[Venue] = []
        self._day = date.today()
        self._holidays: HolidayCalendar | None = None
        self.edit = QLineEdit(objectName="venuePickerEdit")
        self.edit.setPlaceholderText(tr("输入场馆名、拼音或首字母，如 gzh"))
        self.edit.setAccessibleName(tr("查找场馆"))
        self.edit.setClearButtonEnabled(True)
        self.hits = QStandardItemModel(self)
        self.completer = QCompleter(self.hits, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.setMaxVisibleItems(12)
        self.edit.setCompleter(self.completer)
        self.button = QPushButton(button_text or tr("加入"), objectName="venuePickerAdd")
        self.message = QLabel(objectName="venuePickerMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b3261e")
        self.message.hide()
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addWidget(self.edit, 1)
        self._row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._row)
        layout.addWidget(self.message)
        self.edit.textEdited.connect(self._refresh_hits)
        self.edit.installEventFilter(self)  # Enter adds (and does not also press a dialog's default button)
        self.button.clicked.connect(self.add)
        self.completer.activated[QModelIndex].connect(self._chosen_from_list)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add()
            return True
        return super().eventFilter(watched, event)

    # --- data ---------------------------------------------------------------------------------------
    def set_venues(self, venues: Sequence[Venue], holidays: HolidayCalendar | None = None) -> None:
        self._venues = list(venues)
        self._holidays = holidays
        self._refresh_hits(self.edit.text(), popup=False)

    def set_day(self, day: date) -> None:
        """The day whose opening status the drop-down shows."""
        self._day = day
        self._refresh_hits(self.edit.text(), popup=False)

    def label(self, venue: Venue) -> str:
        status = day_status(venue, self._day, self._holidays)
        parts = [venue.name_zh, venue.district or tr("区待核实"), _state_text(status.state)]
        if venue.location is None:
            parts.append(tr("无位置"))
        return " · ".join(parts)

    def _refresh_hits(self, text: str, *, popup: bool = True) -> None:
        self.message.hide()
        self.hits.clear()
        found = search(self._venues, text) if text.strip() else []
        for v in found[:MAX_SHOWN]:
            item = QStandardItem(self.label(v))
            item.setData(v.name_zh, NAME_ROLE)
            item.setData(v.id, ID_ROLE)
            item.setEditable(False)
            self.hits.appendRow(item)
        if popup and found:
            self.completer.complete()

    def _chosen_from_list(self, index: QModelIndex) -> None:
        self.edit.setText(str(index.data(NAME_ROLE)))

    # --- choosing -----------------------------------------------------------------------------------
    def current(self) -> Venue | None:
        """The one venue the text names (exact name/alias/id first, else a single search hit); else None
        with the reason shown under the box."""
        text = self.edit.text().strip()
        if not text:
            self.say(tr("请输入场馆名称、拼音或首字母。"))
            return None
        q = normalise(text)
        exact = [
            v
            for v in self._venues
            if q in (normalise(v.id), normalise(v.name_zh), *map(normalise, v.aliases))
        ]
        found = exact if len(exact) == 1 else search(self._venues, text)
        if len(found) == 1:
            return found[0]
        if not found:
            self.say(tr("没有找到与“{0}”匹配的场馆。").format(text))
        else:
            names = "、".join(v.name_zh for v in found[:5])
            self.say(
                tr("“{0}”对应 {1} 个场馆（{2}…），请从下拉列表中选择一个。").format(text, len(found), names)
            )
        return None

    def add(self) -> None:
        self._take(self.picked.emit)

    def add_button(self, text: str, on_pick: Callable[[str], None], object_name: str) -> QPushButton:
        """Another button beside 加入 (e.g. 加入可选, 设为出发地): ``on_pick`` gets the one venue's id."""
        button = QPushButton(text)
        button.setObjectName(object_name)
        self._row.addWidget(button)
        button.clicked.connect(lambda: self._take(on_pick))
        return button

    def _take(self, on_pick: Callable[[str], None]) -> None:
        venue = self.current()
        if venue is None:
            return
        self.message.hide()
        on_pick(venue.id)
        self.edit.clear()
        self.hits.clear()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
