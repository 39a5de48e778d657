import pytest

from redtour.core import geo

# Published WGS-84 → GCJ-02 pairs (lon, lat), see docs/basemap.md §3.4.
PAIRS = [
    ((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),  # eviltransform tests, Shanghai
    ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),  # eviltransform tests, Shenzhen
    ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069)),  # eviltransform tests, Beijing
    ((116.404, 39.915), (116.41024449916938, 39.91640428150164)),  # wandergis/coordtransform README
]


@pytest.mark.parametrize(("wgs", "gcj"), PAIRS)
def test_wgs84_to_gcj02_matches_published_pairs(wgs, gcj):
    lat, lon = geo.wgs84_to_gcj02(wgs[1], wgs[0])
    assert geo.haversine_km(lat, lon, gcj[1], gcj[0]) * 1000 < 0.01


@pytest.mark.parametrize(("wgs", "gcj"), PAIRS)
def test_gcj02_inverse_is_exact(wgs, gcj):
    lat, lon = geo.gcj02_to_wgs84(gcj[1], gcj[0])
    assert geo.haversine_km(lat, lon, wgs[1], wgs[0]) * 1000 < 0.01


def test_alibaba_service_pair_within_two_metres():
    # Alibaba Cloud TransferCoord doc: GCJ-02 120.026268,30.279164 ↔ BD-09 120.032768,30.285238 (6 dp).
    lat, lon = geo.gcj02_to_bd09(30.279164, 120.026268)
    assert (round(lat, 6), round(lon, 6)) == (30.285238, 120.032768)
    lat, lon = geo.wgs84_to_gcj02(30.281543, 120.021519)
    assert geo.haversine_km(lat, lon, 30.279164, 120.026268) * 1000 < 2.0


def test_bd09_round_trip_and_shlib_venue():
    # 中国劳动组合书记部旧址: Shanghai Library open data gives BD-09 31.244053,121.47058; the research
    # converted it to WGS-84 31.239839,121.459524 with the same formulas.
    lat, lon = geo.bd09_to_wgs84(31.244053, 121.47058)
    assert geo.haversine_km(lat, lon, 31.239839, 121.459524) * 1000 < 0.2
    back = geo.wgs84_to_bd09(lat, lon)
    assert geo.haversine_km(*back, 31.244053, 121.47058) * 1000 < 0.01


def test_shift_over_shanghai_is_about_half_a_kilometre():
    lat, lon = geo.wgs84_to_gcj02(31.2304, 121.4737)
    assert 450 < geo.haversine_km(31.2304, 121.4737, lat, lon) * 1000 < 520


def test_outside_china_is_unchanged_and_unknown_datum_rejected():
    assert geo.wgs84_to_gcj02(51.5, -0.12) == (51.5, -0.12)
    with pytest.raises(ValueError, match="unknown datum"):
        geo.to_wgs84(31.0, 121.0, "ED50")


def test_haversine_close_to_geodesic_at_city_scale():
    h = geo.haversine_km(31.2399, 121.4595, 31.1773, 121.4449)
    g = geo.geodesic_km(31.2399, 121.4595, 31.1773, 121.4449)
    assert abs(h - g) / g < 0.003
