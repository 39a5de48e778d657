"""One group request entered or edited in the app: the import's columns, checked with the import's rules.

The dialog stays open with the message when the values are refused (storage.campaign_edit writes nothing).
Venues are found with the one venue picker (ui/widgets/venue_picker.py), which writes into the same text fields
an import row has, so a picked venue and a typed one are checked alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from redtour.core.calendar import WEEKDAY_ZH
from redtour.core.campaign_requests import DEFAULT_RETURN, DEFAULT_START, MAX_PEOPLE, VENUE_SEPARATORS
from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.storage.campaigns import Campaign, CampaignRequest
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.i18n import tr
from redtour.ui.operations import WriteOp
from redtour.ui.widgets.venue_picker import VenuePicker

MODE_TEXT = {"coach": "包车", "metro": "地铁", "walk": "步行"}


def venue_token(venue: Venue) -> str:
    """How the venue is written in a 、-separated list: its name, or (when the name itself holds a separator,
    as 湖州会馆——…遗址、…遗址 does) its first alias without one, else its id."""
    for text in (venue.name_zh, *venue.aliases):
        if not VENUE_SEPARATORS.search(text):
            return text
    return venue.id


class RequestDialog(QDialog):
    def __init__(
        self, campaign: Campaign, save: Callable[[dict[str, object]], object],
        venue_names: dict[str, str], current: CampaignRequest | None = None, parent: QWidget | None = None,
        *, venues: Sequence[Venue] = (), holidays: HolidayCalendar | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle(tr("修改团队") if current else tr("添加团队"))
        self._save = save
        self.union = QLineEdit(objectName="reqUnion")
        self.name = QLineEdit(objectName="reqName")
        self.people = QSpinBox(minimum=0, maximum=MAX_PEOPLE, objectName="reqPeople")
        self.earliest = QDateEdit(calendarPopup=True, objectName="reqEarliest")
        self.latest = QDateEdit(calendarPopup=True, objectName="reqLatest")
        for edit in (self.earliest, self.latest):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(campaign.start))
        self.latest.setDate(QDate(campaign.end))
        self.weekdays = [QCheckBox(WEEKDAY_ZH[d], objectName=f"reqNoDay{d}") for d in range(1, 8)]
        days = QHBoxLayout()
        for box in self.weekdays:
            days.addWidget(box)
        hint = tr("场馆名称或简称，用“、”分隔")
        self.must = QLineEdit(objectName="reqMust", placeholderText=hint)
        self.optional = QLineEdit(objectName="reqOptional", placeholderText=hint)
        self.start = QLineEdit(objectName="reqStart", placeholderText=tr("场馆名称，或“纬度,经度”"))
        self._tokens = {v.id: venue_token(v) for v in venues}
        self.picker = VenuePicker(button_text=tr("加入必去"))
        self.picker.button.setObjectName("reqAddMust")
        self.picker.set_venues(venues, holidays)
        self.picker.set_day(campaign.start)
        self.picker.picked.connect(lambda vid: self._append(self.must, vid))
        self.picker.add_button(tr("加入可选"), lambda vid: self._append(self.optional, vid), "reqAddOptional")
        self.picker.add_button(tr("设为出发地"), lambda vid: self.start.setText(self._tokens[vid]), "reqSetStart")
        self.earliest.dateChanged.connect(lambda d: self.picker.set_day(d.toPython()))
        self.mode = QComboBox(objectName="reqMode")
        for text in MODE_TEXT.values():
            self.mode.addItem(tr(text), text)
        self.start_time = QTimeEdit(QTime(DEFAULT_START), objectName="reqStartTime")
        self.return_by = QTimeEdit(QTime(DEFAULT_RETURN), objectName="reqReturnBy")
        for t in (self.start_time, self.return_by):
            t.setDisplayFormat("HH:mm")
        self.leader = QLineEdit(objectName="reqLeader")
        self.phone = QLineEdit(objectName="reqPhone")
        self.split = QCheckBox(tr("人数超过场馆团队上限时可拆分为小组"), checked=True, objectName="reqSplit")
        self.problem = QLabel(objectName="reqProblem", wordWrap=True)
        self.problem.setStyleSheet("color: #b00020")
        if current is not None:
            self._load(current, venue_names)
        form = QFormLayout(self)
        for label, w in (
            (tr("工会"), self.union), (tr("团队"), self.name), (tr("人数"), self.people),
            (tr("最早日期"), self.earliest), (tr("最晚日期"), self.latest), (tr("不可出行星期"), days),
            (tr("查找场馆"), self.picker),
            (tr("必去场馆"), self.must), (tr("可选场馆"), self.optional), (tr("出发地"), self.start),
            (tr("交通方式"), self.mode), (tr("出发时间"), self.start_time), (tr("最晚返回"), self.return_by),
            (tr("领队"), self.leader), (tr("领队手机"), self.phone),
        ):  # fmt: skip
            form.addRow(label, w)
        form.addRow(self.split)
        form.addRow(self.problem)
        form.addRow(ok_cancel(self))

    def _append(self, field: QLineEdit, venue_id: str) -> None:
        """Add the picked venue to a 、-separated list (once)."""
        token = self._tokens[venue_id]
        present = [t.strip() for t in VENUE_SEPARATORS.split(field.text()) if t.strip()]
        if token in present:
            self.picker.say(tr("{0} 已在列表中。").format(token))
            return
        field.setText("、".join([*present, token]))

    def _load(self, r: CampaignRequest, names: dict[str, str]) -> None:
        self.union.setText(r.union)
        self.name.setText(r.name)
        self.people.setValue(r.people)
        self.earliest.setDate(QDate(r.earliest))
        self.latest.setDate(QDate(r.latest))
        for d, box in enumerate(self.weekdays, start=1):
            box.setChecked(d in r.no_weekdays)
        def token(vid: str) -> str:  # a retired venue is not in the picker: its name, or its id
            name = names.get(vid, vid)
            return self._tokens.get(vid) or (vid if VENUE_SEPARATORS.search(name) else name)

        self.must.setText("、".join(map(token, r.must)))
        self.optional.setText("、".join(map(token, r.optional)))
        # A venue start is found again by its name; any other start by the coordinates saved with it.
        self.start.setText(names.get(r.start.venue_id or "", f"{r.start.lat:.6f},{r.start.lon:.6f}"))
        self.mode.setCurrentIndex(max(0, self.mode.findData(MODE_TEXT.get(r.mode.value, "包车"))))
        self.start_time.setTime(QTime(r.start_time))
        self.return_by.setTime(QTime(r.return_by))
        self.leader.setText(r.leader)
        self.phone.setText(r.phone)
        self.split.setChecked(r.split_ok)

    def values(self) -> dict[str, object]:
        return {
            "union": self.union.text(), "name": self.name.text(), "people": str(self.people.value()),
            "earliest": self.earliest.date().toPython(), "latest": self.latest.date().toPython(),
            "no_weekdays": "、".join(str(d) for d, b in enumerate(self.weekdays, start=1) if b.isChecked()),
            "must": self.must.text(), "optional": self.optional.text(), "start": self.start.text(),
            "mode": self.mode.currentData(), "start_time": self.start_time.time().toString("HH:mm"),
            "return_by": self.return_by.time().toString("HH:mm"), "leader": self.leader.text(),
            "phone": self.phone.text(), "split": "是" if self.split.isChecked() else "否",
        }  # fmt: skip

    def accept(self) -> None:
        values = self.values()  # saved on the writer thread; the dialog closes once it is stored
        WriteOp(self, lambda: self._save(values)).success(lambda _r: super(RequestDialog, self).accept()).failure(
            lambda exc: self.problem.setText(str(exc.args[0] if exc.args else exc))  # shown here, nothing written
        ).run_in_background()
