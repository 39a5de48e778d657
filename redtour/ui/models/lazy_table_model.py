"""A table model over a query too large to load: rows are fetched a page at a time, as the view asks.

The row count comes from one COUNT, run off the GUI thread (a search over 250,000 people is counted on every
keystroke); the table is empty until it arrives, then ``counted`` says how many rows there are. ``data()``
fetches the page holding the row (200 rows, one indexed query; it must answer at once, docs/architecture.md)
and keeps the last few pages, so a 1,000,000-row table opens at once and scrolls with a bounded
amount of memory (perf-baselines.md: windowed model 0.1 s / 69 MB vs. fetchMore to the end 3.1 s / 458 MB).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from redtour.ui.operations import QueryOp

Index = QModelIndex | QPersistentModelIndex
PageFetcher = Callable[[int, int], Sequence[Sequence[Any]]]  # (offset, limit) → rows


class LazyTableModel(QAbstractTableModel):
    PAGE = 200
    KEEP_PAGES = 25  # at most 5,000 rows in memory
    #: The row count of the latest reload has arrived (the count of an older reload is dropped).
    counted = Signal(int)

    def __init__(
        self,
        headers: Sequence[str],
        count: Callable[[], int],
        fetch: PageFetcher,
        parent: Any = None,
        *,
        first_column_is_key: bool = True,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._count_fn, self._fetch = count, fetch
        self._skip = 1 if first_column_is_key else 0  # rows start with an id that is not shown
        self._count = 0
        self._reloads = 0  # which reload a count answers
        self.counting = False
        self._pages: OrderedDict[int, Sequence[Sequence[Any]]] = OrderedDict()
        self.fetches = 0  # pages fetched since the last reload (tests, benchmark)

    def reload(self, count: Callable[[], int] | None = None, fetch: PageFetcher | None = None) -> None:
        self.beginResetModel()
        if count is not None:
            self._count_fn = count
        if fetch is not None:
            self._fetch = fetch
        self._pages.clear()
        self.fetches = 0
        self._count = 0
        self.endResetModel()
        self._reloads += 1
        reload_no, self.counting = self._reloads, True
        QueryOp(self, self._count_fn).success(lambda n: self._counted(reload_no, int(n))).run_in_background()

    def _counted(self, reload_no: int, count: int) -> None:
        if reload_no != self._reloads:  # a later reload (the next keystroke of a search) is counting
            return
        self.counting = False
        if count:
            self.beginInsertRows(QModelIndex(), 0, count - 1)
            self._count = count
            self.endInsertRows()
        self.counted.emit(count)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
                return self.headers[section]
            if orientation == Qt.Orientation.Vertical:
                return section + 1
        return None

    def row(self, row: int) -> Sequence[Any] | None:
        if not 0 <= row < self._count:
            return None
        page_no = row // self.PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch(page_no * self.PAGE, self.PAGE)
            self.fetches += 1
            self._pages[page_no] = page
            while len(self._pages) > self.KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = row - page_no * self.PAGE
        return page[offset] if offset < len(page) else None

    def key(self, row: int) -> Any:
        values = self.row(row)
        return values[0] if values is not None and self._skip else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        values = self.row(index.row())
        if values is None:
            return None
        value = values[index.column() + self._skip]
        if isinstance(value, date):
            return value.isoformat()
        return "" if value is None else str(value)

    @property
    def pages_in_memory(self) -> int:
        return len(self._pages)
