"""导入名册: choose a file and a union, check it in the background (preview), then apply it all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redtour.importing.spreadsheet import ImportCancelled
from redtour.storage.database import Database
from redtour.storage.participation import Group, ParticipationRepository
from redtour.storage.roster_import import RosterReport, import_roster
from redtour.ui import file_dialogs
from redtour.ui.dialogs.group_dialog import union_combo
from redtour.ui.i18n import tr
from redtour.ui.layout import fit_to_screen
from redtour.ui.operations import Task, WriteOp
from redtour.ui.settings import Settings

PREVIEW_LIMIT = 1000  # accepted rows shown; every error and skipped row is always shown


def status_text(status: str) -> str:
    return {"added": tr("新增"), "merged": tr("合并（已登记）"), "skipped": tr("跳过"), "error": tr("错误")}[
        status
    ]


STATUS_COLOUR = {"error": "#fde2e1", "skipped": "#f1f1f1", "merged": "#e8f1fb"}


class RosterImportDialog(QDialog):
    def __init__(
        self,
        db: Database,
        repo: ParticipationRepository,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        group: Group | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterImportDialog")
        self.setWindowTitle(tr("导入名册"))
        self.db, self.repo = db, repo
        self.applied = False
        self.report: RosterReport | None = None
        self._task: Task | None = None  # the running check or import (its 停止 flag)
        self._busy = False

        self.path = QLineEdit(objectName="rosterPath", placeholderText=tr("选择 .xlsx、.xls 或 .csv 文件"))
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.union = union_combo(repo, "rosterUnion")
        self.group = QComboBox(objectName="rosterGroup")
        self.group.addItem(tr("不加入团队名单"), None)
        for g in repo.groups():
            self.group.addItem(f"{g.day:%Y-%m-%d} {g.name}", g.id)
            if group is not None and g.id == group.id:
                self.group.setCurrentIndex(self.group.count() - 1)
                self.union.setCurrentText(g.union_name)
        self.with_id = QCheckBox(tr("同时导入身份证号（仅在活动确需时）"), objectName="rosterWithId")
        self.with_id.setVisible(settings.collect_id_number)
        form = QFormLayout()
        form.addRow(tr("文件"), row)
        form.addRow(tr("导入到工会"), self.union)
        form.addRow(tr("团队名单"), self.group)
        form.addRow(self.with_id)

        self.summary = QLabel(objectName="rosterSummary", wordWrap=True)
        self.progress = QProgressBar(objectName="rosterProgress")
        self.progress.setVisible(False)
        self.preview = QTableWidget(0, 5, objectName="rosterPreview")
        self.preview.setHorizontalHeaderLabels(
            [tr("行号"), tr("姓名"), tr("手机号"), tr("工作单位"), tr("结果")]
        )
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        self.preview.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.check_button = QPushButton(tr("检查"), objectName="rosterCheck")
        self.check_button.clicked.connect(lambda: self._run(dry_run=True))
        self.apply_button = QPushButton(tr("导入"), objectName="rosterApply")
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(lambda: self._run(dry_run=False))
        self.cancel_button = QPushButton(tr("取消"), objectName="rosterCancel")
        self.cancel_button.clicked.connect(self._cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.check_button, self.apply_button, self.cancel_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 760, 620)  # within the available area (taskbar excluded)
        self.path.textChanged.connect(lambda _t: self.apply_button.setEnabled(False))

    def _browse(self) -> None:
        name = file_dialogs.open_file(self, "roster", tr("选择名册"), tr("名册 (*.xlsx *.xls *.csv)"))
        if name:
            self.path.setText(name)
            self._run(dry_run=True)

    def _cancel_or_close(self) -> None:
        if self._busy and self._task is not None:
            self._task.cancel()
        else:
            self.reject()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.progress.setVisible(busy)
        self.check_button.setEnabled(not busy)
        self.apply_button.setEnabled(False)
        self.cancel_button.setText(tr("停止") if busy else tr("关闭"))

    def _run(self, *, dry_run: bool) -> None:
        path = Path(self.path.text().strip())
        union = self.union.currentText().strip()
        if not self.path.text().strip() or not union:
            self.summary.setText(tr("请选择文件并填写工会名称。"))
            return
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self.summary.setText(tr("正在读取并检查…") if dry_run else tr("正在导入…"))
        task = self._task = Task(self)
        group_id = self.group.currentData()
        with_id = self.with_id.isVisible() and self.with_id.isChecked()

        def work() -> RosterReport:
            return import_roster(
                self.db,
                path,
                union,
                group_id=group_id,
                dry_run=dry_run,
                with_id_number=with_id,
                progress=task.report,
                cancelled=task.cancelled,
            )

        # The check too runs in a write transaction (rolled back at the end): both go to the writer.
        op = WriteOp(self, work, task=task)
        op.with_progress(lambda n: self.summary.setText(tr("已读取 {0} 行…").format(n)))
        op.success(lambda r: self._done(r, dry_run)).failure(self._failed).run_in_background()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ImportCancelled):
            self.summary.setText(tr("已停止，数据库未改动。"))
        else:
            self.summary.setText(f"<span style='color:#b00020'>{exc}</span>")
        self.preview.setRowCount(0)

    def _done(self, report: RosterReport, dry_run: bool) -> None:
        self._set_busy(False)
        self.report = report
        lines = [
            tr("新增 {0} 人，合并 {1} 人（已登记），跳过 {2} 行，错误 {3} 行").format(
                report.added, report.merged, len(report.skipped), len(report.errors)
            )
        ]
        if report.errors:
            lines.append(
                "<span style='color:#b00020'>"
                + tr("有错误时整份名册不会导入：请在表格中改正标红的行后重新检查。")
                + "</span>"
            )
        if report.repeated_file:
            lines.append(tr("注意：这份文件此前已经导入过。"))
        if report.ignored_columns:
            lines.append(tr("不导入的列：{0}").format("、".join(report.ignored_columns)))
        if not dry_run and report.applied:
            self.applied = True
            lines.insert(0, "<b>" + tr("导入完成。") + "</b>")
        self.summary.setText("<br>".join(lines))
        self._fill_preview(report)
        self.apply_button.setEnabled(dry_run and not report.errors and (report.added + report.merged) > 0)

    def _fill_preview(self, report: RosterReport) -> None:
        notes = {n.sheet_row: ("error", n) for n in report.errors}
        notes |= {n.sheet_row: ("skipped", n) for n in report.skipped}
        rows: list[tuple[int, str, str, str, str, str]] = []
        accepted = 0
        for r in report.rows:
            status, row_note = notes.pop(r.sheet_row, (r.status, None))
            note = row_note.reason if row_note is not None else ""
            if status in ("added", "merged"):
                accepted += 1
                if accepted > PREVIEW_LIMIT:
                    continue
            rows.append((r.sheet_row, r.name, r.mobile_masked, r.work_unit, status, note))
        # Rows that never became a person still say whose they are: name and masked phone as read.
        rows += [(row, n.name, n.mobile_masked, "", status, n.reason) for row, (status, n) in notes.items()]
        rows.sort(key=lambda t: (t[4] != "error", t[0]))
        self.preview.setRowCount(len(rows))
        for i, (row, name, mobile, unit, status, note) in enumerate(rows):
            text = status_text(status) + (f"：{note}" if note else "")
            for col, value in enumerate((str(row), name, mobile, unit, text)):
                item = QTableWidgetItem(value)
                if status in STATUS_COLOUR:
                    item.setBackground(QColor(STATUS_COLOUR[status]))
                if col == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.preview.setItem(i, col, item)
        # Fixed widths: measuring every cell (resizeColumnsToContents) is what stalls the GUI thread here.
        for col, width in enumerate((56, 90, 110, 220)):
            self.preview.setColumnWidth(col, width)
        if accepted > PREVIEW_LIMIT:
            self.summary.setText(
                self.summary.text() + "<br>" + tr("（仅列出前 {0} 个可导入的行）").format(PREVIEW_LIMIT)
            )
