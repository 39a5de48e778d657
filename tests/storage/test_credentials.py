"""The server password goes to a real keyring backend (keyrings.alt's file keyring here), never to settings."""

from __future__ import annotations

import pytest

from redtour.storage.credentials import (
    credential_key,
    forget_password,
    store_password,
    with_password,
    without_password,
)


def test_password_round_trip_through_the_keyring(file_keyring):
    url = "postgresql+psycopg://union@db.example.org:5433/redtour"
    assert with_password(url) == url  # nothing stored yet
    store_password(url, "s3cret:/@")
    completed = with_password(url)
    assert "s3cret" in completed and without_password(completed) == url
    assert credential_key(completed) == "union@db.example.org:5433/redtour"
    assert with_password("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    forget_password(url)
    assert with_password(url) == url


def test_password_login_uses_the_keyring(file_keyring):
    """Against a role that must log in with a password (scram; scripts/pg-test-server.sh creates it)."""
    from tests.conftest import ON_POSTGRES, TEST_SERVER

    if not ON_POSTGRES:
        pytest.skip("needs the PostgreSQL test server (REDTOUR_TEST_DB)")
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    from redtour.core.errors import DatabaseError
    from redtour.storage.bootstrap import open_user_database
    from tests.conftest import drop_postgres_database, fresh_postgres_url

    admin_url = fresh_postgres_url()
    name = make_url(admin_url).database
    engine = create_engine(TEST_SERVER, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'ALTER DATABASE "{name}" OWNER TO redtour_pw')
    engine.dispose()
    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("ALTER SCHEMA public OWNER TO redtour_pw")
    engine.dispose()
    url = make_url(admin_url).set(username="redtour_pw").render_as_string(hide_password=False)
    try:
        with pytest.raises(DatabaseError, match="password"):
            open_user_database(url)  # no password anywhere: the server refuses, with a clear message
        store_password(url, "redtour-test-password")
        db = open_user_database(url)  # the same URL, completed from the keyring
        try:
            assert make_url(db.url).password == "redtour-test-password"
            assert "redtour-test-password" not in db.describe()
            assert db.describe().startswith("postgresql+psycopg://redtour_pw:***@")
        finally:
            db.dispose()
        store_password(url, "wrong")
        with pytest.raises(DatabaseError, match="password authentication failed"):
            open_user_database(url)
    finally:
        drop_postgres_database(admin_url)
