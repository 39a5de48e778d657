"""Finding 7: app:// resolves a path before checking the allow-list, and answers every request."""

from __future__ import annotations

import json

import pytest

from redtour import paths
from redtour.ui.map.map_view import MapView
from redtour.ui.map.scheme import resolve_asset
from tests.ui.test_map_view import run_js, wait_ready

ESCAPES = [
    "web/..%2Fcatalogue%2Fvenues%2Ferda.toml",
    "web/..%2Ftemplates%2Froute_sheet.html.j2",
    "web/%2E%2E/templates/route_sheet.html.j2",
    "basemap/..%2F..%2Fredtour%2F__init__.py",
    "web/" + "a" * 5000,  # OSError (name too long) used to escape and leave the request hanging
    "web/" + "b/" * 3000 + "x.js",
]


@pytest.mark.parametrize("path", [p.replace("%2F", "/").replace("%2E", ".") for p in ESCAPES])
def test_decoded_paths_outside_the_allow_list_are_refused(path):
    root = paths.resources_dir().resolve()
    assert resolve_asset(root, path) is None
    assert resolve_asset(root, "web/leaflet/leaflet.js") == root / "web" / "leaflet" / "leaflet.js"


@pytest.fixture(scope="module")
def page_view(qapp):
    view = MapView()
    view.resize(400, 300)
    view.show()
    yield view
    view.shutdown()
    view.deleteLater()


def test_the_map_page_cannot_fetch_outside_the_allow_list_and_gets_an_answer(qtbot, page_view):
    wait_ready(qtbot, page_view)
    urls = ["app://redtour/web/leaflet/leaflet.js"] + [f"app://redtour/{p}" for p in ESCAPES]
    run_js(qtbot, page_view, "window.__got = {}; 1")
    # A <script> element: onload when the scheme replied, onerror when it failed (fetch() is not enabled
    # for the custom scheme). A request left unanswered would fire neither and time out below.
    script = (
        f"for (const u of {json.dumps(urls)}) {{ const s = document.createElement('script'); s.src = u;"
        "s.onload = () => { window.__got[u] = 'ok '; }; s.onerror = () => { window.__got[u] = 'failed'; };"
        "document.head.appendChild(s); } 1"
    )
    run_js(qtbot, page_view, script)
    qtbot.waitUntil(
        lambda: run_js(qtbot, page_view, "Object.keys(window.__got).length") == len(urls), timeout=15_000
    )
    got = run_js(qtbot, page_view, "JSON.stringify(window.__got)")
    outcome = json.loads(got)
    assert outcome[urls[0]].startswith("ok ")
    assert all(outcome[u] == "failed" for u in urls[1:]), outcome
