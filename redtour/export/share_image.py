"""The 行程长图 for WeChat groups as HTML (Jinja2, autoescaped), 1080 CSS px wide; QtWebEngine draws and grabs it
(ui/printing/long_image.py). Phone-sized type: 34 px body text is about 15 pt on a 1080 px-wide phone screen.

The leader's phone is masked (138****5678) unless the user chooses to show it: the image is forwarded beyond the
group. The font is the bundled one in resources/fonts/ when present, else the system's Noto Sans CJK SC.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from redtour import paths
from redtour.core.people import mask_mobile
from redtour.core.planner import Plan
from redtour.export.route_sheet import DEFAULT_TITLE, SheetOptions, sheet_context

WIDTH = 1080
FONT_SUFFIXES = (".otf", ".ttf", ".woff2", ".woff")


@dataclass(frozen=True)
class ImageOptions:
    title: str = DEFAULT_TITLE.replace(" 行程单", "")
    group: str = ""
    leader: str = ""
    leader_phone: str = ""
    show_full_phone: bool = False
    footer: str = ""


def bundled_fonts() -> list[str]:
    """file: URIs of the fonts vendored under resources/fonts/ (none on a checkout without them)."""
    folder = paths.resource("fonts")
    if not folder.is_dir():
        return []
    return [f.resolve().as_uri() for f in sorted(folder.iterdir()) if f.suffix.lower() in FONT_SUFFIXES]


def image_context(plan: Plan, options: ImageOptions, map_uri: str) -> dict[str, Any]:
    sheet = SheetOptions(title=options.title, group=options.group, leader=options.leader)
    ctx = sheet_context(plan, sheet, map_uri)
    for s, stop in zip(ctx["stops"], plan.stops, strict=True):
        s["closure"] = stop.venue.hours.closed_note if stop.venue.hours else ""  # e.g. 周一闭馆
    phone = options.leader_phone.strip()
    ctx.update(
        leader_phone=phone if options.show_full_phone else mask_mobile(phone),
        footer=options.footer,
        font_faces=bundled_fonts(),
    )
    return ctx


def render_image_html(plan: Plan, options: ImageOptions, map_uri: str) -> str:
    from jinja2 import Environment, FileSystemLoader, select_autoescape  # not on the app's start-up path

    env = Environment(
        loader=FileSystemLoader(paths.resource("templates")),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
    )
    return env.get_template("share_image.html.j2").render(**image_context(plan, options, map_uri))


def write_image_html(plan: Plan, options: ImageOptions, map_uri: str, out: Path) -> Path:
    out.write_text(render_image_html(plan, options, map_uri), encoding="utf-8")
    return out
