"""The route sheet for a group leader as HTML (Jinja2 template), printed to A4 PDF by QtWebEngine.

Why HTML/CSS printed by Chromium rather than QTextDocument/QPdfWriter: CSS paged media gives repeated table
headers, rows that never split across pages (``break-inside: avoid``), page-number margin boxes and real
Chinese text shaping with embedded subset fonts; and a union can edit the template without touching code.
Everything user-supplied is autoescaped by Jinja2.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from redtour import paths
from redtour.core.calendar import WEEKDAY_ZH, weekly_summary
from redtour.core.catalogue import Venue
from redtour.core.holidays import missing_warning
from redtour.core.images import sniff_image_type
from redtour.core.people import mask_mobile
from redtour.core.planner import Plan, period_text
from redtour.core.travel import MODE_ZH

DEFAULT_TITLE = "百万职工红色寻访活动 行程单"
DEFAULT_SAFETY = (
    "出发前清点人数，每到一处和离开时再次清点；途中不得擅自离队。",
    "遵守场馆参观规定，保持安静，不触摸展品；拍照前先确认是否允许。",
    "注意交通安全：上下车、过马路听从带队人安排；老年、行动不便人员安排专人照顾。",
    "突发疾病或受伤：立即拨打 120，并报告带队人；遇火情拨打 119，报警拨打 110。",
    "与团队走散时，原地等候或回到最近一个场馆门口，并电话联系带队人。",
)
_MASKED = re.compile(r"\d{3}\*{4}\d{4}")


@dataclass(frozen=True)
class SheetPerson:
    name: str = ""
    unit: str = ""
    phone: str = ""  # already masked (138****1234)


@dataclass(frozen=True)
class SheetOptions:
    """What the union sets (title, logo, contact lines) and what the leader fills in."""

    title: str = DEFAULT_TITLE
    union: str = ""
    group: str = ""
    leader: str = ""
    leader_phone: str = ""
    people: int | None = None  # default: the plan's group size
    assembly_minutes_before: int = 15
    footer: str = ""  # e.g. the union's contact line
    logo_uri: str = ""
    safety: tuple[str, ...] = DEFAULT_SAFETY
    roster: tuple[SheetPerson, ...] = field(default_factory=tuple)


def css_string(text: str) -> str:
    """Text for inside a CSS string literal: anything but letters, digits, CJK and spaces is hex-escaped."""
    out = []
    for ch in " ".join(text.split()):
        if ch.isalnum() or ch == " " or ord(ch) > 0x2000:
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return "".join(out)


def logo_data_uri(path: str) -> str:
    """The union's logo as a data: URI ('' when unset, missing or not a PNG/JPEG under 2 MB)."""
    if not path:
        return ""
    file = Path(path)
    try:
        data = file.read_bytes() if file.is_file() and file.stat().st_size < 2_000_000 else b""
    except OSError:
        return ""
    mime = sniff_image_type(data)
    if mime not in ("image/png", "image/jpeg"):
        return ""
    return f"data:{mime};base64," + base64.b64encode(data).decode()


def _reservation_text(stop: Any) -> str:
    res = stop.venue.reservation
    if res is None or res.required is None:
        return "预约要求待核实"
    if not res.required:
        return "无需预约"
    text = "需预约"
    if res.lead_days:
        text += f"（提前{res.lead_days}天）"
    if res.how:
        text += f"：{res.how}"
    return text


def _prepare_text(stop: Any) -> str:
    parts = []
    if stop.venue.reservation and stop.venue.reservation.required:
        parts.append("持预约信息入馆")
    parts.append("带好身份证件")
    if stop.venue.fee:
        parts.append(f"门票：{stop.venue.fee}")
    return "；".join(parts)


SHEET_FACTS = (("hours", "开放时间"), ("reservation", "预约"), ("phone", "电话"), ("address", "地址"))


def _as_of(text: str) -> str:
    return "日期不详" if not text or text.startswith("n.d.") else text


def fact_dating(venue: Venue) -> tuple[list[dict[str, str]], list[str]]:
    """Per fact on the sheet: 资料时间 and cited source numbers, or the staff 核对; and the cited sources."""
    cited: list[str] = []
    lines = []
    by_ref = {s.ref: s for s in venue.sources}
    for fact, label in SHEET_FACTS:
        info, check = venue.facts.get(fact), venue.staff_checks.get(fact)
        line: dict[str, str] = {"label": label}
        if info is not None and not venue.is_local(fact):
            refs = [r for r in info.sources if r in by_ref]
            cited += [r for r in refs if r not in cited]
            line["as_of"] = _as_of(info.as_of) + ("（推断）" if info.inferred else "")
            line["cites"] = "".join(f"[{cited.index(r) + 1}]" for r in refs)
        elif venue.is_local(fact):
            line["as_of"] = "本地修改"
        if check is not None:
            line["check"] = check.text()
        if len(line) > 1:
            lines.append(line)
    sources = [
        f"[{i}] {by_ref[r].title or by_ref[r].url}（{_as_of(by_ref[r].date)}）"
        for i, r in enumerate(cited, 1)
    ]
    return lines, sources


def _short(text: str | None, limit: int = 220) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _masked(phone: str) -> str:
    """Phones from the database come masked already (138****1234); anything else is masked here."""
    return phone if _MASKED.fullmatch(phone) else mask_mobile(phone)


def sheet_context(plan: Plan, options: SheetOptions, map_uri: str) -> dict[str, Any]:
    req = plan.request
    start_dt = timedelta(hours=req.start_time.hour, minutes=req.start_time.minute)
    assembly = start_dt - timedelta(minutes=options.assembly_minutes_before)
    known = req.holidays is not None and req.holidays.known(req.day.year)
    holiday_warning = "" if known else missing_warning(req.day.year)  # once, beside the date
    stops = []
    for s in plan.stops:
        hours = period_text(s.window) if s.window else weekly_summary(s.venue.hours)
        dating, cited = fact_dating(s.venue)
        stops.append(
            {
                "name": s.venue.name_zh,
                "address": s.venue.address or "地址待核实",
                "arrive": f"{s.arrive:%H:%M}",
                "depart": f"{s.depart:%H:%M}",
                "mode": MODE_ZH[req.mode],
                "travel_min": s.travel_min,
                "distance_km": f"{s.distance_km:.1f}",
                "hours": hours or "开放时间待核实",
                "warnings": [w for w in s.warnings if w != holiday_warning],
                "reservation": _reservation_text(s),
                "phone": s.venue.phone or "电话待核实",
                "history": _short(s.venue.history),
                "prepare": _prepare_text(s),
                "dating": dating,
                "sources": cited,
                "hours_as_of": next((d.get("as_of", "") for d in dating if d["label"] == "开放时间"), ""),
                "hours_check": next((d.get("check", "") for d in dating if d["label"] == "开放时间"), ""),
            }
        )
    # One sign-in row per person: the roster by name, then blank rows up to the group's size.
    people = options.people or req.group_size
    roster = list(options.roster) + [SheetPerson() for _ in range(people - len(options.roster))]
    return {
        "title": options.title,
        "union": options.union,
        "group": options.group,
        "day": f"{req.day:%Y年%m月%d日}",
        "weekday": WEEKDAY_ZH[req.day.isoweekday()],
        "holiday_warning": holiday_warning,
        "people": people,
        "leader": options.leader,
        "leader_phone": options.leader_phone,
        "assembly": req.start.name,
        "assembly_time": f"{int(assembly.total_seconds() // 3600):02d}:{int(assembly.total_seconds() % 3600 // 60):02d}",
        "start_time": f"{req.start_time:%H:%M}",
        "mode": MODE_ZH[req.mode],
        "back": f"{plan.back:%H:%M}",
        "end_name": plan.end.name,
        "stops": stops,
        "lunch": f"{plan.lunch[0]:%H:%M}–{plan.lunch[1]:%H:%M}" if plan.lunch else "",
        "lunch_after": plan.lunch_after,
        "final_travel_min": plan.final_travel_min,
        "total_travel_min": plan.total_travel_min,
        "total_km": f"{plan.total_distance_km:.1f}",
        "notes": [w for w in plan.warnings],
        "safety": list(options.safety),
        "roster": [SheetPerson(p.name, p.unit, _masked(p.phone)) for p in roster],
        "footer_css": css_string(options.footer),
        "logo_uri": options.logo_uri,
        "map_uri": map_uri,
        # the template's @font-face rules
        "font_uri": paths.bundled_font("Regular").resolve().as_uri(),
        "bold_font_uri": paths.bundled_font("Bold").resolve().as_uri(),
    }


def render_sheet_html(plan: Plan, options: SheetOptions, map_uri: str) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape  # not on the app's start-up path

    env = Environment(
        loader=FileSystemLoader(paths.resource("templates")),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
    )
    return env.get_template("route_sheet.html.j2").render(**sheet_context(plan, options, map_uri))
