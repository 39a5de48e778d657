"""The planner's form: start and end (named map points, saved places), the chosen venues, and the request
they make (PlannerPage supplies the widgets, ``venues``, ``places``, ``geocoder`` and the undo helpers)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QTableWidgetItem

from redtour.core.places import GeocodeError
from redtour.core.planner import DEFAULT_VISIT_MIN, Lunch, Place, PlanError, PlanRequest, StopRequest
from redtour.core.travel import Mode
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error
from redtour.ui.operations import WriteOp
from redtour.ui.pages.place_inputs import ask_place_name, combo_place, fill_place_combo, select_place


def _qtime(t: time) -> QTime:
    return QTime(t.hour, t.minute)


def _pytime(q: QTime) -> time:
    return time(q.hour(), q.minute())


class PlannerFormMixin:
    venues: Any
    places: Any
    geocoder: Any
    holidays: Any

    def set_start_point(self, lat: float, lon: float) -> None:
        """“从这里出发” on the map: named by the user (printed as 集合地点), saved as a place if asked."""
        if self._map_point(self.start, lat, lon):
            self.status.emit(tr("出发地已设为“{0}”").format(self.start.currentText()))

    def set_end_point(self, lat: float, lon: float) -> None:
        if self._map_point(self.end, lat, lon):
            self.status.emit(tr("结束地已设为“{0}”").format(self.end.currentText()))

    def _map_point(self, combo: QComboBox, lat: float, lon: float) -> bool:
        answer = ask_place_name(self, lat, lon)
        if answer is None:
            return False
        name, keep = answer
        select_place(combo, Place(name, lat, lon))
        if keep:  # saved on the writer thread; the combos list it when that is done

            def kept(place: Place) -> None:
                start, end = self.start.currentData(), self.end.currentData()
                saved = self.places.list_places()
                fill_place_combo(self.start, saved, self.venues.values())
                fill_place_combo(self.end, saved, self.venues.values(), none_text=tr("返回出发地"))
                select_place(self.start, start)
                select_place(self.end, end)
                select_place(combo, place)

            WriteOp(self, lambda: self.places.save(name, lat, lon)).success(kept).failure(  # type: ignore[arg-type]
                lambda exc: show_error(self, tr("保存常用地点失败：{0}").format(exc))  # type: ignore[arg-type]
            ).run_in_background()
        return True

    # --- the chosen venues ---------------------------------------------------------------------------
    def add_venue(self, venue_id: str, *, must: bool = True, visit_min: int | None = None) -> None:
        if venue_id not in self.venues or venue_id in self._stop_ids():
            return
        before = self.state()
        self._append_stop_row(StopRequest(self.venues[venue_id], must, visit_min))
        self._push(before, tr("加入场馆"))

    def _append_stop_row(self, stop: StopRequest) -> None:
        row = self.stops.rowCount()
        self.stops.insertRow(row)
        name = QTableWidgetItem(stop.venue.name_zh)
        name.setData(Qt.ItemDataRole.UserRole, stop.venue.id)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.stops.setItem(row, 0, name)
        must = QCheckBox(objectName="mustCheck", checked=stop.must)
        self.stops.setCellWidget(row, 1, must)
        minutes = QSpinBox(minimum=10, maximum=480, singleStep=5, value=stop.minutes)
        self.stops.setCellWidget(row, 2, minutes)

    def _add_picked(self, venue_id: str) -> None:
        if venue_id in self._stop_ids():
            self.picker.say(tr("{0} 已在参观场馆中。").format(self.venues[venue_id].name_zh))
            return
        self.add_venue(venue_id)
        self.status.emit(tr("已加入 {0}").format(self.venues[venue_id].name_zh))

    def _remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.stops.selectedIndexes()}, reverse=True)
        if not rows:
            return
        before = self.state()
        for r in rows:
            self.stops.removeRow(r)
        self._push(before, tr("移除场馆"))

    def _stop_ids(self) -> list[str]:
        return [
            str(self.stops.item(r, 0).data(Qt.ItemDataRole.UserRole)) for r in range(self.stops.rowCount())
        ]

    def _stop_requests(self) -> tuple[StopRequest, ...]:
        out = []
        for r in range(self.stops.rowCount()):
            venue = self.venues[str(self.stops.item(r, 0).data(Qt.ItemDataRole.UserRole))]
            must = self.stops.cellWidget(r, 1).isChecked()  # type: ignore[attr-defined]
            minutes = self.stops.cellWidget(r, 2).value()  # type: ignore[attr-defined]
            default = venue.visit_minutes or DEFAULT_VISIT_MIN
            out.append(StopRequest(venue, must, None if minutes == default else minutes))
        return tuple(out)

    def request(self, *, optimize: bool = True) -> PlanRequest:
        try:
            start = combo_place(self.start, self.venues.values(), self.places.list_places(), self.geocoder)
            end = combo_place(self.end, self.venues.values(), self.places.list_places(), self.geocoder)
        except (GeocodeError, LookupError) as exc:
            raise PlanError([str(exc)]) from exc
        if start is None:
            raise PlanError([tr("请选择出发地")])
        lunch = None
        if self.lunch_on.isChecked():
            lunch = Lunch(
                _pytime(self.lunch_from.time()), _pytime(self.lunch_to.time()), self.lunch_min.value()
            )
        qd = self.day.date()
        return PlanRequest(
            day=date(qd.year(), qd.month(), qd.day()),
            start=start,
            end=end if isinstance(end, Place) else None,
            stops=self._stop_requests(),
            start_time=_pytime(self.start_time.time()),
            return_by=_pytime(self.return_by.time()),
            group_size=self.group_size.value(),
            mode=Mode(self.mode.currentData()),
            lunch=lunch,
            optimize=optimize,
            holidays=self.holidays,
        )

    def _show_request(self, req: PlanRequest) -> None:
        self.day.setDate(QDate(req.day.year, req.day.month, req.day.day))
        select_place(self.start, req.start)
        select_place(self.end, req.end)
        self.start_time.setTime(_qtime(req.start_time))
        self.return_by.setTime(_qtime(req.return_by))
        self.group_size.setValue(req.group_size)
        self.mode.setCurrentIndex(max(0, self.mode.findData(str(req.mode))))
        self.lunch_on.setChecked(req.lunch is not None)
        if req.lunch is not None:
            self.lunch_from.setTime(_qtime(req.lunch.earliest))
            self.lunch_to.setTime(_qtime(req.lunch.latest_end))
            self.lunch_min.setValue(req.lunch.minutes)
        self.stops.setRowCount(0)
        for stop in req.stops:
            self._append_stop_row(stop)
