"""Finding 9: look-alike names (invisible fillers, direction controls, NUL) are refused with the row named."""

from __future__ import annotations

import pytest

from redtour.core.people import InvalidValue, mask_mobile
from redtour.core.roster import check_name, check_text, parse_roster


@pytest.mark.parametrize(
    "raw",
    [
        "张三\u3164",
        "张\u200b三",
        "\u202e张三",
        "张三\u2066",
        "张\x00三",
        "张\ufeff三",
        "张\u115f三",
        "张\u00ad三",
    ],
)
def test_invisible_or_control_characters_in_names_are_refused(raw):
    with pytest.raises(InvalidValue, match=r"不可见|控制"):
        check_name(raw)


@pytest.mark.parametrize("raw", ["机电\u202e工会", "某厂\u3164", "某\x00厂", "某厂\u200f"])
def test_units_and_unions_with_hidden_characters_are_refused(raw):
    with pytest.raises(InvalidValue, match=r"不可见|控制"):
        check_text(raw, "工作单位", 200)


def test_ordinary_names_still_pass():
    assert check_name("阿依古丽 • 买买提") == "阿依古丽·买买提"
    assert check_text("上海　机电 工会", "基层工会", 200) == "上海 机电 工会"


def test_roster_row_with_a_filler_is_named_and_a_nul_past_4kb_refused():
    rows = [["姓名", "手机号", "工作单位"]]
    rows += [[f"职工{chr(0x4E00 + i)}", f"1380000{i:04d}", "某厂" * 30] for i in range(60)]  # well past 4 KB
    rows.append(["张三\u3164", "13912345678", "某厂"])
    rows.append(["李四", "13912345679", "某\x00厂"])
    parsed = parse_roster(rows)
    assert [n.sheet_row for n in parsed.errors] == [62, 63]
    assert "不可见" in parsed.errors[0].reason and "U+3164" in parsed.errors[0].reason


@pytest.mark.parametrize("raw", ["=cmd|' /C calc'!A0", "021-1234567", "abc", "1381234567", "+1 555 0100"])
def test_masking_hides_anything_that_is_not_a_valid_mobile(raw):
    shown = mask_mobile(raw)
    assert not any(ch.isalnum() for ch in shown.replace("*", "")) and "calc" not in shown
    assert shown == "****"


def test_masking_a_valid_mobile():
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("+86 138 1234 5678") == "138****5678"


def test_a_union_name_with_a_direction_override_is_refused(user_db):
    from redtour.storage.participation import ParticipationError, ensure_union

    with pytest.raises(ParticipationError, match="U\\+202E"), user_db.writing() as s:
        ensure_union(s, "普陀区\u202e总工会")
