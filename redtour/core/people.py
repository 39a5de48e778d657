"""Names, mobile numbers and ID numbers: normalised on the way in, masked on the way out.

Rules from docs/reliability.md §2.6–2.10: NFKC first (full-width digits, ideographic
spaces), never ``str.isdigit`` (it accepts ①²٣), mainland mobiles match ``1[3-9]\\d{9}``, +86/0086 are
stripped, numbers Excel stored as floats are accepted only while they are exact integers.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

MOBILE_RE = re.compile(r"1[3-9][0-9]{9}")
_SEPARATORS = re.compile(r"[\s\-.()（）\u200b\u200c\u200d\ufeff\u00a0]")
_MIDDLE_DOTS = str.maketrans({"•": "·", "・": "·", "‧": "·", "∙": "·", "．": "·"})
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


# Characters that make two names look alike or reorder text on screen (docs/reliability.md §2.10):
# fillers (U+3164 HANGUL FILLER becomes U+1160 under NFKC), zero-width and soft hyphen, bidi controls.
_HIDDEN = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\u2800\u3164\ufeff\uffa0]"
)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class InvalidValue(ValueError):
    """A value that cannot be normalised; ``str()`` is the reason in Chinese."""


def check_visible(text: str, label: str) -> str:
    """``text`` unchanged, or InvalidValue when it holds a control, invisible or direction character."""
    bad = _CONTROL.search(text) or _HIDDEN.search(text)
    if bad is not None:
        kind = "控制字符" if _CONTROL.match(bad.group()) else "不可见字符或文字方向控制字符"
        raise InvalidValue(f"{label}含有{kind}（U+{ord(bad.group()):04X}），请删除后重新填写")
    return text


def clean_text(value: object) -> str:
    """A cell as trimmed text: NFKC, inner runs of whitespace collapsed, None → ""."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value))
    return " ".join(text.split())


def normalise_name(value: object) -> str:
    """A person's name for display and matching: no spaces at all, one kind of middle dot (少数民族姓名)."""
    text = clean_text(value).translate(_MIDDLE_DOTS)
    if "·" in text or "." in text:
        text = re.sub(r"\s*[.·]\s*", "·", text)
    return "".join(text.split())


def normalise_mobile(value: object) -> str:
    """An 11-digit mainland mobile number, or InvalidValue saying what is wrong."""
    if value is None or value == "":
        raise InvalidValue("缺少手机号")
    if isinstance(value, bool):
        raise InvalidValue(f"手机号无效：{value}")
    if isinstance(value, float):
        if not value.is_integer():
            raise InvalidValue(f"手机号无效：{value}")
        value = int(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if re.fullmatch(r"[0-9.]+[eE][+-]?[0-9]+", text):
        raise InvalidValue(
            f"手机号被 Excel 写成了科学计数法（{text}），后几位已丢失；请把该列设为文本后重新填写"
        )
    text = _SEPARATORS.sub("", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    if not MOBILE_RE.fullmatch(text):
        raise InvalidValue(f"手机号无效：{clean_text(value)}")
    return text


def mask_mobile(mobile: str | None) -> str:
    """138****1234. Anything that is not a valid mobile is hidden completely ("****"): a masked export
    must never pass on text it cannot vouch for (a formula, a landline, someone's note)."""
    if not mobile:
        return ""
    if len(mobile) == 11 and MOBILE_RE.fullmatch(mobile):  # the stored form: fast path for exports
        return f"{mobile[:3]}****{mobile[7:]}"
    try:
        digits = normalise_mobile(mobile)
    except InvalidValue:
        return "****"
    return f"{digits[:3]}****{digits[7:]}"


def id_check_char(first17: str) -> str:
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def normalise_id_number(value: object, *, today: date | None = None) -> str:
    """An 18-character resident ID (GB 11643-1999) with a valid check character and birth date."""
    if value is None or value == "":
        raise InvalidValue("缺少身份证号")
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise InvalidValue("身份证号被 Excel 存成了数字，后几位已丢失；请把该列设为文本后重新填写")
    text = _SEPARATORS.sub("", unicodedata.normalize("NFKC", str(value))).upper()
    if not re.fullmatch(r"[0-9]{17}[0-9X]", text):
        raise InvalidValue(f"身份证号应为 18 位：{mask_id_number(text)}")
    if id_check_char(text[:17]) != text[17]:
        raise InvalidValue(f"身份证号校验位不对：{mask_id_number(text)}")
    try:
        born = date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InvalidValue(f"身份证号中的出生日期无效：{mask_id_number(text)}") from None
    if born > (today or date.today()) or born.year < 1870:
        raise InvalidValue(f"身份证号中的出生日期无效：{mask_id_number(text)}")
    return text


def mask_id_number(id_number: str | None) -> str:
    """First character and last two only: the birth date never shows (reliability.md §4.3)."""
    if not id_number:
        return ""
    if len(id_number) <= 3:
        return "*" * len(id_number)
    return id_number[0] + "*" * (len(id_number) - 3) + id_number[-2:]


def mask_name(name: str) -> str:
    """张* / 欧阳** for lists that do not need the full name."""
    return name[:1] + "*" * (len(name) - 1) if name else ""
