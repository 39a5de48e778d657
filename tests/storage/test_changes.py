"""Writes report what they changed (storage/changes.py): the kinds a page refreshes on, only once committed."""

from datetime import date

import pytest

from redtour.storage.changes import Changes, recording
from redtour.storage.database import Rollback
from redtour.storage.participation import ParticipationRepository
from redtour.storage.plans import PlanRepository
from redtour.storage.venues import VenueRepository
from tests.storage.test_plans import REQUEST


def test_a_venue_correction_reports_venues(user_db):
    venue = VenueRepository(user_db).list_venues()[0]
    with recording() as kinds:
        VenueRepository(user_db).correct(venue.id, "phone", "021-12345678", date(2026, 1, 5), "电话核实")
    assert kinds == {"venues"}



def test_a_saved_plan_reports_plans_and_a_group_reports_groups(user_db):
    venue = VenueRepository(user_db).list_venues()[0]
    with recording() as kinds:
        PlanRepository(user_db).save("周六", date(2026, 5, 9), REQUEST, None)
    assert kinds == {"plans"}
    with recording() as kinds:
        ParticipationRepository(user_db).create_group("普陀区总工会", "一队", date(2026, 5, 9), [venue.id])
    assert kinds == {"groups", "people"}  # the union is created on the way


def test_a_rolled_back_transaction_reports_nothing(user_db):
    from datetime import datetime

    from redtour.storage.models import PlanRow

    with recording() as kinds, user_db.writing() as s:
        now = datetime(2026, 5, 1)
        s.add(PlanRow(uuid="u-1", name="x", day=date(2026, 5, 9), request={}, created=now, updated=now))
        s.flush()  # the INSERT ran, then the transaction is undone
        raise Rollback
    assert kinds == set()


def test_a_failed_transaction_reports_nothing(user_db):
    venue = VenueRepository(user_db).list_venues()[0]
    with recording() as kinds, pytest.raises(RuntimeError), user_db.writing() as s:
        from sqlalchemy import update

        from redtour.storage.models import VenueRow

        s.execute(update(VenueRow).where(VenueRow.id == venue.id).values(name_zh="改名"))
        raise RuntimeError("boom")
    assert kinds == set()


def test_reads_report_nothing(user_db):
    with recording() as kinds:
        VenueRepository(user_db).list_venues()
        ParticipationRepository(user_db).groups()
    assert kinds == set()


def test_changes_combine_and_refuse_unknown_kinds():
    assert (Changes.of("venues") | Changes.of("visits")).touches("visits")
    assert not Changes()
    with pytest.raises(ValueError):
        Changes.of("vneues")
