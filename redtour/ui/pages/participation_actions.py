"""The 参与记录 page's writes: check-in (with undo/redo), groups, rosters and the exchange of records.

A mixin so participation_page.py keeps to the display. Every write is a WriteOp (ui/operations.py): it runs on
the writer thread, and the page shows the result when it comes back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QComboBox, QInputDialog, QListWidget, QWidget

from redtour.core.catalogue import Venue
from redtour.storage.database import Database
from redtour.storage.participation import Group, ParticipationRepository
from redtour.storage.signin_import import SigninReport, checkin_from_file
from redtour.ui import file_dialogs
from redtour.ui.dialogs.group_dialog import GroupDialog
from redtour.ui.dialogs.roster_import_dialog import RosterImportDialog
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error, show_info
from redtour.ui.operations import WriteOp
from redtour.ui.settings import Settings

log = logging.getLogger(__name__)


class CheckinCommand(QUndoCommand):
    """A check-in as the undo stack sees it: undo deletes exactly the visits it created.

    ``created`` is read and replaced on the writer thread: an undo queued right behind a redo deletes the
    visits that redo made (the writer runs one job at a time, in order).
    """

    def __init__(
        self, page: ParticipationActions, group_id: int, people: list[int], venues: list[str] | None,
        created: list[int], text: str,
    ) -> None:  # fmt: skip
        super().__init__(text)
        self.page, self.group_id, self.people, self.venues, self.created = (
            page,
            group_id,
            people,
            venues,
            created,
        )
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done when pushed
            self._first = False
            return

        def again() -> None:
            self.created = self.page.repo.checkin(self.group_id, self.people, self.venues)

        self._write(again)

    def undo(self) -> None:
        self._write(lambda: self.page.repo.undo_checkin(self.created))

    def _write(self, fn: Callable[[], object]) -> None:
        page = self.page
        WriteOp(page, fn).success(lambda _r: page.data_changed()).failure(
            lambda exc: show_error(page, tr("签到失败：{0}").format(exc))
        ).run_in_background()


class ParticipationActions(QWidget):
    """The 参与记录 page's base: its commands. What they use of the page is declared here, so this module need
    not import participation_page (ParticipationPage derives from this class)."""

    status: Any  # a Signal(str) of ParticipationPage
    db: Database
    repo: ParticipationRepository
    settings: Settings
    undo: QUndoStack
    groups: QListWidget
    venue_choice: QComboBox
    _venues: dict[str, Venue]

    if TYPE_CHECKING:  # defined by ParticipationPage

        def reload(self) -> None: ...
        def data_changed(self) -> None: ...
        def current_group(self) -> Group | None: ...
        def checked_people(self) -> list[int]: ...

    def checkin_selected(self) -> None:
        group = self.current_group()
        people = self.checked_people()
        if group is None or not people:
            return
        venue = self.venue_choice.currentData()
        venues = [venue] if venue else None
        text = tr("签到 {0} 人").format(len(people))

        def done(created: list[int]) -> None:
            self.undo.push(CheckinCommand(self, group.id, people, venues, created, text))
            self.status.emit(tr("{0}，新增 {1} 条参与记录（Ctrl+Z 撤销）").format(text, len(created)))
            self.data_changed()

        def failed(exc: BaseException) -> None:
            log.error("check-in failed", exc_info=exc)
            show_error(self, tr("签到失败：{0}").format(exc))

        WriteOp(self, lambda: self.repo.checkin(group.id, people, venues)).success(done).failure(
            failed
        ).run_in_background()

    def checkin_from_sheet(self) -> None:
        group = self.current_group()
        if group is None:
            return
        name = file_dialogs.open_file(self, "signin", tr("选择签到表"), tr("签到表 (*.xlsx *.xls *.csv)"))
        if not name:
            return
        venue = self.venue_choice.currentData()
        venues = [venue] if venue else None

        def done(report: SigninReport) -> None:
            if report.errors:
                lines = "\n".join(
                    tr("第 {0} 行：{1}").format(n.sheet_row, n.reason) for n in report.errors[:30]
                )
                show_error(self, tr("签到表中有无法匹配的行，未记录任何签到：\n{0}").format(lines))
                return
            text = tr("按签到表签到 {0} 人").format(report.matched)
            self.undo.push(CheckinCommand(self, group.id, report.people, venues, report.visits, text))
            self.status.emit(tr("{0}，新增 {1} 条参与记录").format(text, len(report.visits)))
            self.data_changed()

        WriteOp(self, lambda: checkin_from_file(self.db, group.id, Path(name), venues)).success(done).failure(
            lambda exc: show_error(self, str(exc))
        ).run_in_background()

    def new_group(self) -> None:
        dialog = GroupDialog(self.repo, list(self._venues.values()), self.db, self)
        if dialog.exec() != GroupDialog.DialogCode.Accepted or dialog.created is None:
            return
        self.reload()
        for i in range(self.groups.count()):
            if self.groups.item(i).data(Qt.ItemDataRole.UserRole).id == dialog.created.id:
                self.groups.setCurrentRow(i)

    def import_roster(self) -> None:
        group = self.current_group()
        dialog = RosterImportDialog(self.db, self.repo, self.settings, self, group=group)
        dialog.exec()
        if dialog.applied:
            self.reload()

    def save_template(self) -> None:
        from redtour.export.roster_template import write_roster_template

        name = file_dialogs.save_file(
            self, "roster", tr("保存名册模板"), tr("红色寻访名册模板.xlsx"), "Excel (*.xlsx)"
        )
        if not name:
            return
        try:
            write_roster_template(Path(name), with_id_number=self.settings.collect_id_number)
        except OSError as exc:
            show_error(self, tr("无法保存 {0}：{1}").format(name, exc.strerror or exc))
            return
        show_info(self, tr("名册模板"), tr("已保存到 {0}").format(name))

    def import_log(self) -> None:
        from redtour.ui.pages.exchange_import import import_log_file

        import_log_file(self)

    def export_package(self) -> None:
        from redtour.storage.exchange import export_package

        unions = [u.name for u in self.repo.unions() if u.parent_id is None]
        if not unions:
            show_info(self, tr("导出交换包"), tr("还没有任何工会的名册。"))
            return
        group = self.current_group()
        default = group.union_name if group is not None and group.union_name in unions else unions[0]
        union, ok = QInputDialog.getItem(
            self,
            tr("导出交换包"),
            tr("导出哪个工会（含其下属基层工会）："),
            unions,
            unions.index(default),
            False,
        )
        if not ok:
            return
        name = file_dialogs.save_file(
            self, "exchange", tr("保存交换包"), tr("{0}_交换包.zip").format(union), tr("交换包 (*.zip)")
        )
        if not name:
            return

        def done(counts: dict[str, int]) -> None:
            show_info(
                self,
                tr("导出交换包"),
                tr(
                    "已导出 {0} 人、{1} 个团队、{2} 条参与记录。\n交换包含完整手机号，请通过安全渠道传递，用后删除。"
                ).format(counts["participants"], counts["groups"], counts["visits"]),
            )

        # A write: the export appends its audit row.
        WriteOp(self, lambda: export_package(self.db, union, Path(name))).success(done).failure(
            lambda exc: show_error(self, str(exc))
        ).run_in_background()

    def import_package(self) -> None:
        from redtour.ui.pages.exchange_import import import_exchange_package

        import_exchange_package(self)
