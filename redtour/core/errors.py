"""Errors the core raises with a message fit to show a user."""


class RedtourError(Exception):
    """Base class: ``str(err)`` is a complete sentence for the user (Chinese by default)."""


class CatalogueError(RedtourError):
    """The catalogue source or a stored venue is invalid."""


class DatabaseError(RedtourError):
    """The database cannot be opened, is too new, or is damaged."""
