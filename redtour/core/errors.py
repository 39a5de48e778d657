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
