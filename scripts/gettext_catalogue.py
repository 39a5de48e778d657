"""Refresh resources/i18n/redtour_en.po from the ``_()``/``N_()`` marks in redtour/ and compile the .mo (Babel).

The .po and the compiled .mo are both committed (the app needs no Babel at run time). New messages are added
untranslated: write their msgstr in the .po, then run this again.
    python scripts/gettext_catalogue.py [--check]
--check exits 1 when a marked message lacks a translation, the .po keeps a message no longer in the code, or
the .mo does not hold exactly the .po's translations (tests/test_gettext.py). scripts/update_translations.py
runs this after the Qt catalogue.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
PO = REPO / "resources" / "i18n" / "redtour_en.po"
MO = PO.with_suffix(".mo")
Key = tuple[str, str | None]


def template() -> Catalog:
    """Every marked message in redtour/ (Babel's default keywords: _, N_, gettext, pgettext…)."""
    catalog = Catalog(project="redtour", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        REPO / "redtour", method_map=[("**.py", "python")]
    ):
        catalog.add(message, None, [(f"redtour/{filename}", lineno)], auto_comments=comments, context=context)
    return catalog


def translations(catalog: Catalog) -> dict[Key, str]:
    return {
        (str(m.id), m.context): str(m.string)
        for m in catalog
        if m.id and m.string and not m.fuzzy
    }


def refresh() -> None:
    source = template()
    if PO.exists():
        with PO.open("rb") as f:
            catalog = read_po(f)
        source.creation_date = catalog.creation_date  # no date churn in the committed file
    else:
        catalog = Catalog(
            locale="en", project="redtour", copyright_holder="redtour developers", charset="utf-8"
        )
    catalog.update(source, no_fuzzy_matching=True)
    catalog.fuzzy = False  # the header: the .mo carries its charset
    catalog.project, catalog.version = "redtour", "catalogue"
    catalog.obsolete.clear()
    with PO.open("wb") as f:
        write_po(f, catalog, width=110, no_location=True, sort_output=True, include_previous=False)
    with MO.open("wb") as f:
        write_mo(f, catalog)
    missing = [m.id for m in catalog if m.id and not m.string]
    print(f"{PO.relative_to(REPO)}: {len(catalog)} messages, {len(missing)} untranslated")


def problems() -> list[str]:
    source = template()
    with PO.open("rb") as f:
        catalog = read_po(f)
    done = translations(catalog)
    found = []
    for m in source:
        if m.id and (str(m.id), m.context) not in done:
            found.append(f"untranslated: {m.id!r}")
    for m in catalog:
        if m.id and source.get(m.id, context=m.context) is None:
            found.append(f"no longer in the code: {m.id!r}")
    compiled: dict[Key, str] = {}
    if MO.exists():
        with MO.open("rb") as f:
            compiled = translations(read_mo(f))
    if compiled != done:
        found.append(f"{MO.name} differs from {PO.name}: run scripts/gettext_catalogue.py")
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    args = parser.parse_args()
    if not args.check:
        refresh()
    found = problems()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
