"""Native Excel bar charts for the streaming .xlsx writer (DrawingML: c:chartSpace + xdr:wsDr + rels).

The series refer to the sheet's cells ('汇总'!$B$5:$B$12), so a chart follows when staff edit the numbers;
the cached values let viewers that do not recalculate (previews, WPS on a phone) draw it straight away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out



C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
COLOURS = ("B71C1C", "F0A04B")


@dataclass(frozen=True)
class BarChart:
    """Categories in ``cat_col`` and one series per ``value_cols`` entry, rows first_row..last_row (1-based);
    the series names come from ``header_row``. Anchored at ``anchor`` = (col, row, cols wide, rows high), 0-based."""

    title: str
    sheet: str
    cat_col: int
    value_cols: tuple[int, ...]
    header_row: int
    first_row: int
    last_row: int
    anchor: tuple[int, int, int, int]
    series_names: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()  # cached values (optional)
    values: tuple[tuple[float, ...], ...] = ()
    horizontal: bool = False


def _ref(sheet: str, col: int, r1: int, r2: int | None = None) -> str:
    quoted = "'" + sheet.replace("'", "''") + "'"
    c = column_letter(col)
    return f"{quoted}!${c}${r1}" + (f":${c}${r2}" if r2 is not None else "")


def _text(runs: str) -> str:
    return (
        f'<c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/>'
        f"<a:t>{escape(runs)}</a:t></a:r></a:p></c:rich></c:tx>"
    )


def chart_xml(ch: BarChart) -> str:
    n = ch.last_row - ch.first_row + 1
    series = []
    for k, col in enumerate(ch.value_cols):
        name = ch.series_names[k] if k < len(ch.series_names) else ""
        cats = "".join(f'<c:pt idx="{i}"><c:v>{escape(v)}</c:v></c:pt>' for i, v in enumerate(ch.categories))
        vals = ch.values[k] if k < len(ch.values) else ()
        nums = "".join(f'<c:pt idx="{i}"><c:v>{v:g}</c:v></c:pt>' for i, v in enumerate(vals))
        series.append(
            f'<c:ser><c:idx val="{k}"/><c:order val="{k}"/>'
            f"<c:tx><c:strRef><c:f>{escape(_ref(ch.sheet, col, ch.header_row))}</c:f>"
            f'<c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>{escape(name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>'
            f'<c:spPr><a:solidFill><a:srgbClr val="{COLOURS[k % len(COLOURS)]}"/></a:solidFill></c:spPr>'
            '<c:invertIfNegative val="0"/>'
            f"<c:cat><c:strRef><c:f>{escape(_ref(ch.sheet, ch.cat_col, ch.first_row, ch.last_row))}</c:f>"
            f'<c:strCache><c:ptCount val="{n}"/>{cats}</c:strCache></c:strRef></c:cat>'
            f"<c:val><c:numRef><c:f>{escape(_ref(ch.sheet, col, ch.first_row, ch.last_row))}</c:f>"
            f'<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="{n}"/>{nums}</c:numCache></c:numRef></c:val>'
            "</c:ser>"
        )
    direction = "bar" if ch.horizontal else "col"
    cat_pos, val_pos = ("l", "b") if ch.horizontal else ("b", "l")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{C_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
        '<c:roundedCorners val="0"/>'
        f'<c:chart><c:title>{_text(ch.title)}<c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>'
        f'<c:barChart><c:barDir val="{direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>'
        + "".join(series)
        + '<c:gapWidth val="80"/><c:axId val="1001"/><c:axId val="1002"/></c:barChart>'
        f'<c:catAx><c:axId val="1001"/><c:scaling><c:orientation val="{"maxMin" if ch.horizontal else "minMax"}"/></c:scaling>'
        f'<c:delete val="0"/><c:axPos val="{cat_pos}"/><c:numFmt formatCode="General" sourceLinked="0"/>'
        '<c:tickLblPos val="nextTo"/><c:crossAx val="1002"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>'
        '<c:valAx><c:axId val="1002"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>'
        f'<c:axPos val="{val_pos}"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="1"/>'
        '<c:tickLblPos val="nextTo"/><c:crossAx val="1001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>'
        '</c:plotArea><c:legend><c:legendPos val="t"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>'
        '<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>'
    )


def drawing_xml(charts: Sequence[BarChart]) -> str:
    """One two-cell anchor per chart; chart k is relationship rId{k+1} of the drawing."""
    anchors = []
    for k, ch in enumerate(charts):
        col, row, w, h = ch.anchor
        anchors.append(
            f'<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>{col}</xdr:col><xdr:colOff>0</xdr:colOff>'
            f"<xdr:row>{row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>{col + w}</xdr:col>"
            f"<xdr:colOff>0</xdr:colOff><xdr:row>{row + h}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>"
            f'<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="{k + 2}" name="图表 {k + 1}"/>'
            "<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>"
            '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>'
            f'<a:graphic><a:graphicData uri="{C_NS}"><c:chart xmlns:c="{C_NS}" r:id="rId{k + 1}"/>'
            "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<xdr:wsDr xmlns:xdr="{XDR_NS}" xmlns:a="{A_NS}" xmlns:r="{R_NS}">'
        + "".join(anchors)
        + "</xdr:wsDr>"
    )


def rels_xml(targets: Sequence[tuple[str, str]]) -> str:
    """(type suffix, target) pairs as rId1, rId2 …"""
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{base}{kind}" Target="{target}"/>'
            for i, (kind, target) in enumerate(targets, start=1)
        )
        + "</Relationships>"
    )


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def summary_charts(rows: Sequence[Sequence[object]], sheet: str, first_row: int) -> list[BarChart]:
    """Charts for the 汇总 sheet (export/participation_log.py): people and visits by month and by venue.

    ``rows`` are the sheet's data rows starting at ``first_row``; a section starts with a 【按…】 row and runs
    to the next blank row. Headers 人数/人次 are in row first_row − 1, columns B and C.
    """
    sections: dict[str, tuple[int, int]] = {}
    current, start = "", 0
    for i, row in enumerate([*rows, []]):
        label = str(row[0]) if row else ""
        if label.startswith("【") and label.endswith("】"):
            current, start = label, i + 1
        elif current and (not row or i == len(rows)):
            if i > start:
                sections[current] = (start, i - 1)
            current = ""
    charts: list[BarChart] = []
    placed = 0
    for key, title, horizontal in (
        ("【按月份】", "各月参观人数与人次", False),
        ("【按场馆】", "各场馆参观人数与人次", True),
    ):
        if key not in sections:
            continue
        a, b = sections[key]
        body = [rows[k] for k in range(a, b + 1)]
        height = 18 if not horizontal else max(14, min(40, 2 * len(body) + 4))
        charts.append(
            BarChart(
                title=title,
                sheet=sheet,
                cat_col=0,
                value_cols=(1, 2),
                header_row=first_row - 1,
                first_row=first_row + a,
                last_row=first_row + b,
                anchor=(4, 3 + placed, 10, height),  # below the title lines
                series_names=("人数", "人次"),
                categories=tuple(str(r[0]) for r in body),
                values=tuple(tuple(_number(r[c]) for r in body) for c in (1, 2)),
                horizontal=horizontal,
            )
        )
        placed += height + 1
    return charts
