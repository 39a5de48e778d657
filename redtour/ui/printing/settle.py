"""Know when a loaded QtWebEngine page (route sheet, share image) is drawn, before printing or grabbing it.

Chromium works asynchronously: on a busy two-core office PC a fixed sleep grabbed a half-drawn page (seen: a
long image painted only to its first viewport, text in a still-loading web font left out). Instead the page
itself says when it is done: a script waits for its web fonts, its images and (after a resize) its viewport
height, lets two frames render, and then sets ``document.title`` to a token; ``titleChanged`` brings that
to Python as a signal. The page's own title is put back before the job finishes (a PDF keeps it).
"""

from __future__ import annotations

import json

import shiboken6
from PySide6.QtWebEngineCore import QWebEnginePage

from redtour.mapping.commands import sentinel_colour
from redtour.ui.jobs import Job

_SETTLE_JS = """(function (token, height, sentinel, frames) {
  var before = document.title;
  Array.prototype.forEach.call(document.fonts, function (f) {
    if (f.status === "unloaded") f.load().catch(function () {});  // one layout has not asked for yet
  });
  var images = Array.prototype.filter.call(document.images, function (i) { return !i.complete; })
    .map(function (i) {
      return new Promise(function (done) {
        i.addEventListener("load", done, { once: true });
        i.addEventListener("error", done, { once: true });
      });
    });
  var sized = new Promise(function (done) {
    (function check() {
      if (height === null || window.innerHeight === height) done();
      else window.addEventListener("resize", check, { once: true });
    })();
  });
  window.__rtTitle = before;
  Promise.all([document.fonts.ready, sized].concat(images)).then(function () {
    if (sentinel) {  // one CSS pixel at the top left in a colour for this token (ui/grab.py)
      var el = document.getElementById("redtour-sentinel") || document.createElement("div");
      el.id = "redtour-sentinel";
      el.style.cssText = "position:fixed;left:0;top:0;width:1px;height:1px;z-index:2147483647;" +
        "pointer-events:none;background:" + sentinel;
      document.body.appendChild(el);
    }
    if (!frames) { document.title = token; return; }  // a page with no view draws no frames: printing draws
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { document.title = token; });
    });
  });
  return true;
})(%s, %s, %s, %s)"""

_RESTORE_TITLE_JS = "document.title = window.__rtTitle; true"


class Settle(Job):
    """Finishes once ``page`` — already loaded — has its fonts and images in and two frames drawn; with
    ``height``, once its viewport has that height too (a resize reaches the page asynchronously). The result
    is the job's token. ``frames``: wait for two frames (False for a page without a view, which draws none).
    With ``sentinel`` the page's top-left CSS pixel is ``sentinel_colour(token)`` then, for
    ``grab_showing`` (ui/grab.py)."""

    _count = 0

    def __init__(
        self,
        page: QWebEnginePage,
        *,
        height: int | None = None,
        sentinel: bool = False,
        frames: bool = True,
        timeout_ms: int = 30_000,
    ) -> None:
        super().__init__(page, timeout_ms=timeout_ms)
        Settle._count += 1
        self.page = page
        self.height = height
        self.frames = frames
        self.token = Settle._count
        self.sentinel = "rgb({}, {}, {})".format(*sentinel_colour(self.token)) if sentinel else None

    @property
    def title(self) -> str:
        return f"redtour-settled-{self.token}"

    def run(self) -> None:
        self.page.titleChanged.connect(self._title_changed)
        arguments = (
            json.dumps(self.title),
            json.dumps(self.height),
            json.dumps(self.sentinel),
            json.dumps(self.frames),
        )
        self.page.runJavaScript(_SETTLE_JS % arguments, 0)

    def _title_changed(self, title: str) -> None:
        if title == self.title and not self.done:
            self.page.runJavaScript(
                _RESTORE_TITLE_JS, 0, self.step(lambda _restored: self.succeed(self.token))
            )

    def cleanup(self) -> None:
        if shiboken6.isValid(self.page):
            self.page.titleChanged.disconnect(self._title_changed)
