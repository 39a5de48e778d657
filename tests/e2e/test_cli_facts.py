"""`redtour sites --format json` dates each fact and shows staff checks; `redtour map` names unlocated venues."""

import json
from datetime import date

import pytest

from redtour.storage.bootstrap import open_user_database
from redtour.storage.database import sqlite_url
from redtour.storage.venues import VenueRepository
from tests.e2e.test_cli_sites import run

UNLOCATED = ["沪东工人运动展示馆", "上海总工会遗址展陈地", "上海工人新村展示馆"]


@pytest.mark.sqlite_only
def test_json_gives_each_fact_its_as_of_and_sources_and_staff_checks(tmp_path):
    db_file = tmp_path / "w.db"
    db = open_user_database(sqlite_url(db_file))
    VenueRepository(db).confirm("guzhenghong", ["phone"], date(2026, 12, 1), by="王老师", how="电话核实")
    db.dispose()
    result = run(tmp_path, "--db", sqlite_url(db_file), "sites", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    venues = {v["id"]: v for v in json.loads(result.stdout)}
    gzh = venues["guzhenghong"]
    assert gzh["facts"]["hours"]["as_of"] == "2017–2024"
    urls = {s["ref"]: s["url"] for s in gzh["sources"]}
    assert gzh["facts"]["hours"]["sources"] and all(
        urls[r].startswith("http") for r in gzh["facts"]["hours"]["sources"]
    )
    assert gzh["staff_checks"]["phone"] == {
        "checked": "2026-12-01", "by": "王老师", "how": "电话核实", "note": "", "changed": False
    }  # fmt: skip
    assert venues["sanshan"]["staff_checks"] == {}
    assert venues["hudong_gongyun"]["facts"]["district"]["inferred"] is True
    assert venues["huzhou_huiguan"]["capacity"]["area_m2"] == 140
    for v in venues.values():  # the compilation day is never presented as a check
        assert "checked" not in v and v["compiled"] == "2026-11-24"
        assert all("checked" not in s for s in v["sources"])


def test_map_names_the_venues_it_cannot_place(tmp_path):
    out = tmp_path / "map.html"
    result = run(tmp_path, "map", "--out", str(out))
    text = result.stdout.decode()
    assert result.returncode == 0 and out.exists()
    assert "4 个场馆暂无位置" in text
    assert all(name in text for name in UNLOCATED)
    assert "沪东工人运动展示馆（杨浦区（推断）；地址：待核实）" in text
