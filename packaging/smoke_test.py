"""Smoke-test the built bundle as a user's PC would run it: headless, no network, a fresh user folder.

    python packaging/smoke_test.py [build/dist/redtour]

Checks: the version; the bundled catalogue opens into a new user database; the map renders to PNG with the
network cut off (``unshare -rn`` where the kernel allows it); a roster round trip (template → import → stats);
the window opens with its map (time from launch quoted); nothing is written into the install folder.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

STARTED_LINE = re.compile(r"map loaded: True, ([0-9.]+) s after start-up began; catalogue shown ([0-9.]+) s")
ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> set[tuple[str, int]]:
    return {(str(p.relative_to(folder)), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def main() -> int:
    bundle = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build" / "dist" / "redtour").resolve()
    exe = bundle / "redtour"
    home = Path(tempfile.mkdtemp(prefix="redtour-smoke-"))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("REDTOUR_", "PYTHON"))},
        "REDTOUR_HOME": str(home / "user"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu --no-sandbox",
    }
    offline: list[str] = []
    if (
        shutil.which("unshare")
        and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0
    ):
        offline = ["unshare", "-rn"]  # a new network namespace: not even loopback is up
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    print(
        f"bundle {bundle} ({size / 2**20:.0f} MB); "
        f"network: {'cut off (unshare -rn)' if offline else 'present (unshare not permitted here)'}"
    )
    before = snapshot(bundle)
    failures: list[str] = []

    def run(*args: str, net: bool = False) -> subprocess.CompletedProcess[str]:
        cmd = ([] if net else offline) + [str(exe), *args]
        t = time.perf_counter()
        result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=home)
        print(f"  $ redtour {' '.join(args)}  → exit {result.returncode} in {time.perf_counter() - t:.2f} s")
        if result.returncode != 0:
            failures.append(f"redtour {' '.join(args)}: exit {result.returncode}\n{result.stderr[-2000:]}")
        return result

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    out = run("--version")
    if version not in out.stdout:
        failures.append(f"--version printed {out.stdout!r}, expected {version}")
    fonts = list(bundle.rglob("resources/fonts/NotoSansSC-*.ttf"))
    if len(fonts) != 2:
        failures.append(f"the bundled Chinese fonts are missing (found {fonts})")
    sites = json.loads(run("sites", "--format", "json").stdout or "[]")
    if len(sites) < 8:
        failures.append(f"catalogue has {len(sites)} venues")
    if not (home / "user" / "data" / "redtour.db").is_file():
        failures.append("no user database was created in the fresh user folder")
    png = home / "map.png"
    run("map", "--out", str(png), "--width", "1000", "--height", "750")
    if not png.is_file() or png.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n" or png.stat().st_size < 50_000:
        failures.append(f"map PNG missing or blank ({png.stat().st_size if png.exists() else 0} bytes)")
    else:
        print(f"  map.png {png.stat().st_size // 1024} KB")
    template = home / "roster.xlsx"
    run("roster", "template", "--out", str(template))
    run("roster", "import", str(template), "--union", "冒烟测试工会", "--format", "json")
    stats = json.loads(run("stats", "--format", "json").stdout or "{}")
    if stats.get("participants") != 0:
        failures.append(f"stats on a fresh database: {stats}")
    times, printed = [], []
    for _ in range(3):
        t = time.perf_counter()
        shown = run("--exit-after-start")
        times.append(time.perf_counter() - t)
        if "main window shown: True, map loaded: True" not in shown.stdout:
            failures.append(f"window/map did not come up: {shown.stdout!r}")
            break
        figures = STARTED_LINE.search(shown.stdout)
        if figures is not None:
            printed.append((float(figures.group(1)), float(figures.group(2))))
    if printed:  # the app's own figures: from `import redtour` (redtour/app.py, _report_start)
        print(
            "  window with its map: "
            + ", ".join(f"{w:.2f} s" for w, _ in printed)
            + "; catalogue shown: "
            + ", ".join(f"{c:.2f} s" for _, c in printed)
        )
    if times:
        print(
            f"  launch → window shown with its map, then quit: best {min(times):.2f} s, "
            f"worst {max(times):.2f} s (target < 3 s)"
        )
    written = {name for name, _ in snapshot(bundle) - before}
    if written:
        failures.append(f"files written into the install folder: {sorted(written)[:10]}")
    shutil.rmtree(home, ignore_errors=True)
    if failures:
        print("SMOKE TEST FAILED:\n- " + "\n- ".join(failures))
        return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
