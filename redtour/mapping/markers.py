"""Turn venues into map markers for a date: status colour, tooltip and popup text (plain text only)."""

from __future__ import annotations

from datetime import date

from redtour.core.calendar import day_status, weekly_summary
from redtour.core.catalogue import UNKNOWN_ZH, Venue
from redtour.core.holidays import HolidayCalendar
from redtour.i18n import catalogue
from redtour.mapping.protocol import Status, VenueMarker


def marker_status(
    venue: Venue, on_date: date, language: str | None = None, holidays: HolidayCalendar | None = None
) -> tuple[Status, str]:
    """The status and its text in ``language`` (None: the installed one)."""
    words = catalogue(language)
    _ = words.gettext
    st = day_status(venue, on_date, holidays)
    if st.state == "closed":
        if not st.reason:
            return "closed", _("闭馆")
        # The calendar's reason names the venue and weekday in Chinese; English prefixes it ("Closed: …").
        return "closed", words.pgettext("closed venue", "{reason}").format(reason=st.reason)
    if st.state == "unknown":
        return "unknown", _(st.reason or UNKNOWN_ZH)  # the calendar's reasons are marked with N_()
    hours = st.hours_text()
    if venue.reservation and venue.reservation.required:
        lead = venue.reservation.lead_days
        if lead:
            return "reservation", _("开放 {hours}；需预约（提前{lead}天）").format(hours=hours, lead=lead)
        return "reservation", _("开放 {hours}；需预约").format(hours=hours)
    return "open", _("开放 {hours}").format(hours=hours)


def venue_markers(
    venues: list[Venue], on_date: date, language: str | None = None, holidays: HolidayCalendar | None = None
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


def day_notice(on_date: date, holidays: HolidayCalendar | None, language: str | None = None) -> str:
    """The map's note for the day (in ``language``; None: the installed one); empty when the schedule is known."""
    if holidays is not None and holidays.known(on_date.year):
        return ""
    _ = catalogue(language).gettext
    return _("{year}年节假日安排未录入，仅按每周规则判断").format(year=on_date.year)


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
