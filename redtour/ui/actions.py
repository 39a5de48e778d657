"""All main-window actions and menus in one place, so the window itself stays small."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from redtour.ui.i18n import tr


@dataclass
class Actions:
    quit: QAction
    find: QAction
    edit_venue: QAction
    revert_venue: QAction
    add_to_plan: QAction
    show_planner: QAction
    today: QAction
    show_map: QAction
    reload: QAction
    settings: QAction
    user_guide: QAction
    open_log_folder: QAction
    about: QAction


def _action(window: QMainWindow, text: str, shortcut: QKeySequence | str | None, name: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    return action


def _checkable(action: QAction) -> QAction:
    action.setCheckable(True)
    action.setToolTip(tr("在本页显示或收起地图（每页分别记住）"))
    return action


def create_actions(window: QMainWindow) -> Actions:
    return Actions(
        quit=_action(window, tr("退出(&X)"), QKeySequence.StandardKey.Quit, "actionQuit"),
        find=_action(window, tr("查找场馆(&F)"), QKeySequence.StandardKey.Find, "actionFind"),
        edit_venue=_action(window, tr("修正场馆资料(&E)…"), "Ctrl+E", "actionEditVenue"),
        revert_venue=_action(window, tr("恢复目录原始资料(&R)"), None, "actionRevertVenue"),
        add_to_plan=_action(window, tr("加入行程(&J)"), "Ctrl+J", "actionAddToPlan"),
        show_planner=_action(window, tr("行程规划(&P)"), "Ctrl+2", "actionShowPlanner"),
        today=_action(window, tr("回到今天(&T)"), "Ctrl+T", "actionToday"),
        show_map=_checkable(_action(window, tr("显示地图(&M)"), "Ctrl+M", "actionShowMap")),
        reload=_action(window, tr("刷新(&L)"), QKeySequence.StandardKey.Refresh, "actionReload"),
        settings=_action(window, tr("设置(&S)…"), QKeySequence.StandardKey.Preferences, "actionSettings"),
        user_guide=_action(
            window, tr("使用指南(&G)"), QKeySequence.StandardKey.HelpContents, "actionUserGuide"
        ),
        open_log_folder=_action(window, tr("打开日志文件夹(&O)"), None, "actionOpenLogFolder"),
        about=_action(window, tr("关于(&A)"), None, "actionAbout"),
    )


def build_menus(window: QMainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu(tr("文件(&F)"))
    file_menu.addAction(a.settings)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    venue_menu = bar.addMenu(tr("场馆(&V)"))
    venue_menu.addAction(a.find)
    venue_menu.addAction(a.edit_venue)
    venue_menu.addAction(a.revert_venue)
    venue_menu.addSeparator()
    venue_menu.addAction(a.add_to_plan)
    view_menu = bar.addMenu(tr("视图(&W)"))
    view_menu.addAction(a.show_planner)
    view_menu.addAction(a.today)
    view_menu.addAction(a.show_map)
    view_menu.addAction(a.reload)
    help_menu = bar.addMenu(tr("帮助(&H)"))
    help_menu.addAction(a.user_guide)
    help_menu.addAction(a.open_log_folder)
    help_menu.addSeparator()
    help_menu.addAction(a.about)
