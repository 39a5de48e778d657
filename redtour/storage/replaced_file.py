"""Write a file whole or not at all: into a temporary file beside the target, which replaces the target only once
complete (docs/reliability.md: an export cut short by a full disk or a crash never leaves a truncated file)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from redtour.core.errors import CannotWriteError, os_error_message


@contextmanager
def replaced_file(out: Path, *, prefix: str, suffix: str) -> Iterator[Path]:
    """Yields the temporary path to write; on success it becomes ``out``. An OSError (full disk, no right to
    write, the target open in Excel) is a CannotWriteError naming ``out``; the temporary file never stays."""
    fd, name = tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=out.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, out)
    except OSError as exc:
        raise CannotWriteError(os_error_message(exc, out)) from None
    finally:
        tmp.unlink(missing_ok=True)
