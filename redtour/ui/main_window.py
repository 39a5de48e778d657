"""The main window: venue catalogue (list + detail) beside the map pane."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QRect, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QWidget

from redtour import paths
from redtour.core.errors import RedtourError
from redtour.core.holidays import HolidayCalendar
from redtour.logsetup import log_file
from redtour.mapping.tiles import offered_providers
from redtour.ui.actions import Actions, build_menus, create_actions
from redtour.ui.i18n import tr
from redtour.ui.layout import MapFolding, fit_to_screen
from redtour.ui.map.map_view import OFFLINE_BASE, MapView
from redtour.ui.messages import show_error, show_info
from redtour.ui.operations import executor, hub
from redtour.ui.settings import Settings
from redtour.ui.venue_edits import VenueEdits

# The frame of the window (tabs, the map pane) is shown before SQLAlchemy, the storage layer and the pages have
# loaded (redtour/app.py, start-up in two stages): they are imported when the database is attached.
if TYPE_CHECKING:
    from redtour.storage.database import Database
    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository
    from redtour.ui.pages.campaign_page import CampaignPage
    from redtour.ui.pages.participation_page import ParticipationPage
    from redtour.ui.pages.planner_page import PlannerPage
    from redtour.ui.pages.sites_page import SitesPage
    from redtour.ui.pages.stats_page import StatsPage

log = logging.getLogger(__name__)


class MainWindow(VenueEdits):
    #: The catalogue after a local correction (list[Venue]); pages holding venues subscribe.
    venuesChanged = Signal(object)
    #: Changes (storage/changes.py): what a finished write changed, from any page. The one relay: pages
    #: subscribe here instead of to each other (ui/operations.py announces every write's changes).
    changed = Signal(object)
    #: The database is attached: the pages and the catalogue are in the frame (``attach``).
    databaseAttached = Signal()

    def __init__(
        self,
        venues: VenueRepository | None,
        settings: Settings,
        db_location: str = "",
        map_pane: MapView | None = None,
        plans: PlanRepository | None = None,
        database: Database | None = None,
    ) -> None:
        """The whole window; with ``venues=None`` only its frame (the map pane and an empty tab bar, saying the
        database is opening), completed by ``attach``."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings
        self.setWindowTitle(tr("红色寻访助手 — 百万职工红色寻访"))
        self._small_screen = fit_to_screen(self, 1360, 820)
        self.folding = MapFolding(settings.q)
        self.tabs = QTabWidget(objectName="mainTabs")
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(self.tabs)
        self.map_pane = map_pane
        if map_pane is not None:
            self.splitter.addWidget(map_pane)
            self.splitter.setStretchFactor(0, 1)
            self.splitter.setStretchFactor(1, 1)
            self.splitter.setSizes([720, 640])  # until the user's own split is restored
        self.setCentralWidget(self.splitter)
        # The menus are there from the first frame (no jump when they arrive), greyed until the pages are
        self.actions: Actions = create_actions(self)
        build_menus(self, self.actions)
        self.menuBar().setEnabled(False)
        self.is_attached = False
        self._opening: QLabel | None = None
        self._restore_geometry()
        if venues is None:  # until attach: the first tab's title over a line saying what is happening
            self._opening = QLabel(tr("正在打开数据库…"), objectName="openingLabel")
            self._opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tabs.addTab(self._opening, tr("场馆目录"))
        else:
            self.attach(venues, db_location, plans, database)

    def attach(
        self,
        venues: VenueRepository,
        db_location: str,
        plans: PlanRepository | None = None,
        database: Database | None = None,
    ) -> None:
        """Fill the frame once the database is open: the pages, menus, the catalogue and the map's markers."""
        from redtour.storage.holidays import load_calendar
        from redtour.ui.pages.participation_page import ParticipationPage
        from redtour.ui.pages.planner_page import PlannerPage
        from redtour.ui.pages.sites_page import SitesPage

        if self._opening is not None:
            self.tabs.removeTab(self.tabs.indexOf(self._opening))
            self._opening.deleteLater()
            self._opening = None
        self.venues = venues
        self.db_location = db_location
        self.database = database
        self.holidays = load_calendar(database)  # the bundled official years + the years staff entered
        self.sites: SitesPage = SitesPage(self)
        self.planner: PlannerPage | None = (
            PlannerPage(plans, self, self.settings) if plans is not None else None
        )
        self.tabs.addTab(self.sites, tr("场馆目录"))
        if self.planner is not None:
            self.tabs.addTab(self.planner, tr("行程规划"))
        self.participation: ParticipationPage | None = (
            ParticipationPage(database, self.settings, self) if database is not None else None
        )
        # The statistics and campaign tabs are built when first opened (or first asked for): a start-up shows
        # the catalogue and the map sooner. A placeholder carries the page's objectName (the map folding's key).
        self._stats: StatsPage | None = None
        self._campaign: CampaignPage | None = None
        self._placeholders: dict[str, QWidget] = {}
        if self.participation is not None:
            self.tabs.addTab(self.participation, tr("参与记录"))
            self._add_placeholder("statsPage", tr("统计"))
            self._add_placeholder("campaignPage", tr("活动"))

        self._connect()
        self.menuBar().setEnabled(True)
        # The status bar is for transient messages; the database location is in 关于 and 设置.
        self.reload()
        self._restore_splitters()
        self._apply_map_folding()
        self.is_attached = True
        self.databaseAttached.emit()

    def _connect(self) -> None:
        a = self.actions
        a.quit.triggered.connect(self.close)
        a.find.triggered.connect(self._focus_search)
        a.edit_venue.triggered.connect(lambda: self._edit_current())
        a.revert_venue.triggered.connect(self._revert_current)
        a.today.triggered.connect(lambda: self.sites.day.setDate(QDate.currentDate()))
        a.reload.triggered.connect(self.reload)
        a.settings.triggered.connect(self._open_settings)
        a.user_guide.triggered.connect(self._open_user_guide)
        a.open_log_folder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file().parent)))
        )
        a.about.triggered.connect(self._open_about)
        a.show_map.setEnabled(self.map_pane is not None)
        a.show_map.toggled.connect(self._toggle_map)
        self.tabs.currentChanged.connect(lambda _i: self._apply_map_folding())
        self.sites.editRequested.connect(self.edit_venue)
        self.sites.venueSelected.connect(self._on_venue_selected)
        self.sites.dateChanged.connect(lambda _d: self._refresh_map())
        a.add_to_plan.triggered.connect(self._add_current_to_plan)
        a.show_planner.triggered.connect(
            lambda: self.planner is not None and self.tabs.setCurrentWidget(self.planner)
        )
        a.add_to_plan.setEnabled(self.planner is not None)
        a.show_planner.setEnabled(self.planner is not None)
        if self.planner is not None:
            self.venuesChanged.connect(self.planner.venues_changed)
            self.planner.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
            if self.map_pane is not None:
                self.planner.routeChanged.connect(self._show_route)
                self.map_pane.startHereRequested.connect(self._start_here)
                self.map_pane.endHereRequested.connect(self._end_here)
        hub().changed.connect(self.changed)
        if self.participation is not None:
            self.participation.status.connect(lambda text: self.statusBar().showMessage(text, 6000))
            self.changed.connect(self.participation.lazy.on_changed)
        self.tabs.currentChanged.connect(lambda _i: self._build_current_tab())
        if self.map_pane is not None:
            self.venuesChanged.connect(lambda _venues: self._refresh_map())
            self.map_pane.venueClicked.connect(self.sites.select_venue)
            self.map_pane.addVenueRequested.connect(self.add_venue_at)
            self.map_pane.placeVenueRequested.connect(self.place_selected_venue_at)
            self.map_pane.baseLayerChanged.connect(self._on_base_layer)
            if self.settings.base_layer:
                self.map_pane.set_base_layer(self.settings.base_layer)

    # --- lazy tabs -----------------------------------------------------------------------------------
    def _add_placeholder(self, name: str, title: str) -> None:
        placeholder = QWidget(objectName=name)
        self._placeholders[name] = placeholder
        self.tabs.addTab(placeholder, title)

    def _build_current_tab(self) -> None:
        current = self.tabs.currentWidget()
        if current is self._placeholders.get("statsPage"):
            _ = self.stats
        elif current is self._placeholders.get("campaignPage"):
            _ = self.campaign

    def _swap_in(self, name: str, page: QWidget) -> None:
        placeholder = self._placeholders.pop(name)
        index = self.tabs.indexOf(placeholder)
        was_current, title = self.tabs.currentIndex() == index, self.tabs.tabText(index)
        self.tabs.blockSignals(True)  # the swap is not the user changing tabs
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, title)
        if was_current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()

    @property
    def stats(self) -> StatsPage | None:
        """The statistics page, built on first use."""
        if self._stats is None and "statsPage" in self._placeholders and self.database is not None:
            from redtour.ui.pages.stats_page import StatsPage

            page = StatsPage(self.database, self)
            page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            self.changed.connect(page.lazy.on_changed)
            page.set_venues(self._all)
            page.lazy.mark()
            self._stats = page
            self._swap_in("statsPage", page)
        return self._stats

    @property
    def campaign(self) -> CampaignPage | None:
        """The campaign page, built on first use."""
        if self._campaign is None and "campaignPage" in self._placeholders and self.database is not None:
            from redtour.ui.pages.campaign_page import CampaignPage

            page = CampaignPage(self.database, self)
            page.holidays = self.holidays
            page.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
            page.routeChanged.connect(self._show_route)
            self.changed.connect(page.lazy.on_changed)
            self._campaign = page
            self._swap_in("campaignPage", page)
        return self._campaign

    # --- data ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        self._all = self.venues.list_venues()
        self.sites.set_holidays(self.holidays)
        self.sites.set_venues(self._all)
        if self.planner is not None:
            self.planner.set_holidays(self.holidays)
            self.planner.set_venues(self._all)
        if self.participation is not None:
            self.participation.set_venues(self._all)
            self.participation.lazy.mark()
        if self._stats is not None:
            self._stats.set_venues(self._all)
            self._stats.lazy.mark()
        self._refresh_map(fit=True)

    def _refresh_map(self, *, fit: bool = False) -> None:
        if self.map_pane is not None:
            self.map_pane.set_venues(self._all, self.sites.chosen_date, self.holidays)
            if fit:
                self.map_pane.fit_all()

    def _show_route(self, route: object) -> None:
        if self.map_pane is None:
            return
        if route is None:
            self.map_pane.clear_route()
        else:
            self.map_pane.show_route(route)  # type: ignore[arg-type]

    def _start_here(self, lat: float, lon: float) -> None:
        if self.planner is not None:
            self.planner.set_start_point(lat, lon)
            self.tabs.setCurrentWidget(self.planner)

    def _end_here(self, lat: float, lon: float) -> None:
        if self.planner is not None:
            self.planner.set_end_point(lat, lon)
            self.tabs.setCurrentWidget(self.planner)

    def _add_current_to_plan(self) -> None:
        venue = self.sites.current_venue()
        if self.planner is None:
            return
        if venue is None:
            show_info(self, tr("加入行程"), tr("请先在列表中选择一个场馆。"))
            return
        self.planner.add_venue(venue.id)
        self.statusBar().showMessage(tr("已将“{0}”加入行程").format(venue.name_zh), 5000)

    def _on_base_layer(self, name: str, _datum: str) -> None:
        self.settings.base_layer = name
        tiles = self.map_pane.tile_source if self.map_pane is not None else None
        if tiles is not None and not tiles.online and name != OFFLINE_BASE:
            self.statusBar().showMessage(tr("在线底图未开启（设置 → 地图）：只显示已缓存的瓦片。"), 8000)

    def _on_venue_selected(self, venue_id: str) -> None:
        venue = self.sites.current_venue()
        self.actions.revert_venue.setEnabled(bool(venue and venue.local_facts))
        if self.map_pane is not None and venue is not None:
            self.map_pane.select_venue(venue_id)  # an unlocated venue closes the previous popup
            if venue.location is None:
                self.statusBar().showMessage(tr("“{0}”暂无位置，地图上没有标出").format(venue.name_zh), 8000)

    # --- commands ------------------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.sites.search.setFocus()
        self.sites.search.selectAll()

    def _open_settings(self) -> None:
        from redtour.storage.holidays import load_calendar
        from redtour.ui.dialogs.settings_dialog import SettingsDialog

        tiles = self.map_pane.tile_source if self.map_pane is not None else None
        dialog = SettingsDialog(
            self.settings, self, tile_store=tiles.store if tiles is not None else None, database=self.database
        )
        accepted = dialog.exec() == SettingsDialog.DialogCode.Accepted
        self.set_holidays(load_calendar(self.database))  # years entered there are saved already
        if not accepted:
            return
        try:
            restart = dialog.apply()
        except RedtourError as exc:  # the keyring refused the password: the rest is saved
            show_error(self, str(exc))
            restart = False
        if self.planner is not None:
            self.planner.use_geocoder(self.settings)
        if tiles is not None and self.map_pane is not None:
            tiles.online = self.settings.online_tiles
            tiles.tianditu_key = self.settings.tianditu_key
            self.map_pane.set_providers(offered_providers(self.settings.tianditu_key))
        if restart:
            show_info(self, tr("设置"), tr("界面语言或数据库将在重新启动后切换。"))

    def set_holidays(self, holidays: HolidayCalendar) -> None:
        """Use another holiday calendar everywhere a date's status is shown."""
        self.holidays = holidays
        self.sites.set_holidays(holidays)
        if self.planner is not None:
            self.planner.set_holidays(holidays)
        if self._campaign is not None:
            self._campaign.holidays = holidays  # used at its next schedule run and grid redraw
        self._refresh_map()

    def _open_about(self) -> None:
        from redtour.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self._all, self.db_location, self).exec()

    def _open_user_guide(self) -> None:
        guide = paths.install_root() / "docs" / "user-guide.md"
        if guide.exists():
            from redtour.ui.dialogs.guide_dialog import GuideDialog

            GuideDialog(guide, self).exec()
        else:
            show_info(self, tr("使用指南"), tr("没有找到使用指南文件：{0}").format(guide))

    # --- layout ----------------------------------------------------------------------------------------
    def fit_screen(self, area: QRect | None = None) -> None:
        """Fit the available area (taskbar excluded); maximised when the screen is smaller than the wish."""
        if fit_to_screen(self, 1360, 820, area=area):
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def _page_name(self) -> str:
        page = self.tabs.currentWidget()
        return page.objectName() if page is not None else ""

    def _apply_map_folding(self) -> None:
        """Show or fold the map as last chosen on this tab (data tabs start folded)."""
        if self.map_pane is None:
            return
        shown = self.folding.shown(self._page_name())
        self.map_pane.setVisible(shown)
        self.actions.show_map.blockSignals(True)
        self.actions.show_map.setChecked(shown)
        self.actions.show_map.blockSignals(False)

    def _toggle_map(self, shown: bool) -> None:
        if self.map_pane is None:
            return
        self.map_pane.setVisible(shown)
        self.folding.remember(self._page_name(), shown)

    # --- window state --------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry, state = self.settings.window_state("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        elif self._small_screen:
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        if state is not None:
            self.restoreState(state)
        saved = self.settings.splitter_state("main")
        if saved is not None:
            self.splitter.restoreState(saved)

    def _restore_splitters(self) -> None:
        splitters = [("sites", self.sites.splitter)]
        if self.planner is not None:
            splitters.append(("planner", self.planner.splitter))
        for name, splitter in splitters:
            saved = self.settings.splitter_state(name)
            if saved is not None:
                splitter.restoreState(saved)

    def closeEvent(self, event: QCloseEvent) -> None:
        executor().wait()  # a queued write is finished, never cut off
        if self.map_pane is not None:
            self.map_pane.shutdown()
        self.settings.save_window_state("main", self.saveGeometry(), self.saveState())
        self.settings.save_splitter_state("main", self.splitter.saveState())
        if self.is_attached:  # closed while the database was opening: the pages' splits were never shown
            self.settings.save_splitter_state("sites", self.sites.splitter.saveState())
            if self.planner is not None:
                self.settings.save_splitter_state("planner", self.planner.splitter.saveState())
        super().closeEvent(event)
