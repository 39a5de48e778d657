"""Findings 4 and 8: damaged packages and failing databases give one Chinese sentence and the exit status
of their class (README "Exit status"), never a traceback and never a name or mobile number."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import zipfile

import pytest
from sqlalchemy import create_engine, text

from redtour.cli import main
from redtour.storage.database import sqlite_url
from tests.conftest import REPO
from tests.hardening.packages import edited, read_parts, snapshot, valid_package, write_package


@pytest.fixture
def office(tmp_path, fixture_catalogue, monkeypatch):
    """An office's database file, reached through --db as a user would."""
    from redtour.storage.bootstrap import open_user_database

    path = tmp_path / "office" / "redtour.db"
    db = open_user_database(sqlite_url(path), bundle=fixture_catalogue)
    monkeypatch.setattr("redtour.paths.bundled_catalogue_db", lambda: fixture_catalogue)
    pkg = valid_package(db, tmp_path)
    db.dispose()
    return path, pkg


def cli(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    err = capsys.readouterr().err
    return code, err


def rezip(pkg, out, entries):
    """A copy of ``pkg`` with some entries' bytes or ZipInfo replaced."""
    with zipfile.ZipFile(pkg) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            info2, data = entries.get(info.filename, (info, src.read(info)))
            dst.writestr(info2, data)
    return out


def damage_cases(pkg, tmp):
    manifest, parts = read_parts(pkg)
    raw = {
        p: b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows)
        for p, rows in parts.items()
    }
    yield (
        "malformed line",
        write_package(tmp / "a.zip", manifest, raw | {"visits": raw["visits"] + b"{oops\n"}),
    )
    yield "a list", write_package(tmp / "b.zip", manifest, raw | {"visits": raw["visits"] + b"[1, 2]\n"})
    yield "string version", edited(pkg, tmp / "c.zip", lambda m, p: m.update(version="1"))
    yield (
        "manifest not json",
        rezip(pkg, tmp / "d.zip", {"manifest.json": (zipfile.ZipInfo("manifest.json"), b"{no")}),
    )
    link = zipfile.ZipInfo("visits.jsonl")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    yield "symlink entry", rezip(pkg, tmp / "e.zip", {"visits.jsonl": (link, b"/etc/passwd")})
    (tmp / "dir.zip").mkdir()
    yield "a directory", tmp / "dir.zip"
    with zipfile.ZipFile(pkg) as z:
        info = z.getinfo("participants.jsonl")
        start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    good = bytearray(pkg.read_bytes())
    for i in range(start + 10, start + 60):
        good[i] ^= 0x5A
    (tmp / "f.zip").write_bytes(bytes(good))
    yield "corrupt deflate stream", tmp / "f.zip"
    yield "truncated", _truncated(pkg, tmp / "g.zip")
    yield "not a zip", _write(tmp / "h.zip", b"PK\x03\x04garbage")


def _truncated(pkg, out):
    out.write_bytes(pkg.read_bytes()[: pkg.stat().st_size // 2])
    return out


def _write(path, data):
    path.write_bytes(data)
    return path


def test_damaged_packages_are_one_sentence_and_exit_2(office, capsys, tmp_path):
    db, pkg = office
    (tmp_path / "cases").mkdir()
    for label, bad in damage_cases(pkg, tmp_path / "cases"):
        code, err = cli(capsys, "--db", str(db), "exchange", "import", str(bad))
        assert code == 2, (label, err)
        assert err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err, (label, err)


def test_invalid_records_are_listed_by_part_and_line_with_exit_1(office, capsys, tmp_path):
    db, pkg = office

    def wreck(_m, parts):
        del parts["visits"][0]["participant"]
        parts["visits"][1]["venue"] = ["alpha"]
        parts["visits"][2]["day"] = "2026-13-01"
        parts["participants"][-1]["union"] = "00000000-0000-4000-8000-000000000000"

    code = main(["--db", str(db), "exchange", "import", str(edited(pkg, tmp_path / "w.zip", wreck))])
    out = capsys.readouterr().out
    assert code == 1
    assert "participants.jsonl 第 40 行：工会编号 00000000… 不在交换包中" in out
    assert "visits.jsonl 第 1 行：人员编号应为 UUID" in out
    assert "visits.jsonl 第 2 行：场馆编号无效" in out
    assert "visits.jsonl 第 3 行：日期无效：2026-13-01" in out


def test_a_read_only_database_is_named_and_no_personal_data_is_printed(office, capsys, tmp_path):
    db, _ = office
    roster = tmp_path / "r.csv"
    roster.write_text("姓名,手机号\n王秘密,13987654321\n", encoding="utf-8")
    code, err = cli(capsys, "--db", f"sqlite:///file:{db}?mode=ro&uri=true", "roster", "import", str(roster),
                    "--union", "普陀区总工会")  # fmt: skip
    assert code == 4 and "只读" in err, err
    assert "王秘密" not in err and "13987654321" not in err and "Traceback" not in err
    from redtour.logsetup import log_file

    log = log_file().read_text(encoding="utf-8") if log_file().exists() else ""
    assert "13987654321" not in log and "王秘密" not in log


def test_a_full_sqlite_database_is_named_as_a_full_disk_without_parameters(tmp_path):
    from redtour.failures import describe

    engine = create_engine(sqlite_url(tmp_path / "small.db"), hide_parameters=True)
    with engine.connect() as conn:
        conn.exec_driver_sql("create table t(name text, mobile text)")
        conn.exec_driver_sql(
            "PRAGMA max_page_count=3"
        )  # the file cannot grow: SQLITE_FULL, as on a full disk
        with pytest.raises(Exception) as caught:
            conn.execute(
                text("insert into t values (:n, :m)"), [{"n": "王秘密" * 500, "m": "13987654321"}] * 50
            )
    engine.dispose()
    message, code = describe(caught.value)
    assert code == 5 and "磁盘空间不足" in message
    assert "13987654321" not in str(caught.value) and "王秘密" not in str(caught.value)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_disk_is_exit_5_with_a_sentence(tmp_path):
    env = {**os.environ, "REDTOUR_HOME": str(tmp_path / "home"), "PYTHONPATH": str(REPO)}
    with open("/dev/full", "wb") as full:
        out = subprocess.run([sys.executable, "-m", "redtour", "sites", "--format", "csv"], stdout=full,
                             stderr=subprocess.PIPE, env=env, cwd=REPO, timeout=120, check=False)  # fmt: skip
    err = out.stderr.decode()
    assert out.returncode == 5 and "磁盘空间不足" in err and "Traceback" not in err, err


@pytest.mark.parametrize("db", ["mysql://u:p@localhost/redtour", "sqlite:///{tmp}/notsqlite.db"])
def test_unsupported_urls_and_non_sqlite_files_exit_4(capsys, tmp_path, db):
    (tmp_path / "notsqlite.db").write_text("名单\n" * 100, encoding="utf-8")
    code, err = cli(capsys, "--db", db.format(tmp=tmp_path), "groups")
    assert code == 4 and err.startswith("错误：") and "Traceback" not in err, err
    assert "u:p" not in err


def test_usage_errors_are_bad_input(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["plan", "--date", "tomorrow"])
    assert caught.value.code == 1


def test_nothing_is_written_when_a_package_is_refused(office, tmp_path, capsys):
    from redtour.storage.bootstrap import open_user_database

    db_path, pkg = office
    db = open_user_database(sqlite_url(db_path))
    before = snapshot(db)
    db.dispose()
    for _label, bad in damage_cases(pkg, _fresh(tmp_path / "again")):
        main(["--db", str(db_path), "exchange", "import", str(bad)])
    db = open_user_database(sqlite_url(db_path))
    assert snapshot(db) == before
    db.dispose()


def _fresh(path):
    path.mkdir()
    return path


def test_help_lists_the_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for line in ("1  bad input", "2  damaged", "3  infeasible", "4  database unavailable", "5  cannot write"):
        assert line in out
