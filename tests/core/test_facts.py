"""Dated facts: each fact's sources and 资料时间, inferred facts, staff checks, capacity warnings."""

from datetime import date

import pytest

from redtour.core.capacity import SMALL_VENUE_GROUP, Capacity
from redtour.core.catalogue import (
    Correction,
    Location,
    Venue,
    apply_corrections,
    venue_from_dict,
    venue_to_dict,
)
from redtour.core.planner import Place, PlanRequest, StopRequest, plan_day
from redtour.storage.catalogue_source import load_venues, read_source
from tests.conftest import FIXTURE_VENUES, REPO

SHIPPED = REPO / "resources" / "catalogue" / "venues"


@pytest.fixture
def alpha():
    return {v.id: v for v in load_venues(FIXTURE_VENUES)}["alpha"]


def test_each_fact_carries_its_own_sources_and_as_of(alpha):
    phone = alpha.fact_info("phone")
    assert phone is not None and phone.as_of == "2007-10-18" and phone.confidence == "low"
    assert [s.url for s in alpha.sources_of("phone")] == ["https://example.org/alpha"]
    assert [s.ref for s in alpha.sources_of("hours")] == ["T1", "T4"]
    assert alpha.sources[1].date == "n.d."
    assert alpha.fact_info("district").inferred
    assert alpha.fact_info("district").as_of_text == "日期不详"
    assert alpha.compiled == date(2026, 11, 24)


def test_facts_and_capacity_survive_the_plain_round_trip(alpha):
    again = venue_from_dict(venue_to_dict(alpha))
    assert again.facts == alpha.facts and again.capacity == alpha.capacity
    assert venue_to_dict(alpha)["facts"]["phone"]["as_of"] == "2007-10-18"


def test_unknown_fact_name_in_facts_is_refused():
    with pytest.raises(ValueError, match="phnoe"):
        venue_from_dict({"id": "x", "name_zh": "x", "facts": {"phnoe": {"sources": []}}})


def test_a_confirmation_records_the_check_without_changing_the_value(alpha):
    checked = apply_corrections(
        alpha,
        [Correction("alpha", "phone", None, date(2026, 12, 1), "", "王老师", "电话核实", changed=False)],
    )
    assert checked.phone == alpha.phone and not checked.is_local("phone")
    assert checked.staff_checks["phone"].text() == "2026-12-01 电话核实（王老师）"


def test_a_correction_is_also_a_check(alpha):
    fixed = apply_corrections(
        alpha, [Correction("alpha", "phone", "021-1", date(2026, 12, 1), how="现场核实")]
    )
    assert fixed.phone == "021-1" and fixed.is_local("phone")
    assert fixed.staff_checks["phone"].how == "现场核实"


def test_shipped_catalogue_keeps_the_research_dating():
    venues = {v.id: v for v in load_venues(SHIPPED)}
    raw = {r["id"]: r for r in read_source(SHIPPED)}
    assert all("checked" not in r for r in raw.values())  # the compilation day is called compiled now
    assert all("checked" not in s for r in raw.values() for s in r["sources"])
    assert venues["hudong_gongyun"].fact_info("district").inferred
    assert venues["guzhenghong"].fact_info("hours").as_of == "2017–2024"
    assert venues["huzhou_huiguan"].capacity == Capacity(
        note="建筑仅约140㎡（一楼展厅、二楼党群服务站），接待规模有限。", area_m2=140, small=True
    )
    assert venues["shujibu"].capacity.small
    assert venues["huzhou_huiguan"].max_group_size is None  # no source gives a limit
    for v in venues.values():  # every cited ref is a listed source
        refs = {s.ref for s in v.sources}
        assert all(set(info.sources) <= refs for info in v.facts.values()), v.id


START = Place("人民广场", 31.2304, 121.4737)
SMALL = Venue(
    id="hz", name_zh="湖州会馆", location=Location(31.2555, 121.4660), capacity=Capacity("约140㎡", 140, True)
)


def _warnings(venue: Venue, people: int) -> tuple[str, ...]:
    req = PlanRequest(
        day=date(2026, 12, 2),
        start=START,
        stops=(StopRequest(venue),),
        group_size=people,
        today=date(2026, 11, 1),
    )
    return plan_day(req).stops[0].warnings


def test_a_large_group_at_a_small_venue_is_warned():
    warnings = _warnings(SMALL, 200)
    assert any("场地小（约140㎡）" in w and "200人" in w and "分批" in w for w in warnings)


def test_a_group_within_the_rule_of_thumb_is_not_warned():
    assert not any("场地小" in w for w in _warnings(SMALL, SMALL_VENUE_GROUP))


def test_a_large_group_at_a_venue_not_known_to_be_small_is_not_warned():
    big = Venue(id="b", name_zh="大馆", location=Location(31.25, 121.46), capacity=Capacity("约4480㎡", 4480))
    assert not any("场地小" in w for w in _warnings(big, 200))
