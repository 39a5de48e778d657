"""Synthetic participation data for benchmarks and screenshots: unions, people, groups and visits.

Written straight through sqlite3 in one transaction (≈300k rows/s; perf-baselines.md) into a database
that redtour created and migrated, so the schema, indexes and triggers are the real ones.
"""

from __future__ import annotations

import random
import sqlite3
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

DISTRICTS = [
    "黄浦区",
    "徐汇区",
    "长宁区",
    "静安区",
    "普陀区",
    "虹口区",
    "杨浦区",
    "闵行区",
    "宝山区",
    "嘉定区",
    "浦东新区",
    "金山区",
    "松江区",
    "青浦区",
    "奉贤区",
    "崇明区",
]
INDUSTRIES = ["机电", "建设", "教育", "卫生", "交通", "金融", "商贸", "化工", "纺织", "邮政"]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国晓东海燕志文斌宇浩凯"


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class _Postgres:
    """The same inserts on PostgreSQL: rows are streamed with COPY (psycopg), in one transaction."""

    def __init__(self, url: str) -> None:
        import psycopg
        from sqlalchemy.engine import make_url

        u = make_url(url)
        self.con = psycopg.connect(
            host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database
        )
        self.cur = self.con.cursor()

    def execute(self, sql: str, row: tuple[object, ...] = ()) -> None:
        self.executemany(sql, [row])

    def executemany(self, sql: str, rows: list[tuple[object, ...]]) -> None:
        table = sql.split()[2]
        with self.cur.copy(f"COPY {table} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def finish(self) -> None:
        self.con.commit()
        self.con.autocommit = True
        for table in ("trade_union", "participant", "tour_group", "visit"):
            self.cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            )
        self.cur.execute("VACUUM ANALYZE")
        self.con.close()


class _Sqlite:
    def __init__(self, path: str) -> None:
        self.con = sqlite3.connect(path)
        self.con.execute("PRAGMA foreign_keys=ON")
        self.cur = self.con.cursor()
        self.cur.execute("BEGIN IMMEDIATE")

    def execute(self, sql: str, row: tuple[object, ...] = ()) -> None:
        self.cur.execute(sql, row)

    def executemany(self, sql: str, rows: list[tuple[object, ...]]) -> None:
        self.cur.executemany(sql, rows)

    def finish(self) -> None:
        self.con.commit()
        self.con.execute("ANALYZE")
        self.con.close()


def raw_target(db: Any) -> str:
    """What ``generate`` and the raw drivers take for a redtour Database: its SQLite file, else its server URL.

    Never ``str(db.sqlite_path)`` on its own: on PostgreSQL that is "None", and sqlite3 would create a file of
    that name in the working folder.
    """
    if db.sqlite_path is not None:
        return str(db.sqlite_path)
    if db.url.get_backend_name() != "postgresql":
        raise ValueError(f"no raw driver here for {db.url.get_backend_name()} databases")
    return str(db.url.render_as_string(hide_password=False))


def generate(
    db: str | Path,
    *,
    visits: int,
    people: int,
    venue_ids: list[str],
    seed: int = 1,
    start: date = date(2025, 1, 1),
    days: int = 690,
) -> dict[str, int]:
    """``db`` is a SQLite file path or the postgresql:// URL of a database redtour has migrated
    (``raw_target`` gives it for an open Database)."""
    if str(db).startswith("sqlite:"):
        raise ValueError(f"a SQLite file path is expected here, not the URL {db} (see raw_target)")
    rng = random.Random(seed)
    now = datetime(2026, 11, 30, 9, 0).isoformat(sep=" ")
    cur: _Postgres | _Sqlite = _Postgres(str(db)) if str(db).startswith("postgresql") else _Sqlite(str(db))
    unions: list[tuple[int, int]] = []  # (union id, its top id)
    uid = 0
    tops = [f"{d}总工会" for d in DISTRICTS] + [f"上海市{i}工会" for i in INDUSTRIES]
    for top in tops:
        uid += 1
        top_id = uid
        cur.execute(
            "INSERT INTO trade_union VALUES (?,?,?,?,?,?)",
            (top_id, _uuid(rng), top, "district" if "区" in top else "industry", None, now),
        )
        unions.append((top_id, top_id))
        for k in range(3):
            uid += 1
            cur.execute(
                "INSERT INTO trade_union VALUES (?,?,?,?,?,?)",
                (
                    uid,
                    _uuid(rng),
                    f"{top.removesuffix('总工会').removesuffix('工会')}第{k + 1}基层工会",
                    "grassroots",
                    top_id,
                    now,
                ),
            )
            unions.append((uid, top_id))
    person_union = []
    rows = []
    for pid in range(1, people + 1):
        u = rng.choice(unions)[0]
        person_union.append(u)
        name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))
        rows.append(
            (
                pid,
                _uuid(rng),
                u,
                name,
                f"1{rng.randint(3, 9)}{pid:09d}",
                f"单位{u}-{pid % 37}",
                "",
                None,
                now,
                now,
            )
        )
    cur.executemany("INSERT INTO participant VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
    # Groups of ~40 people visiting 2–4 venues on one day, until the visit count is reached.
    visit_rows = []
    gid = 0
    vid = 0
    seen: set[tuple[int, int, str]] = set()
    group_rows = []
    while vid < visits:
        gid += 1
        day = start + timedelta(days=rng.randrange(days))
        venues = rng.sample(venue_ids, rng.randint(2, min(4, len(venue_ids))))
        first = rng.randrange(1, people + 1)
        members = [((first + k * 7919) % people) + 1 for k in range(rng.randint(20, 50))]
        u = person_union[members[0] - 1]
        guuid = _uuid(rng)
        group_rows.append(
            (
                gid,
                guuid,
                u,
                f"第{gid}批",
                "",
                day.isoformat(),
                None,
                "[" + ",".join(f'"{v}"' for v in venues) + "]",
                now,
            )
        )
        month = day.year * 100 + day.month
        for p in members:
            for v in venues:
                if vid >= visits or (p, day.toordinal(), v) in seen:
                    continue
                seen.add((p, day.toordinal(), v))
                vid += 1
                visit_rows.append(
                    (vid, _uuid(rng), p, v, day.isoformat(), month, person_union[p - 1], gid, "checkin", now)
                )
    cur.executemany("INSERT INTO tour_group VALUES (?,?,?,?,?,?,?,?,?)", group_rows)
    cur.executemany("INSERT INTO visit VALUES (?,?,?,?,?,?,?,?,?,?)", visit_rows)
    cur.finish()
    return {"unions": len(unions), "people": people, "groups": gid, "visits": vid}
