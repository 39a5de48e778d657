"""The app's map page is built by folium once per set of inputs and then read from the user's cache folder."""

from __future__ import annotations

import json
import re

from redtour import paths
from redtour.mapping.page_cache import PREFIX, cached_page, page_key
from redtour.mapping.tiles import offered_providers

MENU = ("add_venue",)


def cached_files() -> list:
    return sorted(paths.user_cache_dir().glob(f"{PREFIX}*.html"))


def config(html: str) -> dict:
    block = re.search(r'id="redtour-config">(.*?)</script>', html, re.DOTALL)
    assert block is not None
    return json.loads(block.group(1))


def test_the_page_is_built_once_then_read_back(tmp_path, monkeypatch):
    monkeypatch.setenv("REDTOUR_HOME", str(tmp_path))
    html = cached_page(MENU, (), "zh_CN")
    [file] = cached_files()
    assert file.read_text(encoding="utf-8") == html
    assert config(html)["menu"] == list(MENU)
    file.write_text(html.replace("</html>", "<!-- served from the cache --></html>"), encoding="utf-8")
    assert "served from the cache" in cached_page(MENU, (), "zh_CN")


def test_another_language_or_menu_or_base_layer_is_another_page(tmp_path, monkeypatch):
    monkeypatch.setenv("REDTOUR_HOME", str(tmp_path))
    keys = {
        page_key(MENU, (), "zh_CN"),
        page_key(MENU, (), "en"),
        page_key(("add_venue", "start_here"), (), "zh_CN"),
        page_key(MENU, offered_providers("a-key"), "zh_CN"),
    }
    assert len(keys) == 4
    english = cached_page(MENU, (), "en")
    assert config(english)["text"]["legend"] == "Legend"
    assert len(cached_files()) == 1  # the older page was dropped: one page per user folder
    assert config(cached_page(MENU, (), "zh_CN"))["text"]["legend"] == "图例"


def test_the_page_still_comes_when_the_cache_folder_cannot_be_written(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    (home / "cache").write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setenv("REDTOUR_HOME", str(home))
    assert config(cached_page(MENU, (), "zh_CN"))["menu"] == list(MENU)
