"""The planner's route sheet: print preview, PDF export, and what it prints about the people — one sign-in row
per person of the group and, when a tour group was made from the saved plan and has a roster, its members by
name (phones masked as stored)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from redtour.export.route_sheet import DEFAULT_TITLE, SheetOptions, SheetPerson, logo_data_uri
from redtour.storage.database import Database
from redtour.storage.participation import Group, ParticipationRepository
from redtour.ui import file_dialogs
from redtour.ui.i18n import tr
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

    def print_sheet(self) -> None:
        if not self._sheet_ready():
            return
        from redtour.ui.printing.print_sheet import SheetPrinter

        with self._sheet_busy():
            printer = SheetPrinter(
                self.plan, list(self.venues.values()), self.sheet_options(), self._route_title()
            )  # type: ignore[arg-type]
        try:
            printer.preview(self)
        finally:
            printer.close()

    def export_sheet_pdf(self, path: str | None = None) -> Path | None:
        if not self._sheet_ready():
            return None
        if path is None:
            path = file_dialogs.save_file(
                self, "sheet", tr("导出行程单"), f"{self._route_title()}.pdf", tr("PDF 文件 (*.pdf)")
            )
            if not path:
                return None
        from redtour.ui.printing.sheet_pdf import write_route_sheet_pdf

        try:
            with self._sheet_busy():
                out = write_route_sheet_pdf(
                    self.plan,
                    list(self.venues.values()),
                    self.sheet_options(),
                    Path(path),
                    self._route_title(),  # type: ignore[arg-type]
                )
        except (OSError, RuntimeError) as exc:
            show_error(self, tr("导出失败：{0}").format(exc))
            return None
        self.status.emit(tr("已导出 {0}").format(out))
        return out

    @contextmanager
    def _sheet_busy(self) -> Iterator[None]:
        """The sheet is built with QtWebEngine, which lives on the GUI thread and waits in local event loops:
        keep the buttons off meanwhile so a second click cannot start a second build inside the first."""
        self.status.emit(tr("正在生成行程单…"))
        self.print_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            yield
        finally:
            QApplication.restoreOverrideCursor()
            self.print_button.setEnabled(True)
            self.pdf_button.setEnabled(True)

    def _route_title(self) -> str:
        if self.current_id is not None:
            return self.plans.get(self.current_id).name
        return tr("参观路线")
