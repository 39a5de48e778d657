"""Logging to a rotating file in the user's log folder (shown in the error dialog and About box)."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

from redtour import paths

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MOBILE = re.compile(r"(?<![0-9])(1[3-9][0-9])([0-9]{4})([0-9]{4})(?![0-9])")
_ID_NUMBER = re.compile(r"(?<![0-9])([0-9])[0-9]{15}([0-9][0-9Xx])(?![0-9])")


def redact(text: str) -> str:
    """Mobiles and resident ID numbers masked (138****5678, 1***************2X) wherever they appear."""
    text = _ID_NUMBER.sub(lambda m: m.group(1) + "*" * 15 + m.group(2), text)
    return _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)


class RedactingFormatter(logging.Formatter):
    """Log lines and their tracebacks with personal numbers masked."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def log_file() -> Path:
    return paths.user_log_dir() / "redtour.log"


def setup_logging(level: int = logging.INFO, *, to_file: bool = True) -> Path | None:
    root = logging.getLogger()
    root.setLevel(level)
    target: Path | None = None
    if to_file and not any(getattr(h, "_redtour", False) for h in root.handlers):
        target = log_file()
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.handlers.RotatingFileHandler(
                target, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:  # a read-only profile must not stop the app; log to stderr only
            return None

        handler.setFormatter(RedactingFormatter(LOG_FORMAT))  # no mobiles or ID numbers in the log
        handler._redtour = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    for noisy in ("alembic", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return target
