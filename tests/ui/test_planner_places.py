"""Start and end as ordinary places: a map pick gets a name (printed as 集合地点) and can be kept as a 常用地点;
the boxes also take a saved place, "lat,lon" or a venue by any of its names, and say why other text fails."""

import re

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication

from redtour.core.planner import PlanError
from redtour.export.route_sheet import render_sheet_html
from redtour.storage.places import PlaceRepository
from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.pages.place_inputs import PlaceNameDialog
from redtour.ui.pages.planner_page import PlannerPage

NAME = "普陀区工人文化宫门口"


def new_page(qtbot, user_db):
    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.day.setDate(QDate(2026, 12, 2))
    return page


@pytest.fixture
def page(qtbot, user_db):
    return new_page(qtbot, user_db)


def answer_the_name_dialog(qtbot, name, keep):
    """Fill in the real dialog once it is open (it runs modally inside set_start_point)."""

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PlaceNameDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.name.setText(name)
        if keep:
            qtbot.mouseClick(dialog.keep, Qt.MouseButton.LeftButton)
        dialog.name.setFocus()
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)


def test_map_pick_named_and_kept_is_printed_as_the_meeting_place(qtbot, page, user_db):
    answer_the_name_dialog(qtbot, NAME, keep=True)
    page.set_start_point(31.2480, 121.4020)
    assert page.start.currentText() == f"★ {NAME}"
    page.add_venue("alpha")
    with qtbot.waitSignal(page.routeChanged, timeout=10_000):
        page.compute(optimize=True)
    assert page.plan.request.start.name == NAME
    html = render_sheet_html(page.plan, page.sheet_options(), "")
    assert re.search(r"集合地点</td>\s*<td>" + NAME + "</td>", html)
    assert [(p.name, p.lat, p.lon) for p in PlaceRepository(user_db).list_places()] == [
        (NAME, 31.2480, 121.4020)
    ]
    again = new_page(qtbot, user_db)  # kept with the data: another page (or a restart) offers it
    assert again.start.findText(f"★ {NAME}") >= 0


def test_map_pick_not_kept_is_named_but_not_saved(qtbot, page, user_db):
    answer_the_name_dialog(qtbot, "临时集合点", keep=False)
    page.set_end_point(31.2, 121.45)
    assert page.end.currentData().name == "临时集合点"
    assert PlaceRepository(user_db).list_places() == []


def test_typed_saved_place_coordinates_and_venue_names(page, user_db):
    PlaceRepository(user_db).save(NAME, 31.2480, 121.4020)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.start.setEditText(NAME)
    assert page.request().start.name == NAME
    page.start.setEditText("31.2304, 121.4737")
    assert (page.request().start.lat, page.request().start.lon) == (31.2304, 121.4737)
    page.start.setEditText("测试纪念馆甲")
    assert page.request().start.venue_id == "alpha"
    page.start.setEditText("没有这个地方")
    with pytest.raises(PlanError, match="没有这个地方"):
        page.request()
