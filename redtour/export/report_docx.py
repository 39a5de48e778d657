"""Word documents staff can edit: the 活动情况报告 and the 通知 to a grassroots union (docxtpl templates in
resources/templates/, replaceable by a union), charts as PNGs (export/bar_chart.py), PDF by LibreOffice headless.

docxtpl renders with autoescape on: a union named ``<script>`` or ``{{ x }}`` is written as text (Jinja never
evaluates the values it substitutes). Spreadsheet-style ``=cmd`` is harmless in Word and stays as typed.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from redtour import paths
from redtour.core.errors import DamagedFileError, RedtourError
from redtour.core.participation import StatsRow
from redtour.export.bar_chart import bar_chart

if TYPE_CHECKING:  # storage sits above export (import-linter layers): its types are for annotations only
    from redtour.storage.report_data import ReportData

REPORT_TITLE = "百万职工红色寻访活动情况报告"
CHART_TOP = 15  # bars per chart (the table lists them all)


def template_path(name: str, override: Path | None = None) -> Path:
    path = override or paths.resource("templates", name)
    if not path.is_file():
        raise RedtourError(f"找不到模板 {path}")
    return path


def bar_chart_png(rows: Sequence[StatsRow], title: str, *, horizontal: bool) -> bytes:
    """People and visits side by side; of unions and venues the top CHART_TOP (the table lists them all)."""
    rows = list(rows)[:CHART_TOP] if horizontal else list(rows)
    return bar_chart(
        [r.label for r in rows], [(r.participants, r.visits) for r in rows], title, horizontal=horizontal
    )


def _rows(rows: Sequence[StatsRow]) -> list[dict[str, Any]]:
    return [{"label": r.label, "participants": r.participants, "visits": r.visits} for r in rows]


def report_context(data: ReportData, org: str, footer: str) -> dict[str, Any]:
    return {
        "title": REPORT_TITLE,
        "org": org or data.union_name or "",
        "period": data.period_text(),
        "summary": data.summary(),
        "groups": data.groups,
        "participants": data.total.participants,
        "visits": data.total.visits,
        "target": data.target if data.target else "未设置",
        "progress": f"{(data.progress or 0) * 100:.1f}%" if data.target else "—",
        "by_union": _rows(data.by_union.rows),
        "by_venue": _rows(data.by_venue.rows),
        "by_month": _rows(data.by_month.rows),
        "footer": footer or f"{date.today():%Y年%-m月%-d日} 由红色寻访助手生成",
    }


def write_report_docx(
    data: ReportData, out: Path, *, org: str = "", footer: str = "", template: Path | None = None
) -> Path:
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    path = template_path("report.docx", template)
    tpl = DocxTemplate(str(path))
    ctx = report_context(data, org, footer)
    charts = (
        ("chart_union", data.by_union.rows, "各工会参观人数与人次", True),
        ("chart_venue", data.by_venue.rows, "各场馆参观人数与人次", True),
        ("chart_month", data.by_month.rows, "各月参观人数与人次", False),
    )
    for key, rows, title, horizontal in charts:
        ctx[key] = (
            InlineImage(tpl, io.BytesIO(bar_chart_png(rows, title, horizontal=horizontal)), width=Mm(150))
            if rows
            else "（无数据）"
        )
    _render(tpl, ctx, path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tpl.save(str(out))
    return out


def _render(tpl: Any, ctx: dict[str, Any], path: Path) -> None:
    """A union's own template may be broken: say which file and why, in Chinese, instead of a traceback."""
    from docx.opc.exceptions import PackageNotFoundError
    from jinja2 import TemplateError

    try:
        tpl.render(ctx, autoescape=True)
    except (TemplateError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise DamagedFileError(  # exit 2: a file not of the kind expected
            f"模板 {path.name} 无法使用（{type(exc).__name__}：{exc}），请检查其中的 {{{{ }}}} 标记"
        ) from exc


def write_notice_docx(context: dict[str, Any], out: Path, *, template: Path | None = None) -> Path:
    from docxtpl import DocxTemplate

    path = template_path("notice.docx", template)
    tpl = DocxTemplate(str(path))
    _render(tpl, context, path)
    out.parent.mkdir(parents=True, exist_ok=True)
    tpl.save(str(out))
    return out


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: Path, out: Path, timeout_s: int = 180) -> Path:
    """LibreOffice headless, in a private profile folder (a running LibreOffice would otherwise take the job)."""
    exe = soffice()
    if exe is None:
        raise RedtourError(
            "生成 PDF 需要 LibreOffice（未找到 soffice）；可先生成 .docx，用 Word 或 WPS 另存为 PDF"
        )
    with tempfile.TemporaryDirectory(prefix="redtour-lo-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        cmd = [
            exe,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            tmp,
            str(docx),
        ]
        done = subprocess.run(cmd, capture_output=True, timeout=timeout_s, check=False)
        made = Path(tmp, docx.with_suffix(".pdf").name)
        if done.returncode != 0 or not made.is_file():
            raise RedtourError(f"LibreOffice 未能把 {docx.name} 转成 PDF")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(made), out)
    return out
