"""The hub's settings (``plugins: - brandhub: …`` in mkdocs.yml), checked like front matter."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hub import i18n
from hub import schema as s
from hub.i18n import N_, _
from hub.kinds import CHANNELS, LANG
from hub.problems import Problem
from hub.socialcards import BOLD, REGULAR, font_problem

DEFAULT_CHANNELS = ("linkedin", "x", "bluesky", "whatsapp", "email")
UTC = ZoneInfo("UTC")


def _timezone() -> s.Converter:
    base = s.text()

    def convert(value: Any, ctx: s.Context) -> ZoneInfo:
        name: str = base(value, ctx)
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise s.Invalid(
                _("'%(name)s' is not a time zone", name=name),
                _("use a name such as Europe/Madrid or UTC"),
            ) from None

    return convert


def _languages() -> s.Converter:
    """The hub's languages, the first its default: codes as theme.language takes them."""
    base = s.text_list()

    def convert(value: Any, ctx: s.Context) -> tuple[str, ...]:
        codes: tuple[str, ...] = base(value, ctx)
        for code in codes:
            if not re.fullmatch(LANG, code):
                raise s.Invalid(
                    _("'%(code)s' is not a language code", code=code),
                    _("use a language code such as en, es or pt-BR"),
                )
        if not codes:
            raise s.Invalid(
                _("lists no language"),
                _("write the hub's languages, its default first, e.g. [es, en]; or remove it"),
            )
        twice = sorted({code for code in codes if codes.count(code) > 1})
        if twice:
            raise s.Invalid(
                _("lists %(codes)s more than once", codes=", ".join(twice)),
                _("name each language once"),
            )
        return codes

    return convert


# What mkdocs.yml says once that a hub of several languages says in each: brandhub.translations.
TRANSLATABLE = ("site_name", "site_description", "copyright")


def _translations() -> s.Converter:
    """Per language, the words of mkdocs.yml's own settings in that language."""
    words = s.text_mapping(values=s.text(max_length=300, one_line=True))
    base = s.text_mapping(values=words)

    def convert(value: Any, ctx: s.Context) -> dict[str, dict[str, str]]:
        result: dict[str, dict[str, str]] = base(value, ctx)
        for code, given in result.items():
            unknown = sorted(set(given) - set(TRANSLATABLE))
            if unknown:
                raise s.Invalid(
                    _(
                        "%(code)s: %(keys)s cannot be translated here",
                        code=code,
                        keys=", ".join(unknown),
                    ),
                    _("translate %(keys)s", keys=", ".join(TRANSLATABLE)),
                )
        return result

    return convert


def _channels() -> s.Converter:
    base = s.text_list()
    one = s.choice(*CHANNELS)

    def convert(value: Any, ctx: s.Context) -> tuple[str, ...]:
        return tuple(one(channel, ctx) for channel in base(value, ctx))

    return convert


COLOUR = r"#[0-9A-Fa-f]{6}"
COLOUR_HINT = N_("write a colour as #RRGGBB, e.g. #0F5C63")

SCHEMA: s.Schema = {
    "organisation": s.Field(s.text(max_length=120, one_line=True)),
    # og:locale, and how dates and numbers are written; default: theme.language's usual one.
    "locale": s.Field(s.pattern(r"[a-z]{2,3}(_[A-Z]{2})?", N_("write a locale such as es_ES"))),
    "timezone": s.Field(_timezone(), default=UTC),
    # A hub in several languages: one full hub per language, at /<code>/ (hub.languages).
    "languages": s.Field(_languages(), default=()),
    # …and, per language but the default, mkdocs.yml's site_name, site_description, copyright.
    "translations": s.Field(_translations(), default={}),
    "channels": s.Field(_channels(), default=DEFAULT_CHANNELS),
    "disclosure": s.Field(s.pattern(r"#\w+", N_("write one hashtag such as #ProudToWorkAtAcme"))),
    "banned_terms": s.Field(s.text_mapping(), default={}),
    "utm_medium": s.Field(s.text(max_length=60, one_line=True), default="employee-advocacy"),
    "utm_source": s.Field(s.text_mapping(), default={}),
    "utm_campaign": s.Field(s.text(max_length=60, one_line=True), default="brandhub"),
    "feed_limit": s.Field(s.integer(minimum=1), default=50),
    "feed_full_content": s.Field(s.boolean(), default=True),
    "stories_per_page": s.Field(s.integer(minimum=1), default=12),
    "search_shard_pages": s.Field(s.integer(minimum=1), default=2500),
    "parallel_build": s.Field(s.boolean(), default=True),
    "mastodon_limit": s.Field(s.integer(minimum=1), default=500),
    "card_background": s.Field(s.pattern(COLOUR, COLOUR_HINT), default="#1F2937"),
    "card_text": s.Field(s.pattern(COLOUR, COLOUR_HINT), default="#FFFFFF"),
    "card_accent": s.Field(s.pattern(COLOUR, COLOUR_HINT), default="#F59E0B"),
    # Font files, relative to mkdocs.yml; checked in load_settings, which knows that folder.
    "card_font": s.Field(s.text()),
    "card_title_font": s.Field(s.text()),
    "cache_dir": s.Field(s.text(), default=".cache/brandhub"),
    "html_sanitize": s.Field(s.boolean(), default=True),
    "embed_hosts": s.Field(
        s.text_list(), default=("www.youtube-nocookie.com", "www.youtube.com", "player.vimeo.com")
    ),
}


@dataclass(frozen=True, kw_only=True, eq=False)  # compared by identity: one per build
class Settings:
    organisation: str
    language: str = i18n.SOURCE_LANGUAGE  # theme.language, Material's own setting
    locale: str | None = None
    timezone: ZoneInfo = UTC
    # A multilingual hub's languages, the default first; empty: one language, theme.language.
    languages: tuple[str, ...] = ()
    # Per language: mkdocs.yml's site_name, site_description and copyright in that language.
    translations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    channels: tuple[str, ...] = DEFAULT_CHANNELS
    disclosure: str | None = None
    banned_terms: Mapping[str, str] = field(default_factory=dict)
    utm_medium: str = "employee-advocacy"
    utm_source: Mapping[str, str] = field(default_factory=dict)
    utm_campaign: str = "brandhub"
    feed_limit: int = 50
    feed_full_content: bool = True
    stories_per_page: int = 12
    search_shard_pages: int = 2500  # pages per Pagefind run (hub.search): its memory
    parallel_build: bool = True  # a full build writes pages with two processes (hub.parallel)
    mastodon_limit: int = 500
    card_background: str = "#1F2937"
    card_text: str = "#FFFFFF"
    card_accent: str = "#F59E0B"
    card_font: str = REGULAR  # absolute paths: Noto Sans, shipped in hub/fonts, or the hub's
    card_title_font: str = BOLD  # the card_font when a hub gives one but no title font
    cache_dir: str = ".cache/brandhub"  # relative to mkdocs.yml: cards, search, check, feeds …
    html_sanitize: bool = True  # off only where everyone who merges is trusted
    embed_hosts: tuple[str, ...] = (
        "www.youtube-nocookie.com",
        "www.youtube.com",
        "player.vimeo.com",
    )

    @property
    def spoken(self) -> i18n.Language:
        """The language the hub's pages, messages and cards are written in."""
        return i18n.language(self.language, self.locale)


def load_settings(
    raw: Mapping[str, Any],
    *,
    site_name: str,
    file: str = "mkdocs.yml",
    language: str | None = None,
    root: Path | None = None,
    building: str | None = None,
) -> tuple[Settings, list[Problem]]:
    """Check the plugin's options; ``site_name`` is the organisation unless one is given;
    ``language``: theme.language; ``root``: the folder of mkdocs.yml (default: the working
    one). From here on, messages are written in the hub's language. A hub with
    ``languages`` speaks ``building`` (one of them; default: the first), and its ``locale``
    only where the locale is of that language."""
    locale = raw.get("locale") if isinstance(raw.get("locale"), str) else None
    i18n.activate(i18n.language(language, locale))
    values, problems = s.validate(raw, SCHEMA, s.Context(file=file), prefix="brandhub.")
    if values.get("languages"):
        codes: tuple[str, ...] = values["languages"]
        language = building if building in codes and building else codes[0]
        if locale and locale.split("_")[0] != language.replace("_", "-").split("-")[0]:
            values["locale"] = locale = None
        i18n.activate(i18n.language(language, locale))
    strays = sorted(set(values.get("translations") or ()) - set(values.get("languages") or ()))
    if strays:
        problems.append(
            Problem(
                file,
                None,
                "brandhub.translations",
                _(
                    "translates into %(codes)s, which brandhub.languages does not list",
                    codes=", ".join(strays),
                ),
                _("add the language to brandhub.languages, or remove its translations"),
            )
        )
    for key in ("card_font", "card_title_font"):
        if values.get(key) is not None:
            values[key] = _font_file(values[key], root or Path.cwd(), file, key, problems)
    if values.get("card_title_font") is None and values.get("card_font") is not None:
        values["card_title_font"] = values["card_font"]  # one brand font for all of a card
    values = {key: value for key, value in values.items() if value is not None}
    values.setdefault("organisation", site_name)
    values["language"] = language or i18n.SOURCE_LANGUAGE
    return Settings(**values), problems


def _font_file(
    written: str, root: Path, file: str, key: str, problems: list[Problem]
) -> str | None:
    """The font file's absolute path, or None after adding the problem with it."""
    path = (root / written).resolve()
    problem = font_problem(path)
    if problem is None:
        return str(path)
    if problem == "missing":
        message = _("%(file)s not found", file=written)
    elif problem == "damaged":
        message = _("%(file)s is damaged: some of its letters cannot be drawn", file=written)
    else:
        message = _("%(file)s is not a font", file=written)
    hint = _(
        "give a TrueType (.ttf) or OpenType (.otf) font file, relative to the folder of "
        "mkdocs.yml, or remove the key to draw cards in Noto Sans"
    )
    problems.append(Problem(file, None, f"brandhub.{key}", message, hint))
    return None
