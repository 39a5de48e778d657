"""Participation and statistics pages with real widgets, a real SQLite file and background workers."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QTimer

from redtour.storage.participation import ParticipationRepository
from redtour.storage.participation_stats import compute_stats, get_target
from redtour.storage.venues import VenueRepository
from redtour.ui.dialogs.export_dialog import ExportDialog
from redtour.ui.dialogs.roster_import_dialog import RosterImportDialog
from redtour.ui.models.lazy_table_model import LazyTableModel
from redtour.ui.operations import hub
from redtour.ui.pages.participation_page import ParticipationPage
from redtour.ui.pages.stats_page import StatsPage
from redtour.ui.settings import Settings
from tests.importing.test_bad_files import roster_rows, write_csv


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def run_import(qtbot, dialog: RosterImportDialog, *, dry_run: bool) -> None:
    dialog._run(dry_run=dry_run)  # synchronous here (tests/ui/conftest.py)
    assert not dialog._busy and dialog.check_button.isEnabled()


def test_import_preview_then_apply(qtbot, user_db, tmp_path, settings):
    repo = ParticipationRepository(user_db)
    rows = list(roster_rows(120))
    rows[50][1] = "12345"
    bad = write_csv(tmp_path / "bad.csv", rows)
    dialog = RosterImportDialog(user_db, repo, settings)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(bad))
    dialog.union.setCurrentText("普陀区总工会")
    run_import(qtbot, dialog, dry_run=True)
    assert not dialog.apply_button.isEnabled()
    assert "错误 1 行" in dialog.summary.text()
    assert dialog.preview.item(0, 0).text() == "51" and "手机号无效" in dialog.preview.item(0, 4).text()
    assert dialog.preview.item(0, 1).text() == rows[50][0]  # whose row it is, so the user can find them
    assert dialog.preview.item(0, 2).text() == "****"  # the bad number itself is not echoed in the column
    assert repo.count_participants() == 0
    rows[50][1] = "13800000049"
    dialog.path.setText(str(write_csv(tmp_path / "good.csv", rows)))
    run_import(qtbot, dialog, dry_run=True)
    assert dialog.apply_button.isEnabled() and dialog.preview.rowCount() == 120
    run_import(qtbot, dialog, dry_run=False)
    assert dialog.applied and "导入完成" in dialog.summary.text()
    assert repo.count_participants() == 120


def test_checkin_select_search_and_undo(qtbot, user_db, tmp_path, settings):
    from redtour.storage.roster_import import import_roster

    import_roster(user_db, write_csv(tmp_path / "r.csv", roster_rows(30)), "普陀区总工会")
    repo = ParticipationRepository(user_db)
    repo.create_group("普陀区总工会", "第一批", date(2026, 5, 1), ["alpha", "beta"])
    page = ParticipationPage(user_db, settings)
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.reload()
    assert page.roster.count() == 30 and "测试纪念馆甲 → 测试会馆乙" in page.group_title.text()

    def shown() -> list[int]:
        return [i for i in range(30) if not page.roster.item(i).isHidden()]

    page.search.setText("0000000")  # digits the mask hides (139****0005) cannot be searched: nobody shows
    assert shown() == []
    page.search.setText("0005")  # the visible last four find that one person
    assert len(shown()) == 1 and "0005" in page.roster.item(shown()[0]).text()
    page.search.setText(page.roster.item(7).text().split("　")[0])  # by name
    assert shown() == [7]
    page.search.clear()
    page._set_visible_checked(True)
    assert "已勾选 30 人" in page.counts.text()
    page.checkin_selected()
    assert compute_stats(user_db).visits == 60
    assert "已签到" in page.roster.item(0).text()
    page.undo.undo()
    assert compute_stats(user_db).visits == 0
    page.undo.redo()
    assert compute_stats(user_db).visits == 60
    page.tabs.setCurrentIndex(2)
    assert page.visits_model.rowCount() == 60 and page.visits_model.index(0, 0).data() == "2026-05-01"
    page.tabs.setCurrentIndex(1)
    assert page.people_model.rowCount() == 30 and "****" in page.people_model.index(0, 1).data()


def test_lazy_model_fetches_only_the_pages_it_shows():
    calls = []

    def fetch(offset: int, limit: int):
        calls.append(offset)
        return [(i, f"row {i}") for i in range(offset, min(offset + limit, 1_000_000))]

    model = LazyTableModel(["name"], lambda: 1_000_000, fetch)
    model.reload()
    assert model.rowCount() == 1_000_000 and calls == []
    assert model.index(999_999, 0).data() == "row 999999"
    assert model.index(5, 0).data() == "row 5"
    calls.clear()
    rows = range(0, 200_000, 997)
    for row in rows:
        model.index(row, 0).data()
    # one fetch per page shown, in order, none twice (scrolling forward; page 0 is still held from row 5), and
    # never more pages kept than allowed
    pages = list(dict.fromkeys(row // LazyTableModel.PAGE * LazyTableModel.PAGE for row in rows))
    assert calls == pages[1:]
    assert model.pages_in_memory <= LazyTableModel.KEEP_PAGES


def test_lazy_model_counts_off_the_gui_thread_and_keeps_only_the_latest_count(qtbot, threaded_ops):
    """A search counts on every keystroke: the count runs on a worker, and a slower count of an earlier
    keystroke that arrives last must not replace the latest one."""
    import threading

    gui = threading.get_ident()
    counted_on: list[int] = []
    first_may_finish = threading.Event()

    def counter(n: int, wait: bool = False):
        def count() -> int:
            counted_on.append(threading.get_ident())
            if wait:
                first_may_finish.wait()
            return n

        return count

    first = counter(700, wait=True)
    model = LazyTableModel(["name"], first, lambda o, n: [(i, str(i)) for i in range(o, o + n)])
    model.reload()  # the first keystroke: its count blocks on the worker
    assert model.counting and model.rowCount() == 0
    with qtbot.waitSignal(model.counted) as latest:
        model.reload(count=counter(42))  # the next keystroke
    assert latest.args == [42] and model.rowCount() == 42
    from redtour.ui.operations import hub

    # the first count is delivered, last
    with qtbot.waitSignal(hub().finished, check_params_cb=lambda op: op.fn is first):
        first_may_finish.set()
    assert model.rowCount() == 42 and not model.counting
    assert gui not in counted_on


def test_stats_page_filters_target_and_export(qtbot, user_db, tmp_path, settings):
    from redtour.storage.roster_import import import_roster

    import_roster(user_db, write_csv(tmp_path / "r.csv", roster_rows(10)), "普陀区总工会")
    repo = ParticipationRepository(user_db)
    g = repo.create_group("普陀区总工会", "第一批", date(2026, 5, 1), ["alpha", "beta"])
    repo.checkin(g.id, [e.participant_id for e in repo.roster(g.id)])
    page = StatsPage(user_db)
    qtbot.addWidget(page)
    page.set_venues(VenueRepository(user_db).list_venues())
    page.reload()
    qtbot.waitUntil(lambda: page.stats is not None and page.table.rowCount() == 1, timeout=5000)
    assert "人数 <b>10</b>" in page.totals.text() and "人次 <b>20</b>" in page.totals.text()
    page.venue.setCurrentIndex(page.venue.findData("alpha"))
    qtbot.waitUntil(lambda: page.stats is not None and page.stats.visits == 10, timeout=5000)
    page.target.setValue(40)
    page._save_target()
    assert get_target(user_db) == 40 and page.progress.value() == 10
    dialog = ExportDialog(user_db, page.current_filter(), page.filter_text(), page)
    qtbot.addWidget(dialog)
    dialog.csv.setChecked(True)
    dialog.path.setText(str(tmp_path / "out.csv"))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog._export()
    assert dialog.result is not None and dialog.result.rows == 10
    assert (tmp_path / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_settings_dialog_keeps_the_server_password_out_of_the_settings_file(
    qtbot, tmp_path, settings, file_keyring
):
    import keyring

    from redtour.ui.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.db_server.setChecked(True)
    dialog.db_host.setText("10.1.2.3")
    dialog.db_user.setText("putuo")
    dialog.db_password.setText("pa55-word")
    assert dialog.apply() is True  # a different database: restart needed
    settings.q.sync()
    assert settings.database_url == "postgresql+psycopg://putuo@10.1.2.3:5432/redtour"
    assert "pa55-word" not in (tmp_path / "settings.ini").read_text(encoding="utf-8")
    assert keyring.get_password("redtour", "putuo@10.1.2.3:5432/redtour") == "pa55-word"
    dialog.db_local.setChecked(True)
    dialog.apply()
    assert settings.database_url == ""


def test_gui_stays_responsive_while_a_large_roster_is_imported(
    qtbot, user_db, tmp_path, settings, threaded_ops, monkeypatch
):
    """reliability.md G13, without a clock: the import runs on the writer thread, and while it runs (held
    at its start until the GUI thread has shown a progress report) the GUI thread's event loop turns. Run on
    the GUI thread, the report could not be shown before the import went on, and the import would stall."""
    import threading

    import redtour.ui.dialogs.roster_import_dialog as module

    gui = threading.current_thread()
    shown = threading.Event()
    seen: dict[str, object] = {}
    real = module.import_roster

    def held(*args, progress, **kwargs):
        seen["worker"] = threading.current_thread()
        progress(0)
        assert shown.wait(60), "the GUI thread never showed the progress: it was blocked"
        return real(*args, progress=progress, **kwargs)

    monkeypatch.setattr(module, "import_roster", held)
    repo = ParticipationRepository(user_db)
    big = write_csv(tmp_path / "big.csv", roster_rows(30_000))
    dialog = RosterImportDialog(user_db, repo, settings)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(big))
    dialog.union.setCurrentText("普陀区总工会")

    def on_summary() -> None:
        if "已读取" in dialog.summary.text() and not shown.is_set():
            seen["busy"] = dialog._busy and dialog.report is None
            seen["gui"] = threading.current_thread()
            shown.set()

    timer = QTimer()  # polls the label from the GUI thread's event loop: only a turning loop runs it
    timer.timeout.connect(on_summary)
    timer.start(0)
    with qtbot.waitSignal(hub().finished, timeout=120_000, check_params_cb=lambda op: op.write):
        dialog._run(dry_run=False)
    timer.stop()
    assert dialog.report is not None and dialog.report.added == 30_000
    assert seen["gui"] is gui and seen["worker"] is not gui and seen["busy"] is True


def test_unreachable_server_from_settings_does_not_lock_the_user_out(
    tmp_path, settings, monkeypatch, file_keyring
):
    import argparse

    from redtour.app import open_database

    monkeypatch.delenv("REDTOUR_DB", raising=False)
    monkeypatch.setenv("REDTOUR_HOME", str(tmp_path / "home"))
    settings.database_url = "postgresql+psycopg://nobody@127.0.0.1:9/redtour"  # nothing listens on port 9
    asked: list[str] = []

    def ask(message: str, url: str):
        asked.append(message)
        return ("password", "x") if len(asked) == 1 else ("local", None)

    db = open_database(argparse.Namespace(db=None), settings, ask)
    try:
        assert len(asked) == 2 and "127.0.0.1" in asked[0] and "x@" not in asked[0]
        assert db is not None and db.is_sqlite and settings.database_url == ""
    finally:
        db.dispose()
    quit_db = open_database(
        argparse.Namespace(db=None), _server_settings(settings), lambda m, u: ("quit", None)
    )
    assert quit_db is None


def _server_settings(settings):
    settings.database_url = "postgresql+psycopg://nobody@127.0.0.1:9/redtour"
    return settings


def test_group_dialog_choosing_a_saved_plan_ticks_its_venues_and_day(qtbot, user_db):
    from redtour.core.planner import Place, PlanRequest, StopRequest
    from redtour.core.saved_request import request_to_dict
    from redtour.storage.plans import PlanRepository
    from redtour.ui.dialogs.group_dialog import GroupDialog

    venues = VenueRepository(user_db).list_venues()
    by_id = {v.id: v for v in venues}
    req = PlanRequest(
        day=date(2026, 12, 2),
        start=Place("人民广场", 31.2304, 121.4737),
        stops=(StopRequest(by_id["beta"]), StopRequest(by_id["alpha"])),
    )
    PlanRepository(user_db).save("周三线", req.day, request_to_dict(req))
    dialog = GroupDialog(ParticipationRepository(user_db), venues, user_db)
    qtbot.addWidget(dialog)
    dialog.plan.setCurrentIndex(1)
    assert sorted(dialog.chosen_venues()) == ["alpha", "beta"]
    assert dialog.day.date().toPython() == date(2026, 12, 2)
