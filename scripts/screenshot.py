"""Grab the main window headless to PNG (docs/screenshot-main.png) on a throwaway user folder.

QT_QPA_PLATFORM=offscreen python scripts/screenshot.py [--lang en] [--venue guzhenghong] [--out FILE]
    [--plan "shujibu,huxi_banri,guzhenghong,sanshan"]   (the planner tab with these venues optimised)
    [--tab participation|stats --visits 20000]        (those tabs, on generated participation data)
    [--tab campaign --campaign-tab 1]                 (the 活动 page on scripts/campaign_demo.py's campaign)
    [--tab planner]                                    (the planner with a four-stop demo day)
    [--db URL]                                         (this database: SQLite path or postgresql+psycopg://…)
python scripts/screenshot.py --all   every tab at 1366×768 in Chinese and English → docs/screenshot-*.png
    (one process per picture: the UI language is chosen once per process)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")
os.environ.setdefault("REDTOUR_HOME", tempfile.mkdtemp(prefix="redtour-shot-"))
os.environ.setdefault("XDG_CONFIG_HOME", os.path.join(os.environ["REDTOUR_HOME"], "config"))

REPO = Path(__file__).resolve().parent.parent
DEMO_PLAN = "shujibu,huxi_banri,guzhenghong,sanshan"


def shoot_all() -> int:
    """Every tab in both languages, each in a fresh process and user folder."""
    import subprocess

    failed = 0
    for lang, suffix in (("zh_CN", ""), ("en", "-en")):
        for tab, name in (("sites", "main"), ("planner", "planner"), ("participation", "participation"),
                          ("stats", "stats"), ("campaign", "campaign-1")):  # fmt: skip
            out = REPO / "docs" / f"screenshot-{name}{suffix}.png"
            env = {k: v for k, v in os.environ.items() if k not in ("REDTOUR_HOME", "XDG_CONFIG_HOME")}
            cmd = [
                sys.executable,
                __file__,
                "--lang",
                lang,
                "--tab",
                tab,
                "--out",
                str(out),
                "--visits",
                "5000",
            ]
            failed += subprocess.run(cmd, env=env, check=False).returncode != 0
    return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--venue", default="guzhenghong")
    parser.add_argument("--date", default="2026-11-24")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot-main.png")
    parser.add_argument("--plan", default="", help="comma-separated venue ids: show the planner with them")
    parser.add_argument("--tab", choices=["sites", "planner", "participation", "stats", "campaign"], default="sites")
    parser.add_argument("--campaign-tab", type=int, default=1, help="inner tab of the 活动 page (0–3)")
    parser.add_argument("--all", action="store_true", help="every tab, Chinese and English, into docs/")
    parser.add_argument("--visits", type=int, default=20000, help="generated visits for --tab")
    parser.add_argument("--by", default="venue", help="statistics dimension for --tab stats")
    parser.add_argument("--wait-ms", type=int, default=2500, help="time for the map page to load")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="database: a SQLite file path or a SQLAlchemy URL such as postgresql+psycopg://… (default: "
        "REDTOUR_DB, else a new file in the throwaway user folder); --tab participation/stats add generated "
        "data to it, so give an empty one",
    )
    args = parser.parse_args()
    if args.all and args.db:
        parser.error("--all makes a fresh database per picture; --db is for one picture")
    if args.all:
        return shoot_all()
    if args.tab == "planner" and not args.plan:
        args.plan = DEMO_PLAN
        args.wait_ms = max(args.wait_ms, 6000)  # the route and the web fonts are drawn after the page loads

    from PySide6.QtCore import QDate, QEventLoop, Qt, QTimer

    from redtour import app as app_module
    from redtour.storage.bootstrap import open_user_database, resolve_db_url
    from redtour.ui.i18n import install_translators
    from redtour.ui.settings import Settings

    qt_app = app_module.create_application()
    translators = install_translators(qt_app, args.lang)
    db = open_user_database(resolve_db_url(args.db))
    if args.tab == "campaign":
        sys.path.insert(0, str(REPO))
        from scripts.campaign_demo import make_demo

        make_demo(db)
    elif args.tab in ("participation", "stats"):
        sys.path.insert(0, str(REPO))
        from benchmarks.participation_data import generate, raw_target
        from redtour.storage.venues import VenueRepository

        venue_ids = [v.id for v in VenueRepository(db).list_venues() if v.in_notice] or ["guzhenghong"]
        generate(raw_target(db), visits=args.visits, people=max(50, args.visits // 4), venue_ids=venue_ids)
    window = app_module.build_main_window(db, Settings(), args.lang)
    w, h = (int(x) for x in args.size.split("x"))
    window.setWindowState(Qt.WindowState.WindowNoState)  # the offscreen screen is small: not maximised
    window.resize(w, h)
    window.sites.day.setDate(QDate.fromString(args.date, "yyyy-MM-dd"))
    window.show()
    window.sites.select_venue(args.venue)
    if args.plan and window.planner is not None:
        planner = window.planner
        window.tabs.setCurrentWidget(planner)
        planner.day.setDate(QDate.fromString(args.date, "yyyy-MM-dd"))
        planner.start.setCurrentIndex(max(0, planner.start.findText("顾正红纪念馆")))
        for vid in args.plan.split(","):
            planner.add_venue(vid.strip(), visit_min=45)
        planner.compute(optimize=True)
    if args.tab == "participation" and window.participation is not None:
        window.tabs.setCurrentWidget(window.participation)
        window.participation.reload()
        for i in range(min(12, window.participation.roster.count())):
            window.participation.roster.item(i).setCheckState(Qt.CheckState.Checked)
        window.participation.tabs.setCurrentIndex(2)  # 参与记录: the widest table
    if args.tab == "stats" and window.stats is not None:
        window.tabs.setCurrentWidget(window.stats)
        window.stats.target.setValue(args.visits // 3)
        window.stats.by.setCurrentIndex(max(0, window.stats.by.findData(args.by)))
    if args.tab == "campaign" and window.campaign is not None:
        window.tabs.setCurrentWidget(window.campaign)
        window.campaign.inner.setCurrentIndex(args.campaign_tab)
    loop = QEventLoop()
    QTimer.singleShot(args.wait_ms, loop.quit)
    loop.exec()
    pane = window.map_pane
    if pane is not None and pane.isVisible():  # then until the map says it has drawn everything (busy machines)
        token = pane.request_painted()
        pane.painted.connect(lambda t: t == token and QTimer.singleShot(300, loop.quit))  # the frame reaches Qt
        QTimer.singleShot(60_000, loop.quit)
        loop.exec()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ok = window.grab().save(str(args.out))
    print(f"{'saved' if ok else 'FAILED'} {args.out}")
    window.close()
    db.dispose()
    del translators
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
