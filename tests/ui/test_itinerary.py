"""The itinerary table: lunch and waiting as rows, a shared warning said once, ↑/↓ and Alt+↑/↓ reordering."""

import pytest
from PySide6.QtCore import QDate, Qt, QTime

from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.pages.planner_page import PlannerPage


@pytest.fixture
def page(qtbot, user_db):
    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.day.setDate(QDate(2026, 12, 2))
    page.start.setCurrentIndex(page.start.findText("测试纪念馆甲"))
    page.show()
    return page


def plan(qtbot, page, *ids, optimize=True):
    for vid in ids:
        page.add_venue(vid)
    with qtbot.waitSignal(page.routeChanged, timeout=10_000):
        page.compute(optimize=optimize)


def column(page, col):
    return [page.model.index(r, col).data() for r in range(page.model.rowCount())]


def test_lunch_and_waiting_are_rows_with_their_times(qtbot, page):
    page.start_time.setTime(QTime(7, 0))  # arrives before the first venue opens
    plan(qtbot, page, "alpha", "beta")
    names = column(page, 1)
    lunch = names.index("午餐")
    assert column(page, 2)[lunch] == f"{page.plan.lunch[0]:%H:%M}"
    assert column(page, 4)[lunch] == f"{page.plan.lunch[1]:%H:%M}"
    assert lunch == len(names) - 1 and page.plan.lunch_after == 2  # after the second stop, as on the sheet
    first = page.plan.stops[0]
    assert names[0] == f"等候开馆（{first.wait_min} 分钟）" and first.wait_min > 0
    assert (column(page, 2)[0], column(page, 4)[0]) == (f"{first.arrive:%H:%M}", f"{first.start:%H:%M}")
    assert [n for n in names if n in {s.venue.name_zh for s in page.plan.stops}] == [
        s.venue.name_zh for s in page.plan.stops
    ]


def test_a_warning_every_stop_shares_is_said_once_above_the_table(qtbot, page):
    plan(qtbot, page, "alpha", "beta")
    shared = set(page.plan.stops[0].warnings) & set(page.plan.stops[1].warnings)
    assert shared  # the 2026 holiday schedule is not entered in the test database
    label = page.moves.common
    assert not label.isHidden() and all(w in label.text() for w in shared)
    assert not any(w in (text or "") for w in shared for text in column(page, 7))


def test_buttons_and_alt_arrows_move_the_selected_stop_and_undo(qtbot, page):
    plan(qtbot, page, "alpha", "beta")
    best = [s.venue.id for s in page.plan.stops]
    last = page.model.row_of_stop(1)
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(last, 1))
    qtbot.mouseClick(page.moves.up, Qt.MouseButton.LeftButton)
    assert [s.venue.id for s in page.plan.stops] == best[::-1]
    assert page.model.stop_index(page.table.currentIndex().row()) == 0  # the selection follows the stop
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [s.venue.id for s in page.plan.stops] == best
    qtbot.keyClick(page.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [s.venue.id for s in page.plan.stops] == best[::-1]
    page.undo.undo()
    assert [s.venue.id for s in page.plan.stops] == best


def test_lunch_rows_cannot_be_dragged(qtbot, page):
    plan(qtbot, page, "alpha", "beta")
    lunch = column(page, 1).index("午餐")
    assert not page.model.flags(page.model.index(lunch, 1)) & Qt.ItemFlag.ItemIsDragEnabled
