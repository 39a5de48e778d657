"""The route sheet says how old each fact is (资料时间 + sources) and shows staff checks (核对) apart."""

from datetime import date

from redtour.core.catalogue import Correction, apply_corrections
from redtour.core.planner import Place, PlanRequest, StopRequest, plan_day
from redtour.export.route_sheet import SheetOptions, render_sheet_html
from redtour.storage.catalogue_source import load_venues
from tests.conftest import REPO


def _html() -> str:
    venues = {v.id: v for v in load_venues(REPO / "resources" / "catalogue" / "venues")}
    gzh = apply_corrections(
        venues["guzhenghong"],
        [
            Correction(
                "guzhenghong", "hours", None, date(2026, 12, 1), "", "王老师", "电话核实", changed=False
            )
        ],
    )
    req = PlanRequest(
        day=date(2026, 12, 2),
        start=Place("人民广场", 31.2304, 121.4737),
        stops=(StopRequest(gzh), StopRequest(venues["sanshan"])),
        today=date(2026, 11, 1),
    )
    return render_sheet_html(plan_day(req), SheetOptions(), "data:,")


def test_each_stop_shows_the_as_of_of_its_facts_and_cites_its_sources():
    html = _html()
    assert "开放时间 2010s–2024[1]" in html  # 三山会馆: the research's as-of, its first source
    assert "开放时间 2017–2024[1][2]（核对 2026-12-01 电话核实（王老师））" in html  # both, apart
    assert "三山会馆移建竣工并对外开放（2024-09-26）" in html  # a cited source with its own date


def test_a_staff_check_is_shown_as_such_and_the_compilation_day_never_is():
    html = _html()
    assert "核对 2026-12-01 电话核实（王老师）" in html
    assert "2026-11-24" not in html and "核对于" not in html
