"""The map pane: a locked-down QWebEngineView on the app:// page, talking JSON over one QWebChannel slot."""

from __future__ import annotations

import logging
from datetime import date

import shiboken6
from PySide6.QtCore import QObject, Qt, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.mapping.commands import (
    ClearRoute,
    Command,
    FitAll,
    PrintMode,
    ReportPainted,
    SelectVenue,
    SetBaseLayer,
    SetVenues,
    ShowRoute,
    replay,
)
from redtour.mapping.markers import day_notice, venue_markers
from redtour.mapping.page_cache import cached_page
from redtour.mapping.protocol import (
    BaseLayerChanged,
    ContextAction,
    MapError,
    MapPainted,
    MapReady,
    MarkerClicked,
    Route,
    parse_message,
)
from redtour.mapping.tiles import TileProvider
from redtour.ui.map.interceptor import LocalOnlyInterceptor
from redtour.ui.map.scheme import AppSchemeHandler
from redtour.ui.map.tile_source import TileSource
from redtour.ui.url_scheme import SCHEME

log = logging.getLogger(__name__)
PAGE_URL = QUrl("app://redtour/page.html")
OFFLINE_BASE = "离线底图 Offline"  # the name bridge.js gives the offline base layer


class Bridge(QObject):
    """The one object the page sees. JS → Python: ``receive(json)``; parsed and re-emitted as Qt signals."""

    message = Signal(object)

    @Slot(str)
    def receive(self, text: str) -> None:
        try:
            message = parse_message(text)
        except ValueError as exc:  # the page is not trusted: a bad message is logged, never an error dialog
            log.warning("ignored a malformed message from the map page: %s", exc)
            return
        self.message.emit(message)


class LockedPage(QWebEnginePage):
    """Stays on the app:// page: no navigation away, no new windows."""

    def acceptNavigationRequest(
        self, url: QUrl, nav_type: QWebEnginePage.NavigationType, is_main: bool
    ) -> bool:
        if is_main and url.scheme() != SCHEME.decode():
            log.warning("blocked navigation of the map page to %s", url.toString())
            return False
        return True

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> QWebEnginePage | None:
        return None

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:
        log.debug("map page console (%s) %s:%s %s", level, source, line, message)


class MapView(QWidget):
    venueClicked = Signal(str)
    startHereRequested = Signal(float, float)
    endHereRequested = Signal(float, float)
    addVenueRequested = Signal(float, float)
    placeVenueRequested = Signal(float, float)  # “把所选场馆放在这里”: WGS-84
    baseLayerChanged = Signal(str, str)  # layer name, datum
    ready = Signal()
    painted = Signal(int)  # the token of a request_painted(): everything sent before it is drawn

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        tile_source: TileSource | None = None,
        providers: tuple[TileProvider, ...] = (),
        menu: tuple[str, ...] = ("add_venue",),
        language: str = "zh_CN",
    ) -> None:
        """``providers``: online base layers offered in the switcher, served by ``tile_source``."""
        super().__init__(parent)
        self.setObjectName("mapView")
        self._ready = False
        self._closed = False
        self._queue: list[Command] = []
        self._state: tuple[Command, ...] = ()  # what a reloaded page is sent again (commands.replay)
        self._painted_token = 0
        self.tile_source = tile_source
        self.providers = providers if tile_source is not None else ()
        self.menu = menu
        self.language = language
        self.profile = QWebEngineProfile(self)  # off the record: nothing of the page is kept on disk
        self.interceptor = LocalOnlyInterceptor(self)
        self.profile.setUrlRequestInterceptor(self.interceptor)
        self._html: str | None = None
        self.scheme_handler = AppSchemeHandler(
            self._page_html, self, tiles=tile_source.serve if tile_source is not None else None
        )
        self.profile.installUrlSchemeHandler(SCHEME, self.scheme_handler)

        self.view = QWebEngineView(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # the page has its own menu
        self.page = LockedPage(self.profile, self.view)
        settings = self.page.settings()
        for attribute, on in (
            (QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False),
            (QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, False),
            (QWebEngineSettings.WebAttribute.JavascriptCanOpenWindows, False),
            (QWebEngineSettings.WebAttribute.NavigateOnDropEnabled, False),
            (QWebEngineSettings.WebAttribute.LocalStorageEnabled, False),
        ):
            settings.setAttribute(attribute, on)
        self.bridge = Bridge(self)
        self.bridge.message.connect(self._on_message)
        self.channel = QWebChannel(self.page)
        self.channel.registerObject("bridge", self.bridge)
        self.page.setWebChannel(self.channel)
        self.view.setPage(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.load(PAGE_URL)

    def _page_html(self) -> str:
        if self._html is None:
            self._html = cached_page(self.menu, self.providers, self.language)  # folium only on a miss
        return self._html

    def set_providers(self, providers: tuple[TileProvider, ...]) -> None:
        """Offer other online base layers: rebuilds and reloads the page (``ready`` fires again)."""
        if self.tile_source is None or providers == self.providers:
            return
        self.providers = providers
        self._html = None
        self._ready = False
        self._queue = list(self._state)
        self.view.load(PAGE_URL)

    # --- Python → JS -----------------------------------------------------------------------------------
    def send(self, command: Command) -> None:
        """Run a command on the page (queued until it is ready); state-setting ones are replayed on reload."""
        if self._closed:
            return
        self._state = replay((*self._state, command))
        if self._ready:
            self.page.runJavaScript(command.to_js())
        else:
            self._queue.append(command)

    def set_venues(self, venues: list[Venue], on_date: date, holidays: HolidayCalendar | None = None) -> None:
        """Markers coloured for ``on_date``; the legend says when that year's holidays are unknown."""
        markers = venue_markers(venues, on_date, self.language, holidays)
        self.send(SetVenues(tuple(markers), day_notice(on_date, holidays, self.language)))

    def fit_all(self) -> None:
        self.send(FitAll())

    def select_venue(self, venue_id: str) -> None:
        self.send(SelectVenue(venue_id))

    def show_route(self, route: Route) -> None:
        self.send(ShowRoute(route))

    def clear_route(self) -> None:
        self.send(ClearRoute())

    def set_base_layer(self, name: str) -> None:
        self.send(SetBaseLayer(name))

    def print_mode(self) -> None:
        self.send(PrintMode())

    def request_painted(self) -> int:
        """Ask the page to report (``painted``) once everything sent so far is drawn; returns the token."""
        self._painted_token += 1
        self.send(ReportPainted(self._painted_token))
        return self._painted_token

    @property
    def is_ready(self) -> bool:
        return self._ready

    # --- JS → Python -----------------------------------------------------------------------------------
    def _on_message(self, message: object) -> None:
        match message:
            case MapReady():
                self._ready = True
                for command in self._queue:
                    self.page.runJavaScript(command.to_js())
                self._queue.clear()
                self.ready.emit()
            case MapPainted(token=token):
                self.painted.emit(token)
            case MarkerClicked(venue_id=venue_id):
                self.venueClicked.emit(venue_id)
            case ContextAction(kind="start_here", lat=lat, lon=lon):
                self.startHereRequested.emit(lat, lon)
            case ContextAction(kind="end_here", lat=lat, lon=lon):
                self.endHereRequested.emit(lat, lon)
            case ContextAction(kind="add_venue", lat=lat, lon=lon):
                self.addVenueRequested.emit(lat, lon)
            case ContextAction(kind="place_venue", lat=lat, lon=lon):
                self.placeVenueRequested.emit(lat, lon)
            case BaseLayerChanged(name=name, datum=datum):
                self.baseLayerChanged.emit(name, datum)
            case MapError(message=text):
                log.error("map page error: %s", text)

    def shutdown(self) -> None:
        """Delete the page now, before its profile: the other order warns and can crash at exit."""
        if self._closed:
            return
        self._closed = True
        self._ready = False
        self.view.setPage(None)  # type: ignore[arg-type]
        shiboken6.delete(self.page)
        shiboken6.delete(self.profile)
