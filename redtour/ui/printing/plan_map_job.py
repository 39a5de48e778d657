"""The first step of every printed or shared plan: its route map drawn to a PNG in a temporary folder
(MapRenderJob), on the plan's day and holiday calendar. Subclasses take it from ``map_drawn``."""

from __future__ import annotations

import base64
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject

from redtour.core.catalogue import Venue
from redtour.core.planner import Plan
from redtour.mapping.route import route_of_plan
from redtour.ui.jobs import Job
from redtour.ui.map.render import MapRenderJob


class PlanMapJob(Job):
    #: The map's CSS size and zoom (the printed or shared page decides them), and the temporary folder's prefix.
    map_size: tuple[int, int] = (860, 600)
    map_zoom: float = 2.0
    prefix = "redtour-plan-"

    def __init__(
        self,
        plan: Plan,
        venues: list[Venue],
        options: Any,
        out: Path,
        title: str,
        *,
        timeout_ms: int = 120_000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent, timeout_ms=timeout_ms)
        self.plan, self.venues, self.options, self.out, self.title = plan, venues, options, out, title
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def run(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix=self.prefix)
        render = MapRenderJob(
            self.venues,
            Path(self._tmp.name) / "map.png",
            width=self.map_size[0],
            height=self.map_size[1],
            on_date=self.plan.request.day,
            route=route_of_plan(self.plan, self.title),
            zoom=self.map_zoom,
            for_print=True,
            holidays=self.plan.request.holidays,
            parent=self,
        )
        self.chain(render, self._drawn)

    def _drawn(self, map_png: Path) -> None:
        assert self._tmp is not None
        uri = "data:image/png;base64," + base64.b64encode(map_png.read_bytes()).decode()
        self.map_drawn(uri, Path(self._tmp.name))

    def map_drawn(self, map_uri: str, folder: Path) -> None:
        """Go on from the drawn map (a data: URI) with files in ``folder``, removed when the job ends."""
        raise NotImplementedError

    def cleanup(self) -> None:
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
