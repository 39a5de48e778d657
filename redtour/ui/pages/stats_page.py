"""统计: people (人数) and visits (人次) by union, venue or month, filtered; progress to a target; export."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redtour.core.catalogue import Venue
from redtour.core.participation import Stats, StatsFilter
from redtour.storage.database import Database
from redtour.storage.participation import ParticipationRepository
from redtour.storage.participation_stats import compute_stats, get_target, set_target
from redtour.ui.dialogs.export_dialog import ExportDialog
from redtour.ui.i18n import tr
from redtour.ui.lazy_refresh import LazyRefresh
from redtour.ui.messages import show_error
from redtour.ui.operations import QueryOp, WriteOp
from redtour.ui.pages.share_actions import StatsReportBase, notice_button, report_button

CHART_ROWS = 15


def _date_edit(name: str, label: str) -> tuple[QCheckBox, QDateEdit]:
    box = QCheckBox(label, objectName=f"{name}On")  # the check box carries the words: 从 / 到
    edit = QDateEdit(QDate.currentDate(), objectName=name, calendarPopup=True)
    edit.setAccessibleName(label)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    box.toggled.connect(edit.setEnabled)
    return box, edit


class StatsPage(StatsReportBase):
    status = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lazy = LazyRefresh(self, self.reload, kinds=frozenset({"people", "groups", "visits", "venues"}))
        self.setObjectName("statsPage")
        self.db = db
        self.repo = ParticipationRepository(db)
        self.stats: Stats | None = None
        self._pending = False
        self._running = False

        self.from_on, self.from_date = _date_edit("statsFrom", tr("从"))
        self.to_on, self.to_date = _date_edit("statsTo", tr("到"))
        self.from_date.setDate(QDate(QDate.currentDate().year(), 1, 1))
        self.union = QComboBox(objectName="statsUnion")
        self.venue = QComboBox(objectName="statsVenue")
        self.by = QComboBox(objectName="statsBy")
        for key, label in (("union", tr("按工会")), ("venue", tr("按场馆")), ("month", tr("按月份"))):
            self.by.addItem(label, key)
        export = QPushButton(tr("导出…"), objectName="statsExport")
        export.clicked.connect(self.export)
        self.by.setAccessibleName(tr("统计方式"))
        self.union.setAccessibleName(tr("工会"))
        self.venue.setAccessibleName(tr("场馆"))
        filters = QHBoxLayout()
        for w in (
            self.from_on,
            self.from_date,
            self.to_on,
            self.to_date,
            QLabel(tr("工会")),
            self.union,
            QLabel(tr("场馆")),
            self.venue,
            self.by,
        ):
            filters.addWidget(w)
        filters.addStretch(1)
        filters.addWidget(export)
        filters.addWidget(report_button(self))  # 活动情况报告 (.docx/.pdf)

        self.totals = QLabel(objectName="statsTotals")
        self.totals.setStyleSheet("font-size: 18px;")
        self.target = QSpinBox(objectName="statsTarget", maximum=10_000_000, singleStep=100)
        self.target.setAccessibleName(tr("目标人数"))
        self.target.setSpecialValueText(tr("未设定"))
        self.target.setSuffix(tr(" 人"))
        self.target.editingFinished.connect(self._save_target)
        self.progress = QProgressBar(objectName="statsProgress")
        self.progress.setFormat(tr("完成 %p%"))
        head = QHBoxLayout()
        head.addWidget(self.totals, 1)
        head.addWidget(QLabel(tr("目标人数")))
        head.addWidget(self.target)
        head.addWidget(self.progress, 1)
        head.addWidget(notice_button(self))  # 通知 to the chosen union (.docx/.pdf); the filter row is full

        self.table = QTableWidget(0, 3, objectName="statsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names are long, numbers short
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.chart = QChart()
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_view = QChartView(self.chart, objectName="statsChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.chart_view)
        split.setSizes([380, 560])

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(head)
        layout.addWidget(split, 1)
        for w in (self.from_on, self.to_on):
            w.toggled.connect(lambda _v: self.refresh())
        for d in (self.from_date, self.to_date):
            d.dateChanged.connect(lambda _d: self.refresh())
        for c in (self.union, self.venue, self.by):
            c.currentIndexChanged.connect(lambda _i: self.refresh())

    def set_venues(self, venues: Sequence[Venue]) -> None:
        current = self.venue.currentData()
        self.venue.blockSignals(True)
        self.venue.clear()
        self.venue.addItem(tr("全部场馆"), None)
        for v in venues:
            self.venue.addItem(v.name_zh, v.id)
        self.venue.setCurrentIndex(max(0, self.venue.findData(current)))
        self.venue.blockSignals(False)

    def reload(self) -> None:
        current = self.union.currentData()
        self.union.blockSignals(True)
        self.union.clear()
        self.union.addItem(tr("全部工会"), None)
        for u in self.repo.unions():
            self.union.addItem(("　" if u.parent_id else "") + u.name, u.id)
        self.union.setCurrentIndex(max(0, self.union.findData(current)))
        self.union.blockSignals(False)
        self.target.setValue(get_target(self.db) or 0)
        self.refresh()

    def current_filter(self) -> StatsFilter:
        return StatsFilter(
            self.from_date.date().toPython() if self.from_on.isChecked() else None,
            self.to_date.date().toPython() if self.to_on.isChecked() else None,
            self.union.currentData(),
            self.venue.currentData(),
        )

    def filter_text(self) -> str:
        parts = []
        f = self.current_filter()
        if f.start or f.end:
            parts.append(f"{f.start or '…'} — {f.end or '…'}")
        if f.union_id is not None:
            parts.append(self.union.currentText().strip())
        if f.venue_id:
            parts.append(self.venue.currentText())
        return "，".join(parts) or tr("全部")

    def refresh(self) -> None:
        """Recompute in the background; a change while a query runs queues one more run."""
        if self._running:
            self._pending = True
            return
        self._running = True
        flt, by = self.current_filter(), self.by.currentData()
        op = QueryOp(self, lambda: compute_stats(self.db, flt, by))
        op.success(self._show).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self._running = False
        show_error(self, tr("统计失败：{0}").format(exc))

    def _show(self, result: Any) -> None:
        self._running = False
        if self._pending:
            self._pending = False
            self.refresh()
            return
        stats: Stats = result
        self.stats = stats
        self.totals.setText(tr("人数 <b>{0}</b>　人次 <b>{1}</b>").format(stats.participants, stats.visits))
        self._show_progress()
        self.table.setHorizontalHeaderLabels([self._first_header(), tr("人数"), tr("人次")])
        self.table.setRowCount(len(stats.rows))
        for i, r in enumerate(stats.rows):
            for col, value in enumerate((r.label, r.participants, r.visits)):
                item = QTableWidgetItem(str(value))
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, col, item)
        self._draw_chart(stats)

    def _first_header(self) -> str:
        """What the rows are (工会/场馆/月份), not how they were grouped (not "By union")."""
        names = {"union": tr("工会"), "venue": tr("场馆"), "month": tr("月份")}
        return names.get(str(self.by.currentData()), "")

    def _show_progress(self) -> None:
        target = self.target.value()
        self.progress.setVisible(target > 0)
        if target and self.stats is not None:
            self.progress.setRange(0, target)
            self.progress.setValue(min(self.stats.participants, target))

    def _save_target(self) -> None:
        target = self.target.value() or None
        WriteOp(self, lambda: set_target(self.db, target)).success(lambda _r: self._show_progress()).failure(
            lambda exc: show_error(self, str(exc))
        ).run_in_background()

    def _draw_chart(self, stats: Stats) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        rows = list(stats.rows)
        monthly = stats.by == "month"
        if not monthly:
            rows = rows[:CHART_ROWS][::-1]  # largest at the top of a horizontal chart
        people, visits = QBarSet(tr("人数")), QBarSet(tr("人次"))
        for r in rows:
            people.append(r.participants)
            visits.append(r.visits)
        series: QBarSeries | QHorizontalBarSeries = QBarSeries() if monthly else QHorizontalBarSeries()
        series.append(people)
        series.append(visits)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([r.label[2:] if monthly else r.label for r in rows])  # 2025-05 → 25-05
        if monthly and len(rows) > 8:
            categories.setLabelsAngle(-90)
            categories.setTruncateLabels(False)
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setMin(0)
        cat_side, val_side = (
            (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
            if monthly
            else (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        )
        self.chart.addAxis(categories, cat_side)
        self.chart.addAxis(values, val_side)
        series.attachAxis(categories)
        series.attachAxis(values)
        if rows:
            values.applyNiceNumbers()
        else:
            values.setRange(0, 1)  # no data yet: an empty chart, not a NaN axis
        title = self.by.currentText() + (
            "" if monthly or len(stats.rows) <= CHART_ROWS else tr("（前 {0} 名）").format(CHART_ROWS)
        )
        self.chart.setTitle(title)

    def export(self) -> None:
        dialog = ExportDialog(self.db, self.current_filter(), self.filter_text(), self)
        if dialog.exec() == ExportDialog.DialogCode.Accepted and dialog.result is not None:
            self.status.emit(tr("已导出 {0} 条记录到 {1}").format(dialog.result.rows, dialog.result.path))
