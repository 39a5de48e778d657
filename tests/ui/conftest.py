"""UI tests build only the widget under test; Qt runs offscreen (set in tests/conftest.py).

Operations (ui/operations.py) run synchronously here, so a test sees a write's result on the next line; the
tests that are about threads ask for ``threaded_ops``.
"""

import pytest

from redtour.ui.url_scheme import register_url_schemes

register_url_schemes()  # before pytest-qt creates the QApplication


@pytest.fixture(autouse=True)
def sync_ops():
    from redtour.ui.operations import SyncExecutor, set_executor

    previous = set_executor(SyncExecutor())
    yield
    set_executor(previous)


@pytest.fixture
def threaded_ops(sync_ops):
    """The real executor: a read pool and the single writer thread."""
    from redtour.ui.operations import ThreadedExecutor, set_executor

    pool = ThreadedExecutor()
    set_executor(pool)
    yield pool
    pool.wait()
