"""Start/end points: venues and coordinates offline; addresses through a real geopy geocoder on loopback."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

from redtour.core.catalogue import Location, Venue
from redtour.core.places import GeocodeError, geopy_geocoder, resolve_place

VENUES = [
    Venue(id="gzh", name_zh="顾正红纪念馆", aliases=("顾正红",), location=Location(31.2446, 121.4286)),
    Venue(id="hd", name_zh="沪东工人运动展示馆"),
]


def test_venue_and_coordinates_work_offline():
    assert resolve_place("顾正红", VENUES).venue_id == "gzh"
    place = resolve_place("31.2304，121.4737", VENUES)  # a full-width comma too
    assert (place.lat, place.lon) == (31.2304, 121.4737)


def test_offline_address_and_missing_location_say_why():
    with pytest.raises(GeocodeError, match="地址查询需要开启在线地理编码"):
        resolve_place("人民广场", VENUES)
    with pytest.raises(GeocodeError, match="没有位置信息"):
        resolve_place("沪东工人运动展示馆", VENUES)
    with pytest.raises(GeocodeError, match="超出范围"):
        resolve_place("95,121", VENUES)


@pytest.fixture(scope="module")
def nominatim():
    answers = {
        "人民广场": [{"lat": "31.2323", "lon": "121.4752", "display_name": "人民广场, 上海"}],
        "北京天安门": [{"lat": "39.9087", "lon": "116.3975", "display_name": "天安门"}],
    }

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            q = parse_qs(urlparse(self.path).query).get("q", [""])[0].replace("上海市 ", "")
            body = json.dumps(answers.get(q, [])).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_geopy_geocoder_finds_an_address(nominatim):
    coder = geopy_geocoder("nominatim", domain=nominatim, scheme="http")
    place = resolve_place("人民广场", VENUES, coder)
    assert (place.lat, place.lon) == (31.2323, 121.4752)
    with pytest.raises(GeocodeError, match="没有找到"):
        resolve_place("不存在的地方", VENUES, coder)
    with pytest.raises(GeocodeError, match="不在上海"):
        resolve_place("北京天安门", VENUES, coder)


def test_unreachable_geocoder_degrades_with_a_message():
    coder = geopy_geocoder("nominatim", domain="127.0.0.1:9", scheme="http", timeout=2)
    with pytest.raises(GeocodeError, match="地理编码服务不可用"):
        resolve_place("人民广场", VENUES, coder)


def test_a_saved_place_is_found_by_its_name_before_anything_else():
    from redtour.core.planner import Place

    office = Place("普陀区总工会", 31.249, 121.397)
    assert resolve_place(" 普陀区总工会 ", [], saved=[office]) == office
