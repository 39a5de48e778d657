"""Background operations for the UI (after Anki's QueryOp/CollectionOp and Picard's thread helper).

``QueryOp(parent, fn)`` reads in a thread pool; ``WriteOp(parent, fn)`` runs on ONE writer thread, so writes never
interleave and none runs on the GUI thread. Each task opens its own sessions (``Database.reading()/writing()``
give one per block). Callbacks run on the GUI thread; a write's ``Changes`` (storage/changes.py) are announced
by ``hub().changed`` before its success callback, and MainWindow relays them as its one ``changed`` signal.

A ``Task`` is the fn's side of an operation: ``report(value)`` sends progress to the GUI thread and
``cancelled()`` is polled by long work after the user pressed 停止 (``Task.cancel()``).

Worker threads touch ONE Qt object: the hub, which lives as long as the application. Results and progress
travel as queued signals of the hub; the GUI thread then checks that the operation's parent (a dialog, a
page, a model) still exists before calling back. A worker that emitted on a per-operation QObject could do it
while the GUI thread deleted that object with its closed dialog: a crash in the worker, not an exception.
The pools are Python threads (concurrent.futures): no Qt object is created or deleted off the GUI thread.

UI tests install ``SyncExecutor`` (tests/ui/conftest.py): everything runs at once on the calling thread.
"""

from __future__ import annotations

import itertools
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_futures
from functools import partial
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from shiboken6 import isValid

from redtour.storage.changes import Changes, recording

log = logging.getLogger(__name__)
T = TypeVar("T")


class Executor(Protocol):
    def submit(self, job: Callable[[], None], *, write: bool) -> None: ...

    def wait(self, msecs: int = -1) -> bool: ...


class ThreadedExecutor:
    """Reads in a pool; writes on one thread, first queued first run (a one-worker executor is a FIFO queue)."""

    def __init__(self, readers: int | None = None) -> None:
        self.reads = ThreadPoolExecutor(readers or max(2, os.cpu_count() or 2), "redtour-read")
        self.writes = ThreadPoolExecutor(1, "redtour-write")
        self._pending: set[Future[None]] = set()
        self._lock = threading.Lock()

    def submit(self, job: Callable[[], None], *, write: bool) -> None:
        future = (self.writes if write else self.reads).submit(job)
        with self._lock:
            self._pending.add(future)
        future.add_done_callback(self._forget)

    def _forget(self, future: Future[None]) -> None:
        with self._lock:
            self._pending.discard(future)

    def wait(self, msecs: int = -1) -> bool:
        """Until queued work has finished (before the window closes: a write is never cut off)."""
        with self._lock:
            pending = set(self._pending)
        _done, not_done = wait_futures(pending, None if msecs < 0 else msecs / 1000)
        return not not_done


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
    #: The operation (QueryOp or WriteOp) after its callbacks ran, success or failure, and after its worker let
    #: go of it.
    finished = Signal(object)
    # From the workers (queued to the GUI thread): (op, ok, result or exception, Changes); (token) once the
    # worker holds nothing of the op; (task, value).
    _outcome = Signal(object, bool, object, object)
    _released = Signal(int)
    _progress = Signal(object, object)

    def __init__(self) -> None:
        super().__init__()
        # Automatic connections: queued from a worker, direct from the GUI thread (the SyncExecutor of tests).
        self._outcome.connect(self._deliver)
        self._released.connect(self._release)
        self._progress.connect(self._report)

    def _deliver(self, op: QueryOp[Any], ok: bool, value: object, changes: Changes) -> None:
        op._deliver(ok, value, changes)

    def _release(self, token: int) -> None:
        op = _running.pop(token, None)
        if op is not None:
            self.finished.emit(op)

    def _report(self, task: Task, value: object) -> None:
        if isValid(task):
            task.progressed.emit(value)


_hub: Hub | None = None


def hub() -> Hub:
    """The one relay between workers and the GUI thread; first called on the GUI thread (run_in_background)."""
    global _hub
    if _hub is None:
        _hub = Hub()
        app = QCoreApplication.instance()
        if app is not None:  # its slots must run on the GUI thread, whoever asked first
            _hub.moveToThread(app.thread())
    return _hub


class Task(QObject):
    """The fn's handle: progress to the GUI thread and a cancel flag (thread-safe)."""

    progressed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._hub = hub()

    def report(self, value: object) -> None:
        """From the worker: ``progressed(value)`` follows on the GUI thread, if this task still exists then."""
        self._hub._progress.emit(self, value)

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def cancel_event(self) -> threading.Event:
        """For work that waits on the flag (the CP-SAT watcher in core/campaign/solver.py)."""
        return self._cancel


# Operations under way, by token: held here until their callbacks ran AND their worker let go of them, so the
# last reference to an op (its fn's closure, its parent, its result) is always dropped on the GUI thread: a
# Python-owned QObject freed on a worker would be deleted there. Callers do not keep the Op.
_running: dict[int, QueryOp[Any]] = {}
_tokens = itertools.count()


class QueryOp(Generic[T]):
    """``fn`` off the GUI thread; ``success(result)`` or ``failure(exc)`` back on it."""

    write = False

    def __init__(self, parent: QObject, fn: Callable[[], T], *, task: Task | None = None) -> None:
        self.parent, self.fn, self.task = parent, fn, task
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self.changes = Changes()
        self.worker_thread: threading.Thread | None = None  # where fn ran (tests check it)
        self.ok: bool | None = None  # None while under way; then whether fn succeeded

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
        relay, token = hub(), next(_tokens)
        _running[token] = self
        executor().submit(partial(_work, [self], token, relay), write=self.write)
        return self

    def _run(self, relay: Hub) -> None:
        self.worker_thread = threading.current_thread()
        try:
            with recording() as kinds:
                result = self.fn()
        except Exception as exc:  # handed to the GUI thread, which shows it
            log.debug("background operation failed", exc_info=True)
            relay._outcome.emit(self, False, exc, Changes())
        else:
            relay._outcome.emit(self, True, result, Changes(frozenset(kinds), self.parent))

    def _deliver(self, ok: bool, value: Any, changes: Changes) -> None:
        """On the GUI thread. The changes are announced even if the parent is gone (the write happened)."""
        self.changes, self.ok = changes, ok
        if ok and changes:
            hub().changed.emit(changes)
        if not isValid(self.parent):  # a dialog closed meanwhile: nobody is waiting for the answer
            log.debug("operation finished after its parent was deleted")
        elif ok:
            if self._success is not None:
                self._success(value)
        elif self._failure is not None:
            self._failure(value)
        else:
            log.error("operation failed", exc_info=value)


def _work(box: list[QueryOp[Any]], token: int, relay: Hub) -> None:
    """On a worker: the op is taken out of ``box`` and run in a frame that is gone before ``_released`` says so."""
    box.pop()._run(relay)
    relay._released.emit(token)


class WriteOp(QueryOp[T]):
    """A write: queued on the single writer thread; what it changed is announced on ``hub().changed``."""

    write = True
