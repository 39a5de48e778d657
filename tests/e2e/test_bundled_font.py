"""The bundled Noto Sans SC: route sheets extract exactly and the windows show Chinese, with or without the
system's Chinese fonts (hidden by a fontconfig file that lists only DejaVu, as on a PC without them)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.test_cli_sites import run

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# Names with characters that came out as radicals (山, 工, 动) and with ——, “” and · (shared glyphs in the font).
SITES = "shujibu,sanshan,fangzhi,laomo,huzhou_huiguan"
RADICALS = range(0x2E80, 0x2FE0)  # CJK radicals supplement and Kangxi radicals: look-alikes of ideographs


def dejavu_only(tmp: Path) -> Path:
    if not DEJAVU.is_dir():
        pytest.skip("needs fonts-dejavu-core")
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{DEJAVU}</dir><cachedir>{tmp / 'fc-cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    return conf


@pytest.fixture(scope="module")
def sheets(tmp_path_factory):
    """The same saved plan printed twice: with the system's fonts, and with only DejaVu visible."""
    tmp = tmp_path_factory.mktemp("fonts")
    conf = dejavu_only(tmp)
    saved = run(tmp, "plan", "--date", "2026-12-02", "--start", "顾正红纪念馆", "--sites", SITES,
                "--visit", "40", "--optimize", "--save", "字体线", "--format", "json")  # fmt: skip
    assert saved.returncode == 0, saved.stderr.decode()
    stops = [s["name_zh"] for s in json.loads(saved.stdout)["stops"]]
    out = {}
    for label, extra in (("system fonts", {}), ("DejaVu only", {"FONTCONFIG_FILE": str(conf)})):
        pdf = tmp / f"{label}.pdf"
        made = run(tmp, "sheet", "--plan", "字体线", "--out", str(pdf), "--union", "普陀区总工会", env=extra)
        assert made.returncode == 0, made.stderr.decode()
        out[label] = PdfReader(pdf)
    return stops, out


def fonts_of(pdf: PdfReader) -> list:
    fonts = []
    for page in pdf.pages:
        resources = [page["/Resources"]]
        while resources:
            res = resources.pop().get_object()
            fonts += [f.get_object() for f in (res.get("/Font") or {}).values()]
            for xobject in (res.get("/XObject") or {}).values():
                if "/Resources" in xobject.get_object():
                    resources.append(xobject.get_object()["/Resources"])
    return fonts


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="needs fontconfig's fc-list")
def test_fontconfig_file_hides_every_chinese_font(tmp_path):
    env = {**os.environ, "FONTCONFIG_FILE": str(dejavu_only(tmp_path))}
    listed = subprocess.run(
        ["fc-list", ":lang=zh", "family"], env=env, capture_output=True, text=True, check=True
    )
    assert listed.stdout.strip() == ""
    everything = subprocess.run(
        ["fc-list", ":", "family"], env=env, capture_output=True, text=True, check=True
    )
    assert "DejaVu Sans" in everything.stdout


@pytest.mark.parametrize("label", ["system fonts", "DejaVu only"])
def test_sheet_text_extracts_exactly_from_real_fonts(sheets, label):
    stops, pdfs = sheets
    pdf = pdfs[label]
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert len(stops) == 5
    for name in stops:
        assert name in text, name  # exactly: no folding of look-alike characters
    assert "百万职工红色寻访活动" in text.replace(" ", "")  # the title is letter-spaced
    assert f"第 1 页 / 共 {len(pdf.pages)} 页" in text  # the page-number margin boxes too
    assert not [ch for ch in text if ord(ch) in RADICALS]
    subtypes = {str(font["/Subtype"]) for font in fonts_of(pdf)}
    assert subtypes == {"/Type0"}, subtypes  # no Type 3 glyph procedures
    names = {str(font["/BaseFont"]).split("+")[-1] for font in fonts_of(pdf)}
    assert names == {"NotoSansSC-Regular", "NotoSansSC-Bold"}, names


@pytest.mark.parametrize("hide_system_fonts", [True, False], ids=["DejaVu only", "system fonts"])
def test_main_window_draws_chinese_with_the_bundled_font(tmp_path, hide_system_fonts):
    """The real main window in a fresh process: its Chinese texts are drawn from the bundled font, also when
    the process sees only DejaVu (and then it is the only Chinese font there is)."""
    conf = dejavu_only(tmp_path)
    code = r"""
import json, sys
from PySide6.QtGui import QFontDatabase, QTextLayout
from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar
from redtour import app as app_module
from redtour.storage.bootstrap import open_user_database
from redtour.ui.i18n import install_translators
from redtour.ui.settings import Settings

qt = app_module.create_application()
translators = install_translators(qt, "zh_CN")
db = open_user_database()
window = app_module.build_main_window(db, Settings(), "zh_CN")
window.resize(1200, 800)
window.show()
qt.processEvents()
texts = [window.windowTitle()]
texts += [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton) if w.isVisible()]
for bar in window.findChildren(QTabBar):
    texts += [bar.tabText(i) for i in range(bar.count())]
chinese = "".join(sorted({ch for t in texts for ch in t if "\u4e00" <= ch <= "\u9fff"}))
layout = QTextLayout(chinese, qt.font())
layout.beginLayout()
layout.createLine()
layout.endLayout()
runs = [(r.rawFont().familyName(), sum(1 for g in r.glyphIndexes() if g == 0)) for r in layout.glyphRuns()]
ok = window.grab().save(sys.argv[1])
print(json.dumps({"chinese": chinese, "runs": runs, "saved": ok,
                  "zh_families": QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)}))
window.close()
db.dispose()
"""
    env = {
        **os.environ,
        **({"FONTCONFIG_FILE": str(conf)} if hide_system_fonts else {}),
        "REDTOUR_HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    png = tmp_path / "window.png"
    done = subprocess.run([sys.executable, "-c", code, str(png)], env=env, capture_output=True, check=False)
    assert done.returncode == 0, done.stderr.decode()
    result = json.loads(done.stdout.decode().strip().splitlines()[-1])
    assert len(result["chinese"]) >= 30  # distinct characters of the tabs, buttons and labels
    if hide_system_fonts:
        assert result["zh_families"] == ["Noto Sans SC"]  # the bundled one is the only Chinese font
    assert result["runs"] and all(
        family == "Noto Sans SC" and missing == 0 for family, missing in result["runs"]
    )
    assert result["saved"] and png.stat().st_size > 10_000
