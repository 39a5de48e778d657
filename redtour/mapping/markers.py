"""Turn venues into map markers for a date: status colour, tooltip and popup text (plain text only)."""

from __future__ import annotations

from datetime import date

from redtour.core.calendar import day_status, weekly_summary
from redtour.core.catalogue import UNKNOWN_ZH, Venue
from redtour.i18n import catalogue
from redtour.mapping.protocol import Status, VenueMarker


def marker_status(venue: Venue, on_date: date, language: str | None = None) -> tuple[Status, str]:
    """The status and its text in ``language`` (None: the installed one)."""
    words = catalogue(language)
    _ = words.gettext
    st = day_status(venue, on_date)
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


def venue_markers(venues: list[Venue], on_date: date, language: str | None = None) -> list[VenueMarker]:
    """Markers for every located venue; venues without a location are skipped (they cannot be drawn)."""
    out = []
    for v in venues:
        if v.location is None:
            continue
        status, text = marker_status(v, on_date, language)
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
