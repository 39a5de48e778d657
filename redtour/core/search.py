"""Venue search as staff type it: Chinese names and aliases, full pinyin, pinyin initials, English.

`guzhenghong`, `gu zheng hong`, `gzh` and `顾正红` all find 顾正红纪念馆.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from redtour.core.catalogue import Venue

_SPACES = re.compile(r"[\s·\-_'’()（）]+")


def normalise(text: str) -> str:
    """Lower case, full-width folded to half-width (NFKC), spaces and joiners removed."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text).lower())


@lru_cache(maxsize=4096)
def pinyin_forms(text: str) -> tuple[str, str]:
    """(full pinyin without tones, initials) of a Chinese string; other characters pass through."""
    from pypinyin import Style, lazy_pinyin  # imported on first use: loading its dictionary takes ~0.2 s

    full = lazy_pinyin(text, style=Style.NORMAL, errors="default")
    initials = [syllable[:1] for syllable in full]
    return normalise("".join(full)), normalise("".join(initials))


@lru_cache(maxsize=1024)
def _keys(venue_id: str, names: tuple[str, ...], english: str) -> tuple[str, ...]:
    keys: list[str] = []
    for name in names:
        keys.append(normalise(name))
        keys.extend(pinyin_forms(name))
    if english:
        keys.append(normalise(english))
    keys.append(normalise(venue_id))
    return tuple(k for k in keys if k)


def search_keys(venue: Venue) -> tuple[str, ...]:
    return _keys(venue.id, (venue.name_zh, *venue.aliases), venue.name_en)


def matches(venue: Venue, query: str) -> bool:
    q = normalise(query)
    if not q:
        return True
    return any(q in key for key in search_keys(venue)) or (
        venue.address is not None and q in normalise(venue.address)
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
