"""`redtour campaign update` as a user runs it: a real process on a real database."""

from __future__ import annotations

from tests.e2e.test_cli_campaign import create, listing, rows
from tests.e2e.test_cli_sites import run
from tests.importing.test_bad_files import write_csv


def test_update_changes_name_dates_and_target_and_refuses_clearly(tmp_path):
    create(tmp_path)
    sheet = write_csv(tmp_path / "r.csv", rows())
    assert run(tmp_path, "campaign", "import", str(sheet), "--campaign", "冬季寻访").returncode == 0
    out = run(tmp_path, "campaign", "update", "--campaign", "冬季寻访", "--name", "冬季寻访二期", "--to",
              "2027-01-10", "--target", "400")  # fmt: skip
    assert out.returncode == 0, out.stderr.decode()
    assert "已修改活动 1：冬季寻访二期（2026-12-07—2027-01-10，目标 400 人）" in out.stdout.decode()
    [c] = listing(tmp_path)
    assert (c["name"], c["target"]) == ("冬季寻访二期", 400)
    # The groups ask for up to 12-18: a campaign ending earlier is refused, and nothing changes.
    bad = run(tmp_path, "campaign", "update", "--campaign", "1", "--to", "2026-12-15")
    assert bad.returncode == 2 and "2 个团队的日期超出新的活动日期" in bad.stderr.decode()
    backwards = run(tmp_path, "campaign", "update", "--campaign", "1", "--from", "2027-02-01")
    assert backwards.returncode == 2 and "早于开始日期" in backwards.stderr.decode()
    cleared = run(tmp_path, "campaign", "update", "--campaign", "1", "--target", "0")
    assert cleared.returncode == 0 and "目标" not in cleared.stdout.decode()
    [c] = listing(tmp_path)
    assert (c["name"], c["target"], c["from"], c["to"]) == ("冬季寻访二期", None, "2026-12-07", "2027-01-10")
