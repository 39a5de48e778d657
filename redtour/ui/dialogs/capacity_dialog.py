"""场馆容量: what the venue said about groups, times and booking, with the date checked and who said so.

Each fact shows what is used now ("1个（默认，待核实）"); only the facts the user sets are saved, so a cautious
default is never turned into a confirmed figure by pressing OK.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from redtour.core.campaign_capacity import FACTS, VenueCapacityInfo, check_value
from redtour.core.errors import RedtourError
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.i18n import tr
from redtour.ui.operations import WriteOp

UNCHANGED = -1


class CapacityDialog(QDialog):
    def __init__(
        self, info: VenueCapacityInfo,
        save: Callable[[dict[str, int], date, str, str], object], parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("场馆容量：{0}").format(info.name_zh.split("——")[0]))
        self._save = save
        self.setMinimumWidth(560)  # the current value with its origin fits on one line
        form = QFormLayout(self)
        self.now: dict[str, QLabel] = {}
        self.edits: dict[str, QSpinBox | QComboBox] = {}
        for fact, (label, unit) in FACTS.items():
            shown = QLabel(info.describe(fact).split("：", 1)[1], objectName=f"capNow_{fact}", wordWrap=True)
            edit: QSpinBox | QComboBox
            if fact == "real_name":
                edit = QComboBox(objectName=f"cap_{fact}")
                edit.addItem(tr("不修改"), UNCHANGED)
                edit.addItem(tr("是"), 1)
                edit.addItem(tr("否"), 0)
            else:
                edit = QSpinBox(minimum=UNCHANGED, maximum=10_000, objectName=f"cap_{fact}")
                edit.setSpecialValueText(tr("不修改"))
                edit.setSuffix(f" {tr(unit)}" if unit else "")
                edit.setValue(UNCHANGED)
            self.now[fact], self.edits[fact] = shown, edit
            form.addRow(tr(label), shown)
            form.addRow("", edit)
        self.checked = QDateEdit(QDate.currentDate(), calendarPopup=True, objectName="capChecked")
        self.checked.setDisplayFormat("yyyy-MM-dd")
        self.said_by = QLineEdit(objectName="capSaidBy", placeholderText=tr("如：馆方电话 王老师"))
        self.note = QLineEdit(objectName="capNote")
        self.problem = QLabel(objectName="capProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #b00020")
        form.addRow(tr("核实日期"), self.checked)
        form.addRow(tr("信息来源"), self.said_by)
        form.addRow(tr("备注"), self.note)
        form.addRow(self.problem)
        form.addRow(ok_cancel(self))

    def values(self) -> dict[str, int]:
        out = {}
        for fact, edit in self.edits.items():
            value = edit.currentData() if isinstance(edit, QComboBox) else edit.value()
            if value != UNCHANGED:
                out[fact] = int(value)
        return out

    def accept(self) -> None:
        values = self.values()
        if not values:
            self.problem.setText(tr("没有修改任何一项"))
            return
        try:
            for fact, value in values.items():
                check_value(fact, value)
        except (RedtourError, LookupError, ValueError) as exc:  # shown here, nothing written
            self.problem.setText(str(exc.args[0] if exc.args else exc))
            return
        args = (values, self.checked.date().toPython(), self.said_by.text().strip(), self.note.text().strip())
        WriteOp(self, lambda: self._save(*args)).success(lambda _r: super(CapacityDialog, self).accept()).failure(
            lambda exc: self.problem.setText(str(exc.args[0] if exc.args else exc))  # nothing written
        ).run_in_background()
