"""新建活动 / 修改活动: name, date range and target."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QFormLayout, QLineEdit, QSpinBox, QWidget

from redtour.storage.campaigns import Campaign
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.i18n import tr


class CampaignDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, current: Campaign | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("修改活动") if current else tr("新建活动"))
        self.name = QLineEdit(objectName="campaignName")
        self.start = QDateEdit(QDate.currentDate(), calendarPopup=True, objectName="campaignFrom")
        self.end = QDateEdit(QDate.currentDate().addDays(27), calendarPopup=True, objectName="campaignTo")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.target = QSpinBox(maximum=10_000_000, singleStep=100, objectName="campaignTargetPeople")
        self.target.setSpecialValueText(tr("未设定"))
        if current is not None:
            self.name.setText(current.name)
            self.start.setDate(QDate(current.start))
            self.end.setDate(QDate(current.end))
            self.target.setValue(current.target or 0)
        form = QFormLayout(self)
        form.addRow(tr("活动名称"), self.name)
        form.addRow(tr("开始日期"), self.start)
        form.addRow(tr("结束日期"), self.end)
        form.addRow(tr("目标人数"), self.target)
        form.addRow(ok_cancel(self))

    def values(self) -> tuple[str, date, date, int | None]:
        return (
            self.name.text(),
            self.start.date().toPython(),
            self.end.date().toPython(),
            self.target.value() or None,
        )
