"""常用地点… on the planner: rename (the start box follows the new name) and delete after a real confirmation."""

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from redtour.core.planner import Place
from redtour.storage.places import PlaceRepository
from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.dialogs.places_dialog import PlacesDialog
from redtour.ui.pages.place_inputs import select_place
from redtour.ui.pages.planner_page import PlannerPage


def planner(qtbot, user_db):
    repo = PlaceRepository(user_db)
    repo.save("区工会门口", 31.2490, 121.3970)
    repo.save("曹杨新村站 1号口", 31.2440, 121.4150)
    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.day.setDate(QDate(2026, 12, 2))
    page.show()
    return page, repo


def open_dialog(qtbot, page, name):
    qtbot.mouseClick(page.places_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(PlacesDialog, "placesDialog")
    qtbot.waitUntil(dialog.isVisible)
    row = dialog.names().index(name)
    dialog.list.setCurrentRow(row)
    return dialog


def answer_question(qtbot, button):
    """Click ``button`` on the confirmation box once it is open (it runs modally inside delete())."""

    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def test_rename_keeps_the_start_box_on_the_renamed_place(qtbot, user_db):
    page, repo = planner(qtbot, user_db)
    select_place(page.start, Place("区工会门口", 31.2490, 121.3970))
    dialog = open_dialog(qtbot, page, "区工会门口")
    assert not dialog.rename("曹杨新村站 1号口")  # taken: refused with the reason, nothing changed
    assert "已有名为" in dialog.message.text()
    assert dialog.rename("普陀区总工会门口")
    assert sorted(dialog.names()) == sorted(["普陀区总工会门口", "曹杨新村站 1号口"])
    dialog.close()
    assert page.start.currentText() == "★ 普陀区总工会门口"
    assert page.request().start == Place("普陀区总工会门口", 31.2490, 121.3970)
    assert page.start.findText("★ 区工会门口") < 0
    assert {p.name for p in repo.list_places()} == {"普陀区总工会门口", "曹杨新村站 1号口"}


def test_delete_asks_first_and_no_keeps_the_place(qtbot, user_db):
    page, repo = planner(qtbot, user_db)
    dialog = open_dialog(qtbot, page, "曹杨新村站 1号口")
    answer_question(qtbot, QMessageBox.StandardButton.No)
    assert not dialog.delete()
    assert len(repo.list_places()) == 2
    answer_question(qtbot, QMessageBox.StandardButton.Yes)
    assert dialog.delete()
    assert [p.name for p in repo.list_places()] == ["区工会门口"] and dialog.names() == ["区工会门口"]
    dialog.close()
    assert page.end.findText("★ 曹杨新村站 1号口") < 0 and page.end.findText("★ 区工会门口") >= 0
