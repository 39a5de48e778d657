"""`redtour campaign update` as a user runs it: a real process on a real database."""

from __future__ import annotations

import json
import unicodedata

import pytest

from tests.e2e.test_cli_campaign import create, listing, rows
from tests.e2e.test_cli_sites import run
from tests.importing.test_bad_files import write_csv


def test_update_changes_name_dates_and_target_and_refuses_clearly(tmp_path):
    create(tmp_path)
    sheet = write_csv(tmp_path / "r.csv", rows())
    assert run(tmp_path, "campaign", "import", str(sheet), "--campaign", "冬季寻访").returncode == 0
    out = run(tmp_path, "campaign", "update", "--campaign", "冬季寻访", "--name", "冬季寻访二期", "--to",
              "2027-01-10", "--target", "400")  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()
    assert "已修改活动 1：冬季寻访二期（2026-12-07—2027-01-10，目标 400 人）" in out.stdout.decode()
    [c] = listing(tmp_path)
    assert (c["name"], c["target"]) == ("冬季寻访二期", 400)
    # The groups ask for up to 12-18: a campaign ending earlier is refused, and nothing changes.
    bad = run(tmp_path, "campaign", "update", "--campaign", "1", "--to", "2026-12-15")
    assert bad.returncode == 1 and "2 个团队的日期超出新的活动日期" in bad.stderr.decode()
    backwards = run(tmp_path, "campaign", "update", "--campaign", "1", "--from", "2027-02-01")
    assert backwards.returncode == 1 and "早于开始日期" in backwards.stderr.decode()
    cleared = run(tmp_path, "campaign", "update", "--campaign", "1", "--target", "0")
    assert cleared.returncode == 0 and "目标" not in cleared.stdout.decode()
    [c] = listing(tmp_path)
    assert (c["name"], c["target"], c["from"], c["to"]) == ("冬季寻访二期", None, "2026-12-07", "2027-01-10")


def _schedule(tmp_path) -> dict:
    out = run(tmp_path, "campaign", "schedule", "--campaign", "冬季寻访", "--today", "2026-12-01",
              "--time-limit", "20", "--format", "json")  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def _bookings(tmp_path) -> list[dict]:
    out = run(tmp_path, "campaign", "bookings", "--campaign", "冬季寻访", "--format", "json")
    return json.loads(out.stdout)["bookings"]


def test_venue_cancels_a_day_reschedule_moves_that_group_only(tmp_path):
    pytest.importorskip("ortools")
    create(tmp_path)
    assert run(tmp_path, "campaign", "import", str(write_csv(tmp_path / "r.csv", rows())), "--campaign",
               "冬季寻访").returncode == 0  # fmt: skip
    first = {a["name"]: a for a in _schedule(tmp_path)["assignments"]}
    assert set(first) == {"一组", "二组"}
    for b in _bookings(tmp_path):  # the venues accepted 一组's visits
        if b["group"] == "一组":
            ok = run(
                tmp_path, "campaign", "booking", str(b["id"]), "--state", "已预约", "--ref", "R", "--by", "李"
            )
            assert ok.returncode == 0, ok.stderr.decode()
    one_venues = {s["venue_id"] for s in first["一组"]["stops"]}
    closed = next(s for s in first["二组"]["stops"] if s["venue_id"] not in one_venues)
    day = first["二组"]["date"]
    outside = run(tmp_path, "campaign", "closure", "--campaign", "冬季寻访", "--venue", closed["venue_id"],
                  "--date", "2027-03-01")  # fmt: skip
    assert outside.returncode == 1 and "不在活动日期" in outside.stderr.decode()
    out = run(tmp_path, "campaign", "closure", "--campaign", "冬季寻访", "--venue", closed["venue_id"],
              "--date", day)  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()
    text = out.stdout.decode()
    assert f"{closed['name_zh']} {day} 闭馆" in text and "已取消当天在该馆的预约：纺织工会 二组" in text
    again = run(
        tmp_path, "campaign", "closure", "--campaign", "1", "--venue", closed["venue_id"], "--date", day
    )
    assert again.returncode == 1 and "已记录" in again.stderr.decode()

    second = _schedule(tmp_path)
    after = {a["name"]: a for a in second["assignments"]}
    assert second["moved_groups"] == ["纺织工会 二组"]  # only the group whose day was cancelled
    assert (after["一组"]["date"], after["一组"]["stops"]) == (first["一组"]["date"], first["一组"]["stops"])
    assert not (
        after["二组"]["date"] == day and closed["venue_id"] in {s["venue_id"] for s in after["二组"]["stops"]}
    )
    states = {(b["group"], b["state"]) for b in _bookings(tmp_path)}
    assert ("一组", "已预约") in states and ("二组", "待预约") in states


def test_id_numbers_in_real_name_lists_only_with_the_id_setting(tmp_path):
    pytest.importorskip("ortools")
    create(tmp_path)
    assert run(tmp_path, "campaign", "import", str(write_csv(tmp_path / "r.csv", rows())), "--campaign",
               "冬季寻访").returncode == 0  # fmt: skip
    one = next(a for a in _schedule(tmp_path)["assignments"] if a["name"] == "一组")
    venue = one["stops"][0]["venue_id"]
    assert run(tmp_path, "venue", "capacity", venue, "--real-name", "yes").returncode == 0
    roster = write_csv(
        tmp_path / "p.csv", [["姓名", "手机号", "身份证号"], ["张三", "13800138001", "11010519491231002X"]]
    )
    out = run(
        tmp_path,
        "roster",
        "import",
        str(roster),
        "--union",
        "机电工会",
        "--group",
        "一组",
        "--with-id-number",
    )
    assert out.returncode == 0, out.stderr.decode()

    def names(*flag: str) -> list[list[str]]:
        out = run(tmp_path, "campaign", "bookings", "--campaign", "冬季寻访", "--format", "json", *flag)
        assert out.returncode == 0, out.stderr.decode()
        return [
            b["names"] for b in json.loads(out.stdout)["bookings"] if b["venue_id"] == venue and b["names"]
        ]

    assert names() == [["张三"]]  # the ID setting off: names only
    assert names("--with-id-number") == [["张三 11010519491231002X"]]


def test_route_sheet_of_a_scheduled_group_shows_the_booked_times(tmp_path):
    pytest.importorskip("ortools")
    from pypdf import PdfReader

    create(tmp_path)
    assert run(tmp_path, "campaign", "import", str(write_csv(tmp_path / "r.csv", rows())), "--campaign",
               "冬季寻访").returncode == 0  # fmt: skip
    unscheduled = run(tmp_path, "campaign", "sheet", "--campaign", "1", "--group", "一组", "--out",
                      str(tmp_path / "a.pdf"))  # fmt: skip
    assert unscheduled.returncode == 1 and "还没有排定" in unscheduled.stderr.decode()
    one = next(a for a in _schedule(tmp_path)["assignments"] if a["name"] == "一组")
    pdf = tmp_path / "一组.pdf"
    out = run(tmp_path, "campaign", "sheet", "--campaign", "冬季寻访", "--group", "一组", "--out", str(pdf))
    assert out.returncode == 0, out.stderr.decode()
    pages = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    text = unicodedata.normalize("NFKC", pages).replace(" ", "")  # the PDF's text uses CJK radical forms
    assert (
        "机电工会" in text
        and "一组" in text
        and one["date"][5:].replace("-", "月") in text.replace("-", "月")
    )
    for stop in one["stops"]:  # the booked times, not recomputed ones
        assert stop["arrive"] in text and stop["depart"] in text
