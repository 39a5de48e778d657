"""The planner's chosen-venue list as a model (ui/models/stop_list_model.py): Qt's model tester, the request it
gives, and editing through the real view."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from redtour.core.catalogue import Venue
from redtour.core.planner import StopRequest
from redtour.ui.models.stop_list_model import MAX_MINUTES, StopListModel

A = Venue("a", "甲馆", visit_minutes=60)
B = Venue("b", "乙馆")  # no figure of its own: the planner's default


@pytest.fixture
def model(qapp):
    venues = {"a": A, "b": B}
    m = StopListModel(lambda: venues)
    QAbstractItemModelTester(m, QAbstractItemModelTester.FailureReportingMode.Fatal)
    m.venues = venues  # the test's handle on the catalogue the model reads
    return m


def test_rows_give_the_request_back(model):
    model.append(StopRequest(A))
    model.append(StopRequest(B, must=False, visit_min=45))
    assert [model.index(r, 0).data() for r in range(2)] == ["甲馆", "乙馆"]
    assert model.stop_requests() == (StopRequest(A, True, None), StopRequest(B, False, 45))
    assert model.index(1, StopListModel.MUST).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_editing_must_and_minutes_changes_the_request(model):
    model.set_stops([StopRequest(A), StopRequest(B)])
    assert model.setData(model.index(0, StopListModel.MUST), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(1, StopListModel.MINUTES), 90)
    assert model.stop_requests() == (StopRequest(A, False, None), StopRequest(B, True, 90))
    assert model.setData(model.index(1, StopListModel.MINUTES), 10_000)  # kept within the spin box's range
    assert model.stop_requests()[1].visit_min == MAX_MINUTES
    assert not model.setData(model.index(0, StopListModel.NAME), "改名")  # the name is the catalogue's
    assert not model.flags(model.index(0, StopListModel.NAME)) & Qt.ItemFlag.ItemIsEditable


def test_removing_rows_and_a_corrected_venue(model):
    model.set_stops([StopRequest(A), StopRequest(B)])
    model.remove([0])
    assert model.venue_ids() == ["b"]
    model.venues["b"] = replace(B, visit_minutes=75)  # a correction meanwhile: the request uses the new venue
    (stop,) = model.stop_requests()
    assert stop.venue.visit_minutes == 75 and stop.minutes == 75


def test_the_page_reads_its_request_from_the_model(qtbot, user_db):
    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository
    from redtour.ui.pages.planner_page import PlannerPage

    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.add_venue("alpha")
    page.add_venue("beta")
    page.stop_model.setData(page.stop_model.index(1, StopListModel.MUST), Qt.CheckState.Unchecked.value,
                            Qt.ItemDataRole.CheckStateRole)  # fmt: skip
    page.stops.selectRow(0)
    page.remove_button.click()
    (stop,) = page.request().stops
    assert (stop.venue.id, stop.must) == ("beta", False)
    page.undo.undo()
    assert [s.venue.id for s in page.request().stops] == ["alpha", "beta"]


def test_minutes_are_edited_with_a_spin_box_in_the_view(qtbot, user_db):
    from PySide6.QtWidgets import QSpinBox

    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository
    from redtour.ui.pages.planner_page import PlannerPage

    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.show()
    page.add_venue("alpha")
    index = page.stop_model.index(0, StopListModel.MINUTES)
    page.stops.setCurrentIndex(index)
    page.stops.edit(index)
    editor = page.stops.findChild(QSpinBox)
    assert editor is not None and (editor.minimum(), editor.maximum(), editor.singleStep()) == (10, 480, 5)
    editor.setValue(95)
    page.stops.commitData(editor)
    assert page.request().stops[0].visit_min == 95
