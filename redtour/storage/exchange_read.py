"""Reading an exchange package defensively: streamed, bounded, every record checked like a roster row.

A package comes from another office by USB stick or e-mail: it may be damaged, truncated or hostile.
Limits (docs/reliability.md §2.2, zip pre-check): only the expected entries (manifest and one per part), regular files, stored or
deflated; a manifest under 64 KB; at most ``MAX_TOTAL_BYTES`` uncompressed; a large entry may not expand more
than ``MAX_RATIO`` times; one record per line, at most ``MAX_LINE_BYTES``; the line counts must match the
manifest and stay under ``MAX_RECORDS``. Parts are hashed and parsed line by line, never read whole.

Anything wrong with the container (not a zip, a bad manifest, a checksum, a line that is not a JSON
object) is *damage*: one sentence, :class:`ExchangeError`. A well-formed record whose values break the
roster rules (core/roster.py: names, mobiles, lengths, hidden characters) or that points at something
missing from the package is an *error* listed with its part and line; nothing is applied then either.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
import uuid as uuid_mod
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from redtour.core.errors import DamagedFileError
from redtour.core.people import InvalidValue, normalise_mobile
from redtour.core.roster import check_name, check_text

FORMAT = "redtour-exchange"
VERSION = 2  # 2: a ``places`` part (saved places); version 1 packages have none and still import
PARTS = ("unions", "participants", "groups", "visits", "places")
ENTRIES = frozenset({"manifest.json", *(f"{p}.jsonl" for p in PARTS)})
MAX_MANIFEST_BYTES = 64 * 1024
MAX_LINE_BYTES = 64 * 1024
MAX_TOTAL_BYTES = 1536 * 1024**2  # a million visits is ~250 MB of JSON Lines
MAX_RATIO = 50  # real parts compress 3-8x; 10 million "{}" lines compress 1000x
RATIO_FLOOR = 1024**2  # small entries may compress as they like
MAX_RECORDS = {
    "unions": 20_000,
    "participants": 2_000_000,
    "groups": 500_000,
    "visits": 5_000_000,
    "places": 100_000,
}
MAX_ERRORS = 200
UNION_KINDS = ("district", "industry", "grassroots")
_VENUE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_HEX64 = re.compile(r"[0-9a-f]{64}")


class ExchangeError(DamagedFileError):
    """The package is damaged or not an exchange package (exit status 2)."""


@dataclass
class Package:
    manifest: dict[str, Any]
    parts: dict[str, list[dict[str, Any]]]
    errors: list[str] = field(default_factory=list)  # "participants.jsonl 第 3 行：…"
    error_count: int = 0


def _uuid(value: object, label: str) -> str:
    if not isinstance(value, str) or len(value) > 40:
        raise InvalidValue(f"{label}应为 UUID")
    try:
        return str(uuid_mod.UUID(value))
    except ValueError:
        raise InvalidValue(f"{label}不是有效的 UUID：{value[:40]}") from None


def _day(value: object, label: str = "日期") -> date:
    if not isinstance(value, str) or len(value) != 10:
        raise InvalidValue(f"{label}应写作 YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidValue(f"{label}无效：{value}") from None


def _moment(value: object) -> datetime:
    if not isinstance(value, str) or len(value) > 32:
        raise InvalidValue("记录时间应为 ISO 日期时间")
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        raise InvalidValue(f"记录时间无效：{value}") from None


def _venue(value: object) -> str:
    if not isinstance(value, str) or not _VENUE_ID.fullmatch(value):
        raise InvalidValue(f"场馆编号无效：{str(value)[:40]}")
    return value


def _text(value: object, label: str, limit: int) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InvalidValue(f"{label}应为文字")
    return check_text(value, label, limit)


def _ref(value: object, label: str, known: dict[str, Any]) -> str:
    ref = _uuid(value, label)
    if ref not in known:
        raise InvalidValue(f"{label} {ref[:8]}… 不在交换包中")
    return ref


class _Checker:
    """Turns one JSON object per part into a clean record; the parts are read in ``PARTS`` order."""

    def __init__(self) -> None:
        self.seen: dict[str, dict[str, Any]] = {p: {} for p in PARTS}

    def unions(self, r: dict[str, Any]) -> dict[str, Any]:
        name = _text(r.get("name"), "工会名称", 200)
        if not name:
            raise InvalidValue("缺少工会名称")
        if r.get("kind") not in UNION_KINDS:
            raise InvalidValue(f"工会类别无效：{str(r.get('kind'))[:20]}")
        parent = r.get("parent")
        return {"name": name, "kind": r["kind"], "parent": _uuid(parent, "上级工会编号") if parent else None}

    def participants(self, r: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(r.get("name"), str):
            raise InvalidValue("缺少姓名")
        mobile = r.get("mobile")
        if mobile is not None and not isinstance(mobile, str):
            raise InvalidValue("手机号应为文字")
        return {
            "union": _ref(r.get("union"), "工会编号", self.seen["unions"]),
            "name": check_name(r["name"]),
            "mobile": normalise_mobile(mobile) if mobile else None,
            "work_unit": _text(r.get("work_unit"), "工作单位", 200),
            "employee_no": _text(r.get("employee_no"), "工号", 40),
        }

    def groups(self, r: dict[str, Any]) -> dict[str, Any]:
        name = _text(r.get("name"), "团队名称", 200)
        if not name:
            raise InvalidValue("缺少团队名称")
        venues = r.get("venues")
        if not isinstance(venues, list) or len(venues) > 100:
            raise InvalidValue("团队的场馆应为不超过 100 个场馆编号的列表")
        return {
            "union": _ref(r.get("union"), "工会编号", self.seen["unions"]),
            "name": name,
            "leader": _text(r.get("leader"), "领队", 60),
            "day": _day(r.get("day")),
            "venues": [_venue(v) for v in venues],
        }

    def places(self, r: dict[str, Any]) -> dict[str, Any]:
        name = " ".join(_text(r.get("name"), "地点名称", 200).split())
        if not name:
            raise InvalidValue("缺少地点名称")
        lat, lon = r.get("lat"), r.get("lon")
        if not all(isinstance(x, int | float) and not isinstance(x, bool) for x in (lat, lon)):
            raise InvalidValue("地点坐标应为数字")
        assert isinstance(lat, int | float) and isinstance(lon, int | float)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InvalidValue(f"坐标超出范围：{lat}, {lon}")
        return {
            "name": name,
            "lat": float(lat),
            "lon": float(lon),
            "note": _text(r.get("note"), "备注", 1000),
            "updated": _moment(r.get("updated")),
        }

    def visits(self, r: dict[str, Any]) -> dict[str, Any]:
        group = r.get("group")
        union = r.get("union")
        return {
            "participant": _ref(r.get("participant"), "人员编号", self.seen["participants"]),
            "venue": _venue(r.get("venue")),
            "day": _day(r.get("day")),
            "group": _ref(group, "团队编号", self.seen["groups"]) if group else None,
            "union": _ref(union, "工会编号", self.seen["unions"]) if union else None,
            "recorded": _moment(r.get("recorded")),
        }


def parts_of(version: int) -> tuple[str, ...]:
    return PARTS if version >= 2 else PARTS[:4]


def _manifest(data: bytes, name: str) -> dict[str, Any]:
    try:
        manifest = json.loads(data)
    except (UnicodeDecodeError, ValueError):
        raise ExchangeError(f"{name} 不是 redtour 交换包（manifest.json 不是有效的 JSON）") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ExchangeError(f"{name} 不是 redtour 交换包")
    version = manifest.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError(f"{name} 的格式版本无效：{str(version)[:20]}")
    if version > VERSION:
        raise ExchangeError(f"{name} 由更新版本的 redtour 生成（格式 {version}），请先升级")
    union, sha, counts = manifest.get("union"), manifest.get("sha256"), manifest.get("counts")
    try:
        if not isinstance(union, dict):
            raise InvalidValue("缺少工会")
        _uuid(union.get("uuid"), "工会编号")
        manifest["union"] = {"uuid": union["uuid"], "name": _text(union.get("name"), "工会名称", 200)}
    except InvalidValue as exc:
        raise ExchangeError(f"{name} 的清单（manifest.json）有误：{exc}") from None
    ok_sha = isinstance(sha, dict) and all(
        isinstance(sha.get(p), str) and _HEX64.fullmatch(sha[p]) for p in parts_of(version)
    )
    ok_counts = isinstance(counts, dict) and all(
        type(counts.get(p)) is int and 0 <= counts[p] <= MAX_RECORDS[p] for p in parts_of(version)
    )
    if not (ok_sha and ok_counts):
        raise ExchangeError(f"{name} 的清单（manifest.json）缺少校验值或记录数，或记录数超出上限")
    return manifest


def _check_entries(z: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    infos = z.infolist()
    names = [i.filename for i in infos]
    if len(names) != len(set(names)) or not set(names) <= ENTRIES:
        raise ExchangeError(f"{name} 含有交换包不应有的条目（重复、目录或其他文件），未导入")
    if "manifest.json" not in names:
        raise ExchangeError(f"{name} 不是 redtour 交换包（缺少 manifest.json）")
    total = 0
    for info in infos:
        mode = info.external_attr >> 16
        if stat.S_IFMT(mode) not in (0, stat.S_IFREG) or info.is_dir() or info.flag_bits & 0x1:
            raise ExchangeError(f"{name} 中的 {info.filename} 不是普通文件（链接、目录或加密条目），未导入")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ExchangeError(f"{name} 中的 {info.filename} 使用了不支持的压缩方式")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise ExchangeError(
                f"{name} 中的 {info.filename} 压缩比异常（{ratio:.0f} 倍），疑似压缩炸弹，未导入"
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise ExchangeError(f"{name} 解压后超过 {MAX_TOTAL_BYTES // 1024**2} MB 上限，未导入")
    return {i.filename: i for i in infos}


def _read_part(
    z: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    part: str,
    pkg: Package,
    check: Callable[[dict[str, Any]], Any],
    name: str,
) -> None:
    h = hashlib.sha256()
    seen = pkg.parts[part]
    keys: dict[str, Any] = {}
    expected = pkg.manifest["counts"][part]
    n = read = 0
    with z.open(info) as fh:
        while line := fh.readline(MAX_LINE_BYTES + 1):
            read += len(line)
            if len(line) > MAX_LINE_BYTES or read > info.file_size:
                raise ExchangeError(f"{name} 中的 {part}.jsonl 第 {n + 1} 行过长或文件大小不符，未导入")
            h.update(line)
            if not line.strip():
                continue
            n += 1
            if n > expected:
                raise ExchangeError(f"{name} 中的 {part}.jsonl 记录数多于清单所写的 {expected} 条，未导入")
            try:
                record = json.loads(line)
            except (UnicodeDecodeError, ValueError):
                raise ExchangeError(f"{name} 中的 {part}.jsonl 第 {n} 行不是有效的 JSON，未导入") from None
            if not isinstance(record, dict):
                raise ExchangeError(f"{name} 中的 {part}.jsonl 第 {n} 行不是一条记录（JSON 对象），未导入")
            try:
                key = _uuid(record.get("uuid"), "编号")
                if key in keys:
                    raise InvalidValue(f"编号 {key[:8]}… 在交换包中重复")
                clean = check(record)
            except InvalidValue as exc:
                pkg.error_count += 1
                if len(pkg.errors) < MAX_ERRORS:
                    pkg.errors.append(f"{part}.jsonl 第 {n} 行：{exc}")
                continue
            clean["uuid"] = key
            keys[key] = clean
            seen.append(clean)
    if h.hexdigest() != pkg.manifest["sha256"][part]:
        raise ExchangeError(f"{name} 中的 {part}.jsonl 校验不符：文件已损坏或被修改")
    if n != expected:
        raise ExchangeError(f"{name} 中的 {part}.jsonl 有 {n} 条记录，清单写的是 {expected} 条：文件不完整")


def read_package(path: Path) -> Package:
    """The checked contents of a package, or ExchangeError (damage) — never another exception."""
    name = path.name
    if path.is_dir():
        raise ExchangeError(f"{path} 是文件夹，不是交换包文件")
    try:
        z = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ExchangeError(f"找不到文件 {path}") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError):
        # NotImplementedError: a central directory asking for an unsupported zip version (fuzzing found it)
        raise ExchangeError(f"{name} 不是 redtour 交换包（不是有效的压缩包，或文件已损坏）") from None
    except OSError as exc:
        raise ExchangeError(f"无法读取 {name}：{exc.strerror or exc}") from None
    checker = _Checker()
    try:
        with z:
            infos = _check_entries(z, name)
            if infos["manifest.json"].file_size > MAX_MANIFEST_BYTES:
                raise ExchangeError(f"{name} 的清单（manifest.json）过大，未导入")
            pkg = Package(_manifest(z.read("manifest.json"), name), {p: [] for p in PARTS})
            parts = parts_of(pkg.manifest["version"])
            missing = [f"{p}.jsonl" for p in parts if f"{p}.jsonl" not in infos]
            if missing:
                raise ExchangeError(f"{name} 缺少 {'、'.join(missing)}，未导入")
            if len(infos) != len(parts) + 1:  # a version 1 package with a places part
                raise ExchangeError(f"{name} 含有交换包不应有的条目（重复、目录或其他文件），未导入")
            for part in parts:
                _read_part(z, infos[f"{part}.jsonl"], part, pkg, getattr(checker, part), name)
                checker.seen[part] = {r["uuid"]: r for r in pkg.parts[part]}
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        OSError,
        ValueError,
    ) as exc:
        raise ExchangeError(f"{name} 已损坏，无法解压（{type(exc).__name__}），未导入") from None
    return pkg
