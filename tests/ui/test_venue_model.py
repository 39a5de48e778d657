from datetime import date

from PySide6.QtCore import Qt

from redtour.storage.catalogue_source import load_venues
from redtour.ui.models.venue_table_model import VenueFilterProxy, VenueTableModel
from tests.conftest import FIXTURE_VENUES

VENUES = load_venues(FIXTURE_VENUES)


def test_model_passes_qt_model_tester(qtmodeltester):
    model = VenueTableModel()
    model.set_venues(VENUES)
    qtmodeltester.check(model)
    proxy = VenueFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_status_column_follows_the_chosen_date(qtbot):
    model = VenueTableModel()
    model.set_venues(VENUES)
    row = model.row_of("alpha")
    with qtbot.waitSignal(model.dataChanged):
        model.set_date(date(2026, 11, 23))  # Monday
    assert model.index(row, VenueTableModel.STATUS).data() == "闭馆"
    model.set_date(date(2026, 11, 24))
    assert model.index(row, VenueTableModel.STATUS).data() == "开放 09:00–16:30"
    gamma = model.row_of("gamma")
    assert model.index(gamma, VenueTableModel.STATUS).data() == "待核实"
    assert model.index(gamma, VenueTableModel.RESERVATION).data() == "待核实"
    assert model.index(row, VenueTableModel.RESERVATION).data() == "需提前3天"


def test_proxy_filters_by_district_tag_and_pinyin():
    model = VenueTableModel()
    model.set_venues(VENUES)
    proxy = VenueFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filters(query="csjng")  # 测试纪念馆 by initials
    assert [proxy.index(r, 0).data() for r in range(proxy.rowCount())] == ["测试纪念馆甲"]
    proxy.set_filters(query="", district="静安区")
    assert proxy.rowCount() == 1
    proxy.set_filters(district="", tag="纪念馆")
    assert proxy.rowCount() == 1
    proxy.set_filters(tag="")
    assert proxy.rowCount() == 3
    proxy.sort(VenueTableModel.NAME, Qt.SortOrder.AscendingOrder)
    assert proxy.index(proxy.rowCount() - 1, 0).data() == "测试会馆乙"  # notice venues first
