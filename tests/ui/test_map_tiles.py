"""Online base layers through the app's tile store, on a real page, with a loopback tile server.

The internet is never used: the tile source's URLs point at a local HTTP server standing in for the provider.
"""

import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import QBuffer, QIODevice, Qt
from PySide6.QtGui import QImage

from redtour.core.catalogue import Location, Venue
from redtour.core.geo import wgs84_to_gcj02
from redtour.mapping.tiles import TileStore, offered_providers
from redtour.ui.map.map_view import OFFLINE_BASE, MapView
from redtour.ui.map.tile_source import USER_AGENT, TileSource
from tests.ui.test_map_view import run_js, wait_ready

MARKER_POS = (
    "(function () { var p = window.redtour.marker('gzh').getLatLng(); return [p.lat, p.lng].join(','); })()"
)
VENUE = Venue(id="gzh", name_zh="顾正红纪念馆", location=Location(31.2446, 121.4286))


def _png() -> bytes:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkCyan)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


@pytest.fixture(scope="module")
def tile_server(qapp):
    png = _png()
    seen: list[tuple[str, str]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.path, self.headers.get("User-Agent", "")))
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


def _view(tmp_path, base_url, online):
    source = TileSource(
        TileStore(tmp_path / "tiles.sqlite"),
        online=online,
        url_for=lambda layer, z, x, y, key: f"{base_url}/{layer}/{z}/{x}/{y}.png",
    )
    view = MapView(tile_source=source, providers=offered_providers(""))
    view.resize(640, 480)
    view.show()
    return view


def _loaded_tiles(qtbot, view, minimum):
    def enough():
        assert run_js(qtbot, view, "document.querySelectorAll('img.leaflet-tile-loaded').length") >= minimum

    qtbot.waitUntil(enough, timeout=15_000)


def settled(qtbot, view):
    """Until the page reports every tile in (loaded or failed) and a frame drawn (bridge.js reportPainted)."""
    with qtbot.waitSignal(view.painted, timeout=15_000) as report:
        token = view.request_painted()
    assert report.args == [token]


def test_online_tiles_are_fetched_by_the_app_kept_and_shown_again_offline(qtbot, tmp_path, tile_server):
    base_url, seen = tile_server
    seen.clear()
    offline = _view(tmp_path, base_url, online=False)
    wait_ready(qtbot, offline)
    offline.set_venues([VENUE], date(2026, 11, 24))
    offline.fit_all()
    with qtbot.waitSignal(offline.baseLayerChanged, timeout=5000) as changed:
        offline.set_base_layer("OpenStreetMap")
    assert changed.args == ["OpenStreetMap", "WGS-84"]
    settled(qtbot, offline)  # every tile the page asked for has been answered (here: failed)
    asked = [u for u in offline.interceptor.allowed if "/tiles/osm/" in u]
    assert len(asked) >= 4  # the page did ask the app for the tiles…
    assert seen == [] and offline.tile_source.fetched == []  # …and, online tiles off, nothing left the machine
    assert run_js(qtbot, offline, "document.querySelectorAll('img.leaflet-tile-loaded').length") == 0
    offline.shutdown()

    online = _view(tmp_path, base_url, online=True)
    wait_ready(qtbot, online)
    online.set_venues([VENUE], date(2026, 11, 24))
    online.fit_all()
    online.set_base_layer("OpenStreetMap")
    _loaded_tiles(qtbot, online, 4)
    settled(qtbot, online)  # no tile still on its way: ``seen`` is complete
    assert seen and all(agent == USER_AGENT for _path, agent in seen)  # the app's own User-Agent
    assert online.interceptor.blocked == []  # the page itself still asked only app:// for tiles
    assert not any(u.startswith("http") for u in online.interceptor.allowed)
    count, _size = online.tile_source.store.stats()
    assert count >= 4
    online.shutdown()

    fetched_before = len(seen)
    again = _view(tmp_path, base_url, online=False)
    wait_ready(qtbot, again)
    again.set_venues([VENUE], date(2026, 11, 24))
    again.fit_all()
    again.set_base_layer("OpenStreetMap")
    _loaded_tiles(qtbot, again, 4)  # from the store, with the network switched off
    assert len(seen) == fetched_before
    again.shutdown()


def test_gcj02_base_layer_shifts_overlays_and_clicks_come_back_in_wgs84(qtbot, tmp_path, tile_server):
    base_url, _seen = tile_server
    view = _view(tmp_path, base_url, online=False)
    wait_ready(qtbot, view)
    view.set_venues([VENUE], date(2026, 11, 24))
    view.set_base_layer("高德地图")
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.redtour.datum()") == "GCJ-02", timeout=5000)
    lat, lon = map(float, run_js(qtbot, view, MARKER_POS).split(","))
    assert (lat, lon) == pytest.approx(wgs84_to_gcj02(31.2446, 121.4286), abs=1e-9)
    # a right-click on the marker's drawn position gives back the venue's WGS-84 point
    fire = (
        f"var m = window.redtour.map; m.fire('contextmenu', {{latlng: L.latLng({lat}, {lon}), "
        "containerPoint: L.point(40, 40)}); document.querySelector('.map-menu button').click()"
    )
    with qtbot.waitSignal(view.addVenueRequested, timeout=5000) as clicked:
        view.page.runJavaScript(fire)
    assert clicked.args == pytest.approx([31.2446, 121.4286], abs=1e-8)
    districts_shift = run_js(qtbot, view, "document.querySelectorAll('.district-label').length")
    assert districts_shift > 10  # the basemap was redrawn, not lost
    view.set_base_layer(OFFLINE_BASE)
    qtbot.waitUntil(lambda: run_js(qtbot, view, "window.redtour.datum()") == "WGS-84", timeout=5000)
    lat, lon = map(float, run_js(qtbot, view, MARKER_POS).split(","))
    assert (lat, lon) == pytest.approx((31.2446, 121.4286), abs=1e-9)
    view.shutdown()
