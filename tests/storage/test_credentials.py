"""The server password goes to a real keyring backend (keyrings.alt's file keyring here), never to settings."""

from __future__ import annotations

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from redtour.storage.credentials import (
    credential_key,
    forget_password,
    store_password,
    with_password,
    without_password,
)


@pytest.fixture
def file_keyring(tmp_path):
    previous = keyring.get_keyring()
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


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


def test_server_database_opens_with_the_keyring_password(file_keyring):
    from tests.conftest import ON_POSTGRES, TEST_SERVER

    if not ON_POSTGRES:
        pytest.skip("needs the PostgreSQL test server (REDTOUR_TEST_DB)")
    from sqlalchemy.engine import make_url

    from redtour.storage.bootstrap import open_user_database

    store_password(TEST_SERVER, "kept-in-keyring")
    db = open_user_database(TEST_SERVER)
    try:
        assert make_url(db.url).password == "kept-in-keyring"  # taken from the keyring …
        assert "kept-in-keyring" not in db.describe()  # … and never shown
    finally:
        db.dispose()
