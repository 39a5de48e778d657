"""Random campaign instances for the tests and benchmarks/bench_campaign.py (fixed seeds, synthetic figures:
the capacities here are test data, not facts about the venues)."""

from __future__ import annotations

import random
from datetime import date, time, timedelta
from pathlib import Path

from redtour.core.campaign import GroupRequest, VenueCapacity
from redtour.core.catalogue import Location, OpeningHours, Period, Venue
from redtour.core.planner import Place
from redtour.core.travel import Mode

CENTRE = (31.2304, 121.4737)
TUE_SUN = frozenset(range(2, 8))


def point(rng: random.Random, spread: float = 0.08) -> tuple[float, float]:
    return CENTRE[0] + rng.uniform(-spread, spread), CENTRE[1] + rng.uniform(-spread, spread)


def synthetic_venue(rng: random.Random, i: int) -> Venue:
    shape = rng.random()
    if shape < 0.25:  # closed at lunchtime, like 书记部
        periods = (
            Period(TUE_SUN, time(9, 0), time(11, 30), time(11, 0)),
            Period(TUE_SUN, time(13, 0), time(16, 30), time(16, 0)),
        )
    else:
        periods = (Period(TUE_SUN, time(9, 0), time(17, 0), time(16, 30)),)
    lat, lon = point(rng)
    return Venue(
        id=f"v{i}",
        name_zh=f"场馆{i}",
        location=Location(lat, lon),
        hours=OpeningHours(periods, frozenset({1})),
        visit_minutes=rng.choice([45, 60, 60, 90]),
    )


def catalogue_venues() -> dict[str, Venue]:
    """The shipped catalogue (sites.db), venues with a location only."""
    from redtour.storage.catalogue_db import bundled_venues

    venues, _digest = bundled_venues(Path(__file__).resolve().parents[3] / "sites.db")
    return {v.id: v for v in venues if v.location is not None}


def capacities(rng: random.Random, venues: dict[str, Venue]) -> dict[str, VenueCapacity]:
    caps = {}
    for vid in venues:
        shape = rng.random()
        if shape < 0.4:  # one group at a time (the cautious default)
            caps[vid] = VenueCapacity(
                vid, max_group=rng.choice([None, 30, 40]), lead_days=rng.choice([0, 1, 3])
            )
        elif shape < 0.7:
            caps[vid] = VenueCapacity(
                vid, max_group=50, concurrent=2, per_day=rng.choice([None, 6]), arrive_early=10
            )
        else:  # a slot grid like 中共三大会址: one team every 30 minutes, 12 a day, arrive 15 minutes early
            caps[vid] = VenueCapacity(vid, max_group=30, concurrent=2, slot_minutes=30, slots_per_day=12,
                                      lead_days=3, arrive_early=15, tour_minutes=45)  # fmt: skip
    return caps


def requests(
    rng: random.Random,
    n: int,
    venues: dict[str, Venue],
    start: date,
    days: int,
    unions: int = 6,
    popular: int | None = None,
    spans: tuple[int, ...] = (3, 7, 14, 30),
) -> list[GroupRequest]:
    ids = sorted(venues)
    favourites = ids[: popular or max(2, len(ids) // 3)]  # a few venues everybody wants
    out = []
    for g in range(n):
        first = start + timedelta(days=rng.randrange(days))
        span = rng.choice(spans)
        last = min(start + timedelta(days=days - 1), first + timedelta(days=span))
        must_n = rng.choice([1, 1, 2, 2, 3])
        must = tuple(rng.sample(favourites, 1) + rng.sample(ids, must_n - 1))
        must = tuple(dict.fromkeys(must))
        optional = tuple(v for v in rng.sample(ids, rng.choice([0, 0, 1, 2])) if v not in must)
        lat, lon = point(rng, 0.12)
        pref_day = first + timedelta(days=rng.randrange((last - first).days + 1))
        out.append(
            GroupRequest(
                group_id=f"g{g:03d}",
                union=f"工会{g % unions}",
                name=f"团队{g}",
                people=rng.choice([12, 18, 20, 25, 30, 30, 35, 45, 60]),
                earliest=first,
                latest=last,
                must=must,
                optional=optional,
                start=Place(f"出发地{g}", lat, lon),
                excluded_weekdays=frozenset(rng.sample([6, 7], rng.choice([0, 0, 1]))),
                mode=rng.choice([Mode.COACH, Mode.COACH, Mode.METRO]),
                start_time=time(8, 30),
                return_by=rng.choice([time(16, 30), time(17, 30)]),
                preferred=(pref_day,) if rng.random() < 0.4 else (),
                splittable=rng.random() < 0.9,
            )
        )
    return out
