"""Composition root: paths, database, services, QApplication, main window."""

from __future__ import annotations

import argparse
import gc
import logging
import os

from redtour import __version__
from redtour.ui.application import create_application

log = logging.getLogger(__name__)


def build_main_window(db, settings, language: str):
    from redtour import paths
    from redtour.mapping.tiles import TileStore, offered_providers
    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository
    from redtour.ui.main_window import MainWindow
    from redtour.ui.map.map_view import MapView
    from redtour.ui.map.tile_source import TileSource

    tiles = TileSource(
        TileStore(paths.tile_store_path()), online=settings.online_tiles, tianditu_key=settings.tianditu_key
    )
    map_pane = MapView(
        tile_source=tiles,
        providers=offered_providers(settings.tianditu_key),
        menu=("start_here", "end_here", "add_venue", "place_venue"),
        language=language,
    )
    return MainWindow(
        VenueRepository(db), settings, db.describe(), map_pane=map_pane, plans=PlanRepository(db), database=db
    )


def run_gui(args: argparse.Namespace) -> int:
    from redtour.ui.i18n import install_translators
    from redtour.ui.messages import install_excepthook, show_error
    from redtour.ui.settings import Settings

    # No cyclic collections while start-up builds its long-lived objects (frozen below, once the window is
    # up): the collector's passes over the growing heap were ~7 % of the time to the window.
    gc.disable()
    app = create_application()
    settings = Settings()
    language = args.lang or settings.language
    translators = install_translators(app, language)
    install_excepthook()
    from redtour.ui.dialogs.server_problem import ask_about_server

    try:
        db = open_database(args, settings, ask_about_server, confirm_foreign=_confirm_foreign)
    except Exception as exc:  # the command line's sentences and exit statuses (redtour/failures.py)
        from redtour.failures import describe

        gc.enable()
        message, code = describe(exc)
        log.error("cannot open the database: %s", message)
        show_error(None, message)
        return code
    if db is None:
        gc.enable()
        return 1
    window = build_main_window(db, settings, language)
    window.show()
    # Start-up objects (modules, Qt wrappers, the catalogue) live as long as the app: keep them out of the
    # cyclic GC, whose full passes otherwise hold the GIL ~90 ms and stall the GUI during a large import.
    gc.freeze()
    gc.enable()
    log.info("redtour %s started, database %s, language %s", __version__, db.describe(), language)
    if getattr(args, "exit_after_start", False):
        _quit_once_painted(app, window)
    code = app.exec()
    db.dispose()
    del translators
    return int(code)


def _confirm_foreign(message: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    from redtour.ui.i18n import tr

    answer = QMessageBox.question(
        None,
        tr("不是 redtour 的数据库"),
        message + "\n\n" + tr("仍要在该文件中添加 redtour 的数据表吗？（会先备份该文件）"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def open_database(args: argparse.Namespace, settings, ask, confirm_foreign=None):
    """--db and REDTOUR_DB win; then the server chosen in Settings ▸ 数据库; else the local file.

    When the server from Settings cannot be opened, ``ask(message, url)`` decides: ("password", text) to retry
    with a password (kept in the keyring when it can be), ("local", None) to go back to this PC's database for
    good, or ("quit", None). Without this a wrong server setting would lock the user out of the app.
    Another program's SQLite file is opened only when ``confirm_foreign(message)`` (or --adopt-db) says so.
    """
    from redtour.core.errors import ForeignDatabaseError, RedtourError
    from redtour.storage.bootstrap import open_user_database, resolve_db_url
    from redtour.storage.credentials import CredentialError, store_password

    explicit = args.db or os.environ.get("REDTOUR_DB")
    url = resolve_db_url(explicit or settings.database_url or None)
    adopt = bool(getattr(args, "adopt_db", False))
    while True:
        try:
            return open_user_database(url, allow_foreign=adopt)
        except ForeignDatabaseError as exc:
            if confirm_foreign is None or not confirm_foreign(str(exc)):
                raise
            adopt = True
        except RedtourError as exc:
            if explicit or not settings.database_url:
                raise
            log.warning("the server from the settings cannot be opened: %s", exc)
            choice, password = ask(str(exc), url)
            if choice == "password" and password:
                try:
                    store_password(url, password)
                except CredentialError:  # no keyring here: use it for this session only
                    from sqlalchemy.engine import make_url

                    url = make_url(url).set(password=password).render_as_string(hide_password=False)
            elif choice == "local":
                settings.database_url = ""
                url = resolve_db_url(None)
            elif choice == "quit":
                return None


def _quit_once_painted(app, window) -> None:
    """--exit-after-start: report when the window is on screen with its map loaded, then quit (smoke tests)."""
    import time

    from PySide6.QtCore import QTimer

    def report(ok: bool = True) -> None:
        from redtour import STARTED

        print(
            f"main window shown: {window.isVisible()}, map loaded: {ok}, "
            f"{time.perf_counter() - STARTED:.2f} s after start-up began",
            flush=True,
        )
        app.quit()

    pane = getattr(window, "map_pane", None)
    if pane is not None:
        pane.ready.connect(lambda: QTimer.singleShot(0, report))  # the page said hello over QWebChannel
        # Never hang a CI job; REDTOUR_START_DEADLINE=0 waits for the map however long it takes (tests, where
        # a busy machine must not turn a slow start into "map loaded: False").
        deadline_s = float(os.environ.get("REDTOUR_START_DEADLINE", "20"))
        if deadline_s > 0:
            QTimer.singleShot(int(deadline_s * 1000), lambda: report(False))
    else:
        QTimer.singleShot(0, report)
