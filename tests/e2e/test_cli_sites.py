"""`redtour sites` as a user runs it: a real process, the real bundled catalogue, a fresh user folder."""

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ON_POSTGRES, fresh_postgres_url

NOTICE_VENUES = [
    "中国劳动组合书记部旧址陈列馆",
    "沪西工人半日学校",
    "顾正红纪念馆",
    "湖州会馆",
    "三山会馆",
    "沪东工人运动展示馆",
    "上海劳动模范风采展馆",
    "上海工匠馆",
]


_SERVER_DBS: dict[str, str] = {}


def run(
    tmp_path, *args: str, env: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[bytes]:
    """`redtour ARGS` in a fresh process; each tmp_path is one office (its own user folder and database).

    ``env`` adds variables (e.g. FONTCONFIG_FILE) to the process's environment; ``timeout`` only guards
    against a hang.
    """
    env = {**os.environ, **(env or {}), "REDTOUR_HOME": str(tmp_path / "home")}
    if ON_POSTGRES and "--db" not in args:
        key = str(tmp_path)
        if key not in _SERVER_DBS:
            _SERVER_DBS[key] = fresh_postgres_url()
        env["REDTOUR_DB"] = _SERVER_DBS[key]
    return subprocess.run(
        [sys.executable, "-m", "redtour", *args], capture_output=True, env=env, check=False, timeout=timeout
    )


@pytest.fixture(scope="module")
def sites_json(tmp_path_factory):
    result = run(tmp_path_factory.mktemp("cli"), "sites", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def test_lists_at_least_18_venues_inside_shanghai_each_with_a_source(sites_json):
    from redtour.core.geo import in_shanghai_bbox

    assert len(sites_json) >= 18
    for v in sites_json:
        for key in ("id", "name_zh", "name_en", "district", "address", "lat", "lon", "sources"):
            assert key in v
        assert v["sources"] and all(s["url"].startswith("http") for s in v["sources"])
        if v["lat"] is not None:
            assert in_shanghai_bbox(v["lat"], v["lon"]), v["name_zh"]
    located = [v for v in sites_json if v["lat"] is not None]
    assert len(located) >= 18


@pytest.mark.parametrize("name", NOTICE_VENUES)
def test_every_venue_the_notice_names_is_listed_and_found_by_its_notice_name(sites_json, name):
    assert any(name == v["name_zh"] or name in v["aliases"] for v in sites_json)


def test_unknown_location_is_null_not_guessed(sites_json):
    hudong = next(v for v in sites_json if "沪东工人运动展示馆" in (v["name_zh"], *v["aliases"]))
    assert hudong["lat"] is None and hudong["lon"] is None


@pytest.mark.parametrize("query", ["guzhenghong", "gzh", "顾正红", "Gu Zhenghong"])
def test_search_by_pinyin_initials_and_english(tmp_path, query):
    result = run(tmp_path, "sites", "--search", query, "--format", "json")
    names = [v["name_zh"] for v in json.loads(result.stdout)]
    assert names == ["顾正红纪念馆"]


def test_district_filter_and_table_output(tmp_path):
    result = run(tmp_path, "sites", "--district", "普陀")
    text = result.stdout.decode()
    assert result.returncode == 0 and "顾正红纪念馆" in text and "三山会馆" not in text


def test_csv_has_a_bom_for_chinese_excel(tmp_path):
    raw = run(tmp_path, "sites", "--format", "csv", "--date", "2026-11-23").stdout
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:2] == ["id", "名称"] and len(rows) >= 19


def test_version_and_bad_date_message(tmp_path):
    assert run(tmp_path, "--version").stdout.decode().startswith("redtour ")
    bad = run(tmp_path, "sites", "--date", "2026/11/23")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr.decode()


def test_exit_after_start_opens_the_window_with_its_map(tmp_path):
    # The app reports when the page says it is ready, not after a fixed time: with no deadline, a slow start
    # on a busy machine still passes; 10 minutes only stops a hang (no page at all).
    out = run(tmp_path, "--exit-after-start", env={"REDTOUR_START_DEADLINE": "0"}, timeout=600)
    assert out.returncode == 0, out.stderr.decode()[-2000:]
    assert "main window shown: True, map loaded: True" in out.stdout.decode()


WARNING_2027 = "2027年节假日安排未录入，仅按每周规则判断"


def test_json_for_a_day_without_holiday_data_carries_the_warning_per_venue(tmp_path):
    result = run(tmp_path, "sites", "--date", "2027-02-10", "--format", "json")
    venues = json.loads(result.stdout)
    assert result.returncode == 0 and venues
    for v in venues:
        assert v["status"]["holiday_data"] == {"year": 2027, "known": False, "warning": WARNING_2027}
        assert {"date", "state", "hours", "reason"} <= set(v["status"])  # the earlier shape is kept
    known = json.loads(run(tmp_path, "sites", "--date", "2026-02-17", "--format", "json").stdout)
    data = known[0]["status"]["holiday_data"]
    assert data["known"] is True and data["notice_no"] == "国办发明电〔2025〕7号"


def test_table_for_a_day_without_holiday_data_says_so(tmp_path):
    text = run(tmp_path, "sites", "--date", "2027-02-10").stdout.decode()
    assert text.rstrip().endswith("注意：" + WARNING_2027)
    assert WARNING_2027 not in run(tmp_path, "sites", "--date", "2026-02-10").stdout.decode()


def test_the_textile_museum_is_closed_for_the_spring_festival_with_the_reason(tmp_path):
    text = run(tmp_path, "sites", "--date", "2026-02-17", "--search", "fangzhi").stdout.decode()
    assert "闭馆（春节假期闭馆）" in text
    after = json.loads(
        run(tmp_path, "sites", "--date", "2026-02-24", "--search", "fangzhi", "--format", "json").stdout
    )
    assert after[0]["status"]["state"] == "open"
