"""参与记录: tour groups and their check-in, the participant roster and the visit log (both lazy tables)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redtour.core.catalogue import Venue
from redtour.core.participation import StatsFilter
from redtour.storage.database import Database
from redtour.storage.participation import Group, ParticipationRepository
from redtour.ui.i18n import tr
from redtour.ui.layout import set_column_widths
from redtour.ui.lazy_refresh import LazyRefresh
from redtour.ui.models.lazy_table_model import LazyTableModel
from redtour.ui.pages.participation_actions import ParticipationActions
from redtour.ui.settings import Settings


class ParticipationPage(ParticipationActions):
    status = Signal(str)

    def __init__(self, db: Database, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lazy = LazyRefresh(self, self.reload, kinds=frozenset({"people", "groups", "visits", "venues"}))
        self.setObjectName("participationPage")
        self.db = db
        self.repo = ParticipationRepository(db)
        self.settings = settings
        self._venues: dict[str, Venue] = {}
        self.undo = QUndoStack(self)

        # Left: groups
        self.groups = QListWidget(objectName="groupList")
        self.groups.currentRowChanged.connect(lambda _r: self._show_group())
        new_group = QPushButton(tr("新建团队…"), objectName="newGroup")
        new_group.clicked.connect(self.new_group)
        import_roster = QPushButton(tr("导入名册…"), objectName="importRoster")
        import_roster.clicked.connect(self.import_roster)
        template = QPushButton(tr("下载名册模板…"), objectName="rosterTemplate")
        template.clicked.connect(self.save_template)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(QLabel(tr("团队（参观日）")))
        lv.addWidget(self.groups, 1)
        lv.addWidget(new_group)
        lv.addWidget(import_roster)
        lv.addWidget(template)
        exchange = QPushButton(tr("与其他单位交换"), objectName="exchangeMenu")
        menu = QMenu(exchange)
        menu.addAction(tr("导出本工会的交换包…"), self.export_package)
        menu.addAction(tr("导入交换包…"), self.import_package)
        menu.addSeparator()
        menu.addAction(tr("导入其他单位导出的参与记录（Excel/CSV）…"), self.import_log)
        exchange.setMenu(menu)
        lv.addWidget(exchange)

        # Check-in tab
        self.group_title = QLabel(objectName="groupTitle")
        self.group_title.setWordWrap(True)
        self.venue_choice = QComboBox(objectName="checkinVenue", accessibleName=tr("签到场馆"))
        hint = tr("搜索姓名、单位或手机尾号")
        self.search = QLineEdit(
            objectName="rosterSearch", placeholderText=hint, accessibleName=tr("搜索名单")
        )
        self.search.textChanged.connect(self._filter_roster)
        self.roster = QListWidget(objectName="rosterList")
        self.roster.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.roster.itemChanged.connect(lambda _i: self._update_counts())
        select_all = QPushButton(tr("全选"), objectName="selectAll")
        select_all.clicked.connect(lambda: self._set_visible_checked(True))
        select_none = QPushButton(tr("全不选"), objectName="selectNone")
        select_none.clicked.connect(lambda: self._set_visible_checked(False))
        self.checkin_button = QPushButton(tr("签到所选人员"), objectName="checkinButton")
        self.checkin_button.clicked.connect(self.checkin_selected)
        from_file = QPushButton(tr("按签到表签到…"), objectName="checkinFromFile")
        from_file.clicked.connect(self.checkin_from_sheet)
        self.undo_button = QPushButton(tr("撤销"), objectName="undoCheckin")
        self.undo_button.clicked.connect(self.undo.undo)
        self.undo.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.undo.redo)
        self.counts = QLabel(objectName="checkinCounts")
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("场馆")))
        top.addWidget(self.venue_choice, 1)
        top.addWidget(self.search, 1)
        buttons = QHBoxLayout()
        for b in (select_all, select_none, self.checkin_button, from_file, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        checkin_tab = QWidget()
        cv = QVBoxLayout(checkin_tab)
        cv.addWidget(self.group_title)
        cv.addLayout(top)
        cv.addWidget(self.roster, 1)
        cv.addWidget(self.counts)
        cv.addLayout(buttons)

        # People tab (lazy)
        self.people_search = QLineEdit(
            objectName="peopleSearch", placeholderText=hint, accessibleName=tr("搜索人员")
        )
        self.people_model = LazyTableModel(
            [tr("姓名"), tr("手机号"), tr("工作单位"), tr("工会"), tr("工号")],
            lambda: self.repo.count_participants(self.people_search.text()),
            lambda o, n: self.repo.participants_page(o, n, self.people_search.text()),
            self,
        )
        self.people_view = self._lazy_view(self.people_model, "peopleTable", (80, 112, 200, 150, 80), 2)
        self.people_search.textChanged.connect(lambda _t: self.people_model.reload())
        self.people_total = QLabel(objectName="peopleTotal")
        self.people_model.counted.connect(lambda n: self.people_total.setText(tr("共 {0} 人").format(n)))
        people_tab = QWidget()
        pv = QVBoxLayout(people_tab)
        pv.addWidget(self.people_search)
        pv.addWidget(self.people_view, 1)
        pv.addWidget(self.people_total)

        # Visits tab (lazy)
        self.visits_model = LazyTableModel(
            [tr("日期"), tr("场馆"), tr("姓名"), tr("手机号"), tr("工会"), tr("团队")],
            lambda: self.repo.count_visits(StatsFilter()),
            lambda o, n: self.repo.visits_page(StatsFilter(), o, n),
            self,
        )
        self.visits_view = self._lazy_view(self.visits_model, "visitsTable", (88, 180, 72, 108, 130, 120), 1)
        self.visits_total = QLabel(objectName="visitsTotal")
        self.visits_model.counted.connect(
            lambda n: self.visits_total.setText(tr("共 {0} 条参与记录（人次）").format(n))
        )
        visits_tab = QWidget()
        vv = QVBoxLayout(visits_tab)
        vv.addWidget(self.visits_view, 1)
        vv.addWidget(self.visits_total)

        self.tabs = QTabWidget(objectName="participationTabs")
        self.tabs.addTab(checkin_tab, tr("签到"))
        self.tabs.addTab(people_tab, tr("人员名册"))
        self.tabs.addTab(visits_tab, tr("参与记录"))
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tables())

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._tables_stale = True

    # --- helpers -----------------------------------------------------------------------------------
    def _lazy_view(self, model: LazyTableModel, name: str, widths: tuple[int, ...], long: int) -> QTableView:
        view = QTableView(objectName=name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setDefaultSectionSize(24)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        set_column_widths(view, widths, long)  # each table its own widths; the long column stretches
        return view

    def set_venues(self, venues: Sequence[Venue]) -> None:
        self._venues = {v.id: v for v in venues}

    def reload(self) -> None:
        current = self.current_group()
        self.groups.blockSignals(True)
        self.groups.clear()
        for g in self.repo.groups():
            item = QListWidgetItem(
                f"{g.day:%Y-%m-%d}  {g.name}\n{g.union_name} · {len(g.venue_ids)} " + tr("个场馆")
            )
            item.setData(Qt.ItemDataRole.UserRole, g)
            self.groups.addItem(item)
            if current is not None and g.id == current.id:
                self.groups.setCurrentItem(item)
        self.groups.blockSignals(False)
        if self.groups.currentRow() < 0 and self.groups.count():
            self.groups.setCurrentRow(0)
        self._show_group()
        self._tables_stale = True
        if self.tabs.currentIndex() != 0:  # the lazy tables count only when one of them is on screen
            self._refresh_tables()

    def _refresh_tables(self) -> None:
        if not self._tables_stale:
            return
        self._tables_stale = False
        self.people_model.reload()
        self.visits_model.reload()

    def data_changed(self) -> None:
        self._show_group()
        self._tables_stale = True
        if self.tabs.currentIndex() != 0:
            self._refresh_tables()

    def current_group(self) -> Group | None:
        item = self.groups.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_group(self) -> None:
        group = self.current_group()
        self.roster.blockSignals(True)
        self.roster.clear()
        self.venue_choice.clear()
        enabled = group is not None
        for w in (self.venue_choice, self.search, self.checkin_button, self.roster):
            w.setEnabled(enabled)
        if group is None:
            self.group_title.setText(tr("还没有团队。先“导入名册”，再“新建团队”，即可在此签到。"))
            self.roster.blockSignals(False)
            self._update_counts()
            return
        names = [self._venues[v].name_zh if v in self._venues else v for v in group.venue_ids]
        leader = tr("，领队 {0}").format(group.leader) if group.leader else ""
        self.group_title.setText(
            tr("<b>{0}</b>　{1}　{2}{3}<br>行程：{4}").format(
                group.name, group.day, group.union_name, leader, " → ".join(names)
            )
        )
        self.venue_choice.addItem(tr("全部 {0} 个场馆").format(len(group.venue_ids)), None)
        for vid, name in zip(group.venue_ids, names, strict=True):
            self.venue_choice.addItem(name, vid)
        total = len(group.venue_ids)
        for entry in self.repo.roster(group.id):
            done = len(entry.visited & set(group.venue_ids))
            mark = tr("已签到") if done == total else (tr("已签 {0}/{1}").format(done, total) if done else "")
            item = QListWidgetItem(f"{entry.name}　{entry.work_unit}　{entry.mobile_masked}　{mark}".rstrip())
            item.setData(Qt.ItemDataRole.UserRole, entry.participant_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.roster.addItem(item)
        self.roster.blockSignals(False)
        self._filter_roster(self.search.text())

    def _filter_roster(self, text: str) -> None:
        needle = text.strip()
        for i in range(self.roster.count()):
            item = self.roster.item(i)
            item.setHidden(bool(needle) and needle not in item.text().replace("*", ""))
        self._update_counts()

    def _set_visible_checked(self, on: bool) -> None:
        self.roster.blockSignals(True)
        for i in range(self.roster.count()):
            item = self.roster.item(i)
            if not item.isHidden():
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.roster.blockSignals(False)
        self._update_counts()

    def checked_people(self) -> list[int]:
        return [
            int(self.roster.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.roster.count())
            if self.roster.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _update_counts(self) -> None:
        n = self.roster.count()
        self.counts.setText(
            tr("名单 {0} 人，已勾选 {1} 人").format(n, len(self.checked_people())) if n else ""
        )
        self.checkin_button.setEnabled(bool(self.checked_people()))
