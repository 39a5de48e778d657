"""Write resources/catalogue/holidays.toml from the `chinesecalendar` package's tables.

Run from the repository root with the project's venv:  python scripts/generate_holidays.py

Every year the installed package covers becomes one [[years]] entry: the holiday date ranges (consecutive
days with the same holiday), the weekend days that are working days (调休上班), and where the data comes
from. The notice links per year are the ones the package's own generator cites (chinese_calendar/scripts/
data.py in LKI/chinese-calendar, v1.11.0); a notice's number (文号) and date are filled in only where the
notice itself was read. A year the package does not have is never written: add it in the app
(设置 ▸ 节假日) or here, from the State Council's notice.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path

import chinese_calendar
from chinese_calendar.constants import holidays, workdays

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "catalogue" / "holidays.toml"

NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}

GOV = "http://www.gov.cn/"
#: The notice(s) behind each year, as cited in the package's generator (first = the yearly notice).
NOTICE_URLS: dict[int, list[str]] = {
    2026: ["https://politics.gmw.cn/2025-11/04/content_38391083.htm",
           "https://www.gov.cn/zhengce/content/202511/content_7047090.htm"],
    2025: ["https://www.gov.cn/zhengce/content/202411/content_6986382.htm"],
    2024: ["https://www.gov.cn/zhengce/content/202310/content_6911527.htm"],
    2023: [GOV + "zhengce/content/2022-12/08/content_5730844.htm"],
    2022: [GOV + "zhengce/content/2021-10/25/content_5644835.htm"],
    2021: [GOV + "zhengce/content/2020-11/25/content_5564127.htm"],
    2020: [GOV + "zhengce/content/2019-11/21/content_5454164.htm",
           GOV + "zhengce/content/2020-01/27/content_5472352.htm"],
    2019: [GOV + "xinwen/2018-12/06/content_5346287.htm",
           GOV + "zhengce/content/2019-03/22/content_5375877.htm"],
    2018: [GOV + "zhengce/content/2017-11/30/content_5243579.htm"],
    2017: [GOV + "zhengce/content/2016-12/01/content_5141603.htm"],
    2016: [GOV + "zhengce/content/2015-12/10/content_10394.htm"],
    2015: [GOV + "zhengce/content/2014-12/16/content_9302.htm",
           GOV + "zhengce/content/2015-05/13/content_9742.htm"],
    2014: [GOV + "zwgk/2013-12/11/content_2546204.htm"],
    2013: [GOV + "zwgk/2012-12/10/content_2286598.htm"],
    2012: [GOV + "zwgk/2011-12/06/content_2012097.htm"],
    2011: [GOV + "zwgk/2010-12/10/content_1762643.htm"],
    2010: [GOV + "zwgk/2009-12/08/content_1482691.htm"],
    2009: [GOV + "zwgk/2008-12/10/content_1174014.htm"],
    2008: [GOV + "zwgk/2007-12/18/content_837184.htm"],
    2007: [GOV + "fwxx/sh/2006-12/18/content_471877.htm"],
    2006: [GOV + "jrzg/2005-12/22/content_133837.htm"],
    2005: ["https://zhidao.baidu.com/question/2299098.html"],
    2004: ["https://zh.wikisource.org/zh-hans/国务院办公厅关于2004年部分节假日安排的通知"],
}  # fmt: skip

#: Notices read in full (number and date as printed in the notice).
NOTICE_READ: dict[int, tuple[str, str]] = {2026: ("国办发明电〔2025〕7号", "2025-11-04")}

#: The 2026 make-up working days as printed in 国办发明电〔2025〕7号: the package must agree.
CHECK_2026_WORKDAYS = {date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9),
                       date(2026, 9, 20), date(2026, 10, 10)}  # fmt: skip
CHECK_2026_HOLIDAYS = [
    ("元旦", date(2026, 1, 1), date(2026, 1, 3)), ("春节", date(2026, 2, 15), date(2026, 2, 23)),
    ("清明节", date(2026, 4, 4), date(2026, 4, 6)), ("劳动节", date(2026, 5, 1), date(2026, 5, 5)),
    ("端午节", date(2026, 6, 19), date(2026, 6, 21)), ("中秋节", date(2026, 9, 25), date(2026, 9, 27)),
    ("国庆节", date(2026, 10, 1), date(2026, 10, 7)),
]  # fmt: skip


def ranges(days: dict[date, str]) -> list[tuple[str, date, date]]:
    """Consecutive days with the same holiday name → (name, first, last)."""
    out: list[tuple[str, date, date]] = []
    for day in sorted(days):
        name = NAMES_ZH[days[day]]
        if out and out[-1][0] == name and out[-1][2] + timedelta(days=1) == day:
            out[-1] = (name, out[-1][1], day)
        else:
            out.append((name, day, day))
    return out


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> int:
    pkg = f"chinesecalendar {version('chinesecalendar')}"
    by_year: dict[int, dict[date, str]] = defaultdict(dict)
    for day, name in holidays.items():
        by_year[day.year][day] = name
    make_up: dict[int, dict[date, str]] = defaultdict(dict)
    for day, name in workdays.items():
        if day.isoweekday() >= 6:  # the package also lists a few weekdays, which are working days anyway
            make_up[day.year][day] = NAMES_ZH[name]
    got_2026 = set(make_up[2026])
    if got_2026 != CHECK_2026_WORKDAYS:
        print(
            f"{pkg} disagrees with the 2026 notice: {sorted(got_2026 ^ CHECK_2026_WORKDAYS)}", file=sys.stderr
        )
        return 1
    if ranges(by_year[2026]) != CHECK_2026_HOLIDAYS:
        print(f"{pkg} disagrees with the 2026 notice's holidays: {ranges(by_year[2026])}", file=sys.stderr)
        return 1
    lines = [
        "# China's statutory holidays and make-up working days (调休上班), one [[years]] entry per year.",
        f"# Generated by scripts/generate_holidays.py from {pkg} ({chinese_calendar.__name__}.constants).",
        "# Dates are grouped by calendar year; a year missing here is unknown to the app (never guessed).",
        "# Format: docs/catalogue-format.md (节假日数据).",
        "",
    ]
    for year in sorted(by_year):
        no, notice_date = NOTICE_READ.get(year, ("", ""))
        urls = NOTICE_URLS.get(year, [])
        lines += ["[[years]]", f"year = {year}"]
        if no:  # title, number and date only as printed on a notice that was read
            title = f"国务院办公厅关于{year}年部分节假日安排的通知"
            lines += [f"title = {quote(title)}", f"notice_no = {quote(no)}", f"notice_date = {notice_date}"]
        if urls:
            lines.append(f"notice_url = {quote(urls[0])}")
        if urls[1:]:
            lines.append("also_urls = [" + ", ".join(quote(u) for u in urls[1:]) + "]")
        data_from = f"{pkg}（PyPI）"
        if year in NOTICE_READ:
            data_from += "，已与通知原文逐日核对"
        lines.append(f"data_from = {quote(data_from)}")
        lines.append("holidays = [")
        for name, first, last in ranges(by_year[year]):
            lines.append(f"  {{ name = {quote(name)}, start = {first}, end = {last} }},")
        lines.append("]")
        lines.append("workdays = [")
        for day, name in sorted(make_up[year].items()):
            lines.append(f"  {{ date = {day}, for = {quote(name)} }},")
        lines += ["]", ""]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(by_year)} years ({min(by_year)}–{max(by_year)}) from {pkg}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
