"""Importing another office's records from the participation page — an exchange package or an exported log:
errors listed, conflicts applied only when the user says so (the GUI's form of the command line's --keep-mine;
one merge engine and one rule, storage/merge.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from redtour.ui import file_dialogs
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error, show_info
from redtour.ui.operations import WriteOp


def import_exchange_package(page: Any, name: str = "", *, keep_mine: bool = False) -> None:
    from redtour.failures import describe
    from redtour.storage.exchange import ExchangeReport, import_package

    if not name:
        name = file_dialogs.open_file(page, "exchange", tr("选择交换包"), tr("交换包 (*.zip)"))
    if not name:
        return

    def done(result: object) -> None:
        assert isinstance(result, ExchangeReport)
        if result.errors:
            lines = "\n".join(result.errors[:20])
            show_error(page, tr("交换包中有不符合名册规则的记录，未导入任何内容：\n{0}").format(lines))
            return
        if result.conflicts and not result.applied:
            settle_conflicts(
                page, result.conflicts, result.refused, tr("交换包与本机记录有冲突，未导入任何内容：\n{0}"),
                lambda: import_exchange_package(page, name, keep_mine=True),
            )  # fmt: skip
            return
        show_info(
            page,
            tr("导入交换包"),
            tr("新增 {0} 人、{1} 个团队、{2} 条参与记录；{3} 条记录本机已有。").format(
                result.added["participants"],
                result.added["groups"],
                result.added["visits"],
                result.unchanged["visits"],
            ),
        )
        page.reload()

    WriteOp(page, lambda: import_package(page.db, Path(name), keep_mine=keep_mine)).success(done).failure(
        lambda exc: show_error(page, describe(exc)[0])
    ).run_in_background()


def import_log_file(page: Any, name: str = "", *, keep_mine: bool = False) -> None:
    from redtour.storage.log_import import LogImportReport, import_log

    if not name:
        name = file_dialogs.open_file(
            page, "log", tr("选择参与记录（redtour 导出的 .xlsx/.csv）"), tr("参与记录 (*.xlsx *.csv)")
        )
    if not name:
        return

    def done(result: object) -> None:
        assert isinstance(result, LogImportReport)
        if result.errors:
            lines = "\n".join(tr("第 {0} 行：{1}").format(n.sheet_row, n.reason) for n in result.errors[:30])
            show_error(page, tr("文件有错误或冲突，未导入任何记录：\n{0}").format(lines))
            return
        if result.conflicts and not result.applied:
            settle_conflicts(
                page, result.conflicts, result.counts.refused, tr("文件有错误或冲突，未导入任何记录：\n{0}"),
                lambda: import_log_file(page, name, keep_mine=True),
            )  # fmt: skip
            return
        show_info(
            page,
            tr("导入参与记录"),
            tr("新增 {0} 条参与记录（新增人员 {1} 人）；{2} 条本机已有，未重复导入。").format(
                result.added, result.people_added, result.merged
            ),
        )
        page.reload()

    WriteOp(page, lambda: import_log(page.db, Path(name), keep_mine=keep_mine)).success(done).failure(
        lambda exc: show_error(page, str(exc))
    ).run_in_background()


def settle_conflicts(
    page: Any, conflicts: list[str], refused: bool, refused_text: str, retry: Callable[[], None]
) -> None:
    """Conflicts, nothing applied: say why when no choice resolves them (``refused``), else ask the one
    question and, on yes, ``retry`` keeping this computer's records (never applied silently)."""
    lines = "\n".join(conflicts[:20])
    if refused:
        show_error(page, refused_text.format(lines))
    elif keep_mine_confirmed(page, lines):
        retry()


def keep_mine_confirmed(page: Any, lines: str) -> bool:
    """The one question for conflicts, for exchange packages and logs alike (storage/merge.py)."""
    box = QMessageBox(page)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("交换包与本机记录有冲突"))
    box.setText(tr("以下记录两边不同，尚未导入任何内容：\n{0}").format(lines))
    box.setInformativeText(tr("以本机内容为准并导入交换包的其余内容吗？"))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes
