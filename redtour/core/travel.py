"""Offline travel-time model: geodesic distance × a detour factor ÷ a speed, plus fixed overheads.

The constants are deliberately simple and documented so a group leader can check them
(docs/travel-model.md gives the figures they come from):

- **Detour factor** (road or path distance ÷ straight-line distance): road-network circuity is about
  1.2–1.4 in published national and metropolitan studies (Ballou, Rahardja & Sakai 2002, *Transportation
  Research A* 36; Giacomin & Levinson 2015, *Environment and Planning B* 42). Shanghai's dense central grid and
  its river crossings put it in the middle: 1.3 by road, 1.25 by metro (lines run along major corridors).
- **Chartered coach**: 22 km/h door to door. Shanghai's annual transport reports (上海市综合交通运行年报) put
  central-city arterial speeds at roughly 20–25 km/h in the daytime; a coach is slower to start and to park.
  Plus 10 minutes per leg to board a group, find the coach park and walk to the entrance.
- **Metro + walking**: 30 km/h in the train (Shanghai Metro's scheduled speeds are 30–40 km/h including
  stops; transfers bring the average down) plus 18 minutes per leg: about 6 minutes' walk at each end and
  about 6 minutes of waiting and transfer for a group.
- **Walking**: 4 km/h (about 1.1 m/s: pedestrian studies find ~1.3 m/s for individuals and slower for groups).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from redtour.core.geo import geodesic_km
from redtour.i18n import N_


class Mode(StrEnum):
    COACH = "coach"
    METRO = "metro"
    WALK = "walk"


#: Chinese names (marked for the gettext catalogue: ``_(MODE_ZH[mode])`` in the installed language).
MODE_ZH = {Mode.COACH: N_("包车"), Mode.METRO: N_("地铁+步行"), Mode.WALK: N_("步行")}


@dataclass(frozen=True)
class ModeModel:
    detour: float  # network distance ÷ geodesic distance
    speed_kmh: float
    overhead_min: float  # per leg: boarding, parking, walking to and from stations, waiting

    def minutes(self, km: float) -> float:
        if km <= 0.05:  # the same place (e.g. two halls of one building)
            return 0.0
        return self.overhead_min + km * self.detour / self.speed_kmh * 60.0


MODELS: dict[Mode, ModeModel] = {
    Mode.COACH: ModeModel(detour=1.3, speed_kmh=22.0, overhead_min=10.0),
    Mode.METRO: ModeModel(detour=1.25, speed_kmh=30.0, overhead_min=18.0),
    Mode.WALK: ModeModel(detour=1.3, speed_kmh=4.0, overhead_min=0.0),
}


@dataclass(frozen=True)
class Leg:
    minutes: int
    km: float  # the estimated travelled distance (geodesic × detour)
    source: str = "offline"  # "offline" or "osrm"


@dataclass(frozen=True)
class TravelMatrix:
    """Minutes and kilometres between every pair of points, in the order the points were given."""

    minutes: tuple[tuple[int, ...], ...]
    km: tuple[tuple[float, ...], ...]
    source: str = "offline"
    #: Road geometry per (i, j) leg when a routing engine gave it, as ((lat, lon), …).
    geometry: dict[tuple[int, int], tuple[tuple[float, float], ...]] | None = None

    def leg(self, i: int, j: int) -> Leg:
        return Leg(self.minutes[i][j], self.km[i][j], self.source)

    def __len__(self) -> int:
        return len(self.minutes)


def offline_matrix(points: list[tuple[float, float]], mode: Mode) -> TravelMatrix:
    """The model above for every pair; minutes rounded up (a plan should not be optimistic)."""
    model = MODELS[mode]
    n = len(points)
    minutes = [[0] * n for _ in range(n)]
    km = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            straight = geodesic_km(*points[i], *points[j])
            km[i][j] = km[j][i] = round(straight * model.detour, 2)
            minutes[i][j] = minutes[j][i] = math.ceil(model.minutes(straight) - 1e-9)
    return TravelMatrix(tuple(map(tuple, minutes)), tuple(map(tuple, km)), "offline")
