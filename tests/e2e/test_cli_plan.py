"""`redtour plan` as a user runs it, on the bundled catalogue, with the names the notice uses."""

import json

from tests.e2e.test_cli_sites import run

NOTICE = "中国劳动组合书记部旧址陈列馆,沪西工人半日学校,顾正红纪念馆,三山会馆"


def test_plan_json_on_a_wednesday(tmp_path):
    out = run(
        tmp_path,
        "plan",
        "--date",
        "2026-12-02",
        "--start",
        "31.2304,121.4737",
        "--sites",
        NOTICE,
        "--optimize",
        "--visit",
        "45",
        "--format",
        "json",
        "--save",
        "周三线",
    )
    assert out.returncode == 0, out.stderr.decode()
    data = json.loads(out.stdout)
    assert data["optimal"] is True
    assert sorted(s["name_zh"] for s in data["stops"]) == sorted(
        ["中国劳动组合书记部旧址陈列馆", "沪西工人半日学校史料陈列馆", "顾正红纪念馆", "三山会馆"]
    )
    assert len(data["matrix"]["points"]) == 5 and len(data["matrix"]["minutes"]) == 5
    assert data["total_travel_min"] == sum(s["travel_min"] for s in data["stops"]) + data["final_travel_min"]
    listed = run(tmp_path, "plans", "--format", "json")
    assert json.loads(listed.stdout)[0]["name"] == "周三线"
    png = tmp_path / "plan.html"
    assert run(tmp_path, "map", "--plan", "周三线", "--out", str(png)).returncode == 0
    assert "route-number" in png.read_text(encoding="utf-8")


def test_monday_plan_is_rejected_with_the_reason(tmp_path):
    out = run(
        tmp_path,
        "plan",
        "--date",
        "2026-11-30",
        "--start",
        "顾正红纪念馆",
        "--sites",
        "顾正红纪念馆,三山会馆",
        "--format",
        "json",
    )
    assert out.returncode == 3
    reasons = json.loads(out.stdout)["reasons"]
    assert "顾正红纪念馆 周一闭馆" in reasons


def test_unknown_start_says_why(tmp_path):
    out = run(tmp_path, "plan", "--date", "2026-12-02", "--start", "人民广场地铁站", "--sites", "三山会馆")
    assert out.returncode == 1  # bad input (README "Exit status")
    assert "地址查询需要开启在线地理编码" in out.stderr.decode()


def test_address_through_a_configured_geocoder_that_is_unreachable(tmp_path):
    out = run(
        tmp_path,
        "plan",
        "--date",
        "2026-12-02",
        "--start",
        "人民广场地铁站",
        "--sites",
        "三山会馆",
        "--geocoder",
        "nominatim@127.0.0.1:9",
    )
    assert out.returncode == 1
    assert "地理编码服务不可用" in out.stderr.decode()
