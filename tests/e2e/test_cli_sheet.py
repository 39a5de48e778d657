"""`redtour sheet`: a real A4 PDF from a saved plan, read back (text, page size, fonts)."""

import re

import pytest
from pypdf import PdfReader

from tests.e2e.test_cli_sites import run

SITES = "中国劳动组合书记部旧址陈列馆,沪西工人半日学校,顾正红纪念馆,三山会馆"


@pytest.fixture(scope="module")
def sheet(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sheet")
    saved = run(
        tmp,
        "plan",
        "--date",
        "2026-12-02",
        "--start",
        "顾正红纪念馆",
        "--sites",
        SITES,
        "--optimize",
        "--visit",
        "40",
        "--save",
        "周三线",
        "--format",
        "json",
    )
    assert saved.returncode == 0, saved.stderr.decode()
    roster = tmp / "roster.csv"
    lines = ["姓名,单位,手机"] + [f"职工{i:02d},第{i}车间,1381234{i:04d}" for i in range(40)]
    roster.write_text("\n".join(lines), encoding="utf-8-sig")
    out = tmp / "sheet.pdf"
    made = run(
        tmp,
        "sheet",
        "--plan",
        "周三线",
        "--out",
        str(out),
        "--union",
        "普陀区总工会",
        "--leader",
        "王老师",
        "--leader-phone",
        "13812345678",
        "--roster",
        str(roster),
        "--footer",
        'x"</style><b>',
    )
    assert made.returncode == 0, made.stderr.decode()
    import json

    return json.loads(saved.stdout), PdfReader(out)


def test_every_stop_in_order_with_its_times(sheet):
    plan, pdf = sheet
    text = "\n".join(page.extract_text() for page in pdf.pages)
    # Exactly as printed, no folding: the bundled font (tests/e2e/test_bundled_font.py).
    flat = re.sub(r"\s+", "", text)
    itinerary = flat[flat.index("行程安排") : flat.index("场馆介绍")]
    positions = []
    for stop in plan["stops"]:
        row = re.sub(r"\s+", "", stop["name_zh"])
        at = itinerary.find(row)
        assert at >= 0, stop["name_zh"]
        assert stop["arrive"] in itinerary[at : at + 200] and stop["depart"] in itinerary[at : at + 200]
        positions.append(at)
    assert positions == sorted(positions)
    assert "百万职工红色寻访" in flat and "签到表" in flat and "安全与应急" in flat
    assert "138****0039" in flat and "13812340039" not in flat  # roster phones masked
    assert f"第1页/共{len(pdf.pages)}页" in flat  # page numbers
    assert 'x"</style><b>' in flat  # the footer is printed as text, not markup


def test_a4_pages_and_embedded_fonts(sheet):
    _plan, pdf = sheet
    for page in pdf.pages:
        box = page.mediabox
        assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5
    fonts = {}
    for page in pdf.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            fonts[id(font)] = font
    assert fonts
    for font in fonts.values():
        assert font["/Subtype"] == "/Type0"  # the bundled TrueType font, never Type 3 glyph procedures
        descendant = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in descendant["/FontDescriptor"].get_object()  # embedded TrueType outlines
