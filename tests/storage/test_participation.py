"""Groups, check-ins, statistics and the audit log on a real SQLite file."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SADatabaseError

from redtour.core.participation import StatsFilter
from redtour.storage.audit import entries, verify_chain
from redtour.storage.participation import ParticipationError, ParticipationRepository
from redtour.storage.participation_stats import compute_stats, get_target, set_target
from redtour.storage.roster_import import import_roster
from tests.importing.test_bad_files import write_csv

VENUES = ["alpha", "beta", "gamma"]


def seed_people(db, tmp_path, n=60, union="普陀区总工会"):
    rows = [["姓名", "手机号", "基层工会"]]
    rows += [
        [f"职工{chr(0x4E00 + i)}", f"1380000{i:04d}", "机电工会" if i % 3 == 0 else ""] for i in range(n)
    ]
    report = import_roster(db, write_csv(tmp_path / f"{union}.csv", rows), union)
    assert report.applied
    return report


def test_checkin_is_idempotent_and_undoable(user_db, tmp_path):
    seed_people(user_db, tmp_path)
    repo = ParticipationRepository(user_db)
    g = repo.create_group("普陀区总工会", "第一批", date(2026, 5, 1), VENUES[:2], leader="周")
    roster = repo.roster(g.id)
    assert len(roster) == 60  # no explicit roster yet: the union's members
    ids = [e.participant_id for e in roster[:10]]
    created = repo.checkin(g.id, ids)
    assert len(created) == 20
    assert repo.checkin(g.id, ids) == []  # already there: nothing doubled
    assert len(repo.checkin(g.id, ids[:5] + [e.participant_id for e in roster[10:12]], ["beta"])) == 2
    assert compute_stats(user_db).visits == 22
    assert repo.roster(g.id)[0].visited  # the list shows who is checked in
    assert repo.undo_checkin(created) == 20
    assert compute_stats(user_db).visits == 2
    with pytest.raises(ParticipationError, match="不在团队"):
        repo.checkin(g.id, ids, ["gamma"])
    repo.add_members(g.id, ids[:3])
    assert len(repo.roster(g.id)) == 3
    assert repo.get_group(g.id).member_count == 3


def test_statistics_match_a_brute_force_count(user_db, tmp_path):
    seed_people(user_db, tmp_path, n=80)
    repo = ParticipationRepository(user_db)
    rng = random.Random(3)
    people = [
        e.participant_id
        for e in repo.roster(repo.create_group("普陀区总工会", "g0", date(2026, 1, 1), VENUES).id)
    ]
    truth: set[tuple[int, str, date]] = set()
    for k in range(12):
        day = date(2026, 1, 1) + timedelta(days=rng.randrange(150))
        venues = rng.sample(VENUES, rng.randint(1, 3))
        g = repo.create_group("普陀区总工会", f"g{k + 1}", day, venues)
        who = rng.sample(people, rng.randint(5, 30))
        repo.checkin(g.id, who)
        truth |= {(p, v, day) for p in who for v in venues}
    unions = {u.name: u.id for u in repo.unions()}
    union_of = {
        e.participant_id: ("机电工会" if i % 3 == 0 else "普陀区总工会") for i, e in enumerate(repo.roster(1))
    }

    def expect(flt: StatsFilter) -> tuple[int, int]:
        rows = [
            t
            for t in truth
            if (flt.start is None or t[2] >= flt.start)
            and (flt.end is None or t[2] <= flt.end)
            and (flt.venue_id is None or t[1] == flt.venue_id)
            and (
                flt.union_id is None
                or unions[union_of[t[0]]] == flt.union_id
                or flt.union_id == unions["普陀区总工会"]
            )
        ]
        return len({t[0] for t in rows}), len(rows)

    filters = [
        StatsFilter(),
        StatsFilter(date(2026, 2, 1), date(2026, 3, 31)),
        StatsFilter(venue_id="beta"),
        StatsFilter(union_id=unions["机电工会"]),
        StatsFilter(date(2026, 1, 15), None, unions["机电工会"], "alpha"),
    ]
    for flt in filters:
        s = compute_stats(user_db, flt, "month")
        assert (s.participants, s.visits) == expect(flt), flt
        assert sum(r.visits for r in s.rows) == s.visits
    by_union = compute_stats(user_db, by="union")
    assert {r.label for r in by_union.rows} == {"普陀区总工会", "机电工会"}
    assert sum(r.participants for r in by_union.rows) == by_union.participants  # one union per person
    by_venue = compute_stats(user_db, by="venue")
    assert {r.key for r in by_venue.rows} <= set(VENUES)
    set_target(user_db, 200)
    assert get_target(user_db) == 200
    assert compute_stats(user_db).as_dict(200)["progress"] == round(by_union.participants / 200, 4)


def test_audit_log_is_append_only_and_chained(user_db, tmp_path):
    seed_people(user_db, tmp_path, n=5)
    repo = ParticipationRepository(user_db)
    g = repo.create_group("普陀区总工会", "g", date(2026, 5, 1), ["alpha"])
    repo.undo_checkin(repo.checkin(g.id, [e.participant_id for e in repo.roster(g.id)]))
    assert [e.action for e in entries(user_db)] == [
        "checkin.undo",
        "checkin",
        "group.create",
        "roster.import",
    ]
    assert verify_chain(user_db) is None
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(SADatabaseError, match="append-only"), user_db.writing() as s:
            s.execute(text(statement))
    # Tampering outside the app (triggers dropped) is still detected by the chain.
    with user_db.writing() as s:
        if user_db.is_sqlite:
            s.execute(text("DROP TRIGGER audit_log_no_update"))
        else:
            s.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
        s.execute(text("UPDATE audit_log SET actor = 'someone' WHERE id = 2"))
    assert verify_chain(user_db) == 2


def test_roster_merge_fills_blanks_and_reports_conflicts(user_db, tmp_path):
    rows = [["姓名", "手机号"], ["张三", "13812345678"], ["李四", "13912345678"]]
    assert import_roster(user_db, write_csv(tmp_path / "a.csv", rows), "普陀区总工会").added == 2
    again = [
        ["姓名", "手机号", "工作单位", "工号"],
        ["张三", "138 1234 5678", "甲厂", "E1"],
        ["王五", "13912345678", "", ""],
    ]
    report = import_roster(user_db, write_csv(tmp_path / "b.csv", again), "普陀区总工会")
    assert not report.applied
    assert [(n.sheet_row, n.reason) for n in report.errors] == [
        (3, "手机号 139****5678 已登记为“李四”（普陀区总工会）")
    ]
    report = import_roster(user_db, write_csv(tmp_path / "c.csv", again[:2]), "普陀区总工会")
    assert report.applied and report.merged == 1 and report.added == 0
    page = ParticipationRepository(user_db).participants_page(0, 10, "张")
    assert page[0][1:4] == ("张三", "138****5678", "甲厂")
    assert ParticipationRepository(user_db).count_participants("5678") == 2
