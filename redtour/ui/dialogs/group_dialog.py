"""新建团队: a group's visit day — union, name, date, leader, venues (or those of a saved plan)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redtour.core.catalogue import Venue
from redtour.storage.database import Database
from redtour.storage.participation import Group, ParticipationRepository
from redtour.storage.plans import PlanRepository
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.i18n import tr
from redtour.ui.layout import fit_to_screen
from redtour.ui.messages import show_error
from redtour.ui.operations import WriteOp
from redtour.ui.widgets.venue_picker import VenuePicker


def union_combo(repo: ParticipationRepository, name: str) -> QComboBox:
    """An editable list of known unions: pick one or type a new name."""
    combo = QComboBox(objectName=name)
    combo.setEditable(True)
    for u in repo.unions():
        combo.addItem(u.name, u.id)
    combo.setCurrentIndex(0 if combo.count() else -1)
    combo.lineEdit().setPlaceholderText(tr("例如：普陀区总工会"))
    return combo


class GroupDialog(QDialog):
    def __init__(
        self,
        repo: ParticipationRepository,
        venues: Sequence[Venue],
        db: Database,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("groupDialog")
        self.setWindowTitle(tr("新建团队"))
        self.repo = repo
        self.created: Group | None = None
        self.union = union_combo(repo, "groupUnion")
        self.name = QLineEdit(objectName="groupName", placeholderText=tr("例如：第一批 · 机电工会"))
        self.day = QDateEdit(QDate.currentDate(), objectName="groupDate", calendarPopup=True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.leader = QLineEdit(objectName="groupLeader")
        self.plan = QComboBox(objectName="groupPlan")
        self.plan.addItem(tr("不关联行程"), None)
        for p in PlanRepository(db).list_plans():
            self.plan.addItem(f"{p.day:%Y-%m-%d} {p.name}", p)
        self.plan.currentIndexChanged.connect(self._from_plan)
        self.picker = VenuePicker(button_text=tr("勾选"))
        self.picker.set_venues(venues)
        self.picker.picked.connect(self._check_venue)
        self.venues = QListWidget(objectName="groupVenues")
        for v in venues:
            item = QListWidgetItem(f"{v.name_zh}（{v.district or ''}）")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.venues.addItem(item)
        form = QFormLayout()
        form.addRow(tr("工会"), self.union)
        form.addRow(tr("团队名称"), self.name)
        form.addRow(tr("参观日期"), self.day)
        form.addRow(tr("领队"), self.leader)
        form.addRow(tr("按行程"), self.plan)
        form.addRow(tr("查找场馆"), self.picker)
        form.addRow(tr("参观场馆"), self.venues)
        buttons = ok_cancel(self, self._create)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, 460, 560)  # within the available area (taskbar excluded)

    def _from_plan(self) -> None:
        plan = self.plan.currentData()
        if plan is None:
            return
        self.day.setDate(QDate(plan.day.year, plan.day.month, plan.day.day))
        wanted = set(plan.venue_ids)
        for i in range(self.venues.count()):
            item = self.venues.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if not self.name.text().strip():
            self.name.setText(plan.name)

    def _check_venue(self, venue_id: str) -> None:
        """The picker's venue: ticked in the list and scrolled into view."""
        for i in range(self.venues.count()):
            item = self.venues.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == venue_id:
                item.setCheckState(Qt.CheckState.Checked)
                self.venues.scrollToItem(item)
                self.venues.setCurrentItem(item)

    def chosen_venues(self) -> list[str]:
        return [
            str(self.venues.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.venues.count())
            if self.venues.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _create(self) -> None:
        plan = self.plan.currentData()
        args = (self.union.currentText(), self.name.text(), self.day.date().toPython(), self.chosen_venues())
        leader, plan_id = self.leader.text(), plan.id if plan is not None else None

        def created(group: Group) -> None:
            self.created = group
            self.accept()

        WriteOp(self, lambda: self.repo.create_group(*args, leader=leader, plan_id=plan_id)).success(
            created
        ).failure(lambda exc: show_error(self, str(exc))).run_in_background()
