"""Jobs: chains of asynchronous steps on the GUI thread (load → ready → print → done) that end in one signal.

QtWebEngine lives on the GUI thread and answers through signals and callbacks. A job connects each answer to
its next step and ends in exactly one of ``finished(result)`` or ``failed(message)``; nothing waits in a
nested event loop, so a click elsewhere cannot start work inside the job. The GUI connects to the signals;
the CLI runs a job under the application's own ``exec()`` (``run_headless``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, QTimer, Signal

log = logging.getLogger(__name__)


class Job(QObject):
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, *, timeout_ms: int = 60_000) -> None:
        super().__init__(parent)
        self.timeout_ms = timeout_ms
        self.done = False
        self._children: list[Job] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.fail(f"timed out after {self.timeout_ms / 1000:g} s"))

    def start(self) -> None:
        """Begin; returns at once. The outcome arrives as ``finished`` or ``failed`` (never both)."""
        self._timer.start(self.timeout_ms)  # a guard against a page that never answers, not a wait
        self.step(self.run)()

    def run(self) -> None:
        raise NotImplementedError

    def cleanup(self) -> None:
        """Release what the job holds (pages, profiles, temporary files); runs once, before the outcome."""

    def step(self, fn: Callable[..., None]) -> Callable[..., None]:
        """``fn`` as a callback: ignored once the job is over, and an exception in it fails the job."""

        def call(*args: Any) -> None:
            if self.done:
                return
            try:
                fn(*args)
            except Exception as exc:
                if isinstance(exc, OSError | RuntimeError | ValueError):
                    log.warning("%s failed: %s", type(self).__name__, exc)
                else:
                    log.exception("%s failed", type(self).__name__)
                self.fail(str(exc) or type(exc).__name__)

        return call

    def chain(self, child: Job, then: Callable[[Any], None]) -> None:
        """Run ``child``; its result goes to ``then``, its failure fails this job."""
        self._children.append(child)
        child.finished.connect(self.step(then))
        child.failed.connect(self.fail)
        child.start()

    def succeed(self, result: object) -> None:
        self._conclude(lambda: self.finished.emit(result))

    def fail(self, message: str) -> None:
        self._conclude(lambda: self.failed.emit(message))

    def _conclude(self, emit: Callable[[], None]) -> None:
        if self.done:
            return
        self.done = True
        self._timer.stop()
        for child in self._children:
            if not child.done:
                child.fail("cancelled")

        def finish() -> None:
            self.cleanup()
            emit()

        # From the event loop, not from inside the signal handler of a page that cleanup() deletes.
        QTimer.singleShot(0, self, finish)


def run_headless(job: Job) -> Any:
    """Run ``job`` to its end under the application's ``exec()`` (the CLI: start, quit when it is over).

    Raises RuntimeError with the job's message on failure. Not for the GUI, whose event loop is running.
    """
    from PySide6.QtWidgets import QApplication

    from redtour.ui.application import create_application

    if QThread.currentThread().loopLevel() > 0:
        raise RuntimeError("run_headless inside a running event loop: connect to the job's signals instead")
    app = create_application(headless=True)
    assert isinstance(app, QApplication)
    outcome: dict[str, Any] = {}
    job.finished.connect(lambda result: (outcome.setdefault("result", result), app.quit()))
    job.failed.connect(lambda message: (outcome.setdefault("error", message), app.quit()))
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the offscreen views a job opens and closes are not the user's
    QTimer.singleShot(0, job.start)
    try:
        app.exec()
    finally:
        app.setQuitOnLastWindowClosed(quit_on_close)
    if "error" in outcome:
        raise RuntimeError(outcome["error"])
    if "result" not in outcome:
        raise RuntimeError("the job did not finish")
    return outcome["result"]
