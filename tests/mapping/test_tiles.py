"""The tile store and the provider URLs (no network, no Qt)."""

import pytest

from redtour.mapping.page import build_page
from redtour.mapping.tiles import (
    PROVIDERS,
    TileStore,
    offered_providers,
    parse_tile_path,
    sniff_image_type,
    tile_url,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 100


def test_store_keeps_tiles_across_reopen(tmp_path):
    store = TileStore(tmp_path / "tiles.sqlite")
    assert store.get("osm", 12, 3430, 1673) is None
    assert store.put("osm", 12, 3430, 1673, PNG)
    store.close()
    again = TileStore(tmp_path / "tiles.sqlite")
    assert again.get("osm", 12, 3430, 1673) == PNG
    assert again.stats() == (1, len(PNG))


def test_store_refuses_error_pages(tmp_path):
    store = TileStore(tmp_path / "t.sqlite")
    assert not store.put("osm", 1, 0, 0, b"<html>403 Access blocked</html>")
    assert store.stats() == (0, 0)


def test_store_trims_least_recently_used(tmp_path):
    store = TileStore(tmp_path / "t.sqlite", max_bytes=len(PNG) * 5)
    for x in range(5):
        store.put("osm", 5, x, 0, PNG)
    store.get("osm", 5, 0, 0)  # tile 0 is used again, so tile 1 is now the oldest
    store.put("osm", 5, 9, 0, PNG)
    assert store.get("osm", 5, 0, 0) == PNG
    assert store.get("osm", 5, 1, 0) is None
    assert store.stats()[1] <= store.max_bytes


def test_clear(tmp_path):
    store = TileStore(tmp_path / "t.sqlite")
    store.put("amap", 3, 1, 1, PNG)
    store.clear()
    assert store.stats() == (0, 0)


@pytest.mark.parametrize(
    ("path", "parts"),
    [("tiles/osm/12/3430/1673", ("osm", 12, 3430, 1673)), ("tiles/amap/0/0/0.png", ("amap", 0, 0, 0))],
)
def test_parse_tile_path(path, parts):
    assert parse_tile_path(path) == parts


@pytest.mark.parametrize(
    "path", ["tiles/evil/1/0/0", "tiles/osm/1/2/0", "tiles/osm/-1/0/0", "tiles/osm/../../x", "tiles/osm/1/0"]
)
def test_parse_tile_path_rejects(path):
    with pytest.raises(ValueError):
        parse_tile_path(path)


def test_urls_and_keys():
    assert tile_url("osm", 12, 3430, 1673) == "https://tile.openstreetmap.org/12/3430/1673.png"
    url = tile_url("tianditu_vec", 12, 3430, 1673, key="abc")
    assert "TILEMATRIX=12&TILEROW=1673&TILECOL=3430&tk=abc" in url
    with pytest.raises(ValueError):
        tile_url("tianditu_cva", 1, 0, 0)
    assert "x=3430&y=1673&z=12" in tile_url("amap", 12, 3430, 1673)
    assert [p.id for p in offered_providers("")] == ["osm", "amap"]
    assert [p.id for p in offered_providers("k")] == ["osm", "tianditu", "amap"]


def test_sniff():
    assert sniff_image_type(PNG) == "image/png"
    assert sniff_image_type(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert sniff_image_type(b"{}") is None


def test_page_requests_tiles_from_the_app_only():
    html = build_page(tiles=tuple(PROVIDERS.values()))
    assert "app://redtour/tiles/osm/{z}/{x}/{y}" in html
    assert "tile.openstreetmap.org" not in html and "autonavi" not in html and "tianditu.gov.cn" not in html
