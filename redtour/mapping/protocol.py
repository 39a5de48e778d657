"""The JSON messages between the map page (bridge.js) and Python, as dataclasses in both directions.

JS → Python arrives as one JSON string through a single QWebChannel slot and is parsed here; Python → JS
arguments are built here and passed through ``json.dumps`` only, never concatenated into code.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

ContextKind = Literal["start_here", "end_here", "add_venue", "place_venue"]
Status = Literal["open", "closed", "reservation", "unknown"]


@dataclass(frozen=True)
class MapReady:
    pass


@dataclass(frozen=True)
class MarkerClicked:
    venue_id: str


@dataclass(frozen=True)
class ContextAction:
    kind: ContextKind
    lat: float  # WGS-84, whatever basemap was showing
    lon: float


@dataclass(frozen=True)
class MapPainted:
    """The answer to a ReportPainted command (mapping/commands.py): everything sent before it is drawn."""

    token: int


@dataclass(frozen=True)
class MapError:
    message: str


@dataclass(frozen=True)
class BaseLayerChanged:
    name: str
    datum: str  # "WGS-84" or "GCJ-02": what the overlays are drawn in now


Message = MapReady | MarkerClicked | ContextAction | MapError | BaseLayerChanged | MapPainted


def parse_message(text: str) -> Message:
    """Parse one message from the page; anything unexpected raises ValueError (the page is not trusted)."""
    try:
        return _parse(text)
    except (KeyError, TypeError, ValueError, OverflowError, RecursionError) as exc:  # JSONDecodeError: a ValueError
        raise ValueError(f"malformed map message ({type(exc).__name__}: {exc})") from exc


def _coordinate(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"a coordinate must be a number, not {type(value).__name__}")
    return float(value)


def _parse(text: str) -> Message:
    if not isinstance(text, str):
        raise TypeError("a message must be a JSON string")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("a message must be a JSON object")
    kind = data.get("type")
    if kind == "ready":
        return MapReady()
    if kind == "marker_clicked" and isinstance(data.get("id"), str):
        return MarkerClicked(data["id"])
    if kind == "context" and data.get("action") in ("start_here", "end_here", "add_venue", "place_venue"):
        lat, lon = _coordinate(data["lat"]), _coordinate(data["lon"])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError("coordinates out of range")
        return ContextAction(data["action"], lat, lon)
    if (
        kind == "base_layer"
        and isinstance(data.get("name"), str)
        and data.get("datum") in ("WGS-84", "GCJ-02")
    ):
        return BaseLayerChanged(data["name"][:200], data["datum"])
    if kind == "painted" and type(data.get("token")) is int:
        return MapPainted(data["token"])
    if kind == "error":
        return MapError(str(data.get("message", ""))[:2000])
    raise ValueError(f"unknown message type {str(kind)[:80]!r}")


@dataclass(frozen=True)
class VenueMarker:
    id: str
    name: str
    lat: float
    lon: float
    status: Status
    status_text: str
    address: str
    hours: str


@dataclass(frozen=True)
class RouteStop:
    number: int
    label: str
    lat: float
    lon: float
    detail: str = ""  # e.g. "10:30–11:30"


@dataclass(frozen=True)
class Route:
    """An ordered route: numbered stops and the legs between them (straight lines unless geometry is given)."""

    title: str
    stops: tuple[RouteStop, ...]
    #: One polyline per leg as [[lat, lon], …]; empty → straight lines between consecutive stops.
    legs: tuple[tuple[tuple[float, float], ...], ...] = ()
    start: tuple[float, float] | None = None
    end: tuple[float, float] | None = None
    legend: tuple[str, ...] = field(default_factory=tuple)


def to_js(value: Any) -> str:
    """A JS literal for a dataclass/list/dict: JSON (which is valid JS since ES2019)."""
    if hasattr(value, "__dataclass_fields__"):
        value = asdict(value)
    elif isinstance(value, list | tuple):
        value = [asdict(v) if hasattr(v, "__dataclass_fields__") else v for v in value]
    return json.dumps(value, ensure_ascii=False)
