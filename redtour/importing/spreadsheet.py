"""Read the first sheet of an .xlsx/.xls/.csv file as rows of cell values, or fail with a clear reason.

Defences from docs/reliability.md §2.3–2.4: the file type is sniffed from its bytes, not its
name; .xlsx zips are checked for bombs before any XML is parsed; CSV text is decoded by BOM, then strict
UTF-8, then strict GB18030 — never with errors="ignore"; the delimiter is sniffed among , tab ;.
Reading is done with python-calamine (Rust; 10× openpyxl, ignores a lying <dimension>).
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from redtour.core.errors import DamagedFileError, RedtourError

MAX_ZIP_ENTRIES = 10_000
MAX_UNCOMPRESSED = 600 * 1024 * 1024  # a 1M-row roster is ~350 MB of XML
MAX_RATIO = 100  # an entry inflating more than 100:1 …
RATIO_MIN_SIZE = 10 * 1024 * 1024  # … and past 10 MB is a zip bomb
MAX_ROWS = 1_048_576
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Progress = Callable[[int], None]  # rows read so far
Cancelled = Callable[[], bool]


class SpreadsheetError(DamagedFileError):
    """The file cannot be read as a table; the message names the file and what to do."""


class ImportCancelled(RedtourError):
    def __init__(self) -> None:
        super().__init__("已取消导入，数据库未改动")


@dataclass(frozen=True)
class Table:
    path: Path
    sheet: str  # sheet name, or "" for CSV
    rows: list[list[object]]
    encoding: str = ""  # CSV only


def _kind(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "ole"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<html", b"<!doctype", b"<table", b"<?xml")):
        return "markup"
    return "text"


def check_zip(path: Path) -> None:
    """Refuse damaged, bomb-like or non-workbook zips before any XML parser sees them."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):  # also unsupported zip versions
        raise SpreadsheetError(f"{path.name} 已损坏或不完整，无法读取；请重新保存或重新下载") from None
    if len(infos) > MAX_ZIP_ENTRIES:
        raise SpreadsheetError(f"{path.name} 含有 {len(infos)} 个内部文件，不像正常的 Excel 文件，已拒绝")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNCOMPRESSED:
        raise SpreadsheetError(
            f"{path.name} 解压后有 {total / 2**20:.0f} MB，超过上限 {MAX_UNCOMPRESSED / 2**20:.0f} MB"
            "（可能是压缩炸弹，或名册过大请拆分）"
        )
    for i in infos:
        if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise SpreadsheetError(
                f"{path.name} 中的 {i.filename} 压缩比异常（{i.file_size // max(i.compress_size, 1)}:1），"
                "疑似压缩炸弹，已拒绝"
            )
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise SpreadsheetError(f"{path.name} 是压缩包但不是 Excel 工作簿（.xlsx）")


def _excel_rows(
    path: Path, sheet: str | None, progress: Progress | None, cancelled: Cancelled | None
) -> Table:
    from python_calamine import CalamineError, CalamineWorkbook, PasswordError, XmlError, ZipError

    try:
        wb = CalamineWorkbook.from_path(str(path))
        visible = [m.name for m in wb.sheets_metadata if str(m.visible).lower().endswith("visible")]
        name = sheet or (visible or wb.sheet_names or [""])[0]
        if name not in wb.sheet_names:
            raise SpreadsheetError(
                f"{path.name} 中没有名为“{name}”的工作表（有：{'、'.join(wb.sheet_names)}）"
            )
        ws = wb.get_sheet_by_name(name)
        rows: list[list[object]] = []
        for i, row in enumerate(ws.iter_rows()):
            rows.append(list(row))
            if i % 2000 == 1999:
                if cancelled is not None and cancelled():
                    raise ImportCancelled()
                if progress is not None:
                    progress(i + 1)
            if i >= MAX_ROWS:
                raise SpreadsheetError(f"{path.name} 超过 Excel 的 {MAX_ROWS} 行上限")
    except PasswordError:
        raise SpreadsheetError(f"{path.name} 设有密码，请先在 Excel/WPS 中取消密码") from None
    except (CalamineError, XmlError, ZipError) as exc:
        raise SpreadsheetError(f"{path.name} 无法作为 Excel 文件读取：{exc}") from None
    except (ValueError, TypeError) as exc:  # calamine reports malformed XML/ZIP content this way
        raise SpreadsheetError(f"{path.name} 内容已损坏，无法读取：{exc}") from None
    # A cell range that starts below/right of A1 (calamine trims leading empty rows/columns): restore
    # the offsets so row numbers in messages are the ones Excel/WPS shows.
    start = ws.start or (0, 0)
    rows = [[None] * start[1] + r for r in rows]
    rows = [[] for _ in range(start[0])] + rows
    return Table(path, name, rows)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding): BOM first, then strict UTF-8, then strict GB18030 (a superset of GBK)."""
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError:
                break
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    raise SpreadsheetError(f"无法识别 {name} 的文字编码；请在 Excel/WPS 中“另存为 → CSV UTF-8”后再导入")


def _csv_rows(path: Path, data: bytes) -> Table:
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise SpreadsheetError(f"{path.name} 不是文本文件（含有二进制内容），无法作为 CSV 读取")
    text, encoding = decode_text(data, path.name)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    try:
        rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        raise SpreadsheetError(f"{path.name} 的 CSV 格式有误：{exc}") from None
    if len(rows) > MAX_ROWS:
        raise SpreadsheetError(f"{path.name} 超过 {MAX_ROWS} 行上限")
    return Table(path, "", rows, encoding)


def read_table(
    path: Path,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Table:
    """The rows of one sheet (the first visible one unless ``sheet`` is given)."""
    path = Path(path)
    if path.name.startswith("~$"):
        raise SpreadsheetError(f"{path.name} 是 Excel/WPS 打开文件时留下的临时文件，请选择原文件")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        raise SpreadsheetError(f"找不到文件 {path}") from None
    except PermissionError:
        raise SpreadsheetError(
            f"无法读取 {path.name}：文件被占用或没有权限，请先在 Excel/WPS 中关闭该文件"
        ) from None
    if size == 0:
        raise SpreadsheetError(f"{path.name} 是空文件（0 字节）")
    suffix = path.suffix.lower()
    kind = _kind(head)
    if suffix in (".xlsx", ".xlsm"):
        if kind == "ole":
            raise SpreadsheetError(
                f"{path.name} 是加密的工作簿或改了扩展名的旧版 .xls；请取消密码或在 Excel/WPS 中另存为 .xlsx"
            )
        if kind == "markup":
            raise SpreadsheetError(f"{path.name} 实为网页（HTML）表格改名而来；请在 Excel/WPS 中另存为 .xlsx")
        if kind != "zip":
            raise SpreadsheetError(
                f"{path.name} 不是有效的 Excel 文件（.xlsx），可能是改了扩展名的文本或其他文件"
            )
        check_zip(path)
        return _excel_rows(path, sheet, progress, cancelled)
    if suffix == ".xls":
        if kind != "ole":
            raise SpreadsheetError(f"{path.name} 不是有效的 .xls 文件；请在 Excel/WPS 中另存为 .xlsx")
        return _excel_rows(path, sheet, progress, cancelled)
    if suffix in (".csv", ".txt"):
        if kind in ("zip", "ole"):
            raise SpreadsheetError(f"{path.name} 实为 Excel 工作簿，请把扩展名改回 .xlsx/.xls 或另存为 CSV")
        return _csv_rows(path, path.read_bytes())
    if suffix == ".et":
        raise SpreadsheetError(f"{path.name} 是 WPS 专有格式（.et）；请在 WPS 中另存为 .xlsx")
    raise SpreadsheetError(f"不支持 {suffix or '无扩展名'} 文件；请使用 .xlsx、.xls 或 .csv")
