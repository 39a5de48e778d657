"""The venue picker through its real widgets, over the shipped catalogue (pinyin initials, Chinese, no match)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from redtour import paths
from redtour.storage.catalogue_source import load_venues
from redtour.storage.plans import PlanRepository
from redtour.ui.pages.planner_page import PlannerPage
from redtour.ui.widgets.venue_picker import NAME_ROLE

CATALOGUE = load_venues(paths.catalogue_source_dir())


@pytest.fixture
def page(qtbot, user_db):
    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(CATALOGUE)
    page.show()
    return page


def stop_names(page):
    return [page.stops.item(r, 0).text() for r in range(page.stops.rowCount())]


def type_text(qtbot, page, text):
    """ASCII as key presses; Chinese as an input method delivers it (a committed string)."""
    edit = page.picker.edit
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)


def type_and_add(qtbot, page, text):
    type_text(qtbot, page, text)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def test_initials_gzh_then_jiaru_adds_gu_zhenghong(qtbot, page):
    type_and_add(qtbot, page, "gzh")
    assert stop_names(page) == ["顾正红纪念馆"]


def test_chinese_fragment_finds_the_textile_museum_and_the_dropdown_shows_district_and_status(qtbot, page):
    type_text(qtbot, page, "纺织")
    shown = [page.picker.hits.item(r).text() for r in range(page.picker.hits.rowCount())]
    assert len(shown) == 1 and shown[0].startswith("上海纺织博物馆")
    assert "普陀区" in shown[0] and any(w in shown[0] for w in ("开放", "闭馆", "待核实"))
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert stop_names(page) == ["上海纺织博物馆（申九“二·二”斗争纪念地）"]


def test_choosing_from_the_dropdown_adds_that_venue(qtbot, page):
    type_text(qtbot, page, "纪念馆")
    hits = page.picker.hits
    assert hits.rowCount() > 1
    wanted = hits.item(1).data(NAME_ROLE)
    popup = page.picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    second = popup.model().index(1, 0)
    qtbot.mouseClick(popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(second).center())
    assert page.picker.edit.text() == wanted
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert stop_names(page) == [wanted]


def test_nothing_matches_says_so_and_adds_nothing(qtbot, page):
    type_and_add(qtbot, page, "zzzqqq")
    assert stop_names(page) == []
    assert page.picker.message.isVisible() and "zzzqqq" in page.picker.message.text()


def test_several_matches_ask_for_a_choice(qtbot, page):
    type_and_add(qtbot, page, "纪念馆")
    assert stop_names(page) == []
    assert "请从下拉列表中选择" in page.picker.message.text()


def test_group_dialog_uses_the_same_picker(qtbot, user_db):
    from redtour.storage.participation import ParticipationRepository
    from redtour.ui.dialogs.group_dialog import GroupDialog

    dialog = GroupDialog(ParticipationRepository(user_db), CATALOGUE, user_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.picker.edit.setFocus()
    qtbot.keyClicks(dialog.picker.edit, "gzh")
    qtbot.mouseClick(dialog.picker.button, Qt.MouseButton.LeftButton)
    assert dialog.chosen_venues() == [next(v.id for v in CATALOGUE if v.name_zh == "顾正红纪念馆")]
