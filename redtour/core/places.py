"""Start and end points: a saved place (常用地点), a venue (by name, alias or id), ``lat,lon``, or an address
through a geocoder.

Geocoding needs the network, so it is off unless the user configures a geocoder; offline, venues and
coordinates (or a point picked on the map) still work, and an address says clearly why it was not found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from redtour.core.catalogue import Venue
from redtour.core.errors import RedtourError
from redtour.core.geo import in_shanghai_bbox
from redtour.core.planner import Place
from redtour.core.search import normalise, resolve

Geocoder = Callable[[str], Place | None]
_LATLON = re.compile(r"^\s*(-?\d{1,3}(?:\.\d+)?)\s*[,，]\s*(-?\d{1,3}(?:\.\d+)?)\s*$")


class GeocodeError(RedtourError):
    pass


def parse_latlon(text: str) -> tuple[float, float] | None:
    match = _LATLON.match(text)
    if not match:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GeocodeError(f"坐标超出范围：{text}")
    return lat, lon


def resolve_place(
    text: str, venues: Iterable[Venue], geocoder: Geocoder | None = None, saved: Iterable[Place] = ()
) -> Place:
    """A saved place (by its exact name), ``lat,lon`` (WGS-84), a venue or a geocoded address; raises
    GeocodeError/LookupError with the reason."""
    wanted = normalise(text)
    for place in saved:
        if normalise(place.name) == wanted:
            return place
    point = parse_latlon(text)
    if point is not None:
        return Place(f"{point[0]:.5f}, {point[1]:.5f}", *point)
    pool = list(venues)
    try:
        venue = resolve(pool, text)
    except LookupError as exc:
        if geocoder is None:
            raise GeocodeError(
                f"“{text}”不是常用地点或场馆名称，也不是“纬度,经度”坐标；"
                "地址查询需要开启在线地理编码（设置 → 地图，或命令行 --geocoder）"
            ) from exc
        found = geocoder(text)
        if found is None:
            raise GeocodeError(f"地理编码没有找到“{text}”") from exc
        return found
    if venue.location is None:
        raise GeocodeError(f"{venue.name_zh} 没有位置信息，不能作为出发或结束地点")
    return Place(venue.name_zh, venue.location.lat, venue.location.lon, venue.id)


def geopy_geocoder(
    name: str = "nominatim",
    *,
    domain: str | None = None,
    scheme: str = "https",
    timeout: float = 8.0,
    api_key: str | None = None,
) -> Geocoder:
    """A geocoder through geopy. Network failures become GeocodeError with a plain message."""
    from geopy import geocoders
    from geopy.exc import GeopyError

    from redtour import __version__

    try:
        cls = geocoders.get_geocoder_for_service(name)
    except GeopyError as exc:
        raise GeocodeError(f"未知的地理编码服务：{name}（例如 nominatim、photon、arcgis）") from exc
    options: dict[str, object] = {"timeout": timeout, "scheme": scheme}
    if name == "nominatim":
        options["user_agent"] = f"redtour/{__version__}"
    if domain:
        options["domain"] = domain
    if api_key:
        options["api_key"] = api_key
    coder = cls(**options)

    def geocode(text: str) -> Place | None:
        query = text if "上海" in text else f"上海市 {text}"
        try:
            location = coder.geocode(query, exactly_one=True)
        except GeopyError as exc:
            raise GeocodeError(
                f"地理编码服务不可用（{type(exc).__name__}），请改用场馆名或在地图上选点"
            ) from exc
        if location is None:
            return None
        lat, lon = float(location.latitude), float(location.longitude)
        if not in_shanghai_bbox(lat, lon):
            raise GeocodeError(f"“{text}”查到的位置不在上海（{lat:.4f}, {lon:.4f}）")
        return Place(text, lat, lon)

    return geocode


def geocoder_from_spec(spec: str, *, timeout: float = 8.0) -> Geocoder:
    """``SERVICE[@HOST]`` as the CLI's --geocoder and Settings ▸ 地图 name it (a host on this machine is
    reached over http). Built at its first lookup, so an unknown service is reported there, as a GeocodeError."""
    service, _, host = spec.strip().partition("@")
    scheme = "http" if host.startswith(("127.", "localhost")) else "https"
    built: list[Geocoder] = []

    def geocode(text: str) -> Place | None:
        if not built:
            built.append(
                geopy_geocoder(service or "nominatim", domain=host or None, scheme=scheme, timeout=timeout)
            )
        return built[0](text)

    return geocode
