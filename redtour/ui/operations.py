"""Background operations for the UI (after Anki's QueryOp/CollectionOp and Picard's thread helper).

``QueryOp(parent, fn)`` reads in a thread pool; ``WriteOp(parent, fn)`` runs on ONE writer thread, so writes never
interleave and none runs on the GUI thread. Each task opens its own sessions (``Database.reading()/writing()``
give one per block). Callbacks run on the GUI thread; a write's ``Changes`` (storage/changes.py) are announced
by ``hub().changed`` before its success callback, and MainWindow relays them as its one ``changed`` signal.

A ``Task`` is the fn's side of an operation: ``report(value)`` sends progress to the GUI thread and
``cancelled()`` is polled by long work after the user pressed 停止 (``Task.cancel()``).

UI tests install ``SyncExecutor`` (tests/ui/conftest.py): everything runs at once on the calling thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from redtour.storage.changes import Changes, recording

log = logging.getLogger(__name__)
T = TypeVar("T")


class Executor(Protocol):
    def submit(self, job: Callable[[], None], *, write: bool) -> None: ...

    def wait(self, msecs: int = -1) -> bool: ...


class _Runnable(QRunnable):
    def __init__(self, job: Callable[[], None]) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job()


class ThreadedExecutor:
    """Reads in a pool; writes in a pool of one thread (first queued, first run: QThreadPool is FIFO)."""

    def __init__(self) -> None:
        self.reads = QThreadPool()
        self.writes = QThreadPool()
        self.writes.setMaxThreadCount(1)

    def submit(self, job: Callable[[], None], *, write: bool) -> None:
        (self.writes if write else self.reads).start(_Runnable(job))

    def wait(self, msecs: int = -1) -> bool:
        """Until queued work has finished (before the window closes: a write is never cut off)."""
        return self.writes.waitForDone(msecs) and self.reads.waitForDone(msecs)


class SyncExecutor:
    """Runs each job at once on the calling thread: deterministic UI tests."""

    def submit(self, job: Callable[[], None], *, write: bool) -> None:
        job()

    def wait(self, msecs: int = -1) -> bool:
        return True


_executor: Executor | None = None


def executor() -> Executor:
    global _executor
    if _executor is None:
        _executor = ThreadedExecutor()
    return _executor


def set_executor(new: Executor | None) -> Executor | None:
    """Use ``new`` for the operations started from now on (None: the threaded default); returns the previous."""
    global _executor
    previous, _executor = _executor, new
    return previous


class Hub(QObject):
    #: Changes: what a finished write changed (MainWindow relays it as its ``changed``).
    changed = Signal(object)
    #: The operation (QueryOp or WriteOp) after its callbacks ran, success or failure.
    finished = Signal(object)


_hub: Hub | None = None


def hub() -> Hub:
    global _hub
    if _hub is None:
        _hub = Hub()
    return _hub


class Task(QObject):
    """The fn's handle: progress to the GUI thread and a cancel flag (thread-safe)."""

    progressed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()

    def report(self, value: object) -> None:
        self.progressed.emit(value)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    done = Signal(object, object)  # result, Changes
    failed = Signal(object)


# Operations under way: held here until their callbacks ran (a signal connection holds its slot's object
# only weakly, and callers do not keep the Op).
_running: set[QueryOp[Any]] = set()


class QueryOp(Generic[T]):
    """``fn`` off the GUI thread; ``success(result)`` or ``failure(exc)`` back on it."""

    write = False

    def __init__(self, parent: QObject, fn: Callable[[], T], *, task: Task | None = None) -> None:
        self.parent, self.fn, self.task = parent, fn, task
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self.changes = Changes()
        self.worker_thread: threading.Thread | None = None  # where fn ran (tests check it)

    def success(self, cb: Callable[[T], None]) -> QueryOp[T]:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], None]) -> QueryOp[T]:
        self._failure = cb
        return self

    def with_progress(self, cb: Callable[[object], None]) -> QueryOp[T]:
        """``cb(value)`` on the GUI thread for each ``task.report(value)`` (a Task is made if none was given)."""
        if self.task is None:
            self.task = Task(self.parent)
        self.task.progressed.connect(cb)
        return self

    def run_in_background(self) -> QueryOp[T]:
        relay = _Relay(self.parent)
        relay.done.connect(self._done)
        relay.failed.connect(self._failed)
        relay.done.connect(relay.deleteLater)
        relay.failed.connect(relay.deleteLater)
        _running.add(self)
        executor().submit(lambda: self._run(relay), write=self.write)
        return self

    def _run(self, relay: _Relay) -> None:
        self.worker_thread = threading.current_thread()
        try:
            with recording() as kinds:
                result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows it
            log.debug("background operation failed", exc_info=True)
            outcome: tuple[bool, object, Changes] = (False, exc, Changes())
        else:
            outcome = (True, result, Changes(frozenset(kinds), self.parent))
        try:
            if outcome[0]:
                relay.done.emit(outcome[1], outcome[2])
            else:
                relay.failed.emit(outcome[1])
        except RuntimeError:  # the parent (a closed dialog) is gone: nobody is waiting for the answer
            log.debug("operation finished after its parent was deleted")

    def _done(self, result: T, changes: Changes) -> None:
        self.changes = changes
        try:
            if changes:
                hub().changed.emit(changes)
            if self._success is not None:
                self._success(result)
        finally:
            _running.discard(self)
            hub().finished.emit(self)

    def _failed(self, exc: BaseException) -> None:
        try:
            if self._failure is not None:
                self._failure(exc)
            else:
                log.error("operation failed", exc_info=exc)
        finally:
            _running.discard(self)
            hub().finished.emit(self)


class WriteOp(QueryOp[T]):
    """A write: queued on the single writer thread; what it changed is announced on ``hub().changed``."""

    write = True
