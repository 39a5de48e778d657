"""Turn venues into map markers for a date: status colour, tooltip and popup text (plain text only)."""

from __future__ import annotations

from datetime import date

from redtour.core.calendar import day_status, weekly_summary
from redtour.core.catalogue import UNKNOWN_ZH, Venue
from redtour.core.holidays import HolidayCalendar
from redtour.mapping.protocol import Status, VenueMarker


def marker_status(
    venue: Venue, on_date: date, language: str = "zh_CN", holidays: HolidayCalendar | None = None
) -> tuple[Status, str]:
    st = day_status(venue, on_date, holidays)
    en = language.startswith("en")
    if st.state == "closed":
        return "closed", (
            f"Closed: {st.reason}" if en and st.reason else st.reason or ("Closed" if en else "闭馆")
        )
    if st.state == "unknown":
        return "unknown", "Hours to be verified" if en else st.reason or UNKNOWN_ZH
    if venue.reservation and venue.reservation.required:
        lead = venue.reservation.lead_days
        if en:
            return "reservation", f"Open {st.hours_text()}; booking needed" + (
                f" ({lead} days ahead)" if lead else ""
            )
        return "reservation", f"开放 {st.hours_text()}；需预约" + (f"（提前{lead}天）" if lead else "")
    return "open", f"Open {st.hours_text()}" if en else f"开放 {st.hours_text()}"


def venue_markers(
    venues: list[Venue], on_date: date, language: str = "zh_CN", holidays: HolidayCalendar | None = None
) -> list[VenueMarker]:
    """Markers for every located venue; venues without a location are skipped (they cannot be drawn)."""
    out = []
    for v in venues:
        if v.location is None:
            continue
        status, text = marker_status(v, on_date, language, holidays)
        out.append(
            VenueMarker(
                id=v.id,
                name=v.name_zh,
                lat=v.location.lat,
                lon=v.location.lon,
                status=status,
                status_text=text,
                address=v.address or UNKNOWN_ZH,
                hours=weekly_summary(v.hours),
            )
        )
    return out


def day_notice(on_date: date, holidays: HolidayCalendar | None, language: str = "zh_CN") -> str:
    """The map's note for the day: empty when the day's holiday schedule is known."""
    if holidays is not None and holidays.known(on_date.year):
        return ""
    if language.startswith("en"):
        return f"The {on_date.year} holiday schedule has not been entered; weekly rules only"
    return (holidays or HolidayCalendar()).warning(on_date) or ""
def unlocated_note(venues: list[Venue]) -> list[str]:
    """Lines naming the venues a map cannot draw, with what is known (district, 推断 when inferred; address)."""
    missing = [v for v in venues if v.location is None]
    if not missing:
        return []
    lines = [f"{len(missing)} 个场馆暂无位置，未画在地图上："]
    for v in missing:
        info = v.facts.get("district")
        inferred = "（推断）" if info is not None and info.inferred and not v.is_local("district") else ""
        lines.append(
            f"  {v.name_zh}（{v.district or UNKNOWN_ZH}{inferred}；地址：{v.address or UNKNOWN_ZH}）"
        )
    return lines
