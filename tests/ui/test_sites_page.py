"""The catalogue list: pinyin order, a single search hit selected, a detail that does not repeat itself."""

import pytest
from PySide6.QtCore import QDate

from redtour.storage.venues import VenueRepository
from redtour.ui.models.venue_table_model import VenueTableModel
from redtour.ui.pages.sites_page import SitesPage


@pytest.fixture
def page(qtbot, user_db):
    sites = SitesPage()
    qtbot.addWidget(sites)
    sites.set_venues(VenueRepository(user_db).list_venues())
    sites.show()
    return sites


def names(page):
    return [page.proxy.index(r, VenueTableModel.NAME).data() for r in range(page.proxy.rowCount())]


def test_venue_list_sorts_by_pinyin_not_code_point(page):
    # Venues of the notice first; then 纪 (ji) < 展 (zhan) in pinyin, while by code point 展 < 纪
    assert names(page) == ["测试纪念馆甲", "测试展示馆丙", "测试会馆乙"]


def test_a_single_search_hit_is_selected(qtbot, page):
    qtbot.keyClicks(page.search, "yi")
    assert page.proxy.rowCount() == 1
    assert page.current_venue() is not None and page.current_venue().id == "beta"


def test_detail_states_the_closing_reason_once(page):
    page.day.setDate(QDate(2026, 11, 23))  # a Monday: 测试纪念馆甲 is closed
    page.select_venue("alpha")
    text = page.detail.toPlainText()
    assert "闭馆（周一闭馆）" in text
    assert "闭馆 测试纪念馆甲" not in text
