"""Start-up to a window with its map: ``redtour --exit-after-start``, cold and warm, against an anchor.

    python benchmarks/bench_startup.py [--runs 7] [--source DIR ...] [--bundle build/dist/redtour]

Each run launches a new process. Three figures per run: what the app prints (seconds from ``import redtour``
to the window shown with its map page loaded, the smoke test's figure; and to the catalogue's markers drawn on
it, once the database is open: the app starts in two stages, redtour/app.py), and the wall clock until the
process exits (interpreter start and teardown included; docs/reliability.md). ``cold``: a fresh user
folder every run (new database, empty caches); ``warm``: one user folder, after a first launch. The anchor is
the floor of any QtWebEngine app on this machine in the same minutes: a bare PySide6 process that shows a
QWebEngineView with about:blank and quits on loadFinished. Runs are interleaved (anchor, then each subject),
so a machine that gets busier slows all of them alike; the ratio to the anchor is the figure to compare
between machines. ``--source`` times other source trees too (e.g. the main checkout, for a before/after).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CPU: list[float] = []
PRINTED: list[dict[str, float]] = []  # what the last launch printed: "window" and "catalogue", or "window"
_APP_LINE = re.compile(r"map loaded: True, ([0-9.]+) s after start-up began; catalogue shown ([0-9.]+) s")
_OLDER_APP_LINE = re.compile(r"map loaded: True, ([0-9.]+) s after start-up began$", re.MULTILINE)
_ANCHOR_LINE = re.compile(r"^loaded ([0-9.]+)$", re.MULTILINE)
ANCHOR = """
import sys, time
STARTED = time.perf_counter()
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from PySide6.QtWebEngineWidgets import QWebEngineView
app = QApplication(sys.argv)
view = QWebEngineView()
def loaded(ok):
    print(f"loaded {time.perf_counter() - STARTED:.3f}", flush=True)
    app.quit()
view.loadFinished.connect(loaded)
view.resize(800, 600)
view.show()
view.setUrl(QUrl("about:blank"))
app.exec()
"""


def environment(home: Path, source: Path | None) -> dict[str, str]:
    # As a user's machine runs it (packaging/smoke_test.py does the same): no PYTHON* settings, so bytecode is
    # cached (PYTHONDONTWRITEBYTECODE would recompile every module on every start).
    env = {k: v for k, v in os.environ.items() if not k.startswith(("REDTOUR_", "PYTHON"))}
    env.update(
        REDTOUR_HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),  # the settings file too: no earlier choices leak in
        QT_QPA_PLATFORM="offscreen",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        QTWEBENGINE_CHROMIUM_FLAGS="--disable-gpu --no-sandbox",
    )
    if source is not None:
        env["PYTHONPATH"] = str(source)
    return env


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def launch(cmd: list[str], env: dict[str, str], expect: str | None) -> float:
    """Wall-clock seconds; the CPU seconds it used (with its web engine processes) go to CPU[-1]."""
    cpu0, t0 = children_cpu(), time.perf_counter()
    # cwd: the user folder, as `python -m` puts the current folder first on sys.path (it must not pick a tree)
    home = env["REDTOUR_HOME"]
    os.makedirs(home, exist_ok=True)
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=home)
    seconds = time.perf_counter() - t0
    CPU.append(children_cpu() - cpu0)
    app, older = _APP_LINE.search(done.stdout), _OLDER_APP_LINE.search(done.stdout)
    anchor = _ANCHOR_LINE.search(done.stdout)
    if app is not None:
        PRINTED.append({"window": float(app.group(1)), "catalogue": float(app.group(2))})
    elif (
        older is not None
    ):  # a tree from before the two-stage start: one figure, the whole window with its map
        PRINTED.append({"window": float(older.group(1))})
    elif anchor is not None:
        PRINTED.append({"page": float(anchor.group(1))})
    else:
        PRINTED.append({})
    if done.returncode != 0 or (expect is not None and expect not in done.stdout):
        raise SystemExit(
            f"{' '.join(cmd)} failed ({done.returncode}): {done.stdout[-500:]} {done.stderr[-1500:]}"
        )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--source", type=Path, action="append", default=[], help="another source tree to time"
    )
    parser.add_argument(
        "--bundle", type=Path, help="a PyInstaller bundle folder (build/dist/redtour) to time"
    )
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="redtour-bench-startup-"))
    ok = "main window shown: True, map loaded: True"
    subjects: dict[str, tuple[list[str], Path | None]] = {}
    for tree in [ROOT, *args.source]:
        label = "source" if tree == ROOT else f"source {tree}"
        subjects[label] = ([sys.executable, "-m", "redtour", "--exit-after-start"], tree.resolve())
    if args.bundle is not None:
        subjects["bundle"] = ([str(args.bundle.resolve() / "redtour"), "--exit-after-start"], None)

    times: dict[str, list[float]] = {"anchor, page loaded": [], "anchor, to exit": []}
    cpu: dict[str, list[float]] = {}
    warm_homes = {}
    for label, (cmd, tree) in subjects.items():  # the warm folders get their first launch now
        warm_homes[label] = work / f"warm-{len(warm_homes)}"
        launch(cmd, environment(warm_homes[label], tree), ok)
        for kind in ("cold", "warm"):
            for figure in ("window with map", "catalogue shown", "to exit"):
                times[f"{label}, {kind}, {figure}"] = []
            cpu[f"{label}, {kind}, to exit"] = []
    cpu["anchor, to exit"] = []

    def record(name: str, seconds: float) -> None:
        printed = PRINTED[-1]
        times[f"{name}, to exit"].append(seconds)
        cpu[f"{name}, to exit"].append(CPU[-1])
        for key, figure in (
            ("page", "page loaded"),
            ("window", "window with map"),
            ("catalogue", "catalogue shown"),
        ):
            if key in printed:
                times[f"{name}, {figure}"].append(printed[key])

    for run in range(args.runs):
        record("anchor", launch([sys.executable, "-c", ANCHOR], environment(work / "anchor", None), "loaded"))
        for label, (cmd, tree) in subjects.items():
            cold = work / f"cold-{run}-{label.replace('/', '_')}"
            record(f"{label}, cold", launch(cmd, environment(cold, tree), ok))
            shutil.rmtree(cold, ignore_errors=True)
            record(f"{label}, warm", launch(cmd, environment(warm_homes[label], tree), ok))
    shutil.rmtree(work, ignore_errors=True)

    anchor = {
        "printed": statistics.median(times["anchor, page loaded"]),
        "exit": statistics.median(times["anchor, to exit"]),
    }
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"start-up to window with map — {args.runs} runs each, {os.cpu_count()} cores, load average {load}")
    print(f"{'subject':<46} {'median':>7} {'min':>6} {'max':>6} {'÷ anchor':>8} {'CPU s':>6}")
    for label, values in times.items():
        if not values:  # a figure this subject does not print (an older tree: no catalogue figure)
            continue
        base = anchor["exit"] if label.endswith("to exit") else anchor["printed"]
        median = statistics.median(values)
        used = f"{statistics.median(cpu[label]):>6.2f}" if label in cpu else ""
        print(
            f"{label:<46} {median:>6.2f}s {min(values):>5.2f}s {max(values):>5.2f}s {median / base:>7.1f}× {used}"
        )
    print("anchor: bare PySide6 + QWebEngineView showing about:blank, same interpreter, same minutes;")
    print(
        "  'page loaded' is what it prints at loadFinished (from its first line), the printed figures' anchor;"
    )
    print("  'to exit' the wall clock of the process, the anchor of the subjects' 'to exit'")
    print(
        "window with map: the smoke test's figure; catalogue shown: the database open and its markers drawn"
    )
    print("CPU s: median user+system seconds of the process and the web engine processes it waited for")


if __name__ == "__main__":
    main()
