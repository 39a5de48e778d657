"""The planner page: build a group's day, optimise or order it by hand, save it; the route goes to the map."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.core.places import Geocoder, geocoder_from_spec
from redtour.core.planner import (
    Plan,
    PlanError,
    PlanRequest,
    plan_day,
    reorder,
)
from redtour.core.travel import MODE_ZH, Mode
from redtour.mapping.protocol import Route
from redtour.mapping.route import route_of_plan
from redtour.storage.places import PlaceRepository
from redtour.storage.plans import PlanRepository
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error
from redtour.ui.models.itinerary_model import ItineraryModel
from redtour.ui.models.stop_list_model import MinutesDelegate, StopListModel
from redtour.ui.operations import QueryOp
from redtour.ui.pages.itinerary_moves import ItineraryMoves
from redtour.ui.pages.place_inputs import fill_place_combo
from redtour.ui.pages.planner_form import PlannerFormMixin
from redtour.ui.pages.planner_plans import SavedPlansMixin
from redtour.ui.pages.planner_sheet import PlannerSheetMixin
from redtour.ui.pages.share_actions import PlannerShareBase, share_button
from redtour.ui.settings import Settings
from redtour.ui.venue_html import holiday_missing_text
from redtour.ui.widgets.venue_picker import VenuePicker

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PlannerState:
    """What undo restores: the request being edited and the plan computed from it (if any)."""

    request: PlanRequest
    plan: Plan | None


class _Snapshot(QUndoCommand):
    def __init__(self, page: PlannerPage, before: PlannerState, after: PlannerState, text: str) -> None:
        super().__init__(text)
        self.page, self.before, self.after = page, before, after

    def redo(self) -> None:
        self.page._restore(self.after)

    def undo(self) -> None:
        self.page._restore(self.before)


class PlannerPage(PlannerFormMixin, PlannerSheetMixin, SavedPlansMixin, PlannerShareBase):
    routeChanged = Signal(object)  # Route | None
    status = Signal(str)

    def __init__(
        self, plans: PlanRepository, parent: QWidget | None = None, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("plannerPage")
        self.plans = plans
        self.venues: dict[str, Venue] = {}
        self.holidays: HolidayCalendar | None = None
        self.plan: Plan | None = None
        self.current_id: int | None = None
        self.undo = QUndoStack(self)
        self._busy = False
        self._restoring = False

        # --- saved plans ---------------------------------------------------------------------------
        self.plan_combo = QComboBox(objectName="planCombo")
        self.plan_combo.setMinimumContentsLength(16)
        buttons = {}
        plan_bar = QHBoxLayout()
        plan_bar.addWidget(QLabel(tr("行程")))
        plan_bar.addWidget(self.plan_combo, 1)
        for key, text in (
            ("new", tr("新建")),
            ("save", tr("保存")),
            ("save_as", tr("另存为")),
            ("duplicate", tr("复制")),
            ("rename", tr("重命名")),
            ("delete", tr("删除")),
        ):
            buttons[key] = QPushButton(text, objectName=f"plan_{key}")
            plan_bar.addWidget(buttons[key])
        self.buttons = buttons

        # --- inputs ----------------------------------------------------------------------------------
        self.day = QDateEdit(QDate.currentDate(), calendarPopup=True, objectName="planDate")
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.places = PlaceRepository(plans.db)
        self.geocoder: Geocoder | None = None  # addresses in the start/end boxes (Settings ▸ 地图)
        self.use_geocoder(settings)
        self.start = QComboBox(objectName="planStart")
        self.end = QComboBox(objectName="planEnd")
        for combo in (self.start, self.end):
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.lineEdit().setPlaceholderText(tr("常用地点、场馆、“纬度,经度”或地址"))
        self.start_time = QTimeEdit(QTime(9, 0), objectName="planStartTime")
        self.return_by = QTimeEdit(QTime(17, 0), objectName="planReturnBy")
        for edit in (self.start_time, self.return_by):
            edit.setDisplayFormat("HH:mm")
        self.group_size = QSpinBox(objectName="planGroupSize", minimum=1, maximum=2000, value=30)
        self.group_size.setSuffix(tr(" 人"))
        self.mode = QComboBox(objectName="planMode")
        labels = {Mode.COACH: tr("包车"), Mode.METRO: tr("地铁+步行"), Mode.WALK: tr("步行")}
        for mode in Mode:
            self.mode.addItem(labels.get(mode, MODE_ZH[mode]), str(mode))
        self.lunch_on = QCheckBox(tr("午餐"), objectName="planLunch", checked=True)
        self.lunch_from = QTimeEdit(QTime(11, 30))
        self.lunch_to = QTimeEdit(QTime(13, 30))
        for edit in (self.lunch_from, self.lunch_to):
            edit.setDisplayFormat("HH:mm")
        self.lunch_min = QSpinBox(minimum=15, maximum=180, value=60, singleStep=15)
        self.lunch_min.setSuffix(tr(" 分钟"))
        lunch_row = QHBoxLayout()
        for w in (self.lunch_on, self.lunch_from, QLabel("–"), self.lunch_to, self.lunch_min):
            lunch_row.addWidget(w)
        lunch_row.addStretch(1)
        form_box = QGroupBox(tr("出行安排"))
        form = QFormLayout(form_box)
        form.addRow(tr("日期"), self.day)
        self.places_button = QPushButton(tr("常用地点…"))
        self.places_button.setObjectName("planPlaces")
        self.places_button.setToolTip(tr("重命名或删除保存的常用地点"))
        start_row = QHBoxLayout()
        start_row.addWidget(self.start, 1)
        start_row.addWidget(self.places_button)
        form.addRow(tr("出发地"), start_row)
        form.addRow(tr("结束地"), self.end)
        times = QHBoxLayout()
        for w in (self.start_time, QLabel(tr("出发，最晚")), self.return_by, QLabel(tr("返回"))):
            times.addWidget(w)
        times.addStretch(1)
        form.addRow(tr("时间"), times)
        form.addRow(tr("人数"), self.group_size)
        form.addRow(tr("交通方式"), self.mode)
        form.addRow(tr("午休"), lunch_row)

        # --- chosen venues -------------------------------------------------------------------------
        self.stop_model = StopListModel(lambda: self.venues, self)
        self.stops = QTableView(objectName="planStops")
        self.stops.setModel(self.stop_model)
        self.stops.setItemDelegateForColumn(StopListModel.MINUTES, MinutesDelegate(self.stops))
        self.stops.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.stops.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (StopListModel.MUST, StopListModel.MINUTES):
            self.stops.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.stops.verticalHeader().setVisible(False)
        self.stops.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.picker = VenuePicker()
        self.add_button = self.picker.button
        self.add_button.setObjectName("planAddButton")
        self.remove_button = QPushButton(tr("移除"), objectName="planRemoveButton")
        add_row = QHBoxLayout()
        add_row.addWidget(self.picker, 1)
        add_row.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        stops_box = QGroupBox(tr("参观场馆"))
        stops_layout = QVBoxLayout(stops_box)
        stops_layout.addLayout(add_row)
        stops_layout.addWidget(self.stops)

        self.optimize_button = QPushButton(tr("优化顺序"), objectName="planOptimize")
        self.optimize_button.setToolTip(tr("在开放时间、午餐和返回时间内，选出交通时间最少的参观顺序"))
        self.compute_button = QPushButton(tr("按列表顺序计算"), objectName="planCompute")
        self.print_button = QPushButton(tr("打印行程单…"), objectName="planPrint")
        self.pdf_button = QPushButton(tr("导出行程单 PDF…"), objectName="planPdf")
        self.undo_button = QPushButton(tr("撤销"), objectName="planUndo")
        self.redo_button = QPushButton(tr("重做"), objectName="planRedo")
        self.share_button = share_button(self)  # 长图, .ics, .gpx/.kml
        run_row = QHBoxLayout()
        for w in (
            self.optimize_button,
            self.compute_button,
            self.print_button,
            self.pdf_button,
            self.share_button,
        ):
            run_row.addWidget(w)
        run_row.addStretch(1)
        run_row.addWidget(self.undo_button)
        run_row.addWidget(self.redo_button)

        # --- itinerary -----------------------------------------------------------------------------
        self.model = ItineraryModel(self)
        self.table = QTableView(objectName="itineraryTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(objectName="planSummary", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(plan_bar)
        inputs = QHBoxLayout()
        inputs.addWidget(form_box, 1)
        inputs.addWidget(stops_box, 1)
        top_layout.addLayout(inputs)
        top_layout.addLayout(run_row)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        self.moves = ItineraryMoves(self.table, self.model)
        bottom_layout.addWidget(self.moves)
        bottom_layout.addWidget(self.moves.common)
        bottom_layout.addWidget(self.table, 1)
        bottom_layout.addWidget(self.summary)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="plannerSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._connect()

    def _connect(self) -> None:
        b = self.buttons
        b["new"].clicked.connect(self.new_plan)
        b["save"].clicked.connect(self.save)
        b["save_as"].clicked.connect(lambda: self.save(as_new=True))
        b["duplicate"].clicked.connect(self.duplicate)
        b["rename"].clicked.connect(self.rename)
        b["delete"].clicked.connect(self.delete)
        self.plan_combo.activated.connect(lambda _i: self.open_plan(self.plan_combo.currentData()))
        self.picker.picked.connect(self._add_picked)
        self.places_button.clicked.connect(lambda: self.manage_places())
        self.day.dateChanged.connect(lambda d: self.picker.set_day(d.toPython()))
        self.remove_button.clicked.connect(self._remove_selected)
        self.optimize_button.clicked.connect(lambda: self.compute(optimize=True))
        self.compute_button.clicked.connect(lambda: self.compute(optimize=False))
        self.print_button.clicked.connect(self.print_sheet)
        self.pdf_button.clicked.connect(lambda: self.export_sheet_pdf())
        self.undo_button.clicked.connect(self.undo.undo)
        self.redo_button.clicked.connect(self.undo.redo)
        self.undo.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.model.orderChanged.connect(self.reorder)
        QShortcut(
            QKeySequence.StandardKey.Undo,
            self,
            self.undo.undo,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence.StandardKey.Redo,
            self,
            self.undo.redo,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    # --- catalogue and places ------------------------------------------------------------------------
    def use_geocoder(self, settings: Settings | None) -> None:
        """The online geocoder as set in Settings (None, the default, keeps addresses off the network)."""
        spec = settings.geocoder_spec() if settings is not None else None
        self.geocoder = geocoder_from_spec(spec) if spec else None

    def set_holidays(self, holidays: HolidayCalendar) -> None:
        """The holiday schedule plans are made with (the next plan uses it)."""
        self.holidays = holidays
        self.picker.set_venues(list(self.venues.values()), holidays)

    def set_venues(self, venues: list[Venue]) -> None:
        self.venues = {v.id: v for v in venues}
        saved = self.places.list_places()
        fill_place_combo(self.start, saved, venues)
        fill_place_combo(self.end, saved, venues, none_text=tr("返回出发地"))
        self.picker.set_venues(venues, self.holidays)
        self.picker.set_day(self.day.date().toPython())
        self.refresh_plans()

    def venues_changed(self, venues: list[Venue]) -> None:
        """A venue was corrected: new windows for the shown plan at once, in its order (no undo step)."""
        self.set_venues(venues)
        plan = self.plan
        if plan is None:
            return
        stops = tuple(
            replace(s, venue=self.venues[s.venue.id]) for s in plan.request.stops if s.venue.id in self.venues
        )
        order = [s.venue.id for s in plan.stops]
        try:
            fresh = reorder(replace(plan, request=replace(plan.request, stops=stops)), order)
        except PlanError as exc:
            self._set_plan(None)
            self.summary.setText(tr("无法安排行程：") + "；".join(exc.reasons))
            return
        self._set_plan(fresh)

    # --- request ⇄ form ------------------------------------------------------------------------------
    def state(self) -> PlannerState | None:
        try:
            return PlannerState(self.request(), self.plan)
        except PlanError:
            return None

    def _restore(self, state: PlannerState | None) -> None:
        if state is None:
            return
        self._restoring = True
        try:
            self._show_request(state.request)
            self._set_plan(state.plan)
        finally:
            self._restoring = False

    def _push(self, before: PlannerState | None, text: str) -> None:
        after = self.state()
        if before is None or after is None:
            return
        self.undo.push(_Snapshot(self, before, after, text))

    # --- planning ------------------------------------------------------------------------------------
    def compute(self, *, optimize: bool) -> None:
        """Optimise (in the background) or compute the times in the list's order."""
        if self._busy or self.look_up_addresses(lambda: self.compute(optimize=optimize)):
            return
        try:
            req = self.request(optimize=optimize)
        except PlanError as exc:
            show_error(self, "\n".join(exc.reasons))
            return
        if not req.stops:
            show_error(self, tr("请先加入至少一个场馆。"))
            return
        before = self.state()
        self._busy = True
        self.optimize_button.setEnabled(False)
        self.compute_button.setEnabled(False)
        self.status.emit(tr("正在计算行程…"))

        def done(plan: Plan) -> None:
            self._finish()
            self._set_plan(plan)
            self._push(before, tr("优化顺序") if optimize else tr("计算时间"))
            self.status.emit(tr("行程已更新"))

        def failed(exc: BaseException) -> None:
            self._finish()
            if isinstance(exc, PlanError):
                self.summary.setText(tr("无法安排行程：") + "；".join(exc.reasons))
                QMessageBox.warning(self, tr("无法安排行程"), "\n".join(exc.reasons))
            else:
                log.error("planning failed", exc_info=exc)
                show_error(self, tr("计算行程时出错：{0}").format(exc))

        QueryOp(self, lambda: plan_day(req)).success(done).failure(failed).run_in_background()

    def _finish(self) -> None:
        self._busy = False
        self.optimize_button.setEnabled(True)
        self.compute_button.setEnabled(True)

    def reorder(self, venue_ids: list[str]) -> None:
        """A dragged row: the same stops in the new order, times recomputed at once (a fast simulation)."""
        if self.plan is None:
            return
        before = self.state()
        plan = reorder(self.plan, venue_ids)
        # the stop list follows the new order
        by_id = {s.venue.id: s for s in self._stop_requests()}
        rest = [s for v, s in by_id.items() if v not in venue_ids]
        self.stop_model.set_stops([*(by_id[v] for v in venue_ids), *rest])
        self._set_plan(plan)
        self._push(before, tr("调整顺序"))

    def _set_plan(self, plan: Plan | None) -> None:
        self.plan = plan
        self.model.set_plan(plan)
        self.summary.setText(self._summary_text(plan))
        self.routeChanged.emit(None if plan is None else self._route(plan))

    def _route(self, plan: Plan) -> Route:
        return route_of_plan(plan, self._route_title())

    def _summary_text(self, plan: Plan | None) -> str:
        if plan is None:
            return ""
        parts = [
            tr("返回 {0}，交通共 {1} 分钟、{2:.1f} 公里").format(
                f"{plan.back:%H:%M}", plan.total_travel_min, plan.total_distance_km
            )
        ]
        if plan.lunch:
            parts.append(tr("午餐 {0}–{1}").format(f"{plan.lunch[0]:%H:%M}", f"{plan.lunch[1]:%H:%M}"))
        parts.append(
            tr("已证明最优")
            if plan.optimal
            else tr("按给定顺序")
            if not plan.request.optimize
            else tr("启发式结果")
        )
        text = "；".join(parts)
        year = plan.request.day.year
        if plan.request.holidays is None or not plan.request.holidays.known(year):
            text += "\n• " + holiday_missing_text(year)  # the day as a whole, as on the list and the map
        if plan.warnings:
            text += "\n" + "\n".join("• " + w for w in plan.warnings)
        return text
