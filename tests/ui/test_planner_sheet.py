"""The route sheet the planner prints: one sign-in row per person, and the roster of a group made from the plan."""

import re
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QInputDialog

from redtour.export.route_sheet import render_sheet_html
from redtour.storage.participation import ParticipationRepository
from redtour.storage.plans import PlanRepository
from redtour.storage.roster_import import import_roster
from redtour.storage.venues import VenueRepository
from redtour.ui.pages.planner_page import PlannerPage
from tests.importing.test_bad_files import write_csv


@pytest.fixture
def page(qtbot, user_db):
    page = PlannerPage(PlanRepository(user_db))
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.day.setDate(QDate(2026, 12, 2))
    page.start.setCurrentIndex(page.start.findText("测试纪念馆甲"))
    page.add_venue("alpha")
    with qtbot.waitSignal(page.routeChanged, timeout=10_000):
        page.compute(optimize=True)
    return page


def signin_rows(html: str) -> list[str]:
    body = html[html.index('<div class="signin">') :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    return re.findall(r"<tr>.*?</tr>", body, re.S)


def test_a_40_person_group_gets_40_signin_rows(page):
    page.group_size.setValue(40)
    rows = signin_rows(render_sheet_html(page.plan, page.sheet_options(), ""))
    assert len(rows) == 40


def test_a_group_following_the_saved_plan_is_printed_by_name_with_masked_phones(
    page, user_db, tmp_path, monkeypatch
):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("周三线", True))
    page.save()
    plan_id = page.current_id
    repo = ParticipationRepository(user_db)
    group = repo.create_group("普陀区总工会", "第一批", date(2026, 12, 2), ["alpha"], plan_id=plan_id)
    people = [
        ["姓名", "手机号", "工作单位"],
        ["张三", "13912345678", "机电厂"],
        ["李四", "13987654321", "纺织厂"],
    ]
    assert import_roster(
        user_db, write_csv(tmp_path / "r.csv", people), "普陀区总工会", group_id=group.id
    ).applied
    page.group_size.setValue(5)
    html = render_sheet_html(page.plan, page.sheet_options(), "")
    rows = signin_rows(html)
    assert len(rows) == 5  # the two members by name, then blank rows up to the group's size
    assert "张三" in rows[0] + rows[1] and "李四" in rows[0] + rows[1]
    assert "139****5678" in html and "13912345678" not in html
    assert "第一批" in html
