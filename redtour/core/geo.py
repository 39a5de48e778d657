"""Coordinate datums used by Chinese map services, and distances.

The database keeps WGS-84. AMap/Tencent use GCJ-02 (WGS-84 shifted by the published obfuscation
formula, ~480 m over Shanghai) and Baidu uses BD-09 (GCJ-02 rotated and shifted again). The forward
formulas are the widely published ones; the inverses are solved by fixed-point iteration, which converges
to well under a millimetre over China (the one-step inverse many libraries use is off by up to ~2 m).
"""

from __future__ import annotations

import math

_A = 6378245.0  # Krasovsky 1940 semi-major axis used by the GCJ-02 formula
_EE = 0.00669342162296594323  # its first eccentricity squared
_X_PI = math.pi * 3000.0 / 180.0  # constant of the BD-09 formula

DATUMS = ("WGS-84", "GCJ-02", "BD-09")


def out_of_china(lat: float, lon: float) -> bool:
    """GCJ-02 leaves points outside this rough box unshifted."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _delta(lat: float, lon: float) -> tuple[float, float]:
    x, y = lon - 105.0, lat - 35.0
    dlat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    dlat += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlat += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    dlat += (160.0 * math.sin(y / 12.0 * math.pi) + 320 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    dlon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    dlon += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    dlon += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    dlon += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    rad = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad) ** 2
    sqrt_magic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * math.cos(rad) * math.pi)
    return dlat, dlon


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    if out_of_china(lat, lon):
        return lat, lon
    dlat, dlon = _delta(lat, lon)
    return lat + dlat, lon + dlon


def gcj02_to_wgs84(lat: float, lon: float, *, tolerance_deg: float = 1e-10) -> tuple[float, float]:
    """Exact inverse by fixed-point iteration (usually 3–5 steps)."""
    if out_of_china(lat, lon):
        return lat, lon
    wlat, wlon = lat, lon
    for _ in range(30):
        glat, glon = wgs84_to_gcj02(wlat, wlon)
        elat, elon = glat - lat, glon - lon
        wlat, wlon = wlat - elat, wlon - elon
        if abs(elat) < tolerance_deg and abs(elon) < tolerance_deg:
            break
    return wlat, wlon


def gcj02_to_bd09(lat: float, lon: float) -> tuple[float, float]:
    z = math.sqrt(lon * lon + lat * lat) + 0.00002 * math.sin(lat * _X_PI)
    theta = math.atan2(lat, lon) + 0.000003 * math.cos(lon * _X_PI)
    return z * math.sin(theta) + 0.006, z * math.cos(theta) + 0.0065


def bd09_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """The published closed-form inverse (~2 cm off), refined by a few fixed-point steps."""
    x, y = lon - 0.0065, lat - 0.006
    z = math.sqrt(x * x + y * y) - 0.00002 * math.sin(y * _X_PI)
    theta = math.atan2(y, x) - 0.000003 * math.cos(x * _X_PI)
    glat, glon = z * math.sin(theta), z * math.cos(theta)
    for _ in range(10):
        blat, blon = gcj02_to_bd09(glat, glon)
        elat, elon = blat - lat, blon - lon
        glat, glon = glat - elat, glon - elon
        if abs(elat) < 1e-11 and abs(elon) < 1e-11:
            break
    return glat, glon


def wgs84_to_bd09(lat: float, lon: float) -> tuple[float, float]:
    return gcj02_to_bd09(*wgs84_to_gcj02(lat, lon))


def bd09_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    return gcj02_to_wgs84(*bd09_to_gcj02(lat, lon))


def to_wgs84(lat: float, lon: float, datum: str) -> tuple[float, float]:
    datum = datum.upper().replace("_", "-")
    if datum in ("WGS-84", "WGS84", "CGCS2000"):
        return lat, lon
    if datum in ("GCJ-02", "GCJ02"):
        return gcj02_to_wgs84(lat, lon)
    if datum in ("BD-09", "BD09"):
        return bd09_to_wgs84(lat, lon)
    raise ValueError(f"unknown datum {datum!r}; expected one of {', '.join(DATUMS)}")


# Rough bounding box of Shanghai's land area incl. Chongming (checks for obviously wrong coordinates).
SHANGHAI_BBOX = (30.66, 120.85, 31.88, 122.13)  # south, west, north, east


def in_shanghai_bbox(lat: float, lon: float) -> bool:
    s, w, n, e = SHANGHAI_BBOX
    return s <= lat <= n and w <= lon <= e


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance; within 0.3% of the geodesic at city scale and ~100× faster."""
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(a))


def geodesic_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """WGS-84 ellipsoidal distance (geopy, Karney's algorithm)."""
    from geopy.distance import geodesic

    return float(geodesic((lat1, lon1), (lat2, lon2)).km)
