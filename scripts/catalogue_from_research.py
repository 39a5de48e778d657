"""Add each fact's provenance (sources, 资料时间, confidence, inferred) and capacity to the catalogue TOML files.

Usage:  python scripts/catalogue_from_research.py PATH/TO/sites.json [--check]

The research dataset (sites.json, not shipped with the app; its structure is described in
docs/catalogue-format.md) gives, for every fact of every venue, the refs of the sources that state it, a
confidence and sometimes an "as of"; every source has a date. This script rewrites
resources/catalogue/venues/*.toml keeping the curated values (structured hours, notes) as they are and:

* renames the record's ``checked`` (the compilation day, not a check) to ``compiled``;
* gives every source its own ``date`` from the research (instead of a ``checked`` day appended to the title);
* writes ``[facts.<fact>]`` tables: ``sources`` (refs), ``as_of`` (资料时间: the research's as-of, else the
  newest dated source's date as written, else "n.d."), ``confidence``, ``inferred`` (the research marks the
  value 推断) and ``note``;
* writes ``[capacity]`` from the research's group_size_or_capacity with the structured parts chosen below.

Running it twice gives the same files; ``--check`` only reports whether the files are up to date.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENUES = ROOT / "resources" / "catalogue" / "venues"

# research field → catalogue fact
FIELDS = {
    "address_zh": "address",
    "opening_hours": "hours",
    "reservation": "reservation",
    "phone": "phone",
    "admission": "fee",
    "history_zh": "history",
    "changes_and_status": "status_note",
    "group_size_or_capacity": "capacity",
}

# The structured part of each capacity note, read off the research's words (quoted). ``small`` only where the
# text calls the place small or gives an indoor area under 300 m² (redtour/core/capacity.py).
CAPACITY: dict[str, dict[str, Any]] = {
    "huzhou_huiguan": {"area_m2": 140, "small": True},  # 建筑仅约140㎡…接待规模有限
    "shujibu": {"small": True},  # 建筑面积小（2016年报道称原展陈179㎡，2019年扩建增加约50%）…团队宜分批
    "huxi_banri": {"small": True},  # 陈列馆为二层小楼
    "huxi_gongrenwenhuagong": {"area_m2": 200, "small": True},  # 陈列馆约200余平方米
    "sanshan": {"area_m2": 3897},  # 园区占地约3897㎡
    "gongjiang": {"area_m2": 1750},  # 展馆面积约1750㎡
    "liuchangsheng": {"area_m2": 927},  # 建筑面积约927㎡
    "wusa_monument": {"area_m2": 4000},  # 户外广场，占地约4000㎡
    "fangzhi": {"area_m2": 4480},  # 室内展示约4480㎡
    "yangshupu_water": {"area_m2": 1300},  # 馆面积逾1300㎡
}

TOP_KEYS = (
    "id", "name_zh", "name_en", "aliases", "district", "address", "tags", "in_notice", "compiled", "phone",
    "fee", "visit_minutes", "max_group_size", "history", "status_note",
)  # fmt: skip
TABLES = ("location", "hours", "reservation", "capacity")
_DATE = re.compile(r"^~?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def date_key(text: str) -> tuple[int, int, int] | None:
    """Sort key of a source date as the research writes it; None for undated ("n.d. …")."""
    m = _DATE.match(text.strip())
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)


def newest_date(refs: list[str], dates: dict[str, str]) -> str:
    dated = [(k, dates[r]) for r in refs if r in dates and (k := date_key(dates[r])) is not None]
    return max(dated)[1] if dated else "n.d."


def provenance(field: dict[str, Any], refs: list[str], dates: dict[str, str]) -> dict[str, Any]:
    as_of = field.get("as_of") or newest_date(refs, dates)
    out: dict[str, Any] = {"sources": sorted(refs), "as_of": as_of}
    if field.get("confidence"):
        out["confidence"] = field["confidence"]
    return out


def venue_facts(r: dict[str, Any], data: dict[str, Any], dates: dict[str, str]) -> dict[str, Any]:
    """The [facts] table for one venue: only facts the record states (an unknown fact needs no dating)."""
    facts: dict[str, Any] = {}
    for field_name, fact in FIELDS.items():
        field = r[field_name]
        if fact not in data:
            continue
        if fact == "capacity" and field.get("confidence") == "none":
            continue
        facts[fact] = provenance(field, list(field.get("source_refs", [])), dates)
    if "district" in data:
        district = r["district"]
        d = provenance(r["address_zh"], list(r["address_zh"].get("source_refs", [])), dates)
        if "推断" in district:
            d["inferred"] = True
            d["note"] = "研究资料推断的所在区，没有来源直接写明"
            d["confidence"] = "low"
        elif "（" in district:
            d["note"] = district[district.index("（") + 1 : district.rindex("）")]
        facts["district"] = d
    if "location" in data:
        loc = r["location"]
        refs = sorted(
            {c["source_ref"] for c in loc.get("candidates", [])} | {loc.get("primary_source_ref") or ""}
        )
        facts["location"] = provenance(loc, [x for x in refs if x], dates)
    return facts


def capacity(r: dict[str, Any]) -> dict[str, Any] | None:
    field = r["group_size_or_capacity"]
    if field.get("confidence") == "none":
        return None
    return {"note": field["value"], **CAPACITY.get(r["id"], {})}


def update(data: dict[str, Any], r: dict[str, Any], all_sources: dict[str, dict[str, Any]]) -> dict[str, Any]:
    data = dict(data)
    if "checked" in data:
        data["compiled"] = data.pop("checked")
    dates = {s["ref"]: s.get("date", "") for s in all_sources.values()}
    facts = venue_facts(r, data | {"capacity": True}, dates)
    cap = capacity(r)
    if cap:
        data["capacity"] = cap
    else:
        facts.pop("capacity", None)
    refs_used = {ref for f in facts.values() for ref in f["sources"]}
    sources = []
    have = {s["ref"] for s in data["sources"]}
    # A source the research cites without a web address (e.g. HZ_WH) cannot be followed: left out.
    extra = [
        all_sources[x]
        for x in sorted(refs_used - have)
        if all_sources.get(x, {}).get("url", "")[:4] == "http"
    ]
    for s in data["sources"] + extra:
        src = all_sources.get(s["ref"], {})
        date = src.get("date", s.get("date", ""))
        title = s.get("title") or src.get("title", "")
        if date and title.endswith(f"（{date}）"):
            title = title[: -len(f"（{date}）")]
        url = s.get("url") or src["url"].split(" ")[0]
        sources.append({"ref": s["ref"], "title": title, "url": url, **({"date": date} if date else {})})
    for f in facts.values():
        f["sources"] = [x for x in f["sources"] if x in {s["ref"] for s in sources}]
    data["sources"] = sources
    data["facts"] = facts
    return data


# --- a small TOML writer for this one shape (the standard library reads TOML but does not write it) --------
def _value(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int | float):
        return repr(v)
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    return json.dumps(str(v), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _long(v: str) -> str:
    if "\\" in v or '"""' in v or v.endswith('"'):
        return _value(v)
    return f'"""{v}"""'


def _pairs(d: dict[str, Any]) -> list[str]:
    return [f"{k} = {_value(v)}" for k, v in d.items() if not isinstance(v, dict) and not _is_tables(v)]


def _is_tables(v: Any) -> bool:
    return isinstance(v, list) and bool(v) and all(isinstance(x, dict) for x in v)


def dump(data: dict[str, Any]) -> str:
    lines = []
    for key in TOP_KEYS:
        if key in data:
            v = data[key]
            lines.append(f"{key} = {_long(v) if key in ('history', 'status_note') else _value(v)}")
    unknown = set(data) - set(TOP_KEYS) - set(TABLES) - {"facts", "sources"}
    if unknown:
        raise SystemExit(f"{data['id']}: keys this script does not know: {sorted(unknown)}")
    for table in TABLES:
        if table in data:
            lines += ["", f"[{table}]", *_pairs(data[table])]
            for sub, items in data[table].items():
                if _is_tables(items):
                    for item in items:
                        lines += ["", f"[[{table}.{sub}]]", *_pairs(item)]
    for fact, info in data.get("facts", {}).items():
        lines += ["", f"[facts.{fact}]", *_pairs(info)]
    for s in data["sources"]:
        lines += ["", "[[sources]]", *_pairs(s)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("research", type=Path, help="the research dataset sites.json")
    parser.add_argument("--check", action="store_true", help="report files that would change, write nothing")
    parser.add_argument(
        "--venues", type=Path, default=VENUES, help="the TOML folder (default: the catalogue's)"
    )
    args = parser.parse_args(argv)
    research = json.loads(args.research.read_text(encoding="utf-8"))["venues"]
    all_sources = {s["ref"]: s for r in research for s in r["sources"]}
    stale = []
    for r in research:
        path = args.venues / f"{r['id']}.toml"
        if not path.exists():
            continue  # a researched venue not (yet) in the catalogue
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        text = dump(update(data, r, all_sources))
        if tomllib.loads(text) != update(data, r, all_sources):
            raise SystemExit(f"{path.name}: the writer lost something")
        if text != path.read_text(encoding="utf-8"):
            stale.append(path.name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    print(("out of date: " if args.check else "updated: ") + (", ".join(stale) or "none"))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
