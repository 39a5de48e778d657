"""The participation commands as a user runs them, and a kill -9 in the middle of a large import."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from tests.e2e.test_cli_sites import run
from tests.importing.test_bad_files import roster_rows, write_csv


def test_roster_checkin_stats_export_import(tmp_path):
    rows = list(roster_rows(40))
    rows.insert(0, ["2026年第一批红色寻访报名表"])
    rows[8][1] = "139123"  # sheet row 9
    bad = write_csv(tmp_path / "bad.csv", rows)
    out = run(tmp_path, "roster", "import", str(bad), "--union", "普陀区总工会", "--format", "json")
    assert out.returncode == 1
    report = json.loads(out.stdout)
    assert (report["added"], report["merged"], report["applied"]) == (39, 0, False)
    assert report["errors"] == [{"row": 9, "reason": "手机号无效：139123"}]
    rows[8][1] = "13912345678"
    good = write_csv(tmp_path / "good.csv", rows)
    out = run(tmp_path, "roster", "import", str(good), "--union", "普陀区总工会", "--format", "json")
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout)["added"] == 40
    again = json.loads(
        run(tmp_path, "roster", "import", str(good), "--union", "普陀区总工会", "--format", "json").stdout
    )
    assert (again["added"], again["merged"], again["repeated_file"]) == (0, 40, True)

    made = run(
        tmp_path,
        "group",
        "create",
        "--union",
        "普陀区总工会",
        "--name",
        "第一批",
        "--date",
        "2026-05-01",
        "--sites",
        "顾正红纪念馆,沪西工人半日学校",
    )
    assert made.returncode == 0, made.stderr.decode()
    signin = write_csv(
        tmp_path / "signin.csv", [["姓名", "手机号"], [rows[2][0], rows[2][1]], [rows[3][0], ""]]
    )
    out = run(tmp_path, "checkin", "--group", "第一批", "--file", str(signin), "--format", "json")
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout)["visits"] == 4
    assert run(tmp_path, "checkin", "--group", "1", "--all").returncode == 0
    stats = json.loads(run(tmp_path, "stats", "--by", "venue", "--format", "json").stdout)
    assert (stats["participants"], stats["visits"]) == (40, 80)
    assert {r["label"] for r in stats["rows"]} == {"顾正红纪念馆", "沪西工人半日学校史料陈列馆"}
    filtered = json.loads(
        run(
            tmp_path,
            "stats",
            "--venue",
            "顾正红纪念馆",
            "--from",
            "2026-05-01",
            "--to",
            "2026-05-01",
            "--format",
            "json",
        ).stdout
    )
    assert filtered["visits"] == 40
    xlsx = tmp_path / "log.xlsx"
    out = run(tmp_path, "export", "--format", "xlsx", "--out", str(xlsx), "--union", "普陀区总工会")
    assert out.returncode == 0 and xlsx.exists(), out.stderr.decode()
    imported = run(tmp_path / "office2", "import", str(xlsx), "--format", "json")
    assert imported.returncode == 0, imported.stderr.decode()
    assert json.loads(imported.stdout)["added"] == 80
    other = json.loads(run(tmp_path / "office2", "stats", "--by", "venue", "--format", "json").stdout)
    assert other == stats


def test_help_texts_name_the_commands(tmp_path):
    out = run(tmp_path, "--help").stdout.decode()
    for command in ("roster", "checkin", "stats", "export", "import"):
        assert command in out
    assert "--full-phone" in run(tmp_path, "export", "--help").stdout.decode()


# Runs `redtour …` (its __main__) in a process that stops at a chosen point of the import's write transaction,
# says where on stdout and waits on stdin: the test kills it there, so every kill lands where it is meant to.
HOLDING_CLI = """
import runpy, sys
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.pool import Pool
stop_at, inserts = sys.argv.pop(1), 0

def hold(where):
    print(where, flush=True)
    sys.stdin.readline()  # never answered: SIGKILL arrives here

@event.listens_for(Engine, "after_cursor_execute")
def _after(conn, cursor, statement, params, context, executemany):
    global inserts
    if statement.startswith("INSERT INTO participant "):
        inserts += 1
        if stop_at == f"insert {inserts}":
            hold(stop_at)

@event.listens_for(Engine, "commit")  # before the COMMIT is sent
def _commit(conn):
    if stop_at == "before commit" and inserts:
        hold(stop_at)

@event.listens_for(Pool, "checkin")  # the connection handed back once the transaction is over
def _checkin(dbapi_con, record):
    if stop_at == "after commit" and inserts:
        hold(stop_at)

sys.argv = ["redtour", *sys.argv[1:]]
runpy.run_module("redtour", run_name="__main__")
"""


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("stop_at", "kept"), [("insert 3", False), ("before commit", False), ("after commit", True)]
)
def test_kill_9_during_import_leaves_none_or_all(tmp_path, stop_at, kept):
    """reliability.md §1.6: SIGKILL inside a large import's transaction leaves no partial roster, and a kill
    right after its commit loses nothing."""
    n = 5_000  # five INSERT batches of 1,000
    big = write_csv(tmp_path / "big.csv", roster_rows(n))
    home = tmp_path / "home"
    db = home / "k.db"
    assert run(tmp_path, "--db", str(db), "groups").returncode == 0  # create and migrate first
    args = ["--db", str(db), "roster", "import", str(big), "--union", "普陀区总工会"]
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDING_CLI, stop_at, *args],
        env={**os.environ, "REDTOUR_HOME": str(home)},
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == stop_at, proc.stderr.read() if proc.stderr else ""
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        count = con.execute("SELECT COUNT(*) FROM participant").fetchone()[0]
        batches = con.execute("SELECT COUNT(*) FROM import_batch").fetchone()[0]
    assert (count, batches) == ((n, 1) if kept else (0, 0))
    out = run(tmp_path, *args)  # the import, run again to the end, completes or merges without duplicates
    assert out.returncode == 0, out.stderr.decode()
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM participant").fetchone()[0] == n


def test_exchange_package_between_two_offices(tmp_path):
    office_a, office_b = tmp_path / "a", tmp_path / "b"
    roster = write_csv(tmp_path / "r.csv", roster_rows(12))
    assert run(office_a, "roster", "import", str(roster), "--union", "静安区总工会").returncode == 0
    assert run(office_a, "group", "create", "--union", "静安区总工会", "--name", "一队", "--date", "2026-06-02",
               "--sites", "中国劳动组合书记部旧址陈列馆").returncode == 0  # fmt: skip
    assert run(office_a, "checkin", "--group", "一队", "--all").returncode == 0
    pkg = tmp_path / "jingan.zip"
    out = run(office_a, "exchange", "export", "--union", "静安区总工会", "--out", str(pkg))
    assert out.returncode == 0, out.stderr.decode()
    for expected_added in (12, 0):  # the second import changes nothing
        out = run(office_b, "exchange", "import", str(pkg), "--format", "json")
        assert out.returncode == 0, out.stderr.decode()
        report = json.loads(out.stdout)
        assert report["applied"] and report["added"]["visits"] == expected_added
    stats_a = json.loads(run(office_a, "stats", "--by", "union", "--format", "json").stdout)
    stats_b = json.loads(run(office_b, "stats", "--by", "union", "--format", "json").stdout)
    assert stats_a == stats_b and stats_a["visits"] == 12


def test_group_from_a_saved_plan_takes_its_venues_and_day(tmp_path):
    saved = run(
        tmp_path,
        "plan",
        "--date",
        "2026-12-02",
        "--start",
        "31.2304,121.4737",
        "--sites",
        "顾正红纪念馆,三山会馆",
        "--format",
        "json",
        "--save",
        "周三线",
    )
    assert saved.returncode == 0, saved.stderr.decode()
    planned = [s["venue_id"] for s in json.loads(saved.stdout)["stops"]]
    made = run(tmp_path, "group", "create", "--union", "普陀区总工会", "--name", "第二批", "--plan", "周三线")
    assert made.returncode == 0, made.stderr.decode()
    (group,) = json.loads(run(tmp_path, "groups", "--format", "json").stdout)
    assert group["date"] == "2026-12-02"
    assert sorted(group["venues"]) == sorted(planned) and len(planned) == 2
