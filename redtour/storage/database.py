"""Engine set-up and transactions.

SQLite settings follow docs/reliability.md §1.3–1.5: foreign keys on every connection,
WAL on a local disk, FULL sync (roster data: durability over speed), a busy timeout, and writers that
start with ``BEGIN IMMEDIATE`` so a read→write upgrade never fails with SQLITE_BUSY.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from redtour.storage import changes

SQLITE_APPLICATION_ID = 0x52445452  # "RDTR": marks the file as ours


def sqlite_url(path: Path, *, read_only: bool = False) -> str:
    if read_only:
        # immutable=1: the bundled file may sit in a read-only install folder (WAL cannot open those).
        return f"sqlite:///file:{path.as_posix()}?mode=ro&immutable=1&uri=true"
    return f"sqlite:///{path.as_posix()}"


def sqlite_file_of(database: str | None) -> Path | None:
    """The file behind a SQLite URL's database part: ``file:`` URIs (any host spelling, percent-escapes and
    query) reduced to a path. None for memory databases. The bundled-catalogue guard relies on this."""
    db = database or ""
    if db in ("", ":memory:"):
        return None
    if db.startswith("file:"):
        rest = db[5:].split("?", 1)[0].split("#", 1)[0]
        if rest.startswith("//"):  # file://host/path: only the local host is possible
            rest = "/" + rest[2:].partition("/")[2]
        if rest in ("", ":memory:") or "mode=memory" in db:
            return None
        return Path(unquote(rest))
    return Path(db.split("?", 1)[0])


def _install_sqlite_hooks(engine: Engine, *, journal: str | None) -> None:
    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_con: Any, _record: Any) -> None:
        dbapi_con.isolation_level = None  # SQLAlchemy issues BEGIN itself (documented pysqlite recipe)
        cur = dbapi_con.cursor()
        if journal:
            cur.execute(f"PRAGMA journal_mode={journal}")
            cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA secure_delete=ON")
        # 64 MB page cache (default 2 MB): statistics scan a 30–40 MB covering index of a 1M-visit table.
        cur.execute("PRAGMA cache_size=-65536")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Rollback(Exception):
    """Raised inside ``Database.writing()``: undo the transaction quietly (dry runs, files with errors)."""


class Database:
    """One database (SQLite file or PostgreSQL server). Sessions never cross threads: open one per task."""

    def __init__(
        self, url: str, *, read_only: bool = False, journal: str = "WAL", echo: bool = False
    ) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.read_only = read_only
        # hide_parameters: an error's text (shown, logged) never carries names or mobiles from a statement.
        kwargs: dict[str, Any] = {"echo": echo, "hide_parameters": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": 10, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine = create_engine(url, **kwargs)
        changes.install(self.engine)  # every write notes its tables (storage/changes.py)
        if self.is_sqlite:
            writable_file = not read_only and self.sqlite_path is not None
            _install_sqlite_hooks(self.engine, journal=journal if writable_file else None)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        writer_engine = (
            self.engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else self.engine
        )
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)

    @property
    def sqlite_path(self) -> Path | None:
        return sqlite_file_of(self.url.database) if self.is_sqlite else None

    def describe(self) -> str:
        """The location without any password, for logs and the About dialog."""
        return str(self.sqlite_path) if self.sqlite_path else self.url.render_as_string(hide_password=True)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self._reader() as session, session.begin():
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A write transaction: committed when the block ends, rolled back on any exception.

        ``raise Rollback`` inside the block rolls back and ends the block without an error.
        """
        if self.read_only:
            raise PermissionError(f"{self.describe()} is opened read-only")
        with self._writer() as session:
            try:
                with changes.transaction(), session.begin():
                    yield session
            except Rollback:
                pass

    def pragma(self, statement: str) -> list[tuple[Any, ...]]:
        """Run a PRAGMA outside any transaction (many pragmas are ignored or refused inside one)."""
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            return list(raw.execute(f"PRAGMA {statement}").fetchall())

    def quick_check(self) -> str:
        if not self.is_sqlite:
            return "ok"
        return str(self.pragma("quick_check")[0][0])

    def mark_as_ours(self) -> None:
        if self.is_sqlite and not self.read_only:
            self.pragma(f"application_id={SQLITE_APPLICATION_ID}")

    def checkpoint(self) -> None:
        """Fold the WAL back into the main file (after bulk deletes, before copying the file)."""
        if self.is_sqlite and not self.read_only:
            self.pragma("wal_checkpoint(TRUNCATE)")

    def dispose(self) -> None:
        self.engine.dispose()
