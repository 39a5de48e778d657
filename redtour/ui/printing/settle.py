"""Wait until a QtWebEngine page has run its queued scripts and painted, before grabbing it.

Chromium works asynchronously: on a busy two-core office PC a fixed sleep grabs a half-drawn page (seen: the
map without its route, a long image painted only to its first viewport). Poll the page instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEventLoop, QTimer


def _sleep(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def run_js(page: Any, script: str, timeout_ms: int = 30_000) -> object:
    """The value of ``script`` (scripts queued before it have run by then); None on timeout."""
    result: list[object] = []
    loop = QEventLoop()
    page.runJavaScript(script, 0, lambda value: (result.append(value), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    return result[0] if result else None


def poll(page: Any, condition: str, timeout_ms: int = 30_000) -> bool:
    """Until a JavaScript condition is true (runJavaScript does not await promises, so poll)."""
    for _ in range(max(1, timeout_ms // 50)):
        if run_js(page, condition, timeout_ms) is True:
            return True
        _sleep(50)
    return False


def painted(page: Any, timeout_ms: int = 30_000, *, height: int | None = None) -> None:
    """Fonts and images loaded, the viewport at ``height`` (a resize is asynchronous), two frames drawn."""
    poll(
        page, "document.fonts.status === 'loaded' && [...document.images].every(i => i.complete)", timeout_ms
    )
    if height is not None:
        poll(page, f"window.innerHeight === {height}", timeout_ms)
    run_js(
        page,
        "window.__rtPainted = false; requestAnimationFrame(() => requestAnimationFrame(() => "
        "{ window.__rtPainted = true; })); 0",
        timeout_ms,
    )
    poll(page, "window.__rtPainted === true", timeout_ms)
    _sleep(200)  # the compositor hands the frame to the widget
