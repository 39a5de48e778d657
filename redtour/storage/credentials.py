"""The PostgreSQL password lives in the operating system's keyring (Windows Credential Manager, macOS
Keychain, Secret Service on Linux) — never in the settings file, the logs or the URL shown to users."""

from __future__ import annotations

import contextlib

from sqlalchemy.engine import URL, make_url

from redtour.core.errors import RedtourError

SERVICE = "redtour"


class CredentialError(RedtourError):
    pass


def credential_key(url: str | URL) -> str:
    u = make_url(url)
    return f"{u.username or ''}@{u.host or 'localhost'}:{u.port or 5432}/{u.database or ''}"


def without_password(url: str | URL) -> str:
    u = make_url(url)  # URL.set(password=None) would keep it: rebuild the URL instead
    bare = URL.create(u.drivername, u.username, None, u.host, u.port, u.database, u.query)
    return bare.render_as_string(hide_password=False)


def store_password(url: str | URL, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(SERVICE, credential_key(url), password)
    except KeyringError as exc:
        raise CredentialError(f"无法把密码保存到系统密码库：{exc}。请联系管理员配置密码库。") from None


def forget_password(url: str | URL) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(SERVICE, credential_key(url))


def with_password(url: str) -> str:
    """A server URL completed with the password kept in the keyring (an URL that has one is left alone)."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite" or u.password:
        return url
    import keyring
    from keyring.errors import KeyringError

    try:
        password = keyring.get_password(SERVICE, credential_key(u))
    except KeyringError:
        password = None  # no keyring on this machine: try without (trust/peer authentication)
    return u.set(password=password).render_as_string(hide_password=False) if password else url
