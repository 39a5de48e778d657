"""Campaign request sheets → validated group requests. Pure functions over rows of cell values.

Same care as rosters (core.roster): the header is found among the first rows by the usual Chinese column
names, title and footer rows are skipped, and every problem is reported with the row number Excel/WPS shows.
Venues are resolved like everywhere else (core.search); a start place is a venue, "lat,lon" or an address
(only with a geocoder, which is off by default).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass, field
from datetime import date, datetime, time, timedelta

from redtour.core.calendar import WEEKDAY_ZH, day_status
from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.core.people import InvalidValue, clean_text, normalise_mobile
from redtour.core.places import GeocodeError, Geocoder, resolve_place
from redtour.core.planner import Place
from redtour.core.roster import HEADER_SCAN_ROWS, RosterFormatError, RowNote, _header_key, data_rows
from redtour.core.search import resolve
from redtour.core.travel import Mode

#: field → (label in messages and the template, accepted header spellings after _header_key)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "union": ("工会", ("工会", "基层工会", "所属工会", "工会名称", "报名工会", "union")),
    "name": ("团队", ("团队", "团队名称", "团队名", "团名", "队名", "分队", "group")),
    "people": ("人数", ("人数", "团队人数", "参加人数", "参观人数", "人员数", "people")),
    "earliest": ("最早日期", ("最早日期", "最早", "最早出行日期", "开始日期", "起始日期", "earliest")),
    "latest": ("最晚日期", ("最晚日期", "最晚", "最晚出行日期", "结束日期", "截止日期", "latest")),
    "no_weekdays": (
        "不可出行星期",
        ("不可出行星期", "不可出行", "不可出行日", "不能出行星期", "不可出行的星期", "排除星期"),
    ),
    "must": ("必去场馆", ("必去场馆", "必去", "必选场馆", "必须参观", "必看场馆", "must")),
    "optional": ("可选场馆", ("可选场馆", "可选", "备选场馆", "选去场馆", "optional")),
    "start": ("出发地", ("出发地", "出发地点", "集合地点", "集合地", "起点", "start")),
    "mode": ("交通方式", ("交通方式", "交通", "出行方式", "交通工具", "mode")),
    "start_time": ("出发时间", ("出发时间", "集合时间", "出发", "starttime")),
    "return_by": ("最晚返回", ("最晚返回", "最晚返回时间", "返回时间", "返回", "returnby")),
    "leader": ("领队", ("领队", "领队姓名", "负责人", "联系人", "leader")),
    "phone": ("领队手机", ("领队手机", "领队电话", "联系电话", "手机", "手机号", "电话", "phone")),
    "split": ("可拆分", ("可拆分", "允许拆分", "能否拆分", "split")),
}
REQUIRED = ("union", "name", "people", "earliest", "latest", "start")
VENUE_SEPARATORS = re.compile(r"[、，,;；\n\r]+")
MODES = {
    "包车": Mode.COACH, "大巴": Mode.COACH, "旅游大巴": Mode.COACH, "大客车": Mode.COACH, "coach": Mode.COACH,
    "地铁": Mode.METRO, "地铁+步行": Mode.METRO, "公交": Mode.METRO, "公共交通": Mode.METRO,
    "metro": Mode.METRO, "步行": Mode.WALK, "walk": Mode.WALK,
}  # fmt: skip
_WEEKDAY_WORDS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
DEFAULT_START, DEFAULT_RETURN = time(9, 0), time(17, 0)
MAX_PEOPLE = 2000


class RequestFormatError(RosterFormatError):
    """The sheet as a whole cannot be read as campaign requests."""


@dataclass(frozen=True)
class RequestFields:
    """What a group asks of a campaign: shared by a checked draft (below) and a stored request
    (storage.campaigns.CampaignRequest, which adds its database ids)."""

    union: str
    name: str
    people: int
    earliest: date
    latest: date
    no_weekdays: tuple[int, ...]
    must: tuple[str, ...]  # venue ids
    optional: tuple[str, ...]
    start: Place
    mode: Mode = Mode.COACH
    start_time: time = DEFAULT_START
    return_by: time = DEFAULT_RETURN
    leader: str = ""
    phone: str = ""
    split_ok: bool = True


@dataclass(frozen=True)
class RequestDraft(RequestFields):
    """A checked request not yet stored: a sheet row, or (``sheet_row`` 0) one entered in the app."""

    _: KW_ONLY
    sheet_row: int


@dataclass
class ParsedRequests:
    header_row: int
    ignored: tuple[str, ...]
    requests: list[RequestDraft] = field(default_factory=list)
    errors: list[RowNote] = field(default_factory=list)
    skipped: list[RowNote] = field(default_factory=list)


def _find_header(rows: Sequence[Sequence[object]]) -> tuple[int, dict[str, int]]:
    best: tuple[int, dict[str, int]] | None = None
    for i, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        for col, cell in enumerate(cells):
            key = _header_key(cell)
            for fld, (_label, spellings) in FIELDS.items():
                if key and fld not in found and key in spellings:
                    found[fld] = col
                    break
        if found and (best is None or len(found) > len(best[1])):
            best = (i, found)
    if best is None or len(best[1]) < 3:
        names = "、".join(FIELDS[f][0] for f in REQUIRED)
        raise RequestFormatError(
            f"找不到表头：前 {HEADER_SCAN_ROWS} 行中没有活动报名表的列名（至少需要 {names}）"
        )
    missing = [FIELDS[f][0] for f in REQUIRED if f not in best[1]]
    if missing:
        raise RequestFormatError(f"表头（第 {best[0] + 1} 行）缺少“{'、'.join(missing)}”列")
    return best


def parse_date(value: object, year: int) -> date:
    """A date cell as Excel/WPS store it: a date, an Excel serial number, 2026-12-09, 2026/12/9, 12月9日."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool) and 20000 < value < 80000:
        return date(1899, 12, 30) + timedelta(days=int(value))
    text = clean_text(value)
    if not text:
        raise InvalidValue("缺少日期")
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?", text)
    if m is None:
        m2 = re.fullmatch(r"(\d{1,2})[-/.月](\d{1,2})日?", text)
        if m2 is None:
            raise InvalidValue(f"日期无法识别：{text[:20]}（请写作 2026-12-09）")
        parts = (year, int(m2.group(1)), int(m2.group(2)))
    else:
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return date(*parts)
    except ValueError:
        raise InvalidValue(f"日期不存在：{text[:20]}") from None


def parse_time(value: object, default: time, label: str) -> time:
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, float) and 0 <= value < 1:  # Excel stores a time as a fraction of a day
        minutes = round(value * 24 * 60)
        return time(minutes // 60, minutes % 60)
    text = clean_text(value).replace("：", ":")
    if not text:
        return default
    m = re.fullmatch(r"(\d{1,2})[:点](\d{2})?分?", text)
    if m is None or int(m.group(1)) > 23:
        raise InvalidValue(f"{label}无法识别：{text[:10]}（请写作 HH:MM）")
    return time(int(m.group(1)), int(m.group(2) or 0))


def parse_weekdays(value: object) -> tuple[int, ...]:
    text = clean_text(value)
    days: set[int] = set()
    for token in VENUE_SEPARATORS.split(text.replace(" ", "、")):
        token = token.strip().removeprefix("星期").removeprefix("周").removeprefix("礼拜")
        if not token or token in ("无", "-"):
            continue
        if token in ("末", "六日", "六、日"):
            days |= {6, 7}
        elif token in _WEEKDAY_WORDS:
            days.add(_WEEKDAY_WORDS[token])
        elif token.isascii() and token.isdigit() and 1 <= int(token) <= 7:
            days.add(int(token))
        else:
            raise InvalidValue(f"不可出行星期无法识别：{token[:10]}（请写作 周一、周六）")
    return tuple(sorted(days))


def _venues(value: object, pool: Sequence[Venue], label: str) -> tuple[str, ...]:
    out: list[str] = []
    for token in VENUE_SEPARATORS.split(str(value or "")):
        token = clean_text(token)
        if not token:
            continue
        try:
            venue = resolve(pool, token)
        except LookupError as exc:
            raise InvalidValue(f"{label}：{exc.args[0]}") from None
        if venue.id in out:
            raise InvalidValue(f"{label}重复：{venue.name_zh}")
        out.append(venue.id)
    return tuple(out)


def _people(value: object) -> int:
    if isinstance(value, float) and not value.is_integer():
        raise InvalidValue(f"人数应为整数：{value}")
    text = clean_text(value).removesuffix("人")
    if not text.isascii() or not text.isdigit():
        raise InvalidValue(f"人数无法识别：{text[:10] or '空'}")
    n = int(text)
    if n <= 0:
        raise InvalidValue("人数应大于 0")
    if n > MAX_PEOPLE:
        raise InvalidValue(f"人数 {n} 过大（一个团队最多 {MAX_PEOPLE} 人，请分成多个团队）")
    return n


def must_visit_problem(
    must: Sequence[Venue], earliest: date, latest: date, no_weekdays: Sequence[int],
    holidays: HolidayCalendar | None = None,
) -> str | None:  # fmt: skip
    """Why the must-visit set can never be visited together on an allowed day, or None when some day works."""
    days = [
        earliest + timedelta(days=k)
        for k in range((latest - earliest).days + 1)
        if (earliest + timedelta(days=k)).isoweekday() not in no_weekdays
    ]
    if not days:
        return "可出行日期内每天都是不可出行的星期"
    if not must:
        return None
    if any(all(day_status(v, d, holidays).state != "closed" for v in must) for d in days):
        return None
    always_closed = [v.name_zh for v in must if all(day_status(v, d, holidays).state == "closed" for d in days)]
    if always_closed:
        return f"必去场馆在可出行日期内每天都闭馆：{'、'.join(always_closed)}"
    return "必去场馆在可出行日期内没有同一天都开放的日子"


def _request(
    cells: Sequence[object], cols: dict[str, int], row: int, pool: Sequence[Venue],
    period: tuple[date, date], geocoder: Geocoder | None, holidays: HolidayCalendar | None = None,
) -> RequestDraft:  # fmt: skip
    def cell(f: str) -> object:
        col = cols.get(f)
        return cells[col] if col is not None and col < len(cells) else None

    union, name = clean_text(cell("union")), clean_text(cell("name"))
    if not union:
        raise InvalidValue("缺少工会")
    if not name:
        raise InvalidValue("缺少团队名称")
    if len(union) > 200 or len(name) > 200:
        raise InvalidValue("工会或团队名称过长（最多 200 字）")
    people = _people(cell("people"))
    earliest = parse_date(cell("earliest"), period[0].year)
    latest = parse_date(cell("latest"), period[0].year)
    if latest < earliest:
        raise InvalidValue(f"最晚日期 {latest} 早于最早日期 {earliest}")
    if earliest < period[0] or latest > period[1]:
        raise InvalidValue(f"日期 {earliest}—{latest} 超出活动日期 {period[0]}—{period[1]}")
    no_weekdays = parse_weekdays(cell("no_weekdays"))
    must = _venues(cell("must"), pool, "必去场馆")
    optional = tuple(v for v in _venues(cell("optional"), pool, "可选场馆") if v not in must)
    if not must and not optional:
        raise InvalidValue("没有填写任何场馆（必去场馆或可选场馆）")
    by_id = {v.id: v for v in pool}
    problem = must_visit_problem([by_id[v] for v in must], earliest, latest, no_weekdays, holidays)
    if problem:
        raise InvalidValue(problem)
    start_text = clean_text(cell("start"))
    if not start_text:
        raise InvalidValue("缺少出发地")
    try:
        start = resolve_place(start_text, pool, geocoder)
    except (GeocodeError, LookupError) as exc:
        raise InvalidValue(f"出发地：{exc.args[0] if exc.args else exc}") from None
    mode_text = clean_text(cell("mode")).lower().replace(" ", "")
    if mode_text and mode_text not in MODES:
        raise InvalidValue(f"交通方式无法识别：{mode_text[:10]}（可填 包车、地铁、步行）")
    start_time = parse_time(cell("start_time"), DEFAULT_START, "出发时间")
    return_by = parse_time(cell("return_by"), DEFAULT_RETURN, "最晚返回")
    if return_by <= start_time:
        raise InvalidValue(f"最晚返回 {return_by:%H:%M} 不晚于出发时间 {start_time:%H:%M}")
    phone_cell = cell("phone")
    split_text = clean_text(cell("split"))
    return RequestDraft(
        union, name, people, earliest, latest, no_weekdays, must, optional, start,
        MODES.get(mode_text, Mode.COACH), start_time, return_by,
        leader=clean_text(cell("leader"))[:60],
        phone=normalise_mobile(phone_cell) if clean_text(phone_cell) else "",
        split_ok=split_text not in ("否", "不可", "不可以", "不能", "no", "0"),
        sheet_row=row,
    )  # fmt: skip


def parse_requests(
    rows: Sequence[Sequence[object]],
    venues: Sequence[Venue],
    period: tuple[date, date],
    geocoder: Geocoder | None = None,
    holidays: HolidayCalendar | None = None,
) -> ParsedRequests:
    """Validate every row. ``errors`` non-empty means the file must not be applied."""
    if not any(any(clean_text(c) for c in r) for r in rows):
        raise RequestFormatError("文件中没有任何数据")
    header_row, cols = _find_header(rows)
    used = set(cols.values())
    ignored = tuple(clean_text(c) for j, c in enumerate(rows[header_row]) if j not in used and clean_text(c))
    out = ParsedRequests(header_row, ignored)
    seen: dict[tuple[str, str], int] = {}
    for sheet_row, cells in data_rows(rows, header_row, out.skipped, "表尾（合计/填表说明等）"):
        try:
            req = _request(cells, cols, sheet_row, venues, period, geocoder, holidays)
        except InvalidValue as exc:
            out.errors.append(RowNote(sheet_row, str(exc)))
            continue
        key = (req.union, req.name)
        if key in seen:
            out.errors.append(RowNote(sheet_row, f"团队“{req.name}”与第 {seen[key]} 行重复"))
            continue
        seen[key] = sheet_row
        out.requests.append(req)
    if not out.requests and not out.errors:
        raise RequestFormatError(f"表头（第 {header_row + 1} 行）下面没有团队数据")
    return out


def check_request(
    values: dict[str, object], venues: Sequence[Venue], period: tuple[date, date],
    geocoder: Geocoder | None = None, holidays: HolidayCalendar | None = None,
) -> RequestDraft:  # fmt: skip
    """One request entered in the app (keys of FIELDS): the import's checks and messages; InvalidValue if bad."""
    cols = {f: i for i, f in enumerate(FIELDS)}
    return _request([values.get(f) for f in FIELDS], cols, 0, venues, period, geocoder, holidays)


def weekday_text(days: Sequence[int]) -> str:
    return "、".join(WEEKDAY_ZH[d] for d in days)
