"""Roster rows → people: header detection, skipped rows, errors with sheet row numbers."""

import pytest

from redtour.core.roster import RosterFormatError, find_header, parse_roster


def test_title_rows_header_variants_footer_and_duplicates():
    rows = [
        ["2025年春季红色寻访报名表", None, None, None],
        [None, None, None, None],
        ["序号", "名字", "联系电话（必填）", "所在单位"],
        [1, "张三", "138 1234 5678", "甲厂"],
        [],
        [2, "李四", 13912345678.0, "乙厂"],
        [3, "张三", "+86 13812345678", "甲厂"],
        [4, "王五", "12345", "丙厂"],
        [5, "赵六", "13912345678", "丁厂"],
        ["合计", "4人"],
        ["制表人：周", None],
    ]
    parsed = parse_roster(rows)
    assert parsed.header.row_index == 2 and parsed.header.ignored == ("序号",)
    assert [(p.sheet_row, p.name, p.mobile) for p in parsed.people] == [
        (4, "张三", "13812345678"),
        (6, "李四", "13912345678"),
    ]
    assert [(n.sheet_row, n.reason) for n in parsed.errors] == [
        (8, "手机号无效：12345"),
        (9, "手机号 139****5678 与第 6 行的“李四”相同"),
    ]
    assert [n.sheet_row for n in parsed.skipped] == [7, 10, 11]


def test_missing_columns_are_named():
    with pytest.raises(RosterFormatError, match="姓名"):
        find_header([["编号", "电话"], [1, "13812345678"]])
    with pytest.raises(RosterFormatError, match="手机号"):
        find_header([["姓名", "单位"], ["张三", "甲厂"]])


def test_empty_and_header_only():
    with pytest.raises(RosterFormatError, match="没有任何数据"):
        parse_roster([[], [None, ""]])
    with pytest.raises(RosterFormatError, match="没有人员数据"):
        parse_roster([["姓名", "手机号"]])


def test_swapped_columns_and_injection_in_names_are_errors():
    parsed = parse_roster(
        [["姓名", "手机号"], ["13812345678", "张三"], ["=cmd|' /C calc'!A0", "13912345678"]]
    )
    assert [n.sheet_row for n in parsed.errors] == [2, 3]
    assert "姓名" in parsed.errors[1].reason


def test_id_numbers_only_when_enabled():
    rows = [["姓名", "手机号", "身份证号"], ["张三", "13812345678", "11010519491231002X"]]
    assert parse_roster(rows).people[0].id_number == ""
    assert parse_roster(rows, with_id_number=True).people[0].id_number == "11010519491231002X"
    bad = [["姓名", "手机号", "身份证号"], ["张三", "13812345678", "110105194912310021"]]
    assert "校验位" in parse_roster(bad, with_id_number=True).errors[0].reason


def test_error_rows_say_whose_they_are_with_the_phone_masked():
    from redtour.core.roster import parse_roster

    parsed = parse_roster(
        [["姓名", "手机号"], ["张三", "13812345678"], ["李四", "12"], ["王五", "13812345678"]]
    )
    who = {(n.sheet_row, n.name, n.mobile_masked) for n in parsed.errors}
    assert who == {(3, "李四", "****"), (4, "王五", "138****5678")}
