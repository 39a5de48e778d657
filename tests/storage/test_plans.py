"""Saved plans in a real SQLite file: save, list, duplicate, rename, delete."""

from datetime import date

import pytest

from redtour.core.saved_request import SavedRequest
from redtour.storage.plans import PlanRepository

REQUEST: SavedRequest = {
    "day": "2026-12-02",
    "start": {"name": "出发地", "lat": 31.23, "lon": 121.47, "venue_id": None},
    "end": None,
    "start_time": "09:00",
    "return_by": "17:00",
    "group_size": 30,
    "mode": "coach",
    "lunch": None,
    "stops": [{"venue_id": "alpha", "must": True, "visit_min": None}],
}


def test_plan_life_cycle(user_db):
    repo = PlanRepository(user_db)
    first = repo.save("普陀线", date(2026, 12, 2), REQUEST)
    assert repo.find("普陀线").id == first.id and repo.find(str(first.id)).request == REQUEST
    copy = repo.duplicate(first.id)
    assert copy.name == "普陀线（副本）" and copy.uuid != first.uuid
    assert repo.duplicate(first.id).name == "普陀线（副本） 2"
    repo.rename(copy.id, "虹口线")
    assert [p.name for p in repo.list_plans()] == ["普陀线", "普陀线（副本） 2", "虹口线"]
    repo.delete(first.id)
    assert repo.count() == 2
    with pytest.raises(LookupError):
        repo.get(first.id)


def test_empty_name_is_refused_and_nothing_written(user_db):
    repo = PlanRepository(user_db)
    with pytest.raises(ValueError):
        repo.save("  ", date(2026, 12, 2), REQUEST)
    assert repo.count() == 0


def test_a_request_without_its_required_parts_is_refused_and_nothing_written(user_db):
    repo = PlanRepository(user_db)
    with pytest.raises(ValueError, match="start"):
        repo.save("残缺", date(2026, 12, 2), {"day": "2026-12-02", "stops": []})  # type: ignore[typeddict-item]
    assert repo.count() == 0
