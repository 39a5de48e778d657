"""导出参与记录: format, file, and — only with a stated reason and a confirmation — full mobile numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from redtour.core.participation import StatsFilter
from redtour.storage.database import Database
from redtour.storage.log_export import ExportResult, export_log
from redtour.ui import file_dialogs
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.i18n import tr
from redtour.ui.layout import fit_to_screen
from redtour.ui.messages import show_error
from redtour.ui.operations import WriteOp


class ExportDialog(QDialog):
    def __init__(
        self, db: Database, flt: StatsFilter, filter_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("导出参与记录"))
        self.db, self.flt = db, flt
        self.result: ExportResult | None = None
        self.xlsx = QRadioButton(
            tr("Excel 工作簿（.xlsx）：汇总 + 明细"), objectName="exportXlsx", checked=True
        )
        self.csv = QRadioButton(tr("CSV（.csv，UTF-8 带 BOM，Excel/WPS 可直接打开）"), objectName="exportCsv")
        self.xlsx.toggled.connect(self._suffix)
        default = file_dialogs.start_folder("export") / f"红色寻访参与记录_{date.today():%Y%m%d}.xlsx"
        self.path = QLineEdit(str(default), objectName="exportPath")
        browse = QPushButton(tr("浏览…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.full_phone = QCheckBox(
            tr("导出完整手机号（个人信息，须说明用途并记入审计日志）"), objectName="exportFullPhone"
        )
        self.reason = QLineEdit(objectName="exportReason", placeholderText=tr("用途，例如：保险登记"))
        self.reason.setEnabled(False)
        self.full_phone.toggled.connect(self.reason.setEnabled)
        self.progress = QProgressBar(objectName="exportProgress")
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        form = QFormLayout()
        form.addRow(QLabel(tr("筛选：{0}").format(filter_text)))
        form.addRow(self.xlsx)
        form.addRow(self.csv)
        form.addRow(tr("保存到"), row)
        form.addRow(self.full_phone)
        form.addRow(tr("用途"), self.reason)
        self.buttons = ok_cancel(self, self._export)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("导出"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 560, 300)  # within the available area (taskbar excluded)

    @property
    def fmt(self) -> str:
        return "xlsx" if self.xlsx.isChecked() else "csv"

    def _suffix(self) -> None:
        self.path.setText(str(Path(self.path.text()).with_suffix(f".{self.fmt}")))

    def _browse(self) -> None:
        pattern = "Excel (*.xlsx)" if self.fmt == "xlsx" else "CSV (*.csv)"
        name = file_dialogs.save_file(self, "export", tr("导出到"), self.path.text(), pattern)
        if name:
            self.path.setText(str(Path(name).with_suffix(f".{self.fmt}")))

    def _export(self) -> None:
        full = self.full_phone.isChecked()
        if full:
            if not self.reason.text().strip():
                show_error(self, tr("导出完整手机号须填写用途。"))
                return
            answer = QMessageBox.question(
                self,
                tr("导出完整手机号"),
                tr("文件将包含完整手机号，请妥善保管、用后删除。此次导出会记入审计日志。继续吗？"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        out = Path(self.path.text().strip())
        self.progress.setVisible(True)
        self.buttons.setEnabled(False)

        reason = self.reason.text()  # read here: widgets belong to the GUI thread

        def work() -> ExportResult:
            return export_log(self.db, out, fmt=self.fmt, flt=self.flt, full_phone=full, reason=reason)

        WriteOp(self, work).success(self._done).failure(self._failed).run_in_background()  # audited: a write

    def _done(self, result: Any) -> None:
        self.result = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.buttons.setEnabled(True)
        show_error(self, str(exc))
