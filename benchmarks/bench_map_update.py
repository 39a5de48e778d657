"""Updating a 12-stop route through JavaScript vs reloading the map page (issue target: update < 50 ms).

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_map_update.py [--runs 30]
Times are wall-clock round trips measured in Python: the JS call until its result comes back (the route is
drawn and fitted by then), and a full page reload until the page reports ready again.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    from PySide6.QtCore import QEventLoop, QTimer

    from redtour.app import create_application
    from redtour.mapping.protocol import Route, RouteStop, to_js
    from redtour.ui.map.map_view import MapView

    app = create_application()
    view = MapView()
    view.resize(1200, 900)
    view.show()

    def wait_ready() -> None:
        loop = QEventLoop()
        view.ready.connect(loop.quit)
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        view.ready.disconnect(loop.quit)

    wait_ready()

    def route(shift: int) -> Route:
        stops = tuple(
            RouteStop(i + 1, f"站点{i + 1}", 31.18 + ((i * 7 + shift) % 12) / 100, 121.40 + i / 80)
            for i in range(12)
        )
        return Route(f"测试路线 {shift}", stops, start=(31.23, 121.47))

    def js_update(shift: int) -> float:
        loop = QEventLoop()
        t0 = time.perf_counter()
        view.page.runJavaScript(f"window.redtour.showRoute({to_js(route(shift))})", 0, lambda _r: loop.quit())
        loop.exec()
        return (time.perf_counter() - t0) * 1000

    def reload_page() -> float:
        view._ready = False  # the real reload path: folium re-renders the page, the view reloads it
        view._html = None
        t0 = time.perf_counter()
        view.view.reload()
        wait_ready()
        return (time.perf_counter() - t0) * 1000

    for i in range(3):
        js_update(i)  # warm-up
    updates = [js_update(i) for i in range(args.runs)]
    reloads = [reload_page() for _ in range(max(3, args.runs // 6))]
    print(f"12-stop route via JavaScript: median {statistics.median(updates):.1f} ms "
          f"(min {min(updates):.1f}, max {max(updates):.1f}, n={len(updates)})")  # fmt: skip
    print(f"full page reload:             median {statistics.median(reloads):.1f} ms "
          f"(min {min(reloads):.1f}, max {max(reloads):.1f}, n={len(reloads)})")  # fmt: skip
    view.shutdown()
    app.processEvents()


if __name__ == "__main__":
    main()
