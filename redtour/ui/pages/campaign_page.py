"""活动: a campaign's requests, the venue × day calendar of load against capacity, bookings and progress.

Scheduling runs off the GUI thread (ui/operations.py) with progress and a stop button; stopping keeps the best
schedule found so far, which is saved like any other.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redtour.core.calendar import WEEKDAY_ZH
from redtour.core.campaign_load import Visit, load_grid
from redtour.i18n import _ as gettext
from redtour.storage.campaign_bookings import Booking, bookings, set_state
from redtour.storage.campaign_closures import closed_days
from redtour.storage.campaign_progress import progress
from redtour.storage.campaigns import Campaign, CampaignRepository, CampaignRequest
from redtour.storage.database import Database
from redtour.storage.holidays import load_calendar
from redtour.storage.venues import VenueRepository
from redtour.ui import file_dialogs
from redtour.ui.dialogs.campaign_dialog import CampaignDialog
from redtour.ui.i18n import tr
from redtour.ui.lazy_refresh import LazyRefresh
from redtour.ui.messages import show_error, show_info
from redtour.ui.operations import QueryOp, Task, WriteOp
from redtour.ui.pages.campaign_edits import CampaignEdits

COLOURS = {"closed": "#d9d9d9", "empty": "#ffffff", "ok": "#c8e6c9", "full": "#ffe0a3", "over": "#f4a6a6"}


def _item(text: object, tooltip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(str(text))
    if tooltip:
        item.setToolTip(tooltip)
    return item


def _table(name: str, headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers), objectName=name)
    t.setHorizontalHeaderLabels(headers)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.verticalHeader().setVisible(False)
    return t


class CampaignPage(CampaignEdits):
    status = Signal(str)
    routeChanged = Signal(object)  # Route: a scheduled group's day, for the map

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignPage")
        self.db = db
        self.holidays = load_calendar(db)  # the main window passes a fresh one when staff enter a year
        self.repo = CampaignRepository(db)
        self.campaign: Campaign | None = None
        self.items: list[Booking] = []
        self._stop: Task | None = None  # the solver under way: its cancel flag and progress
        self.lazy = LazyRefresh(self, self.reload, kinds=frozenset({"campaigns", "venues", "holidays"}), stale=True)

        self.chooser = QComboBox(objectName="campaignChooser")
        self.chooser.setMinimumWidth(180)
        self.chooser.currentIndexChanged.connect(self._chosen)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(tr("活动")))
        buttons.addWidget(self.chooser)
        for text, slot, name in (
            (tr("新建活动…"), self.new_campaign, "campaignNew"),
            (tr("修改活动…"), self.edit_campaign, "campaignEdit"),
            (tr("导入报名表…"), self.import_requests, "campaignImport"),
            (tr("下载报名表模板…"), self.save_template, "campaignTemplate"),
        ):
            b = QPushButton(text, objectName=name)
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.schedule_button = QPushButton(tr("排程"), objectName="campaignSchedule")
        self.schedule_button.clicked.connect(self.run_schedule)
        self.stop_button = QPushButton(tr("停止"), objectName="campaignStop", enabled=False)
        self.stop_button.clicked.connect(self.stop)
        buttons.addWidget(self.schedule_button)
        buttons.addWidget(self.stop_button)

        self.summary = QLabel(objectName="campaignSummary")
        self.summary.setWordWrap(True)
        self.target = QProgressBar(objectName="campaignTarget")
        self.target.setFormat(tr("完成 %p%"))
        head = QHBoxLayout()
        head.addWidget(self.summary, 3)
        head.addWidget(self.target, 1)
        self.solver_status = QLabel(objectName="campaignSolverStatus")

        self.requests = _table("campaignRequests", [tr("工会"), tr("团队"), tr("人数"), tr("日期范围"), tr("必去场馆"),
                                                    tr("排定")])  # fmt: skip
        self.requests.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.requests.setToolTip(tr("双击团队，在地图上显示其路线；右键可打印行程单"))
        self.requests.cellDoubleClicked.connect(lambda row, _col: self.show_route(row))
        self.requests.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.requests.customContextMenuRequested.connect(self.requests_menu)
        self._reqs: list[CampaignRequest] = []
        self.grid = QTableWidget(0, 0, objectName="campaignGrid")
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.horizontalHeader().setDefaultSectionSize(46)
        self.booking_table = _table("campaignBookings", [tr("编号"), tr("日期"), tr("到达"), tr("场馆"), tr("团队"),
                                                         tr("人数"), tr("状态"), tr("提醒")])  # fmt: skip
        header = self.booking_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        state_row = QHBoxLayout()
        for state, label in (
            ("已预约", tr("标为已预约…")),
            ("已确认", tr("标为已确认")),
            ("已取消", tr("标为已取消")),
            ("待预约", tr("退回待预约")),
        ):
            b = QPushButton(label, objectName=f"booking_{state}")
            b.clicked.connect(lambda _=False, s=state: self.change_state(s))
            state_row.addWidget(b)
        state_row.addStretch(1)
        bookings_box = QWidget()
        bl = QVBoxLayout(bookings_box)
        bl.setContentsMargins(0, 0, 0, 0)
        bl.addWidget(self.booking_table)
        bl.addLayout(state_row)
        self.unions = _table("campaignUnions", [tr("工会"), tr("名额"), tr("报名"), tr("已排"), tr("已参加")])
        self.unions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.unions.setToolTip(tr("双击工会设置名额"))
        self.unions.cellDoubleClicked.connect(lambda row, _col: self.edit_quota(row))
        self.inner = QTabWidget(objectName="campaignTabs")
        self.inner.addTab(self._with_buttons(self.requests, (
            (tr("添加团队…"), self.add_request, "requestAdd"), (tr("修改团队…"), self.edit_request, "requestEdit"),
            (tr("撤回团队"), self.withdraw_request, "requestWithdraw"),
        )), tr("报名团队"))  # fmt: skip
        self._grid_venues: list[str] = []
        self._grid_names: dict[str, str] = {}
        self.grid.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.grid.customContextMenuRequested.connect(self.grid_menu)
        self.grid.verticalHeader().sectionDoubleClicked.connect(
            lambda row: self.edit_capacity(self._grid_venues[row] if row < len(self._grid_venues) else None)
        )
        self.inner.addTab(self._with_buttons(self.grid, (
            (tr("场馆容量…"), self.edit_capacity, "venueCapacity"),
        )), tr("场馆日历"))  # fmt: skip
        self.inner.addTab(bookings_box, tr("预约"))
        self.inner.addTab(self.unions, tr("进度"))

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addLayout(head)
        layout.addWidget(self.solver_status)
        layout.addWidget(self.inner, 1)

    @staticmethod
    def _with_buttons(table: QWidget, buttons: tuple[tuple[str, Any, str], ...]) -> QWidget:
        box, row = QWidget(), QHBoxLayout()
        for text, slot, name in buttons:
            b = QPushButton(text, objectName=name)
            b.clicked.connect(lambda _=False, f=slot: f())
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(table)
        layout.addLayout(row)
        return box

    # --- loading -----------------------------------------------------------------------------------
    def reload(self) -> None:
        current = self.campaign.id if self.campaign else None
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for c in self.repo.campaigns():
            self.chooser.addItem(f"{c.name}（{c.start:%m-%d}—{c.end:%m-%d}）", c.id)
        index = max(0, self.chooser.findData(current)) if current is not None else self.chooser.count() - 1
        self.chooser.setCurrentIndex(index)
        self.chooser.blockSignals(False)
        self._chosen()

    def _chosen(self) -> None:
        cid = self.chooser.currentData()
        self.campaign = next((c for c in self.repo.campaigns() if c.id == cid), None)
        self.refresh()

    def refresh(self) -> None:
        c = self.campaign
        for w in (self.schedule_button,):
            w.setEnabled(c is not None and self._stop is None)
        if c is None:
            self.summary.setText(tr("还没有活动：点“新建活动…”开始"))
            return
        prog = progress(self.db, c)
        self.summary.setText(
            tr("{0}：{1} 个团队，报名 {2} 人，已排 {3} 人，已参加 {4} 人").format(
                c.name, prog.groups, prog.requested, prog.scheduled, prog.attended
            )
            + (tr("；目标 {0} 人").format(c.target) if c.target else "")
        )
        self.target.setVisible(bool(c.target))
        self.target.setRange(0, c.target or 1)
        self.target.setValue(min(prog.attended, c.target or 0))
        self.unions.setRowCount(len(prog.unions))
        for r, u in enumerate(prog.unions):
            for col, v in enumerate(
                (u.name, "—" if u.quota is None else u.quota, u.requested, u.scheduled, u.attended)
            ):
                self.unions.setItem(r, col, _item(v))
        reqs = self.repo.requests(c.id)
        self.items = bookings(self.db, c.id, self.repo.capacities())
        self._fill_requests(reqs)
        self._fill_bookings()
        self._fill_grid(c, reqs)

    def _fill_requests(self, reqs: list[CampaignRequest]) -> None:
        venues = {v.id: v.name_zh for v in VenueRepository(self.db).list_venues(include_retired=True)}
        days: dict[int, set[date]] = {}
        for b in self.items:
            if b.state != "已取消":
                days.setdefault(b.request_id, set()).add(b.day)
        self._reqs = reqs
        self.requests.setRowCount(len(reqs))
        for r, q in enumerate(reqs):
            placed = "、".join(f"{d:%m-%d}" for d in sorted(days.get(q.id, ()))) or tr("未排")
            values = (q.union, q.name, q.people, f"{q.earliest:%m-%d}—{q.latest:%m-%d}",
                      "、".join(venues.get(v, v) for v in q.must), placed)  # fmt: skip
            for col, v in enumerate(values):
                self.requests.setItem(r, col, _item(v))

    def _fill_bookings(self) -> None:
        today = date.today()
        self.booking_table.setRowCount(len(self.items))
        for r, b in enumerate(self.items):
            warn = b.deadline_warning(today) or b.attendance_flag(today)
            venue = b.venue.split("——")[0]  # 湖州会馆——上海总工会遗址、…: the short name fits the column
            values = (b.id, f"{b.day:%m-%d}", f"{b.arrive:%H:%M}", venue, f"{b.union} {b.group}", b.people,
                      b.state, warn)  # fmt: skip
            for col, v in enumerate(values):
                self.booking_table.setItem(r, col, _item(v))
            if warn:
                self.booking_table.item(r, 7).setForeground(QBrush(QColor("#b00020")))

    def _fill_grid(self, c: Campaign, reqs: list[CampaignRequest]) -> None:
        used = list(dict.fromkeys(v for q in reqs for v in (*q.must, *q.optional)))
        caps = self.repo.capacities(used)
        venues = {v.id: v for v in VenueRepository(self.db).list_venues(include_retired=True)}
        days = [c.start + timedelta(days=k) for k in range((c.end - c.start).days + 1)]
        visits = [Visit(b.venue_id, b.day, b.arrive, b.depart, f"{b.union} {b.group} {b.people}人")
                  for b in self.items if b.state != "已取消"]  # fmt: skip
        grid = load_grid(visits, venues, caps, days, closed_days(self.db, c.id), self.holidays)
        rows = self._grid_venues = [v for v in used if v in caps]
        self._grid_names = {v: venues[v].name_zh for v in rows}
        self.grid.setRowCount(len(rows))
        self.grid.setColumnCount(len(days))
        self.grid.setHorizontalHeaderLabels([f"{d:%m-%d}\n{gettext(WEEKDAY_ZH[d.isoweekday()])}" for d in days])
        labels = []
        for vid in rows:
            unverified = caps[vid].unverified
            labels.append(
                venues[vid].name_zh.split("——")[0][:12]
                + (tr("（容量待核实）") if "concurrent" in unverified else "")
            )
        self.grid.setVerticalHeaderLabels(labels)
        for r, vid in enumerate(rows):
            for col, d in enumerate(days):
                cell = grid[(vid, d)]
                item = _item(cell.text(), cell.tooltip() if cell.groups else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(QColor(COLOURS[cell.level])))
                self.grid.setItem(r, col, item)

    # --- actions -----------------------------------------------------------------------------------
    def edit_quota(self, row: int) -> None:
        item = self.unions.item(row, 0)
        if self.campaign is None or item is None:
            return
        quota, ok = QInputDialog.getInt(self, tr("名额"), tr("{0} 的名额（人，0 为不限）：").format(item.text()),
                                        0, 0, 10_000_000)  # fmt: skip
        if ok:
            cid, union = self.campaign.id, item.text()
            self._write(lambda: self.repo.set_quota(cid, union, quota or None))

    def show_route(self, row: int) -> None:
        """The group's first scheduled day on the map: its venues in order with the booked times."""
        from redtour.mapping.route import route_of_visits

        if not 0 <= row < len(self._reqs):
            return
        q = self._reqs[row]
        mine = [b for b in self.items if b.request_id == q.id and b.state != "已取消"]
        if not mine:
            self.status.emit(tr("{0} 还没有排定").format(q.name))
            return
        day = min(b.day for b in mine)
        venues = {v.id: v for v in VenueRepository(self.db).list_venues(include_retired=True)}
        stops = sorted((b for b in mine if b.day == day and b.part == 0), key=lambda b: b.arrive)
        visits = [(venues[b.venue_id], f"{b.arrive:%H:%M}–{b.depart:%H:%M}") for b in stops]
        day_text = f"{day:%Y-%m-%d} {gettext(WEEKDAY_ZH[day.isoweekday()])} · " + tr("{0}人").format(q.people)
        self.routeChanged.emit(
            route_of_visits(f"{q.union} {q.name}", day_text, (q.start.lat, q.start.lon), visits)
        )

    def new_campaign(self) -> None:
        dialog = CampaignDialog(self)
        if not dialog.exec():
            return
        values = dialog.values()

        def created(campaign: Campaign) -> None:
            self.campaign = campaign
            self.reload()

        WriteOp(self, lambda: self.repo.create(*values)).success(created).failure(
            lambda exc: show_error(self, str(exc))  # shown, nothing written
        ).run_in_background()

    def save_template(self) -> None:
        path = file_dialogs.save_file(self, "template", tr("保存报名表模板"), tr("活动报名表.xlsx"), "Excel (*.xlsx)")
        if path:
            from redtour.export.campaign_template import write_request_template

            write_request_template(Path(path))
            self.status.emit(tr("已保存 {0}").format(path))

    def import_requests(self) -> None:
        if self.campaign is None:
            show_error(self, tr("请先新建活动"))
            return
        path = file_dialogs.open_file(self, "requests", tr("导入报名表"), "Excel/CSV (*.xlsx *.xls *.csv)")
        if not path:
            return
        from redtour.storage.campaign_import import import_requests

        campaign = self.campaign
        WriteOp(self, lambda: import_requests(self.db, Path(path), campaign)).success(self._imported).failure(
            self._failed
        ).run_in_background()

    def _imported(self, report: Any) -> None:
        lines = [report.summary()] + [f"第 {n.sheet_row} 行：{n.reason}" for n in report.errors[:30]]
        show_info(self, tr("导入报名表"), "\n".join(lines))
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._solver_done()
        self.stop_button.setEnabled(False)
        self.refresh()
        show_error(self, str(exc))

    def run_schedule(self, time_limit: float = 30.0) -> None:
        if self.campaign is None or self._stop is not None:
            return
        from redtour.core.campaign import schedule
        from redtour.storage.campaign_schedule import run_inputs, save_schedule

        campaign, task = self.campaign, Task(self)
        task.progressed.connect(self.solver_status.setText)
        self._stop = task
        self.schedule_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.solver_status.setText(tr("正在排程…"))

        def work() -> Any:
            inputs = run_inputs(self.db, campaign)
            return schedule(
                inputs.problem(campaign.start, campaign.end, date.today()),
                time_limit=time_limit, previous=inputs.previous or None, stop=task.cancel_event,
                progress=lambda p: task.report(
                    tr("已找到 {0} 个方案，用时 {1:.0f} 秒").format(p.solutions, p.elapsed)
                ),
            )  # fmt: skip

        def save(result: Any) -> None:  # the solver searched off the writer; only the save queues behind writes
            WriteOp(self, lambda: (result, save_schedule(self.db, campaign, result, date.today()))).success(
                self._scheduled
            ).failure(self._failed).run_in_background()

        QueryOp(self, work).success(save).failure(self._failed).run_in_background()

    def _solver_done(self) -> None:
        if self._stop is not None:
            self._stop.deleteLater()  # a progress report still queued for it is dropped (operations.Hub)
            self._stop = None

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.cancel()
            self.solver_status.setText(tr("正在停止，保留目前最好的方案…"))

    def _scheduled(self, out: tuple[Any, list[str]]) -> None:
        result, moved = out
        self._solver_done()
        self.stop_button.setEnabled(False)
        quality = tr("已证明最优") if result.optimal else tr("未证明最优")
        text = tr("已排 {0} 个团队、{1} 人，{2} 个未排；{3}").format(
            result.scheduled_groups, result.scheduled_people, len(result.unscheduled), quality
        )
        if moved:
            text += tr("；改动：{0}").format("、".join(moved))
        self.solver_status.setText(text)
        self.refresh()

    def change_state(self, state: str) -> None:
        rows = {i.row() for i in self.booking_table.selectedIndexes()}
        if not rows:
            return
        booking = self.items[min(rows)]
        ref = by = ""
        if state == "已预约":
            ref, ok = QInputDialog.getText(self, tr("已预约"), tr("场馆给的预约号："))
            if not ok:
                return
            by, ok = QInputDialog.getText(self, tr("已预约"), tr("确认人："))
            if not ok:
                return
        self._write(lambda: set_state(self.db, booking.id, state, reference=ref, by=by))
