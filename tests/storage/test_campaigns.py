"""Campaign storage on a real database: request import (all-or-nothing), capacity facts, saved schedules,
booking states that pin a group, re-scheduling that says who moved, attendance from check-ins."""

from __future__ import annotations

from datetime import date, time

import pytest

from redtour.core.campaign.model import Assignment, ScheduleResult, StopTime
from redtour.storage.campaign_bookings import BookingError, bookings, set_state
from redtour.storage.campaign_import import import_requests
from redtour.storage.campaign_schedule import run_inputs, save_schedule
from redtour.storage.campaigns import CampaignError, CampaignRepository
from redtour.storage.participation import ParticipationRepository
from tests.importing.test_bad_files import fingerprint, write_csv

HEADER = ["工会", "团队", "人数", "最早日期", "最晚日期", "不可出行星期", "必去场馆", "可选场馆", "出发地",
          "交通方式", "出发时间", "最晚返回", "领队", "领队手机"]  # fmt: skip


def request_rows():
    return [
        ["2026年12月 红色寻访 报名汇总"],
        HEADER,
        ["机电工会", "一组", "20", "2026-12-08", "2026-12-12", "周六", "甲馆", "测试会馆乙", "甲馆", "包车",
         "09:00", "16:30", "王五", "13800138000"],
        ["纺织工会", "二组", "30", "2026/12/9", "12月11日", "", "测试纪念馆甲；测试会馆乙", "", "31.24,121.44",
         "地铁", "", "", "", ""],
    ]  # fmt: skip


@pytest.fixture
def campaign(user_db):
    return CampaignRepository(user_db).create("冬季寻访", date(2026, 12, 7), date(2026, 12, 20), 500)


def test_import_adds_requests_and_unions(user_db, tmp_path, campaign):
    report = import_requests(user_db, write_csv(tmp_path / "r.csv", request_rows()), campaign)
    assert report.applied and report.errors == []
    assert (report.added, report.people) == (2, 50)
    reqs = CampaignRepository(user_db).requests(campaign.id)
    assert [(r.union, r.name, r.must, r.optional) for r in reqs] == [
        ("机电工会", "一组", ("alpha",), ("beta",)),
        ("纺织工会", "二组", ("alpha", "beta"), ()),
    ]
    assert reqs[0].no_weekdays == (6,) and reqs[0].start.venue_id == "alpha"
    assert reqs[1].earliest == date(2026, 12, 9) and reqs[1].latest == date(2026, 12, 11)
    assert reqs[1].start_time == time(9, 0) and reqs[1].mode.value == "metro"
    assert {u.name for u in CampaignRepository(user_db).unions(campaign.id)} == {"机电工会", "纺织工会"}
    again = import_requests(user_db, write_csv(tmp_path / "r2.csv", request_rows()), campaign)
    assert not again.applied and [e.sheet_row for e in again.errors] == [3, 4]


@pytest.mark.parametrize(
    ("col", "value", "reason"),
    [
        (6, "不存在的馆", "没有找到场馆“不存在的馆”"),
        (2, "0", "人数应大于 0"),
        (4, "2027-01-05", "超出活动日期"),
        (4, "2026-12-07", "早于最早日期"),
        (5, "周二、周三、周四、周五、周六", "每天都是不可出行的星期"),
        (8, "黄浦区某某路1号", "地址查询需要开启在线地理编码"),
    ],
)
def test_bad_rows_are_numbered_and_change_nothing(user_db, tmp_path, campaign, col, value, reason):
    rows = request_rows()
    rows[3][col] = value  # sheet row 4
    before = fingerprint(user_db)
    report = import_requests(user_db, write_csv(tmp_path / "bad.csv", rows), campaign)
    assert not report.applied
    assert [e.sheet_row for e in report.errors] == [4]
    assert reason in report.errors[0].reason
    assert fingerprint(user_db) == before
    assert CampaignRepository(user_db).count_requests(campaign.id) == 0


def test_must_visit_closed_on_every_allowed_day(user_db, tmp_path, campaign):
    rows = request_rows()
    rows[2][3:5] = ["2026-12-14", "2026-12-14"]  # a Monday: 甲馆 is closed on Mondays
    report = import_requests(user_db, write_csv(tmp_path / "mon.csv", rows), campaign, dry_run=True)
    assert [(e.sheet_row, e.reason) for e in report.errors] == [
        (3, "必去场馆在可出行日期内每天都闭馆：测试纪念馆甲")
    ]


def test_capacity_unknown_is_cautious_and_staff_facts_win(user_db, campaign):
    repo = CampaignRepository(user_db)
    beta = repo.capacities(["beta"])["beta"]
    assert beta.value("concurrent") == 1 and beta.facts["concurrent"].origin == "default"
    assert "待核实" in beta.describe("concurrent") and "concurrent" in beta.unverified
    assert beta.describe("per_day") == "每日团队数上限：待核实"
    alpha = repo.capacities(["alpha"])["alpha"]
    assert alpha.value("lead_days") == 3 and alpha.facts["lead_days"].origin == "catalogue"
    after = repo.set_capacity(
        "beta", {"concurrent": 2, "max_group": 30}, date(2026, 12, 1), "馆方电话", "王老师"
    )
    assert after.value("concurrent") == 2 and after.facts["concurrent"].said_by == "馆方电话"
    assert "2026-12-01核实" in after.describe("max_group") and "concurrent" not in after.unverified
    with pytest.raises(ValueError, match="同时在馆团队数"):
        repo.set_capacity("beta", {"concurrent": 0}, None)
    with pytest.raises(CampaignError, match="已有名为"):
        repo.create("冬季寻访", date(2026, 12, 7), date(2026, 12, 20))


def _result(inputs, day_of: dict[str, date]) -> ScheduleResult:
    out = []
    for r in inputs.requests:
        if r.group_id in day_of:
            stops = tuple(StopTime(v, time(10 + k, 0), time(10 + k, 45)) for k, v in enumerate(r.must))
            out.append(Assignment(r.group_id, 0, 1, r.people, day_of[r.group_id], stops))
    return ScheduleResult(
        True, None, None, None, tuple(out), (), requests={r.group_id: r for r in inputs.requests}
    )


def test_schedule_bookings_pin_and_reschedule(user_db, tmp_path, campaign):
    import_requests(user_db, write_csv(tmp_path / "r.csv", request_rows()), campaign)
    inputs = run_inputs(user_db, campaign)
    g1, g2 = (r.group_id for r in inputs.requests)
    assert inputs.capacities["alpha"].lead_days == 3 and not inputs.capacities["beta"].known
    moved = save_schedule(
        user_db, campaign, _result(inputs, {g1: date(2026, 12, 8), g2: date(2026, 12, 9)}), date(2026, 12, 1)
    )
    assert moved == []
    books = bookings(user_db, campaign.id)
    assert [(b.group, b.venue_id, b.state) for b in books] == [
        ("一组", "alpha", "待预约"), ("二组", "beta", "待预约"), ("二组", "alpha", "待预约")
    ]  # fmt: skip
    assert books[0].deadline == date(2026, 12, 5) and books[0].phone_masked == "138****8000"
    assert books[0].deadline_warning(date(2026, 12, 4)) == "预约截止日 12-05，还剩 1 天"
    with pytest.raises(BookingError, match="预约号"):
        set_state(user_db, books[0].id, "已预约")
    set_state(user_db, books[0].id, "已预约", reference="A-17", by="李")
    with pytest.raises(BookingError, match="已是"):
        set_state(user_db, books[0].id, "已预约", reference="A-17", by="李")
    inputs = run_inputs(user_db, campaign)
    assert [(p.group_id, p.day) for p in inputs.pins] == [(g1, date(2026, 12, 8))]
    # Re-schedule moving both: the pinned group stays, the other is reported as moved.
    moved = save_schedule(
        user_db,
        campaign,
        _result(inputs, {g1: date(2026, 12, 10), g2: date(2026, 12, 10)}),
        date(2026, 12, 2),
    )
    assert moved == ["纺织工会 二组"]
    books = bookings(user_db, campaign.id)
    assert [(b.group, b.day, b.state) for b in books] == [
        ("一组", date(2026, 12, 8), "已预约"),
        ("二组", date(2026, 12, 10), "待预约"),
        ("二组", date(2026, 12, 10), "待预约"),
    ]
    # Attendance: the request's tour group carries the check-ins.
    first = books[0]
    assert first.tour_group_id is not None
    group = ParticipationRepository(user_db).get_group(first.tour_group_id)
    assert (group.name, group.day) == ("一组", date(2026, 12, 8))
    set_state(user_db, first.id, "已确认")
    with pytest.raises(BookingError, match="不能从“已确认”改为“已预约”"):
        set_state(user_db, first.id, "已预约", reference="B", by="李")
    late = next(b for b in bookings(user_db, campaign.id) if b.id == first.id)
    assert late.attended == 0 and late.attendance_flag(date(2026, 12, 9)) == "未到（无签到）"


def test_attendance_from_checkins_and_real_name_lists(user_db, tmp_path, campaign):
    from redtour.storage.roster_import import import_roster

    import_requests(user_db, write_csv(tmp_path / "r.csv", request_rows()), campaign)
    inputs = run_inputs(user_db, campaign)
    g1 = inputs.requests[0].group_id
    save_schedule(user_db, campaign, _result(inputs, {g1: date(2026, 12, 8)}), date(2026, 12, 1))
    repo = CampaignRepository(user_db)
    first = bookings(user_db, campaign.id)[0]
    roster = [["姓名", "手机号"]] + [[f"职工{chr(0x4E00 + i)}", f"1390000{i:04d}"] for i in range(20)]
    import_roster(user_db, write_csv(tmp_path / "p.csv", roster), "机电工会", group_id=first.tour_group_id)
    # The venue needs a real-name list: the booking carries the group's names.
    repo.set_capacity("alpha", {"real_name": 1}, date(2026, 12, 1), "馆方")
    named = bookings(user_db, campaign.id, repo.capacities())[0]
    assert len(named.names) == 20 and named.names[0].startswith("职工")
    assert bookings(user_db, campaign.id, repo.capacities(["beta"]))[0].names == ()
    set_state(user_db, first.id, "已预约", reference="A-1", by="李")
    people = [e.participant_id for e in ParticipationRepository(user_db).roster(first.tour_group_id)]
    ParticipationRepository(user_db).checkin(first.tour_group_id, people[:11])
    after = bookings(user_db, campaign.id)[0]
    assert after.attended == 11
    assert after.attendance_flag(date(2026, 12, 8)) == ""  # not before the day is over
    assert after.attendance_flag(date(2026, 12, 9)) == "到 11/20 人，低于60%"
    ParticipationRepository(user_db).checkin(first.tour_group_id, people)
    assert bookings(user_db, campaign.id)[0].attendance_flag(date(2026, 12, 9)) == ""
