"""The bundled font: a route sheet printed in this process with a bold name the bold subset lacks (real fonts,
never Chromium's synthetic bold, which becomes Type 3), and its coverage of the app's own text."""

import re
import zipfile
from datetime import date
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QRawFont

from redtour import paths
from redtour.core.planner import PlanRequest, StopRequest, plan_day
from redtour.export.route_sheet import SheetOptions, render_sheet_html
from redtour.ui.printing.sheet_pdf import print_html_to_pdf
from tests.core.test_planner import START, venue

RARE_NAME = "丌丐丕纪念馆"  # 丌丐丕: GB 2312 level 2, in the regular subset only

VISIBLE_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")


def test_bold_characters_missing_from_the_bold_face_print_from_the_regular_face(qapp, tmp_path):
    bold = QRawFont(str(paths.bundled_font("Bold")), 12)
    regular = QRawFont(str(paths.bundled_font("Regular")), 12)
    assert bold.glyphIndexesForString("丌丐丕") == [0, 0, 0] and 0 not in regular.glyphIndexesForString(
        "丌丐丕"
    )
    stop = StopRequest(venue("rare", RARE_NAME, 31.2446, 121.4286))
    plan = plan_day(PlanRequest(day=date(2026, 12, 2), start=START, stops=(stop,), today=date(2026, 11, 1)))
    html = tmp_path / "sheet.html"
    html.write_text(render_sheet_html(plan, SheetOptions(), map_uri=""), encoding="utf-8")
    pdf = PdfReader(print_html_to_pdf(html, tmp_path / "sheet.pdf"))
    # pypdf puts a space where the font changes (丌丐丕 regular, 纪念馆 bold); the characters are exact
    text = "".join("".join(page.extract_text() for page in pdf.pages).split())
    assert RARE_NAME in text  # printed in bold in the itinerary and the venue notes
    fonts = [f.get_object() for page in pdf.pages for f in page["/Resources"]["/Font"].values()]
    assert {str(f["/Subtype"]) for f in fonts} == {"/Type0"}


def _text(path: Path) -> str:
    """Text files as UTF-8; a Word template's text is in its body, header and footer parts."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8") for n in z.namelist() if VISIBLE_PART.match(n))
    return path.read_text(encoding="utf-8")


def test_bundled_font_has_every_hanzi_of_the_catalogue_templates_and_ui(qapp):
    """New text with a character outside the subset falls back to system fonts: re-run scripts/vendor_font.py."""
    regular = QRawFont(str(paths.bundled_font("Regular")), 12)
    root = paths.install_root()
    files = [
        *root.glob("resources/catalogue/**/*.toml"),
        *root.glob("resources/templates/*"),
        *root.glob("resources/i18n/*.ts"),
        *root.glob("redtour/**/*.py"),
    ]
    assert len(files) > 50
    hanzi = sorted({ch for f in files for ch in _text(f) if "\u4e00" <= ch <= "\u9fff"})
    assert len(hanzi) > 800
    missing = [
        ch
        for ch, glyph in zip(hanzi, regular.glyphIndexesForString("".join(hanzi)), strict=True)
        if not glyph
    ]
    assert not missing, f"not in resources/fonts (run scripts/vendor_font.py): {''.join(missing)}"
