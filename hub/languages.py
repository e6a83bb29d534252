"""A hub in several languages: which file is which language, and the links between them.

One content folder holds every language. ``stories/x.es.md`` is the Spanish version of
``stories/x.md``; a file without a language ending is in the hub's default language (the
first of ``brandhub.languages``), as in mkdocs-static-i18n's suffix structure and Hugo's
translation by file name. Each language is a full hub at ``/<code>/``: its build reads only
that language's files, each under the name without its ending (``x.es.md`` takes the address,
the links and the welcome steps of ``x.md``), so that versions of one item share one key.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from babel import Locale, UnknownLocaleError


def split(rel: str, languages: Sequence[str]) -> tuple[str, str | None]:
    """The key of the content file at ``rel`` (its path without a language ending) and the
    language its name gives, if any: ``stories/x.es.md`` → (``stories/x.md``, ``es``)."""
    folder, name = posixpath.split(rel)
    stem, dot, ending = name[: -len(".md")].rpartition(".")
    if not dot or not stem or ending not in languages:
        return rel, None
    key = f"{stem}.md"
    return (f"{folder}/{key}" if folder else key), ending


@dataclass
class Versions:
    """Every Markdown file of the content folder by key: its language and shown path."""

    by_key: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict)

    def add(self, key: str, language: str, rel: str, shown: str) -> None:
        self.by_key.setdefault(key, {})[language] = (rel, shown)

    def missing(self, languages: Sequence[str]) -> Iterable[tuple[str, str, str]]:
        """For each version an item lacks: the shown path of the item's first version, the
        language it lacks, and the shown path of the file that would hold it."""
        for key in sorted(self.by_key):
            have = self.by_key[key]
            first = next(code for code in languages if code in have)
            rel, shown = have[first]
            folder = shown[: len(shown) - len(rel)]
            for code in languages:
                if code not in have:
                    yield shown, code, folder + file_for(key, code, languages[0])

    def shown_file(self, key: str, language: str, default: str) -> str:
        """The shown path of the file that holds (or would hold) ``key`` in ``language``."""
        rel, shown = next(iter(self.by_key[key].values()))
        return shown[: len(shown) - len(rel)] + file_for(key, language, default)


def file_for(key: str, language: str, default: str) -> str:
    """The content path of the version in ``language`` of the item ``key``."""
    return key if language == default else f"{key[: -len('.md')]}.{language}.md"


def name_in(code: str, language: str) -> str:
    """A language's name as ``language`` writes it ("inglés" in Spanish)."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    return name or code


def name_of(code: str) -> str:
    """A language's name in that language, as a switcher shows it: "Español", "English"."""
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return code
    return (name or code)[:1].upper() + (name or code)[1:]
