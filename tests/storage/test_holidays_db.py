"""Years staff entered: stored with who and when, read back into the calendar, imported from files."""

import json
from datetime import date

import pytest

from redtour.core.holidays import HolidayDataError, year_from_dict
from redtour.storage.audit import entries
from redtour.storage.holidays import HolidayRepository, load_calendar, parse_import

YEAR_2027 = {
    "year": 2027,
    "notice_no": "测试文号",
    "notice_url": "https://example.org/notice",
    "holidays": [{"name": "春节", "start": "2027-02-06", "end": "2027-02-12"}],
    "workdays": ["2027-02-20"],
}  # test data only: not the real 2027 schedule


def test_an_entered_year_is_stored_with_who_and_when_and_used(user_db):
    repo = HolidayRepository(user_db)
    assert not load_calendar(user_db).known(2027)
    repo.save(year_from_dict(YEAR_2027, origin="entered"), by="张三")
    cal = load_calendar(user_db)
    y = cal.years[2027]
    assert y.origin == "entered" and y.entered_by == "张三" and y.entered_at is not None
    assert y.notice_no == "测试文号" and y.notice_url == "https://example.org/notice"
    assert cal.info(date(2027, 2, 8)).name == "春节"
    assert "工作人员录入（张三" in y.source_text()
    assert any(e.action == "holidays.enter" for e in entries(user_db))
    repo.delete(2027)
    assert not load_calendar(user_db).known(2027)


def test_an_entered_year_that_is_also_official_is_kept_but_not_used(user_db):
    clash = {**YEAR_2027, "year": 2026, "holidays": [{"name": "春节", "start": "2026-03-01", "end": "2026-03-02"}],
             "workdays": []}  # fmt: skip
    HolidayRepository(user_db).save(year_from_dict(clash, origin="entered"), by="李四")
    cal = load_calendar(user_db)
    assert cal.years[2026].origin == "bundled" and [y.year for y in cal.unused] == [2026]


CSV_2027 = """类型,名称,开始,结束
年份,2027,,
文号,测试文号,,
网址,https://example.org/notice,,
放假,春节,2027-02-06,2027-02-12
上班,,2027-02-20,
"""


@pytest.mark.parametrize("suffix", [".csv", ".json", ".toml"])
def test_import_files_in_each_documented_format(tmp_path, suffix):
    path = tmp_path / f"2027{suffix}"
    if suffix == ".csv":
        path.write_text(CSV_2027, encoding="utf-8-sig")
    elif suffix == ".json":
        path.write_text(json.dumps(YEAR_2027, ensure_ascii=False), encoding="utf-8")
    else:
        path.write_text(
            'year = 2027\nnotice_no = "测试文号"\nnotice_url = "https://example.org/notice"\n'
            'holidays = [{ name = "春节", start = 2027-02-06, end = 2027-02-12 }]\nworkdays = [2027-02-20]\n',
            encoding="utf-8",
        )
    y = parse_import(path)
    assert y.year == 2027 and y.holidays[0].name == "春节" and y.workdays == (date(2027, 2, 20),)


def test_a_bad_import_file_changes_nothing_and_says_why(tmp_path, user_db):
    path = tmp_path / "bad.csv"
    path.write_text(
        CSV_2027.replace("2027-02-20", "2027-02-10") + "假期,国庆,2027-10-01,\n", encoding="utf-8"
    )
    with pytest.raises(HolidayDataError) as err:
        parse_import(path)
    assert "第7行" in str(err.value)
    (tmp_path / "x.xlsx").write_bytes(b"PK")
    with pytest.raises(HolidayDataError, match="不支持的文件类型"):
        parse_import(tmp_path / "x.xlsx")
    assert not load_calendar(user_db).known(2027)
