"""Two app processes checking in the same group at the same moment: nothing lost, nothing doubled.

Real processes on the backend under test (the SQLite file, or the PostgreSQL server with REDTOUR_TEST_DB),
each running the repository's check-in for overlapping people in opposite orders.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

from redtour.core.participation import StatsFilter
from redtour.storage.audit import verify_chain
from redtour.storage.participation import ParticipationRepository
from redtour.storage.participation_stats import compute_stats
from redtour.storage.roster_import import import_roster
from tests.importing.test_bad_files import roster_rows, write_csv

# Each process says where it is on stdout and waits on stdin for the test's go-ahead: both are connected before
# either writes, and neither goes past its first check-in until both have made one, so the runs overlap by
# construction, not by the clock; after that they race freely.
WORKER = """
import json, sys
from redtour.storage.database import Database
from redtour.storage.participation import ParticipationRepository
url, group, order = sys.argv[1], int(sys.argv[2]), sys.argv[3]
db = Database(url)
repo = ParticipationRepository(db)
people = [e.participant_id for e in repo.roster(group)]
if order == "down":
    people.reverse()
batches = [people[i : i + 10] for i in range(0, len(people), 10)]
print("ready", flush=True)
sys.stdin.readline()
created = repo.checkin(group, batches[0])
print("started", flush=True)
sys.stdin.readline()
for batch in batches[1:]:
    created += repo.checkin(group, batch)
print(json.dumps({"created": created}), flush=True)
db.dispose()
"""


def step(procs: list[subprocess.Popen[str]], expected: str) -> None:
    """Wait until every process has said ``expected``, then let them all go on."""
    for p in procs:
        assert p.stdout is not None and p.stdin is not None
        said = p.stdout.readline().strip()
        assert said == expected, (said, p.stderr.read() if p.stderr else "")
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()


def test_two_processes_check_in_the_same_group_at_once(new_user_db, tmp_path):
    db = new_user_db("shared")
    assert import_roster(db, write_csv(tmp_path / "r.csv", roster_rows(240)), "普陀区总工会").applied
    repo = ParticipationRepository(db)
    group = repo.create_group("普陀区总工会", "同时签到", date(2026, 5, 1), ["alpha", "beta", "gamma"])
    url = db.url.render_as_string(hide_password=False)
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, url, str(group.id), order],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for order in ("up", "down")
    ]  # fmt: skip
    step(procs, "ready")  # both connected, neither has written
    step(procs, "started")  # both have checked in their first ten: the two runs overlap
    outputs = [p.communicate(timeout=120) for p in procs]
    for p, (_out, err) in zip(procs, outputs, strict=True):
        assert p.returncode == 0, err[-3000:]
    created = [json.loads(out)["created"] for out, _err in outputs]
    assert all(len(c) >= 30 for c in created)  # each wrote at least its first ten people's visits
    assert len(created[0]) + len(created[1]) == 240 * 3  # every visit created exactly once …
    assert not set(created[0]) & set(created[1])  # … by one process or the other
    stats = compute_stats(db, StatsFilter(), "venue")
    assert (stats.participants, stats.visits) == (240, 720)
    assert {r.visits for r in stats.rows} == {240}
    assert verify_chain(db) is None  # the audit rows of both processes form one chain
