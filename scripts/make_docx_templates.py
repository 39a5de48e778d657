"""Write the default Word templates resources/templates/report.docx and notice.docx (docxtpl / Jinja2 tags).

A union may replace either file with its own letterhead: open it in Word or WPS, keep the {{ … }} and {%tr … %}
tags (see docs/user-guide.md), save as .docx. Run: python scripts/make_docx_templates.py
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent.parent / "resources" / "templates"


def _base() -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "宋体"
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    doc.styles["Title"].font.size = Pt(20)  # one line for a 20-character title
    for name in ("Title", "Heading 1", "Heading 2"):
        st = doc.styles[name]
        st.font.name = "黑体"
        st.element.rPr.rFonts.set(qn("w:eastAsia"), "黑体")
    return doc


def _table(
    doc: Document, headers: list[str], loop: str, cells: list[str], widths_cm: list[float] | None = None
) -> None:
    """A header row, the docxtpl loop's opening row, the repeated row and the closing row."""
    t = doc.add_table(rows=4, cols=len(headers))
    t.style = "Table Grid"
    if widths_cm:
        t.autofit = False
        for row in t.rows:
            for cell, w in zip(row.cells, widths_cm, strict=True):
                cell.width = Cm(w)
        for column, w in zip(t.columns, widths_cm, strict=True):
            column.width = Cm(w)  # the grid, which LibreOffice and WPS follow
    for i, h in enumerate(headers):
        t.cell(0, i).text = h
        t.cell(0, i).paragraphs[0].runs[0].bold = True
    t.cell(1, 0).text = f"{{%tr for r in {loop} %}}"
    for i, c in enumerate(cells):
        t.cell(2, i).text = c
    t.cell(3, 0).text = "{%tr endfor %}"


def report() -> None:
    doc = _base()
    h = doc.add_heading("{{ title }}", level=0)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p = doc.add_paragraph("{{ org }}　{{ period }}")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("一、总体情况", level=1)
    doc.add_paragraph("{{ summary }}")
    t = doc.add_table(rows=2, cols=5)
    t.style = "Table Grid"
    for i, h2 in enumerate(("团队数", "参观人数", "参观人次", "目标人数", "完成比例")):
        t.cell(0, i).text = h2
    for i, v in enumerate(
        ("{{ groups }}", "{{ participants }}", "{{ visits }}", "{{ target }}", "{{ progress }}")
    ):
        t.cell(1, i).text = v
    doc.add_heading("二、按工会", level=1)
    _table(
        doc, ["工会", "人数", "人次"], "by_union", ["{{ r.label }}", "{{ r.participants }}", "{{ r.visits }}"]
    )
    doc.add_paragraph("{{ chart_union }}")
    doc.add_heading("三、按场馆", level=1)
    _table(
        doc, ["场馆", "人数", "人次"], "by_venue", ["{{ r.label }}", "{{ r.participants }}", "{{ r.visits }}"]
    )
    doc.add_paragraph("{{ chart_venue }}")
    doc.add_heading("四、按月份", level=1)
    _table(
        doc, ["月份", "人数", "人次"], "by_month", ["{{ r.label }}", "{{ r.participants }}", "{{ r.visits }}"]
    )
    doc.add_paragraph("{{ chart_month }}")
    doc.add_paragraph("")
    doc.add_paragraph("{{ footer }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(OUT / "report.docx")


def notice() -> None:
    doc = _base()
    h = doc.add_heading("{{ title }}", level=0)
    h.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("{{ union }}：")
    doc.add_paragraph("　　{{ intro }}")
    doc.add_paragraph("{%p for g in groups %}")
    doc.add_heading("{{ loop.index }}. {{ g.name }}（{{ g.day }}）", level=2)
    doc.add_paragraph("集合：{{ g.assembly }}　带队人：{{ g.leader }}　人数：{{ g.people }}")
    doc.add_paragraph("返回：{{ g.back }}")
    _table(
        doc,
        ["序", "场馆", "地址", "时间"],
        "g.stops",
        ["{{ r.n }}", "{{ r.name }}", "{{ r.address }}", "{{ r.time }}"],
    )
    doc.add_paragraph("入馆提醒：{{ g.reminders }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_heading("请带好", level=1)
    doc.add_paragraph("{%p for b in bring %}")
    doc.add_paragraph("{{ b }}", style="List Bullet")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("")
    doc.add_paragraph("{{ org }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.add_paragraph("{{ issued }}").alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(OUT / "notice.docx")


if __name__ == "__main__":
    report()
    notice()
    print(f"wrote {OUT / 'report.docx'} and {OUT / 'notice.docx'}")
