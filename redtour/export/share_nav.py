"""A saved plan as calendar and navigation files: .ics (icalendar), .gpx (gpxpy), .kml (simplekml).

Coordinates are stored in WGS-84 (core/catalogue.py). GPX and KML are WGS-84 by their standards, but Chinese map
apps (高德, 腾讯, 百度 via import) draw GCJ-02, so a WGS-84 file lands 300–500 m off in them: the caller picks
``datum="gcj02"`` for those, and every file says which datum it is in its description. All text goes through the
libraries' own escaping, so a venue note such as ``<script>`` stays text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from redtour.core.geo import wgs84_to_gcj02
from redtour.core.planner import Plan
from redtour.core.travel import MODE_ZH
from redtour.export.route_sheet import _prepare_text, _reservation_text
from redtour.i18n import N_

SHANGHAI = ZoneInfo("Asia/Shanghai")
DATUMS = ("wgs84", "gcj02")
DATUM_NOTE = {  # N_: the app shows them through gettext; the CLI prints them as they are
    "wgs84": N_("坐标系：WGS-84（GPS 原始坐标，适用于奥维、两步路等户外导航和国外地图）"),
    "gcj02": N_("坐标系：GCJ-02（国测局坐标，适用于高德、腾讯等国内地图；不是标准 GPX/KML 坐标）"),
}
#: The evening-before reminder.
REMINDER_AT = time(20, 0)


@dataclass(frozen=True)
class Point:
    kind: str  # start | stop | end
    name: str
    lat: float
    lon: float
    note: str = ""


def _at(day: date, t: time) -> datetime:
    return datetime.combine(day, t, tzinfo=SHANGHAI)


def plan_points(plan: Plan, datum: str = "wgs84") -> list[Point]:
    """Start, the stops that have a position, end — in visiting order, in the chosen datum."""
    if datum not in DATUMS:
        raise ValueError(f"坐标系应为 wgs84 或 gcj02，而不是 {datum!r}")
    req = plan.request

    def conv(lat: float, lon: float) -> tuple[float, float]:
        return wgs84_to_gcj02(lat, lon) if datum == "gcj02" else (lat, lon)

    out = [
        Point(
            "start",
            f"集合出发：{req.start.name}",
            *conv(req.start.lat, req.start.lon),
            f"{req.start_time:%H:%M} 出发",
        )
    ]
    for k, s in enumerate(plan.stops, start=1):
        if s.venue.location is None:
            continue
        lat, lon = conv(s.venue.location.lat, s.venue.location.lon)
        out.append(Point("stop", f"{k}. {s.venue.name_zh}", lat, lon, f"{s.arrive:%H:%M}–{s.depart:%H:%M}"))
    out.append(
        Point("end", f"返回：{plan.end.name}", *conv(plan.end.lat, plan.end.lon), f"{plan.back:%H:%M} 到达")
    )
    return out


def _stop_description(plan: Plan, index: int) -> str:
    req, s = plan.request, plan.stops[index]
    lines = [
        f"第{index + 1}站 {s.venue.name_zh}",
        f"到达 {s.arrive:%H:%M}，参观 {s.start:%H:%M}–{s.depart:%H:%M}（{s.visit_min}分钟）",
        f"地址：{s.venue.address or '地址待核实'}",
        f"预约：{_reservation_text(s)}",
        f"准备：{_prepare_text(s)}",
        f"场馆电话：{s.venue.phone or '电话待核实'}",
    ]
    if index == 0:
        lines.insert(1, f"集合：{req.start.name}，{req.start_time:%H:%M} {MODE_ZH[req.mode]}出发")
    if index == len(plan.stops) - 1:
        lines.append(f"预计 {plan.back:%H:%M} 返回 {plan.end.name}")
    lines += [f"注意：{w}" for w in s.warnings]
    return "\n".join(lines)


def write_ics(plan: Plan, out: Path, title: str = "") -> Path:
    """One VEVENT per stop (arrival to departure, Asia/Shanghai), with the address and an alarm at 20:00 the
    evening before. RFC 5545 via icalendar, VTIMEZONE included so phones without tz data agree."""
    from icalendar import Alarm, Calendar, Event, vText

    req = plan.request
    cal = Calendar()
    cal.add("prodid", "-//redtour//百万职工红色寻访//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", title or f"红色寻访 {req.day:%Y-%m-%d}")
    cal.add("x-wr-timezone", "Asia/Shanghai")
    stamp = datetime.now(tz=ZoneInfo("UTC")).replace(microsecond=0)
    # RFC 5545 §3.8.6.3: an absolute TRIGGER must be in UTC.
    remind = _at(req.day - timedelta(days=1), REMINDER_AT).astimezone(ZoneInfo("UTC"))
    for k, s in enumerate(plan.stops):
        ev = Event()
        ev.add("uid", f"redtour-{req.day:%Y%m%d}-{k + 1}-{s.venue.id}@redtour.local")
        ev.add("dtstamp", stamp)
        ev.add("dtstart", _at(req.day, s.arrive))
        ev.add("dtend", _at(req.day, s.depart))
        ev.add("summary", vText(f"红色寻访 第{k + 1}站：{s.venue.name_zh}"))
        ev.add("location", vText(s.venue.address or s.venue.name_zh))
        ev.add("description", vText(_stop_description(plan, k)))
        if s.venue.location is not None:
            ev.add("geo", (s.venue.location.lat, s.venue.location.lon))  # RFC 5545 GEO is WGS-84
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", vText(f"明天红色寻访：{req.start_time:%H:%M} 在 {req.start.name} 集合"))
        alarm.add("trigger", remind)
        ev.add_component(alarm)
        cal.add_component(ev)
    cal.add_missing_timezones()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(cal.to_ical())
    return out


def _gpx_time(day: date, note: str) -> datetime | None:
    try:
        return _at(day, time.fromisoformat(note[:5]))
    except ValueError:
        return None


def write_gpx(plan: Plan, out: Path, datum: str = "wgs84", title: str = "") -> Path:
    """Waypoints (start, stops, end) and one route through them in visiting order."""
    import gpxpy.gpx

    pts = plan_points(plan, datum)
    gpx = gpxpy.gpx.GPX()
    gpx.name = title or f"红色寻访 {plan.request.day:%Y-%m-%d}"
    gpx.description = DATUM_NOTE[datum]
    gpx.creator = "redtour"
    route = gpxpy.gpx.GPXRoute(name=gpx.name, description=DATUM_NOTE[datum])
    for p in pts:
        when = _gpx_time(plan.request.day, p.note)
        gpx.waypoints.append(
            gpxpy.gpx.GPXWaypoint(
                round(p.lat, 7), round(p.lon, 7), name=p.name, description=p.note, time=when, type=p.kind
            )
        )
        route.points.append(gpxpy.gpx.GPXRoutePoint(round(p.lat, 7), round(p.lon, 7), name=p.name))
    gpx.routes.append(route)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(gpx.to_xml(), encoding="utf-8")
    return out


def write_kml(plan: Plan, out: Path, datum: str = "wgs84", title: str = "") -> Path:
    """Placemarks and a line through them; KML writes lon,lat (simplekml takes (lon, lat) tuples)."""
    import simplekml

    pts = plan_points(plan, datum)
    kml = simplekml.Kml(name=title or f"红色寻访 {plan.request.day:%Y-%m-%d}")
    kml.document.description = DATUM_NOTE[datum]
    for p in pts:
        kml.newpoint(name=p.name, description=p.note, coords=[(round(p.lon, 7), round(p.lat, 7))])
    line = kml.newlinestring(name="路线", description=DATUM_NOTE[datum])
    line.coords = [(round(p.lon, 7), round(p.lat, 7)) for p in pts]
    line.style.linestyle.width = 4
    line.style.linestyle.color = "ff0000cc"  # aabbggrr: red
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(kml.kml(format=True), encoding="utf-8")
    return out


def iter_outputs(
    plan: Plan, *, ics: Path | None, gpx: Path | None, kml: Path | None, datum: str, title: str
) -> Iterator[Path]:
    if ics is not None:
        yield write_ics(plan, ics, title)
    if gpx is not None:
        yield write_gpx(plan, gpx, datum, title)
    if kml is not None:
        yield write_kml(plan, kml, datum, title)
