"""The map pane on a real QtWebEngine page: offline, escaped, two-way."""

import json
from datetime import date

import pytest

from redtour.core.catalogue import Location, Venue
from redtour.mapping.protocol import Route, RouteStop
from redtour.ui.map.map_view import MapView
from tests.mapping.test_page import HOSTILE, hostile_venues

DAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def map_view(qapp):
    view = MapView()
    view.resize(800, 600)
    view.show()
    yield view
    view.shutdown()
    view.deleteLater()


def run_js(qtbot, view: MapView, code: str):
    with qtbot.waitCallback(timeout=10_000) as cb:
        view.page.runJavaScript(code, 0, cb)
    return cb.args[0]


def wait_ready(qtbot, view: MapView) -> None:
    if not view.is_ready:
        with qtbot.waitSignal(view.ready, timeout=30_000):
            pass


def test_page_loads_offline_with_zero_non_local_requests(qtbot, map_view):
    wait_ready(qtbot, map_view)
    assert map_view.interceptor.blocked == []
    assert map_view.interceptor.allowed and all(
        u.startswith(("app://", "qrc:", "data:")) for u in map_view.interceptor.allowed
    )
    layers = run_js(qtbot, map_view, "Object.keys(window.redtour.map._layers).length")
    assert layers > 20  # districts, labels and metro lines are drawn


def test_labels_use_the_bundled_font_served_over_app_scheme(qtbot, map_view):
    wait_ready(qtbot, map_view)
    with qtbot.waitSignal(map_view.painted, timeout=10_000):  # reportPainted starts and awaits every face
        map_view.request_painted()
    faces = json.loads(
        run_js(
            qtbot, map_view, "JSON.stringify([...document.fonts].map(f => [f.family, f.weight, f.status]))"
        )
    )
    assert sorted(map(tuple, faces)) == [
        ("Redtour Sans SC", "400", "loaded"),  # not "error": app://redtour/fonts/ is served
        ("Redtour Sans SC", "700", "loaded"),
    ]
    family = run_js(qtbot, map_view, "getComputedStyle(document.querySelector('.district-label')).fontFamily")
    assert family.startswith('"Redtour Sans SC"')


def test_hostile_names_show_as_text_and_the_map_keeps_working(qtbot, map_view):
    wait_ready(qtbot, map_view)
    run_js(qtbot, map_view, "window.__alerts = 0; window.alert = function () { window.__alerts++; }; 1")
    map_view.set_venues(hostile_venues(), DAY)
    assert run_js(qtbot, map_view, "window.redtour.markerCount()") == len(HOSTILE)
    for i, name in enumerate(HOSTILE):
        map_view.select_venue(f"h{i}")
        last_popup = "Array.from(document.querySelectorAll('.venue-popup .venue-name')).pop().textContent"
        text = run_js(qtbot, map_view, last_popup)
        assert text == name
    assert run_js(qtbot, map_view, "document.querySelectorAll('.leaflet-container img[src=x]').length") == 0
    assert run_js(qtbot, map_view, "window.__alerts") == 0


def test_marker_click_and_context_menu_reach_python(qtbot, map_view):
    wait_ready(qtbot, map_view)
    map_view.set_venues([Venue(id="v1", name_zh="测试", location=Location(31.23, 121.47))], DAY)
    with qtbot.waitSignal(map_view.venueClicked, timeout=5000) as clicked:
        map_view.page.runJavaScript("window.redtour.marker('v1').fire('click')")
    assert clicked.args == ["v1"]
    fire_menu = (
        "var m = window.redtour.map; m.fire('contextmenu', {latlng: L.latLng(31.2, 121.4), "
        "containerPoint: L.point(50, 50)}); document.querySelector('.map-menu button').click()"
    )
    with qtbot.waitSignal(map_view.addVenueRequested, timeout=5000) as added:
        map_view.page.runJavaScript(fire_menu)
    assert added.args == pytest.approx([31.2, 121.4])


def test_route_overlay_updates_without_reloading(qtbot, map_view):
    wait_ready(qtbot, map_view)
    run_js(qtbot, map_view, "window.__marker = 'same page'; 1")
    stops = tuple(RouteStop(i + 1, f"站{i + 1}", 31.2 + i / 100, 121.45 + i / 100) for i in range(12))
    map_view.show_route(Route("测试路线", stops, start=(31.19, 121.44)))
    assert run_js(qtbot, map_view, "document.querySelectorAll('.route-number').length") == 12
    assert (
        run_js(qtbot, map_view, "document.querySelector('.route-legend .legend-title').textContent")
        == "测试路线"
    )
    map_view.clear_route()
    assert run_js(qtbot, map_view, "document.querySelectorAll('.route-number').length") == 0
    assert run_js(qtbot, map_view, "window.__marker") == "same page"


def test_the_legend_says_when_the_days_holiday_schedule_is_unknown(qtbot, map_view):
    from redtour.storage.holidays import load_calendar

    wait_ready(qtbot, map_view)
    cal = load_calendar()
    venues = [Venue(id="a", name_zh="甲", location=Location(31.23, 121.47))]
    map_view.set_venues(venues, date(2027, 2, 10), cal)
    shown = "(function(){var e=document.querySelector('.map-legend .day-notice');"
    shown += "return e && e.offsetParent !== null ? e.textContent : '';})()"
    assert run_js(qtbot, map_view, shown) == "2027年节假日安排未录入，仅按每周规则判断"
    map_view.set_venues(venues, date(2026, 2, 10), cal)
    assert run_js(qtbot, map_view, shown) == ""


def _two_venues():
    return [
        Venue(id="m1", name_zh="标注馆甲", location=Location(31.23, 121.47)),
        Venue(id="m2", name_zh="标注馆乙", location=Location(31.24, 121.48)),
    ]


def test_selection_and_popup_survive_a_date_change(qtbot, map_view):
    wait_ready(qtbot, map_view)
    map_view.set_venues(_two_venues(), DAY)
    map_view.select_venue("m2")
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, "window.redtour.marker('m2').isPopupOpen()") is True)
    map_view.set_venues(_two_venues(), date(2026, 11, 25))  # another day: markers are rebuilt
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, "window.redtour.marker('m2').isPopupOpen()") is True)
    assert run_js(qtbot, map_view, "window.redtour.selected()") == "m2"


def test_selecting_an_unlocated_venue_closes_the_old_popup(qtbot, map_view):
    wait_ready(qtbot, map_view)
    map_view.set_venues(_two_venues(), DAY)
    map_view.select_venue("m1")
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, "window.redtour.marker('m1').isPopupOpen()") is True)
    map_view.select_venue("nowhere")
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, "window.redtour.marker('m1').isPopupOpen()") is False)
    popup_open = "!!window.redtour.map._popup && window.redtour.map.hasLayer(window.redtour.map._popup)"
    assert run_js(qtbot, map_view, popup_open) is False


def test_names_become_labels_from_street_zoom(qtbot, map_view):
    wait_ready(qtbot, map_view)
    map_view.set_venues(_two_venues(), DAY)
    run_js(qtbot, map_view, "window.redtour.map.setZoom(11, {animate: false}); 1")
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, "window.redtour.labelsShown()") is False)
    count = "document.querySelectorAll('.venue-label').length"
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, count) == 0)  # closed labels fade out (a timer)
    run_js(qtbot, map_view, "window.redtour.map.setView([31.235, 121.475], 15, {animate: false}); 1")
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, count) == 2)
    map_view.set_venues(_two_venues(), date(2026, 11, 25))  # a new day: still one label per venue
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, count) == 2)
    labels = "[...document.querySelectorAll('.venue-label')].map(e => e.textContent).sort().join()"
    assert sorted(run_js(qtbot, map_view, labels).split(",")) == ["标注馆乙", "标注馆甲"]


def test_attribution_does_not_cover_the_scale_bar(qtbot, map_view):
    wait_ready(qtbot, map_view)
    map_view.resize(420, 500)  # a narrow pane beside the list
    overlap = """(() => {
      const a = document.querySelector('.leaflet-control-attribution').getBoundingClientRect();
      const s = document.querySelector('.leaflet-control-scale').getBoundingClientRect();
      return a.left < s.right && s.left < a.right && a.top < s.bottom && s.top < a.bottom;
    })()"""
    qtbot.waitUntil(lambda: run_js(qtbot, map_view, "window.innerWidth") <= 430)
    assert run_js(qtbot, map_view, overlap) is False
    map_view.resize(800, 600)


JUNK_FROM_PAGE = [
    "not json", "[]", '{"type": "eval"}', '{"type": "context", "action": "add_venue"}',
    '{"type": "context", "action": "add_venue", "lat": null, "lon": 1}', '{"type": "painted", "token": "x"}',
    "[" * 100_000,
]  # fmt: skip


def test_malformed_messages_from_the_page_are_logged_and_ignored(qtbot, map_view, caplog):
    """Junk sent through the real QWebChannel reaches Bridge.receive, which logs it: no exception escapes
    (pytest-qt fails a test on one raised in a slot; the app would show its error dialog), the bridge works on."""
    wait_ready(qtbot, map_view)
    map_view.set_venues([Venue(id="v1", name_zh="测试", location=Location(31.23, 121.47))], DAY)
    junk = json.dumps(JUNK_FROM_PAGE)
    send = (
        "new QWebChannel(qt.webChannelTransport, function (channel) {"
        f"  {junk}.forEach(function (m) {{ channel.objects.bridge.receive(m); }});"
        "  channel.objects.bridge.receive(42); channel.objects.bridge.receive(null);"
        "  window.redtour.marker('v1').fire('click');"  # a good message after the junk still arrives
        "})"
    )
    with (
        caplog.at_level("WARNING", logger="redtour.ui.map.map_view"),
        qtbot.waitSignal(map_view.venueClicked, timeout=10_000) as clicked,
    ):
        map_view.page.runJavaScript(send)
    assert clicked.args == ["v1"]
    ignored = [r for r in caplog.records if "ignored a malformed message" in r.getMessage()]
    assert len(ignored) >= len(JUNK_FROM_PAGE)


def test_a_reloaded_page_is_sent_the_last_state_again(qtbot, tmp_path):
    """set_providers reloads the page; what it shows afterwards is derived from the commands sent before."""
    from redtour.mapping.tiles import TileStore, offered_providers
    from redtour.ui.map.tile_source import TileSource

    view = MapView(tile_source=TileSource(TileStore(tmp_path / "tiles.sqlite")))
    view.resize(640, 480)
    view.show()
    try:
        wait_ready(qtbot, view)
        view.set_venues([Venue(id="x", name_zh="旧", location=Location(31.2, 121.4))], DAY)
        view.set_venues(_two_venues(), DAY)
        view.show_route(Route("测试路线", (RouteStop(1, "甲", 31.23, 121.47), RouteStop(2, "乙", 31.24, 121.48))))
        view.select_venue("m2")
        view.fit_all()
        run_js(qtbot, view, "window.__before = 'reload'; 1")
        with qtbot.waitSignal(view.ready, timeout=30_000):
            view.set_providers(offered_providers(""))
        assert run_js(qtbot, view, "typeof window.__before") == "undefined"  # a new page
        assert run_js(qtbot, view, "window.redtour.markerCount()") == 2  # the last venues, not the first
        assert run_js(qtbot, view, "document.querySelectorAll('.route-number').length") == 2
        assert run_js(qtbot, view, "window.redtour.selected()") == "m2"
        view.clear_route()
        with qtbot.waitSignal(view.ready, timeout=30_000):
            view.set_providers(())  # no online layers: reload again
        assert run_js(qtbot, view, "document.querySelectorAll('.route-number').length") == 0
    finally:
        view.shutdown()
        view.deleteLater()
