"""Venue catalogue: the facts the app knows about each red site, as frozen dataclasses.

A fact that no source gives is ``None`` (or empty) and is shown as 待核实; nothing here guesses.
Times are Shanghai local time. Weekdays are ISO numbers, 1 = Monday … 7 = Sunday.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Literal

from redtour.core.capacity import Capacity, capacity_from_dict, capacity_to_dict
from redtour.core.facts import FactInfo, StaffCheck, facts_from_dict, facts_to_dict

Origin = Literal["catalogue", "local"]

#: Shanghai's 16 districts, in the order the city lists them.
DISTRICTS: tuple[str, ...] = (
    "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区",
    "宝山区", "嘉定区", "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区",
)  # fmt: skip

UNKNOWN_ZH = "待核实"


@dataclass(frozen=True)
class Period:
    """One opening period on the given weekdays, e.g. 09:00–11:30 with last entry 11:00."""

    weekdays: frozenset[int]
    open: time
    close: time
    last_entry: time | None = None


@dataclass(frozen=True)
class OpeningHours:
    periods: tuple[Period, ...] = ()
    closed_weekdays: frozenset[int] = frozenset()
    all_day: bool = False
    open_on_public_holidays: bool = False
    #: Statutory holidays (names as in core.holidays.HOLIDAY_NAMES) on which the venue is closed all day.
    closed_holidays: tuple[str, ...] = ()
    closed_note: str = ""
    note: str = ""
    confidence: str = ""


@dataclass(frozen=True)
class Reservation:
    required: bool | None = None
    lead_days: int | None = None
    how: str = ""
    note: str = ""
    confidence: str = ""


@dataclass(frozen=True)
class Location:
    """A WGS-84 position (the catalogue converts GCJ-02 / BD-09 sources on load)."""

    lat: float
    lon: float
    confidence: str = ""
    note: str = ""
    source_datum: str = "WGS-84"


@dataclass(frozen=True)
class Source:
    ref: str
    url: str
    title: str = ""
    date: str = ""  # the source's own date as the research gives it ("2021-06-17", "2019-09", "n.d.")


@dataclass(frozen=True)
class Venue:
    id: str
    name_zh: str
    name_en: str = ""
    aliases: tuple[str, ...] = ()
    district: str | None = None
    address: str | None = None
    location: Location | None = None
    hours: OpeningHours | None = None
    reservation: Reservation | None = None
    max_group_size: int | None = None
    phone: str | None = None
    fee: str | None = None
    visit_minutes: int | None = None
    history: str | None = None
    status_note: str | None = None
    tags: tuple[str, ...] = ()
    in_notice: bool = False
    #: The day the catalogue record was compiled from its sources (检索于): not a check of any fact.
    compiled: date | None = None
    sources: tuple[Source, ...] = ()
    #: Per-fact provenance: sources, 资料时间 (as of), confidence, inferred (see ``redtour.core.facts``).
    facts: Mapping[str, FactInfo] = field(default_factory=dict, compare=False, hash=False)
    capacity: Capacity | None = None
    origin: Origin = "catalogue"
    #: Facts replaced by a local correction, with who checked them, when and how (see ``apply_corrections``).
    local_facts: Mapping[str, StaffCheck] = field(default_factory=dict, compare=False, hash=False)
    #: Every staff check (核对): corrections and confirmations without a change.
    staff_checks: Mapping[str, StaffCheck] = field(default_factory=dict, compare=False, hash=False)

    @property
    def lat(self) -> float | None:
        return self.location.lat if self.location else None

    @property
    def lon(self) -> float | None:
        return self.location.lon if self.location else None

    def is_local(self, fact: str) -> bool:
        return fact in self.local_facts

    def fact_info(self, fact: str) -> FactInfo | None:
        return self.facts.get(fact)

    def sources_of(self, fact: str) -> tuple[Source, ...]:
        info = self.facts.get(fact)
        wanted = set(info.sources) if info else set()
        return tuple(s for s in self.sources if s.ref in wanted)


LocalFact = StaffCheck  # the older name


#: Facts staff may correct locally. Names and ids stay with the catalogue.
CORRECTABLE_FACTS: tuple[str, ...] = (
    "name_en", "aliases", "district", "address", "location", "hours", "reservation",
    "max_group_size", "phone", "fee", "visit_minutes", "history", "status_note", "tags", "capacity",
)  # fmt: skip


@dataclass(frozen=True)
class Correction:
    """One staff check of a fact; ``value`` uses the same shape as the catalogue source (see
    ``venue_from_dict``). ``changed=False`` confirms the catalogue's value and ``value`` is ignored."""

    venue_id: str
    fact: str
    value: Any
    checked: date | None
    note: str = ""
    by: str = ""
    how: str = ""
    changed: bool = True


def apply_corrections(venue: Venue, corrections: Iterable[Correction]) -> Venue:
    """Return the venue with local corrections applied and marked as local, and staff checks attached."""
    changes: dict[str, Any] = {}
    local: dict[str, StaffCheck] = dict(venue.local_facts)
    checks: dict[str, StaffCheck] = dict(venue.staff_checks)
    for c in corrections:
        if c.venue_id != venue.id:
            continue
        if c.fact not in CORRECTABLE_FACTS:
            raise ValueError(f"fact {c.fact!r} cannot be corrected")
        check = StaffCheck(checked=c.checked, by=c.by, how=c.how, note=c.note, changed=c.changed)
        checks[c.fact] = check
        if c.changed:
            changes[c.fact] = parse_fact(c.fact, c.value)
            local[c.fact] = check
    if not checks:
        return venue
    return dataclasses.replace(venue, **changes, local_facts=local, staff_checks=checks)


# --- conversion to and from the plain dict shape of the TOML source / JSON columns -----------------


def _time(text: str | None) -> time | None:
    if text in (None, ""):
        return None
    hh, mm = str(text).split(":")
    return time(int(hh), int(mm))


def _date(text: Any) -> date | None:
    if text in (None, ""):
        return None
    if isinstance(text, date):
        return text
    return date.fromisoformat(str(text))


def _hhmm(t: time | None) -> str | None:
    return None if t is None else t.strftime("%H:%M")


def hours_from_dict(d: Mapping[str, Any] | None) -> OpeningHours | None:
    if not d:
        return None
    periods = tuple(
        Period(
            weekdays=frozenset(int(w) for w in p.get("weekdays", range(1, 8))),
            open=_time(p["open"]) or time(0),
            close=_time(p["close"]) or time(23, 59),
            last_entry=_time(p.get("last_entry")),
        )
        for p in d.get("periods", ())
    )
    for p in periods:
        if not p.open < p.close:
            raise ValueError(f"opening period {p.open}–{p.close} ends before it starts")
        if p.last_entry and not p.open <= p.last_entry <= p.close:
            raise ValueError(f"last entry {p.last_entry} lies outside {p.open}–{p.close}")
    return OpeningHours(
        periods=periods,
        closed_weekdays=frozenset(int(w) for w in d.get("closed_weekdays", ())),
        all_day=bool(d.get("all_day", False)),
        open_on_public_holidays=bool(d.get("open_on_public_holidays", False)),
        closed_holidays=_holiday_names(d.get("closed_holidays", ())),
        closed_note=d.get("closed_note", ""),
        note=d.get("note", ""),
        confidence=d.get("confidence", ""),
    )


def _holiday_names(names: Iterable[str]) -> tuple[str, ...]:
    from redtour.core.holidays import HOLIDAY_NAMES, canonical_name  # local import keeps the graph flat

    out = tuple(canonical_name(str(n)) for n in names)
    unknown = [n for n in out if n not in HOLIDAY_NAMES]
    if unknown:
        raise ValueError(f"closed_holidays: unknown holiday {unknown[0]!r} (use {'、'.join(HOLIDAY_NAMES)})")
    return out


def hours_to_dict(h: OpeningHours | None) -> dict[str, Any] | None:
    if h is None:
        return None
    out: dict[str, Any] = {
        "periods": [
            {
                "weekdays": sorted(p.weekdays),
                "open": _hhmm(p.open),
                "close": _hhmm(p.close),
                **({"last_entry": _hhmm(p.last_entry)} if p.last_entry else {}),
            }
            for p in h.periods
        ],
        "closed_weekdays": sorted(h.closed_weekdays),
    }
    for key in ("all_day", "open_on_public_holidays"):
        if getattr(h, key):
            out[key] = True
    if h.closed_holidays:
        out["closed_holidays"] = list(h.closed_holidays)
    for key in ("closed_note", "note", "confidence"):
        if getattr(h, key):
            out[key] = getattr(h, key)
    return out


def reservation_from_dict(d: Mapping[str, Any] | None) -> Reservation | None:
    if not d:
        return None
    lead = d.get("lead_days")
    return Reservation(
        required=d.get("required"),
        lead_days=None if lead is None else int(lead),
        how=d.get("how", ""),
        note=d.get("note", ""),
        confidence=d.get("confidence", ""),
    )


def reservation_to_dict(r: Reservation | None) -> dict[str, Any] | None:
    if r is None:
        return None
    out: dict[str, Any] = {}
    if r.required is not None:
        out["required"] = r.required
    if r.lead_days is not None:
        out["lead_days"] = r.lead_days
    for key in ("how", "note", "confidence"):
        if getattr(r, key):
            out[key] = getattr(r, key)
    return out


def location_from_dict(d: Mapping[str, Any] | None) -> Location | None:
    """Read a location; GCJ-02 and BD-09 source coordinates are converted to WGS-84 here."""
    if not d or d.get("lat") is None or d.get("lon") is None:
        return None
    from redtour.core.geo import to_wgs84  # local import keeps the module graph flat

    datum = d.get("datum", "WGS-84")
    lat, lon = to_wgs84(float(d["lat"]), float(d["lon"]), datum)
    return Location(
        lat=round(lat, 6),
        lon=round(lon, 6),
        confidence=d.get("confidence", ""),
        note=d.get("note", ""),
        source_datum=d.get("converted_from", datum),
    )


def location_to_dict(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    out: dict[str, Any] = {"lat": loc.lat, "lon": loc.lon, "datum": "WGS-84"}
    if loc.confidence:
        out["confidence"] = loc.confidence
    if loc.note:
        out["note"] = loc.note
    if loc.source_datum != "WGS-84":
        out["converted_from"] = loc.source_datum
    return out


def sources_from_list(items: Iterable[Mapping[str, Any]]) -> tuple[Source, ...]:
    # An older "checked" key (the compilation day, not a check) is ignored on purpose.
    return tuple(
        Source(ref=s.get("ref", ""), url=s["url"], title=s.get("title", ""), date=str(s.get("date", "")))
        for s in items
    )


def sources_to_list(sources: Iterable[Source]) -> list[dict[str, Any]]:
    out = []
    for s in sources:
        d: dict[str, Any] = {"ref": s.ref, "url": s.url}
        if s.title:
            d["title"] = s.title
        if s.date:
            d["date"] = s.date
        out.append(d)
    return out


def _opt_int(v: Any) -> int | None:
    return None if v in (None, "") else int(v)


def _opt_str(v: Any) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


_FACT_PARSERS: dict[str, Any] = {
    "name_en": lambda v: str(v or ""),
    "aliases": lambda v: tuple(str(a) for a in (v or ())),
    "tags": lambda v: tuple(str(t) for t in (v or ())),
    "district": _opt_str,
    "address": _opt_str,
    "phone": _opt_str,
    "fee": _opt_str,
    "history": _opt_str,
    "status_note": _opt_str,
    "max_group_size": _opt_int,
    "visit_minutes": _opt_int,
    "location": location_from_dict,
    "hours": hours_from_dict,
    "reservation": reservation_from_dict,
    "capacity": capacity_from_dict,
}

_FACT_WRITERS: dict[str, Any] = {
    "aliases": list,
    "tags": list,
    "location": location_to_dict,
    "hours": hours_to_dict,
    "reservation": reservation_to_dict,
    "capacity": capacity_to_dict,
}


def parse_fact(fact: str, value: Any) -> Any:
    return _FACT_PARSERS[fact](value)


def fact_to_plain(fact: str, value: Any) -> Any:
    """The JSON-friendly form of one fact (inverse of ``parse_fact``)."""
    writer = _FACT_WRITERS.get(fact)
    return writer(value) if writer else value


def venue_from_dict(d: Mapping[str, Any], origin: Origin = "catalogue") -> Venue:
    """Build a venue from the catalogue's plain shape (a TOML file or a stored row)."""
    if not d.get("id") or not d.get("name_zh"):
        raise ValueError("a venue needs an id and a Chinese name")
    return Venue(
        id=str(d["id"]),
        name_zh=str(d["name_zh"]),
        in_notice=bool(d.get("in_notice", False)),
        compiled=_date(d.get("compiled", d.get("checked"))),
        sources=sources_from_list(d.get("sources", ())),
        facts=facts_from_dict(d.get("facts")),
        origin=origin,
        **{fact: parse_fact(fact, d.get(fact)) for fact in CORRECTABLE_FACTS},
    )


def venue_to_dict(v: Venue) -> dict[str, Any]:
    """The plain, JSON-serialisable form of a venue (used by storage and `redtour sites --format json`)."""
    out: dict[str, Any] = {"id": v.id, "name_zh": v.name_zh}
    for fact in CORRECTABLE_FACTS:
        out[fact] = fact_to_plain(fact, getattr(v, fact))
    out.update(
        in_notice=v.in_notice,
        compiled=v.compiled.isoformat() if v.compiled else None,
        sources=sources_to_list(v.sources),
        facts=facts_to_dict(v.facts),
        origin=v.origin,
    )
    return out
