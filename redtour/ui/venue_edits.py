"""The main window's venue edits: corrections from the edit dialog, a venue placed or added on the map, a revert to
the catalogue. Each is a write on the writer thread (ui/operations.py); its result replaces the venue in the list,
the planner and the map at once (MainWindow.venuesChanged)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QMainWindow, QMessageBox

from redtour.core.catalogue import Location, Venue
from redtour.ui.i18n import tr
from redtour.ui.messages import show_error, show_info
from redtour.ui.operations import WriteOp

if TYPE_CHECKING:  # the window's frame is shown before the storage layer and the pages load (redtour/app.py)
    from redtour.storage.venues import VenueRepository
    from redtour.ui.map.map_view import MapView
    from redtour.ui.pages.sites_page import SitesPage

log = logging.getLogger(__name__)


class VenueEdits(QMainWindow):
    """The main window's base: its venue edits. What they use of the window is declared here, so this module
    need not import main_window (MainWindow derives from this class)."""

    sites: SitesPage
    venues: VenueRepository
    map_pane: MapView | None
    venuesChanged: Any  # a Signal of MainWindow
    _all: list[Venue]

    if TYPE_CHECKING:  # defined by MainWindow

        def reload(self) -> None: ...
        def _refresh_map(self, *, fit: bool = False) -> None: ...
        def _on_venue_selected(self, venue_id: str) -> None: ...

    def add_venue_at(self, lat: float, lon: float) -> None:
        """“在这里添加场馆” from the map: a local venue at the clicked WGS-84 point."""
        name, ok = QInputDialog.getText(
            self, tr("添加场馆"), tr("在 {0:.5f}, {1:.5f} 添加本地场馆，名称：").format(lat, lon)
        )
        if not ok or not name.strip():
            return
        venue = Venue(id="", name_zh=name.strip(), location=Location(lat, lon, note=tr("在地图上选取")))

        def added(new: Venue) -> None:
            self.reload()
            self.sites.select_venue(new.id)
            self.edit_venue(new.id)

        self._write(lambda: self.venues.add_local_venue(venue), added)

    def _edit_current(self) -> None:
        venue = self.sites.current_venue()
        if venue is None:
            show_info(self, tr("修正场馆资料"), tr("请先在列表中选择一个场馆。"))
            return
        self.edit_venue(venue.id)

    def edit_venue(self, venue_id: str) -> None:
        venue = self.venues.get(venue_id)
        from redtour.ui.dialogs.venue_edit_dialog import VenueEditDialog

        dialog = VenueEditDialog(venue, self)
        if dialog.exec() != VenueEditDialog.DialogCode.Accepted:
            return
        changes, confirmed = dialog.changed_facts(), dialog.confirmed_facts()
        if not changes and not confirmed:
            return
        day, note = dialog.checked_date, dialog.note_text
        by, how = dialog.checked_by, dialog.checked_how

        def saved(updated: Venue) -> None:
            log.info("local correction of %s: %s; confirmed %s", venue_id, sorted(changes), sorted(confirmed))
            self._replace(updated)
            if "location" in changes:
                self._refresh_map()  # the marker appears (or moves) at once
            self.statusBar().showMessage(tr("已保存对“{0}”的本地修正").format(updated.name_zh), 5000)

        self._write(
            lambda: self.venues.correct_many(venue_id, changes, day, note, by=by, how=how, confirmed=confirmed),
            saved,
        )

    def place_selected_venue_at(self, lat: float, lon: float) -> None:
        """“把所选场馆放在这里” from the map: the selected venue's location, as a dated local correction."""
        venue = self.sites.current_venue()
        if venue is None:
            show_info(self, tr("放置场馆"), tr("请先在左侧列表中选择要放在地图上的场馆。"))
            return
        question = (
            tr("把“{0}”从原位置移到 {1:.5f}, {2:.5f}（WGS-84）？")
            if venue.location is not None
            else tr("把“{0}”放在 {1:.5f}, {2:.5f}（WGS-84）？")
        ).format(venue.name_zh, lat, lon)
        question += "\n" + tr("保存为本机的本地修正（今天的日期），可随时恢复目录资料。")
        if QMessageBox.question(self, tr("放置场馆"), question) != QMessageBox.StandardButton.Yes:
            return
        self.set_venue_location(venue.id, lat, lon)

    def set_venue_location(self, venue_id: str, lat: float, lon: float) -> None:
        # Stored words stay Chinese whatever the UI language, like the catalogue's own notes.
        value = {"lat": lat, "lon": lon, "datum": "WGS-84", "note": "在地图上选取"}

        def placed(updated: Venue) -> None:
            self._replace(updated)
            self._refresh_map()
            if self.map_pane is not None:
                self.map_pane.select_venue(venue_id)
            self.statusBar().showMessage(tr("已把“{0}”放在地图上").format(updated.name_zh), 5000)

        self._write(
            lambda: self.venues.correct(venue_id, "location", value, date.today(), "在地图上放置", how="地图选点"),
            placed,
        )

    def _revert_current(self) -> None:
        venue = self.sites.current_venue()
        if venue is None or not venue.local_facts:
            return
        answer = QMessageBox.question(
            self,
            tr("恢复目录原始资料"),
            tr("删除对“{0}”的全部本地修正，恢复场馆目录中的资料？").format(venue.name_zh),
        )
        if answer == QMessageBox.StandardButton.Yes:
            venue_id = venue.id
            self._write(lambda: self.venues.revert(venue_id), self._replace)

    def _write(self, fn: Callable[[], Venue], then: Callable[[Venue], None]) -> None:
        """A venue write on the writer thread; ``then`` shows its result, or the error is shown."""
        WriteOp(self, fn).success(then).failure(
            lambda exc: show_error(self, tr("保存失败：{0}").format(exc))
        ).run_in_background()

    def _replace(self, venue: Venue) -> None:
        self._all = [venue if v.id == venue.id else v for v in self._all]
        self.sites.update_venue(venue)
        self.venuesChanged.emit(self._all)
        self._on_venue_selected(venue.id)
