"""Participation sub-commands: roster, group(s), checkin, stats, export, import. Thin: parse, call, print."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from redtour.cli.common import (
    EXIT_REFUSED,
    add_period_filters,
    open_database,
    parse_date,
    print_notes,
    stats_filter,
)
from redtour.core.participation import BY_ZH


def add_parsers(sub: Any) -> None:
    r = sub.add_parser("roster", help="participant rosters: import a sheet, download the template, list")
    rsub = r.add_subparsers(dest="roster_command", metavar="ACTION", required=True)
    ri = rsub.add_parser(
        "import",
        help="import a roster (.xlsx/.xls/.csv) into a union",
        description="Import a roster sheet: the header is found by its Chinese column names (姓名, 手机号, "
        "工作单位, 基层工会, 工号 …); title and footer rows are skipped; values are normalised and checked. "
        "A file with any error is not imported at all (exit status 1). People already registered (same name "
        "and mobile) are merged, not duplicated.",
    )
    ri.add_argument("file", type=Path, metavar="FILE")
    ri.add_argument(
        "--union", required=True, metavar="NAME", help="the district or industry union, e.g. 普陀区总工会"
    )
    ri.add_argument("--group", metavar="ID", help="also put everyone in this tour group's roster")
    ri.add_argument(
        "--with-id-number", action="store_true", help="also import the 身份证号 column (off: dropped)"
    )
    ri.add_argument("--dry-run", action="store_true", help="check and report only; write nothing")
    ri.add_argument("--format", choices=["table", "json"], default="table")
    ri.set_defaults(func=cmd_roster_import)
    rt = rsub.add_parser("template", help="write the roster template (.xlsx) to fill in")
    rt.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")
    rt.add_argument("--with-id-number", action="store_true", help="include a 身份证号 column")
    rt.set_defaults(func=cmd_roster_template)
    rl = rsub.add_parser("list", help="list participants (mobiles masked)")
    rl.add_argument(
        "--search", default="", metavar="TEXT", help="name, work unit or the last digits of a mobile"
    )
    rl.add_argument("--limit", type=int, default=50)
    rl.set_defaults(func=cmd_roster_list)

    g = sub.add_parser("group", help="create a tour group (团队) for a visit day")
    gsub = g.add_subparsers(dest="group_command", metavar="ACTION", required=True)
    gc = gsub.add_parser("create", help="create a group")
    gc.add_argument("--union", required=True, metavar="NAME")
    gc.add_argument("--name", required=True)
    gc.add_argument(
        "--date", type=parse_date, metavar="YYYY-MM-DD", help="visit day (default: the plan's day)"
    )
    gc.add_argument("--sites", default="", metavar="A,B", help="venues visited (default: the plan's venues)")
    gc.add_argument("--plan", metavar="ID", help="saved plan the group follows")
    gc.add_argument("--leader", default="")
    gc.set_defaults(func=cmd_group_create)
    gs = sub.add_parser("groups", help="list tour groups")
    gs.add_argument("--format", choices=["table", "json"], default="table")
    gs.set_defaults(func=cmd_groups)

    c = sub.add_parser(
        "checkin",
        help="record attendance for a group's visit (签到)",
        description="Mark people present at the group's venues: everyone on its roster (--all) or the people "
        "listed in a sign-in sheet (--file; matched by mobile, else by a unique name). Visits already recorded "
        "are not duplicated. A sheet with an unmatched row records nothing (exit status 1).",
    )
    c.add_argument("--group", required=True, metavar="ID", help="group number, name or identifier")
    how = c.add_mutually_exclusive_group(required=True)
    how.add_argument("--all", action="store_true", help="everyone on the group's roster")
    how.add_argument(
        "--file", type=Path, metavar="F", help="a sign-in sheet (.xlsx/.csv with 姓名[, 手机号])"
    )
    c.add_argument("--venue", action="append", metavar="V", help="only this venue of the group (repeatable)")
    c.add_argument("--format", choices=["table", "json"], default="table")
    c.set_defaults(func=cmd_checkin)

    st = sub.add_parser(
        "stats",
        help="participation statistics: people (人数) and visits (人次)",
        description="Distinct participants and visit records, in total and by union, venue or month.",
    )
    st.add_argument("--by", choices=["union", "venue", "month"])
    add_period_filters(st)
    st.add_argument("--format", choices=["table", "json"], default="table")
    st.set_defaults(func=cmd_stats)

    e = sub.add_parser(
        "export",
        help="export the participation log (.xlsx or .csv)",
        description="Write the participation log: .xlsx (汇总 sheet + 明细 sheets, split past Excel's row limit) "
        "or .csv (UTF-8 with BOM for Chinese Excel/WPS). Mobiles are masked (138****1234) unless --full-phone. "
        "Every export is recorded in the audit log.",
    )
    e.add_argument("--format", choices=["xlsx", "csv"], required=True)
    e.add_argument("--out", type=Path, required=True, metavar="FILE")
    add_period_filters(e)
    e.add_argument(
        "--full-phone", action="store_true", help="full mobile numbers (personal data: handle with care)"
    )
    e.add_argument("--reason", default="", help="why full numbers are needed (kept in the audit log)")
    e.set_defaults(func=cmd_export)

    x = sub.add_parser(
        "exchange",
        help="exchange a union's people, groups and visits with another office (交换包)",
        description="An exchange package (.zip) carries a union's participants, groups and visits with their "
        "identifiers, for offices that work offline. Importing the same package twice changes nothing; a record "
        "edited differently on the two sides is reported as a conflict and nothing is applied (exit status 1).",
    )
    xsub = x.add_subparsers(dest="exchange_command", metavar="ACTION", required=True)
    xe = xsub.add_parser("export", help="write a union's exchange package")
    xe.add_argument(
        "--union", required=True, metavar="NAME", help="the union (its grassroots unions included)"
    )
    xe.add_argument("--out", type=Path, required=True, metavar="FILE.zip")
    xe.set_defaults(func=cmd_exchange_export)
    xi = xsub.add_parser("import", help="merge another office's exchange package")
    xi.add_argument("file", type=Path, metavar="FILE.zip")
    xi.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    xi.add_argument(
        "--keep-mine",
        action="store_true",
        help="apply the package even though it conflicts with records here: this office's version of every "
        "conflicting record is kept, the package's is dropped (a union whose parent is unknown is added at the "
        "top level). Without it a package with conflicts changes nothing (exit status 1).",
    )
    xi.add_argument("--format", choices=["table", "json"], default="table")
    xi.set_defaults(func=cmd_exchange_import)

    i = sub.add_parser(
        "import",
        help="merge another office's participation log (a redtour export)",
        description="Import a participation log exported by redtour at another office. Records are matched by "
        "their identifiers: importing the same log twice changes nothing. Conflicts are reported with both "
        "values and nothing is applied, unless --keep-mine (the same rule as exchange packages).",
    )
    i.add_argument("file", type=Path, metavar="FILE")
    i.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    i.add_argument(
        "--keep-mine",
        action="store_true",
        help="apply the log even though it conflicts with records here: this office's version of every "
        "conflicting record is kept. Without it a log with conflicts changes nothing (exit status 1).",
    )
    i.add_argument("--format", choices=["table", "json"], default="table")
    i.set_defaults(func=cmd_import_log)


def cmd_roster_import(args: argparse.Namespace) -> int:
    from redtour.storage.participation import ParticipationRepository
    from redtour.storage.roster_import import import_roster

    with open_database(args) as db:
        group_id = ParticipationRepository(db).find_group(args.group).id if args.group else None
        report = import_roster(
            db,
            args.file,
            args.union,
            group_id=group_id,
            dry_run=args.dry_run,
            with_id_number=args.with_id_number,
        )
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
        if report.repeated_file:
            print("注意：同一文件此前已导入过")
        if report.ignored_columns:
            print(f"未导入的列：{'、'.join(report.ignored_columns)}")
        print_notes("错误", report.errors)
        print_notes("跳过", report.skipped)
    return EXIT_REFUSED if report.errors else 0


def cmd_roster_template(args: argparse.Namespace) -> int:
    from redtour.export.roster_template import write_roster_template

    write_roster_template(args.out, with_id_number=args.with_id_number)
    print(f"已生成 {args.out}")
    return 0


def cmd_roster_list(args: argparse.Namespace) -> int:
    from redtour.storage.participation import ParticipationRepository

    with open_database(args) as db:
        repo = ParticipationRepository(db)
        total = repo.count_participants(args.search)
        rows = repo.participants_page(0, args.limit, args.search)
    for pid, name, mobile, unit, union, _emp in rows:
        print(f"{pid:>7}  {name:<6}\t{mobile}\t{unit}\t{union}")
    print(f"共 {total} 人" + (f"（显示前 {len(rows)} 人）" if total > len(rows) else ""))
    return 0


def cmd_group_create(args: argparse.Namespace) -> int:
    from redtour.core.search import resolve
    from redtour.storage.participation import ParticipationRepository
    from redtour.storage.venues import VenueRepository

    with open_database(args) as db:
        plan_id, day, sites = None, args.date, []
        if args.plan:
            from redtour.storage.plans import PlanRepository

            saved = PlanRepository(db).find(args.plan)
            plan_id, day = saved.id, day or saved.day
            sites = list(saved.venue_ids)
        if args.sites:
            venues = VenueRepository(db).list_venues(include_retired=True)
            sites = [resolve(venues, t.strip()).id for t in args.sites.split(",") if t.strip()]
        if day is None:
            raise LookupError("请用 --date 给出参观日期（或用 --plan 指定行程）")
        g = ParticipationRepository(db).create_group(
            args.union, args.name, day, sites, leader=args.leader, plan_id=plan_id
        )
    print(f"已创建团队 {g.id}：{g.name}（{g.union_name}，{g.day}，{len(g.venue_ids)} 个场馆）")
    return 0


def cmd_groups(args: argparse.Namespace) -> int:
    from redtour.storage.participation import ParticipationRepository

    with open_database(args) as db:
        groups = ParticipationRepository(db).groups()
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "id": g.id,
                        "uuid": g.uuid,
                        "name": g.name,
                        "union": g.union_name,
                        "date": g.day.isoformat(),
                        "venues": list(g.venue_ids),
                        "members": g.member_count,
                    }
                    for g in groups
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for g in groups:
            print(
                f"{g.id:>4}  {g.day}  {g.name}\t{g.union_name}\t{len(g.venue_ids)} 馆\t名单 {g.member_count} 人"
            )
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    from redtour.core.search import resolve
    from redtour.storage.participation import ParticipationRepository
    from redtour.storage.venues import VenueRepository

    with open_database(args) as db:
        repo = ParticipationRepository(db)
        group = repo.find_group(args.group)
        venue_ids = None
        if args.venue:
            venues = VenueRepository(db).list_venues(include_retired=True)
            venue_ids = [resolve(venues, v).id for v in args.venue]
        if args.all:
            people = [e.participant_id for e in repo.roster(group.id)]
            created = repo.checkin(group.id, people, venue_ids)
            out: dict[str, Any] = {"group": group.id, "people": len(people), "visits": len(created)}
            errors: list[Any] = []
        else:
            from redtour.storage.signin_import import checkin_from_file

            report = checkin_from_file(db, group.id, args.file, venue_ids)
            out = report.as_dict() | {"group": group.id}
            errors = report.errors
    if args.format == "json":
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif errors:
        print("签到表有无法匹配的行，未记录任何签到：")
        print_notes("错误", errors)
    else:
        print(
            f"团队“{group.name}”：{out.get('people', out.get('matched'))} 人签到，新增 {out['visits']} 条参与记录"
        )
    return EXIT_REFUSED if errors else 0


def cmd_stats(args: argparse.Namespace) -> int:
    from redtour.storage.participation_stats import compute_stats, get_target

    with open_database(args) as db:
        flt = stats_filter(db, args)
        stats = compute_stats(db, flt, args.by)
        target = get_target(db)
    if args.format == "json":
        print(json.dumps(stats.as_dict(target), ensure_ascii=False, indent=2))
        return 0
    print(f"筛选：{flt.describe()}")
    print(f"人数 {stats.participants}　人次 {stats.visits}")
    if target:
        print(f"目标 {target} 人，完成 {(stats.progress(target) or 0) * 100:.1f}%")
    if args.by:
        print(f"\n{BY_ZH[args.by]:<20}\t人数\t人次")
        for r in stats.rows:
            print(f"{r.label:<20}\t{r.participants}\t{r.visits}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from redtour.storage.log_export import export_log

    with open_database(args) as db:
        result = export_log(
            db,
            args.out,
            fmt=args.format,
            flt=stats_filter(db, args),
            full_phone=args.full_phone,
            reason=args.reason,
        )
    print(f"已导出 {result.rows} 条记录到 {result.path}" + ("（含完整手机号）" if args.full_phone else ""))
    return 0


def cmd_import_log(args: argparse.Namespace) -> int:
    from redtour.storage.log_import import import_log

    with open_database(args) as db:
        report = import_log(db, args.file, dry_run=args.dry_run, keep_mine=args.keep_mine)
    return _merge_outcome(args, report, lambda: print_notes("错误", report.errors))


def cmd_exchange_export(args: argparse.Namespace) -> int:
    from redtour.storage.exchange import export_package

    with open_database(args) as db:
        counts = export_package(db, args.union, args.out)
    print(
        f"已导出交换包 {args.out}：{counts['participants']} 人、{counts['groups']} 个团队、{counts['visits']} 条参与记录"
        "（含完整手机号，请妥善传递和保管）"
    )
    return 0


def cmd_exchange_import(args: argparse.Namespace) -> int:
    from redtour.storage.exchange import import_package

    with open_database(args) as db:
        report = import_package(db, args.file, dry_run=args.dry_run, keep_mine=args.keep_mine)

    def errors() -> None:
        for e in report.errors[:50]:
            print(f"  错误：{e}")

    return _merge_outcome(args, report, errors)


def _merge_outcome(args: argparse.Namespace, report: Any, print_errors: Callable[[], None]) -> int:
    """A log or package import's report (storage/merge.py) as the CLI prints it, and its exit status: 0 when it
    was applied, or a dry run found nothing in the way."""
    if args.format == "json":
        print(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.summary())
        print_errors()
        for c in report.conflicts[:50]:
            print(f"  冲突：{c}")
    accepted = report.applied or (args.dry_run and not report.errors and not report.conflicts)
    return 0 if accepted else EXIT_REFUSED
