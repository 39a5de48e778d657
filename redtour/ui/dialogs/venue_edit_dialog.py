"""Correct or confirm a venue's facts locally (e.g. after phoning the venue): who checked, when and how.

Coordinates can be typed in WGS-84 (GPS, OpenStreetMap), GCJ-02 (高德/腾讯) or BD-09 (百度); they are stored
converted to WGS-84 with the datum they were given in (``redtour.core.geo``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from redtour.core.catalogue import DISTRICTS, Venue, hours_to_dict
from redtour.core.facts import CHECK_METHODS
from redtour.core.geo import SHANGHAI_BBOX, in_shanghai_bbox, to_wgs84
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.i18n import tr

DATUM_CHOICES = ("WGS-84", "GCJ-02", "BD-09")
_COORD_SPLIT = re.compile(r"[,，\s]+")

_PERIOD = re.compile(r"^\s*(\d{1,2}:\d{2})\s*[-–~至]\s*(\d{1,2}:\d{2})\s*(?:/\s*(\d{1,2}:\d{2}))?\s*$")


def weekday_names() -> dict[int, str]:
    return {
        1: tr("周一"),
        2: tr("周二"),
        3: tr("周三"),
        4: tr("周四"),
        5: tr("周五"),
        6: tr("周六"),
        7: tr("周日"),
    }


def format_periods(venue: Venue) -> str:
    """The editable text form of a venue's opening periods: ``09:00-11:30/11:00; 13:00-16:30/16:00``."""
    if venue.hours is None:
        return ""
    seen: list[str] = []
    for p in venue.hours.periods:
        text = f"{p.open:%H:%M}-{p.close:%H:%M}" + (f"/{p.last_entry:%H:%M}" if p.last_entry else "")
        if text not in seen:
            seen.append(text)
    return "; ".join(seen)


def parse_periods(text: str, open_days: list[int]) -> list[dict[str, Any]]:
    periods = []
    for part in filter(None, (s.strip() for s in re.split(r"[;；,，]", text))):
        m = _PERIOD.match(part)
        if not m:
            raise ValueError(tr("无法识别开放时段“{0}”，请写成 09:00-16:30/16:00").format(part))
        opening, closing, last = (g.zfill(5) if g else None for g in m.groups())
        period = {"weekdays": open_days, "open": opening, "close": closing}
        if last:
            period["last_entry"] = last
        periods.append(period)
    return periods


def method_labels() -> dict[str, str]:
    return {
        "电话核实": tr("电话核实"),
        "现场核实": tr("现场核实"),
        "官方公众号": tr("官方公众号"),
        "官方网站": tr("官方网站"),
        "其他": tr("其他"),
    }


def datum_labels() -> dict[str, str]:
    return {
        "WGS-84": tr("WGS-84（GPS、OpenStreetMap、天地图）"),
        "GCJ-02": tr("GCJ-02（高德、腾讯地图）"),
        "BD-09": tr("BD-09（百度地图）"),
    }


def parse_coordinates(lat_text: str, lon_text: str, datum: str) -> dict[str, Any] | None:
    """Typed coordinates as a location fact in the catalogue's shape (None when both are empty).

    "31.2, 121.4" pasted into the latitude box is split. Raises ValueError with a message for the user."""
    lat_text, lon_text = lat_text.strip(), lon_text.strip()
    if not lon_text and len(parts := [p for p in _COORD_SPLIT.split(lat_text) if p]) == 2:
        lat_text, lon_text = parts
    if not lat_text and not lon_text:
        return None
    try:
        lat, lon = float(lat_text), float(lon_text)
    except ValueError:
        raise ValueError(tr("坐标应为两个数字：纬度、经度，如 31.2304, 121.4737")) from None
    wgs = to_wgs84(lat, lon, datum)
    if not in_shanghai_bbox(*wgs):
        s, w, n, e = SHANGHAI_BBOX
        raise ValueError(
            tr("坐标 {0}, {1} 不在上海范围内（纬度 {2}–{3}，经度 {4}–{5}）；纬度和经度是否写反了？").format(
                lat, lon, s, n, w, e
            )
        )
    return {"lat": lat, "lon": lon, "datum": datum, "note": f"工作人员输入的 {datum} 坐标"}


class VenueEditDialog(QDialog):
    """Edits a copy of the facts; ``changed_facts()`` returns only what differs from the shown venue."""

    def __init__(self, venue: Venue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.venue = venue
        self.setWindowTitle(tr("修正场馆资料 — {0}").format(venue.name_zh))
        self.setObjectName("venueEditDialog")

        self.address = QLineEdit(venue.address or "")
        self.district = QComboBox()
        self.district.addItem(tr("待核实"), None)
        for d in DISTRICTS:
            self.district.addItem(d, d)
        self.district.setCurrentIndex(max(0, self.district.findData(venue.district)))
        self.phone = QLineEdit(venue.phone or "")
        self.fee = QLineEdit(venue.fee or "")
        self.visit = self._spin(venue.visit_minutes, 0, 600, tr(" 分钟"))
        self.max_group = self._spin(venue.max_group_size, 0, 5000, tr(" 人"))

        hours_box = QGroupBox(tr("开放时间"))
        self.hours_known = QCheckBox(tr("已知开放时间"))
        self.hours_known.setChecked(venue.hours is not None)
        self.periods = QLineEdit(format_periods(venue))
        self.periods.setPlaceholderText(tr("如 09:00-11:30/11:00; 13:00-16:30/16:00（斜杠后为停止入馆时间）"))
        self.closed_days = {}
        days = QGridLayout()
        closed = venue.hours.closed_weekdays if venue.hours else frozenset()
        for i, (num, name) in enumerate(weekday_names().items()):
            box = QCheckBox(tr("{0}闭馆").format(name))
            box.setChecked(num in closed)
            self.closed_days[num] = box
            days.addWidget(box, i // 4, i % 4)
        self.holiday_open = QCheckBox(tr("闭馆日遇法定节假日照常开放"))
        self.holiday_open.setChecked(bool(venue.hours and venue.hours.open_on_public_holidays))
        hl = QFormLayout(hours_box)
        hl.addRow(self.hours_known)
        hl.addRow(tr("开放时段"), self.periods)
        hl.addRow(days)
        hl.addRow(self.holiday_open)

        res_box = QGroupBox(tr("预约"))
        self.res_required = QComboBox()
        for label, value in ((tr("待核实"), None), (tr("需要预约"), True), (tr("无需预约"), False)):
            self.res_required.addItem(label, value)
        res = venue.reservation
        self.res_required.setCurrentIndex(max(0, self.res_required.findData(res.required if res else None)))
        self.res_lead = self._spin(res.lead_days if res else None, 0, 60, tr(" 天"))
        self.res_how = QLineEdit(res.how if res else "")
        rl = QFormLayout(res_box)
        rl.addRow(tr("是否预约"), self.res_required)
        rl.addRow(tr("至少提前"), self.res_lead)
        rl.addRow(tr("预约方式"), self.res_how)

        loc_box = QGroupBox(tr("位置（坐标）"))
        loc = venue.location
        self.lat = QLineEdit(f"{loc.lat:.6f}" if loc else "", objectName="editLat")
        self.lon = QLineEdit(f"{loc.lon:.6f}" if loc else "", objectName="editLon")
        self.lat.setPlaceholderText(tr("纬度，如 31.2304"))
        self.lon.setPlaceholderText(tr("经度，如 121.4737"))
        self.datum = QComboBox(objectName="editDatum")
        for key, label in datum_labels().items():
            self.datum.addItem(label, key)
        self._shown_coords = (self.lat.text(), self.lon.text())
        ll = QFormLayout(loc_box)
        ll.addRow(tr("纬度"), self.lat)
        ll.addRow(tr("经度"), self.lon)
        ll.addRow(tr("坐标系"), self.datum)

        self.history = QPlainTextEdit(venue.history or "")
        self.history.setMaximumHeight(90)
        self.checked = QDateEdit(QDate.currentDate(), calendarPopup=True)
        self.checked.setDisplayFormat("yyyy-MM-dd")
        self.how = QComboBox(objectName="checkHow", editable=True)
        self.how.addItem("")
        for method in CHECK_METHODS:
            self.how.addItem(method_labels().get(method, method), method)
        self.by = QLineEdit(objectName="checkBy")
        self.by.setPlaceholderText(tr("核对人，如：王老师"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("如：接线人李老师，确认周一闭馆"))
        confirm_box = QGroupBox(tr("核对无误（内容不变，只记录核对）"))
        self.confirm_boxes: dict[str, QCheckBox] = {}
        cl = QGridLayout(confirm_box)
        for i, (fact, label) in enumerate(self._confirmable().items()):
            box = QCheckBox(label, objectName=f"confirm_{fact}")
            self.confirm_boxes[fact] = box
            cl.addWidget(box, i // 4, i % 4)

        form = QFormLayout()
        form.addRow(tr("地址"), self.address)
        form.addRow(tr("区"), self.district)
        form.addRow(tr("电话"), self.phone)
        form.addRow(tr("费用"), self.fee)
        form.addRow(tr("建议参观时长"), self.visit)
        form.addRow(tr("团队人数上限"), self.max_group)
        form.addRow(tr("简介"), self.history)

        bottom = QFormLayout()
        bottom.addRow(tr("核对日期"), self.checked)
        bottom.addRow(tr("核对方式"), self.how)
        bottom.addRow(tr("核对人"), self.by)
        bottom.addRow(tr("说明"), self.note)

        self.error = QLabel(objectName="editError")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        buttons = ok_cancel(self, self._try_accept, QDialogButtonBox.StandardButton.Save)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(hours_box)
        right.addWidget(res_box)
        left.addWidget(loc_box)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                tr("修改和核对只保存在本机数据库中，目录更新时不会被覆盖；详情中会标明“本地修改”和“核对”。")
            )
        )
        layout.addLayout(columns)
        layout.addWidget(confirm_box)
        layout.addLayout(bottom)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    @staticmethod
    def _spin(value: int | None, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(minimum=low, maximum=high, suffix=suffix)
        spin.setSpecialValueText(tr("待核实"))  # 0 shows as unknown
        spin.setValue(value or 0)
        return spin

    # --- result --------------------------------------------------------------------------------------
    @property
    def checked_date(self) -> date:
        return self.checked.date().toPython()  # type: ignore[no-any-return]

    @property
    def note_text(self) -> str:
        return self.note.text().strip()

    @property
    def checked_by(self) -> str:
        return self.by.text().strip()

    @property
    def checked_how(self) -> str:
        """The method as stored: the Chinese name for a listed method, or what staff typed."""
        index = self.how.findText(self.how.currentText())
        data = self.how.itemData(index) if index >= 0 else None
        return str(data or self.how.currentText()).strip()

    @staticmethod
    def _confirmable() -> dict[str, str]:
        return {
            "address": tr("地址"), "district": tr("区"), "location": tr("坐标"), "hours": tr("开放时间"),
            "reservation": tr("预约"), "phone": tr("电话"), "fee": tr("费用"), "max_group_size": tr("团队人数上限"),
        }  # fmt: skip

    def confirmed_facts(self) -> list[str]:
        """Facts ticked as checked and found right (a fact that was also edited counts as a correction)."""
        changed = self.changed_facts()
        return [f for f, box in self.confirm_boxes.items() if box.isChecked() and f not in changed]

    def edited_location(self) -> dict[str, Any] | None:
        return parse_coordinates(self.lat.text(), self.lon.text(), self.datum.currentData())

    def _location_changed(self) -> bool:
        shown = (self.lat.text().strip(), self.lon.text().strip())
        return shown != self._shown_coords or self.datum.currentData() != "WGS-84"

    def edited_facts(self) -> dict[str, Any]:
        """All editable facts in the catalogue's plain shape; raises ValueError on bad input."""
        closed = [d for d, box in self.closed_days.items() if box.isChecked()]
        hours: dict[str, Any] | None = None
        if self.hours_known.isChecked():
            open_days = [d for d in range(1, 8) if d not in closed]
            old = self.venue.hours
            hours = {
                "periods": parse_periods(self.periods.text(), open_days),
                "closed_weekdays": closed,
                "open_on_public_holidays": self.holiday_open.isChecked(),
                "all_day": bool(old and old.all_day and not self.periods.text().strip()),
                "closed_note": old.closed_note if old else "",
                "note": old.note if old else "",
            }
        required = self.res_required.currentData()
        reservation: dict[str, Any] = {}
        if required is not None:
            reservation["required"] = required
        if self.res_lead.value():
            reservation["lead_days"] = self.res_lead.value()
        if self.res_how.text().strip():
            reservation["how"] = self.res_how.text().strip()
        if self.venue.reservation and reservation:
            reservation["note"] = self.venue.reservation.note
        return {
            "address": self.address.text().strip() or None,
            "district": self.district.currentData(),
            "phone": self.phone.text().strip() or None,
            "fee": self.fee.text().strip() or None,
            "visit_minutes": self.visit.value() or None,
            "max_group_size": self.max_group.value() or None,
            "history": self.history.toPlainText().strip() or None,
            "hours": hours,
            "reservation": reservation or None,
            "location": self.edited_location(),
        }

    def changed_facts(self) -> dict[str, Any]:
        from redtour.core.catalogue import fact_to_plain, parse_fact

        changed = {}
        for fact, value in self.edited_facts().items():
            before = getattr(self.venue, fact)
            if fact == "location":
                same = not self._location_changed()
            elif fact == "hours":
                same = hours_to_dict(parse_fact(fact, value)) == hours_to_dict(before)
            else:
                same = fact_to_plain(fact, parse_fact(fact, value)) == fact_to_plain(fact, before)
            if not same:
                changed[fact] = value
        return changed

    def _try_accept(self) -> None:
        try:
            self.changed_facts()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
