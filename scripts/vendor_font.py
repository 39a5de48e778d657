"""Vendor the bundled Chinese font: Noto Sans SC (SIL OFL 1.1), TrueType outlines, subset for the app.

Run once when upgrading or when new text may need characters outside GB 2312; the result is committed:

    pip install -e '.[vendor]'          # fontTools
    python scripts/vendor_font.py       # fetches the npm package, writes resources/fonts/
    python scripts/vendor_font.py --check   # exit 1 when some app text has no glyph in the committed font

Why this font and this shape:
- TrueType (glyf) outlines: Chromium embeds glyf fonts in a route-sheet PDF as real TrueType subsets, while the
  CFF fonts most systems carry (Debian's fonts-noto-cjk) come out as Type 3 glyph procedures.
- One glyph per code point: Skia writes a PDF's ToUnicode from the lowest code point mapped to a glyph, so a
  font that also maps Kangxi radicals (⼭ U+2F2D) to the glyph of 山 makes the sheet's text extract as radicals.
  Radicals, strokes and compatibility ideographs are left out, and any other code point that shares a glyph with
  a lower one (– U+2013 with ‒ U+2012, ～ U+FF5E with 〜 U+301C …) gets its own copy of the glyph.
- The subset: GB 2312, ASCII and Latin-1, general and CJK punctuation, full-width forms, plus every character in
  the catalogue, templates, translations, user guide, basemap names and the app's own strings. Anything else
  falls back to the system's fonts.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEST = REPO / "resources" / "fonts"
PACKAGE = "@expo-google-fonts/noto-sans-sc"
VERSION = "0.4.3"  # Google Fonts' notosanssc v40 = Noto Sans SC 2.004, static TrueType per weight
# weight → (file in the package, GB 2312 rows). Bold carries only level 1 (the 3,755 common hanzi, rows 16–55)
# to halve its size; rarer bold characters fall back to the regular face (never to synthetic bold: Chromium
# prints synthesised bold as Type 3 fonts).
WEIGHTS = {
    "Regular": ("400Regular/NotoSansSC_400Regular.ttf", 0xF7),
    "Bold": ("700Bold/NotoSansSC_700Bold.ttf", 0xD7),
}  # bold is synthesised (the bold file doubles the size)
FONT_NAME = "NotoSansSC-{weight}.ttf"

RANGES = {
    "ASCII": (0x20, 0x7E),
    "Latin-1": (0xA0, 0xFF),
    "General Punctuation": (0x2000, 0x206F),
    "CJK Symbols and Punctuation": (0x3000, 0x303F),
    "Halfwidth and Fullwidth Forms": (0xFF00, 0xFFEF),
}
# Radicals, strokes and compatibility ideographs: look-alikes of ordinary characters (see the docstring).
EXCLUDED = ((0x2E80, 0x2FDF), (0x31C0, 0x31EF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
CORPUS = (
    "resources/catalogue/**/*",
    "resources/templates/**/*",
    "resources/i18n/*.ts",
    "resources/basemap/*.geojson",
    "resources/web/redtour/*",
    "redtour/**/*.py",
    "docs/user-guide.md",
)

VISIBLE_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")


def gb2312(last_row: int = 0xF7) -> set[int]:
    out = set()
    for hi in range(0xA1, last_row + 1):
        for lo in range(0xA1, 0xFF):
            with contextlib.suppress(UnicodeDecodeError):
                out.add(ord(bytes((hi, lo)).decode("gb2312")))
    return out


def file_text(path: Path) -> str:
    """A file's text; a Word template's is in its body, header and footer parts (not the font table)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as z:
            return "".join(z.read(n).decode("utf-8", "ignore") for n in z.namelist() if VISIBLE_PART.match(n))
    return path.read_text(encoding="utf-8", errors="ignore")


def corpus_chars() -> set[int]:
    chars: set[int] = set()
    for pattern in CORPUS:
        for path in sorted(REPO.glob(pattern)):
            if path.is_file():
                chars.update(map(ord, file_text(path)))
    return {c for c in chars if unicodedata.category(chr(c))[0] not in "CZ" or c in (0x20, 0x3000)}


def excluded(code: int) -> bool:
    return any(lo <= code <= hi for lo, hi in EXCLUDED)


def wanted_chars(last_row: int = 0xF7) -> set[int]:
    chars = gb2312(last_row) | corpus_chars()
    for lo, hi in RANGES.values():
        chars.update(range(lo, hi + 1))
    return {c for c in chars if not excluded(c)}


def one_glyph_per_code_point(font) -> list[str]:
    """Give every code point that shares a glyph with a lower one its own copy of that glyph.

    The lowest code point keeps the original (and the layout features that refer to it); the copies cost a few
    hundred bytes each. Returns the groups that were split, for the log.
    """
    from copy import deepcopy

    by_glyph: dict[str, list[int]] = {}
    for code, glyph in sorted(font.getBestCmap().items()):
        by_glyph.setdefault(glyph, []).append(code)
    shared = {glyph: codes for glyph, codes in by_glyph.items() if len(codes) > 1}
    order = font.getGlyphOrder()
    glyf, hmtx = font["glyf"], font["hmtx"]
    vmtx = font.get("vmtx")
    renamed: dict[int, str] = {}
    for glyph, codes in shared.items():
        for code in codes[1:]:
            copy = f"uni{code:04X}.rt" if code <= 0xFFFF else f"u{code:05X}.rt"
            glyf[copy] = deepcopy(glyf[glyph])
            hmtx[copy] = hmtx[glyph]
            if vmtx is not None:
                vmtx[copy] = vmtx[glyph]
            if copy not in order:  # glyf may share the font's glyph-order list
                order.append(copy)
            renamed[code] = copy
    font.setGlyphOrder(order)
    for table in font["cmap"].tables:
        for code in renamed.keys() & table.cmap.keys():
            table.cmap[code] = renamed[code]
    return [" ".join(f"U+{c:04X}" for c in codes) for codes in shared.values()]


def fetch_package(tmp: Path) -> Path:
    subprocess.run(
        ["npm", "pack", "--silent", f"{PACKAGE}@{VERSION}"], cwd=tmp, check=True, capture_output=True
    )
    tgz = next(tmp.glob("*.tgz"))
    with tarfile.open(tgz) as tar:
        tar.extractall(tmp, filter="data")
    return tmp / "package"


def subset(source: Path, out: Path, chars: set[int]) -> tuple[int, list[str]]:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    options = ft_subset.Options()
    options.hinting = False  # the Google Fonts build carries no real hints; unhinted CJK renders the same
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["STAT"]
    font = TTFont(source, recalcTimestamp=False)  # the same input gives the same bytes
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    shared = one_glyph_per_code_point(font)
    name = font["name"]
    for record in name.names:
        if record.nameID == 5:
            record.string = f"{record.toUnicode()}; redtour subset"
    font.save(out)
    return len(font.getBestCmap()), shared


def check() -> int:
    from fontTools.ttLib import TTFont

    cmap = TTFont(DEST / FONT_NAME.format(weight="Regular")).getBestCmap()
    missing = sorted(c for c in corpus_chars() if c not in cmap and not excluded(c) and c > 0x2000)
    missing = [c for c in missing if unicodedata.category(chr(c)).startswith("L")]
    for c in missing:
        print(f"no glyph for U+{c:04X} {chr(c)}")
    return 1 if missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--check", action="store_true", help="only check the committed font covers the app's text"
    )
    args = parser.parse_args()
    if args.check:
        return check()
    DEST.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmpdir:
        package = fetch_package(Path(tmpdir))
        (DEST / "OFL.txt").write_text(
            (package / "LICENSE_FONT").read_text(encoding="utf-8"), encoding="utf-8"
        )
        rows = []
        for weight, (rel, last_row) in WEIGHTS.items():
            source = package / rel
            out = DEST / FONT_NAME.format(weight=weight)
            mapped, shared = subset(source, out, wanted_chars(last_row))
            digest = hashlib.sha256(source.read_bytes()).hexdigest()
            rows.append((out.name, rel, digest, mapped, out.stat().st_size, shared))
            print(f"{out.relative_to(REPO)}: {mapped} code points, {out.stat().st_size / 1e6:.2f} MB")
            for codes in shared:
                print(f"  own glyph each: {codes}")
    write_provenance(rows, len(gb2312()), len(corpus_chars()))
    return 0


def write_provenance(rows, n_gb2312: int, n_corpus: int) -> None:
    ranges = "\n".join(f"- {name}: U+{lo:04X}–U+{hi:04X}" for name, (lo, hi) in RANGES.items())
    excl = ", ".join(f"U+{lo:04X}–U+{hi:04X}" for lo, hi in EXCLUDED)
    files = "\n".join(
        f"| {out} | `{rel}` (sha256 {digest[:16]}…) | {mapped} | {size / 1e6:.2f} MB |"
        for out, rel, digest, mapped, size, _shared in rows
    )
    corpus = ", ".join(f"`{p}`" for p in CORPUS)
    text = f"""# Bundled font: where it comes from

Generated by `scripts/vendor_font.py` (do not edit by hand; run the script again).

| file | taken from | code points | size |
|---|---|---|---|
{files}

Total {sum(row[4] for row in rows) / 1e6:.2f} MB.

- Font: **Noto Sans SC** 2.004 (Google Fonts notosanssc v40), © 2014-2021 Adobe, SIL Open Font License 1.1
  (`OFL.txt` here). TrueType (glyf) outlines, regular and bold.
- Source: `npm pack {PACKAGE}@{VERSION}` (the npm registry), which carries Google Fonts' static TTFs
  (https://fonts.google.com/noto/specimen/Noto+Sans+SC, upstream https://github.com/notofonts/noto-cjk).
- Changes: subset with fontTools (hinting dropped, STAT dropped, version string marked "redtour subset"), and
  every code point that shared a glyph with a lower one given its own copy of the glyph, so a PDF's text
  extracts as the character that was printed (Skia maps each glyph back to its lowest code point).
  The family name stays "Noto Sans SC" (the licence's reserved name is "Source").

Subset ({n_gb2312} GB 2312 characters, {n_corpus} characters found in the app's text):
- GB 2312 (every two-byte code decoded with Python's gb2312 codec); bold: only rows 1–9 and level 1
  (rows 16–55, the 3,755 common hanzi)
{ranges}
- every character in {corpus}
  (`python scripts/vendor_font.py --check` says whether new text needs a re-run)
- never: {excl} (radicals, strokes, compatibility ideographs)

Characters outside the subset fall back to the system's fonts.
"""
    (DEST / "PROVENANCE.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
