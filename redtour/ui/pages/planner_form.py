"""The planner's form: start and end (named map points, saved places), the chosen venues, and the request
they make (PlannerPage supplies the widgets, ``venues``, ``places``, ``geocoder`` and the undo helpers)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time
from typing import Any, cast

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QComboBox, QWidget

from redtour.core.places import GeocodeError, resolve_place
from redtour.core.planner import Lunch, Place, PlanError, PlanRequest, StopRequest
from redtour.core.travel import Mode
from redtour.ui.dialogs.places_dialog import PlacesDialog
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error
from redtour.ui.operations import QueryOp, WriteOp
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
    start: QComboBox
    end: QComboBox
    status: Any
    _busy: bool

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
        place = Place(name, lat, lon)
        select_place(combo, place)
        if keep:  # saved on the writer thread; the boxes list it when that is done

            def kept(saved: Place) -> None:
                self._refill_places()
                select_place(combo, saved)

            WriteOp(self, lambda: self.places.save(name, lat, lon)).success(kept).failure(  # type: ignore[arg-type]
                lambda exc: show_error(self, tr("保存常用地点失败：{0}").format(exc))  # type: ignore[arg-type]
            ).run_in_background()
        return True

    def _refill_places(self, renamed: dict[str, str] | None = None) -> None:
        """The boxes after the saved places changed; a box showing a renamed place shows its new name."""
        chosen = []
        for combo in (self.start, self.end):
            place = combo.currentData()
            if isinstance(place, Place) and place.venue_id is None and renamed and place.name in renamed:
                place = Place(renamed[place.name], place.lat, place.lon)
            chosen.append(place)
        saved = self.places.list_places()
        fill_place_combo(self.start, saved, self.venues.values())
        fill_place_combo(self.end, saved, self.venues.values(), none_text=tr("返回出发地"))
        select_place(self.start, chosen[0])
        select_place(self.end, chosen[1])

    def look_up_addresses(self, then: Callable[[], None]) -> bool:
        """Addresses typed in the start/end boxes go to the geocoder off the GUI thread (a slow or absent
        network must not freeze the window); ``then`` runs once both boxes hold places. False when there is
        nothing to look up, and the caller goes on at once."""
        geocoder = self.geocoder
        if geocoder is None:
            return False
        venues, saved = list(self.venues.values()), self.places.list_places()
        pending = []
        for combo in (self.start, self.end):
            text, index = combo.currentText().strip(), combo.currentIndex()
            if not text or (index >= 0 and combo.itemText(index) == combo.currentText()):
                continue
            try:
                resolve_place(text, venues, None, saved)
            except GeocodeError:  # only the geocoder can tell
                pending.append((combo, text))
            except LookupError:
                continue  # request() reports it
        if not pending:
            return False
        self._busy = True
        self.status.emit(tr("正在查询地址…"))

        def done(places: list[Place]) -> None:
            self._busy = False
            for (combo, _text), place in zip(pending, places, strict=True):
                select_place(combo, place)
            then()

        def failed(exc: BaseException) -> None:
            self._busy = False
            show_error(cast(QWidget, self), str(exc) if isinstance(exc, GeocodeError) else repr(exc))

        QueryOp(
            cast(QWidget, self), lambda: [resolve_place(t, venues, geocoder, saved) for _c, t in pending]
        ).success(done).failure(failed).run_in_background()
        return True

    def manage_places(self) -> PlacesDialog:
        """常用地点…: rename or delete saved places; the start and end boxes follow."""
        dialog = PlacesDialog(self.places, cast(QWidget, self))  # the mixin lives on PlannerPage
        dialog.finished.connect(lambda _r: self._refill_places(dialog.renamed))
        dialog.open()
        return dialog

    # --- the chosen venues ---------------------------------------------------------------------------
    def add_venue(self, venue_id: str, *, must: bool = True, visit_min: int | None = None) -> None:
        if venue_id not in self.venues or venue_id in self._stop_ids():
            return
        before = self.state()
        self._append_stop_row(StopRequest(self.venues[venue_id], must, visit_min))
        self._push(before, tr("加入场馆"))

    def _append_stop_row(self, stop: StopRequest) -> None:
        self.stop_model.append(stop)

    def _add_picked(self, venue_id: str) -> None:
        if venue_id in self._stop_ids():
            self.picker.say(tr("{0} 已在参观场馆中。").format(self.venues[venue_id].name_zh))
            return
        self.add_venue(venue_id)
        self.status.emit(tr("已加入 {0}").format(self.venues[venue_id].name_zh))

    def _remove_selected(self) -> None:
        rows = {i.row() for i in self.stops.selectionModel().selectedIndexes()}
        if not rows:
            return
        before = self.state()
        self.stop_model.remove(rows)
        self._push(before, tr("移除场馆"))

    def _stop_ids(self) -> list[str]:
        return self.stop_model.venue_ids()

    def _stop_requests(self) -> tuple[StopRequest, ...]:
        return self.stop_model.stop_requests()

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
        self.stop_model.set_stops(req.stops)
