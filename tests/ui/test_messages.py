import logging
import os
import subprocess
import sys

from redtour.logsetup import log_file, setup_logging
from redtour.ui import messages
from tests.conftest import REPO


def test_error_dialog_names_the_log_file(qtbot):
    box = messages.error_box(None, "无法打开数据库", "Traceback …")
    qtbot.addWidget(box)
    assert box.text() == "无法打开数据库"
    assert str(log_file()) in box.informativeText()
    assert box.detailedText() == "Traceback …"


def test_unexpected_exceptions_are_logged_and_shown(qtbot, monkeypatch):
    setup_logging()
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, msg, details="": shown.append((msg, details)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    messages.install_excepthook()
    try:
        raise ValueError("坏数据")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert shown and "意外错误（ValueError）" in shown[0][0] and "坏数据" in shown[0][1]
    assert "Traceback" in shown[0][1] and "unhandled exception" in log_file().read_text(encoding="utf-8")


def test_database_errors_reach_the_dialog_and_log_without_personal_data(qtbot, monkeypatch, tmp_path):
    """Finding 8: a write-protected database; the driver's text is named, the row's values are not."""
    from sqlalchemy import text

    from redtour.storage.database import Database

    setup_logging()
    path = tmp_path / "ro.db"
    db = Database(f"sqlite:///{path}")
    with db.writing() as s:
        s.execute(text("create table p(name text, mobile text)"))
    db.dispose()
    ro = Database(f"sqlite:///file:{path}?mode=ro&uri=true")
    shown = []
    monkeypatch.setattr(messages, "show_error", lambda parent, msg, details="": shown.append((msg, details)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    messages.install_excepthook()
    name, mobile = "王" + "秘密", "139" + "87654321"  # built here: the traceback quotes this source line
    try:
        with ro.writing() as s:
            s.execute(text("insert into p values (:n, :m)"), {"n": name, "m": mobile})
    except Exception:
        sys.excepthook(*sys.exc_info())
    ro.dispose()
    for handler in logging.getLogger().handlers:
        handler.flush()
    log = log_file().read_text(encoding="utf-8")
    assert shown and "只读" in shown[0][0]
    for where in (shown[0][0], shown[0][1], log):
        assert "13987654321" not in where and "王秘密" not in where


def test_the_whole_app_starts_headless_and_grabs_a_screenshot(tmp_path):
    out = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "screenshot.py"), "--out", str(out), "--wait-ms", "200"],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "REDTOUR_HOME": str(tmp_path / "home")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size > 20_000
    assert (tmp_path / "home" / "data" / "redtour.db").exists()


def test_user_guide_dialog_renders_the_chinese_guide(qtbot):
    from redtour import paths
    from redtour.ui.dialogs.guide_dialog import GuideDialog

    dialog = GuideDialog(paths.install_root() / "docs" / "user-guide.md")
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    assert "行程规划" in text and "参与记录" in text and "#" not in text.splitlines()[0]
