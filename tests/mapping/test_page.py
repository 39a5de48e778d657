"""The map page builder and its message protocol (no Qt)."""

import json
import re
from datetime import date, time

import pytest

from redtour.core.catalogue import Location, OpeningHours, Period, Reservation, Venue
from redtour.mapping.markers import venue_markers
from redtour.mapping.page import build_page, write_standalone_html
from redtour.mapping.protocol import (
    ContextAction,
    MapPainted,
    MapReady,
    MarkerClicked,
    Route,
    RouteStop,
    parse_message,
    to_js,
)
from redtour.storage.catalogue_source import load_venues
from tests.conftest import FIXTURE_VENUES

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "back`tick",
    "${1+1}",
    "C:\\x",
    "</script><script>alert(2)</script>",
]


def hostile_venues():
    return [
        Venue(id=f"h{i}", name_zh=name, address=name, location=Location(31.2 + i / 100, 121.45))
        for i, name in enumerate(HOSTILE)
    ]


def test_page_loads_nothing_remote_and_only_our_assets():
    html = build_page()
    refs = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert refs and all(r.startswith(("app://redtour/", "qrc:///qtwebchannel/")) for r in refs)
    assert '<html lang="zh-CN">' in html


def test_user_text_only_travels_as_json_data():
    html = build_page(venues=hostile_venues(), on_date=date(2026, 11, 24))
    config = re.search(r'<script type="application/json" id="redtour-config">(.*?)</script>', html, re.S)
    assert config is not None  # "</script>" in a name did not end the block early
    data = json.loads(config.group(1))
    assert [v["name"] for v in data["initial"]["venues"]] == HOSTILE
    assert "<img src=x" not in html and "<script>alert(2)" not in html  # "<" travels as \\u003c


def test_marker_status_follows_the_date_and_reservation():
    venues = {v.id: v for v in load_venues(FIXTURE_VENUES)}
    monday = {m.id: m for m in venue_markers(list(venues.values()), date(2026, 11, 23))}
    assert monday["alpha"].status == "closed" and "周一闭馆" in monday["alpha"].status_text
    assert "gamma" not in monday  # no location: nothing to draw
    tuesday = {m.id: m for m in venue_markers(list(venues.values()), date(2026, 11, 24))}
    assert tuesday["alpha"].status == "reservation" and tuesday["beta"].status == "open"
    unknown = Venue(id="u", name_zh="未知", location=Location(31.2, 121.4))
    assert venue_markers([unknown], date(2026, 11, 24))[0].status == "unknown"
    always = Venue(id="a", name_zh="户外", location=Location(31.2, 121.4), hours=OpeningHours(all_day=True),
                   reservation=Reservation(required=False))  # fmt: skip
    assert venue_markers([always], date(2026, 11, 23))[0].status == "open"
    # Opening hours: a Tuesday visit is "open" inside the venue's periods, "closed" on a day with none
    tuesday_only = Venue(id="t", name_zh="周二馆", location=Location(31.2, 121.4),
                         hours=OpeningHours(periods=(Period(weekdays=frozenset({2}), open=time(9), close=time(16)),)),
                         reservation=Reservation(required=False))  # fmt: skip
    assert venue_markers([tuesday_only], date(2026, 11, 24))[0].status == "open"
    assert venue_markers([tuesday_only], date(2026, 11, 25))[0].status == "closed"


def test_messages_from_the_page_are_validated():
    assert parse_message('{"type": "ready"}') == MapReady()
    assert parse_message('{"type": "marker_clicked", "id": "guzhenghong"}') == MarkerClicked("guzhenghong")
    assert parse_message('{"type":"context","action":"add_venue","lat":31.2,"lon":121.4}') == ContextAction(
        "add_venue", 31.2, 121.4
    )
    for bad in ["nope", "[]", '{"type": "eval"}', '{"type":"context","action":"rm","lat":1,"lon":1}',
                '{"type":"context","action":"add_venue","lat":99,"lon":1}']:  # fmt: skip
        with pytest.raises(ValueError):
            parse_message(bad)


JUNK = [
    "", "null", "42", '"ready"', '{"type": null}', '{"type": ["ready"]}', '{"type": {"a": 1}}',
    '{"type": "marker_clicked"}', '{"type": "marker_clicked", "id": 5}',
    '{"type": "context", "action": "add_venue"}',  # no coordinates (was a KeyError)
    '{"type": "context", "action": "add_venue", "lat": null, "lon": 1}',  # (was a TypeError)
    '{"type": "context", "action": "add_venue", "lat": "north", "lon": 1}',
    '{"type": "context", "action": "add_venue", "lat": [31], "lon": 121}',
    '{"type": "context", "action": "add_venue", "lat": true, "lon": 121}',
    '{"type": "context", "action": "add_venue", "lat": NaN, "lon": 121}',
    '{"type": "context", "action": "add_venue", "lat": 1e400, "lon": 121}',
    '{"type": "base_layer", "name": "x", "datum": "EPSG:3857"}', '{"type": "painted", "token": "1"}',
    '{"type": "painted", "token": true}', '{"type": "painted"}', "{" * 100_000, "[" * 100_000,
]  # fmt: skip


@pytest.mark.parametrize("text", JUNK)
def test_malformed_messages_raise_value_error_only(text):
    with pytest.raises(ValueError):
        parse_message(text)


def test_a_message_that_is_not_text_is_a_value_error():
    for value in (None, 42, b'{"type": "ready"}'):
        with pytest.raises(ValueError):
            parse_message(value)  # type: ignore[arg-type]


def test_painted_carries_its_token():
    assert parse_message('{"type": "painted", "token": 3}') == MapPainted(3)


def test_route_serialises_to_plain_json():
    route = Route(
        "路线", (RouteStop(1, "顾正红纪念馆", 31.249, 121.437, "09:30–10:30"),), start=(31.23, 121.47)
    )
    data = json.loads(to_js(route))
    assert data["stops"][0]["label"] == "顾正红纪念馆" and data["start"] == [31.23, 121.47]


def test_standalone_html_inlines_everything(tmp_path):
    out = write_standalone_html(tmp_path / "map.html", load_venues(FIXTURE_VENUES), date(2026, 11, 24))
    html = out.read_text(encoding="utf-8")
    assert not re.findall(r'<(?:script|link)[^>]+(?:src|href)="', html)
    assert "L.map(" in html and "window.redtour" in html and "黄浦区" in html


def test_english_page_words_and_marker_status():
    from datetime import date

    from redtour.mapping.markers import marker_status
    from redtour.mapping.page import build_page

    html = build_page(language="en")
    assert '<html lang="en">' in html and '"legend": "Legend"' in html and "ODbL" in html
    assert "图例" not in html.split("redtour-config")[1].split("</script>")[0]
    zh = build_page()
    assert '<html lang="zh-CN">' in zh and '"legend": "图例"' in zh
    from redtour.core.catalogue import Venue

    venue = Venue(id="x", name_zh="测试")
    assert marker_status(venue, date(2026, 12, 2), "en")[1].startswith(("Open", "Hours", "Closed"))


def test_the_page_for_a_day_without_holiday_data_carries_the_warning():
    from redtour.storage.holidays import load_calendar

    venues = load_venues(FIXTURE_VENUES)
    cal = load_calendar()
    config = _config(build_page(venues=venues, on_date=date(2027, 2, 10), holidays=cal))
    assert config["initial"]["notice"] == "2027年节假日安排未录入，仅按每周规则判断"
    assert (
        _config(build_page(venues=venues, on_date=date(2026, 2, 10), holidays=cal))["initial"]["notice"] == ""
    )
    english = build_page(venues=venues, on_date=date(2027, 2, 10), holidays=cal, language="en_US")
    assert "2027 holiday schedule has not been entered" in _config(english)["initial"]["notice"]


def _config(html: str) -> dict:
    block = re.search(r'<script type="application/json" id="redtour-config">(.*?)</script>', html, re.S)
    assert block is not None
    return json.loads(block.group(1))
