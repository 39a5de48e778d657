"""The 活动 page's editing actions: group requests (add, change, withdraw) and the campaign itself.

A mixin so campaign_page.py keeps to the display; every write goes through storage.campaign_edit (checked like
an import row, one transaction) and the page refreshes afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox, QTableWidget, QWidget

from redtour.core.errors import RedtourError
from redtour.core.holidays import HolidayCalendar
from redtour.storage.campaign_closures import close_venue_day
from redtour.storage.campaign_edit import group_day, save_request, update_campaign, withdraw_request
from redtour.storage.campaigns import Campaign, CampaignRepository, CampaignRequest
from redtour.storage.database import Database
from redtour.storage.venues import VenueRepository
from redtour.ui import file_dialogs
from redtour.ui.dialogs.campaign_dialog import CampaignDialog
from redtour.ui.dialogs.capacity_dialog import CapacityDialog
from redtour.ui.dialogs.request_dialog import RequestDialog
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error
from redtour.ui.operations import WriteOp

if TYPE_CHECKING:
    from redtour.ui.jobs import Job


class CampaignEdits(QWidget):
    """The 活动 page's base: its edits. What they use of the page is declared here, so this module need not
    import campaign_page (CampaignPage derives from this class)."""

    status: Any  # a Signal(str) of CampaignPage
    db: Database
    holidays: HolidayCalendar
    repo: CampaignRepository
    campaign: Campaign | None
    requests: QTableWidget
    grid: QTableWidget
    solver_status: QLabel
    _reqs: list[CampaignRequest]
    _grid_venues: list[str]
    _grid_names: dict[str, str]

    if TYPE_CHECKING:  # defined by CampaignPage

        def reload(self) -> None: ...
        def refresh(self) -> None: ...
        def show_route(self, row: int) -> None: ...

    def _write(self, fn: Callable[[], object], then: Callable[[object], None] | None = None) -> None:
        """``fn`` on the writer thread; then ``then(result)`` and a refresh, or the error shown (nothing written)."""

        def done(result: object) -> None:
            if then is not None:
                then(result)
            self.refresh()

        def failed(exc: BaseException) -> None:
            show_error(self, str(exc.args[0] if isinstance(exc, LookupError) and exc.args else exc))

        WriteOp(self, fn).success(done).failure(failed).run_in_background()

    def _selected_request(self) -> CampaignRequest | None:
        rows = {i.row() for i in self.requests.selectedIndexes()}
        return self._reqs[min(rows)] if rows and min(rows) < len(self._reqs) else None

    def request_dialog(self, current: CampaignRequest | None = None) -> RequestDialog | None:
        """The dialog (not yet shown) that adds a request, or changes ``current``."""
        campaign = self.campaign
        if campaign is None:
            show_error(self, tr("请先新建活动"))
            return None
        repo = VenueRepository(self.db)
        names = {v.id: v.name_zh for v in repo.list_venues(include_retired=True)}
        rid = current.id if current else None
        return RequestDialog(campaign, lambda values: save_request(self.db, campaign, values, rid), names,
                             current, self, venues=repo.list_venues(), holidays=self.holidays)  # fmt: skip

    def add_request(self) -> None:
        dialog = self.request_dialog()
        if dialog is not None and dialog.exec():
            self.refresh()

    def edit_request(self) -> None:
        current = self._selected_request()
        if current is None:
            self.status.emit(tr("请先在列表中选择一个团队"))
            return
        dialog = self.request_dialog(current)
        if dialog is not None and dialog.exec():
            self.refresh()

    def withdraw_request(self, confirm: bool = True) -> None:
        current = self._selected_request()
        if current is None or self.campaign is None:
            self.status.emit(tr("请先在列表中选择一个团队"))
            return
        question = tr("撤回 {0} {1}？其排程和预约一并删除。").format(current.union, current.name)
        if confirm and QMessageBox.question(self, tr("撤回团队"), question) != QMessageBox.StandardButton.Yes:
            return
        campaign = self.campaign
        self._write(
            lambda: withdraw_request(self.db, campaign, current.id),
            lambda gone: self.status.emit(tr("已撤回 {0}，删除 {1} 条预约；请重新排程").format(current.name, gone)),
        )

    def capacity_dialog(self, venue_id: str) -> CapacityDialog:
        info = self.repo.capacities([venue_id])[venue_id]
        return CapacityDialog(
            info,
            lambda values, checked, by, note: self.repo.set_capacity(venue_id, values, checked, by, note),
            self,
        )

    def edit_capacity(self, venue_id: str | None = None) -> None:
        """The capacity of ``venue_id``, else of the venue in the calendar's current row."""
        row = self.grid.currentRow()
        if venue_id is None and 0 <= row < len(self._grid_venues):
            venue_id = self._grid_venues[row]
        if venue_id is None:
            self.status.emit(tr("请先在场馆日历中选择一个场馆"))
            return
        if self.capacity_dialog(venue_id).exec():
            self.refresh()

    def grid_menu(self, pos: QPoint) -> None:
        item = self.grid.itemAt(pos)
        if item is None or self.campaign is None or item.row() >= len(self._grid_venues):
            return
        venue_id, day = self._grid_venues[item.row()], self.campaign.start + timedelta(days=item.column())
        menu = QMenu(self)
        menu.addAction(tr("场馆当天闭馆…"), lambda: self.close_venue_day(venue_id, day))
        menu.addAction(tr("场馆容量…"), lambda: self.edit_capacity(venue_id))
        menu.exec(self.grid.viewport().mapToGlobal(pos))

    def close_venue_day(self, venue_id: str, day: date, confirm: bool = True) -> None:
        """The venue cancelled ``day``: record it, cancel that day's bookings there, say who must be moved."""
        if self.campaign is None:
            return
        name = self._grid_names.get(venue_id, venue_id)
        question = tr("记录 {0} {1} 闭馆？当天在该馆的预约将取消，重新排程时这些团队会改期。").format(
            name, day
        )
        if (
            confirm
            and QMessageBox.question(self, tr("场馆当天闭馆"), question) != QMessageBox.StandardButton.Yes
        ):
            return
        campaign = self.campaign

        def closed(groups: object) -> None:
            text = tr("已记录 {0} {1} 闭馆").format(name, day)
            if isinstance(groups, list) and groups:
                text += tr("；已取消 {0} 的预约，请重新排程").format("、".join(groups))
            self.solver_status.setText(text)

        self._write(lambda: close_venue_day(self.db, campaign, venue_id, day), closed)

    def requests_menu(self, pos: QPoint) -> None:
        item = self.requests.itemAt(pos)
        if item is None:
            return
        row = item.row()
        menu = QMenu(self)
        menu.addAction(tr("在地图上显示路线"), lambda: self.show_route(row))
        menu.addAction(tr("行程单…"), self.save_route_sheet)
        menu.addAction(tr("修改团队…"), self.edit_request)
        menu.addAction(tr("撤回团队"), self.withdraw_request)
        menu.exec(self.requests.viewport().mapToGlobal(pos))

    def save_route_sheet(self, path: str = "") -> Job | None:
        """Start writing the selected group's route sheet (A4 PDF) with its booked times; the returned job's
        ``finished`` carries the file (None: nothing started)."""
        from redtour.export.route_sheet import SheetOptions
        from redtour.ui.printing.sheet_pdf import RouteSheetPdfJob

        current = self._selected_request()
        if current is None or self.campaign is None:
            self.status.emit(tr("请先在列表中选择一个团队"))
            return None
        try:
            r, plan = group_day(self.db, self.campaign, str(current.id))
        except (RedtourError, LookupError) as exc:
            show_error(self, str(exc.args[0] if exc.args else exc))
            return None
        if not path:
            path = file_dialogs.save_file(self, "sheet", tr("保存行程单"), f"{r.name}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        options = SheetOptions(
            union=r.union, group=r.name, leader=r.leader, leader_phone=r.phone, people=r.people
        )
        venues = VenueRepository(self.db).list_venues()
        job = RouteSheetPdfJob(
            plan, venues, options, Path(path), f"{self.campaign.name} {r.name}", parent=self
        )
        job.finished.connect(lambda out: self.status.emit(tr("已保存 {0}").format(out)))
        job.failed.connect(lambda message: show_error(self, tr("导出失败：{0}").format(message)))
        self.status.emit(tr("正在生成行程单…"))
        job.start()
        return job

    def edit_campaign(self) -> None:
        c = self.campaign
        if c is None:
            return
        dialog = CampaignDialog(self, c)
        if not dialog.exec():
            return
        name, start, end, target = dialog.values()
        def work() -> None:
            update_campaign(self.db, c.id, name=name, start=start, end=end, target=target, clear_target=target is None)

        WriteOp(self, work).success(lambda _r: self.reload()).failure(
            lambda exc: show_error(self, str(exc))  # shown, nothing written
        ).run_in_background()
