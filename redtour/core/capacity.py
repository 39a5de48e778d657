"""What the sources say about a venue's size, and the group-size rule of thumb built on it.

No source in the catalogue gives a venue's own limit on group size; where one does, it goes in
``Venue.max_group_size`` and the planner enforces it. What the research does give are sizes ("about 140 m²",
"a two-storey small building"). ``Capacity.small`` is set in the catalogue only where a source describes the
venue as small or states an indoor area under ``SMALL_AREA_M2``.

The warning threshold is a rule of thumb, not a venue rule: one guided party of about
``SMALL_VENUE_GROUP`` people is what a small memorial room of 150–300 m² holds at once (about 5 m² a
person in a 140 m² room, one 讲解员 per party); a larger group is asked to split into batches and to
confirm with the venue. It is deliberately cautious: it warns, it never removes a stop.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from redtour.i18n import _

SMALL_AREA_M2 = 300
SMALL_VENUE_GROUP = 30


@dataclass(frozen=True)
class Capacity:
    note: str = ""  # the sources' words, e.g. "建筑仅约140㎡（一楼展厅、二楼党群服务站），接待规模有限。"
    area_m2: int | None = None  # an area a source states (building or exhibition, see the note)
    small: bool = False  # a source calls it small or states an indoor area under SMALL_AREA_M2


def capacity_from_dict(d: Mapping[str, Any] | None) -> Capacity | None:
    if not d:
        return None
    area = d.get("area_m2")
    if area is not None and int(area) <= 0:
        raise ValueError("area_m2 must be positive")
    return Capacity(
        note=str(d.get("note", "")),
        area_m2=None if area is None else int(area),
        small=bool(d.get("small", False)),
    )


def capacity_to_dict(c: Capacity | None) -> dict[str, Any] | None:
    if c is None:
        return None
    out: dict[str, Any] = {}
    if c.note:
        out["note"] = c.note
    if c.area_m2 is not None:
        out["area_m2"] = c.area_m2
    if c.small:
        out["small"] = True
    return out


def small_venue_warning(capacity: Capacity | None, group_size: int) -> str | None:
    """The planner's warning (shown beside the stop) for a large group at a venue known to be small."""
    if capacity is None or not capacity.small or group_size <= SMALL_VENUE_GROUP:
        return None
    size = _("约{area}㎡").format(area=capacity.area_m2) if capacity.area_m2 else _("资料称场地小")
    return _(
        "场地小（{size}），团队{people}人超过小场馆一批约{limit}人的经验值：建议分批参观，并提前与场馆确认接待能力"
    ).format(size=size, people=group_size, limit=SMALL_VENUE_GROUP)
