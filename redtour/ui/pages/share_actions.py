"""分享 from the planner (long image, .ics, .gpx/.kml); 生成报告 and 生成通知 from the statistics page.

Kept beside the pages rather than in them: the pages stay small and these only need a page's current plan or
filter. The long image uses QtWebEngine on the GUI thread (as the route sheet does); the report and the notice
run in the thread pool (SQL, Pillow's chart drawing and docxtpl touch no Qt and no shared state).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QWidget,
)

from redtour.core.catalogue import Venue
from redtour.core.participation import StatsFilter
from redtour.core.planner import Plan
from redtour.export.share_image import ImageOptions
from redtour.export.share_nav import DATUM_NOTE
from redtour.i18n import _ as gettext
from redtour.storage.database import Database
from redtour.ui import file_dialogs
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error
from redtour.ui.operations import QueryOp

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from redtour.ui.jobs import Job


class PlannerShareBase(QWidget):
    """PlannerPage's base for sharing: what these actions use of the page, declared here so this module need not
    import planner_page."""

    plan: Plan | None
    venues: dict[str, Venue]
    share_button: QPushButton
    status: Any  # a Signal(str) of the page

    if TYPE_CHECKING:  # defined by PlannerSheetMixin

        def _route_title(self) -> str: ...
        def start_sheet_job(
            self, button: QWidget | QAction | None, job: Job, done: Callable[[Any], None]
        ) -> Job: ...


class StatsReportBase(QWidget):
    """StatsPage's base for 生成报告/生成通知: what they use of the page, declared here so this module need not
    import stats_page."""

    db: Database
    union: QComboBox
    status: Any  # a Signal(str) of the page

    if TYPE_CHECKING:  # defined by StatsPage

        def current_filter(self) -> StatsFilter: ...


class ImageDialog(QDialog):
    """Who leads the group, and whether the phone shows in full (the image is forwarded beyond the group)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("行程长图"))
        self.leader = QLineEdit(objectName="shareLeader")
        self.phone = QLineEdit(objectName="sharePhone")
        self.full = QCheckBox(tr("显示完整手机号（默认显示为 138****5678）"), objectName="shareFullPhone")
        form = QFormLayout(self)
        form.addRow(tr("带队人"), self.leader)
        form.addRow(tr("联系电话"), self.phone)
        form.addRow(self.full)
        form.addRow(ok_cancel(self))


def share_button(page: PlannerShareBase) -> QPushButton:
    button = QPushButton(tr("分享…"), objectName="planShare")
    menu = QMenu(button)
    menu.addAction(tr("行程长图（发微信群）…"), lambda: save_long_image(page))
    menu.addAction(tr("日历文件 .ics…"), lambda: save_share_file(page, "ics"))
    menu.addAction(
        tr("导航文件 GPX/KML，WGS-84（奥维、两步路）…"), lambda: save_share_file(page, "gpx", "wgs84")
    )
    menu.addAction(
        tr("导航文件 GPX/KML，GCJ-02（高德、腾讯地图）…"), lambda: save_share_file(page, "gpx", "gcj02")
    )
    button.setMenu(menu)
    return button


def _ask_path(page: QWidget, title: str, name: str, filters: str) -> str:
    return file_dialogs.save_file(page, "share", title, name, filters)


def _share_title(page: PlannerShareBase) -> str | None:
    """The route's title, or None after telling the user there is no route to share yet."""
    if page.plan is None or not page.plan.stops:
        show_error(page, tr("请先计算行程，再分享。"))
        return None
    return page._route_title()


def save_share_file(
    page: PlannerShareBase, kind: str, datum: str = "wgs84", path: str | None = None
) -> Path | None:
    """kind "ics", or "gpx" for a navigation file (.gpx or .kml by the chosen name)."""
    from redtour.export.share_nav import write_gpx, write_ics, write_kml

    title = _share_title(page)
    if title is None or page.plan is None:
        return None
    if path is None:
        if kind == "ics":
            path = _ask_path(page, tr("保存日历文件"), f"{title}.ics", tr("日历文件 (*.ics)"))
        else:
            suffix = "" if datum == "wgs84" else "-GCJ02"
            path = _ask_path(
                page, tr("保存导航文件"), f"{title}{suffix}.gpx", tr("GPX 文件 (*.gpx);;KML 文件 (*.kml)")
            )
        if not path:
            return None
    out = Path(path)
    try:
        if kind == "ics":
            out = write_ics(page.plan, out.with_suffix(".ics"), title)
        elif out.suffix.lower() == ".kml":
            out = write_kml(page.plan, out, datum, title)
        else:
            out = write_gpx(page.plan, out.with_suffix(".gpx"), datum, title)
    except OSError as exc:
        show_error(page, tr("导出失败：{0}").format(exc))
        return None
    note = "" if kind == "ics" else "；" + gettext(DATUM_NOTE[datum])
    page.status.emit(tr("已导出 {0}").format(out) + note)
    return out


def save_long_image(
    page: PlannerShareBase, path: str | None = None, options: ImageOptions | None = None
) -> Job | None:
    """Start drawing the long image; the returned job's ``finished`` carries the file (None: nothing started)."""
    title = _share_title(page)
    if title is None or page.plan is None:
        return None
    if options is None:
        dialog = ImageDialog(page)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        options = ImageOptions(
            group=title,
            leader=dialog.leader.text(),
            leader_phone=dialog.phone.text(),
            show_full_phone=dialog.full.isChecked(),
        )
    if path is None:
        path = _ask_path(page, tr("保存行程长图"), f"{title}.png", tr("PNG 图片 (*.png)"))
        if not path:
            return None
    from redtour.ui.printing.long_image import LongImageJob

    job = LongImageJob(page.plan, list(page.venues.values()), options, Path(path), title, parent=page)
    return page.start_sheet_job(
        page.share_button.menu().actions()[0], job, lambda out: page.status.emit(tr("已导出 {0}").format(out))
    )


def notice_button(page: StatsReportBase) -> QPushButton:
    button = QPushButton(tr("生成通知…"))
    button.setObjectName("statsNotice")
    button.setToolTip(
        tr("给所选工会的通知：所选期间内各团队的日期、路线、集合地点和注意事项（Word 可编辑，或 PDF）")
    )
    button.clicked.connect(lambda: make_notice(page))
    return button


def make_notice(page: StatsReportBase, path: str | None = None, on_done: Any = None) -> None:
    """The 通知 to the union chosen on the page, for the page's period, built in the background
    (the same document as ``redtour notice``)."""
    flt = page.current_filter()
    if flt.union_id is None:
        show_error(page, tr("请先在“工会”中选择要发通知的工会。"))
        return
    union = page.union.currentText().strip()
    if path is None:
        path = _ask_path(
            page,
            tr("保存通知"),
            tr("{0}红色寻访通知").format(union) + ".docx",
            tr("Word 文档 (*.docx);;PDF 文件 (*.pdf)"),
        )
        if not path:
            return
    out = Path(path)
    db, union_id = page.db, str(flt.union_id)

    def build() -> tuple[Path, int]:
        import tempfile

        from redtour.export.report_docx import docx_to_pdf, write_notice_docx
        from redtour.storage.notice_data import notice_context

        ctx = notice_context(db, union_id, flt.start, flt.end)
        groups = len(ctx["groups"])
        if out.suffix.lower() != ".pdf":
            return write_notice_docx(ctx, out.with_suffix(".docx")), groups
        with tempfile.TemporaryDirectory(prefix="redtour-doc-") as tmp:
            return docx_to_pdf(write_notice_docx(ctx, Path(tmp) / "notice.docx"), out), groups

    def done(result: tuple[Path, int]) -> None:
        written, groups = result
        page.status.emit(tr("已导出 {0}（{1} 个团队）").format(written, groups))
        if on_done is not None:
            on_done(written)

    def failed(exc: BaseException) -> None:  # not a lambda: pyside6-lupdate missed every tr() after one
        show_error(page, tr("导出失败：{0}").format(exc))

    page.status.emit(tr("正在生成通知…"))
    QueryOp(page, build).success(done).failure(failed).run_in_background()


def report_button(page: StatsReportBase) -> QPushButton:
    button = QPushButton(tr("生成报告…"), objectName="statsReport")
    button.setToolTip(tr("活动情况报告：总数与目标、按工会、场馆、月份，附图表（Word 可编辑，或 PDF）"))
    button.clicked.connect(lambda: make_report(page))
    return button


def make_report(page: StatsReportBase, path: str | None = None, on_done: Any = None) -> None:
    """Build the report for the page's current filter in the background; status line when written."""
    if path is None:
        path = _ask_path(
            page,
            tr("保存活动情况报告"),
            tr("活动情况报告") + ".docx",
            tr("Word 文档 (*.docx);;PDF 文件 (*.pdf)"),
        )
        if not path:
            return
    out = Path(path)
    flt = page.current_filter()
    db = page.db

    def build() -> Path:
        import tempfile

        from redtour.export.report_docx import docx_to_pdf, write_report_docx
        from redtour.storage.report_data import report_data

        data = report_data(db, flt)
        if out.suffix.lower() != ".pdf":
            return write_report_docx(data, out.with_suffix(".docx"))
        with tempfile.TemporaryDirectory(prefix="redtour-doc-") as tmp:
            return docx_to_pdf(write_report_docx(data, Path(tmp) / "report.docx"), out)

    def done(written: Path) -> None:
        page.status.emit(tr("已导出 {0}").format(written))
        if on_done is not None:
            on_done(written)

    page.status.emit(tr("正在生成报告…"))
    QueryOp(page, build).success(done).failure(
        lambda exc: show_error(page, tr("导出失败：{0}").format(exc))
    ).run_in_background()
