"""The planner's route sheet: print preview, PDF export, and what it prints about the people — one sign-in row
per person of the group and, when a tour group was made from the saved plan and has a roster, its members by
name (phones masked as stored)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QPushButton, QWidget

from redtour.export.route_sheet import DEFAULT_TITLE, SheetOptions, SheetPerson, logo_data_uri
from redtour.storage.database import Database
from redtour.storage.participation import Group, ParticipationRepository
from redtour.ui import file_dialogs
from redtour.ui.i18n import tr
from redtour.ui.jobs import Job
from redtour.ui.messages import show_error


def groups_following(db: Database, plan_id: int | None) -> list[Group]:
    """Tour groups created from the saved plan that have their own roster."""
    if plan_id is None:
        return []
    return [g for g in ParticipationRepository(db).groups() if g.plan_id == plan_id and g.member_count]


def roster_of(db: Database, group: Group) -> tuple[SheetPerson, ...]:
    entries = ParticipationRepository(db).roster(group.id)
    return tuple(SheetPerson(e.name, e.work_unit, e.mobile_masked) for e in entries)


class PlannerSheetMixin:
    """PlannerPage's route-sheet half (it supplies plan, plans, venues, settings, the buttons and ``status``)."""

    plan: Any
    plans: Any
    venues: Any
    settings: Any
    current_id: int | None
    print_button: QPushButton
    pdf_button: QPushButton
    status: Any  # a Signal(str) on the page

    @property
    def _sheet_widget(self) -> QWidget:
        assert isinstance(self, QWidget)
        return self

    def sheet_options(self) -> SheetOptions:
        s = self.settings
        title = s.sheet_text("title", DEFAULT_TITLE) if s else DEFAULT_TITLE
        name = self.plans.get(self.current_id).name if self.current_id is not None else ""
        group = self._sheet_group()
        roster = roster_of(self.plans.db, group) if group is not None else ()
        return SheetOptions(
            title=title or DEFAULT_TITLE,
            union=s.sheet_text("union") if s else "",
            footer=s.sheet_text("footer") if s else "",
            logo_uri=logo_data_uri(s.sheet_text("logo")) if s else "",
            group=group.name if group is not None else name,
            leader=group.leader if group is not None else "",
            people=max(self.group_size.value(), len(roster)),  # one sign-in row per person
            roster=roster,
        )

    def _sheet_group(self) -> Group | None:
        """The tour group following the saved plan whose roster the sign-in sheet lists (asked if several)."""
        groups = groups_following(self.plans.db, self.current_id)
        if len(groups) <= 1:
            return groups[0] if groups else None
        blank = tr("空白签到表")
        names = [f"{g.name}（{g.day:%Y-%m-%d}，{g.member_count} 人）" for g in groups]
        chosen, ok = QInputDialog.getItem(
            self, tr("签到表"), tr("按哪个团队的名单打印签到表？"), [*names, blank], 0, False
        )
        return groups[names.index(chosen)] if ok and chosen in names else None

    def _sheet_ready(self) -> bool:
        if self.plan is None or not self.plan.stops:
            show_error(self, tr("请先计算行程，再打印行程单。"))
            return False
        return True

    def print_sheet(self) -> Job | None:
        """Build the sheet's PDF (a job: the page stays usable meanwhile), then open the print preview."""
        if not self._sheet_ready():
            return None
        from redtour.ui.printing.print_sheet import SheetPrintJob

        title = self._route_title()
        job = SheetPrintJob(
            self.plan, list(self.venues.values()), self.sheet_options(), title, parent=self._sheet_widget
        )
        return self.start_sheet_job(self.print_button, job, self._open_preview)

    def _open_preview(self, printer: Any) -> None:
        dialog = printer.preview_dialog(self._sheet_widget)
        dialog.finished.connect(lambda _result: (printer.close(), dialog.deleteLater()))
        dialog.open()  # window-modal, without a local event loop

    def export_sheet_pdf(self, path: str | None = None) -> Job | None:
        """Start writing the sheet as PDF; the returned job's ``finished`` carries the file (None: nothing
        started)."""
        if not self._sheet_ready():
            return None
        if path is None:
            path = file_dialogs.save_file(
                self, "sheet", tr("导出行程单"), f"{self._route_title()}.pdf", tr("PDF 文件 (*.pdf)")
            )
            if not path:
                return None
        from redtour.ui.printing.sheet_pdf import RouteSheetPdfJob

        job = RouteSheetPdfJob(
            self.plan,
            list(self.venues.values()),
            self.sheet_options(),
            Path(path),
            self._route_title(),
            parent=self._sheet_widget,
        )
        return self.start_sheet_job(
            self.pdf_button, job, lambda out: self.status.emit(tr("已导出 {0}").format(out))
        )

    def start_sheet_job(self, button: QWidget | QAction | None, job: Job, done: Callable[[Any], None]) -> Job:
        """Run a job that prints or draws the plan; its ``button`` stays off until it is over (one PDF at a
        time), everything else stays usable: the job waits in no event loop, so nothing runs inside it."""
        self.status.emit(tr("正在生成行程单…"))
        if button is not None:
            button.setEnabled(False)

        def over() -> None:
            if button is not None:
                button.setEnabled(True)

        def finished(result: object) -> None:
            over()
            done(result)

        def failed(message: str) -> None:
            over()
            show_error(self._sheet_widget, tr("导出失败：{0}").format(message))

        job.finished.connect(finished)
        job.failed.connect(failed)
        job.start()
        return job

    def _route_title(self) -> str:
        if self.current_id is not None:
            return self.plans.get(self.current_id).name
        return tr("参观路线")
