"""Venue search as staff type it: Chinese names and aliases, full pinyin, pinyin initials, English.

`guzhenghong`, `gu zheng hong`, `gzh` and `顾正红` all find 顾正红纪念馆.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache, lru_cache

from redtour import paths
from redtour.core.catalogue import Venue

_SPACES = re.compile(r"[\s·\-_'’()（）]+")


def normalise(text: str) -> str:
    """Lower case, full-width folded to half-width (NFKC), spaces and joiners removed."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text).lower())


PINYIN_TABLE = ("catalogue", "pinyin.json")  # under resources/: scripts/pinyin_table.py writes it


@cache
def _bundled_forms() -> dict[str, tuple[str, ...]]:
    """The catalogue's names and aliases, already converted: the venue list sorts by pinyin when the window
    opens, and importing pypinyin (its phrase dictionary and segmenter) costs ~0.7 s of every start."""
    try:
        table = json.loads(paths.resource(*PINYIN_TABLE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {text: tuple(forms) for text, forms in table.items()}


@lru_cache(maxsize=4096)
def pinyin_forms(text: str) -> tuple[str, ...]:
    """Full pinyin from each syllable onwards (``guzhenghong…``, ``zhenghong…``, …) and the initials.

    Full pinyin only matches from a syllable boundary, so ``gzh`` does not hit zhan·dong·zhan (``ngzh``).
    """
    return _bundled_forms().get(text) or convert_to_pinyin_forms(text)


def convert_to_pinyin_forms(text: str) -> tuple[str, ...]:
    """``pinyin_forms`` computed by pypinyin (names staff typed, and scripts/pinyin_table.py)."""
    from pypinyin import Style, lazy_pinyin  # imported on first use: see _bundled_forms

    syllables = [normalise(s) for s in lazy_pinyin(text, style=Style.NORMAL, errors="default")]
    suffixes = ["".join(syllables[i:]) for i in range(len(syllables))]
    return (*suffixes, "".join(s[:1] for s in syllables))


@lru_cache(maxsize=1024)
def _keys(venue_id: str, names: tuple[str, ...], english: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(keys matched anywhere, keys matched from their start)."""
    anywhere: list[str] = [normalise(english)]
    prefix: list[str] = [normalise(venue_id)]  # ids are pinyin too: "fangzhi" must not answer "gzh"
    for name in names:
        anywhere.append(normalise(name))
        *suffixes, initials = pinyin_forms(name)
        prefix.extend(suffixes)
        anywhere.append(initials)
    return tuple(k for k in anywhere if k), tuple(k for k in prefix if k)


def search_keys(venue: Venue) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _keys(venue.id, (venue.name_zh, *venue.aliases), venue.name_en)


def matches(venue: Venue, query: str) -> bool:
    q = normalise(query)
    if not q:
        return True
    anywhere, prefix = search_keys(venue)
    return (
        any(q in key for key in anywhere)
        or any(key.startswith(q) for key in prefix)
        or (venue.address is not None and q in normalise(venue.address))
    )


def search(venues: Iterable[Venue], query: str) -> list[Venue]:
    return [v for v in venues if matches(v, query)]


def resolve(venues: Iterable[Venue], text: str) -> Venue:
    """Find exactly one venue by id, name, alias or an unambiguous search; raise LookupError otherwise."""
    pool = list(venues)
    q = normalise(text)
    exact = [v for v in pool if q in (normalise(v.id), normalise(v.name_zh), *map(normalise, v.aliases))]
    if len(exact) == 1:
        return exact[0]
    found = exact or search(pool, text)
    if len(found) == 1:
        return found[0]
    if not found:
        raise LookupError(f"没有找到场馆“{text}”")
    names = "、".join(v.name_zh for v in found[:6])
    raise LookupError(f"“{text}”对应多个场馆：{names}，请写得更具体")
