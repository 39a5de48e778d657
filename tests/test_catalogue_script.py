"""scripts/catalogue_from_research.py on a small research file: the dating rules, and a second run changes nothing."""

import importlib.util
import json
import tomllib

from tests.conftest import REPO

SCRIPT = REPO / "scripts" / "catalogue_from_research.py"


def _script():
    spec = importlib.util.spec_from_file_location("catalogue_from_research", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fact(value, refs, confidence="medium", **kw):
    return {"value": value, "confidence": confidence, "source_refs": refs, **kw}


RESEARCH = {
    "venues": [
        {
            "id": "v",
            "district": "杨浦区（推断）",
            "address_zh": _fact("某路1号", ["A", "B"], note=""),
            "location": {"lat": None, "lon": None, "confidence": "none", "candidates": []},
            "opening_hours": _fact("周二至周日", ["A"], as_of="2017–2024", closed_days="周一"),
            "reservation": _fact("未找到", [], "none"),
            "group_size_or_capacity": _fact("建筑仅约140㎡，接待规模有限。", ["B"]),
            "phone": _fact("021-1", ["C"], "low"),
            "admission": _fact("免费", ["A"]),
            "history_zh": _fact("史略", ["A", "NOURL"], note=""),
            "changes_and_status": {"items": [], "source_refs": []},
            "sources": [
                {"ref": "A", "url": "https://a.example/", "title": "甲", "date": "2019-09"},
                {"ref": "B", "url": "https://b.example/", "title": "乙", "date": "~2021-06"},
                {"ref": "C", "url": "http://c.example/", "title": "丙", "date": "n.d. (old)"},
                {"ref": "NOURL", "url": "(not captured)", "title": "丁", "date": "2022"},
            ],
        }
    ]
}
TOML = """id = "v"
name_zh = "测试馆"
district = "杨浦区"
address = "某路1号"
in_notice = false
checked = "2026-11-24"
phone = "021-1"
fee = "免费"
history = "史略"

[hours]
closed_weekdays = [1]

[[hours.periods]]
weekdays = [2, 3, 4, 5, 6, 7]
open = "09:00"
close = "16:00"

[[sources]]
ref = "A"
title = "甲（2019-09）"
url = "https://a.example/"
checked = "2026-11-24"

[[sources]]
ref = "B"
title = "乙"
url = "https://b.example/"
checked = "2026-11-24"

[[sources]]
ref = "C"
title = "丙"
url = "http://c.example/"
checked = "2026-11-24"
"""


def test_script_dates_each_fact_and_is_idempotent(tmp_path):
    research = tmp_path / "sites.json"
    research.write_text(json.dumps(RESEARCH, ensure_ascii=False), encoding="utf-8")
    venues = tmp_path / "venues"
    venues.mkdir()
    (venues / "v.toml").write_text(TOML, encoding="utf-8")
    script = _script()
    assert script.main([str(research), "--venues", str(venues)]) == 0
    data = tomllib.loads((venues / "v.toml").read_text(encoding="utf-8"))
    facts = data["facts"]
    assert facts["hours"] == {
        "sources": ["A"],
        "as_of": "2017–2024",
        "confidence": "medium",
    }  # research's as-of
    assert facts["address"]["as_of"] == "~2021-06"  # else the newest dated source
    assert facts["phone"]["as_of"] == "n.d."  # undated stays undated
    assert facts["district"]["inferred"] is True
    assert facts["history"]["sources"] == ["A"]  # a source without a web address is left out
    assert "reservation" not in facts and "location" not in facts  # unknown facts need no dating
    assert data["capacity"]["note"] == "建筑仅约140㎡，接待规模有限。"
    assert data["compiled"] == "2026-11-24" and "checked" not in data
    assert data["sources"][0] == {"ref": "A", "title": "甲", "url": "https://a.example/", "date": "2019-09"}
    assert (
        script.main([str(research), "--venues", str(venues), "--check"]) == 0
    )  # a second run changes nothing
