"""Command line: `redtour` opens the app; sub-commands work headless. Thin: parse, call, print.

One module per group of sub-commands (sites, map, plan, participation, share, campaign); what they share is in
cli.common. The GUI and Qt are imported only by the commands that need them (no sub-command, PNG/PDF output).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import Any

from redtour import __version__
from redtour.failures import EXIT_STATUS_HELP, report_failure, silence_stdout

log = logging.getLogger("redtour")

DESCRIPTION = """红色寻访助手 redtour — 百万职工红色寻访：场馆目录、路线规划、参与记录。
Plan and record union group visits to Shanghai's labour-movement red sites.
Without a sub-command the desktop app opens."""


class _Parser(argparse.ArgumentParser):
    """Usage errors are bad input: exit status 1, like every other refusal (see EPILOG)."""

    def error(self, message: str) -> Any:  # argparse's own is typed NoReturn
        self.print_usage(sys.stderr)
        self.exit(1, f"{self.prog}: 错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="redtour",
        description=DESCRIPTION,
        epilog=EXIT_STATUS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"redtour {__version__}")
    p.add_argument(
        "--db",
        metavar="URL",
        help="database: a SQLAlchemy URL or a SQLite file path (default: REDTOUR_DB, "
        "else redtour.db in the user data folder)",
    )
    p.add_argument(
        "--adopt-db",
        action="store_true",
        help="allow --db to be an SQLite file made by another program: redtour adds its tables "
        "(the file is backed up first). Without it such a file is refused untouched (exit status 4).",
    )
    p.add_argument(
        "--lang", choices=["zh_CN", "en"], help="GUI language for this run (default: settings, zh_CN)"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log debug messages to stderr")
    p.add_argument(
        "--exit-after-start",
        action="store_true",
        help="open the window, print how long until it showed its map and until the catalogue was on the map, "
        "and quit (smoke tests, benchmarks/bench_startup.py)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    # The order here is the order `redtour --help` lists the commands in.
    from redtour.cli import campaign, maps, participation, plan, share, sites

    sites.add_parsers(sub)
    maps.add_parsers(sub)
    plan.add_parsers(sub)
    participation.add_parsers(sub)
    share.add_parsers(sub)
    campaign.add_parsers(sub)
    sites.add_catalogue_parsers(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from redtour.logsetup import setup_logging

    setup_logging(logging.DEBUG if args.verbose else logging.INFO)
    if args.verbose:
        from redtour.failures import RedactingFormatter
        from redtour.logsetup import LOG_FORMAT

        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(RedactingFormatter(LOG_FORMAT))
        logging.getLogger().addHandler(handler)
    if args.command is None:
        from redtour.app import run_gui

        return run_gui(args)
    try:
        code = int(args.func(args))
        sys.stdout.flush()  # a full disk under a redirected stdout fails here, inside the error path
        return code
    except BrokenPipeError:  # `redtour sites | head`: the reader left; not an error
        silence_stdout()
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        print("已中断，未完成的操作已撤销", file=sys.stderr)
        return 130
    except Exception as exc:  # one error path: a sentence and a status per class, never a traceback
        return report_failure(exc, args.command)  # redtour/failures.py: shared with the GUI
