"""Open the user's working database: create it on first start, migrate it, merge the bundled catalogue."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from redtour import paths
from redtour.core.errors import DatabaseError
from redtour.storage.catalogue_db import sync_from_bundle
from redtour.storage.credentials import with_password
from redtour.storage.database import Database, sqlite_url
from redtour.storage.migrate import upgrade

log = logging.getLogger(__name__)


def resolve_db_url(cli_value: str | None = None) -> str:
    """--db beats REDTOUR_DB beats the default file in the user data folder. Plain paths mean SQLite."""
    value = cli_value or os.environ.get("REDTOUR_DB")
    if not value:
        return sqlite_url(paths.default_user_db())
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser().resolve())


def _check_location(path: Path) -> None:
    resolved = path.resolve()
    bundle = paths.bundled_catalogue_db().resolve()
    if resolved == bundle:
        raise DatabaseError("不能把随程序发布的 sites.db 当作工作数据库；它是只读的场馆目录。")
    if str(resolved).startswith("\\\\"):
        raise DatabaseError(
            f"数据库 {resolved} 位于网络共享上，SQLite 在网络盘上不安全；请改用本机目录或 PostgreSQL。"
        )
    try:
        resolved.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"无法创建数据目录 {resolved.parent}：{exc}") from exc
    if not os.access(resolved.parent, os.W_OK):
        raise DatabaseError(f"数据目录 {resolved.parent} 不可写，无法保存数据。")


def open_user_database(url: str | None = None, *, bundle: Path | None = None) -> Database:
    """The working database, ready to use. Never writes to the bundled catalogue."""
    url = url or resolve_db_url()
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        url = with_password(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        _check_location(Path(parsed.database or ""))
    db = Database(url)
    try:
        fresh = db.sqlite_path is not None and not db.sqlite_path.exists()
        upgrade(db)
        if fresh:
            db.mark_as_ours()
            log.info("created working database %s", db.describe())
        elif db.is_sqlite and db.quick_check() != "ok":
            raise DatabaseError(f"数据库 {db.describe()} 已损坏（完整性检查未通过），请从备份恢复。")
        sync_from_bundle(db, bundle or paths.bundled_catalogue_db())
    except OperationalError as exc:
        db.dispose()
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise DatabaseError(f"无法打开数据库 {db.describe()}：{reason}") from None
    except Exception:
        db.dispose()
        raise
    return db
