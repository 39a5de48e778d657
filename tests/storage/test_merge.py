"""One merge engine (storage/merge.py) for exchange packages and logs: a dry run takes the real run's path and
reports what the real run does, leaving the database as it was; saved places travel in exchange packages."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from redtour.core.participation import StatsFilter
from redtour.storage.exchange import export_package, import_package
from redtour.storage.log_export import export_log, iter_log_rows
from redtour.storage.log_import import import_log
from redtour.storage.models import Base, SavedPlaceRow, VisitRow
from redtour.storage.participation import ParticipationRepository
from redtour.storage.places import PlaceRepository
from tests.export.test_participation_log import logged_db  # noqa: F401 - fixture
from tests.hardening.packages import edited, read_parts, write_package
from tests.storage.test_exchange import seeded


def dump(db) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (audit log and import batches included)."""
    with db.reading() as s:
        return {
            t.name: sorted(tuple(r) for r in s.execute(select(t)).all()) for t in Base.metadata.sorted_tables
        }


def without_applied(report) -> dict[str, object]:
    return {k: v for k, v in report.as_dict().items() if k != "applied"}


def with_places(db):
    places = PlaceRepository(db)
    places.save("普陀区总工会", 31.2497, 121.3962, "大渡河路")
    places.save("曹杨路地铁站 2 号口", 31.2330, 121.4170)
    return places


def moved_visit(pkg, out):
    def move(_m, parts):
        parts["visits"][0]["day"] = "2026-07-01"

    return edited(pkg, out, move)


@pytest.mark.parametrize("case", ["clean", "conflict", "conflict-keep-mine"])
def test_exchange_dry_run_reports_the_real_run_and_changes_nothing(new_user_db, tmp_path, case):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    seeded(office_a, tmp_path)
    with_places(office_a)
    pkg = tmp_path / "p.zip"
    export_package(office_a, "普陀区总工会", pkg)
    if case != "clean":
        assert import_package(office_b, pkg).applied
        pkg = moved_visit(pkg, tmp_path / "moved.zip")
        PlaceRepository(office_b).save("普陀区总工会", 31.25, 121.40)  # moved here too: a second conflict
    keep_mine = case == "conflict-keep-mine"
    before = dump(office_b)
    dry = import_package(office_b, pkg, dry_run=True, keep_mine=keep_mine)
    assert dump(office_b) == before and not dry.applied
    real = import_package(office_b, pkg, keep_mine=keep_mine)
    assert without_applied(dry) == without_applied(real)
    assert real.applied == (case != "conflict")
    assert (dump(office_b) == before) == (case == "conflict")
    if case == "clean":
        assert real.added["visits"] == 50 and real.added["places"] == 2 and not real.conflicts
    else:
        assert len(real.conflicts) == 2 and real.unchanged["visits"] == 49


@pytest.mark.parametrize("case", ["clean", "conflict", "conflict-keep-mine"])
def test_log_dry_run_reports_the_real_run_and_changes_nothing(
    logged_db,  # noqa: F811
    new_user_db,
    tmp_path,
    case,
):
    other = new_user_db("other")
    log = tmp_path / "log.csv"
    export_log(logged_db, log)
    if case != "clean":
        assert import_log(other, log).applied
        text = log.read_text(encoding="utf-8-sig").replace("职工一", "职工甲", 1)
        log = tmp_path / "edited.csv"
        log.write_text(text, encoding="utf-8-sig")
    keep_mine = case == "conflict-keep-mine"
    before = dump(other)
    dry = import_log(other, log, dry_run=True, keep_mine=keep_mine)
    assert dump(other) == before and not dry.applied
    real = import_log(other, log, keep_mine=keep_mine)
    assert without_applied(dry) == without_applied(real)
    assert real.applied == (case != "conflict")
    if case == "clean":
        assert (real.added, real.people_added, real.conflicts) == (60, 30, [])
    else:
        assert real.added == 0 and real.merged == 60 and len(real.conflicts) == 1


def test_saved_places_travel_in_exchange_packages(new_user_db, tmp_path):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    seeded(office_a, tmp_path)
    places_a = with_places(office_a)
    pkg = tmp_path / "p.zip"
    assert export_package(office_a, "普陀区总工会", pkg)["places"] == 2
    first = import_package(office_b, pkg)
    assert first.applied and first.added["places"] == 2 and "2 个常用地点" in first.summary()
    places_b = PlaceRepository(office_b)
    assert places_b.list_places() == places_a.list_places()

    def uuids(db):
        with db.reading() as s:
            return sorted(s.scalars(select(SavedPlaceRow.uuid)))

    assert uuids(office_b) == uuids(office_a)
    second = import_package(office_b, pkg)
    assert second.applied and second.added["places"] == 0 and second.unchanged["places"] == 2
    # The same name for another point here: a conflict showing both points; keep-mine keeps this one.
    office_c = new_user_db("c")
    PlaceRepository(office_c).save("普陀区总工会", 31.0, 121.0)
    refused = import_package(office_c, pkg)
    assert not refused.applied and len(refused.conflicts) == 1
    assert "31.000000, 121.000000" in refused.conflicts[0] and "31.249700, 121.396200" in refused.conflicts[0]
    assert import_package(office_c, pkg, keep_mine=True).applied
    mine = {p.name: (p.lat, p.lon) for p in PlaceRepository(office_c).list_places()}
    assert mine == {"普陀区总工会": (31.0, 121.0), "曹杨路地铁站 2 号口": (31.2330, 121.4170)}


def test_a_version_1_package_without_places_still_imports(new_user_db, tmp_path):
    office_a, office_b = new_user_db("a"), new_user_db("b")
    seeded(office_a, tmp_path)
    pkg = tmp_path / "p.zip"
    export_package(office_a, "普陀区总工会", pkg)
    manifest, parts = read_parts(pkg)
    del parts["places"]
    raw = {
        p: b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)
        for p, rows in parts.items()
    }
    old = write_package(tmp_path / "v1.zip", manifest | {"version": 1}, raw)
    report = import_package(office_b, old)
    assert report.applied and report.added["visits"] == 50


FILTERS = [
    StatsFilter(),
    StatsFilter(start=date(2026, 5, 1)),
    StatsFilter(end=date(2026, 4, 30), venue_id="beta"),
    StatsFilter(search="职工一"),
]


@pytest.mark.parametrize("flt", [*FILTERS, "union", "group"])
def test_visits_pages_and_the_export_give_the_same_rows(logged_db, flt):  # noqa: F811
    repo = ParticipationRepository(logged_db)
    if flt == "union":
        flt = StatsFilter(union_id=repo.find_union("普陀区总工会").id)
    elif flt == "group":
        flt = StatsFilter(group_id=repo.find_group("第2批").id)
    shown: list[int] = []
    while page := repo.visits_page(flt, len(shown), 7):  # small pages: paging itself is exercised
        shown += [row[0] for row in page]
    with logged_db.reading() as s:
        uuid_of = dict(s.execute(select(VisitRow.id, VisitRow.uuid)).all())
    exported = [row[10] for row in iter_log_rows(logged_db, flt, batch=5)]
    assert len(shown) == len(set(shown)) == repo.count_visits(flt)
    assert sorted(uuid_of[i] for i in shown) == sorted(exported)
    narrows = flt not in (StatsFilter(), StatsFilter(union_id=flt.union_id))  # one union holds all 60
    assert 0 < len(shown) <= 60 and (len(shown) < 60) == narrows
