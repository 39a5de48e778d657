"""The campaign commands as a user runs them: real processes, the bundled catalogue, files made like Excel/WPS."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from pypdf import PdfReader
from python_calamine import CalamineWorkbook

from tests.e2e.test_cli_sites import run
from tests.importing.test_bad_files import write_csv

HEADER = ["所属工会", "团队名称", "参加人数", "最早日期", "最晚日期", "不可出行星期", "必去场馆", "可选场馆",
          "集合地点", "交通方式", "出发时间", "最晚返回", "领队", "联系电话"]  # fmt: skip


def rows():
    return [
        ["2026年冬季红色寻访 团队报名汇总表"],
        HEADER,
        ["机电工会", "一组", 20, "2026-12-08", "2026-12-18", "周六、周日", "顾正红纪念馆", "沪西工人半日学校",
         "顾正红纪念馆", "包车", "09:00", "16:30", "王五", "13800138000"],
        ["纺织工会", "二组", 25, "2026/12/9", "12月18日", "", "书记部\n沪西工人半日学校", "", "31.2304,121.4737",
         "地铁", "9:30", "17:00", "赵六", "13900139000"],
        ["合计", "", 45],
    ]  # fmt: skip


def create(tmp_path) -> None:
    out = run(tmp_path, "campaign", "create", "--name", "冬季寻访", "--from", "2026-12-07", "--to", "2026-12-31",
              "--target", "300")  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()


def listing(tmp_path) -> list[dict]:
    out = run(tmp_path, "campaign", "list", "--format", "json")
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def test_create_template_import_and_refusals(tmp_path):
    create(tmp_path)
    again = run(
        tmp_path, "campaign", "create", "--name", "冬季寻访", "--from", "2026-12-07", "--to", "2026-12-31"
    )
    assert again.returncode == 1 and "已有名为“冬季寻访”的活动" in again.stderr.decode()
    template = tmp_path / "报名表.xlsx"
    assert run(tmp_path, "campaign", "template", "--out", str(template)).returncode == 0
    sheet = CalamineWorkbook.from_path(str(template)).get_sheet_by_name("报名表").to_python()
    assert sheet[2][:5] == ["工会", "团队", "人数", "最早日期", "最晚日期"]
    dry = run(
        tmp_path,
        "campaign",
        "import",
        str(template),
        "--campaign",
        "冬季寻访",
        "--dry-run",
        "--format",
        "json",
    )
    assert dry.returncode == 0, dry.stderr.decode()
    assert (json.loads(dry.stdout)["added"], json.loads(dry.stdout)["applied"]) == (1, False)

    bad = rows()
    bad[2][6] = "不存在的纪念馆"  # sheet row 3
    bad[3][2] = 0  # sheet row 4
    path = write_csv(tmp_path / "bad.csv", bad, encoding="gbk")
    out = run(tmp_path, "campaign", "import", str(path), "--campaign", "冬季寻访", "--format", "json")
    assert out.returncode == 1
    report = json.loads(out.stdout)
    assert report["errors"] == [
        {"row": 3, "reason": "必去场馆：没有找到场馆“不存在的纪念馆”"},
        {"row": 4, "reason": "人数应大于 0"},
    ]
    outside = rows()
    outside[2][4] = "2027-01-10"
    out = run(
        tmp_path, "campaign", "import", str(write_csv(tmp_path / "o.csv", outside)), "--campaign", "冬季寻访"
    )
    assert out.returncode == 1 and "第 3 行：日期 2026-12-08—2027-01-10 超出活动日期" in out.stdout.decode()
    assert listing(tmp_path)[0]["groups"] == 0  # nothing was written

    good = write_csv(tmp_path / "good.csv", rows(), encoding="gbk")
    out = run(tmp_path, "campaign", "import", str(good), "--campaign", "冬季寻访", "--format", "json")
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout)["added"] == 2
    assert json.loads(out.stdout)["skipped"] == [{"row": 5, "reason": "表尾（合计/填表说明等）"}]
    progress = listing(tmp_path)[0]
    assert (progress["groups"], progress["requested"], progress["target"]) == (2, 45, 300)
    assert {u["name"] for u in progress["unions"]} == {"机电工会", "纺织工会"}


def test_venue_capacity_show_and_set(tmp_path):
    out = run(tmp_path, "venue", "capacity", "沪西工人半日学校")
    text = out.stdout.decode()
    assert out.returncode == 0, out.stderr.decode()
    assert "同时在馆团队数：1个（默认，待核实" in text and "每日团队数上限：待核实" in text
    out = run(tmp_path, "venue", "capacity", "书记部", "--format", "json")
    facts = json.loads(out.stdout)["facts"]
    assert facts["concurrent"]["origin"] == "source" and "freewechat.com" in facts["concurrent"]["note"]
    out = run(tmp_path, "venue", "capacity", "沪西工人半日学校", "--max-group", "30", "--concurrent", "2",
              "--per-day", "8", "--lead-days", "3", "--checked", "2026-12-01", "--by", "馆方电话", "--note", "王老师")  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()
    assert "每团最多人数：30人（2026-12-01核实，馆方电话，王老师）" in out.stdout.decode()
    shown = json.loads(run(tmp_path, "venue", "capacity", "沪西工人半日学校", "--format", "json").stdout)[
        "facts"
    ]
    assert (shown["per_day"]["value"], shown["lead_days"]["value"], shown["concurrent"]["unverified"]) == (
        8,
        3,
        False,
    )
    bad = run(tmp_path, "venue", "capacity", "沪西工人半日学校", "--concurrent", "0", "--per-day", "9")
    assert bad.returncode == 1 and "同时在馆团队数应在" in bad.stderr.decode()
    shown = json.loads(run(tmp_path, "venue", "capacity", "沪西工人半日学校", "--format", "json").stdout)[
        "facts"
    ]
    assert shown["per_day"]["value"] == 8  # the refused command changed nothing
    assert run(tmp_path, "venue", "capacity", "没有这个馆").returncode == 1


def _schedule(tmp_path, *extra: str) -> dict:
    out = run(tmp_path, "campaign", "schedule", "--campaign", "冬季寻访", "--today", "2026-12-01",
              "--time-limit", "20", "--format", "json", *extra)  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def test_schedule_bookings_states_and_reschedule(tmp_path):
    pytest.importorskip("ortools")
    create(tmp_path)
    good = write_csv(tmp_path / "good.csv", rows())
    assert run(tmp_path, "campaign", "import", str(good), "--campaign", "冬季寻访").returncode == 0
    data = _schedule(tmp_path)
    assert (data["scheduled_groups"], data["scheduled_people"], data["unscheduled"]) == (2, 45, [])
    for a in data["assignments"]:
        assert "2026-12-08" <= a["date"] <= "2026-12-18" and a["stops"]
    out = run(
        tmp_path,
        "campaign",
        "bookings",
        "--campaign",
        "冬季寻访",
        "--today",
        "2026-12-01",
        "--format",
        "json",
    )
    books = json.loads(out.stdout)["bookings"]
    assert len(books) == sum(len(a["stops"]) for a in data["assignments"])
    assert {b["state"] for b in books} == {"待预约"} and "138****8000" in {b["phone"] for b in books}
    first = books[0]
    refused = run(tmp_path, "campaign", "booking", str(first["id"]), "--state", "已预约")
    assert refused.returncode == 1 and "预约号" in refused.stderr.decode()
    ok = run(
        tmp_path, "campaign", "booking", str(first["id"]), "--state", "已预约", "--ref", "R-1", "--by", "李"
    )
    assert ok.returncode == 0 and "待预约 → 已预约" in ok.stdout.decode()
    again = _schedule(tmp_path)
    pinned = [a for a in again["assignments"] if a["group_id"] == next(
        x["group_id"] for x in data["assignments"] if x["name"] == first["group"])]  # fmt: skip
    assert pinned and all(a["date"] == first["date"] for a in pinned)
    xlsx = tmp_path / "bookings.xlsx"
    out = run(
        tmp_path, "campaign", "bookings", "--campaign", "冬季寻访", "--format", "xlsx", "--out", str(xlsx)
    )
    assert out.returncode == 0, out.stderr.decode()
    wb = CalamineWorkbook.from_path(str(xlsx))
    venues = {b["venue"] for b in json.loads(run(tmp_path, "campaign", "bookings", "--campaign", "冬季寻访",
                                                   "--format", "json").stdout)["bookings"]}  # fmt: skip
    assert len(wb.sheet_names) == len(venues)
    cells = [c for name in wb.sheet_names for row in wb.get_sheet_by_name(name).to_python() for c in row]
    assert "R-1" in cells and "已预约" in cells

    # A lead time makes deadlines; a deadline in two days is warned about.
    first_day = min(a["date"] for a in again["assignments"])
    venue = next(s["name_zh"] for a in again["assignments"] if a["date"] == first_day for s in a["stops"])
    assert run(tmp_path, "venue", "capacity", venue, "--lead-days", "3").returncode == 0
    _schedule(tmp_path, "--time-limit", "20")
    today = (date.fromisoformat(first_day) - timedelta(days=4)).isoformat()
    out = run(tmp_path, "campaign", "bookings", "--campaign", "冬季寻访", "--today", today)
    text = out.stdout.decode()
    assert (
        out.returncode == 0
        and "预约期限提醒：" in text
        and re.search(r"预约截止日 \d\d-\d\d，还剩 [0-2] 天", text)
    )

    pdf_path = tmp_path / "bookings.pdf"
    out = run(
        tmp_path, "campaign", "bookings", "--campaign", "冬季寻访", "--format", "pdf", "--out", str(pdf_path)
    )
    assert out.returncode == 0, out.stderr.decode()
    pdf = PdfReader(pdf_path)
    assert len(pdf.pages) >= len(venues)  # each venue starts on a page of its own
    first_page = pdf.pages[0].extract_text()
    assert "团队预约清单" in first_page.replace(" ", "") and "138****" in first_page
