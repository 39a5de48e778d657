"""Editing on the 活动 page with real widgets and a real database: a request added, refused, changed, withdrawn;
the campaign's name, dates and target changed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from redtour.storage.campaign_bookings import bookings
from redtour.storage.campaign_closures import closed_days
from redtour.storage.campaign_schedule import run_inputs
from redtour.storage.campaigns import CampaignRepository
from redtour.ui.pages.campaign_page import COLOURS, CampaignPage
from tests.importing.test_bad_files import fingerprint
from tests.ui.test_campaign_page import scheduled  # noqa: F401  (fixture)


def _page(qtbot, db) -> CampaignPage:
    page = CampaignPage(db)
    qtbot.addWidget(page)
    page.reload()
    return page


def test_request_entered_in_the_app_is_checked_like_an_import_row(qtbot, user_db, scheduled):  # noqa: F811
    page = _page(qtbot, user_db)
    repo = CampaignRepository(user_db)
    dialog = page.request_dialog()

    def state():
        return fingerprint(user_db), repo.requests(scheduled.id)

    dialog.union.setText("机电工会")
    dialog.name.setText("三组")
    dialog.people.setValue(25)
    dialog.earliest.setDate(QDate(2026, 12, 9))
    dialog.latest.setDate(QDate(2026, 12, 11))
    dialog.weekdays[4].setChecked(True)  # 周五
    dialog.must.setText("甲馆、不存在的馆")
    dialog.start.setText("31.24,121.44")
    before = state()
    dialog.accept()
    assert (
        dialog.result() == 0 and "必去场馆" in dialog.problem.text() and "不存在的馆" in dialog.problem.text()
    )
    assert state() == before  # refused: nothing written
    dialog.people.setValue(0)
    dialog.must.setText("甲馆")
    dialog.accept()
    assert dialog.problem.text() == "人数应大于 0" and state() == before
    dialog.people.setValue(25)
    dialog.accept()
    assert dialog.result() == 1
    added = next(r for r in repo.requests(scheduled.id) if r.name == "三组")
    assert (added.people, added.no_weekdays, added.must) == (25, (5,), ("alpha",))
    assert (added.start.lat, added.start.lon) == (31.24, 121.44)
    page.refresh()
    assert page.requests.rowCount() == 3

    # Editing: the dialog opens filled in (start as the saved lat,lon), a clash with another group is refused.
    page.requests.selectRow(2)
    edit = page.request_dialog(page._selected_request())
    assert edit.name.text() == "三组" and edit.start.text() == "31.240000,121.440000"
    assert edit.weekdays[4].isChecked() and edit.must.text() == "测试纪念馆甲"
    edit.name.setText("一组")
    edit.accept()
    assert "已有机电工会的团队“一组”" in edit.problem.text()
    edit.name.setText("三组")
    edit.people.setValue(28)
    edit.accept()
    assert edit.result() == 1
    assert [r.people for r in repo.requests(scheduled.id) if r.name == "三组"] == [28]
    assert len(repo.requests(scheduled.id)) == 3


def test_withdrawing_a_group_removes_its_bookings(qtbot, user_db, scheduled):  # noqa: F811
    page = _page(qtbot, user_db)
    first = page._reqs[0]
    assert any(b.request_id == first.id for b in bookings(user_db, scheduled.id))
    page.requests.selectRow(0)
    page.withdraw_request(confirm=False)
    assert [r.id for r in CampaignRepository(user_db).requests(scheduled.id)] == [page._reqs[0].id]
    assert not any(b.request_id == first.id for b in bookings(user_db, scheduled.id))
    assert page.requests.rowCount() == 1


def test_campaign_name_dates_and_target_edited(qtbot, user_db, scheduled, monkeypatch):  # noqa: F811
    from redtour.ui.dialogs import campaign_dialog

    page = _page(qtbot, user_db)
    chosen = {"name": "冬季寻访（二期）", "end": QDate(2026, 12, 20), "target": 80}

    def fill_and_accept(dialog) -> int:
        assert dialog.name.text() == "冬季寻访" and dialog.target.value() == 100  # opens filled in
        dialog.name.setText(chosen["name"])
        dialog.end.setDate(chosen["end"])
        dialog.target.setValue(chosen["target"])
        return 1

    monkeypatch.setattr(campaign_dialog.CampaignDialog, "exec", fill_and_accept)
    page.edit_campaign()
    c = CampaignRepository(user_db).find("冬季寻访（二期）")
    assert (c.start, c.end, c.target) == (date(2026, 12, 7), date(2026, 12, 20), 80)
    assert "冬季寻访（二期）" in page.chooser.currentText() and "目标 80 人" in page.summary.text()


def test_venue_capacity_edited_from_the_calendar_shows_the_cautious_default(qtbot, user_db, scheduled):  # noqa: F811
    page = _page(qtbot, user_db)
    assert page._grid_venues[0] == "alpha" and "容量待核实" in page.grid.verticalHeaderItem(0).text()
    dialog = page.capacity_dialog("alpha")
    assert dialog.now["concurrent"].text().startswith("1个（默认，待核实")  # the default in use, visible
    assert dialog.now["per_day"].text() == "待核实"
    dialog.accept()
    assert dialog.problem.text() == "没有修改任何一项" and dialog.result() == 0
    dialog.edits["concurrent"].setValue(0)
    dialog.accept()
    assert "同时在馆团队数应在 1–10000 之间" in dialog.problem.text()
    assert _origin(user_db, "concurrent") == "default"  # refused: nothing written
    dialog.edits["concurrent"].setValue(2)
    dialog.edits["per_day"].setValue(6)
    dialog.checked.setDate(QDate(2026, 11, 30))
    dialog.said_by.setText("馆方电话 王老师")
    dialog.accept()
    assert dialog.result() == 1
    fact = CampaignRepository(user_db).capacities(["alpha"])["alpha"].facts["concurrent"]
    assert (fact.value, fact.origin, fact.checked, fact.said_by) == (
        2,
        "staff",
        date(2026, 11, 30),
        "馆方电话 王老师",
    )
    assert _origin(user_db, "lead_days") != "staff"  # facts left at 不修改 are not turned into staff facts
    page.refresh()
    assert "容量待核实" not in page.grid.verticalHeaderItem(0).text()


def _origin(db, fact: str) -> str:
    return CampaignRepository(db).capacities(["alpha"])["alpha"].facts[fact].origin


def test_venue_closed_that_day_from_the_calendar_cancels_its_bookings(qtbot, user_db, scheduled):  # noqa: F811
    page = _page(qtbot, user_db)
    day = date(2026, 12, 9)  # column 2; alpha holds both groups that day, beta only 二组
    assert page.grid.item(1, 2).background().color().name() == COLOURS["ok"]
    page.close_venue_day("beta", day, confirm=False)
    assert "已记录" in page.solver_status.text() and "纺织工会 二组" in page.solver_status.text()
    states = {(b.venue_id, b.group): b.state for b in bookings(user_db, scheduled.id)}
    assert states[("beta", "二组")] == "已取消" and states[("alpha", "一组")] == "待预约"
    assert page.grid.item(1, 2).background().color().name() == COLOURS["closed"]
    assert closed_days(user_db, scheduled.id) == {"beta": frozenset({day})}
    assert next(
        a for a in run_inputs(user_db, scheduled).capacities.values() if a.venue_id == "beta"
    ).closed_days


def test_route_sheet_of_a_scheduled_group_from_the_page(qtbot, user_db, scheduled, tmp_path):  # noqa: F811
    import unicodedata

    from pypdf import PdfReader

    page = _page(qtbot, user_db)
    page.requests.selectRow(1)  # 二组: alpha 10:30–11:30, beta 13:00–14:00 as booked
    out = tmp_path / "二组.pdf"
    with qtbot.waitSignal(page.save_route_sheet(str(out)).finished, timeout=60_000):
        pass
    text = unicodedata.normalize("NFKC", "".join(p.extract_text() for p in PdfReader(str(out)).pages))
    assert "纺织工会 · 二组" in text or "纺织工会·二组" in text.replace(" ", "")
    assert all(t in text for t in ("10:30", "11:30", "13:00", "14:00"))
