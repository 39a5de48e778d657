"""Sharing and reporting sub-commands: share (长图, .ics, .gpx, .kml), report (活动情况报告), notice (通知)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from redtour.cli.common import load_saved_plan, open_database, parse_date, stats_filter
from redtour.core.errors import RedtourError


def add_parsers(sub: Any) -> None:
    sh = sub.add_parser(
        "share",
        help="share a saved plan: WeChat long image, calendar (.ics), navigation (.gpx/.kml)",
        description="Files for the group: a 1080 px-wide long PNG for WeChat (行程长图), an .ics with one event "
        "per stop and a reminder the evening before, and .gpx/.kml with the stops and the route. GPX/KML are "
        "WGS-84 by default; --datum gcj02 writes the coordinates 高德/腾讯 maps expect (labelled in the file).",
    )
    sh.add_argument("--plan", required=True, metavar="ID", help="saved plan number or name")
    sh.add_argument("--image", type=Path, metavar="FILE.png", help="the long image")
    sh.add_argument("--ics", type=Path, metavar="FILE.ics", help="calendar file")
    sh.add_argument("--gpx", type=Path, metavar="FILE.gpx", help="waypoints and route")
    sh.add_argument("--kml", type=Path, metavar="FILE.kml", help="placemarks and route")
    sh.add_argument("--datum", choices=["wgs84", "gcj02"], default="wgs84", help="coordinates of .gpx/.kml")
    sh.add_argument("--group", default="", help="group name on the image (default: the plan's name)")
    sh.add_argument("--leader", default="", help="group leader")
    sh.add_argument("--leader-phone", default="", help="leader's phone (masked 138****5678 on the image)")
    sh.add_argument("--full-phone", action="store_true", help="show the leader's phone unmasked on the image")
    sh.set_defaults(func=cmd_share)

    r = sub.add_parser(
        "report",
        help="活动情况报告 for a period as .docx (editable) or .pdf",
        description="Totals against the target, by union, venue and month, with charts and a generated summary. "
        "The numbers are those of `redtour stats`. PDF needs LibreOffice (soffice) installed.",
    )
    r.add_argument(
        "--from", dest="start", type=parse_date, metavar="YYYY-MM-DD", help="first day (inclusive)"
    )
    r.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD", help="last day (inclusive)")
    r.add_argument(
        "--union", metavar="U", help="only this union (name or number), with its grassroots unions"
    )
    r.add_argument("--out", type=Path, required=True, metavar="FILE.docx|FILE.pdf")
    r.add_argument("--org", default="", help="the issuing union shown under the title")
    r.add_argument("--template", type=Path, default=None, help="a replacement report.docx template")
    r.set_defaults(func=cmd_report, venue=None)

    n = sub.add_parser(
        "notice",
        help="通知 to a union: its groups' dates, routes, meeting points, what to bring (.docx/.pdf)",
    )
    n.add_argument("--union", required=True, metavar="U", help="the union (name or number)")
    n.add_argument("--from", dest="start", type=parse_date, metavar="YYYY-MM-DD")
    n.add_argument("--to", dest="end", type=parse_date, metavar="YYYY-MM-DD")
    n.add_argument("--out", type=Path, required=True, metavar="FILE.docx|FILE.pdf")
    n.add_argument("--org", default="", help="the issuing union (signature line)")
    n.add_argument("--template", type=Path, default=None, help="a replacement notice.docx template")
    n.set_defaults(func=cmd_notice)


def _suffix(out: Path, allowed: tuple[str, ...]) -> str:
    suffix = out.suffix.lower()
    if suffix not in allowed:
        raise RedtourError(f"输出文件应以 {' 或 '.join(allowed)} 结尾：{out}")
    return suffix


def cmd_share(args: argparse.Namespace) -> int:
    from redtour.export.share_nav import DATUM_NOTE, iter_outputs

    if not any((args.image, args.ics, args.gpx, args.kml)):
        raise RedtourError("请至少指定 --image、--ics、--gpx、--kml 之一")
    for path, ext in ((args.image, ".png"), (args.ics, ".ics"), (args.gpx, ".gpx"), (args.kml, ".kml")):
        if path is not None:
            _suffix(path, (ext,))
    with open_database(args) as db:
        saved, plan = load_saved_plan(db, args.plan)
        venues = []
        if args.image:
            from redtour.storage.venues import VenueRepository

            venues = VenueRepository(db).list_venues()
    for path in iter_outputs(
        plan, ics=args.ics, gpx=args.gpx, kml=args.kml, datum=args.datum, title=saved.name
    ):
        print(f"已生成 {path}")
    if args.gpx or args.kml:
        print(DATUM_NOTE[args.datum])
    if args.image:
        from redtour.export.share_image import ImageOptions
        from redtour.ui.printing.long_image import render_long_image  # Qt only for this output

        options = ImageOptions(
            group=args.group or saved.name,
            leader=args.leader,
            leader_phone=args.leader_phone,
            show_full_phone=args.full_phone,
        )
        render_long_image(plan, venues, options, args.image, saved.name)
        print(f"已生成 {args.image}")
    return 0


def _write_docx_or_pdf(out: Path, write: Any) -> None:
    from redtour.export.report_docx import docx_to_pdf

    if _suffix(out, (".docx", ".pdf")) == ".docx":
        write(out)
        return
    with tempfile.TemporaryDirectory(prefix="redtour-doc-") as tmp:
        docx = write(Path(tmp) / out.with_suffix(".docx").name)
        docx_to_pdf(docx, out)


def cmd_report(args: argparse.Namespace) -> int:
    from redtour.export.report_docx import write_report_docx
    from redtour.storage.report_data import report_data

    _suffix(args.out, (".docx", ".pdf"))
    with open_database(args) as db:
        data = report_data(db, stats_filter(db, args))
    _write_docx_or_pdf(args.out, lambda p: write_report_docx(data, p, org=args.org, template=args.template))
    print(data.summary())
    print(f"已生成 {args.out}")
    return 0


def cmd_notice(args: argparse.Namespace) -> int:
    from redtour.export.report_docx import write_notice_docx
    from redtour.storage.notice_data import notice_context

    _suffix(args.out, (".docx", ".pdf"))
    with open_database(args) as db:
        ctx = notice_context(db, args.union, args.start, args.end, org=args.org)
    _write_docx_or_pdf(args.out, lambda p: write_notice_docx(ctx, p, template=args.template))
    print(f"已生成 {args.out}（{len(ctx['groups'])} 个团队）")
    return 0
