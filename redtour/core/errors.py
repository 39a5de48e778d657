"""Errors the core raises with a message fit to show a user, and the exit status of each class.

The command line and the GUI share one table (redtour/failures.py maps every exception onto it):
1 bad input (nothing written), 2 damaged or unreadable file, 3 infeasible plan, 4 database unavailable,
5 cannot write (disk full, read-only folder), 70 internal error (details only in the log).
"""

EXIT_BAD_INPUT = 1
EXIT_DAMAGED = 2
EXIT_INFEASIBLE = 3
EXIT_DATABASE = 4
EXIT_CANNOT_WRITE = 5
EXIT_INTERNAL = 70


class RedtourError(Exception):
    """Base class: ``str(err)`` is a complete sentence for the user (Chinese by default)."""

    exit_code = EXIT_BAD_INPUT


class CatalogueError(RedtourError):
    """The catalogue source or a stored venue is invalid."""


class DamagedFileError(RedtourError):
    """A file is damaged, truncated or not of the kind expected."""

    exit_code = EXIT_DAMAGED


class DatabaseError(RedtourError):
    """The database cannot be opened, is too new, or is damaged."""

    exit_code = EXIT_DATABASE


class ForeignDatabaseError(DatabaseError):
    """An SQLite file made by another program: opened only when the user confirms (--adopt-db)."""


class CannotWriteError(RedtourError):
    """A file or the database cannot be written: disk full, read-only, no permission."""

    exit_code = EXIT_CANNOT_WRITE


def os_error_message(exc: OSError, target: object = "") -> str:
    """An OSError as one sentence that names the cause a user can act on (disk full, read-only, permission)."""
    import errno

    where = f" {target}" if target else (f" {exc.filename}" if exc.filename else "")
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"磁盘空间不足，无法写入{where}；未完成的文件已删除，请腾出空间后重试。"
    if exc.errno == errno.EROFS:
        return f"无法写入{where}：所在磁盘是只读的。"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"无法写入{where}：没有写入权限（或文件正被其他程序打开）。"
    if exc.errno == errno.ENOENT:
        return f"找不到{where or '文件'}。"
    if exc.errno == errno.EISDIR:
        return f"{where.strip() or '该路径'} 是文件夹，不是文件。"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件路径过长。"
    return f"读写文件{where}时出错：{exc.strerror or type(exc).__name__}。"
