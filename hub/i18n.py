"""The hub's words in its readers' language: gettext catalogues, with Babel for the rest.

Every string a reader or an editor sees is a message in ``hub/locale/<lang>/LC_MESSAGES/
brandhub.po``: templates through Jinja's i18n extension, Python through :func:`_` and
:func:`n_`. Placeholders are ``%(name)s`` everywhere, as Jinja's ``{% trans %}`` writes them, so
Babel checks that a translation keeps every placeholder of its message.

The language is the hub's ``theme.language`` (Material's own setting, so Material's strings and
Brandhub's always agree); :func:`activate` sets it for the whole process, which builds one hub
at a time. A language with no catalogue of its own reads English. Babel formats dates and
numbers in the hub's full locale (``es_ES``, ``en_US``), the one ``og:locale`` names too.

Catalogues are compiled into ``.mo`` files when the package is built (``setup.py``); a source
checkout without them, or with a ``.po`` newer than its ``.mo``, compiles the ``.po`` in memory.
"""

from __future__ import annotations

import functools
import gettext
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date as _babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

DOMAIN = "brandhub"
LOCALE_DIR = Path(__file__).parent / "locale"
SOURCE_LANGUAGE = "en"


def catalogue_path(language: str, suffix: str = ".po") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def languages() -> tuple[str, ...]:
    """The languages that have a catalogue, English first."""
    found = sorted(p.name for p in LOCALE_DIR.iterdir() if catalogue_path(p.name).is_file())
    return tuple(sorted(found, key=lambda name: name != SOURCE_LANGUAGE))


@functools.cache
def _translations(language: str) -> gettext.NullTranslations:
    po, mo = catalogue_path(language), catalogue_path(language, ".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as handle:
            return Translations(handle, domain=DOMAIN)
    if not po.is_file():
        return gettext.NullTranslations()
    with po.open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def catalogue_language(language: str | None) -> str:
    """The catalogue that speaks ``language`` (``es-MX`` → ``es``); English when none does."""
    wanted = (language or SOURCE_LANGUAGE).replace("_", "-")
    have = languages()
    for candidate in (wanted, wanted.split("-")[0]):
        if candidate in have:
            return candidate
    return SOURCE_LANGUAGE


@functools.cache
def full_locale(language: str | None) -> str:
    """The language with its most likely territory: ``es`` → ``es_ES``, ``en`` → ``en_US``."""
    code = (language or SOURCE_LANGUAGE).replace("-", "_")
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return code
    if locale.territory:
        return f"{locale.language}_{locale.territory}"
    subtags = get_global("likely_subtags")
    likely: str = subtags.get(str(locale)) or subtags.get(locale.language, "")
    territory = next((part for part in likely.split("_")[1:] if part.isupper()), None)
    return f"{locale.language}_{territory}" if territory else locale.language


@dataclass(frozen=True)
class Language:
    """What the hub speaks: ``code`` as in ``<html lang>``, its catalogue and its locale."""

    code: str
    catalogue: str
    locale: str  # e.g. es_ES: og:locale, and how dates and numbers are written

    @property
    def translations(self) -> gettext.NullTranslations:
        return _translations(self.catalogue)

    @functools.cached_property  # Babel parses a locale anew at each call: every date of a build
    def babel(self) -> Locale:
        try:
            return Locale.parse(self.locale)
        except (UnknownLocaleError, ValueError):
            return Locale.parse(self.catalogue)


@functools.cache
def language(code: str | None, locale: str | None = None) -> Language:
    """The language of a hub whose ``theme.language`` is ``code`` (``locale``: its setting)."""
    code = code or SOURCE_LANGUAGE
    return Language(code, catalogue_language(code), locale or full_locale(code))


_active = language(SOURCE_LANGUAGE)


def activate(spoken: Language) -> None:
    """Speak ``spoken`` from now on in this process (one hub is built at a time)."""
    global _active
    _active = spoken


def active() -> Language:
    return _active


def _(message: str, **params: Any) -> str:
    """``message`` in the active language, its ``%(name)s`` placeholders filled from params."""
    text = _active.translations.gettext(message)
    return text % params if params else text


def N_(message: str) -> str:
    """Marks a message written where no language is active yet (a module's table), for the
    catalogue; :func:`_` translates it where it is shown."""
    return message


def n_(singular: str, plural: str, count: int, **params: Any) -> str:
    """The form of a message for ``count`` (``%(count)s`` in it is the number, localised)."""
    text = _active.translations.ngettext(singular, plural, count)
    return text % {"count": number(count), **params}


def plural_forms(singular: str, plural: str) -> dict[str, str]:
    """A counting message for a browser: its text for each CLDR plural category of the
    active language (``one``, ``few``, ``other``…), placeholders left for the script."""
    rule = _active.babel.plural_form
    forms: dict[str, str] = {}
    for sample in (*range(0, 200), 1000000):
        category = rule(sample)
        if category not in forms:
            forms[category] = _active.translations.ngettext(singular, plural, sample)
    return forms


def number(value: int | float) -> str:
    """A number as the hub's readers write it (1,000 or 1.000)."""
    return str(format_decimal(value, locale=_active.babel))


def format_date(moment: date | datetime | None) -> str:
    """A date written out in the hub's locale: "5 de mayo de 2026", "May 5, 2026"."""
    if moment is None:
        return ""
    day = moment.date() if isinstance(moment, datetime) else moment
    return _long_date(day, _active)


@functools.lru_cache(maxsize=4096)  # a story's date is on its page and on ~6 listings
def _long_date(day: date, spoken: Language) -> str:
    return str(_babel_format_date(day, format="long", locale=spoken.babel))
