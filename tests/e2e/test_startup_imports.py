"""What the app imports on its way to the window with its map (issue 15: start-up ≤ 1.2 s).

The start is timed in benchmarks/bench_startup.py; here only what it loads, read from ``python -X importtime``
of a real ``redtour --exit-after-start`` in a fresh user folder, then again in the same folder.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from tests.conftest import ON_POSTGRES

#: Never needed to show the window: the solver, the Word and Excel writers.
NEVER = ("ortools", "docx", "docxtpl", "openpyxl")
#: Needed only on a first start (folium, with jinja2 and pandas, builds the map page for the cache; alembic
#: creates the database), or to sort a name outside the bundled pinyin table.
FIRST_START_ONLY = ("folium", "branca", "jinja2", "pandas", "numpy", "alembic", "pypinyin")
#: Tabs built when first opened (ui/main_window.py): the statistics page (QtCharts) and the campaign page.
LAZY_TABS = ("redtour.ui.pages.stats_page", "redtour.ui.pages.campaign_page", "PySide6.QtCharts")
_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s+(\S+)$", re.MULTILINE)


def started(home) -> set[str]:
    env = {**os.environ, "REDTOUR_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "redtour", "--exit-after-start"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "main window shown: True, map loaded: True" in done.stdout
    full = set(_LINE.findall(done.stderr))
    modules = {name.split(".")[0] for name in full}
    assert "redtour" in modules and "PySide6" in modules  # the parse saw the start
    assert "redtour.ui.pages.sites_page" in full
    assert not full & set(LAZY_TABS), full & set(LAZY_TABS)
    return modules


@pytest.mark.skipif(ON_POSTGRES, reason="the local database file is what a start creates and migrates")
def test_start_up_leaves_the_heavy_modules_unloaded(tmp_path):
    first = started(tmp_path)
    assert not first & set(NEVER), first & set(NEVER)
    assert {"folium", "alembic"} <= first  # the first start builds the page and the database
    again = started(tmp_path)
    assert not again & {*NEVER, *FIRST_START_ONLY}, again & {*NEVER, *FIRST_START_ONLY}


def test_the_collector_is_back_on_once_the_window_is_up(tmp_path):
    """Start-up runs with the cyclic GC off (redtour/app.py); the app must not keep running without it."""
    code = (
        "import gc\nfrom redtour.cli import main\n"
        "from redtour import app\n"
        "from PySide6.QtCore import QTimer\n"
        "report = app._report_start\n"
        "def check(qapp, window):\n"
        "    def attached():\n"
        "        QTimer.singleShot(0, lambda: print('collector on once attached:', gc.isenabled(), flush=True))\n"
        "    window.databaseAttached.connect(attached)\n"
        "    report(qapp, window)\n"
        "app._report_start = check\n"
        "main(['--exit-after-start'])\n"
    )
    env = {**os.environ, "REDTOUR_HOME": str(tmp_path), "REDTOUR_START_DEADLINE": "0"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "collector on once attached: True" in done.stdout
    assert "map loaded: True" in done.stdout


def test_the_frame_of_the_window_loads_no_storage_layer():
    """The window's frame is shown while a helper thread imports the storage layer (redtour/app.py): the frame's
    modules must not import SQLAlchemy themselves, and the helper thread must not import Qt (a Qt call there
    while the GUI thread waits for the interpreter lock can deadlock)."""
    code = (
        "import sys\n"
        "import redtour.ui.main_window, redtour.ui.map.map_view, redtour.ui.settings, redtour.ui.i18n\n"
        "print('frame:', sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'"
        " or m.startswith('redtour.storage.') and m != 'redtour.storage.changes'))\n"
    )
    frame = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "frame: []" in frame.stdout, frame.stdout
    from redtour.app import BACKGROUND_IMPORTS

    code = (
        "import importlib, sys\n"
        f"for name in {BACKGROUND_IMPORTS!r}: importlib.import_module(name)\n"
        "print('helper:', sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
        "print('storage loaded:', 'redtour.storage.venues' in sys.modules and 'sqlalchemy.orm' in sys.modules)\n"
    )
    helper = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "helper: []" in helper.stdout, helper.stdout
    assert "storage loaded: True" in helper.stdout
