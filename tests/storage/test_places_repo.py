"""Saved places in the working database (SQLite, or PostgreSQL with REDTOUR_TEST_DB): add, rename-in-place, delete."""

import pytest

from redtour.storage.places import PlaceRepository


def test_save_list_update_and_delete(user_db):
    repo = PlaceRepository(user_db)
    repo.save("普陀区总工会", 31.2490, 121.3970)
    repo.save(" 曹杨新村  地铁站 1号口 ", 31.2440, 121.4150)
    assert [p.name for p in repo.list_places()] == sorted(["普陀区总工会", "曹杨新村 地铁站 1号口"])
    repo.save("普陀区总工会", 31.25, 121.40)  # the same name moves the point, no duplicate
    place = next(p for p in repo.list_places() if p.name == "普陀区总工会")
    assert (place.lat, place.lon, place.venue_id) == (31.25, 121.40, None)
    assert repo.delete("普陀区总工会") and not repo.delete("普陀区总工会")
    assert len(repo.list_places()) == 1


@pytest.mark.parametrize(("name", "lat"), [("  ", 31.2), ("x" * 201, 31.2), ("某地", 95.0)])
def test_bad_input_is_refused_and_nothing_is_written(user_db, name, lat):
    repo = PlaceRepository(user_db)
    with pytest.raises(ValueError):
        repo.save(name, lat, 121.4)
    assert repo.list_places() == []


def test_rename_keeps_the_point_and_identity_and_refuses_a_taken_name(user_db):
    from sqlalchemy import select

    from redtour.storage.models import SavedPlaceRow

    repo = PlaceRepository(user_db)
    repo.save("区工会", 31.2490, 121.3970, note="正门")
    repo.save("曹杨新村站", 31.2440, 121.4150)

    def uuids():
        with user_db.reading() as s:
            return {r.name: (r.uuid, r.note) for r in s.scalars(select(SavedPlaceRow))}

    before = uuids()["区工会"]
    assert repo.rename("区工会", " 普陀区总工会 ").name == "普陀区总工会"
    assert uuids()["普陀区总工会"] == before
    assert {(p.name, p.lat) for p in repo.list_places()} == {("普陀区总工会", 31.2490), ("曹杨新村站", 31.2440)}
    with pytest.raises(ValueError, match="已有名为"):
        repo.rename("普陀区总工会", "曹杨新村站")
    with pytest.raises(LookupError):
        repo.rename("不存在", "新名")
    with pytest.raises(ValueError):
        repo.rename("普陀区总工会", "  ")
    assert sorted(uuids()) == ["普陀区总工会", "曹杨新村站"]
