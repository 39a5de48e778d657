"""Open the user's working database: create it on first start, migrate it, merge the bundled catalogue."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from redtour import paths
from redtour.core.errors import DatabaseError, ForeignDatabaseError
from redtour.storage.catalogue_db import sync_from_bundle
from redtour.storage.credentials import with_password
from redtour.storage.database import SQLITE_APPLICATION_ID, Database, sqlite_file_of, sqlite_url
from redtour.storage.migrate import known_revisions, upgrade

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
SQLITE_MAGIC = b"SQLite format 3\x00"

log = logging.getLogger(__name__)


def resolve_db_url(cli_value: str | None = None) -> str:
    """--db beats REDTOUR_DB beats the default file in the user data folder. Plain paths mean SQLite."""
    value = cli_value or os.environ.get("REDTOUR_DB")
    if not value:
        return sqlite_url(paths.default_user_db())
    if "://" in value:
        return value
    return sqlite_url(Path(value).expanduser().resolve())


def _same_file(a: Path, b: Path) -> bool:
    """File identity, not path text: catches symlinks, ./ and .., URI spellings and hard links."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _check_location(path: Path, bundles: list[Path]) -> None:
    resolved = path.resolve()
    if any(_same_file(path, b) for b in bundles):
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


def _parse(url: str) -> URL:
    try:
        parsed = make_url(url)
        backend = parsed.get_backend_name()
    except (ArgumentError, ValueError):
        backend, parsed = "", None
    if parsed is None or backend not in SUPPORTED_BACKENDS:
        shown = url.split("://", 1)[0] + "://…" if "://" in url else "（无法识别）"
        raise DatabaseError(
            f"不支持的数据库地址 {shown}：redtour 只支持 SQLite 文件和 PostgreSQL（postgresql://…）。"
        )
    return parsed


def _check_sqlite_file(path: Path, *, allow_foreign: bool) -> bool:
    """Refuse what is not a redtour database before anything writes to it. True when the file is
    another program's and the user has agreed to add redtour's tables (it is backed up first)."""
    try:
        if not path.exists() or path.stat().st_size == 0:
            return False
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise DatabaseError(f"无法读取数据库文件 {path}：{exc.strerror or exc}") from None
    if head != SQLITE_MAGIC:
        raise DatabaseError(f"{path} 不是 SQLite 数据库文件（可能选错了文件），未做任何改动。")
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as con:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("select name from sqlite_master where type='table'")}
            revision = (
                con.execute("select version_num from alembic_version").fetchone()
                if ("alembic_version" in tables)
                else None
            )
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path} 无法作为数据库打开（{exc}），未做任何改动。") from None
    if app_id == SQLITE_APPLICATION_ID:
        return False
    ours = (revision is not None and revision[0] in known_revisions()) or (not tables and app_id == 0)
    if ours:
        return False
    if not allow_foreign:
        raise ForeignDatabaseError(
            f"{path} 不是 redtour 的数据库（由其他程序创建，含 {len(tables)} 个数据表），未做任何改动。"
            "确实要在其中保存 redtour 的数据时，请加 --adopt-db（会先备份该文件）。"
        )
    return True


def open_user_database(
    url: str | None = None, *, bundle: Path | None = None, allow_foreign: bool = False
) -> Database:
    """The working database, ready to use. Never writes to the bundled catalogue, nor to another program's
    SQLite file unless ``allow_foreign`` (the user confirmed; the file is backed up before migrating)."""
    url = url or resolve_db_url()
    parsed = _parse(url)
    if parsed.get_backend_name() != "sqlite":
        url = with_password(url)
    path = sqlite_file_of(parsed.database) if parsed.get_backend_name() == "sqlite" else None
    if path is not None:
        bundles = [paths.bundled_catalogue_db(), *([bundle] if bundle else [])]
        _check_location(path, bundles)
        if _check_sqlite_file(path, allow_foreign=allow_foreign):
            log.warning(
                "adding redtour's tables to another program's SQLite file (confirmed; backed up first)"
            )
    db = Database(url)
    try:
        fresh = db.sqlite_path is not None and not db.sqlite_path.exists()
        upgrade(db)
        if fresh:  # an adopted file keeps its own application id: the other program may need it
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
