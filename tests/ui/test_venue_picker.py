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
    model = page.stop_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


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


GU = next(v for v in CATALOGUE if v.name_zh == "顾正红纪念馆")
HUZHOU = next(v for v in CATALOGUE if v.name_zh.startswith("湖州会馆"))


def test_campaign_request_dialog_uses_the_same_picker(qtbot):
    """gzh + 加入必去, 湖州会馆 + 加入可选, gzh + 设为出发地: the values the import's rules read name exactly those."""
    from datetime import date

    from redtour.core.campaign_requests import check_request
    from redtour.storage.campaigns import Campaign
    from redtour.ui.dialogs.request_dialog import RequestDialog

    campaign = Campaign(1, "c", "十二月", date(2026, 12, 1), date(2026, 12, 31), None)
    saved = []
    names = {v.id: v.name_zh for v in CATALOGUE}
    dialog = RequestDialog(campaign, saved.append, names, venues=CATALOGUE)
    qtbot.addWidget(dialog)
    dialog.show()

    def pick(text, button):
        dialog.picker.edit.setFocus()
        qtbot.keyClicks(dialog.picker.edit, text) if text.isascii() else dialog.picker.edit.setText(text)
        qtbot.mouseClick(dialog.findChild(type(dialog.picker.button), button), Qt.MouseButton.LeftButton)

    pick("gzh", "reqAddMust")
    assert dialog.must.text() == "顾正红纪念馆"
    pick("gzh", "reqAddMust")  # once only
    assert dialog.must.text() == "顾正红纪念馆" and "已在列表中" in dialog.picker.message.text()
    pick("湖州会馆", "reqAddOptional")  # its full name holds a 、: written by its alias
    assert dialog.optional.text() == "湖州会馆"
    pick("gzh", "reqSetStart")
    assert dialog.start.text() == "顾正红纪念馆"
    dialog.union.setText("普陀区总工会")
    dialog.name.setText("一组")
    dialog.people.setValue(30)
    dialog.accept()
    draft = check_request(saved[0], CATALOGUE, (campaign.start, campaign.end), None)
    assert draft.must == (GU.id,) and draft.optional == (HUZHOU.id,) and draft.start.venue_id == GU.id


def test_corrections_choose_the_venue_with_the_catalogue_matcher(qtbot):
    """修正资料 edits the venue the catalogue list shows: typing gzh there selects 顾正红纪念馆 alone."""
    from redtour.ui.dialogs.venue_edit_dialog import VenueEditDialog
    from redtour.ui.pages.sites_page import SitesPage

    sites = SitesPage()
    qtbot.addWidget(sites)
    sites.set_venues(CATALOGUE)
    sites.show()
    qtbot.keyClicks(sites.search, "gzh")
    asked = []
    sites.editRequested.connect(asked.append)
    qtbot.mouseClick(sites.edit_button, Qt.MouseButton.LeftButton)
    assert asked == [GU.id]
    dialog = VenueEditDialog(sites.current_venue())
    qtbot.addWidget(dialog)
    assert "顾正红纪念馆" in dialog.windowTitle()


def test_enter_in_a_dialogs_picker_adds_the_venue_and_does_not_press_ok(qtbot):
    """Enter names the venue to add; it must not also press the dialog's default button (which saved, or
    tried to save, a half-filled request)."""
    from datetime import date

    from redtour.storage.campaigns import Campaign
    from redtour.ui.dialogs.request_dialog import RequestDialog

    saved = []
    campaign = Campaign(1, "c", "十二月", date(2026, 12, 1), date(2026, 12, 31), None)
    dialog = RequestDialog(campaign, saved.append, {}, venues=CATALOGUE)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.picker.edit.setFocus()
    qtbot.keyClicks(dialog.picker.edit, "gzh")
    qtbot.keyClick(dialog.picker.edit, Qt.Key.Key_Return)
    assert dialog.must.text() == "顾正红纪念馆" and saved == [] and dialog.isVisible()


def test_enter_on_a_dropdown_row_then_enter_adds_that_row(qtbot, page):
    type_text(qtbot, page, "纪念馆")
    popup = page.picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    wanted = page.picker.hits.item(0).data(NAME_ROLE)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.picker.edit.text() == wanted
    qtbot.keyClick(page.picker.edit, Qt.Key.Key_Return)
    assert stop_names(page) == [wanted]
