"""The planner's start and end boxes: a saved place (常用地点), a venue, "lat,lon", or an address through the
optional geocoder; and the name a point picked on the map is given (and saved as a place, if wanted)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from redtour.core.catalogue import Venue
from redtour.core.places import Geocoder, resolve_place
from redtour.core.planner import Place
from redtour.ui.dialogs.buttons import ok_cancel
from redtour.ui.i18n import tr


class PlaceNameDialog(QDialog):
    """“从这里出发/到这里结束”: what to call the point (printed as 集合地点) and whether to keep it."""

    def __init__(self, lat: float, lon: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeNameDialog")
        self.setWindowTitle(tr("地图选点"))
        self.name = QLineEdit(objectName="placeName")
        self.name.setPlaceholderText(tr("例如：普陀区总工会门口"))
        self.name.setText(tr("地图选点 {0:.5f}, {1:.5f}").format(lat, lon))
        self.name.selectAll()
        self.keep = QCheckBox(tr("保存为常用地点"), objectName="placeKeep")
        form = QFormLayout(self)
        form.addRow(QLabel(tr("坐标 {0:.5f}, {1:.5f}").format(lat, lon)))
        form.addRow(tr("地点名称"), self.name)
        form.addRow(self.keep)
        form.addRow(ok_cancel(self, self._accept))

    def _accept(self) -> None:
        if self.name.text().strip():
            self.accept()


def ask_place_name(parent: QWidget | None, lat: float, lon: float) -> tuple[str, bool] | None:
    """(name, save as a place), or None when cancelled."""
    dialog = PlaceNameDialog(lat, lon, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return " ".join(dialog.name.text().split()), dialog.keep.isChecked()
    finally:
        dialog.deleteLater()


def fill_place_combo(
    combo: QComboBox, saved: Iterable[Place], venues: Iterable[Venue], *, none_text: str | None = None
) -> None:
    """Saved places first (the union's own), then the venues that have a location."""
    keep = combo.currentData()
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for place in saved:
        combo.addItem(tr("★ {0}").format(place.name), place)
    for v in venues:
        if v.location is not None:
            combo.addItem(v.name_zh, Place(v.name_zh, v.location.lat, v.location.lon, v.id))
    if keep is not None:
        select_place(combo, keep)


def select_place(combo: QComboBox, place: Place | None) -> None:
    if place is None:
        combo.setCurrentIndex(0)
        return
    for i in range(combo.count()):
        data = combo.itemData(i)
        if isinstance(data, Place) and (data.lat, data.lon, data.name) == (place.lat, place.lon, place.name):
            combo.setCurrentIndex(i)
            return
    combo.addItem(place.name, place)
    combo.setCurrentIndex(combo.count() - 1)


def combo_place(
    combo: QComboBox, venues: Iterable[Venue], saved: Iterable[Place], geocoder: Geocoder | None
) -> Place | None:
    """The place the (editable) box names: the chosen item, or the typed text resolved; raises
    GeocodeError/LookupError with the reason when the typed text names nothing."""
    text = combo.currentText().strip()
    index = combo.currentIndex()
    if index >= 0 and combo.itemText(index) == combo.currentText():
        data = combo.itemData(index)
        return data if isinstance(data, Place) else None
    if not text:
        return None
    place = resolve_place(text, venues, geocoder, saved)
    select_place(combo, place)
    return place
