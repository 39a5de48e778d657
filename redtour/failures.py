"""One error path for the command line and the GUI: every exception → a short sentence and an exit status.

Table (README "Exit status", ``redtour --help``): 0 done, 1 bad input (nothing written), 2 damaged or
unreadable file, 3 infeasible plan, 4 database unavailable (read-only, locked, not a database, unsupported
URL), 5 cannot write (disk full, no permission), 70 internal error. Messages never carry personal data: SQL
parameters are hidden by the engines (hide_parameters) and only the first line of a driver's message is
used; logs and tracebacks go through :func:`redact` (mobiles and ID numbers masked).
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import suppress

from redtour.core.errors import (
    EXIT_BAD_INPUT,
    EXIT_CANNOT_WRITE,
    EXIT_DATABASE,
    EXIT_INTERNAL,
    RedtourError,
    os_error_message,
)
from redtour.logsetup import RedactingFormatter, log_file, redact

EXIT_STATUS_HELP = """exit status (退出状态):
  0  done
  1  bad input: wrong arguments, a file with errors or conflicts (nothing was written)
  2  damaged or unreadable file (exchange package, spreadsheet)
  3  infeasible plan
  4  database unavailable: read-only, locked, damaged, not a redtour database, unsupported URL
  5  cannot write: disk full, no permission
  70 internal error (details in the log file, never on screen)"""


log = logging.getLogger("redtour")

# Re-exported: the GUI error dialog and the CLI log use them from here too.
__all__ = ["RedactingFormatter", "redact"]
def _database_message(exc: BaseException) -> tuple[str, int]:
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    if isinstance(exc, NoSuchModuleError | ArgumentError):
        return "不支持的数据库地址：redtour 只支持 SQLite 文件和 PostgreSQL。", EXIT_DATABASE
    orig = exc.orig if isinstance(exc, DBAPIError) else None
    first = (str(orig) if orig is not None else type(exc).__name__).strip().splitlines()
    reason = first[0][:200] if first else ""
    low = reason.lower()
    if "full" in low or "no space" in low or "could not extend" in low:
        return "磁盘空间不足（数据库无法再写入），本次操作已全部撤销，未写入任何数据。", EXIT_CANNOT_WRITE
    if "readonly" in low or "read-only" in low or "read only" in low:
        return (
            "数据库是只读的（文件或所在文件夹不可写，或以只读方式打开），本次操作未写入任何数据。",
            EXIT_DATABASE,
        )
    if "locked" in low or "busy" in low:
        return "数据库正被另一个程序占用，请稍后重试。本次操作未写入任何数据。", EXIT_DATABASE
    if "not a database" in low or "malformed" in low:
        return "数据库文件已损坏或不是数据库，本次操作未写入任何数据；请从备份恢复。", EXIT_DATABASE
    if "unable to open" in low:
        return "无法打开数据库文件（文件夹不存在或没有权限）。", EXIT_DATABASE
    return f"数据库出错，本次操作已撤销：{reason}", EXIT_DATABASE


def describe(exc: BaseException) -> tuple[str, int]:
    """The user's sentence and the exit status for ``exc``."""
    if isinstance(exc, RedtourError):
        return redact(str(exc)), exc.exit_code
    if isinstance(exc, LookupError):
        return redact(str(exc.args[0] if exc.args else exc)), EXIT_BAD_INPUT
    if isinstance(exc, OSError):
        return os_error_message(exc), EXIT_CANNOT_WRITE
    from sqlalchemy.exc import SQLAlchemyError

    if isinstance(exc, SQLAlchemyError):
        return _database_message(exc)
    if isinstance(exc, MemoryError):
        return "内存不足，操作已中止；请关闭其他程序或分批处理。", EXIT_INTERNAL

    return f"发生了意外错误（{type(exc).__name__}），详情已写入日志 {log_file()}", EXIT_INTERNAL


def silence_stdout() -> None:
    """Stdout cannot take more (closed pipe, full disk): point it at devnull so exit does not fail again."""
    with suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def report_failure(exc: BaseException, command: str | None) -> int:
    """The command line's end of the error path: log, one sentence on stderr, the status."""
    message, code = describe(exc)
    if code == EXIT_INTERNAL:
        log.error("command %s failed unexpectedly", command, exc_info=exc)  # redacted by the log formatter
    else:
        log.info("command %s refused (exit %s): %s", command, code, message)
    if isinstance(exc, OSError):
        silence_stdout()
    print(f"错误：{message}", file=sys.stderr)
    return code
