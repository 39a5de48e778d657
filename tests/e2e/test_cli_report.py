"""`redtour report` and `redtour notice`: .docx read back by python-docx (numbers equal `redtour stats`, no template
tags left, hostile union names as text), PDF through LibreOffice; native charts in the .xlsx 汇总 sheet."""

import json
import sqlite3
from datetime import date

import openpyxl
import pytest
from docx import Document
from pypdf import PdfReader

from redtour.export.report_docx import soffice
from tests.conftest import REPO
from tests.e2e.test_cli_sites import run

HOSTILE = '=cmd|"<script>x</script>{{ y }}{% if 1 %}'


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("report")
    db = tmp / "office.db"
    from benchmarks.participation_data import generate
    from redtour.storage.bootstrap import open_user_database
    from redtour.storage.participation import ParticipationRepository
    from redtour.storage.venues import VenueRepository

    database = open_user_database(f"sqlite:///{db}")
    ids = [v.id for v in VenueRepository(database).list_venues() if v.in_notice]
    database.dispose()
    generate(db, visits=3000, people=900, venue_ids=ids, seed=7)
    with sqlite3.connect(db) as con:  # the busiest grassroots union gets a hostile name
        busiest = con.execute(
            "SELECT union_id FROM visit GROUP BY union_id ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()[0]
        con.execute("UPDATE trade_union SET name=? WHERE id=?", (HOSTILE, busiest))
    made = run(
        tmp,
        "--db",
        str(db),
        "plan",
        "--date",
        "2026-12-02",
        "--start",
        "顾正红纪念馆",
        "--sites",
        "三山会馆,顾正红纪念馆",
        "--save",
        "一队线路",
    )
    assert made.returncode == 0, made.stderr.decode()
    database = open_user_database(f"sqlite:///{db}")
    repo = ParticipationRepository(database)
    repo.create_group(
        HOSTILE, "一队", date(2026, 12, 2), ["sanshan", "guzhenghong"], leader="王老师", plan_id=1
    )
    repo.create_group(HOSTILE, "二队", date(2026, 12, 9), ["shujibu"], leader="李老师")
    database.dispose()
    return tmp, db


def _text(doc):
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        parts += [c.text for row in t.rows for c in row.cells]
    return "\n".join(parts)


def _stats(tmp, db, *extra):
    out = run(
        tmp,
        "--db",
        str(db),
        "stats",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        *extra,
        "--format",
        "json",
    )
    assert out.returncode == 0, out.stderr.decode()
    return json.loads(out.stdout)


def test_report_docx_numbers_equal_stats_and_no_tags_are_left(office):
    tmp, db = office
    out = tmp / "report.docx"
    made = run(
        tmp, "--db", str(db), "report", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(out)
    )
    assert made.returncode == 0, made.stderr.decode()
    doc = Document(str(out))
    text = _text(doc)
    total = _stats(tmp, db)
    assert f"{total['participants']}名职工" in text and f"累计{total['visits']}人次" in text
    assert "截至" in text or "2025年1月1日至2025年12月31日" in text
    tables = {t.rows[0].cells[0].text: t for t in doc.tables}
    assert tables["团队数"].rows[1].cells[1].text == str(total["participants"])
    assert tables["团队数"].rows[1].cells[2].text == str(total["visits"])
    for by, head in (("union", "工会"), ("venue", "场馆"), ("month", "月份")):
        rows = _stats(tmp, db, "--by", by)["rows"]
        got = [[c.text for c in r.cells] for r in tables[head].rows[1:]]
        assert got == [[r["label"], str(r["participants"]), str(r["visits"])] for r in rows]
    assert HOSTILE in text  # the union's name, as typed
    assert "{{" not in text.replace(HOSTILE, "") and "{%" not in text.replace(HOSTILE, "")
    assert len(doc.inline_shapes) == 3  # the union, venue and month charts


@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_report_pdf_through_libreoffice(office):
    tmp, db = office
    out = tmp / "report.pdf"
    made = run(
        tmp, "--db", str(db), "report", "--from", "2025-01-01", "--to", "2025-12-31", "--out", str(out)
    )
    assert made.returncode == 0, made.stderr.decode()
    pdf = PdfReader(out)
    text = "".join(p.extract_text() for p in pdf.pages).replace(" ", "").replace("\n", "")
    total = _stats(tmp, db)
    assert "活动情况报告" in text and f"{total['visits']}人次" in text
    assert "<script>x</script>" in text


def test_notice_lists_each_groups_route_and_meeting_point(office):
    tmp, db = office
    out = tmp / "notice.docx"
    made = run(
        tmp,
        "--db",
        str(db),
        "notice",
        "--union",
        HOSTILE,
        "--from",
        "2026-12-01",
        "--to",
        "2026-12-31",
        "--out",
        str(out),
        "--org",
        "普陀区总工会",
    )
    assert made.returncode == 0, made.stderr.decode()
    text = _text(Document(str(out)))
    assert f"{HOSTILE}：" in text and "2个团队" in text
    assert "一队（2026年12月2日）" in text and "二队（2026年12月9日）" in text
    assert "顾正红纪念馆，08:45 集合" in text and "王老师" in text
    assert (
        "三山会馆" in text and "上海市黄浦区中山南路1551号" in text and "中国劳动组合书记部旧址陈列馆" in text
    )
    assert "身份证件" in text
    assert "{{" not in text.replace(HOSTILE, "") and "{%" not in text.replace(HOSTILE, "")


def test_report_refuses_other_suffixes(office):
    tmp, db = office
    made = run(tmp, "--db", str(db), "report", "--out", str(tmp / "r.txt"))
    assert made.returncode == 1 and ".docx" in made.stderr.decode()  # bad input


def test_xlsx_summary_sheet_has_live_charts_on_its_month_and_venue_ranges(office):
    tmp, db = office
    out = tmp / "log.xlsx"
    made = run(tmp, "--db", str(db), "export", "--format", "xlsx", "--out", str(out), "--from", "2025-01-01")
    assert made.returncode == 0, made.stderr.decode()
    ws = openpyxl.load_workbook(out)["汇总"]
    charts = ws._charts
    assert len(charts) == 2
    labels = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    for chart, section in zip(charts, ("【按月份】", "【按场馆】"), strict=True):
        first = labels.index(section) + 2
        last = first
        while last < len(labels) and labels[last]:
            last += 1
        people, visits = chart.series
        assert people.val.numRef.f == f"'汇总'!$B${first}:$B${last}"
        assert visits.val.numRef.f == f"'汇总'!$C${first}:$C${last}"
        assert people.cat.strRef.f == f"'汇总'!$A${first}:$A${last}"
        assert people.tx.strRef.f == "'汇总'!$B$3" and ws["B3"].value == "人数" and ws["C3"].value == "人次"
        cached = [float(p.v) for p in visits.val.numRef.numCache.pt]
        assert cached == [ws.cell(r, 3).value for r in range(first, last + 1)]


def test_a_broken_replacement_template_is_refused_in_chinese(office):
    tmp, db = office
    broken = tmp / "broken.docx"
    doc = Document(str(REPO / "resources" / "templates" / "report.docx"))
    doc.add_paragraph("{% if %}")
    doc.save(str(broken))
    not_docx = tmp / "text.docx"
    not_docx.write_text("not a Word file", encoding="utf-8")
    for template in (broken, not_docx):
        made = run(tmp, "--db", str(db), "report", "--out", str(tmp / "r.docx"), "--template", str(template))
        err = made.stderr.decode()
        assert made.returncode == 2 and f"模板 {template.name} 无法使用" in err and "Traceback" not in err
        assert not (tmp / "r.docx").exists()
