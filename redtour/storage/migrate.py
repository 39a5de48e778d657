"""Run Alembic migrations safely (reliability.md §1.4 runbook).

SQLite: back up a non-empty file first, integrity check, foreign keys OFF around the batch migrations,
``PRAGMA foreign_key_check`` before commit, foreign keys back ON. A database whose revision this
version of redtour does not know (made by a newer version) is refused rather than touched.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from redtour.core.errors import DatabaseError
from redtour.storage.database import Database

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The newest revision in migrations/versions (a test keeps it equal to alembic's head). A database already
#: there is opened without importing alembic or reading its scripts, which would add ~0.4 s to every start.
HEAD = "0008"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(db: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _at_head(db: Database) -> bool:
    """The stored revision is ``HEAD``, read with plain SQL (alembic's own table, one row)."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return False
        return [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))] == [HEAD]


def _has_tables(db: Database) -> bool:
    return bool(inspect(db.engine).get_table_names())


def _backup_sqlite(db: Database, revision: str | None) -> Path | None:
    path = db.sqlite_path
    if path is None or not path.exists():
        return None
    target = path.with_name(f"{path.name}.before-{head_revision()}-from-{revision or 'none'}.bak")
    with sqlite3.connect(path) as src, sqlite3.connect(target) as dst:
        src.backup(dst)  # the backup API copies a consistent snapshot even with a WAL
    log.info("backed up %s to %s before migrating", path, target)
    return target


def upgrade(db: Database) -> bool:
    """Bring the schema to head. Returns True when something was migrated."""
    if _at_head(db):
        return False
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(db)
    head = head_revision()
    if current == head:
        return False
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise DatabaseError(
            f"数据库 {db.describe()} 由更新版本的 redtour 创建（版本 {current}），请升级本程序后再打开"
        )
    if db.is_sqlite and _has_tables(db):  # any file with data, ours or one the user chose to adopt
        if db.quick_check() != "ok":
            raise DatabaseError(f"数据库 {db.describe()} 已损坏（完整性检查未通过），请从备份恢复")
        _backup_sqlite(db, current)
    cfg = alembic_config()
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection if db.is_sqlite else None
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
        try:
            with conn.begin():  # one transaction: alembic joins it instead of committing per step
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if raw is not None:
                    problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if problems:
                        raise DatabaseError(f"迁移后外键检查失败，已撤销迁移：{problems[:5]}")
        finally:
            if raw is not None:
                raw.execute("PRAGMA foreign_keys=ON")
    log.info("migrated %s from %s to %s", db.describe(), current, head)
    return True
