"""Refresh resources/i18n/redtour_en.ts from the tr("…") strings in redtour/ and compile the .qm; then the
gettext catalogue of the Qt-free text (scripts/gettext_catalogue.py: _("…") marks → redtour_en.po/.mo).

lupdate keeps existing translations and marks new strings "unfinished"; fill them in with Qt Linguist
(`pyside6-linguist resources/i18n/redtour_en.ts`) or a text editor, then run this script again.
    python scripts/update_translations.py [--check]
--check exits 1 when a string lacks a translation or the .qm is stale (used by the tests).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TS = REPO / "resources" / "i18n" / "redtour_en.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found: install PySide6")
    return found


def sources() -> list[str]:
    return sorted(str(p.relative_to(REPO)) for p in (REPO / "redtour").rglob("*.py"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        [tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(ts)],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=REPO, check=True)


def unfinished(ts: Path) -> list[str]:
    root = ET.parse(ts).getroot()
    missing = []
    for message in root.iter("message"):
        translation = message.find("translation")
        if (
            translation is None
            or translation.get("type") in ("unfinished", "obsolete")
            or not translation.text
        ):
            missing.append(message.findtext("source") or "")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            ts, qm = Path(tmp) / TS.name, Path(tmp) / QM.name
            shutil.copy(TS, ts)
            lupdate(ts)
            missing = unfinished(ts)
            lrelease(ts, qm)
            stale = qm.read_bytes() != QM.read_bytes()
        for text in missing:
            print(f"untranslated: {text}")
        if stale and not missing:
            print("redtour_en.qm is stale: run scripts/update_translations.py")
        return 1 if missing or stale else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    lrelease(TS, QM)
    missing = unfinished(TS)
    print(f"{TS.relative_to(REPO)}: {len(missing)} untranslated")
    import gettext_catalogue  # beside this script

    gettext_catalogue.refresh()
    return 0


if __name__ == "__main__":
    sys.exit(main())
