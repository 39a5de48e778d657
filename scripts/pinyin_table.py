"""Write resources/catalogue/pinyin.json: the pinyin forms of every catalogue name and alias.

The app reads this table instead of importing pypinyin when the window opens (redtour/core/search.py); names
not in it (venues staff added or renamed) are still converted by pypinyin when first needed.
    python scripts/pinyin_table.py [--check]
Run it after changing resources/catalogue/venues/. --check exits 1 when the table is not exactly what the
source gives (tests/core/test_search.py runs it).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from redtour import paths
from redtour.core.search import PINYIN_TABLE, convert_to_pinyin_forms
from redtour.storage.catalogue_source import load_venues


def table() -> dict[str, list[str]]:
    names = sorted({n for v in load_venues(paths.catalogue_source_dir()) for n in (v.name_zh, *v.aliases)})
    return {name: list(convert_to_pinyin_forms(name)) for name in names}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 when out of date")
    args = parser.parse_args()
    rows = [
        f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
        for k, v in table().items()
    ]
    text = "{\n" + ",\n".join(rows) + "\n}\n"  # one name a line: a catalogue edit is a small diff
    out: Path = paths.resource(*PINYIN_TABLE)
    if args.check:
        current = out.read_text(encoding="utf-8") if out.is_file() else ""
        if current != text:
            print(f"{out} is out of date: run python scripts/pinyin_table.py", file=sys.stderr)
            return 1
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(json.loads(text))} names)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
