"""Greedy first-fit: the benchmark's baseline and the CP-SAT solver's starting hint.

Groups in the order given; each takes the first variant (all must-visit venues first, preferred dates
first, then by date) whose earliest timing still fits beside the groups already placed. All sub-groups of a
split group go on the same day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from redtour.core.campaign.candidates import Part, Prepared, Variant, prepare
from redtour.core.campaign.model import Assignment, CampaignProblem, ScheduleResult
from redtour.core.campaign.occupancy import Occupancy, Timed, build_result, chain_ok, minutes


def greedy_schedule(problem: CampaignProblem) -> ScheduleResult:
    """Each group in turn on its first day and earliest times that still fit."""
    prepared = prepare(problem)
    chosen = greedy_fill(prepared)
    people = sum(p.people for p in prepared.parts if p.key in chosen or p.pin)
    return build_result(
        prepared, chosen, problem.venues, optimal=False, gap=None, bound=None, objective=float(people),
        stats={"method": "greedy"},
    )  # fmt: skip


def _order(v: Variant) -> tuple[int, bool, date]:
    return (len(v.missing_must), not v.preferred, v.day)


def greedy_fill(
    prepared: Prepared, previous: Sequence[Assignment] | None = None
) -> dict[tuple[str, int], Timed]:
    """Part key → timed variant. With ``previous``, each group first tries exactly where it was."""
    occupancy = Occupancy(prepared.capacities)
    for part in prepared.parts:
        if part.pin is not None:
            occupancy.add_pin(part.pin, prepared)
    before = {(a.group_id, a.part): a for a in previous or ()}
    chosen: dict[tuple[str, int], Timed] = {}
    groups: dict[str, list[Part]] = {}
    for part in prepared.parts:
        groups.setdefault(part.request.group_id, []).append(part)
    for gid, parts in groups.items():
        free = [p for p in parts if p.pin is None]
        if not free:
            continue
        kept = _keep(free, before, occupancy, gid, prepared)
        if kept is not None:
            chosen.update(kept)
        else:
            _first_fit(free, parts, free[0].variants, occupancy, prepared, chosen)
    for parts in groups.values():  # second pass: groups that fit only without one must-visit venue
        free = [p for p in parts if p.pin is None]
        if free and free[0].fallback and free[0].key not in chosen:
            _first_fit(free, parts, free[0].fallback, occupancy, prepared, chosen)
    return chosen


def _first_fit(
    free: list[Part],
    parts: list[Part],
    offered: list[Variant],
    occupancy: Occupancy,
    prepared: Prepared,
    chosen: dict[tuple[str, int], Timed],
) -> None:
    gid = free[0].request.group_id
    pin_days = {p.pin.day for p in parts if p.pin}
    variants = sorted(offered, key=_order)
    days = list(dict.fromkeys(v.day for v in variants if not pin_days or v.day in pin_days))
    for day in days:
        placed: dict[tuple[str, int], Timed] = {}
        for part in free:
            t = next(
                (t for v in variants if v.day == day for t in [occupancy.place(v, prepared.lunch, gid)] if t),
                None,
            )
            if t is None:
                break
            occupancy.add_timed(t, gid)
            placed[part.key] = t
        if len(placed) == len(free):
            chosen.update(placed)
            return
        for t in placed.values():
            occupancy.remove_timed(t, gid)


def _keep(
    free: list[Part],
    before: Mapping[tuple[str, int], Assignment],
    occupancy: Occupancy,
    gid: str,
    prepared: Prepared,
) -> dict[tuple[str, int], Timed] | None:
    """The previous placement of every sub-group, when it is still a variant and still fits."""
    out: dict[tuple[str, int], Timed] = {}
    for part in free:
        a = before.get(part.key)
        t = None if a is None else match(part, a, prepared)
        if t is None or not all(
            occupancy.fits(s.venue_id, t.variant.day, x, s.tour, s.early, gid)
            for s, x in zip(t.variant.stops, t.starts, strict=True)
        ):
            for done in out.values():
                occupancy.remove_timed(done, gid)
            return None
        occupancy.add_timed(t, gid)
        out[part.key] = t
    return out


def match(part: Part, a: Assignment, prepared: Prepared) -> Timed | None:
    """The variant and starts that reproduce assignment ``a`` exactly and still keep the rules, if any."""
    ids = tuple(s.venue_id for s in a.stops)
    for v in (*part.variants, *part.fallback):
        if v.day != a.day or tuple(s.venue_id for s in v.stops) != ids:
            continue
        starts = tuple(minutes(st.arrive) + s.early for s, st in zip(v.stops, a.stops, strict=True))
        lunch = chain_ok(v, starts, prepared.lunch)
        if lunch is not None:
            return Timed(v, starts, None if lunch < 0 else lunch)
    return None
