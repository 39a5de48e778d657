"""`redtour share`: .ics, .gpx, .kml and the long image of a saved plan, each read back by an independent reader."""

import json
import math
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import gpxpy
import pytest
from icalendar import Calendar
from PIL import Image, ImageStat

from redtour.core.geo import wgs84_to_gcj02
from tests.e2e.test_cli_sites import run

HOSTILE = '=cmd|"<script>alert(1)</script>{{ x }}&'
SITES = "中国劳动组合书记部旧址陈列馆,沪西工人半日学校,顾正红纪念馆,三山会馆"
SH = ZoneInfo("Asia/Shanghai")


def flat(pairs):
    return [x for p in pairs for x in p]


@pytest.fixture(scope="module")
def shared(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("share")
    db = tmp / "office.db"
    from redtour.storage.bootstrap import open_user_database
    from redtour.storage.venues import VenueRepository

    database = open_user_database(f"sqlite:///{db}")
    VenueRepository(database).correct("guzhenghong", "address", HOSTILE, date(2026, 11, 1))  # a staff edit
    database.dispose()
    made = run(
        tmp,
        "--db",
        str(db),
        "plan",
        "--date",
        "2026-12-02",
        "--start",
        "顾正红纪念馆",
        "--sites",
        SITES,
        "--optimize",
        "--visit",
        "40",
        "--save",
        HOSTILE,
        "--format",
        "json",
    )
    assert made.returncode == 0, made.stderr.decode()
    plan = json.loads(made.stdout)
    files = {k: tmp / f"trip.{k}" for k in ("ics", "gpx", "kml")}
    out = run(
        tmp,
        "--db",
        str(db),
        "share",
        "--plan",
        "1",
        *[a for k, p in files.items() for a in (f"--{k}", str(p))],
    )
    assert out.returncode == 0, out.stderr.decode()
    assert "WGS-84" in out.stdout.decode()
    gcj = {k: tmp / f"trip-gcj.{k}" for k in ("gpx", "kml")}
    out = run(
        tmp,
        "--db",
        str(db),
        "share",
        "--plan",
        "1",
        "--datum",
        "gcj02",
        *[a for k, p in gcj.items() for a in (f"--{k}", str(p))],
    )
    assert out.returncode == 0, out.stderr.decode()
    return plan, files, gcj, tmp, db


def test_ics_has_one_event_per_stop_in_shanghai_time_with_address_and_evening_reminder(shared):
    plan, files, *_ = shared
    cal = Calendar.from_ical(files["ics"].read_bytes())
    events = list(cal.walk("VEVENT"))
    assert len(events) == len(plan["stops"])
    for ev, stop in zip(events, plan["stops"], strict=True):
        start, end = ev.decoded("dtstart"), ev.decoded("dtend")
        assert start.utcoffset() == timedelta(hours=8) and str(start.tzinfo) in ("Asia/Shanghai", "CST")
        assert f"{start:%H:%M}" == stop["arrive"] and f"{end:%H:%M}" == stop["depart"]
        assert start.date() == date(2026, 12, 2)
        assert stop["name_zh"] in str(ev["summary"])
        alarm = next(iter(ev.walk("VALARM")))
        assert alarm.decoded("trigger") == datetime(2026, 12, 1, 20, 0, tzinfo=SH)
        assert alarm["trigger"].to_ical().endswith(b"Z")  # RFC 5545: an absolute trigger is UTC
    by_venue = {s["venue_id"]: ev for s, ev in zip(plan["stops"], events, strict=True)}
    assert str(by_venue["guzhenghong"]["location"]) == HOSTILE  # hostile text kept as text
    assert str(by_venue["sanshan"]["location"]).startswith("上海市黄浦区")
    assert any(c.name == "VTIMEZONE" for c in cal.subcomponents)
    assert "顾正红纪念馆" in str(events[0]["description"]) and "集合" in str(events[0]["description"])


def _points(path):
    g = gpxpy.parse(path.read_text(encoding="utf-8"))
    return (
        g,
        [(w.latitude, w.longitude) for w in g.waypoints],
        [(p.latitude, p.longitude) for p in g.routes[0].points],
    )


def test_gpx_points_are_the_plans_wgs84_points_in_order(shared):
    plan, files, *_ = shared
    g, wpts, rpts = _points(files["gpx"])
    expected = [(plan["start"]["lat"], plan["start"]["lon"])]
    from redtour.storage.bootstrap import open_user_database
    from redtour.storage.venues import VenueRepository

    database = open_user_database(f"sqlite:///{shared[4]}")
    venues = {v.id: v for v in VenueRepository(database).list_venues()}
    database.dispose()
    expected += [(venues[s["venue_id"]].lat, venues[s["venue_id"]].lon) for s in plan["stops"]]
    expected.append((plan["end"]["lat"], plan["end"]["lon"]))
    assert flat(wpts) == pytest.approx(flat(expected), abs=1e-7) and rpts == wpts
    assert "WGS-84" in g.description and g.name == HOSTILE
    assert [w.name for w in g.waypoints][1].startswith("1. ")


def test_gcj02_variant_is_shifted_by_the_expected_amount(shared):
    _plan, files, gcj, *_ = shared
    _, wgs, _ = _points(files["gpx"])
    g, shifted, _ = _points(gcj["gpx"])
    assert "GCJ-02" in g.description
    for (lat, lon), (glat, glon) in zip(wgs, shifted, strict=True):
        assert (glat, glon) == pytest.approx(wgs84_to_gcj02(lat, lon), abs=2e-7)
        metres = math.hypot((glat - lat) * 111_320, (glon - lon) * 111_320 * math.cos(math.radians(lat)))
        assert 300 < metres < 700  # Shanghai's offset is about half a kilometre


def _kml_coords(path):
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    root = ET.parse(path).getroot()
    points = [c.text.strip() for c in root.iterfind(".//k:Point/k:coordinates", ns)]
    line = root.find(".//k:LineString/k:coordinates", ns).text.split()
    return root, ns, points, line


def test_kml_writes_lon_lat_in_order_and_labels_the_datum(shared):
    _plan, files, gcj, *_ = shared
    _, wgs, _ = _points(files["gpx"])
    root, ns, points, line = _kml_coords(files["kml"])
    pairs = [tuple(float(x) for x in p.split(",")[:2]) for p in points]
    assert flat(pairs) == pytest.approx(flat((lon, lat) for lat, lon in wgs), abs=1e-7)  # lon,lat order
    assert [tuple(float(x) for x in p.split(",")[:2]) for p in line] == pairs
    assert root.find("k:Document/k:name", ns).text == HOSTILE
    assert "WGS-84" in root.find("k:Document/k:description", ns).text
    groot, _, gpoints, _ = _kml_coords(gcj["kml"])
    assert "GCJ-02" in groot.find("k:Document/k:description", ns).text
    _, gshift, _ = _points(gcj["gpx"])
    assert flat(tuple(float(x) for x in p.split(",")[:2]) for p in gpoints) == pytest.approx(
        flat((lon, lat) for lat, lon in gshift), abs=1e-7
    )


def test_long_image_is_phone_width_tall_and_not_blank(shared):
    _plan, _files, _gcj, tmp, db = shared
    png = tmp / "trip.png"
    out = run(
        tmp, "--db", str(db), "share", "--plan", "1", "--image", str(png), "--leader-phone", "13812345678"
    )
    assert out.returncode == 0, out.stderr.decode()
    img = Image.open(png).convert("RGB")
    assert img.width == 1080 and 2000 < img.height < 16_000
    stat = ImageStat.Stat(img)
    assert min(stat.stddev) > 20  # not one flat colour
    assert len(img.getcolors(1 << 20) or []) > 500  # text, map and photo-like tiles, not an empty page
    h = img.height
    assert len(img.crop((100, 800, 980, 1400)).getcolors(1 << 20)) > 300  # the route map, not an empty frame
    assert len(img.crop((0, int(h * 0.7), 1080, h - 120)).getcolors(1 << 20)) > 50  # painted to the bottom
    top = img.crop((0, 0, 1080, 120)).getcolors(1 << 16)
    assert max(top)[1][0] > 150 > max(top)[1][1]  # the red title band was painted


def test_share_page_escapes_hostile_text_and_masks_the_phone(shared):
    _plan, _files, _gcj, _tmp, db = shared
    from redtour.cli.common import load_saved_plan
    from redtour.export.share_image import ImageOptions, render_image_html
    from redtour.storage.bootstrap import open_user_database

    database = open_user_database(f"sqlite:///{db}")
    saved, plan = load_saved_plan(database, "1")
    database.dispose()
    html = render_image_html(plan, ImageOptions(group=saved.name, leader_phone="13812345678"), "")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;{{ x }}" in html
    assert "138****5678" in html and "13812345678" not in html
    full = render_image_html(plan, ImageOptions(leader_phone="13812345678", show_full_phone=True), "")
    assert "13812345678" in full


def test_share_refuses_wrong_suffix_and_nothing_to_do(shared):
    _plan, _files, _gcj, tmp, db = shared
    out = run(tmp, "--db", str(db), "share", "--plan", "1")
    assert out.returncode == 1 and "至少" in out.stderr.decode()
    out = run(tmp, "--db", str(db), "share", "--plan", "1", "--ics", str(tmp / "x.txt"))
    assert out.returncode == 1 and ".ics" in out.stderr.decode()
