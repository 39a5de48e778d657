"""HTML for the venue detail panel. Every value is escaped; unknown facts say 待核实, local ones say so."""

from __future__ import annotations

from datetime import date
from html import escape

from redtour.core.calendar import day_status, weekly_summary
from redtour.core.catalogue import Venue
from redtour.core.facts import FactInfo, StaffCheck
from redtour.core.holidays import HolidayCalendar
from redtour.ui.i18n import tr

STYLE = """
<style>
h2 { margin: 0 0 2px 0; font-size: 15pt; }
.en { color: #555; margin: 0 0 8px 0; }
.unknown { color: #a05a00; }
.local { color: #0b57d0; font-size: 9pt; }
.open { color: #1b7f3b; font-weight: bold; }
.closed { color: #b3261e; font-weight: bold; }
.status-unknown { color: #7a7a7a; font-weight: bold; }
th { text-align: left; color: #444; padding-right: 10px; white-space: nowrap; vertical-align: top; }
td { vertical-align: top; }
.tag { background: #f1e3e3; color: #7a1f1f; padding: 1px 4px; }
.note { color: #666; font-size: 9pt; }
.asof { color: #666; font-size: 8.5pt; }
.inferred { color: #a05a00; font-size: 8.5pt; font-weight: bold; }
.staff { color: #1b7f3b; font-size: 8.5pt; }
</style>
"""


def confidence_text(level: str) -> str:
    return {"high": tr("高"), "medium": tr("中"), "low": tr("低")}.get(level, level)


def _unknown() -> str:
    text = tr("待核实")
    return f'<span class="unknown">{escape(text)}</span>'


def _val(text: object | None) -> str:
    if text is None or text == "":
        return _unknown()
    return escape(str(text))


def _local_mark(venue: Venue, fact: str) -> str:
    info = venue.local_facts.get(fact)
    if info is None:
        return ""
    when = info.checked.isoformat() if info.checked else tr("日期未填")
    label = tr("本地修改")
    return f' <span class="local">[{escape(label)} {escape(when)}]</span>'


def holiday_missing_text(year: int) -> str:
    """The UI's form of core.holidays.missing_warning (translated)."""
    return tr("{0}年节假日安排未录入，仅按每周规则判断").format(year)


def check_text(check: StaffCheck) -> str:
    """核对 line: when, how, who (the how and who are what staff typed)."""
    when = check.checked.isoformat() if check.checked else tr("日期未填")
    text = " ".join(p for p in (when, check.how) if p)
    return text + (f"（{check.by}）" if check.by else "")


def as_of_text(info: FactInfo) -> str:
    if not info.as_of or info.as_of.startswith("n.d."):
        return tr("日期不详")
    return info.as_of


def source_date_text(text: str) -> str:
    """A source's own date; an undated source says so, keeping the research's hint ("n.d. (old)")."""
    if text and not text.startswith("n.d."):
        return tr("资料日期 {0}").format(text)
    hint = text.removeprefix("n.d.").strip()
    return tr("日期不详") + (f" {hint}" if hint else "")


def provenance_html(venue: Venue, fact: str, numbers: dict[str, int]) -> str:
    """The fact's 资料时间 and sources [n] (catalogue value), 推断 mark, and 核对 by staff if any."""
    parts = []
    info = venue.facts.get(fact)
    if info is not None and not venue.is_local(fact):
        if info.inferred:
            inferred = tr("推断")  # lupdate does not see tr() inside f-strings
            parts.append(f'<span class="inferred">{escape(inferred)}</span>')
        cites = "".join(f"[{numbers[r]}]" for r in info.sources if r in numbers)
        line = tr("资料时间 {0}").format(as_of_text(info))
        if cites:
            line += " · " + tr("来源 {0}").format(cites)
        if info.confidence in ("high", "medium", "low"):
            line += " · " + tr("可信度 {0}").format(confidence_text(info.confidence))
        if info.note and not info.inferred:
            line += f" · {info.note}"
        parts.append(f'<span class="asof">{escape(line)}</span>')
    check = venue.staff_checks.get(fact)
    if check is not None:
        checked = tr("核对：{0}").format(check_text(check))
        parts.append(f'<span class="staff">{escape(checked)}</span>')
    return "<br>" + " ".join(parts) if parts else ""


def venue_detail_html(venue: Venue, on_date: date, holidays: HolidayCalendar | None = None) -> str:
    st = day_status(venue, on_date, holidays)
    rows: list[tuple[str, str]] = []
    numbers = {s.ref: i for i, s in enumerate(venue.sources, 1)}

    def row(label: str, value_html: str, fact: str | None = None) -> None:
        if fact:
            value_html += _local_mark(venue, fact) + provenance_html(venue, fact, numbers)
        rows.append((label, value_html))

    status_class = {"open": "open", "closed": "closed", "unknown": "status-unknown"}[st.state]
    status_text = {"open": tr("开放"), "closed": tr("闭馆"), "unknown": tr("待核实")}[st.state]
    detail = st.hours_text() if st.state == "open" else st.reason.removeprefix(venue.name_zh).strip()
    # The name is the page's title: "闭馆（周一闭馆）", not "闭馆 某馆 周一闭馆".
    if st.state != "open" and detail:
        detail = f"（{detail}）"
    status_html = (
        f'<span class="{status_class}">{escape(status_text)}</span>{" " if st.state == "open" else ""}'
    )
    status_html += escape(detail)
    if st.holiday:
        status_html += f' <span class="note">（{escape(st.holiday)}）</span>'
    if st.holiday_data_missing:
        missing = holiday_missing_text(on_date.year)
        status_html += f'<br><span class="note">{escape(missing)}</span>'
    row(tr("{0} 状态").format(on_date.isoformat()), status_html)
    row(tr("区"), _val(venue.district), "district")
    row(tr("地址"), _val(venue.address), "address")
    if venue.location:
        loc = venue.location
        coord = f"{loc.lat:.6f}, {loc.lon:.6f} (WGS-84)"
        if loc.source_datum != "WGS-84":
            coord += " " + tr("由 {0} 换算").format(loc.source_datum)
        if loc.confidence:
            coord += " · " + tr("可信度 {0}").format(confidence_text(loc.confidence))
        row(tr("坐标"), escape(coord), "location")
    else:
        row(tr("坐标"), _unknown() + " " + escape(tr("（无法在地图上标出或排入路线）")), "location")
    hours_html = escape(weekly_summary(venue.hours)) if venue.hours else _unknown()
    if venue.hours and venue.hours.note:
        hours_html += f'<br><span class="note">{escape(venue.hours.note)}</span>'
    row(tr("开放时间"), hours_html, "hours")
    res = venue.reservation
    if res is None:
        res_html = _unknown()
    else:
        parts = []
        if res.required is None:
            parts.append(tr("是否需要预约：") + _unknown())
        else:
            parts.append(escape(tr("需要预约") if res.required else tr("无需预约")))
        if res.lead_days is not None:
            parts.append(escape(tr("至少提前 {0} 天").format(res.lead_days)))
        if res.how:
            parts.append(escape(tr("方式：") + res.how))
        res_html = "；".join(parts)
        if res.note:
            res_html += f'<br><span class="note">{escape(res.note)}</span>'
    row(tr("预约"), res_html, "reservation")
    row(tr("团队人数上限"), _val(venue.max_group_size), "max_group_size")
    if venue.capacity is not None:
        cap = escape(venue.capacity.note)
        if venue.capacity.small:
            small = tr("（小场馆：大团队请分批）")
            cap += f' <span class="note">{escape(small)}</span>'
        row(tr("场地规模"), cap, "capacity")
    row(tr("电话"), _val(venue.phone), "phone")
    row(tr("费用"), _val(venue.fee), "fee")
    visit = (
        escape(tr("{0} 分钟").format(venue.visit_minutes))
        if venue.visit_minutes
        else _unknown() + escape(tr("（规划时按 60 分钟计）"))
    )
    row(tr("建议参观时长"), visit, "visit_minutes")
    if venue.aliases:
        row(tr("别名"), escape("、".join(venue.aliases)), "aliases")
    if venue.tags:
        row(tr("标签"), " ".join(f'<span class="tag">{escape(t)}</span>' for t in venue.tags), "tags")
    if venue.status_note:
        row(tr("现状"), escape(venue.status_note), "status_note")

    table = "".join(f"<tr><th>{escape(label)}</th><td>{value}</td></tr>" for label, value in rows)
    intro_label, sources_label = tr("简介"), tr("资料来源")
    history = (
        f"<h3>{escape(intro_label)}{_local_mark(venue, 'history')}</h3><p>{escape(venue.history)}</p>"
        f"<p>{provenance_html(venue, 'history', numbers).removeprefix('<br>')}</p>"
        if venue.history
        else ""
    )
    sources = "".join(
        f'<li>[{i}] <a href="{escape(s.url)}">{escape(s.title or s.url)}</a>'
        f" · {escape(source_date_text(s.date))}</li>"
        for i, s in enumerate(venue.sources, 1)
    )
    compiled = venue.compiled.isoformat() if venue.compiled else tr("日期不详")
    origin = (
        tr("本地添加的场馆")
        if venue.origin == "local"
        else tr("来自场馆目录，资料检索于 {0}（汇编日期，不是核对日期）").format(compiled)
    )
    notice = tr("通知点位")
    badge = f' <span class="tag">{escape(notice)}</span>' if venue.in_notice else ""
    return (
        f"{STYLE}<h2>{escape(venue.name_zh)}{badge}</h2>"
        f'<p class="en">{escape(venue.name_en)}</p>'
        f"<table>{table}</table>{history}"
        f"<h3>{escape(sources_label)}</h3><ul style='list-style: none'>{sources}</ul>"
        f'<p class="note">{escape(origin)}</p>'
    )
