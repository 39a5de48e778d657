"""The planner's saved plans: new, open, save, save as, duplicate, rename, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from PySide6.QtWidgets import QInputDialog, QMessageBox

from redtour.core.planner import PlanError, plan_day, plan_request_of
from redtour.core.saved_request import request_from_dict, request_to_dict
from redtour.storage.plans import SavedPlan
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error
from redtour.ui.operations import WriteOp

T = TypeVar("T")


class SavedPlansMixin:
    """PlannerPage's saved-plan half (it supplies the form, the plan combo and ``status``)."""

    plan: Any
    plans: Any
    venues: Any
    holidays: Any
    current_id: int | None

    def refresh_plans(self) -> None:
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        self.plan_combo.addItem(tr("（未保存的行程）"), None)
        for p in self.plans.list_plans():
            self.plan_combo.addItem(f"{p.name}  ({p.day:%Y-%m-%d})", p.id)
        index = self.plan_combo.findData(self.current_id) if self.current_id is not None else 0
        self.plan_combo.setCurrentIndex(max(0, index))
        self.plan_combo.blockSignals(False)
        for key in ("duplicate", "rename", "delete"):
            self.buttons[key].setEnabled(self.current_id is not None)

    def new_plan(self) -> None:
        self.current_id = None
        self.stop_model.set_stops(())
        self._set_plan(None)
        self.undo.clear()
        self.refresh_plans()

    def open_plan(self, plan_id: int | None) -> None:
        if plan_id is None:
            self.new_plan()
            return
        saved = self.plans.get(int(plan_id))
        req, missing = request_from_dict(saved.request, self.venues, self.holidays)
        self.current_id = saved.id
        self._show_request(req)
        self.undo.clear()
        self.refresh_plans()
        if missing:
            self.status.emit(tr("有 {0} 个场馆已不在目录中，已略去").format(len(missing)))
        try:
            self._set_plan(plan_day(req) if req.stops else None)
        except PlanError as exc:
            self._set_plan(None)
            self.summary.setText(tr("无法安排行程：") + "；".join(exc.reasons))

    def save(self, *, as_new: bool = False) -> None:
        """Save (on the writer thread); ``current_id`` is the saved plan's once it is done."""
        try:
            req = plan_request_of(self.plan) if self.plan is not None else self.request(optimize=False)
        except PlanError as exc:
            show_error(self, "\n".join(exc.reasons))
            return
        # keep the form's current inputs (they may have changed since the plan was computed)
        form = self.request(optimize=False)
        req = replace(form, stops=req.stops if self.plan is not None else form.stops)
        plan_id = None if as_new else self.current_id
        if plan_id is None:
            default = self.plans.unique_name(tr("{0} 参观行程").format(f"{req.day:%m月%d日}"))
            name, ok = QInputDialog.getText(self, tr("保存行程"), tr("行程名称："), text=default)
            if not ok or not name.strip():
                return
        else:
            name = self.plans.get(plan_id).name
        data = request_to_dict(req)

        def saved(plan: SavedPlan) -> None:
            self.current_id = plan.id
            self.refresh_plans()
            self.status.emit(tr("已保存行程“{0}”").format(plan.name))

        self._write(lambda: self.plans.save(name, req.day, data, plan_id), saved)

    def _write(self, fn: Callable[[], T], then: Callable[[T], None]) -> None:
        failed = lambda exc: show_error(self, tr("保存失败：{0}").format(exc))  # noqa: E731
        WriteOp(self, fn).success(then).failure(failed).run_in_background()  # type: ignore[arg-type]

    def duplicate(self) -> None:
        if self.current_id is None:
            return
        plan_id = self.current_id

        def copied(copy: SavedPlan) -> None:
            self.open_plan(copy.id)
            self.status.emit(tr("已复制为“{0}”").format(copy.name))

        self._write(lambda: self.plans.duplicate(plan_id), copied)

    def rename(self) -> None:
        if self.current_id is None:
            return
        old = self.plans.get(self.current_id).name
        name, ok = QInputDialog.getText(self, tr("重命名行程"), tr("新名称："), text=old)
        if ok and name.strip():
            plan_id = self.current_id
            self._write(lambda: self.plans.rename(plan_id, name), lambda _p: self.refresh_plans())

    def delete(self) -> None:
        if self.current_id is None:
            return
        name = self.plans.get(self.current_id).name
        answer = QMessageBox.question(
            self, tr("删除行程"), tr("删除行程“{0}”？此操作不能撤销。").format(name)
        )
        if answer == QMessageBox.StandardButton.Yes:
            plan_id = self.current_id
            self._write(lambda: self.plans.delete(plan_id), lambda _r: self.new_plan())
