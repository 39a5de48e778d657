import subprocess
import sys

import pytest

from redtour.core.catalogue import Venue
from redtour.core.search import _bundled_forms, matches, pinyin_forms, resolve, search
from tests.conftest import REPO

GZH = Venue(
    id="guzhenghong",
    name_zh="顾正红纪念馆",
    name_en="Gu Zhenghong Memorial Hall",
    aliases=("顾正红烈士纪念馆",),
)
SANSHAN = Venue(id="sanshan", name_zh="三山会馆", name_en="Sanshan Guild Hall")
HUZHOU = Venue(id="huzhou", name_zh="湖州会馆", name_en="Huzhou Guild Hall")
ALL = [GZH, SANSHAN, HUZHOU]


@pytest.mark.parametrize(
    "query", ["顾正红", "guzhenghong", "gu zheng hong", "gzh", "GZH", "Gu Zhenghong", "烈士", "ｇｚｈ"]
)
def test_finds_gu_zhenghong(query):
    assert search(ALL, query) == [GZH]


def test_empty_query_matches_everything_and_nonsense_nothing():
    assert search(ALL, "") == ALL
    assert search(ALL, "zzzz") == []


def test_shared_words_match_several():
    assert search(ALL, "会馆") == [SANSHAN, HUZHOU]
    assert matches(SANSHAN, "guild")


def test_resolve_exact_alias_and_ambiguity():
    assert resolve(ALL, "顾正红烈士纪念馆") is GZH
    assert resolve(ALL, "sanshan") is SANSHAN
    with pytest.raises(LookupError, match="多个场馆"):
        resolve(ALL, "会馆")
    with pytest.raises(LookupError, match="没有找到"):
        resolve(ALL, "不存在")


def test_pinyin_matches_only_from_syllable_boundaries():
    hudong = Venue(id="hudong", name_zh="沪东工人运动展示馆")
    assert not matches(hudong, "gzh")  # yun·dong·zhan spells …ngzh… but not from a syllable start
    assert matches(hudong, "zhanshi") and matches(hudong, "hdgr") and matches(hudong, "hudonggong")


def test_the_bundled_pinyin_table_is_what_pypinyin_gives_for_the_catalogue():
    """The venue list sorts by pinyin without importing pypinyin at start-up; the table must not go stale."""
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "pinyin_table.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_names_outside_the_table_are_still_converted():
    assert "顾正红纪念馆" in _bundled_forms()
    assert "工人新村" not in _bundled_forms()
    assert pinyin_forms("工人新村") == ("gongrenxincun", "renxincun", "xincun", "cun", "grxc")
