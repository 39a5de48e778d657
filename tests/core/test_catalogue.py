from datetime import date, time

import pytest

from redtour.core.catalogue import (
    Correction,
    apply_corrections,
    hours_from_dict,
    venue_from_dict,
    venue_to_dict,
)
from redtour.storage.catalogue_source import load_venues
from tests.conftest import FIXTURE_VENUES


@pytest.fixture
def venues():
    return {v.id: v for v in load_venues(FIXTURE_VENUES)}


def test_fixture_venues_load_with_structured_hours(venues):
    alpha = venues["alpha"]
    assert alpha.hours and alpha.hours.closed_weekdays == frozenset({1})
    assert alpha.hours.periods[0].last_entry == time(16, 0)
    assert alpha.reservation and alpha.reservation.lead_days == 3


def test_bd09_source_is_converted_to_wgs84_on_load(venues):
    loc = venues["beta"].location
    assert loc is not None and loc.source_datum == "BD-09"
    assert (loc.lat, loc.lon) == (31.239839, 121.459524)


def test_unknown_facts_stay_empty(venues):
    gamma = venues["gamma"]
    assert gamma.location is None and gamma.hours is None and gamma.reservation is None
    assert gamma.address is None and gamma.phone is None and gamma.visit_minutes is None


def test_plain_round_trip_keeps_every_fact(venues):
    for v in venues.values():
        again = venue_from_dict(venue_to_dict(v))
        assert again == v
        assert again.location == v.location  # source datum survives the stored WGS-84 form


def test_corrections_replace_facts_and_are_marked_local(venues):
    alpha = venues["alpha"]
    fixed = apply_corrections(
        alpha,
        [
            Correction("alpha", "phone", "021-99999999", date(2026, 11, 20), "电话核实"),
            Correction("other", "phone", "ignored", None),
        ],
    )
    assert fixed.phone == "021-99999999"
    assert fixed.is_local("phone") and not fixed.is_local("address")
    assert fixed.local_facts["phone"].checked == date(2026, 11, 20)
    with pytest.raises(ValueError, match="cannot be corrected"):
        apply_corrections(alpha, [Correction("alpha", "name_zh", "x", None)])


@pytest.mark.parametrize(
    "bad",
    [
        {"periods": [{"open": "17:00", "close": "09:00"}]},
        {"periods": [{"open": "09:00", "close": "16:00", "last_entry": "16:30"}]},
    ],
)
def test_inconsistent_hours_are_rejected(bad):
    with pytest.raises(ValueError):
        hours_from_dict(bad)


def test_a_venue_needs_id_and_name():
    with pytest.raises(ValueError):
        venue_from_dict({"id": "x"})
