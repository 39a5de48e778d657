"""The planner page with real widgets, a real SQLite file and the real solver (run off the GUI thread)."""

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from redtour.core.planner import plan_day
from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from redtour.ui.pages.planner_page import PlannerPage

WEDNESDAY = QDate(2026, 12, 2)


@pytest.fixture
def page(qtbot, user_db):
    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.day.setDate(WEDNESDAY)
    page.start.setCurrentIndex(page.start.findText("测试纪念馆甲"))
    return page


def stop_ids(page):
    return [s.venue.id for s in page.plan.stops]


def optimise(qtbot, page):
    with qtbot.waitSignal(page.routeChanged, timeout=10_000) as routed:
        page.compute(optimize=True)
    return routed.args[0]


def test_optimise_off_the_gui_thread_and_show_the_route(qtbot, page):
    for vid in ("alpha", "beta"):
        page.add_venue(vid)
    route = optimise(qtbot, page)
    assert page.plan is not None and page.plan.optimal
    assert [page.model.stop_index(r) for r in range(page.model.rowCount())].count(None) == 1  # lunch
    assert page.model.rowCount() == 3
    assert [s.label for s in route.stops] == [s.venue.name_zh for s in page.plan.stops]
    assert "已证明最优" in page.summary.text()
    arrive = page.model.index(page.model.row_of_stop(0), 2).data()
    assert arrive == f"{page.plan.stops[0].arrive:%H:%M}"


def test_drag_reorder_recomputes_and_undo_redo(qtbot, page):
    for vid in ("alpha", "beta"):
        page.add_venue(vid)
    optimise(qtbot, page)
    best = stop_ids(page)
    mime = page.model.mimeData([page.model.index(0, 0)])
    page.model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, QModelIndex())  # drop row 0 at the end
    assert stop_ids(page) == best[::-1]
    # the times are those of the new order, computed afresh (as 按列表顺序计算 would), and shown
    expected = plan_day(replace(page.request(), optimize=False))
    assert [s.venue.id for s in expected.stops] == best[::-1]
    assert [(s.arrive, s.depart) for s in page.plan.stops] == [(s.arrive, s.depart) for s in expected.stops]
    assert page.plan.total_travel_min == expected.total_travel_min and not page.plan.optimal
    assert page.model.index(page.model.row_of_stop(0), 2).data() == f"{expected.stops[0].arrive:%H:%M}"
    page.undo.undo()
    assert stop_ids(page) == best
    page.undo.redo()
    assert stop_ids(page) == best[::-1]


def test_save_open_duplicate_delete(qtbot, page, monkeypatch, user_db):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("周三线", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.add_venue("alpha")
    page.add_venue("beta", must=False)
    optimise(qtbot, page)
    page.save()
    plan_id = page.current_id
    repo = PlanRepository(user_db)
    saved = repo.get(plan_id)
    assert saved.name == "周三线" and saved.day == date(2026, 12, 2)
    page.new_plan()
    assert page.stop_model.rowCount() == 0
    page.open_plan(plan_id)
    assert [s.venue.id for s in page.plan.stops] == [s["venue_id"] for s in saved.request["stops"]]
    page.duplicate()
    assert repo.count() == 2
    page.delete()
    assert repo.count() == 1


def test_closed_day_shows_the_reason(qtbot, page, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    page.day.setDate(QDate(2026, 11, 30))  # a Monday
    page.add_venue("alpha")
    page.compute(optimize=True)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "测试纪念馆甲 周一闭馆" in shown[0]
    assert page.plan is None


def test_map_pick_sets_the_start(page, monkeypatch):
    import redtour.ui.pages.planner_form as planner_form

    monkeypatch.setattr(planner_form, "ask_place_name", lambda _p, lat, lon: ("集合点", False))
    page.set_start_point(31.2, 121.45)
    place = page.start.currentData()
    assert (place.lat, place.lon) == (31.2, 121.45)


def test_export_route_sheet_pdf_from_the_page(qtbot, page, tmp_path):
    from pypdf import PdfReader

    page.add_venue("alpha")
    optimise(qtbot, page)
    job = page.export_sheet_pdf(str(tmp_path / "sheet.pdf"))
    assert job is not None
    # the job runs in the page's own event loop: only its button is off meanwhile, the rest stays usable
    assert not page.pdf_button.isEnabled() and page.print_button.isEnabled() and page.isEnabled()
    with qtbot.waitSignal(job.finished, timeout=60_000) as done:
        pass
    assert page.pdf_button.isEnabled()
    out = done.args[0]
    assert out == tmp_path / "sheet.pdf" and out.exists()
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "测试纪念馆甲" in text  # exactly as printed (the bundled font; no look-alike radicals)
