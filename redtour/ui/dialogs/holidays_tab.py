"""Settings ▸ 节假日: which years' holiday schedules are known and from where; enter or import a new year.

A year is saved to the user database as soon as it passes validation (all or nothing), with who entered it
and when; the dialog's OK/Cancel does not undo it (the audit log records it). The main window reloads the
calendar when the dialog closes.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redtour.core.holidays import HolidayCalendar, HolidayDataError, HolidayYear, year_from_dict
from redtour.storage.database import Database
from redtour.storage.holidays import HolidayRepository, load_calendar, parse_import
from redtour.ui import file_dialogs
from redtour.ui.i18n import tr
from redtour.ui.operations import WriteOp

_SPLIT = re.compile(r"[\s,，、;；~～至到]+")


def parse_ranges(text: str) -> tuple[list[dict[str, str]], list[str]]:
    """Lines such as "春节 2027-02-06 2027-02-12" (or one date for a single day) → ranges, problems."""
    ranges, problems = [], []
    for n, line in enumerate(text.splitlines(), 1):
        parts = [p for p in _SPLIT.split(line.strip()) if p]
        if not parts:
            continue
        if len(parts) not in (2, 3):
            problems.append(tr("放假安排第{0}行应写成“节日 开始日期 结束日期”").format(n))
            continue
        ranges.append({"name": parts[0], "start": parts[1], "end": parts[-1]})
    return ranges, problems


class HolidaysTab(QWidget):
    """Lists the known years; entering or importing one saves it at once and emits ``changed``."""

    changed = Signal()

    def __init__(self, database: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.years = QTableWidget(0, 4, objectName="holidayYears")
        self.years.setHorizontalHeaderLabels([tr("年份"), tr("来源"), tr("通知文号"), tr("通知网址")])
        self.years.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.years.verticalHeader().hide()
        self.years.setWordWrap(False)
        self.years.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(objectName="holidaySummary", wordWrap=True)

        entry = QGroupBox(tr("录入新一年的节假日安排（国务院办公厅通知）"))
        form = QFormLayout(entry)
        self.year = QSpinBox(objectName="holidayYear", minimum=2000, maximum=2100)
        self.year.setValue(date.today().year + 1)
        self.notice_no = QLineEdit(
            objectName="holidayNoticeNo", placeholderText=tr("例如：国办发明电〔2025〕7号")
        )
        self.notice_date = QLineEdit(objectName="holidayNoticeDate", placeholderText="YYYY-MM-DD")
        self.notice_url = QLineEdit(objectName="holidayNoticeUrl", placeholderText="https://www.gov.cn/…")
        self.ranges = QPlainTextEdit(objectName="holidayRanges")
        self.ranges.setPlaceholderText(
            tr("每行一个节日：节日 开始日期 结束日期\n例如：春节 2026-02-15 2026-02-23")
        )
        self.ranges.setFixedHeight(120)
        self.workdays = QLineEdit(objectName="holidayWorkdays")
        self.workdays.setPlaceholderText(tr("调休上班的周六、周日，用空格分隔，例如：2026-02-14 2026-02-28"))
        form.addRow(tr("年份"), self.year)
        form.addRow(tr("通知文号"), self.notice_no)
        form.addRow(tr("通知日期"), self.notice_date)
        form.addRow(tr("通知网址"), self.notice_url)
        form.addRow(tr("放假安排"), self.ranges)
        form.addRow(tr("调休上班日"), self.workdays)
        self.save_button = QPushButton(tr("保存这一年"), objectName="saveHolidayYear")
        self.import_button = QPushButton(tr("从文件导入…"), objectName="importHolidayYear")
        self.save_button.clicked.connect(self.save_entered)
        self.import_button.clicked.connect(lambda: self.import_file())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.import_button)
        row.addWidget(self.save_button)
        form.addRow(row)
        self.message = QLabel(objectName="holidayMessage", wordWrap=True)
        form.addRow(self.message)
        if database is None:
            entry.setEnabled(False)
            self.message.setText(tr("未打开数据库，无法录入节假日安排。"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.years, 1)
        layout.addWidget(entry)
        self.refresh()

    def calendar(self) -> HolidayCalendar:
        return load_calendar(self.database)

    def refresh(self) -> None:
        cal = self.calendar()
        rows = [(y, True) for y in sorted(cal.years.values(), key=lambda y: -y.year)]
        rows += [(y, False) for y in cal.unused]
        self.years.setRowCount(len(rows))
        for r, (y, used) in enumerate(rows):
            source = y.source_text()
            if not used:
                source = tr("未采用（已有内置官方数据）：") + source
            for c, text in enumerate((str(y.year), source, y.notice_no, y.notice_url)):
                self.years.setItem(r, c, QTableWidgetItem(text))
        known = sorted(cal.years)
        if known:
            self.summary.setText(
                tr("已知 {0}–{1} 年的法定节假日与调休安排；其他年份只按场馆的每周规则判断。").format(
                    known[0], known[-1]
                )
            )

    def _show_problems(self, problems: list[str]) -> None:
        self.message.setStyleSheet("color: #b3261e")
        self.message.setText(tr("未保存，请修改：") + "\n" + "\n".join("• " + p for p in problems))

    def _store(self, year: HolidayYear) -> None:
        assert self.database is not None
        database = self.database

        def stored(saved: HolidayYear) -> None:
            bundled = year.year in {y.year for y in self.calendar().years.values() if y.origin == "bundled"}
            self.message.setStyleSheet("")
            text = tr("已保存{0}年的节假日安排（{1}）。").format(saved.year, saved.source_text())
            if bundled:
                text += tr("该年已有内置官方数据，程序仍使用内置数据。")
            self.message.setText(text)
            self.refresh()
            self.changed.emit()

        WriteOp(self, lambda: HolidayRepository(database).save(year)).success(stored).failure(
            lambda exc: self._show_problems([str(exc)])
        ).run_in_background()

    def save_entered(self) -> bool:
        """Validate the form as a whole; save only when nothing is wrong."""
        ranges, problems = parse_ranges(self.ranges.toPlainText())
        data = {
            "year": self.year.value(),
            "notice_no": self.notice_no.text(),
            "notice_date": self.notice_date.text().strip(),
            "notice_url": self.notice_url.text(),
            "holidays": ranges,
            "workdays": [p for p in _SPLIT.split(self.workdays.text().strip()) if p],
        }
        try:
            year = year_from_dict(data, origin="entered")
        except HolidayDataError as exc:
            problems += exc.problems
        if problems:
            self._show_problems(problems)
            return False
        self._store(year)
        return True

    def import_file(self, path: Path | None = None) -> bool:
        if path is None:
            name = file_dialogs.open_file(
                self, "holidays", tr("导入节假日安排"), tr("节假日文件 (*.toml *.json *.csv)")
            )
            if not name:
                return False
            path = Path(name)
        try:
            year = parse_import(path)
        except HolidayDataError as exc:
            self._show_problems(exc.problems)
            return False
        self._store(year)
        return True
