"""Normalising and masking personal data (reliability.md §2.6–2.7)."""

import random
from datetime import date

import pytest

from redtour.core.people import (
    InvalidValue,
    id_check_char,
    mask_id_number,
    mask_mobile,
    normalise_id_number,
    normalise_mobile,
    normalise_name,
)


@pytest.mark.parametrize(
    "raw",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "＋８６ １３８１２３４５６７８",
        "+8613812345678",
        "0086-138-1234-5678",
        "8613812345678",
        13812345678,
        13812345678.0,
        "\u200b13812345678\u00a0",
        "１３８１２３４５６７８",
    ],
)
def test_mobile_variants_normalise_to_eleven_digits(raw):
    assert normalise_mobile(raw) == "13812345678"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (None, "缺少"),
        ("", "缺少"),
        ("12812345678", "无效"),
        ("1381234567", "无效"),
        ("١٣٨١٢٣٤٥٦٧٨", "无效"),
        ("1.38123E+10", "科学计数法"),
        (13812345678.5, "无效"),
        ("021-12345678", "无效"),
    ],
)
def test_bad_mobiles_say_why(raw, reason):
    with pytest.raises(InvalidValue, match=reason):
        normalise_mobile(raw)


def test_masks():
    assert mask_mobile("13812345678") == "138****5678"
    assert mask_mobile("") == "" and mask_mobile(None) == ""
    assert mask_id_number("11010519491231002X") == "1***************2X"


def test_names():
    assert normalise_name(" 张　三 ") == "张三"
    assert normalise_name("阿依古丽 • 买买提") == "阿依古丽·买买提"


def test_id_check_digit_catches_every_single_digit_error():
    assert normalise_id_number("11010519491231002x") == "11010519491231002X"
    assert normalise_id_number("440524188001010014", today=date(2026, 1, 1)) == "440524188001010014"
    rng = random.Random(7)
    for _ in range(200):
        body = f"310101{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
        good = body + id_check_char(body)
        assert normalise_id_number(good) == good
        pos = rng.randrange(17)
        wrong = good[:pos] + str((int(good[pos]) + rng.randint(1, 9)) % 10) + good[pos + 1 :]
        with pytest.raises(InvalidValue):
            normalise_id_number(wrong)


def test_numeric_id_cells_are_refused():
    with pytest.raises(InvalidValue, match="数字"):
        normalise_id_number(3.101011990010112e17)
