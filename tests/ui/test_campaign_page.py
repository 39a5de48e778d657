"""The 活动 page with real widgets and a real database: requests, the venue × day grid, bookings, progress."""

from __future__ import annotations

from datetime import date, time

import pytest

from redtour.core.campaign.model import Assignment, ScheduleResult, StopTime
from redtour.storage.campaign_bookings import bookings, set_state
from redtour.storage.campaign_import import import_requests
from redtour.storage.campaign_schedule import run_inputs, save_schedule
from redtour.storage.campaigns import CampaignRepository
from redtour.ui.pages.campaign_page import COLOURS, CampaignPage
from tests.importing.test_bad_files import write_csv
from tests.storage.test_campaigns import request_rows


@pytest.fixture
def scheduled(user_db, tmp_path):
    repo = CampaignRepository(user_db)
    c = repo.create("冬季寻访", date(2026, 12, 7), date(2026, 12, 13), 100)
    import_requests(user_db, write_csv(tmp_path / "r.csv", request_rows()), c)
    inputs = run_inputs(user_db, c)
    same = (StopTime("alpha", time(10, 0), time(11, 0)),)
    overlapping = (StopTime("alpha", time(10, 30), time(11, 30)), StopTime("beta", time(13, 0), time(14, 0)))
    result = ScheduleResult(
        False, 0.05, None, None,
        (Assignment(inputs.requests[0].group_id, 0, 1, 20, date(2026, 12, 9), same),
         Assignment(inputs.requests[1].group_id, 0, 1, 30, date(2026, 12, 9), overlapping)),
        (), requests={r.group_id: r for r in inputs.requests},
    )  # fmt: skip
    save_schedule(user_db, c, result, date(2026, 12, 1))
    return c


def test_grid_shows_load_against_capacity_and_bookings_change_state(qtbot, user_db, scheduled):
    page = CampaignPage(user_db)
    qtbot.addWidget(page)
    page.reload()
    assert page.campaign is not None and page.campaign.name == "冬季寻访"
    assert "2 个团队，报名 50 人，已排 50 人" in page.summary.text()
    assert page.requests.rowCount() == 2 and page.requests.item(0, 5).text() == "12-09"
    # Rows: alpha, beta; columns: 12-07 … 12-13. 12-09 is a Wednesday; 12-07 a Monday (both closed).
    assert page.grid.rowCount() == 2 and page.grid.columnCount() == 7
    assert "容量待核实" in page.grid.verticalHeaderItem(0).text()
    busy = page.grid.item(0, 2)
    assert busy.text() == "2"
    assert busy.background().color().name() == COLOURS["over"]  # two groups inside at 10:30, capacity 1
    assert "10:00–11:00 机电工会 一组 20人" in busy.toolTip()
    assert page.grid.item(0, 0).background().color().name() == COLOURS["closed"]
    assert page.grid.item(1, 2).background().color().name() == COLOURS["ok"]
    assert page.booking_table.rowCount() == 3
    first = bookings(user_db, scheduled.id)[0]
    set_state(user_db, first.id, "已预约", reference="R1", by="李")
    page.refresh()
    page.booking_table.selectRow(0)
    qtbot.mouseClick(page.findChild(type(page.schedule_button), "booking_已确认"), qtbot_left())
    assert bookings(user_db, scheduled.id)[0].state == "已确认"
    assert page.booking_table.item(0, 6).text() == "已确认"
    assert page.unions.rowCount() == 2


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_schedule_runs_off_the_gui_thread_and_stop_keeps_the_best(qtbot, user_db, tmp_path, threaded_ops):
    repo = CampaignRepository(user_db)
    c = repo.create("春季寻访", date(2026, 12, 7), date(2026, 12, 13))
    import_requests(user_db, write_csv(tmp_path / "r.csv", request_rows()), c)
    page = CampaignPage(user_db)
    qtbot.addWidget(page)
    page.reload()
    page.run_schedule(time_limit=30)
    assert page._stop is not None and not page.schedule_button.isEnabled() and page.stop_button.isEnabled()
    page.stop()
    qtbot.waitUntil(lambda: page._stop is None, timeout=60_000)
    assert "已排 2 个团队、50 人" in page.solver_status.text(), page.solver_status.text()
    assert page.schedule_button.isEnabled() and not page.stop_button.isEnabled()
    assert page.booking_table.rowCount() >= 3


def test_double_click_shows_the_groups_route(qtbot, user_db, scheduled):
    page = CampaignPage(user_db)
    qtbot.addWidget(page)
    page.reload()
    with qtbot.waitSignal(page.routeChanged) as got:
        page.requests.cellDoubleClicked.emit(1, 0)
    route = got.args[0]
    assert route.title == "纺织工会 二组"
    assert [(s.label, s.detail) for s in route.stops] == [
        ("测试纪念馆甲", "10:30–11:30"),
        ("测试会馆乙", "13:00–14:00"),
    ]
    assert route.start == (31.24, 121.44) and "2026-12-09 周三 · 30人" in route.legend
