"""Composition root: paths, database, services, QApplication, main window."""

from __future__ import annotations

import argparse
import gc
import logging
import os

from redtour import __version__
from redtour.ui.application import create_application

log = logging.getLogger(__name__)


#: Qt-free modules the window needs (SQLAlchemy and the storage layer are most of the Python start-up time).
#: They are imported on a helper thread while the main thread runs the event loop, so the map page loads in
#: the web engine meanwhile. Nothing here may import Qt: a Qt call from a second thread while the GUI thread
#: waits for the interpreter lock can deadlock (tests/e2e/test_startup_imports.py checks it).
BACKGROUND_IMPORTS = (
    "redtour.storage.bootstrap",
    "redtour.storage.venues",
    "redtour.storage.plans",
    "redtour.storage.holidays",
    "redtour.storage.participation",
    "redtour.storage.places",
    "redtour.storage.roster_import",
    "redtour.storage.signin_import",
    "redtour.core.planner",
)


def build_map_pane(settings, language: str):
    """The map pane, its page already loading (the web engine works in its own processes from here on)."""
    from redtour import paths
    from redtour.mapping.tiles import TileStore, offered_providers
    from redtour.ui.map.map_view import MapView
    from redtour.ui.map.tile_source import TileSource

    tiles = TileSource(
        TileStore(paths.tile_store_path()), online=settings.online_tiles, tianditu_key=settings.tianditu_key
    )
    return MapView(
        tile_source=tiles,
        providers=offered_providers(settings.tianditu_key),
        menu=("start_here", "end_here", "add_venue", "place_venue"),
        language=language,
    )


def build_main_window(db, settings, language: str, map_pane=None):
    """The whole window at once (tools and tests; the app itself shows the frame first, see run_gui)."""
    from redtour.ui.main_window import MainWindow

    window = MainWindow(None, settings, map_pane=map_pane or build_map_pane(settings, language))
    attach_database(window, db)
    return window


def attach_database(window, db) -> None:
    from redtour.storage.plans import PlanRepository
    from redtour.storage.venues import VenueRepository

    window.attach(VenueRepository(db), db.describe(), plans=PlanRepository(db), database=db)


def import_in_background(modules: tuple[str, ...], done) -> None:
    """Import ``modules`` on a helper thread, then call ``done(error)`` there (``error`` is None or the
    exception). A failed import is re-raised on the GUI thread by the caller, where it is reported."""
    import importlib
    import threading

    def work() -> None:
        error: BaseException | None = None
        try:
            for name in modules:
                importlib.import_module(name)
        except BaseException as exc:  # handed to the GUI thread
            error = exc
        done(error)

    threading.Thread(target=work, name="redtour-imports", daemon=True).start()


def run_gui(args: argparse.Namespace) -> int:
    """The window in two stages (docs/architecture.md, "Start-up"). First the application and the window's
    frame with the map pane, whose page starts loading at once, while a helper thread imports the storage
    layer; the event loop runs meanwhile, so the web engine is not kept waiting. Then, on the GUI thread, the
    database opens (its questions are dialogs) and the pages and the catalogue fill the frame."""
    from PySide6.QtCore import QObject, Qt, Signal

    from redtour.ui.i18n import install_translators
    from redtour.ui.main_window import MainWindow
    from redtour.ui.messages import install_excepthook
    from redtour.ui.settings import Settings

    # No cyclic collections while start-up builds its long-lived objects (frozen below, once the window is
    # up): the collector's passes over the growing heap were ~7 % of the time to the window.
    gc.disable()
    app = create_application()
    settings = Settings()
    language = args.lang or settings.language
    translators = install_translators(app, language)
    install_excepthook()

    class Relay(QObject):
        imported = Signal(object)  # emitted on the helper thread, delivered queued to the GUI thread

    relay = Relay()
    databases: list = []

    def second_stage(error: BaseException | None) -> None:
        outcome = _second_stage(args, settings, window, error)
        if isinstance(outcome, int):
            app.exit(outcome)  # app.exec() below returns it
        else:
            databases.append(outcome)

    relay.imported.connect(
        second_stage,
        Qt.ConnectionType.QueuedConnection,  # on the GUI thread, whichever thread emits
    )
    window = MainWindow(None, settings, map_pane=build_map_pane(settings, language))
    window.show()
    # Only now: until here the GUI thread has Python work of its own, and two threads share one interpreter
    # lock. From here it mostly waits for the web engine, which works in its own processes.
    import_in_background(BACKGROUND_IMPORTS, relay.imported.emit)
    if getattr(args, "exit_after_start", False):
        _report_start(app, window)
    code = app.exec()
    for db in databases:
        db.dispose()
    del translators
    return int(code)


def _second_stage(args: argparse.Namespace, settings, window, error: BaseException | None):
    """On the GUI thread once the storage layer is imported: the database, then the pages in the frame.
    Returns the open database, or the exit status when there is none (the error was shown, the window closed)."""
    from redtour.ui.dialogs.server_problem import ask_about_server
    from redtour.ui.messages import show_error

    try:
        if error is not None:
            raise error
        db = open_database(args, settings, ask_about_server, confirm_foreign=_confirm_foreign)
    except Exception as exc:  # the command line's sentences and exit statuses (redtour/failures.py)
        from redtour.failures import describe

        gc.enable()
        message, code = describe(exc)
        log.error("cannot open the database: %s", message)
        show_error(window, message)
        window.close()
        return code
    if db is None:  # the user chose to quit
        gc.enable()
        window.close()
        return 1
    attach_database(window, db)
    # Start-up objects (modules, Qt wrappers, the catalogue) live as long as the app: keep them out of the
    # cyclic GC, whose full passes otherwise hold the GIL ~90 ms and stall the GUI during a large import.
    gc.freeze()
    gc.enable()
    log.info("redtour %s started, database %s", __version__, db.describe())
    return db


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


def _report_start(app, window) -> None:
    """--exit-after-start: once the window shows its map with the catalogue on it, print when the window with
    its map was up and when the catalogue had filled it, then quit (smoke tests, benchmarks/bench_startup.py)."""
    import time

    from PySide6.QtCore import QTimer

    from redtour import STARTED

    seen: dict[str, float] = {}

    def note(what: str) -> None:
        seen.setdefault(what, time.perf_counter() - STARTED)
        if "map" in seen and "catalogue" in seen:
            QTimer.singleShot(0, lambda: report(True))

    def report(ok: bool) -> None:
        if "done" in seen:
            return
        seen["done"] = 0.0
        window_with_map = max(seen.get("map", 0.0), seen.get("shown", 0.0))
        print(
            f"main window shown: {window.isVisible()}, map loaded: {ok}, "
            f"{window_with_map:.2f} s after start-up began; "
            f"catalogue shown {seen.get('catalogue', float('nan')):.2f} s",
            flush=True,
        )
        app.quit()

    seen["shown"] = time.perf_counter() - STARTED
    pane = window.map_pane
    pane.ready.connect(lambda: note("map"))  # the page said hello over QWebChannel
    # The catalogue's markers are drawn: asked once the database is attached (MainWindow.reload sends them)
    window.databaseAttached.connect(lambda: pane.request_painted())
    pane.painted.connect(lambda _token: note("catalogue"))
    # Never hang a CI job; REDTOUR_START_DEADLINE=0 waits for the map however long it takes (tests, where
    # a busy machine must not turn a slow start into "map loaded: False").
    deadline_s = float(os.environ.get("REDTOUR_START_DEADLINE", "20"))
    if deadline_s > 0:
        QTimer.singleShot(int(deadline_s * 1000), lambda: report(False))
