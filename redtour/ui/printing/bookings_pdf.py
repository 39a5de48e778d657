"""Print the campaign's booking lists (one section per venue) to A4 PDF with QtWebEngine, like route sheets."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from redtour.export.campaign_bookings import bookings_html
from redtour.storage.campaign_bookings import Booking
from redtour.ui.printing.sheet_pdf import print_html_to_pdf


def write_bookings_pdf(campaign: str, bookings: Sequence[Booking], today: date, out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="redtour-bookings-") as tmp:
        html = Path(tmp) / "bookings.html"
        html.write_text(bookings_html(campaign, bookings, today), encoding="utf-8")
        return print_html_to_pdf(html, out)
