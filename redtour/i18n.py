"""One Qt-free translation mechanism for text made outside the widgets: planner warnings, map words, legends.

Chinese is the source language. ``_("中文")`` marks a message and translates it into the installed language;
English comes from resources/i18n/redtour_en.mo, compiled from redtour_en.po by scripts/gettext_catalogue.py
(Babel extracts the ``_()``/``N_()`` marks). The GUI installs its language at start-up; the CLI stays Chinese.
The widgets' own strings go through Qt's ``tr()`` (redtour/ui/i18n.py) as before.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from redtour import paths

SOURCE_LANGUAGE = "zh_CN"
DOMAIN = "redtour"


def catalogue_path(language: str, suffix: str = ".mo") -> Path:
    return paths.resource("i18n", f"{DOMAIN}_{language}{suffix}")


@cache
def translation(language: str) -> gettext.NullTranslations:
    """The catalogue for ``language`` (``en`` or ``en_GB`` → redtour_en.mo); the source language as is."""
    if language.startswith("zh"):
        return gettext.NullTranslations()
    for name in (language, language.split("_")[0]):
        path = catalogue_path(name)
        if path.is_file():
            with path.open("rb") as f:
                return gettext.GNUTranslations(f)
    return gettext.NullTranslations()


_installed: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def install(language: str) -> None:
    """Translate ``_()`` messages into ``language`` from now on (the UI language, at start-up)."""
    global _installed, _language
    _installed, _language = translation(language), language


def installed_language() -> str:
    return _language


def _(message: str) -> str:
    return _installed.gettext(message)


def N_(message: str) -> str:
    """Mark a message for the catalogue that is translated later with ``_()`` (e.g. a table of names)."""
    return message


def catalogue(language: str | None = None) -> gettext.NullTranslations:
    """One language's catalogue (None: the installed one), for code given a language explicitly."""
    return _installed if language is None else translation(language)
