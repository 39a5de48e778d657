"""Roster sheets → validated people. Pure functions over rows of cell values (any reader can feed them).

A real roster has a title row or two (often merged), then the header, then people, blank rows and a
footer (合计 / 制表人). The header is found by matching the usual Chinese column names; every data row is
normalised (core.people) and either accepted, skipped (blank, footer, an exact repeat) or reported as a
problem with its sheet row number. Nothing here touches the database: storage decides "added" or "merged".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from redtour.core.errors import RedtourError
from redtour.core.people import (
    InvalidValue,
    check_visible,
    clean_text,
    mask_mobile,
    normalise_id_number,
    normalise_mobile,
    normalise_name,
)

#: field → (label used in messages and the template, accepted header spellings)
FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "name": ("姓名", ("姓名", "名字", "职工姓名", "员工姓名", "人员姓名", "参加人", "参加人员", "name")),
    "mobile": (
        "手机号",
        (
            "手机号",
            "手机",
            "手机号码",
            "联系电话",
            "电话",
            "联系方式",
            "移动电话",
            "电话号码",
            "mobile",
            "phone",
        ),
    ),
    "work_unit": ("工作单位", ("工作单位", "单位", "所在单位", "单位名称", "所在部门", "部门", "workunit")),
    "grassroots": ("基层工会", ("基层工会", "所属工会", "工会", "工会名称", "基层工会名称")),
    "employee_no": ("工号", ("工号", "员工号", "职工号", "员工编号", "职工编号", "employeeno")),
    "id_number": ("身份证号", ("身份证号", "身份证", "身份证号码", "证件号", "证件号码", "公民身份号码")),
}
REQUIRED = ("name", "mobile")
HEADER_SCAN_ROWS = 10
FOOTER_WORDS = ("合计", "总计", "小计", "共计", "制表", "填表", "审核", "备注", "说明", "注：", "注:")
_NAME_RE = re.compile(r"[^\W\d_](?:[^\W\d_]|[·\s'-])*")


class RosterFormatError(RedtourError):
    """The sheet as a whole cannot be read as a roster (no header, no rows)."""


def _header_key(value: object) -> str:
    text = unicodedata.normalize("NFKC", clean_text(value)).lower()
    text = re.sub(r"[(（\[【].*?[)）\]】]", "", text)  # 手机号（必填）
    return re.sub(r"[\s*:：_/]", "", text)


def match_header(cells: Sequence[object]) -> dict[str, int]:
    """field → column index for one candidate header row (first match wins)."""
    found: dict[str, int] = {}
    for col, cell in enumerate(cells):
        key = _header_key(cell)
        if not key:
            continue
        for fld, (_label, spellings) in FIELDS.items():
            if fld not in found and key in spellings:
                found[fld] = col
                break
    return found


@dataclass(frozen=True)
class Header:
    row_index: int  # 0-based index into the rows
    columns: dict[str, int]
    ignored: tuple[str, ...]  # headers of columns that are not imported (data minimisation)


def find_header(rows: Sequence[Sequence[object]]) -> Header:
    best: tuple[int, dict[str, int]] | None = None
    for i, cells in enumerate(rows[:HEADER_SCAN_ROWS]):
        cols = match_header(cells)
        if cols and (best is None or len(cols) > len(best[1])):
            best = (i, cols)
    names = "、".join(FIELDS[f][0] for f in REQUIRED)
    if best is None or "name" not in best[1]:
        raise RosterFormatError(
            f"找不到表头：前 {HEADER_SCAN_ROWS} 行中没有“姓名”列。名册至少要有 {names} 两列"
            f"（也可写作：{'/'.join(FIELDS['name'][1][:3])}，{'/'.join(FIELDS['mobile'][1][:4])}）"
        )
    i, cols = best
    missing = [FIELDS[f][0] for f in REQUIRED if f not in cols]
    if missing:
        raise RosterFormatError(
            f"表头（第 {i + 1} 行）缺少“{'、'.join(missing)}”列；"
            f"可用的列名：{'/'.join(FIELDS['mobile'][1][:5])}"
        )
    used = set(cols.values())
    ignored = tuple(clean_text(c) for j, c in enumerate(rows[i]) if j not in used and clean_text(c))
    return Header(i, cols, ignored)


@dataclass(frozen=True)
class RosterPerson:
    sheet_row: int  # 1-based, as Excel/WPS shows it
    name: str
    mobile: str
    work_unit: str = ""
    grassroots: str = ""
    employee_no: str = ""
    id_number: str = ""


@dataclass(frozen=True)
class RowNote:
    sheet_row: int
    reason: str
    name: str = ""  # who the row is about, so the user sees whom to fix (the phone only masked)
    mobile_masked: str = ""

    def as_dict(self) -> dict[str, object]:
        return {"row": self.sheet_row, "reason": self.reason}


@dataclass
class ParsedRoster:
    header: Header
    people: list[RosterPerson] = field(default_factory=list)
    errors: list[RowNote] = field(default_factory=list)
    skipped: list[RowNote] = field(default_factory=list)


def _cell(cells: Sequence[object], col: int | None) -> object:
    if col is None or col >= len(cells):
        return None
    return cells[col]


def _is_footer(cells: Sequence[object]) -> bool:
    first = next((clean_text(c) for c in cells if clean_text(c)), "")
    return first.replace(" ", "").startswith(FOOTER_WORDS)


def data_rows(
    rows: Sequence[Sequence[object]],
    header_index: int,
    skipped: list[RowNote],
    footer: str = "表尾（合计/制表等）",
) -> Iterator[tuple[int, Sequence[object]]]:
    """The rows below the header as (sheet row, cells): blank rows passed over, footer rows (合计, 制表人…)
    noted in ``skipped`` with ``footer`` as the reason."""
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        if not any(clean_text(c) for c in cells):
            continue
        if _is_footer(cells):
            skipped.append(RowNote(index + 1, footer))
            continue
        yield index + 1, cells


def check_text(value: object, label: str, limit: int) -> str:
    """A free-text field (work unit, union, employee number): trimmed, visible characters only, bounded."""
    if isinstance(value, float) and not value.is_integer():
        raise InvalidValue(f"{label}不应是小数：{value}")
    if isinstance(value, str) and len(value) > 4 * limit:  # don't normalise megabytes to refuse them
        raise InvalidValue(f"{label}过长（{len(value)} 字，最多 {limit} 字）")
    if isinstance(value, str):
        check_visible(value, label)  # before NFKC, so the message names the character as typed
    text = check_visible(clean_text(value), label)
    if len(text) > limit:
        raise InvalidValue(f"{label}过长（{len(text)} 字，最多 {limit} 字）")
    return text


_text_field = check_text


def check_name(value: object) -> str:
    """A person's name by the roster's rules: letters (any script), middle dots, at most 40 characters."""
    if isinstance(value, str) and len(value) > 400:
        raise InvalidValue(f"姓名过长（{len(value)} 字，最多 40 字）")
    if isinstance(value, str):
        check_visible(value, "姓名")
    name = check_visible(normalise_name(value), "姓名")
    if not name:
        raise InvalidValue("缺少姓名")
    if len(name) > 40 or not _NAME_RE.fullmatch(name):
        raise InvalidValue(f"姓名“{clean_text(value)[:20]}”含有数字或符号，请检查是否错列")
    return name


def _known(person: RosterPerson) -> tuple[str, str]:
    return person.name, mask_mobile(person.mobile)


def _who(cells: Sequence[object], cols: dict[str, int]) -> tuple[str, str]:
    """Name and masked phone of a row that failed validation, as far as they can be read."""
    name = clean_text(_cell(cells, cols.get("name")))[:40]
    try:
        mobile = mask_mobile(normalise_mobile(_cell(cells, cols.get("mobile"))))
    except InvalidValue:
        mobile = "****" if clean_text(_cell(cells, cols.get("mobile"))) else ""
    return name, mobile


def _person(cells: Sequence[object], cols: dict[str, int], sheet_row: int, with_id: bool) -> RosterPerson:
    name = check_name(_cell(cells, cols["name"]))
    mobile = normalise_mobile(_cell(cells, cols["mobile"]))
    id_number = ""
    if with_id and "id_number" in cols and clean_text(_cell(cells, cols["id_number"])):
        id_number = normalise_id_number(_cell(cells, cols["id_number"]))
    return RosterPerson(
        sheet_row,
        name,
        mobile,
        work_unit=_text_field(_cell(cells, cols.get("work_unit")), "工作单位", 200),
        grassroots=_text_field(_cell(cells, cols.get("grassroots")), "基层工会", 200),
        employee_no=_text_field(_cell(cells, cols.get("employee_no")), "工号", 40),
        id_number=id_number,
    )


def parse_roster(rows: Sequence[Sequence[object]], *, with_id_number: bool = False) -> ParsedRoster:
    """Validate every row. ``errors`` non-empty means the file must not be applied."""
    if not any(any(clean_text(c) for c in r) for r in rows):
        raise RosterFormatError("文件中没有任何数据")
    header = find_header(rows)
    out = ParsedRoster(header)
    by_mobile: dict[str, RosterPerson] = {}
    by_id: dict[str, RosterPerson] = {}
    for sheet_row, cells in data_rows(rows, header.row_index, out.skipped):
        try:
            person = _person(cells, header.columns, sheet_row, with_id_number)
        except InvalidValue as exc:
            out.errors.append(RowNote(sheet_row, str(exc), *_who(cells, header.columns)))
            continue
        seen = by_mobile.get(person.mobile)
        if seen is not None:
            if seen.name == person.name:
                out.skipped.append(
                    RowNote(sheet_row, f"与第 {seen.sheet_row} 行重复（{person.name}）", *_known(person))
                )
            else:
                out.errors.append(
                    RowNote(
                        sheet_row,
                        f"手机号 {mask_mobile(person.mobile)} 与第 {seen.sheet_row} 行的“{seen.name}”相同",
                        *_known(person),
                    )
                )
            continue
        if person.id_number:
            other = by_id.get(person.id_number)
            if other is not None:
                out.errors.append(
                    RowNote(
                        sheet_row, f"身份证号与第 {other.sheet_row} 行的“{other.name}”相同", *_known(person)
                    )
                )
                continue
            by_id[person.id_number] = person
        by_mobile[person.mobile] = person
        out.people.append(person)
    if not out.people and not out.errors:
        raise RosterFormatError(f"表头（第 {header.row_index + 1} 行）下面没有人员数据")
    return out
