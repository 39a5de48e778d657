"""Two app processes checking in the same group at the same moment: nothing lost, nothing doubled.

Real processes on the backend under test (the SQLite file, or the PostgreSQL server with REDTOUR_TEST_DB),
each running the repository's check-in for overlapping people in opposite orders.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date

from redtour.core.participation import StatsFilter
from redtour.storage.audit import verify_chain
from redtour.storage.participation import ParticipationRepository
from redtour.storage.participation_stats import compute_stats
from redtour.storage.roster_import import import_roster
from tests.importing.test_bad_files import roster_rows, write_csv

WORKER = """
import json, sys, time
from redtour.storage.database import Database
from redtour.storage.participation import ParticipationRepository
url, group, start, order = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
db = Database(url)
repo = ParticipationRepository(db)
people = [e.participant_id for e in repo.roster(group)]
if order == "down":
    people.reverse()
while time.time() < start:
    time.sleep(0.001)
created = []
began = time.time()
for i in range(0, len(people), 10):
    created += repo.checkin(group, people[i : i + 10])
print(json.dumps({"created": created, "began": began, "ended": time.time()}))
db.dispose()
"""


def test_two_processes_check_in_the_same_group_at_once(new_user_db, tmp_path):
    db = new_user_db("shared")
    assert import_roster(db, write_csv(tmp_path / "r.csv", roster_rows(240)), "普陀区总工会").applied
    repo = ParticipationRepository(db)
    group = repo.create_group("普陀区总工会", "同时签到", date(2026, 5, 1), ["alpha", "beta", "gamma"])
    url = db.url.render_as_string(hide_password=False)
    start = time.time() + 2.5  # both processes are up and connected by then
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(group.id), str(start), order],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for order in ("up", "down")
    ]  # fmt: skip
    outputs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err[-3000:]
    results = [json.loads(out) for out, _err in outputs]
    created = [r["created"] for r in results]
    assert max(r["began"] for r in results) < min(r["ended"] for r in results), "the two runs overlapped"
    assert len(created[0]) + len(created[1]) == 240 * 3  # every visit created exactly once …
    assert not set(created[0]) & set(created[1])  # … by one process or the other
    stats = compute_stats(db, StatsFilter(), "venue")
    assert (stats.participants, stats.visits) == (240, 720)
    assert {r.visits for r in stats.rows} == {240}
    assert verify_chain(db) is None  # the audit rows of both processes form one chain
