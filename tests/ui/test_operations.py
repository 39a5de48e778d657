"""The operations layer (ui/operations.py): one writer, no write on the GUI thread, one changed relay."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QSettings, QThread
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import event

from redtour.storage.changes import Changes
from redtour.storage.participation import ParticipationRepository
from redtour.storage.participation_stats import compute_stats
from redtour.storage.plans import PlanRepository
from redtour.storage.roster_import import import_roster
from redtour.storage.venues import VenueRepository
from redtour.ui.dialogs.venue_edit_dialog import VenueEditDialog
from redtour.ui.main_window import MainWindow
from redtour.ui.operations import QueryOp, Task, WriteOp, hub
from redtour.ui.settings import Settings
from tests.importing.test_bad_files import roster_rows, write_csv


def make_window(qtbot, user_db, tmp_path) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(VenueRepository(user_db), settings, "x", plans=PlanRepository(user_db), database=user_db)
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_writer_runs_one_write_at_a_time(qtbot, threaded_ops):
    """The second write is queued while the first holds the writer: it runs on the same thread, after it.
    A pool that ran writes side by side would start the second on another thread while the first waits."""
    first_started, release, first_done = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, object] = {}
    parent = QCoreApplication.instance()

    def first() -> None:
        seen["first"] = threading.get_ident()
        first_started.set()
        assert release.wait(60)
        first_done.set()

    def second() -> None:
        seen["second"] = threading.get_ident()
        seen["after_first"] = first_done.is_set()

    WriteOp(parent, first).run_in_background()
    assert first_started.wait(60)
    with qtbot.waitSignal(hub().finished, timeout=60_000, check_params_cb=lambda op: op.fn is second):
        WriteOp(parent, second).run_in_background()
        release.set()
    assert seen["second"] == seen["first"] and seen["after_first"] is True
    assert seen["first"] != threading.get_ident()  # not the GUI thread


def test_results_failures_and_progress_come_back_on_the_gui_thread(qtbot, threaded_ops):
    parent = QCoreApplication.instance()
    got: list[object] = []
    task = Task(parent)
    op = QueryOp(parent, lambda: task.report(7) or 42, task=task).with_progress(got.append).success(got.append)
    with qtbot.waitSignal(hub().finished, timeout=60_000, check_params_cb=lambda o: o is op):
        op.run_in_background()
    assert got == [7, 42] and op.worker_thread is not threading.main_thread()
    errors: list[BaseException] = []
    bad = QueryOp(parent, lambda: 1 / 0).failure(errors.append)
    with qtbot.waitSignal(hub().finished, timeout=60_000, check_params_cb=lambda o: o is bad):
        bad.run_in_background()
    assert isinstance(errors[0], ZeroDivisionError)


def test_a_cancel_token_is_seen_by_the_work():
    task = Task()
    out: list[bool] = []
    op = QueryOp(QCoreApplication.instance(), lambda: task.cancelled(), task=task).success(out.append)
    task.cancel()
    op.run_in_background()  # synchronous executor (tests/ui/conftest.py)
    assert out == [True]


def test_the_changed_relay_reaches_a_subscribed_page(qtbot, user_db, tmp_path):
    """A check-in on the participation page marks the hidden statistics page stale through MainWindow.changed
    alone (no page knows the other); the statistics reload when their tab is shown."""
    import_roster(user_db, write_csv(tmp_path / "r.csv", roster_rows(5)), "普陀区总工会")
    ParticipationRepository(user_db).create_group("普陀区总工会", "第一批", date(2026, 5, 1), ["alpha"])
    win = make_window(qtbot, user_db, tmp_path)
    relayed: list[Changes] = []
    win.changed.connect(relayed.append)
    win.tabs.setCurrentWidget(win.participation)
    page = win.participation
    page._set_visible_checked(True)
    win.stats.lazy.stale = False
    page.checkin_selected()
    assert [c.kinds for c in relayed] == [frozenset({"visits"})] and relayed[0].origin is page
    assert win.stats.lazy.stale  # hidden: refreshed when shown, not now
    win.tabs.setCurrentWidget(win.stats)
    assert not win.stats.lazy.stale and win.stats.stats is not None and win.stats.stats.visits == 5


@pytest.fixture
def gui_thread_writes(user_db):
    """Every data-changing statement run on the GUI thread, and the count of those run elsewhere."""
    on_gui: list[str] = []
    elsewhere: list[str] = []

    def guard(_conn, statement, *_args) -> None:
        text = str(statement).lstrip().upper()
        if not text.startswith(("INSERT", "UPDATE", "DELETE")):
            return
        app = QCoreApplication.instance()
        (on_gui if QThread.currentThread() is app.thread() else elsewhere).append(text.split("\n")[0][:60])

    event.listen(user_db.engine, "before_execute", guard)
    yield on_gui, elsewhere
    event.remove(user_db.engine, "before_execute", guard)


def test_no_write_runs_on_the_gui_thread(qtbot, user_db, tmp_path, monkeypatch, threaded_ops, gui_thread_writes):
    """Check-in, its undo, a venue correction and plan save/rename/delete, driven through the real widgets
    with the real threaded executor: every INSERT/UPDATE/DELETE runs off the GUI thread."""
    import_roster(user_db, write_csv(tmp_path / "r.csv", roster_rows(4)), "普陀区总工会")
    ParticipationRepository(user_db).create_group("普陀区总工会", "第一批", date(2026, 5, 1), ["alpha", "beta"])
    on_gui, elsewhere = gui_thread_writes
    on_gui.clear()  # the set-up above wrote directly; the guard counts from here
    elsewhere.clear()
    win = make_window(qtbot, user_db, tmp_path)
    def a_write():  # a write's end (reads started by the pages' refreshes may finish around it)
        return qtbot.waitSignal(hub().finished, timeout=60_000, check_params_cb=lambda op: op.write)

    win.tabs.setCurrentWidget(win.participation)
    page = win.participation
    page._set_visible_checked(True)
    with a_write():
        qtbot.mouseClick(page.checkin_button, qtbot_left())
    assert compute_stats(user_db).visits == 8
    with a_write():
        page.undo_button.click()
    assert compute_stats(user_db).visits == 0

    def phone(dialog: VenueEditDialog) -> int:
        dialog.phone.setText("021-12345678")
        dialog.checked.setDate(QDate(2026, 11, 20))
        return VenueEditDialog.DialogCode.Accepted

    monkeypatch.setattr(VenueEditDialog, "exec", phone)
    with a_write():
        win.edit_venue("alpha")
    assert VenueRepository(user_db).get("alpha").is_local("phone")

    planner = win.planner
    win.tabs.setCurrentWidget(planner)
    planner.day.setDate(QDate(2026, 12, 2))
    planner.add_venue("alpha")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("周三线", True))
    with a_write():
        planner.save()
    plans = PlanRepository(user_db)
    assert plans.get(planner.current_id).name == "周三线"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("周三新线", True))
    with a_write():
        planner.rename()
    assert plans.get(planner.current_id).name == "周三新线"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with a_write():
        planner.delete()
    assert plans.count() == 0
    threaded_ops.wait()
    assert on_gui == [], f"written on the GUI thread: {on_gui}"
    assert len(elsewhere) >= 6  # the writes did happen, on the writer thread


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_the_statistics_and_campaign_tabs_are_built_when_first_opened(qtbot, user_db, tmp_path):
    """Start-up builds neither page; opening the tab builds it in place (same position and title), and a page
    built after a write still shows that write (it loads on first show)."""
    import_roster(user_db, write_csv(tmp_path / "r.csv", roster_rows(3)), "普陀区总工会")
    ParticipationRepository(user_db).create_group("普陀区总工会", "第一批", date(2026, 5, 1), ["alpha"])
    win = make_window(qtbot, user_db, tmp_path)
    assert win._stats is None and win._campaign is None
    titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
    win.tabs.setCurrentWidget(win.participation)
    win.participation._set_visible_checked(True)
    win.participation.checkin_selected()  # before the statistics page exists
    stats_index = titles.index("统计")
    win.tabs.setCurrentIndex(stats_index)
    assert win._stats is not None and win.tabs.currentWidget() is win._stats
    assert win.tabs.indexOf(win._stats) == stats_index
    assert win._stats.stats is not None and win._stats.stats.visits == 3
    win.tabs.setCurrentIndex(titles.index("活动"))
    assert win._campaign is not None and win.tabs.currentWidget() is win._campaign
    assert [win.tabs.tabText(i) for i in range(win.tabs.count())] == titles


def test_an_operation_whose_parent_is_deleted_meanwhile_finishes_quietly(qtbot, threaded_ops):
    """A dialog closed while its work runs: the work completes, its changes are still announced, no callback
    reaches the deleted dialog, and the operation is released. The worker only ever emits on the hub: a
    per-operation QObject deleted with the dialog while the worker emitted on it crashed the process (CI, PG run)."""
    from PySide6.QtCore import QObject
    from shiboken6 import delete

    from redtour.storage.changes import note_table
    from redtour.ui.operations import _running

    parent = QObject()
    release = threading.Event()
    called: list[object] = []
    announced: list[Changes] = []
    hub().changed.connect(announced.append)

    def work() -> int:
        assert release.wait(60)
        note_table("visit")
        return 1

    op = WriteOp(parent, work).success(called.append).failure(called.append).run_in_background()
    delete(parent)  # the C++ object goes now, as when a dialog closes
    with qtbot.waitSignal(hub().finished, timeout=60_000, check_params_cb=lambda o: o is op):
        release.set()
    hub().changed.disconnect(announced.append)
    assert called == [] and op.ok is True and op not in _running.values()
    assert [c.kinds for c in announced] == [frozenset({"visits"})]


def test_an_operation_is_let_go_on_the_gui_thread(qtbot):
    """The last reference to an op (and so to a Python-owned parent such as a model without a Qt parent) is
    dropped on the GUI thread: a QObject freed on a worker would be deleted there. The executor here keeps each
    job it ran until the test lets it go, so a job that still held the op would keep the parent alive."""
    from PySide6.QtCore import QObject, Qt

    from redtour.ui.operations import ThreadedExecutor, set_executor

    hold = threading.Event()

    class HoldingExecutor(ThreadedExecutor):
        def submit(self, job, *, write: bool) -> None:
            def held() -> None:
                job()
                hold.wait(60)  # `job` stays referenced until then

            super().submit(held, write=write)

    previous = set_executor(HoldingExecutor())
    freed_on: list[threading.Thread] = []
    finished: list[bool | None] = []
    try:

        def start() -> None:
            parent = QObject()  # owned by Python: only the op refers to it once start() returns
            parent.destroyed.connect(
                lambda *_: freed_on.append(threading.current_thread()), Qt.ConnectionType.DirectConnection
            )
            QueryOp(parent, lambda: 7).run_in_background()

        def on_finished(op) -> None:
            finished.append(op.ok)

        hub().finished.connect(on_finished)
        start()
        qtbot.waitUntil(lambda: bool(finished), timeout=60_000)
        qtbot.waitUntil(lambda: bool(freed_on), timeout=10_000)
        assert finished == [True] and freed_on == [threading.main_thread()]
    finally:
        hub().finished.disconnect(on_finished)
        hold.set()
        set_executor(previous)
